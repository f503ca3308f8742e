// stats::pairwise_covariance / pairwise_correlation on data with missing values: the matrix-
// product sums against a direct two-pass computation per pair written here (R's
// cov/cor(use = "pairwise") definition: each pair's own common rows and own means), including a
// large common offset where careless one-pass sums would cancel; the exact fallback for pairs
// that are constant on their common rows; the located errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/core/random.hpp"
#include "methods/stats/matrix.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// cov (or cor) of columns a, b over the rows where both are present, two passes.
double direct(const Eigen::MatrixXd& x, Eigen::Index a, Eigen::Index b, bool correlation) {
  double sa = 0.0, sb = 0.0;
  int m = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!std::isnan(x(i, a)) && !std::isnan(x(i, b))) {
      sa += x(i, a);
      sb += x(i, b);
      ++m;
    }
  const double ma = sa / m, mb = sb / m;
  double c = 0.0, va = 0.0, vb = 0.0;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!std::isnan(x(i, a)) && !std::isnan(x(i, b))) {
      c += (x(i, a) - ma) * (x(i, b) - mb);
      va += (x(i, a) - ma) * (x(i, a) - ma);
      vb += (x(i, b) - mb) * (x(i, b) - mb);
    }
  return correlation ? c / std::sqrt(va * vb) : c / (m - 1);
}

Eigen::MatrixXd holey(Eigen::Index n, Eigen::Index k, double offset, std::uint64_t seed) {
  auto g = cikit::make_stream(seed, cikit::StreamTag::Simulate, 0);
  Eigen::MatrixXd x(n, k);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double f = cikit::standard_normal(g);
    for (Eigen::Index j = 0; j < k; ++j) {
      x(i, j) = offset * static_cast<double>(j + 1) + f + 0.7 * cikit::standard_normal(g);
      if (cikit::uniform_index(g, 100) < 12) x(i, j) = kNaN;
    }
  }
  return x;
}

}  // namespace

TEST_CASE("pairwise covariance and correlation with missing values equal the two-pass definition",
          "[stats][pairwise][property]") {
  double worst = 0.0;
  for (const double offset : {0.0, 1e4}) {
    const Eigen::MatrixXd x = holey(400, 12, offset, 3);
    REQUIRE(x.hasNaN());
    const auto names = cikit::stats::item_names({}, x.cols(), "test");
    const Eigen::MatrixXd c = cikit::stats::pairwise_covariance(x, 2, names, "test");
    const Eigen::MatrixXd r = cikit::stats::pairwise_correlation(x, 2, names, "test");
    for (Eigen::Index a = 0; a < x.cols(); ++a)
      for (Eigen::Index b = 0; b < x.cols(); ++b) {
        const double dc = direct(x, a, b, false);
        REQUIRE_THAT(c(a, b), Catch::Matchers::WithinRel(dc, 1e-12) || Catch::Matchers::WithinAbs(dc, 1e-14));
        worst = std::max(worst, std::abs(c(a, b) - dc) / std::max(std::abs(dc), 1e-300));
        if (a != b) REQUIRE_THAT(r(a, b), Catch::Matchers::WithinAbs(direct(x, a, b, true), 1e-12));
      }
  }
  std::printf("[deviation] pairwise sums vs two-pass per pair: max relative %.3g\n", worst);
}

TEST_CASE("pairwise correlation: a column constant on a pair's common rows is still an error naming both",
          "[stats][pairwise][error]") {
  Eigen::MatrixXd x(6, 3);
  // x2 is 0.1 wherever x1 is present (constant there), varied elsewhere.
  x << 1.0, 0.1, 3.0,  //
      2.0, 0.1, 1.0,   //
      3.0, 0.1, 2.0,   //
      kNaN, 0.7, 5.0,  //
      kNaN, 0.9, 4.0,  //
      4.0, 0.1, 0.5;
  const std::vector<std::string> names{"x1", "x2", "x3"};
  REQUIRE_THROWS_WITH(cikit::stats::pairwise_correlation(x, 2, names, "test"),
                      Catch::Matchers::Contains("'x2' and 'x1' have a constant item on their common rows"));
  // The covariance of that pair is exactly 0 (the exact fallback), not rounding noise.
  const Eigen::MatrixXd c = cikit::stats::pairwise_covariance(x, 2, names, "test");
  REQUIRE_THAT(c(0, 1), Catch::Matchers::WithinAbs(0.0, 0.0));
  Eigen::MatrixXd few = x;
  few.col(0) << 1.0, kNaN, kNaN, kNaN, kNaN, kNaN;
  REQUIRE_THROWS_WITH(cikit::stats::pairwise_covariance(few, 2, names, "test"),
                      Catch::Matchers::Contains("item 'x1' has 1 available values, but at least 2 are needed"));
}
