#pragma once
/// \file objective_common.hpp
/// Shared conventions of the data-driven ("objective") weighting methods and of the
/// aggregators that need complete data (TOPSIS): the missing-value rule and column naming.
/// Rows = units, cols = the indicators (the children of one tree node).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"

namespace cikit {

/// What a method that needs complete data does with a unit (row) that has a missing value
/// (NaN) in one of the columns it uses.
enum class CompleteCaseRule {
  Listwise,  ///< drop the unit (listwise deletion); the count of dropped units goes to warnings
  Error,     ///< throw InvalidInput naming the first missing cell (unit row and indicator)
};

/// The rows of `x` without missing values, after applying `rule`.
struct CompleteCases {
  Eigen::MatrixXd x;                ///< complete rows only, in their original order
  std::vector<Eigen::Index> rows;   ///< original row index of each kept row
  Eigen::Index n_dropped = 0;       ///< units dropped (Listwise)
};

/// Applies the complete-case rule. Adds one warning when units are dropped
/// ("`function`: k of n units dropped (missing values; listwise)").
/// @throws InvalidInput under CompleteCaseRule::Error when a value is NaN (row and column named),
///         or when a value is infinite (any rule).
[[nodiscard]] CompleteCases complete_cases(const Eigen::MatrixXd& x, CompleteCaseRule rule,
                                           const std::string& function, const std::vector<std::string>& ids,
                                           std::vector<std::string>& warnings);

/// "column 3 'gdp_pc'" (1-based), or "column 3" when `ids` is empty; for messages.
[[nodiscard]] std::string column_label(const std::vector<std::string>& ids, Eigen::Index j);

/// The indicator id of column j, or "" when `ids` is empty (for Location{.indicator}).
[[nodiscard]] std::string column_id(const std::vector<std::string>& ids, Eigen::Index j);

/// Checks that `ids` and `directions` are empty or have one entry per column.
/// @throws InvalidInput naming `function` otherwise.
void check_column_info(const std::string& function, Eigen::Index cols, const std::vector<std::string>& ids,
                       const std::vector<Direction>& directions);

/// Min-max to [0, 1] per column with orientation: positive (x - min)/(max - min), negative
/// (max - x)/(max - min) (`directions` empty = all positive). A column whose range is
/// <= `zero_range_tol` * max(1, max|x|) is constant: its entries are set to 0 and its index is
/// appended to `constant` (callers decide what that means for their method).
[[nodiscard]] Eigen::MatrixXd min_max_unit(const Eigen::MatrixXd& x, const std::vector<Direction>& directions,
                                           double zero_range_tol, std::vector<Eigen::Index>& constant);

/// Checks a weight vector: finite, >= 0, sums to 1 within 1e-9 (postcondition of every
/// weighting function). @throws InternalError otherwise (a bug).
/// Inputs whose weights sum to 1 within this are taken as normalised (else renormalised with a warning).
inline constexpr double kWeightSumTolerance = 1e-9;

void check_weight_postcondition(const std::string& function, const Eigen::VectorXd& w);

}  // namespace cikit
