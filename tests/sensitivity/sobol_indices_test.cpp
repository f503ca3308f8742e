// Tests of methods/sensitivity/sobol_indices: analytic indices of the Ishigami and Sobol' G
// functions, thread independence, variance conventions, bootstrap intervals, discrete inputs,
// failures and errors.
#include "methods/sensitivity/sobol_indices.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "methods/core/error.hpp"
#include "sens_support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::SobolIndexOptions;
using sens_test::MessageContains;

namespace {

// Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x ~ U(-pi, pi)^3.
double ishigami(const Eigen::VectorXd& u) {
  const double pi = std::numbers::pi;
  const double x1 = -pi + 2 * pi * u(0);
  const double x2 = -pi + 2 * pi * u(1);
  const double x3 = -pi + 2 * pi * u(2);
  return std::sin(x1) + 7.0 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

// Analytic Ishigami indices (a = 7, b = 0.1; Saltelli et al. 2008, Global Sensitivity
// Analysis: The Primer, §4.9): V1 = 1/2 (1 + b pi^4/5)^2, V2 = a^2/8,
// V13 = b^2 pi^8 (1/18 - 1/50), V = V1 + V2 + V13.
struct IshigamiTruth {
  double s[3];
  double st[3];
};
IshigamiTruth ishigami_truth() {
  const double pi = std::numbers::pi;
  const double a = 7.0;
  const double b = 0.1;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

// Sobol' G function: f = prod (|4u - 2| + a_i)/(1 + a_i); V_i = 1/(3 (1 + a_i)^2),
// V = prod (1 + V_i) - 1, S_i = V_i / V, S_Ti = V_i prod_{j != i} (1 + V_j) / V
// (Saltelli & Sobol' 1995; Saltelli et al. 2010 §5).
const std::vector<double> kGa = {0, 1, 4.5, 9, 99, 99, 99, 99};
double g_function(const Eigen::VectorXd& u) {
  double f = 1.0;
  for (std::size_t i = 0; i < kGa.size(); ++i)
    f *= (std::abs(4 * u(static_cast<Eigen::Index>(i)) - 2) + kGa[i]) / (1 + kGa[i]);
  return f;
}

cikit::SobolIndices run(const cikit::BatchModel& f, Eigen::Index n, int k, const SobolIndexOptions& o,
                        int threads = 0, std::uint64_t seed = cikit::kDefaultSeed) {
  const auto design = cikit::saltelli_design(n, k, cikit::DesignOptions{.seed = seed});
  const auto out = cikit::evaluate_design(design, f, cikit::EvaluateOptions{threads});
  REQUIRE(out.failures.empty());
  return cikit::sobol_indices(out.y, n, k, o);
}

cikit::BatchModel scalar(double (*f)(const Eigen::VectorXd&)) {
  return [f](const Eigen::VectorXd& u) { return Eigen::VectorXd::Constant(1, f(u)); };
}

}  // namespace

TEST_CASE("sobol_indices: Ishigami analytic indices", "[sensitivity][sobol_indices][reference]") {
  const auto t = ishigami_truth();
  // The closed form reproduces METHODS-REFERENCE §8.3 (S = 0.313905, 0.442411; S_T3 = 0.243684).
  REQUIRE_THAT(t.s[0], WithinAbs(0.313905, 1e-6));
  REQUIRE_THAT(t.s[1], WithinAbs(0.442411, 1e-6));
  REQUIRE_THAT(t.st[2], WithinAbs(0.243684, 1e-6));
  SobolIndexOptions o;
  o.bootstrap_resamples = 200;
  const auto r = run(scalar(ishigami), 8192, 3, o);
  // Tolerance 0.02 at N = 2^13, justified by randomized QMC: the spread of the estimates over 8
  // independent scramblings (seeds 1..8) estimates the Monte Carlo error of the scrambled
  // Sobol' estimator directly; it is asserted below to be <= 0.005, so 0.02 is >= 4 standard
  // errors. (The i.i.d. bootstrap half-width, ~0.03 here, overstates the error of a QMC design:
  // it treats the base rows as a random sample.) Measured at seed 20221219: RQMC sd <= 0.001.
  for (int i = 0; i < 3; ++i) {
    INFO("input " << i + 1 << ": S = " << r.first(i, 0) << " ST = " << r.total(i, 0));
    CHECK_THAT(r.first(i, 0), WithinAbs(t.s[i], 0.02));
    CHECK_THAT(r.total(i, 0), WithinAbs(t.st[i], 0.02));
    CHECK(r.first_lower(i, 0) <= t.s[i] + 0.02);
    CHECK(r.first_upper(i, 0) >= t.s[i] - 0.02);
  }
  SobolIndexOptions nob;
  nob.bootstrap_resamples = 0;
  Eigen::MatrixXd s1(8, 3);
  Eigen::MatrixXd st(8, 3);
  for (int seed = 1; seed <= 8; ++seed) {
    const auto rs = run(scalar(ishigami), 8192, 3, nob, 0, static_cast<std::uint64_t>(seed));
    s1.row(seed - 1) = rs.first.col(0).transpose();
    st.row(seed - 1) = rs.total.col(0).transpose();
  }
  for (int i = 0; i < 3; ++i) {
    const double sd1 = std::sqrt((s1.col(i).array() - s1.col(i).mean()).square().sum() / 7.0);
    const double sdt = std::sqrt((st.col(i).array() - st.col(i).mean()).square().sum() / 7.0);
    INFO("input " << i + 1 << ": RQMC sd S = " << sd1 << ", sd ST = " << sdt);
    CHECK(sd1 <= 0.005);
    CHECK(sdt <= 0.005);
    CHECK_THAT(s1.col(i).maxCoeff(), WithinAbs(t.s[i], 0.02));
    CHECK_THAT(s1.col(i).minCoeff(), WithinAbs(t.s[i], 0.02));
    CHECK_THAT(st.col(i).maxCoeff(), WithinAbs(t.st[i], 0.02));
    CHECK_THAT(st.col(i).minCoeff(), WithinAbs(t.st[i], 0.02));
  }
  // Ishigami's V = 13.8446 (METHODS-REFERENCE §8.3); Monte Carlo estimate within 2%.
  CHECK_THAT(r.variance(0), WithinRel(13.844588, 0.02));
  CHECK(r.warnings.empty());
}

TEST_CASE("sobol_indices: Sobol' G function analytic indices", "[sensitivity][sobol_indices][reference]") {
  const int k = static_cast<int>(kGa.size());
  std::vector<double> vi(kGa.size());
  double prod = 1.0;
  for (std::size_t i = 0; i < kGa.size(); ++i) {
    vi[i] = 1.0 / (3.0 * (1 + kGa[i]) * (1 + kGa[i]));
    prod *= 1 + vi[i];
  }
  const double v = prod - 1;
  SobolIndexOptions o;
  o.bootstrap_resamples = 0;
  const auto r = run(scalar(g_function), 8192, k, o);
  for (int i = 0; i < k; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const double s = vi[ui] / v;
    const double st = vi[ui] * prod / (1 + vi[ui]) / v;
    INFO("input " << i + 1 << ": S = " << r.first(i, 0) << " (" << s << ") ST = " << r.total(i, 0) << " (" << st << ")");
    // Same N and tolerance argument as Ishigami (indices here are in [0, 0.72]).
    CHECK_THAT(r.first(i, 0), WithinAbs(s, 0.02));
    CHECK_THAT(r.total(i, 0), WithinAbs(st, 0.02));
  }
}

TEST_CASE("sobol_indices: identical results for 1, 2 and 8 threads", "[sensitivity][sobol_indices][property]") {
  SobolIndexOptions o;
  o.bootstrap_resamples = 100;
  std::vector<cikit::SobolIndices> rs;
  for (int t : {1, 2, 8}) {
    o.threads = t;
    rs.push_back(run(scalar(ishigami), 256, 3, o, t));
  }
  for (std::size_t j = 1; j < rs.size(); ++j) {
    CHECK((rs[j].first.array() == rs[0].first.array()).all());
    CHECK((rs[j].total.array() == rs[0].total.array()).all());
    CHECK((rs[j].first_lower.array() == rs[0].first_lower.array()).all());
    CHECK((rs[j].total_upper.array() == rs[0].total_upper.array()).all());
    CHECK((rs[j].first_half_width.array() == rs[0].first_half_width.array()).all());
  }
}

TEST_CASE("sobol_indices: variance conventions and convergence report", "[sensitivity][sobol_indices][property]") {
  const Eigen::Index n = 512;
  SobolIndexOptions pop;
  pop.bootstrap_resamples = 0;
  SobolIndexOptions samp = pop;
  samp.variance = cikit::SobolVariance::Sample;
  const auto a = run(scalar(ishigami), n, 3, pop);
  const auto b = run(scalar(ishigami), n, 3, samp);
  // S(sample) = S(population) (2N - 1)/(2N): the only difference is V̂'s divisor (closed form).
  const double ratio = (2.0 * n - 1.0) / (2.0 * n);
  for (int i = 0; i < 3; ++i) {
    CHECK_THAT(b.first(i, 0), WithinRel(a.first(i, 0) * ratio, 1e-12) || WithinAbs(0, 1e-14));
    CHECK_THAT(b.total(i, 0), WithinRel(a.total(i, 0) * ratio, 1e-12));
  }
  REQUIRE(a.convergence.size() == 3);
  CHECK(a.convergence[0].n == n / 4);
  CHECK(a.convergence[1].n == n / 2);
  CHECK(a.convergence[2].n == n);
  CHECK((a.convergence[2].first.array() == a.first.array()).all());
}

TEST_CASE("sobol_indices: bootstrap intervals and the wide-CI warning", "[sensitivity][sobol_indices][property]") {
  SobolIndexOptions o;
  o.bootstrap_resamples = 300;
  const auto r = run(scalar(ishigami), 64, 3, o);
  for (int i = 0; i < 3; ++i) {
    CHECK(r.first_lower(i, 0) <= r.first_upper(i, 0));
    CHECK(r.total_lower(i, 0) <= r.total_upper(i, 0));
    CHECK(r.first_half_width(i, 0) > 0.0);
  }
  // N = 64 is far too small for Ishigami: half-widths exceed 0.1 and a warning says so.
  REQUIRE(!r.warnings.empty());
  CHECK(r.warnings.back().find("CI half-width above 0.1") != std::string::npos);
}

TEST_CASE("sobol_indices: constant outputs get zero indices with a warning", "[sensitivity][sobol_indices][property]") {
  const cikit::BatchModel f = [](const Eigen::VectorXd& u) {
    Eigen::VectorXd y(2);
    y << 3.0, u(0);
    return y;
  };
  SobolIndexOptions o;
  o.bootstrap_resamples = 10;
  o.output_names = {"flat", "x1"};
  const auto r = run(f, 64, 2, o);
  CHECK_THAT(r.first(0, 0), WithinAbs(0.0, 0.0));  // exactly 0 by rule
  CHECK_THAT(r.total(1, 0), WithinAbs(0.0, 0.0));
  REQUIRE(r.zero_variance_outputs.size() == 1);
  CHECK(r.warnings.front().find("flat") != std::string::npos);
  // y = u1 depends on input 1 only: S_1 = S_T1 = 1, input 2 has 0 (exactly, for S_T2).
  CHECK_THAT(r.first(0, 1), WithinAbs(1.0, 0.05));
  CHECK_THAT(r.total(1, 1), WithinAbs(0.0, 1e-15));
}

TEST_CASE("sobol_indices: discrete inputs map floor(u m)", "[sensitivity][sobol_indices][property]") {
  using cikit::discrete_choice;
  CHECK(discrete_choice(0.0, 3) == 0);
  CHECK(discrete_choice(0.33, 3) == 0);
  CHECK(discrete_choice(1.0 / 3.0, 3) == 1);
  CHECK(discrete_choice(0.5, 2) == 1);
  CHECK(discrete_choice(std::nextafter(1.0, 0.0), 3) == 2);
  CHECK(discrete_choice(1.0, 3) == 2);
  CHECK(discrete_choice(0.7, 1) == 0);
  // On a scrambled Sobol' column of N = 2^10 points, each of m = 4 choices appears exactly N/4
  // times (stratification), so the design is balanced over the choices.
  const Eigen::MatrixXd p = cikit::sobol_points(1024, 2);
  std::vector<int> count(4, 0);
  for (Eigen::Index i = 0; i < p.rows(); ++i) ++count[static_cast<std::size_t>(discrete_choice(p(i, 1), 4))];
  for (int c : count) CHECK(c == 256);
  CHECK_THROWS_MATCHES(discrete_choice(0.5, 0), cikit::InvalidInput, MessageContains("m is 0"));
  CHECK_THROWS_MATCHES(discrete_choice(std::nan(""), 2), cikit::InvalidInput, MessageContains("must be in [0, 1)"));
  // A model with a discrete input: y = choice of u1 among {0, 1, 2} plus 0 * u2 has S_1 = 1.
  const cikit::BatchModel f = [](const Eigen::VectorXd& u) {
    return Eigen::VectorXd::Constant(1, static_cast<double>(discrete_choice(u(0), 3)));
  };
  SobolIndexOptions o;
  o.bootstrap_resamples = 0;
  const auto r = run(f, 1024, 2, o);
  CHECK_THAT(r.first(0, 0), WithinAbs(1.0, 0.03));
  CHECK_THAT(r.total(1, 0), WithinAbs(0.0, 1e-15));
}

TEST_CASE("sobol_indices: groups of coordinates and the random design", "[sensitivity][sobol_indices][property]") {
  // Ishigami with x1, x3 as one group: S_{13} = (V1 + V13)/V = S_T1 + S_T3 - ... = 1 - S_2.
  const auto t = ishigami_truth();
  for (const auto kind : {cikit::DesignKind::Sobol, cikit::DesignKind::Random}) {
    const auto design = cikit::saltelli_design(4096, std::vector<int>{0, 1, 0}, cikit::DesignOptions{.kind = kind});
    REQUIRE(design.inputs == 2);
    REQUIRE(design.runs() == 4096 * 4);
    const auto out = cikit::evaluate_design(design, scalar(ishigami));
    SobolIndexOptions o;
    o.bootstrap_resamples = 0;
    const auto r = cikit::sobol_indices(out.y, 4096, 2, o);
    // Random design: tolerance 0.05 (pseudo-random error ~ 1/sqrt(N) · sd(estimator) < 0.02).
    CHECK_THAT(r.first(0, 0), WithinAbs(1.0 - t.s[1], 0.05));
    CHECK_THAT(r.first(1, 0), WithinAbs(t.s[1], 0.05));
  }
}

TEST_CASE("sobol_indices: failed runs are recorded, never dropped", "[sensitivity][sobol_indices][error]") {
  const cikit::BatchModel f = [](const Eigen::VectorXd& u) -> Eigen::VectorXd {
    if (u(0) > 0.9) throw std::runtime_error("geometric mean over zeros");
    return Eigen::VectorXd::Constant(1, u(0));
  };
  const auto design = cikit::saltelli_design(64, 2);
  const auto out = cikit::evaluate_design(design, f);
  REQUIRE(!out.failures.empty());
  CHECK(out.failures.front().reason == "geometric mean over zeros");
  CHECK(out.warnings.front().find("runs failed") != std::string::npos);
  CHECK_THROWS_MATCHES(cikit::sobol_indices(out.y, 64, 2), cikit::InvalidInput, MessageContains("not finite"));
}

TEST_CASE("sobol_indices: errors", "[sensitivity][sobol_indices][error]") {
  using cikit::InvalidInput;
  const Eigen::MatrixXd y = Eigen::MatrixXd::Random(40, 1);
  CHECK_THROWS_MATCHES(cikit::sobol_indices(y, 10, 3), InvalidInput, MessageContains("N(k + 2) = 50"));
  CHECK_THROWS_MATCHES(cikit::sobol_indices(y, 1, 38), InvalidInput, MessageContains("N is 1"));
  SobolIndexOptions o;
  o.level = 1.0;
  CHECK_THROWS_MATCHES(cikit::sobol_indices(y, 10, 2, o), InvalidInput, MessageContains("level"));
  o = {};
  o.bootstrap_resamples = 1;
  CHECK_THROWS_MATCHES(cikit::sobol_indices(y, 10, 2, o), InvalidInput, MessageContains("bootstrap_resamples"));
  o = {};
  o.input_names = {"a"};
  CHECK_THROWS_MATCHES(cikit::sobol_indices(y, 10, 2, o), InvalidInput, MessageContains("input names"));
  CHECK_THROWS_MATCHES(cikit::saltelli_design(64, 65), InvalidInput, MessageContains("DesignKind::Random"));
  CHECK_THROWS_MATCHES(cikit::saltelli_design(64, std::vector<int>{0, 2}), InvalidInput,
                       MessageContains("input 1 owns no coordinate"));
  CHECK_THROWS_MATCHES(cikit::evaluate_design(cikit::saltelli_design(8, 1), cikit::BatchModel{}), InvalidInput,
                       MessageContains("empty"));
  const cikit::BatchModel bad = [](const Eigen::VectorXd&) -> Eigen::VectorXd { throw std::runtime_error("boom"); };
  CHECK_THROWS_MATCHES(cikit::evaluate_design(cikit::saltelli_design(8, 1), bad), cikit::DomainError,
                       MessageContains("run 0 failed: boom"));
}
