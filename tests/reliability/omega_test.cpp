// Omega (methods/reliability/omega) against psych 2.2.9 omega() and the same steps on the
// converged minres solutions (validation/reliability/omega/generate.R, ref_omega.csv).
#include <catch2/catch.hpp>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/reliability/omega.hpp"
#include "validity/validity_support.hpp"

using Catch::Matchers::WithinAbs;
using namespace cikit;
using namespace cikit_test;

TEST_CASE("omega_one_factor: both denominators", "[reliability][omega][reference]") {
  const RefStore ref(validation_dir() + "/reliability/omega/ref_omega.csv");
  double worst = 0, worst_psych = 0;
  for (const auto& c : validity_cases()) {
    INFO("case " << c.name);
    const OmegaOneFactorResult o = omega_one_factor(c.x);
    // Iterative minres fit underneath: 1e-6 (loadings), omegas are smooth functions of them.
    CHECK(max_abs_diff(o.loadings, ref.get(c.name, "one_loadings")) < 1e-6);
    const double d1 = std::abs(o.omega_model - ref.scalar(c.name, "one_omega_model"));
    const double d2 = std::abs(o.omega_observed - ref.scalar(c.name, "one_omega_observed"));
    worst = std::max({worst, d1, d2});
    CHECK(d1 < 1e-6);
    CHECK(d2 < 1e-6);
    // psych::omega(nfactors = 1)$omega.tot is the observed-denominator version (psych's
    // optimizer stops early: measured < 1e-4).
    const double dp = std::abs(o.omega_observed - ref.scalar(c.name, "psych_one_omega_tot"));
    worst_psych = std::max(worst_psych, dp);
    CHECK(dp < 1e-4);
  }
  WARN("one-factor omega: largest deviation from converged R " << worst << ", from psych::omega " << worst_psych);
}

TEST_CASE("omega_schmid_leiman: matches psych::omega", "[reliability][omega][reference]") {
  const RefStore ref(validation_dir() + "/reliability/omega/ref_omega.csv");
  double worst_tight = 0, worst_psych = 0;
  std::string worst_case;
  int n = 0;
  for (const auto& c : validity_cases()) {
    if (c.x.cols() < 8) continue;
    for (int m = 2; m <= 3; ++m) {
      const std::string key = c.name + "#" + std::to_string(m);
      INFO("case " << key);
      OmegaOptions o;
      o.n_factors = m;
      const OmegaSlResult r = omega_schmid_leiman(c.x, o);
      // Chain of iterative steps (minres 1e-10, GPFoblq stopping at gradient 1e-5 identical
      // on both sides): 1e-6.
      double d = 0;
      d = std::max(d, std::abs(r.omega_h - ref.scalar(key, "tight_omega_h")));
      d = std::max(d, std::abs(r.omega_total - ref.scalar(key, "tight_omega_tot")));
      d = std::max(d, std::abs(r.omega_limit - ref.scalar(key, "tight_omega_lim")));
      d = std::max(d, std::abs(r.alpha - ref.scalar(key, "tight_alpha")));
      d = std::max(d, std::abs(r.ecv - ref.scalar(key, "tight_ecv")));
      d = std::max(d, max_abs_diff(r.g, ref.get(key, "tight_g")));
      d = std::max(d, max_abs_diff(r.group, ref.get(key, "tight_group")));
      d = std::max(d, max_abs_diff(r.h2, ref.get(key, "tight_h2")));
      d = std::max(d, max_abs_diff(r.phi, ref.get(key, "tight_phi")));
      d = std::max(d, max_abs_diff(r.g_second_order, ref.get(key, "tight_gload")));
      d = std::max(d, max_abs_diff(r.key.cast<double>(), ref.get(key, "tight_key")));
      Eigen::MatrixXd grp(m, 3);
      grp << r.group_total, r.group_general, r.group_group;
      d = std::max(d, max_abs_diff(grp, ref.get(key, "tight_omega_group")));
      worst_tight = std::max(worst_tight, d);
      CHECK(d < 1e-6);
      const double dp = std::max({std::abs(r.omega_h - ref.scalar(key, "psych_omega_h")),
                                  std::abs(r.omega_total - ref.scalar(key, "psych_omega_tot")),
                                  max_abs_diff(r.g, ref.get(key, "psych_g"))});
      if (dp > worst_psych) worst_psych = dp, worst_case = key;
      // psych's own fa() stops early (validation/validity/fa): measured worst below.
      CHECK(dp < 5e-3);
      ++n;
    }
  }
  WARN(n << " omega fits; largest deviation from converged R " << worst_tight << ", from psych::omega "
         << worst_psych << " (" << worst_case << ")");
}

TEST_CASE("omega: properties", "[reliability][omega][property]") {
  // Exact one-factor R (l = .8, .7, .6, .5): omega_model = omega_observed = Jöreskog rho.
  Eigen::VectorXd l(4);
  l << .8, .7, .6, .5;
  Eigen::MatrixXd r = l * l.transpose();
  r.diagonal().setOnes();
  const OmegaOneFactorResult o = omega_one_factor_correlation(r);
  const double rho = l.sum() * l.sum() / (l.sum() * l.sum() + (1 - l.array().square()).sum());
  // Closed form after an iterative fit that reproduces R exactly: 1e-9.
  CHECK_THAT(o.omega_model, WithinAbs(rho, 1e-9));
  CHECK_THAT(o.omega_observed, WithinAbs(rho, 1e-9));
  CHECK(max_abs_diff(o.loadings, l) < 1e-8);
  // Reversing an item of the data (flip): SL omegas are unchanged.
  const auto c = load_validity_case("sim2/all", validity_datasets()[2].second);
  Eigen::MatrixXd y = c.x;
  y.col(0) *= -1;
  OmegaOptions op;
  const OmegaSlResult a = omega_schmid_leiman(c.x, op), b = omega_schmid_leiman(y, op);
  CHECK_THAT(a.omega_h, WithinAbs(b.omega_h, 1e-8));
  CHECK_THAT(a.omega_total, WithinAbs(b.omega_total, 1e-8));
  CHECK(b.key(0) == -1);
  CHECK(a.omega_h <= a.omega_total);
}

TEST_CASE("omega: errors", "[reliability][omega][error]") {
  const Eigen::MatrixXd r2 = Eigen::MatrixXd::Identity(2, 2);
  REQUIRE_THROWS_MATCHES(omega_one_factor_correlation(r2), InvalidInput, MessageContains("at least 3"));
  Eigen::MatrixXd r = Eigen::MatrixXd::Constant(5, 5, 0.3);
  r.diagonal().setOnes();
  OmegaOptions o;
  o.n_factors = 1;
  REQUIRE_THROWS_MATCHES(omega_schmid_leiman_correlation(r, o), InvalidInput, MessageContains("n_factors is 1"));
  o.n_factors = 5;
  REQUIRE_THROWS_MATCHES(omega_schmid_leiman_correlation(r, o), InvalidInput, MessageContains("n_factors is 5"));
  o.n_factors = 2;
  CHECK(has_warning(omega_schmid_leiman_correlation(r, o).warnings, "three factors are required"));
}
