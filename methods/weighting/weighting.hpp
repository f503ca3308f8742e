#pragma once
/// \file weighting.hpp
/// Weights of the children of each inner node (local weights) and their products down the tree
/// (global weights). This file holds the weights that need no data: equal and user-given.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/notice.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/weighting/ahp.hpp"
#include "methods/weighting/weight_settings.hpp"

namespace cikit {

struct Judgments;  // methods/weighting/judgments.hpp

/// Consistency of the AHP judgments at one inner node, for one expert or the group.
struct NodeConsistency {
  std::string node_id;
  std::string expert_id;     ///< expert id, or "" for the group's aggregated judgments
  int m = 0;                 ///< number of children compared
  int n_missing = 0;         ///< missing judgments completed
  double lambda_max = 0;
  double ci = 0;
  double ri = 0;
  double cr = 0;
  double cr_threshold = 0;
  bool acceptable = true;
};

/// Best-Worst Method consistency at one inner node for one expert (bwm_tree.hpp, bwm.hpp).
struct BwmConsistency {
  std::string node_id;
  std::string expert_id;
  double xi_star = 0;            ///< nonlinear model (Rezaei 2015)
  double xi_linear = 0;          ///< linear model (Rezaei 2016)
  double a_bw = 1;
  double consistency_index = 0;  ///< CI(a_BW)
  double consistency_ratio = 0;  ///< xi* / CI
  double input_cr = 0;           ///< CR^I (Liang, Brunelli & Rezaei 2020)
  double threshold = 0;          ///< its threshold (NaN when untabulated)
  std::string verdict;           ///< acceptable, unacceptable, untabulated
};

/// Inputs of weights that need more than the tree (WeightMethod::Ahp).
struct WeightInputs {
  const Judgments* judgments = nullptr;  ///< required by WeightMethod::Ahp (the spec's `judgments:`)
  AhpTreeOptions ahp;                    ///< AHP priority method, RI table, group rule, missing rule
  /// Entropy and PCA variants, and the components and rule of WeightMethod::Combined (the
  /// spec's methods.weights block; weight_settings(spec).variants, weight_settings.hpp).
  WeightVariants variants;
};

/// Local and global weights of every node of a tree.
struct TreeWeights {
  /// local(i): weight of node i within its parent (children of a node sum to 1); root = 1.
  Eigen::VectorXd local;
  /// global(i) = product of local weights from the root down to node i. Leaves' global
  /// weights sum to 1; so do the global weights of the nodes of any one level (full depth).
  Eigen::VectorXd global;
  std::vector<std::string> warnings;
  std::vector<Notice> notices;  ///< adjustments behind some of the warnings, as data (core/notice.hpp)
  /// AHP only: CR per inner node (≥ 2 children) and expert, then the group's aggregate.
  std::vector<NodeConsistency> consistency;
  /// BWM only: consistency per inner node (>= 2 children) and expert.
  std::vector<BwmConsistency> bwm_consistency;
};

/// Equal weights: w_j = 1/m for the m children of every inner node.
/// Reference: OECD/JRC (2008) Handbook on Constructing Composite Indicators, §6.
[[nodiscard]] TreeWeights equal_tree_weights(const IndicatorTree& tree);

/// User-given weights from the spec's `weight:` fields, per inner node:
/// w_j = v_j / sum_k v_k. Every child of every inner node must have a weight (v_j >= 0,
/// sum > 0). When a node's weights do not sum to 1 (|sum - 1| > 1e-9) they are renormalised
/// and a warning names the node and the sum.
/// @throws InvalidInput naming the node whose child lacks a weight;
///         DomainError if all children of a node have weight 0.
[[nodiscard]] TreeWeights given_tree_weights(const IndicatorTree& tree);

/// Dispatches on the method (Equal, Given, Ahp). Ahp needs `inputs.judgments`
/// (ahp_tree_weights()). Data-driven methods (is_data_driven) need the scores: use the
/// overload in data_weights.hpp.
/// @throws InvalidInput for a data-driven method, or WeightMethod::Ahp without judgments.
[[nodiscard]] TreeWeights tree_weights(const IndicatorTree& tree, WeightMethod method,
                                       const WeightInputs& inputs = {});

/// Fills `global` from `local` (product down the tree).
void compute_global_weights(const IndicatorTree& tree, TreeWeights& w);

}  // namespace cikit
