// Parallel analysis (methods/validity/parallel): properties only (R's random draws are not
// reproducible in C++); the observed eigenvalues are those of the PCA reference tests.
#include <catch2/catch.hpp>
#include <omp.h>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/core/random.hpp"
#include "methods/validity/parallel.hpp"
#include "validity_support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using namespace cikit;
using namespace cikit_test;

namespace {
/// n units x (factors * per) indicators: x = 0.7 f_k + sqrt(1 - 0.49) e, independent factors.
Eigen::MatrixXd factor_data(Eigen::Index n, Eigen::Index factors, Eigen::Index per, std::uint64_t seed) {
  auto g = make_stream(seed, StreamTag::Simulate, 0);
  Eigen::MatrixXd f(n, factors), x(n, factors * per);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index k = 0; k < factors; ++k) f(i, k) = standard_normal(g);
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    for (Eigen::Index i = 0; i < n; ++i) x(i, j) = 0.7 * f(i, j / per) + std::sqrt(1 - 0.49) * standard_normal(g);
  return x;
}
}  // namespace

TEST_CASE("quantile_type7 equals R quantile(type = 7)", "[validity][parallel][reference]") {
  // R: quantile(c(1, 2, 3, 4, 10), c(.95, .5, 0, 1)) = 8.8, 3, 1, 10 (closed form).
  CHECK_THAT(quantile_type7({10, 2, 1, 4, 3}, 0.95), WithinRel(8.8, 1e-15));
  CHECK_THAT(quantile_type7({10, 2, 1, 4, 3}, 0.5), WithinRel(3.0, 1e-15));
  CHECK_THAT(quantile_type7({10, 2, 1, 4, 3}, 0.0), WithinRel(1.0, 1e-15));
  CHECK_THAT(quantile_type7({10, 2, 1, 4, 3}, 1.0), WithinRel(10.0, 1e-15));
}

TEST_CASE("parallel_analysis: noise suggests 0 or 1, a 3-factor system 3", "[validity][parallel][property]") {
  auto g = make_stream(7, StreamTag::Simulate, 0);
  Eigen::MatrixXd noise(200, 10);
  for (Eigen::Index j = 0; j < 10; ++j)
    for (Eigen::Index i = 0; i < 200; ++i) noise(i, j) = standard_normal(g);
  const ParallelResult a = parallel_analysis(noise);
  CHECK(a.n_components <= 1);
  CHECK(a.n_components_resampled <= 1);
  // Mean eigenvalues of random R decrease and sum to p.
  CHECK_THAT(a.simulated_mean.sum(), WithinRel(10.0, 1e-12));
  for (Eigen::Index k = 0; k + 1 < 10; ++k) CHECK(a.simulated_mean(k) >= a.simulated_mean(k + 1));
  for (Eigen::Index k = 0; k < 10; ++k) CHECK(a.simulated_quantile(k) >= a.simulated_mean(k) - 1e-12);

  const ParallelResult b = parallel_analysis(factor_data(300, 3, 5, 11));
  CHECK(b.n_components == 3);
  CHECK(b.n_components_resampled == 3);
  CHECK(b.n_components_mean >= 3);
  // The cikit simulate 4-dimension system (40 indicators, loading .75, factor r .5): 4 (or
  // fewer when correlated factors merge; here the loadings are strong enough).
  const auto c = load_validity_case("sim2/all", validity_datasets()[2].second);
  const ParallelResult s = parallel_analysis(c.x);
  CHECK(s.n_components == 4);
}

TEST_CASE("parallel_analysis: identical for 1, 2 and 8 threads; seeded", "[validity][parallel][property]") {
  Eigen::MatrixXd x = factor_data(120, 2, 4, 3);
  x(5, 2) = std::numeric_limits<double>::quiet_NaN();  // resampling carries NaNs along
  ParallelOptions o;
  o.replicates = 40;
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  const ParallelResult r1 = parallel_analysis(x, o);
  omp_set_num_threads(2);
  const ParallelResult r2 = parallel_analysis(x, o);
  omp_set_num_threads(8);
  const ParallelResult r8 = parallel_analysis(x, o);
  omp_set_num_threads(saved);
  // Bitwise equality (STYLE 7.5): compare with a zero tolerance.
  CHECK((r1.simulated_quantile - r2.simulated_quantile).cwiseAbs().maxCoeff() <= 0.0);
  CHECK((r1.simulated_quantile - r8.simulated_quantile).cwiseAbs().maxCoeff() <= 0.0);
  CHECK((r1.resampled_mean - r8.resampled_mean).cwiseAbs().maxCoeff() <= 0.0);
  CHECK((r1.simulated_mean - r2.simulated_mean).cwiseAbs().maxCoeff() <= 0.0);
  // Another seed gives other draws; the same seed the same ones.
  o.seed = 99;
  const ParallelResult other = parallel_analysis(x, o);
  CHECK((other.simulated_mean - r1.simulated_mean).cwiseAbs().maxCoeff() > 0.0);
  CHECK((parallel_analysis(x, o).simulated_mean - other.simulated_mean).cwiseAbs().maxCoeff() <= 0.0);
  CHECK(r1.seed == kDefaultSeed);
  CHECK(r1.replicates == 40);
}

TEST_CASE("parallel_analysis: errors", "[validity][parallel][error]") {
  const Eigen::MatrixXd x = factor_data(50, 1, 3, 1);
  ParallelOptions o;
  o.replicates = 1;
  REQUIRE_THROWS_MATCHES(parallel_analysis(x, o), InvalidInput, MessageContains("replicates is 1"));
  o.replicates = 20;
  o.quantile = 1.0;
  REQUIRE_THROWS_MATCHES(parallel_analysis(x, o), InvalidInput, MessageContains("quantile is 1"));
  Eigen::MatrixXd c = x;
  c.col(1).setConstant(2.5);
  REQUIRE_THROWS_MATCHES(parallel_analysis(c), DomainError, MessageContains("constant"));
  REQUIRE_THROWS_MATCHES(parallel_analysis(x.leftCols(1)), InvalidInput, MessageContains("at least 2"));
}
