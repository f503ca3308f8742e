#include "methods/validity/pca.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

void flip_columns_positive_sum(Eigen::MatrixXd& loadings) {
  for (Eigen::Index k = 0; k < loadings.cols(); ++k)
    if (loadings.col(k).sum() < 0) loadings.col(k) *= -1.0;
}

PcaResult pca_correlation(const Eigen::MatrixXd& r, const PcaOptions& options) {
  check_correlation_matrix(r, "pca");
  const Eigen::Index p = r.rows();
  if (options.n_components < 0 || options.n_components > p)
    throw InvalidInput(fmt::format("pca: n_components is {}, but must be in [0, {}] (0 = Kaiser count)",
                                   options.n_components, p));
  if (!std::isfinite(options.kaiser_threshold))
    throw InvalidInput(fmt::format("pca: kaiser_threshold is {}, but must be finite", options.kaiser_threshold));

  PcaResult out;
  out.r = r;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r);
  if (es.info() != Eigen::Success) throw InternalError("pca: eigen decomposition failed");
  // Eigen returns ascending order; reverse to descending (R's eigen()).
  out.eigenvalues = es.eigenvalues().reverse();
  const Eigen::MatrixXd vectors = es.eigenvectors().rowwise().reverse();
  const double pd = static_cast<double>(p);
  out.proportion = out.eigenvalues / pd;
  out.cumulative.resize(p);
  double c = 0;
  for (Eigen::Index k = 0; k < p; ++k) out.cumulative(k) = (c += out.proportion(k));
  out.kaiser_count = 0;
  for (Eigen::Index k = 0; k < p; ++k)
    if (out.eigenvalues(k) > options.kaiser_threshold) ++out.kaiser_count;
  out.n_components = options.n_components > 0 ? options.n_components : std::max(1, out.kaiser_count);
  out.rcond = reciprocal_condition_number(r);
  if (out.rcond < options.singular_rcond)
    out.warnings.push_back(fmt::format(
        "the correlation matrix is singular or nearly so (reciprocal condition number {:.3g}): some indicators "
        "are (almost) linear combinations of others",
        out.rcond));
  if (out.eigenvalues(p - 1) < 0)
    out.warnings.push_back(fmt::format(
        "the correlation matrix is not positive semi-definite (smallest eigenvalue {:.3g}), e.g. from pairwise "
        "deletion; loadings of components with eigenvalue < machine epsilon use epsilon",
        out.eigenvalues(p - 1)));

  const Eigen::Index m = out.n_components;
  out.loadings.resize(p, m);
  const double eps = std::numeric_limits<double>::epsilon();
  for (Eigen::Index k = 0; k < m; ++k)
    out.loadings.col(k) = vectors.col(k) * std::sqrt(std::max(out.eigenvalues(k), eps));
  flip_columns_positive_sum(out.loadings);
  out.communalities = out.loadings.rowwise().squaredNorm();
  if (!out.loadings.allFinite() || !out.eigenvalues.allFinite()) throw InternalError("pca: non-finite result");
  return out;
}

PcaResult pca(const Eigen::MatrixXd& x, const PcaOptions& options) {
  const CorrelationResult cr = correlation_matrix(x, options.correlation);
  PcaResult out = pca_correlation(cr.r, options);
  out.n_units = cr.n_units;
  out.warnings.insert(out.warnings.begin(), cr.warnings.begin(), cr.warnings.end());
  if (cr.n_used <= x.cols())
    out.warnings.push_back(fmt::format("n = {} units <= p = {} indicators: the correlation matrix is singular",
                                       cr.n_used, x.cols()));
  return out;
}

}  // namespace cikit
