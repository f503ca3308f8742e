// Convergent/discriminant validity (methods/validity/convergent) against R
// (validation/validity/convergent/generate.R, ref_convergent.csv): one-factor minres loadings,
// CR, AVE (converged psych objective), HTMT/HTMT2 (semTools 0.5.6 htmt and the base-R formula),
// dimension-score correlations.
#include <catch2/catch.hpp>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/validity/convergent.hpp"
#include "validity_support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using namespace cikit;
using namespace cikit_test;

namespace {
std::vector<IndicatorBlock> blocks_of(const ValidityCase& c) {
  std::vector<IndicatorBlock> b;
  for (std::size_t i = 0; i < c.blocks.size(); ++i) b.push_back({c.block_names[i], c.blocks[i]});
  return b;
}
}  // namespace

TEST_CASE("convergent_validity: CR, AVE, HTMT, HTMT2 match R", "[validity][convergent][reference]") {
  const RefStore ref(validation_dir() + "/validity/convergent/ref_convergent.csv");
  double worst_fit = 0, worst_htmt = 0, worst_score = 0;
  for (const auto& [name, path] : validity_datasets()) {
    INFO("data " << name);
    const auto c = load_validity_case(name + "/all", path);
    const auto blocks = blocks_of(c);
    const ConvergentResult r = convergent_validity(c.x, blocks);
    for (const auto& b : r.blocks) {
      const std::string key = name + "/" + b.name;
      INFO("block " << key);
      // Iterative minres fit: 1e-6.
      const double d = std::max({max_abs_diff(b.loadings, ref.get(key, "loadings")),
                                 std::abs(b.cr - ref.scalar(key, "cr")), std::abs(b.ave - ref.scalar(key, "ave"))});
      worst_fit = std::max(worst_fit, d);
      CHECK(d < 1e-6);
    }
    // Closed forms on the same R: 1e-12.
    const double dh = std::max({max_abs_diff(r.htmt, ref.get(name, "htmt_semtools")),
                                max_abs_diff(r.htmt, ref.get(name, "htmt_base")),
                                max_abs_diff(r.htmt2, ref.get(name, "htmt2_semtools")),
                                max_abs_diff(r.htmt2, ref.get(name, "htmt2_base"))});
    worst_htmt = std::max(worst_htmt, dh);
    CHECK(dh < 1e-12);
    const double ds = max_abs_diff(r.score_correlation, ref.get(name, "score_cor"));
    worst_score = std::max(worst_score, ds);
    CHECK(ds < 1e-12);
    for (std::size_t f = 0; f < r.blocks.size(); ++f)
      CHECK_THAT(r.fornell_larcker(static_cast<Eigen::Index>(f), static_cast<Eigen::Index>(f)),
                 WithinRel(std::sqrt(r.blocks[f].ave), 1e-15));
    if (ref.has(name, "htmt_semtools_listwise")) {
      ConvergentOptions lw;
      lw.correlation.missing = MissingCorrelation::Listwise;
      const ConvergentResult l = convergent_validity(c.x, blocks, lw);
      CHECK(max_abs_diff(l.htmt, ref.get(name, "htmt_semtools_listwise")) < 1e-12);
    }
  }
  WARN("largest deviation from R: loadings/CR/AVE " << worst_fit << ", HTMT/HTMT2 " << worst_htmt
                                                    << ", score correlations " << worst_score);
}

TEST_CASE("convergent_validity: properties", "[validity][convergent][property]") {
  // Closed forms: CR and AVE of loadings (.8, .7, .6).
  Eigen::VectorXd l(3);
  l << .8, .7, .6;
  CHECK_THAT(composite_reliability(l), WithinRel(4.41 / (4.41 + 0.36 + 0.51 + 0.64), 1e-15));
  CHECK_THAT(average_variance_extracted(l), WithinRel((0.64 + 0.49 + 0.36) / 3, 1e-15));
  // HTMT of an exact two-factor structure: within r = a, between r = b -> HTMT = b / a.
  Eigen::MatrixXd r = Eigen::MatrixXd::Constant(6, 6, 0.2);
  r.topLeftCorner(3, 3).setConstant(0.5);
  r.bottomRightCorner(3, 3).setConstant(0.4);
  r.diagonal().setOnes();
  const std::vector<IndicatorBlock> b = {{"a", {0, 1, 2}}, {"b", {3, 4, 5}}};
  CHECK_THAT(htmt_matrix(r, b, false)(0, 1), WithinRel(0.2 / std::sqrt(0.5 * 0.4), 1e-14));
  CHECK_THAT(htmt_matrix(r, b, true)(0, 1), WithinRel(0.2 / std::sqrt(0.5 * 0.4), 1e-14));
  // Simulated 4-dimension data with loadings .75: CR high, HTMT < 0.85, Fornell-Larcker met.
  const auto c = load_validity_case("sim2/all", validity_datasets()[2].second);
  const ConvergentResult v = convergent_validity(c.x, blocks_of(c));
  for (const auto& bl : v.blocks) CHECK(bl.cr > 0.7);
  for (Eigen::Index f = 0; f < v.htmt.rows(); ++f)
    for (Eigen::Index g = 0; g < v.htmt.cols(); ++g)
      if (f != g) CHECK(v.htmt(f, g) < 0.85);
  for (const bool ok : v.fornell_larcker_ok) CHECK(ok);
}

TEST_CASE("convergent_validity: errors and warnings", "[validity][convergent][error]") {
  Eigen::MatrixXd x(6, 4);
  x << 1, 2, 3, 1, 2, 1, 5, 4, 3, 5, 4, 2, 4, 3, 6, 5, 5, 6, 5, 3, 6, 4, 8, 6;
  REQUIRE_THROWS_MATCHES(convergent_validity(x, {{"a", {0}}, {"b", {1, 2, 3}}}), InvalidInput,
                         MessageContains("dimension 'a' has 1 indicator(s)"));
  REQUIRE_THROWS_MATCHES(convergent_validity(x, {{"a", {0, 1}}, {"b", {1, 2}}}), InvalidInput,
                         MessageContains("more than one dimension"));
  REQUIRE_THROWS_MATCHES(convergent_validity(x, {{"a", {0, 9}}}), InvalidInput, MessageContains("column 9"));
  Eigen::MatrixXd r = Eigen::MatrixXd::Identity(4, 4);
  REQUIRE_THROWS_MATCHES(htmt_matrix(r, {{"a", {0, 1}}, {"b", {2, 3}}}, false), DomainError,
                         MessageContains("HTMT is undefined"));
  REQUIRE_THROWS_MATCHES(htmt_matrix(r, {{"a", {0, 1}}}, false), InvalidInput, MessageContains("at least 2"));
  const ConvergentResult two = convergent_validity(x, {{"a", {0, 1}}, {"b", {2, 3}}});
  CHECK(has_warning(two.warnings, "not identified"));
  CHECK(two.blocks[0].loadings.allFinite());
  REQUIRE_THROWS_AS(composite_reliability(Eigen::VectorXd()), InvalidInput);
}
