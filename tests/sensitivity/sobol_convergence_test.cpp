// Tests of methods/sensitivity/sobol_convergence: the convergence rule of a Sobol' index and the
// base size N needed, on constructed inputs whose answers are computed by hand (in the comments).
#include "methods/sensitivity/sobol_convergence.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

using cikit::classify_sobol_index;
using cikit::IndexConvergence;
using Catch::Matchers::WithinAbs;

TEST_CASE("sobol_n_needed: N·ratio² rounded up to a power of 2, never below N", "[sensitivity][sobol_convergence][property]") {
  CHECK(cikit::sobol_n_needed(512, 1.0) == 512);
  CHECK(cikit::sobol_n_needed(512, 0.5) == 512);     // already precise enough
  CHECK(cikit::sobol_n_needed(512, 2.0) == 2048);    // 512·4 = 2048 exactly
  CHECK(cikit::sobol_n_needed(512, 2.01) == 4096);   // 512·4.0401 = 2068.5 -> 4096
  CHECK(cikit::sobol_n_needed(512, std::numeric_limits<double>::infinity()) == 0);
  CHECK(cikit::sobol_n_needed(512, 1e6) == 0);       // 5.12e14 > 2^30
}

TEST_CASE("classify_sobol_index: the rule on hand-computed cases", "[sensitivity][sobol_convergence][reference]") {
  SECTION("converged: half-width 0.03 <= 0.05, CI excludes 0, change 0.01") {
    const IndexConvergence c = classify_sobol_index(0.40, 0.37, 0.43, 0.025, 0.01, true, true, true, 1024);
    CHECK(c.converged);
    CHECK(c.reasons == 0u);
    CHECK_THAT(c.half_width, WithinAbs(0.03, 1e-12));  // max(0.025, (0.43 - 0.37)/2)
    CHECK(c.n_needed == 1024);
  }
  SECTION("the bundled example's A13-1 row: CI [-0.263, 0.261] at N = 512") {
    // h = max(0.2, 0.262) = 0.262; N·(h/τ)² = 512·5.24² = 14058.3 -> 16384; runs 16384·6 = 98304 (k = 4).
    const IndexConvergence c = classify_sobol_index(-0.001, -0.263, 0.261, 0.2, 0.03, true, true, true, 512);
    CHECK_FALSE(c.converged);
    CHECK(c.reasons == (cikit::kCiIncludesZero | cikit::kCiTooWide));
    CHECK_THAT(c.half_width, WithinAbs(0.262, 1e-12));
    CHECK(c.n_needed == 16384);
  }
  SECTION("unstable only: a total-order index moving 0.525 -> 0.287 from N/2 to N") {
    // change 0.238 > 0.05 (a total-order CI including 0 is not a reason); N·(0.238/0.05)² = 512·22.6576
    // = 11600.7 -> 16384.
    const IndexConvergence c = classify_sobol_index(0.287, -0.01, 0.07, 0.04, 0.287 - 0.525, false, true, true, 512);
    CHECK_FALSE(c.converged);
    CHECK(c.reasons == cikit::kUnstable);
    CHECK_THAT(c.change, WithinAbs(0.238, 1e-12));
    CHECK(c.n_needed == 16384);
  }
  SECTION("a narrow CI that includes 0: the half-width must fall below the estimate") {
    // h = 0.03 <= τ; S = 0.02 > 0: N·(0.03/0.02)² = 1024·2.25 = 2304 -> 4096.
    const IndexConvergence c = classify_sobol_index(0.02, -0.01, 0.05, 0.03, 0.0, true, true, true, 1024);
    CHECK_FALSE(c.converged);
    CHECK(c.reasons == cikit::kCiIncludesZero);
    CHECK(c.n_needed == 4096);
  }
  SECTION("an estimate <= 0 with a CI including 0 is consistent with 0: no N can be estimated") {
    const IndexConvergence c = classify_sobol_index(-0.01, -0.03, 0.01, 0.02, 0.0, true, true, true, 1024);
    CHECK_FALSE(c.converged);
    CHECK(c.n_needed == 0);
  }
  SECTION("an exact 0 (degenerate CI [0, 0]) is converged") {
    const IndexConvergence c = classify_sobol_index(0.0, 0.0, 0.0, 0.0, 0.0, true, true, true, 256);
    CHECK(c.converged);
  }
  SECTION("a total-order estimate above 1 is flagged, never clamped") {
    // h = 0.06 > 0.05: N·1.2² = 1.44 N -> 2N.
    const IndexConvergence c = classify_sobol_index(1.08, 1.02, 1.14, 0.05, 0.01, false, true, true, 512);
    CHECK(c.above_one);
    CHECK_THAT(c.estimate, WithinAbs(1.08, 0.0));  // as given, not clamped
    CHECK(c.reasons == cikit::kCiTooWide);
    CHECK(c.n_needed == 1024);
  }
  SECTION("without bootstrap only the change applies; without a convergence table only the CI") {
    CHECK(classify_sobol_index(0.3, 0, 0, 0, 0.01, true, false, true, 64).converged);
    CHECK(classify_sobol_index(0.3, 0.1, 0.5, 0.2, 0.9, true, true, false, 64).reasons == cikit::kCiTooWide);
  }
  SECTION("the tolerance is an option") {
    CHECK(classify_sobol_index(0.40, 0.30, 0.50, 0.1, 0.0, true, true, true, 64, 0.1).converged);
    CHECK_FALSE(classify_sobol_index(0.40, 0.30, 0.50, 0.1, 0.0, true, true, true, 64, 0.05).converged);
  }
}

TEST_CASE("classify_sobol_index: errors", "[sensitivity][sobol_convergence][error]") {
  CHECK_THROWS_AS(classify_sobol_index(0.1, 0, 0.2, 0.1, 0, true, true, true, 1), cikit::InvalidInput);
  CHECK_THROWS_AS(classify_sobol_index(0.1, 0, 0.2, 0.1, 0, true, true, true, 64, 0.0), cikit::InvalidInput);
  CHECK_THROWS_AS(classify_sobol_index(std::nan(""), 0, 0.2, 0.1, 0, true, true, true, 64), cikit::InvalidInput);
}

TEST_CASE("sobol_convergence_status: every index of an output, and the largest N needed",
          "[sensitivity][sobol_convergence][reference]") {
  cikit::SobolIndices s;
  s.n = 512;
  s.inputs = 2;
  s.outputs = 1;
  s.first = Eigen::MatrixXd(2, 1);
  s.total = Eigen::MatrixXd(2, 1);
  s.first << 0.5, 0.0;
  s.total << 0.6, 0.2;
  s.bootstrap_resamples = 100;
  s.first_lower = Eigen::MatrixXd(2, 1);
  s.first_upper = Eigen::MatrixXd(2, 1);
  s.total_lower = Eigen::MatrixXd(2, 1);
  s.total_upper = Eigen::MatrixXd(2, 1);
  s.first_half_width = Eigen::MatrixXd::Constant(2, 1, 0.02);
  s.total_half_width = Eigen::MatrixXd::Constant(2, 1, 0.02);
  s.first_lower << 0.48, -0.1;  // input 2: h = 0.1 -> 512·4 = 2048
  s.first_upper << 0.52, 0.1;
  s.total_lower << 0.58, 0.18;
  s.total_upper << 0.62, 0.22;
  cikit::SobolConvergence half{256, s.first, s.total};
  half.total(0, 0) = 0.45;  // total of input 1 moved 0.15 from N/2: 512·3² = 4608 -> 8192
  s.convergence = {half, {512, s.first, s.total}};
  const cikit::SobolConvergenceStatus st = cikit::sobol_convergence_status(s, 0);
  REQUIRE(st.first.size() == 2);
  CHECK(st.first[0].converged);
  CHECK_FALSE(st.first[1].converged);
  CHECK(st.first[1].n_needed == 2048);
  CHECK_FALSE(st.total[0].converged);
  CHECK(st.total[0].reasons == cikit::kUnstable);
  CHECK(st.total[0].n_needed == 8192);
  CHECK(st.total[1].converged);
  CHECK(st.not_converged() == 2);
  CHECK(st.n_needed == 8192);
  CHECK(st.runs(st.n_needed) == 8192 * 4);
  CHECK_THROWS_AS(cikit::sobol_convergence_status(s, 1), cikit::InvalidInput);
}
