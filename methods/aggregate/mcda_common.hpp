#pragma once
/// \file mcda_common.hpp
/// What the MCDA evaluation methods (GRA, VIKOR, PROMETHEE II, COPRAS, EDAS, RSR) share:
/// the column information (criterion directions, ids), the missing-value rule, the weight
/// checks, and putting per-unit results back in data order.
///
/// Direction convention: rows = units (alternatives), cols = criteria. A column whose direction
/// is Negative is a cost criterion (less is better) and the method applies its own published
/// treatment of costs; a Positive column is a benefit criterion. Inside an index, a child is a
/// cost criterion only when it is an indicator with direction `-` kept raw by
/// `methods.normalize: none`; every other child score is already oriented (higher = better).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/weighting/objective_common.hpp"

namespace cikit {

/// Column information and missing-value rule common to the MCDA methods.
struct McdaColumns {
  std::vector<Direction> directions;  ///< per column; empty = all benefit
  std::vector<std::string> ids;       ///< criterion ids for messages
  CompleteCaseRule missing = CompleteCaseRule::Listwise;  ///< dropped units get NaN outputs
};

/// The complete units, checked weights (renormalised to sum 1) and cost flags.
struct McdaInput {
  Eigen::MatrixXd x;                ///< complete units only, in data order
  std::vector<Eigen::Index> rows;   ///< their rows in the input
  Eigen::Index n_all = 0;           ///< units in the input
  Eigen::VectorXd w;                ///< weights / sum(weights)
  std::vector<bool> cost;           ///< per column: direction Negative
};

/// Checks sizes, weights (finite, >= 0, positive sum) and keeps the complete units.
/// @throws InvalidInput (sizes; bad weights; a missing value under CompleteCaseRule::Error);
///         DomainError when fewer than `min_units` complete units remain.
[[nodiscard]] McdaInput mcda_prepare(const char* fn, const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                     const McdaColumns& c, std::vector<std::string>& warnings,
                                     Eigen::Index min_units = 2);

/// Per-unit values of the complete units put back at their rows; NaN elsewhere.
[[nodiscard]] Eigen::VectorXd mcda_scatter(const McdaInput& in, const Eigen::VectorXd& v);

/// Min-max per column with direction, (x - min)/(max - min) or (max - x)/(max - min).
/// @throws DomainError naming the criterion when a column is constant.
[[nodiscard]] Eigen::MatrixXd mcda_minmax(const char* fn, const McdaInput& in, const std::vector<std::string>& ids);

}  // namespace cikit
