#pragma once
/// \file matrix.hpp
/// Shared matrix statistics (methods/stats, the layer every family may use): pairwise
/// covariance/correlation as R's cov/cor(use = "pairwise"), cov2cor, psych's Pinv and smc,
/// the first principal component's loadings, median and sample variance.
/// Rows = units, cols = items; NaN = missing.

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <vector>

namespace cikit::stats {

/// Item display names: `ids` when given (size must be k), else psych's "V1".."Vk".
std::vector<std::string> item_names(const std::vector<std::string>& ids, Eigen::Index k, const char* fn);

/// True if any entry is NaN.
bool has_missing(const Eigen::MatrixXd& x);

/// Rows with no NaN.
Eigen::MatrixXd complete_rows(const Eigen::MatrixXd& x);

/// X minus each column's mean over its available values (NaN stays NaN; an all-missing column
/// is left as it is): the centring that keeps one-pass pairwise sums from cancelling.
[[nodiscard]] Eigen::MatrixXd centre_by_available_means(const Eigen::MatrixXd& x);

/// Pairwise sums of all pairs at once as matrix products (data with missing values). With
/// z = X − (available-value column means), 0 where missing, and d the 0/1 presence mask:
/// m = dᵀd (common rows), s = zᵀd (s_ab = Σ over rows where b is present of z_a, a present),
/// p = zᵀz, q = (z∘z)ᵀd. Over the common rows of (a, b): cov = (p_ab − s_ab s_ba / m)/(m − 1),
/// var_a = (q_ab − s_ab² / m)/(m − 1). One pass on data centred by the full column means, so the
/// usual cancellation of one-pass sums does not arise; the two-pass pair_moments() remains the
/// reference (tests/stats: ≤ 1e-12) and is used for any pair whose variance looks degenerate.
struct PairSums {
  Eigen::MatrixXd m, s, p, q;
  Eigen::VectorXd means;  ///< the available-value column means z is centred by (0 for an empty column)
  /// Column a's mean over the common rows of (a, b) is means(a) + s(a, b) / m(a, b).
  [[nodiscard]] double mean(Eigen::Index a) const { return means(a); }

  /// Accumulated over blocks of rows (about 4 MB per work matrix), never an n x k copy.
  explicit PairSums(const Eigen::MatrixXd& x);
  [[nodiscard]] Eigen::Index count(Eigen::Index a, Eigen::Index b) const {
    return static_cast<Eigen::Index>(std::llround(m(a, b)));
  }
  [[nodiscard]] double cov(Eigen::Index a, Eigen::Index b) const {
    const double n = m(a, b);
    return (p(a, b) - s(a, b) * s(b, a) / n) / (n - 1.0);
  }
  /// Variance of a over the common rows of (a, b), and whether it may be degenerate (tiny
  /// against the mean square about the full mean): then the caller recomputes the pair exactly.
  [[nodiscard]] double var(Eigen::Index a, Eigen::Index b, bool* suspect) const {
    const double n = m(a, b);
    const double v = (q(a, b) - s(a, b) * s(a, b) / n) / (n - 1.0);
    if (!(v > 1e-10 * q(a, b) / n)) *suspect = true;
    return v;
  }
};

/// R's cov(x, use = "pairwise"): for each pair (i, j) the rows where both are present, their
/// own means over those rows, divisor m - 1. Throws DomainError naming both items when a pair
/// has fewer than `min_pairs` (>= 2) common rows.
Eigen::MatrixXd pairwise_covariance(const Eigen::MatrixXd& x, Eigen::Index min_pairs,
                                    const std::vector<std::string>& names, const char* fn);

/// R's cor(x, use = "pairwise"): each r_ij from the rows where both are present (so
/// r_ij != C_ij / sqrt(C_ii C_jj) in general). Same `min_pairs` rule. A zero-variance pair
/// subset throws DomainError naming the items.
Eigen::MatrixXd pairwise_correlation(const Eigen::MatrixXd& x, Eigen::Index min_pairs,
                                     const std::vector<std::string>& names, const char* fn);

/// stats::cov2cor: r_ij = c_ij / sqrt(c_ii c_jj) (diagonal set to exactly 1).
Eigen::MatrixXd cov2cor(const Eigen::MatrixXd& c);

/// psych::Pinv: SVD A = U D V', keep d_i > max(tol d_1, 0), A⁺ = V D⁻¹ U'.
Eigen::MatrixXd pinv(const Eigen::MatrixXd& a, double tol);

/// psych::Pinv of a symmetric matrix through its eigendecomposition A = Q Λ Q': the singular
/// values are |λ_i| (U = Q sign(Λ), V = Q), so A⁺ = Σ_{|λ_i| > max(tol max|λ|, 0)} q_i q_i' / λ_i,
/// the same matrix as pinv() up to rounding and several times faster (no Jacobi SVD).
Eigen::MatrixXd pinv_symmetric(const Eigen::MatrixXd& a, double tol);

/// psych::smc for a complete correlation matrix: 1 - 1/diag(Pinv(R)), clipped to [0, 1]
/// (Pinv by pinv_symmetric).
Eigen::VectorXd smc(const Eigen::MatrixXd& r, double tol);

/// 2-norm reciprocal condition number of a symmetric matrix: min |λ| / max |λ| (0 if max is 0).
double rcond_symmetric(const Eigen::MatrixXd& a);

/// Loadings of the first principal component of a correlation matrix, v₁ √λ₁, signed so that
/// their sum is >= 0 (psych::principal's convention).
Eigen::VectorXd first_pc_loadings(const Eigen::MatrixXd& r);

/// Median (R's median: mean of the two middle values for even length). Non-empty input.
double median(std::vector<double> v);

/// Sample variance (n - 1). Needs >= 2 values.
double sample_variance(const std::vector<double>& v);

}  // namespace cikit::stats
