#include "methods/audit/bspline.hpp"

#include <fmt/format.h>

#include <Eigen/QR>
#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/stats/numeric.hpp"

namespace cikit::audit {

namespace {

/// Rank threshold of the QR: lm's tol = 1e-7 (relative to the largest column norm).
constexpr double kLmTolerance = 1e-7;

/// All order-`k` B-splines of the knot vector `t` at x (t.size() − k values).
void bsplines_at(double x, const std::vector<double>& t, int k, std::vector<double>& work,
                 Eigen::MatrixXd& out, Eigen::Index row) {
  const std::size_t len = t.size();
  // Span s with t[s] <= x < t[s+1]; x at the right end belongs to the last non-empty span.
  std::size_t s = len;
  for (std::size_t j = 0; j + 1 < len; ++j)
    if (t[j] < t[j + 1] && t[j] <= x && x < t[j + 1]) s = j;
  if (s == len)
    for (std::size_t j = 0; j + 1 < len; ++j)
      if (t[j] < t[j + 1]) s = j;  // last non-empty span (x = upper boundary)
  work.assign(len - 1, 0.0);
  work[s] = 1.0;
  for (int r = 2; r <= k; ++r) {
    const auto ur = static_cast<std::size_t>(r);
    for (std::size_t j = 0; j + ur < len; ++j) {
      const double d1 = t[j + ur - 1] - t[j];
      const double d2 = t[j + ur] - t[j + 1];
      const double a = d1 > 0.0 ? (x - t[j]) / d1 * work[j] : 0.0;
      const double b = d2 > 0.0 ? (t[j + ur] - x) / d2 * work[j + 1] : 0.0;
      work[j] = a + b;
    }
  }
  for (Eigen::Index j = 0; j < out.cols(); ++j) out(row, j) = work[static_cast<std::size_t>(j)];
}

}  // namespace

BsplineBasis bspline_basis(const Eigen::VectorXd& x, int df, int degree) {
  if (degree < 1) throw InvalidInput(fmt::format("bspline_basis: degree is {}, but must be >= 1", degree));
  if (df < degree)
    throw InvalidInput(fmt::format("bspline_basis: df is {}, but must be >= the degree ({})", df, degree));
  if (x.size() < 2) throw InvalidInput(fmt::format("bspline_basis: {} value(s), but at least 2 are needed", x.size()));
  if (!x.allFinite()) throw InvalidInput("bspline_basis: x has a missing or non-finite value");
  BsplineBasis b;
  b.lower = x.minCoeff();
  b.upper = x.maxCoeff();
  if (!(b.upper > b.lower)) throw DomainError(fmt::format("bspline_basis: x is constant ({})", b.lower));
  const int k = degree + 1;
  const int m = df - degree;
  std::vector<double> sorted(x.data(), x.data() + x.size());
  std::sort(sorted.begin(), sorted.end());
  // R: quantile(x, seq(0, 1, length = m + 2)[-c(1, m + 2)]), type 7.
  for (int j = 1; j <= m; ++j)
    b.interior_knots.push_back(stats::q7_sorted(sorted, static_cast<double>(j) / static_cast<double>(m + 1)));
  std::vector<double> t(static_cast<std::size_t>(k), b.lower);
  t.insert(t.end(), b.interior_knots.begin(), b.interior_knots.end());
  t.insert(t.end(), static_cast<std::size_t>(k), b.upper);
  const auto nb = static_cast<Eigen::Index>(t.size()) - k;  // df + 1 B-splines
  Eigen::MatrixXd full(x.size(), nb);
  std::vector<double> work;
  for (Eigen::Index i = 0; i < x.size(); ++i) bsplines_at(x(i), t, k, work, full, i);
  b.basis = full.rightCols(nb - 1);
  return b;
}

double spline_r_squared(const Eigen::VectorXd& x, const Eigen::VectorXd& y, int df, int degree) {
  if (x.size() != y.size())
    throw InvalidInput(fmt::format("spline_r_squared: x has {} values and y {}", x.size(), y.size()));
  if (x.size() < df + 2)
    throw InvalidInput(fmt::format("spline_r_squared: {} units with both values, but a spline with df = {} needs at "
                                   "least {} (df + 1 coefficients and one residual degree of freedom); lower the "
                                   "spline df",
                                   x.size(), df, df + 2));
  if (!y.allFinite()) throw InvalidInput("spline_r_squared: y has a missing or non-finite value");
  const double ybar = y.mean();
  const double tss = (y.array() - ybar).square().sum();
  if (!(tss > 0.0)) throw DomainError(fmt::format("spline_r_squared: y is constant ({})", ybar));
  const BsplineBasis b = bspline_basis(x, df, degree);
  Eigen::MatrixXd design(x.size(), b.basis.cols() + 1);
  design.col(0).setOnes();
  design.rightCols(b.basis.cols()) = b.basis;
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design);
  qr.setThreshold(kLmTolerance);
  const Eigen::VectorXd beta = qr.solve(y);
  const double rss = (y - design * beta).squaredNorm();
  return 1.0 - rss / tss;
}

}  // namespace cikit::audit
