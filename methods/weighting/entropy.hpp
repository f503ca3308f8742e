#pragma once
/// \file entropy.hpp
/// Entropy weight method (熵权法). Rows = units, cols = indicators (the children of one node).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/weighting/objective_common.hpp"

namespace cikit {

/// How the data are turned into the proportions p_ij.
enum class EntropyVariant {
  /// p_ij = x_ij / sum_i x_ij on the data as given (must be >= 0; no direction flip). The
  /// classic form (Zeleny 1982; Xu 2004; pymcdm); reproduces the published examples.
  Ratio,
  /// Min-max first: z_ij = (x_ij - min_j)/(max_j - min_j), cost columns (max_j - x_ij)/(...),
  /// then p_ij = z_ij / sum_i z_ij (the common Chinese-textbook 熵权法). Negative data allowed.
  MinMax,
};

/// Optional additive shift that keeps zeros out of p (changes the weights: entropy weights
/// are scale-invariant but NOT shift-invariant). Default None: zeros are handled by the
/// limit convention 0 ln 0 := 0, never by "any zero gives maximal weight".
enum class EntropyShift {
  None,         ///< use the values as they are (0 ln 0 := 0)
  Add,          ///< v + delta before the ratio (e.g. delta = 0.01 or 1)
  MinMaxFloor,  ///< MinMax variant only: z = delta + (1 - delta) z, i.e. min-max to [delta, 1]
                ///< (e.g. delta = 0.0001, "min-max to [0.0001, 1]")
};

struct EntropyOptions {
  /// Variant; no silent default in reports: EntropyWeights::variant echoes it.
  EntropyVariant variant = EntropyVariant::Ratio;
  /// Per-column direction for the MinMax variant (cost columns reversed); empty = all
  /// positive. Ignored (and must be empty or all positive) under Ratio: orient data first.
  std::vector<Direction> directions;
  EntropyShift shift = EntropyShift::None;
  double delta = 0.0;  ///< the shift amount (> 0 when shift != None)
  /// Missing values: listwise over the columns (default) or error.
  CompleteCaseRule missing = CompleteCaseRule::Listwise;
  /// Indicator ids for messages (empty = "column j").
  std::vector<std::string> ids;
  /// A column whose range is <= this * max(1, max|x|) is constant (carries no information).
  double zero_range_tol = 1e-12;
};

struct EntropyWeights {
  Eigen::VectorXd weights;     ///< w_j = d_j / sum_k d_k; sum to 1
  Eigen::VectorXd entropy;     ///< E_j in [0, 1]
  Eigen::VectorXd divergence;  ///< d_j = 1 - E_j ("degree of diversification")
  EntropyVariant variant = EntropyVariant::Ratio;
  Eigen::Index n_used = 0;     ///< units used (complete cases)
  Eigen::Index n_dropped = 0;  ///< units dropped for missing values
  std::vector<std::string> warnings;
};

/// Entropy weights.
/// \f[ p_{ij} = v_{ij} / \sum_i v_{ij},\quad E_j = -\frac{1}{\ln n}\sum_i p_{ij}\ln p_{ij}
///     \;(0 \ln 0 := 0),\quad d_j = 1 - E_j,\quad w_j = d_j / \sum_k d_k \f]
/// where v = x (Ratio) or the min-max transform of x (MinMax), plus the optional shift.
/// Conventions: rows = units (n), cols = indicators; natural log, k = 1/ln n so E_j in [0, 1];
/// a constant column (range ~ 0, or all zeros under Ratio) has E_j = 1, d_j = 0, w_j = 0 and
/// a warning; missing values per `missing` (listwise default, count in warnings).
/// Scale invariant (x_j -> c x_j, c > 0) under both variants; the MinMax variant is also
/// invariant to positive affine maps; neither is invariant to an additive shift of raw data.
/// @throws InvalidInput if ids/directions have the wrong size, delta is invalid, or (rule
///         Error) a value is missing; DomainError if fewer than 2 complete units remain, if a
///         value entering the ratio is negative (Ratio variant: row and indicator named), or if
///         every column is constant (all d_j = 0: weights undefined).
/// Reference: Shannon (1948) doi:10.1002/j.1538-7305.1948.tb01338.x; Zeleny (1982) Multiple
///   Criteria Decision Making, McGraw-Hill; Xu (2004), A note on the subjective and objective
///   integrated approach to determine attribute weights, EJOR 156(2):530–532.
/// Complexity O(n m).
[[nodiscard]] EntropyWeights entropy_weights(const Eigen::MatrixXd& x, const EntropyOptions& options = {});

}  // namespace cikit
