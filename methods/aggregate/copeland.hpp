#pragma once
/// \file copeland.hpp
/// Non-compensatory aggregation: weighted Condorcet pairwise comparisons and the Copeland score.
/// Rows = units, cols = indicators (children), larger = better (directions already applied).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/registry.hpp"

namespace cikit {

struct CopelandOptions {
  MissingPolicy missing = MissingPolicy::Available;  ///< Available: compare pairs on shared children
  /// Two units tie on a pair when |sum_j w_j sign(x_aj - x_bj)| <= tie_tol * sum_j w_j: the
  /// weighted votes are equal up to rounding (e.g. equal weights over an even number of children).
  double tie_tol = 1e-12;
};

struct CopelandResult {
  Eigen::VectorXd score;   ///< wins - losses, in [-(n-1), n-1]; NaN when every child is missing
  Eigen::VectorXi wins;    ///< pairwise majority wins per unit
  Eigen::VectorXi losses;  ///< pairwise majority losses per unit
  Eigen::VectorXi n_missing;  ///< children missing per unit
};

/// Weighted Copeland scores. For units a, b, the weighted Condorcet outranking e_ab sums the weights
/// of the children on which a beats b plus half those on which they tie:
/// \f[ e_{ab} = \sum_{j \in C_{ab}} w_j \big(1[x_{aj} > x_{bj}] + \tfrac12 1[x_{aj} = x_{bj}]\big)
///      \Big/ \sum_{j \in C_{ab}} w_j, \qquad e_{ab} + e_{ba} = 1, \f]
/// C_ab = the children available for both units (all of them without missing values). a beats b when
/// e_ab > 1/2 (equivalently d_ab = sum_j w_j sign(x_aj - x_bj) > tie_tol * sum w), loses when
/// e_ab < 1/2, ties otherwise (also when C_ab is empty). Copeland score = wins - losses.
/// Non-compensatory: only the sign of each difference counts, so the score is invariant to any
/// strictly increasing transform of each child (normalisation does not matter) and to the scale of w.
/// Ties between scores are kept (rank them with rank_descending: "min").
/// @param child_ids, unit_ids used in messages.
/// @throws InvalidInput (sizes; weights negative, non-finite or summing to 0); DomainError naming
///         unit and child under MissingPolicy::Error when a value is missing.
/// Reference: Munda & Nardo (2009) Noncompensatory/nonlinear composite indicators for ranking
///   countries: a defensible setting, Applied Economics 41(12):1513–1523,
///   doi:10.1080/00036840601019364; Copeland (1951), "A reasonable social welfare function",
///   University of Michigan seminar. Complexity O(n² m).
[[nodiscard]] CopelandResult copeland(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                      const std::vector<std::string>& child_ids,
                                      const std::vector<std::string>& unit_ids, const CopelandOptions& options = {});

}  // namespace cikit
