#include "methods/validity/correlation.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <limits>
#include <omp.h>
#include <tuple>

#include "methods/core/error.hpp"
#include "methods/stats/gemm.hpp"
#include "methods/stats/matrix.hpp"

namespace cikit {

namespace {

std::string column_label(const CorrelationOptions& o, Eigen::Index j) {
  if (static_cast<std::size_t>(j) < o.names.size())
    return fmt::format("column {} '{}'", j + 1, o.names[static_cast<std::size_t>(j)]);
  return fmt::format("column {}", j + 1);
}

Location column_location(const CorrelationOptions& o, Eigen::Index j) {
  Location where;
  if (static_cast<std::size_t>(j) < o.names.size()) where.indicator = o.names[static_cast<std::size_t>(j)];
  return where;
}

/// Mean of x over the rows flagged in `use`, refined by the mean of the residuals (Higham 2002,
/// §1.6a), as R's mean().
double masked_mean(const Eigen::Ref<const Eigen::VectorXd>& x, const std::vector<char>& use, long n) {
  double s = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (use[static_cast<std::size_t>(i)]) s += x(i);
  double m = s / static_cast<double>(n);
  double resid = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (use[static_cast<std::size_t>(i)]) resid += x(i) - m;
  return m + resid / static_cast<double>(n);
}

}  // namespace

CorrelationResult correlation_matrix(const Eigen::MatrixXd& x, const CorrelationOptions& options) {
  if (!(options.zero_variance_tol >= 0) || !std::isfinite(options.zero_variance_tol))
    throw InvalidInput(fmt::format(
        "correlation_matrix: zero_variance_tol is {}, but must be finite and >= 0", options.zero_variance_tol));
  if (options.min_pairs < 2)
    throw InvalidInput(
        fmt::format("correlation_matrix: min_pairs is {}, but must be >= 2", options.min_pairs));
  const Eigen::Index n = x.rows();
  const Eigen::Index p = x.cols();
  if (p < 2)
    throw InvalidInput(fmt::format(
        "correlation_matrix: data has {} column(s), but a correlation matrix needs at least 2", p));
  for (Eigen::Index j = 0; j < p; ++j)
    for (Eigen::Index i = 0; i < n; ++i)
      if (std::isinf(x(i, j)))
        throw InvalidInput(fmt::format("correlation_matrix: {} row {} is infinite; correlations undefined",
                                       column_label(options, j), i + 1),
                           column_location(options, j));

  CorrelationResult out;
  out.n_units = static_cast<long>(n);
  out.r = Eigen::MatrixXd::Identity(p, p);
  out.n_pairs = Eigen::MatrixXi::Zero(p, p);

  std::vector<char> row_ok(static_cast<std::size_t>(n), 1);
  if (options.missing == MissingCorrelation::Listwise) {
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < p; ++j)
        if (std::isnan(x(i, j))) row_ok[static_cast<std::size_t>(i)] = 0;
  }
  long used = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    bool any = false;
    for (Eigen::Index j = 0; j < p; ++j) any = any || !std::isnan(x(i, j));
    if (row_ok[static_cast<std::size_t>(i)] && any) ++used;
  }
  out.n_used = used;
  if (options.missing == MissingCorrelation::Listwise && used < options.min_pairs)
    throw InvalidInput(fmt::format(
        "correlation_matrix: {} complete row(s) after listwise deletion, but at least {} are needed",
        used, options.min_pairs));

  // Each column on its own first: too few values, or constant over its available values.
  {
    std::vector<char> avail(static_cast<std::size_t>(n));
    for (Eigen::Index j = 0; j < p; ++j) {
      long m = 0;
      for (Eigen::Index i = 0; i < n; ++i) {
        const bool ok = row_ok[static_cast<std::size_t>(i)] && !std::isnan(x(i, j));
        avail[static_cast<std::size_t>(i)] = ok ? 1 : 0;
        m += ok ? 1 : 0;
      }
      if (m < options.min_pairs)
        throw InvalidInput(fmt::format("correlation_matrix: {} has {} usable value(s), but at least {} are needed",
                                       column_label(options, j), m, options.min_pairs),
                           column_location(options, j));
      const double mean = masked_mean(x.col(j), avail, m);
      double ss = 0;
      for (Eigen::Index i = 0; i < n; ++i)
        if (avail[static_cast<std::size_t>(i)]) ss += (x(i, j) - mean) * (x(i, j) - mean);
      if (!(std::sqrt(ss / static_cast<double>(m - 1)) > options.zero_variance_tol * std::max(1.0, std::abs(mean))))
        throw DomainError(fmt::format("correlation_matrix: {} is constant (all {}) over its {} available "
                                      "value(s); its correlations are undefined",
                                      column_label(options, j), mean, m),
                          column_location(options, j));
    }
  }

  // Fast path: no missing value among the rows used -> one centred cross-product matrix
  // (same two-pass arithmetic as below, O(n p^2) in BLAS-like blocks).
  bool complete = true;
  for (Eigen::Index j = 0; j < p && complete; ++j)
    for (Eigen::Index i = 0; i < n; ++i)
      if (row_ok[static_cast<std::size_t>(i)] && std::isnan(x(i, j))) {
        complete = false;
        break;
      }
  if (complete) {
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < n; ++i)
      if (row_ok[static_cast<std::size_t>(i)]) rows.push_back(i);
    const auto m = static_cast<Eigen::Index>(rows.size());
    if (m < options.min_pairs)
      throw InvalidInput(fmt::format("correlation_matrix: {} usable row(s), but at least {} are needed", m,
                                     options.min_pairs));
    Eigen::MatrixXd xc(m, p);
    const std::vector<char> all(static_cast<std::size_t>(m), 1);
    for (Eigen::Index j = 0; j < p; ++j) {
      for (Eigen::Index k = 0; k < m; ++k) xc(k, j) = x(rows[static_cast<std::size_t>(k)], j);
      const double mean = masked_mean(xc.col(j), all, static_cast<long>(m));
      xc.col(j).array() -= mean;
      const double sd = std::sqrt(xc.col(j).squaredNorm() / static_cast<double>(m - 1));
      if (!(sd > options.zero_variance_tol * std::max(1.0, std::abs(mean))))
        throw DomainError(fmt::format("correlation_matrix: {} is constant (all {}) over its {} available "
                                      "value(s); its correlations are undefined",
                                      column_label(options, j), mean, m),
                          column_location(options, j));
    }
    // Inside a parallel region (parallel analysis's replicates) the product goes to OpenBLAS,
    // one thread per call (stats::gemm_tn; 2-3x Eigen's SSE2 build). omp_get_level() counts the
    // region at any team size, so the choice, hence the bits, do not depend on the thread count.
    Eigen::MatrixXd c(p, p);
    if (omp_get_level() > 0) stats::gemm_tn(p, p, m, xc.data(), m, xc.data(), m, c.data(), p);
    else c.noalias() = xc.transpose() * xc;
    const Eigen::VectorXd d = c.diagonal().cwiseSqrt().cwiseInverse();
    out.r = d.asDiagonal() * c * d.asDiagonal();
    for (Eigen::Index a = 0; a < p; ++a) {
      for (Eigen::Index b = 0; b < p; ++b) out.r(a, b) = std::clamp(out.r(a, b), -1.0, 1.0);
      out.r(a, a) = 1.0;
    }
    out.r = (0.5 * (out.r + out.r.transpose())).eval();
    out.n_pairs.setConstant(static_cast<int>(m));
    out.min_pairs = static_cast<long>(m);
    if (options.missing == MissingCorrelation::Listwise && used < out.n_units)
      out.warnings.push_back(fmt::format("listwise deletion kept {} of {} units", used, out.n_units));
    return out;
  }

  // Pairwise path (pairwise deletion with values missing; row_ok is all 1 here). The sums of
  // every pair come from matrix products over row blocks (stats::PairSums: counts, and about each
  // pair's own common-row means the squared and cross deviations); a pair whose variance on its
  // common rows looks degenerate (cancellation possible) is recomputed exactly, two-pass with R's
  // refined means, and so is every error decision. The products agree with the two-pass loop to
  // rounding (≤ 1e-13 relative on the validation data) at a fraction of its cost (parallel
  // analysis with resampling calls this once per replicate).
  std::vector<char> use(static_cast<std::size_t>(n));
  struct Pair {
    double ma, mb, saa, sbb, sab;
  };
  auto exact_pair = [&](Eigen::Index a, Eigen::Index b, long m) {
    for (Eigen::Index i = 0; i < n; ++i)
      use[static_cast<std::size_t>(i)] =
          row_ok[static_cast<std::size_t>(i)] && !std::isnan(x(i, a)) && !std::isnan(x(i, b)) ? 1 : 0;
    Pair q{masked_mean(x.col(a), use, m), masked_mean(x.col(b), use, m), 0, 0, 0};
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!use[static_cast<std::size_t>(i)]) continue;
      const double da = x(i, a) - q.ma, db = x(i, b) - q.mb;
      q.saa += da * da;
      q.sbb += db * db;
      q.sab += da * db;
    }
    return q;
  };
  const stats::PairSums ps(x);
  long min_pairs = std::numeric_limits<long>::max();
  for (Eigen::Index a = 0; a < p; ++a) {
    for (Eigen::Index b = a; b < p; ++b) {
      const long m = static_cast<long>(ps.count(a, b));
      out.n_pairs(a, b) = out.n_pairs(b, a) = static_cast<int>(m);
      if (m < options.min_pairs) {
        if (a == b)
          throw InvalidInput(fmt::format("correlation_matrix: {} has {} usable value(s), but at least {} are needed",
                                         column_label(options, a), m, options.min_pairs),
                             column_location(options, a));
        throw InvalidInput(
            fmt::format("correlation_matrix: {} and {} are both present in {} unit(s), but at least {} are needed",
                        column_label(options, a), column_label(options, b), m, options.min_pairs),
            column_location(options, a));
      }
      min_pairs = std::min(min_pairs, m);
      if (a == b) continue;  // each column's own checks ran above
      bool suspect = false;
      const double den = static_cast<double>(m - 1);
      const double md = static_cast<double>(m);
      Pair q{ps.mean(a) + ps.s(a, b) / md, ps.mean(b) + ps.s(b, a) / md, ps.var(a, b, &suspect) * den,
             ps.var(b, a, &suspect) * den, ps.cov(a, b) * den};
      auto constant = [&](const Pair& v) -> Eigen::Index {  // the column constant on the common rows, or -1
        for (const auto& [col, ss, mean] : {std::tuple{a, v.saa, v.ma}, std::tuple{b, v.sbb, v.mb}})
          if (!(std::sqrt(ss / den) > options.zero_variance_tol * std::max(1.0, std::abs(mean)))) return col;
        return -1;
      };
      if (suspect || constant(q) >= 0) q = exact_pair(a, b, m);  // decide on the exact sums
      if (const Eigen::Index col = constant(q); col >= 0)
        throw DomainError(fmt::format("correlation_matrix: {} is constant (all {}) over the {} unit(s) where "
                                      "{} is also present; the correlation is undefined",
                                      column_label(options, col), col == a ? q.ma : q.mb, m,
                                      column_label(options, col == a ? b : a)),
                          column_location(options, col));
      out.r(a, b) = out.r(b, a) = std::clamp(q.sab / std::sqrt(q.saa * q.sbb), -1.0, 1.0);
    }
  }
  out.min_pairs = min_pairs;
  if (options.missing == MissingCorrelation::Pairwise) {
    const long max_pairs = static_cast<long>(out.n_pairs.maxCoeff());
    if (max_pairs != min_pairs)
      out.warnings.push_back(fmt::format(
          "correlations use pairwise-complete units ({} to {} per pair); the matrix may not be positive "
          "semi-definite",
          min_pairs, max_pairs));
  } else if (used < out.n_units) {
    out.warnings.push_back(fmt::format("listwise deletion kept {} of {} units", used, out.n_units));
  }
  return out;
}

void check_correlation_matrix(const Eigen::MatrixXd& r, const std::string& function, double tol) {
  if (r.rows() != r.cols())
    throw InvalidInput(fmt::format("{}: correlation matrix is {} x {}, but must be square", function, r.rows(),
                                   r.cols()));
  if (r.rows() < 2)
    throw InvalidInput(fmt::format("{}: correlation matrix is {} x {}, but at least 2 indicators are needed",
                                   function, r.rows(), r.cols()));
  for (Eigen::Index j = 0; j < r.cols(); ++j)
    for (Eigen::Index i = 0; i < r.rows(); ++i) {
      if (!std::isfinite(r(i, j)))
        throw InvalidInput(
            fmt::format("{}: correlation matrix entry ({}, {}) is {}, but must be finite", function, i + 1, j + 1, r(i, j)));
      if (!(std::abs(r(i, j) - r(j, i)) <= tol))
        throw InvalidInput(fmt::format("{}: correlation matrix is not symmetric at ({}, {}): {} vs {}", function,
                                       i + 1, j + 1, r(i, j), r(j, i)));
      if (i == j && !(std::abs(r(i, i) - 1.0) <= tol))
        throw InvalidInput(fmt::format("{}: correlation matrix diagonal entry {} is {}, but must be 1", function,
                                       i + 1, r(i, i)));
      if (i != j && !(std::abs(r(i, j)) <= 1.0 + tol))
        throw InvalidInput(fmt::format("{}: correlation matrix entry ({}, {}) is {}, but must lie in [-1, 1]",
                                       function, i + 1, j + 1, r(i, j)));
    }
}

double reciprocal_condition_number(const Eigen::MatrixXd& r) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r, Eigen::EigenvaluesOnly);
  const Eigen::VectorXd a = es.eigenvalues().cwiseAbs();
  const double hi = a.maxCoeff();
  if (!(hi > 0)) return 0;
  return a.minCoeff() / hi;
}

Eigen::VectorXd squared_multiple_correlations(const Eigen::MatrixXd& r) {
  // psych::Pinv: SVD, keep singular values > sqrt(eps) * d_1.
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(r, Eigen::ComputeFullU | Eigen::ComputeFullV);
  const Eigen::VectorXd& d = svd.singularValues();
  const double tol = std::sqrt(std::numeric_limits<double>::epsilon()) * d(0);
  Eigen::VectorXd dinv = Eigen::VectorXd::Zero(d.size());
  for (Eigen::Index k = 0; k < d.size(); ++k)
    if (d(k) > tol) dinv(k) = 1.0 / d(k);
  const Eigen::MatrixXd pinv = svd.matrixV() * dinv.asDiagonal() * svd.matrixU().transpose();
  Eigen::VectorXd smc(r.rows());
  for (Eigen::Index i = 0; i < r.rows(); ++i) smc(i) = std::clamp(1.0 - 1.0 / pinv(i, i), 0.0, 1.0);
  return smc;
}

}  // namespace cikit
