#pragma once
/// \file mcda_dispatch.hpp
/// One node's aggregation by an MCDA evaluation method (GRA, VIKOR, PROMETHEE II, COPRAS, EDAS,
/// RSR) inside build_index, with the method's extra outputs as AggregateDetails.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/aggregate/aggregate.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"

namespace cikit {

/// True for the methods aggregate_mcda() handles.
[[nodiscard]] bool is_mcda_method(AggregateMethod m);

/// The node's children and what the MCDA methods need to know about them.
struct McdaNode {
  std::string node_id;
  std::vector<std::string> child_ids;
  std::vector<Direction> directions;     ///< Negative = cost criterion (raw `-` indicator)
  std::vector<Preference> preferences;   ///< PROMETHEE (tree entry `preference:`)
};

/// Aggregates x (units × children) with method `m`. Units with a missing child are dropped
/// (listwise, warned) or an error under MissingPolicy::Error. Outputs (score = the ranking
/// value, higher = better): GRA grade; VIKOR 1 - Q (details s, r, q, compromise; summary dq,
/// acceptable_advantage, acceptable_stability); PROMETHEE phi (details phi_plus, phi_minus, phi);
/// COPRAS Q (details s_plus, s_minus, q, utility); EDAS AS (details sp, sn, nsp, nsn, as);
/// RSR the RSR (details rsr, probit, fitted, tier; summary intercept, slope, r_squared).
[[nodiscard]] AggregateResult aggregate_mcda(AggregateMethod m, const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                             const IndexConfig& config, const McdaNode& node,
                                             std::vector<std::string>& warnings);

}  // namespace cikit
