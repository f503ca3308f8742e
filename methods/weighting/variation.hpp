#pragma once
/// \file variation.hpp
/// Weights from dispersion and conflict: coefficient of variation (变异系数法), standard
/// deviation (标准差法) and CRITIC. Rows = units, cols = indicators (the children of one node).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/weighting/objective_common.hpp"

namespace cikit {

/// Options shared by cv_weights, sd_weights and critic_weights.
struct VariationOptions {
  /// Per-column direction: used by the min-max step of sd_weights (no effect on sd) and of
  /// critic_weights (cost columns reversed, which flips the sign of their correlations: this
  /// changes CRITIC weights). Empty = all positive = no reversal. cv_weights ignores it.
  std::vector<Direction> directions;
  CompleteCaseRule missing = CompleteCaseRule::Listwise;  ///< missing values: listwise or error
  std::vector<std::string> ids;  ///< indicator ids for messages (empty = "column j")
  /// A column whose range is <= this * max(1, max|x|) is constant.
  double zero_range_tol = 1e-12;
  /// cv_weights: a mean with |mean| <= this * max|x| of the column counts as 0 (CV undefined).
  double zero_mean_tol = 1e-12;
};

struct VariationWeights {
  Eigen::VectorXd weights;   ///< sum to 1
  Eigen::VectorXd mean;      ///< per column, of the data the dispersion is measured on
  Eigen::VectorXd sd;        ///< sample sd (n - 1) of that data
  /// cv_weights: CV_j = sd_j/|mean_j|; sd_weights: sd_j; critic_weights: C_j = sd_j sum_k (1 - r_jk).
  Eigen::VectorXd score;
  Eigen::MatrixXd correlation;  ///< critic_weights only: Pearson r of the min-max data (else empty)
  Eigen::Index n_used = 0;
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// Coefficient-of-variation weights: CV_j = s_j / |mean_j| (s with n - 1), w_j = CV_j / sum_k CV_k,
/// on the data as given (raw data: CV is unit-free). A constant column has CV 0, weight 0 and a
/// warning. Scale invariant per column (x_j -> c x_j, c != 0); not shift invariant.
/// @throws InvalidInput (sizes; rule Error and a missing value); DomainError if fewer than 2
///         complete units remain, a mean is 0 (CV undefined; column named), or all columns
///         are constant.
/// Reference: Diakoulaki et al. (1995) (as a comparison method); OECD/JRC (2008) Handbook §6.
[[nodiscard]] VariationWeights cv_weights(const Eigen::MatrixXd& x, const VariationOptions& options = {});

/// Standard-deviation weights on min-max normalised data: z = (x - min)/(max - min) in [0, 1]
/// (stated: on raw data sd is unit-dependent), s_j = sd(z_j) with n - 1, w_j = s_j / sum_k s_k.
/// A constant column has weight 0 and a warning. Invariant to positive affine maps per column.
/// @throws as cv_weights (no zero-mean rule).
/// Reference: Diakoulaki, Mavrotas & Papayannakis (1995) doi:10.1016/0305-0548(94)00059-H (the
///   "standard deviation method" they compare CRITIC with).
[[nodiscard]] VariationWeights sd_weights(const Eigen::MatrixXd& x, const VariationOptions& options = {});

/// CRITIC weights (CRiteria Importance Through Intercriteria Correlation):
/// z = min-max of each column to [0, 1] (cost columns reversed when `directions` says so),
/// s_j = sd(z_j) (n - 1; the divisor cancels), r_jk = Pearson correlation of z_j and z_k,
/// C_j = s_j sum_k (1 - r_jk), w_j = C_j / sum_k C_k.
/// Orientation: with `directions` empty no column is reversed, which reproduces Tuş & Aytaç
/// Adalı (2019); Diakoulaki's original orients each criterion (best = 1) before correlating,
/// i.e. pass the directions. The two differ when a cost column exists (sign of its r flips).
/// @throws InvalidInput (sizes; rule Error and a missing value); DomainError if fewer than 3
///         complete units remain (a correlation needs 3 to be informative), or a column is
///         constant (correlation undefined; column named).
/// Reference: Diakoulaki, Mavrotas & Papayannakis (1995), Determining objective weights in
///   multiple criteria problems: the CRITIC method, Comput. Oper. Res. 22(7):763–770,
///   doi:10.1016/0305-0548(94)00059-H.
[[nodiscard]] VariationWeights critic_weights(const Eigen::MatrixXd& x, const VariationOptions& options = {});

}  // namespace cikit
