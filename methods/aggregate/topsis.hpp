#pragma once
/// \file topsis.hpp
/// TOPSIS (Technique for Order Preference by Similarity to Ideal Solution).
/// Rows = units (alternatives), cols = indicators (criteria).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/weighting/objective_common.hpp"

namespace cikit {

enum class TopsisNormalization {
  Vector,  ///< r_ij = x_ij / sqrt(sum_i x_ij^2) (Hwang & Yoon 1981; default)
  MinMax,  ///< r_ij = (x_ij - min_j)/(max_j - min_j) (pymcdm's default)
};

struct TopsisOptions {
  TopsisNormalization normalization = TopsisNormalization::Vector;
  /// Per-column direction: positive (benefit: ideal = max) or negative (cost: ideal = min);
  /// empty = all positive.
  std::vector<Direction> directions;
  CompleteCaseRule missing = CompleteCaseRule::Listwise;  ///< dropped units get NaN scores
  std::vector<std::string> ids;  ///< indicator ids for messages
  /// MinMax: a column whose range is <= this * max(1, max|x|) is constant (an error).
  double zero_range_tol = 1e-12;
};

struct TopsisResult {
  Eigen::VectorXd closeness;  ///< C_i = D-_i / (D+_i + D-_i) in [0, 1]; NaN for dropped units
  Eigen::VectorXd d_plus;     ///< Euclidean distance to the ideal
  Eigen::VectorXd d_minus;    ///< Euclidean distance to the anti-ideal
  Eigen::VectorXd ideal;      ///< A+ (weighted normalised scale)
  Eigen::VectorXd anti_ideal; ///< A-
  Eigen::MatrixXd weighted;   ///< v_ij = w_j r_ij (complete units; NaN rows for dropped)
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// TOPSIS closeness:
/// r = normalisation of x (Vector or MinMax, per column), v_ij = w_j r_ij (w renormalised to
/// sum 1), A+_j = max_i v_ij for benefit / min for cost, A-_j the reverse,
/// D±_i = ||v_i - A±||_2, C_i = D-_i / (D+_i + D-_i). Rank by C descending (rank_descending).
/// Missing values: listwise (dropped units' outputs NaN, count in warnings) or error.
/// @throws InvalidInput (sizes; negative/non-finite weights or weights summing to 0; rule Error
///         and a missing value); DomainError if fewer than 2 complete units, a column is all
///         zeros (Vector) or constant (MinMax), or every unit is identical (D+ + D- = 0).
/// Reference: Hwang & Yoon (1981) Multiple Attribute Decision Making, Springer, LNEMS 186,
///   doi:10.1007/978-3-642-48318-9.
[[nodiscard]] TopsisResult topsis(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                  const TopsisOptions& options = {});

}  // namespace cikit
