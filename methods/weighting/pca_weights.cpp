#include "methods/weighting/pca_weights.hpp"

#include "methods/validity/pca.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

/// An eigenvector whose entries sum to less than this in absolute value is oriented by its
/// largest entry instead of its sum.
constexpr double kZeroSum = 1e-12;
/// pc1_weights warns when (λ1 - λ2) <= this * λ1 (PC1 not unique).
constexpr double kEigenGapTolerance = 1e-8;

/// Correlation matrix of complete data; throws on a constant column.
Eigen::MatrixXd correlation(const char* fn, const Eigen::MatrixXd& x, const std::vector<std::string>& ids,
                            double zero_range_tol) {
  const auto n = static_cast<double>(x.rows());
  const Eigen::RowVectorXd mean = x.colwise().sum() / n;
  const Eigen::MatrixXd c = x.rowwise() - mean;
  Eigen::VectorXd sd(x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double range = x.col(j).maxCoeff() - x.col(j).minCoeff();
    if (!(range > zero_range_tol * std::max(1.0, x.col(j).cwiseAbs().maxCoeff())))
      throw DomainError(fmt::format("{}: {} is constant over the {} units used; its correlations are "
                                    "undefined; drop it",
                                    fn, column_label(ids, j), x.rows()),
                        Location{.indicator = column_id(ids, j)});
    sd(j) = std::sqrt(c.col(j).squaredNorm() / (n - 1.0));
  }
  const Eigen::MatrixXd z = c * sd.cwiseInverse().asDiagonal();
  Eigen::MatrixXd r = z.transpose() * z / (n - 1.0);
  for (Eigen::Index j = 0; j < r.rows(); ++j) r(j, j) = 1.0;
  return r;
}

/// Eigen-decomposition, descending, each vector oriented so its sum is > 0 (largest |entry|
/// positive when the sum is ~0).
void eigen_descending(const Eigen::MatrixXd& r, Eigen::VectorXd& values, Eigen::MatrixXd& vectors) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r);
  if (es.info() != Eigen::Success) throw InternalError("pca_weights: eigen-decomposition failed");
  const Eigen::Index k = r.rows();
  values = es.eigenvalues().reverse();
  vectors = es.eigenvectors().rowwise().reverse();
  for (Eigen::Index f = 0; f < k; ++f) values(f) = std::max(values(f), 0.0);
  for (Eigen::Index f = 0; f < k; ++f) {
    const double s = vectors.col(f).sum();
    Eigen::Index imax = 0;
    vectors.col(f).cwiseAbs().maxCoeff(&imax);
    const bool flip = std::abs(s) > kZeroSum ? s < 0 : vectors(imax, f) < 0;
    if (flip) vectors.col(f) = -vectors.col(f);
  }
}

}  // namespace


PcaWeights pca_weights(const Eigen::MatrixXd& x, const PcaWeightOptions& opt) {
  constexpr const char* fn = "pca_weights";
  check_column_info(fn, x.cols(), opt.ids, {});
  const Eigen::Index k = x.cols();
  if (k < 2) throw DomainError(fmt::format("{}: {} indicator(s); PCA weights need at least 2", fn, k));
  if (opt.n_factors < 0 || opt.n_factors > k)
    throw DomainError(fmt::format("{}: n_factors is {}, but must be in 0..{} (0 = Handbook rules)", fn,
                                  opt.n_factors, k));
  if (!(opt.min_eigenvalue >= 0) || !(opt.min_share >= 0 && opt.min_share < 1) ||
      !(opt.min_cumulative >= 0 && opt.min_cumulative <= 1))
    throw InvalidInput(fmt::format("{}: retention thresholds must be min_eigenvalue >= 0, min_share in [0, 1), "
                                   "min_cumulative in [0, 1]",
                                   fn));
  PcaWeights r;
  const CompleteCases cc = complete_cases(x, opt.missing, fn, opt.ids, r.warnings);
  r.n_used = cc.x.rows();
  r.n_dropped = cc.n_dropped;
  if (r.n_used < 3)
    throw DomainError(fmt::format("{}: {} complete unit(s); PCA needs at least 3", fn, r.n_used));
  if (r.n_used <= k)
    r.warnings.push_back(fmt::format("{}: only {} units for {} indicators: the correlation matrix is singular "
                                     "and the loadings are unstable",
                                     fn, r.n_used, k));
  const Eigen::MatrixXd rho = correlation(fn, cc.x, opt.ids, opt.zero_range_tol);
  Eigen::MatrixXd v;
  eigen_descending(rho, r.eigenvalues, v);
  const double total = r.eigenvalues.sum();  // = k up to rounding
  r.explained = r.eigenvalues / total;

  // Retention.
  int m = opt.n_factors;
  if (m == 0) {
    while (m < k && r.eigenvalues(m) > opt.min_eigenvalue && r.explained(m) > opt.min_share) ++m;
    double cum = r.explained.head(m).sum();
    int added = 0;
    while (m < k && cum < opt.min_cumulative) {
      cum += r.explained(m);
      ++m;
      ++added;
    }
    if (m == 0) m = 1;
    r.components_added = added;
    if (added > 0)
      r.warnings.push_back(fmt::format("{}: {} component(s) added beyond the eigenvalue/share rules to reach a "
                                       "cumulative explained variance of {:.1f}% (>= {:.0f}%)",
                                       fn, added, 100 * cum, 100 * opt.min_cumulative));
  }
  r.n_factors = m;
  r.cumulative_explained = r.explained.head(m).sum();
  r.loadings = v.leftCols(m) * r.eigenvalues.head(m).cwiseSqrt().asDiagonal();
  if (opt.rotate && m >= 2) {
    r.varimax = varimax(r.loadings, VarimaxOptions{.normalize = opt.kaiser_normalize,
                                                   .eps = opt.varimax_eps,
                                                   .max_iterations = opt.varimax_max_iter});
    if (!r.varimax.converged)
      r.warnings.push_back(fmt::format("{}: varimax did not converge in {} iterations", fn, opt.varimax_max_iter));
    r.rotated = r.varimax.loadings;
  } else {
    r.varimax.loadings = r.loadings;
    r.varimax.rotation = Eigen::MatrixXd::Identity(m, m);
    r.rotated = r.loadings;
  }
  flip_columns_positive_sum(r.rotated);  // psych sign convention (methods/validity/pca.hpp)

  const Eigen::MatrixXd sq = r.rotated.array().square().matrix();
  r.factor_variance = sq.colwise().sum().transpose();
  r.factor_share = r.factor_variance / r.factor_variance.sum();
  r.scaled_squared = sq * r.factor_variance.cwiseInverse().asDiagonal();
  r.assigned.assign(static_cast<std::size_t>(k), 0);
  r.weights.resize(k);
  std::vector<int> count(static_cast<std::size_t>(m), 0);
  for (Eigen::Index i = 0; i < k; ++i) {
    Eigen::Index best = 0;
    for (Eigen::Index f = 1; f < m; ++f)
      if (r.scaled_squared(i, f) > r.scaled_squared(i, best)) best = f;
    r.assigned[static_cast<std::size_t>(i)] = static_cast<int>(best);
    ++count[static_cast<std::size_t>(best)];
    r.weights(i) = r.factor_share(best) * r.scaled_squared(i, best);
  }
  for (Eigen::Index f = 0; f < m; ++f)
    if (count[static_cast<std::size_t>(f)] == 0)
      r.warnings.push_back(fmt::format("{}: no indicator is assigned to factor {} (its variance share {:.3f} "
                                       "is not used)",
                                       fn, f + 1, r.factor_share(f)));
  const double sum = r.weights.sum();
  if (!(sum > 0)) throw InternalError("pca_weights: weights sum to 0");
  r.weights /= sum;
  check_weight_postcondition(fn, r.weights);
  return r;
}

Pc1Weights pc1_weights(const Eigen::MatrixXd& x, const Pc1Options& opt) {
  constexpr const char* fn = "pc1_weights";
  check_column_info(fn, x.cols(), opt.ids, {});
  const Eigen::Index k = x.cols();
  if (k < 2) throw DomainError(fmt::format("{}: {} indicator(s); PCA weights need at least 2", fn, k));
  Pc1Weights r;
  const CompleteCases cc = complete_cases(x, opt.missing, fn, opt.ids, r.warnings);
  r.n_used = cc.x.rows();
  r.n_dropped = cc.n_dropped;
  if (r.n_used < 3)
    throw DomainError(fmt::format("{}: {} complete unit(s); PCA needs at least 3", fn, r.n_used));
  const Eigen::MatrixXd rho = correlation(fn, cc.x, opt.ids, opt.zero_range_tol);
  Eigen::VectorXd values;
  Eigen::MatrixXd v;
  eigen_descending(rho, values, v);
  r.eigenvalue = values(0);
  r.explained = values(0) / values.sum();
  r.eigenvector = v.col(0);
  if (k > 1 && values(0) - values(1) <= kEigenGapTolerance * values(0))
    r.warnings.push_back(fmt::format("{}: the first two eigenvalues are equal ({:.6g}); PC1 is not unique", fn,
                                     values(0)));
  switch (opt.variant) {
    case Pc1Variant::Signed: {
      for (Eigen::Index i = 0; i < k; ++i)
        if (r.eigenvector(i) < 0)
          throw DomainError(fmt::format("{}: {} has a negative PC1 loading ({:.4f}) while the others' sum is "
                                        "positive; signed PC1 weights (COINr) would be negative; use the "
                                        "Absolute or Squared variant or re-orient the indicator",
                                        fn, column_label(opt.ids, i), r.eigenvector(i)),
                            Location{.indicator = column_id(opt.ids, i)});
      r.weights = r.eigenvector / r.eigenvector.sum();
      break;
    }
    case Pc1Variant::Absolute:
      r.weights = r.eigenvector.cwiseAbs() / r.eigenvector.cwiseAbs().sum();
      break;
    case Pc1Variant::Squared:
      r.weights = r.eigenvector.array().square().matrix();
      r.weights /= r.weights.sum();
      break;
  }
  check_weight_postcondition(fn, r.weights);
  return r;
}

}  // namespace cikit
