#pragma once
/// \file ahp_tree.hpp
/// AHP weights over an indicator tree: local weights of the children of every inner node from
/// the experts' pairwise judgments (judgments.hpp), aggregated over experts (ahp.hpp).

#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/weighting/ahp.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

/// The AHP result at one inner node with ≥ 2 children.
struct AhpNodeResult {
  int node = -1;
  std::string node_id;
  std::vector<std::string> expert_ids;  ///< experts who judged the node (file order)
  /// Group result; weights and matrices in the tree's child order. With one expert the group
  /// result is that expert's.
  AhpGroupResult group;
};

struct AhpTreeResult {
  /// local(c) = AHP priority of child c within its parent (1 for an only child);
  /// global = products down the tree; consistency per node and expert; warnings.
  TreeWeights weights;
  std::vector<AhpNodeResult> nodes;  ///< inner nodes with ≥ 2 children, in pre-order
};

/// AHP weights for every inner node of `tree` from `judgments` (read against the same tree).
/// Per inner node with m ≥ 2 children: the matrices of the experts who judged it, expert
/// weights from the file (renormalised over those experts; equal when none are given), then
/// ahp_group() with options.group (AIJ by default) and options.ahp (eigenvector, Saaty 1980 RI,
/// λmax-optimal completion of missing judgments). An only child gets local weight 1.
/// CR above the threshold (per expert and for the aggregate) is a warning naming node and
/// expert, never an error; so is a node that some experts did not judge.
/// @throws InvalidInput naming the node (with its position in the spec) when no expert judged
///         an inner node with ≥ 2 children; as ahp_group() (the message names the expert id);
///         DomainError for a disconnected comparison graph or an RI table not covering m.
/// Reference: Saaty (1980) The Analytic Hierarchy Process; Forman & Peniwati (1998) EJOR
/// 108:165, doi:10.1016/S0377-2217(97)00244-0.
[[nodiscard]] AhpTreeResult ahp_tree_weights(const IndicatorTree& tree, const Judgments& judgments,
                                             const AhpTreeOptions& options = {});

}  // namespace cikit
