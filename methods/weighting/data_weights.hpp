#pragma once
/// \file data_weights.hpp
/// Data-driven weights in the indicator tree: the local weights of each inner node's children
/// computed from the children's scores (rows = units, cols = children), with the methods of
/// entropy.hpp, variation.hpp and pca_weights.hpp. The scores are those the index aggregates:
/// the normalised (and oriented) indicators for groups of indicators, the aggregated group
/// scores for higher levels; so build_index computes them bottom-up during aggregation.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

struct NodeWeights {
  Eigen::VectorXd weights;  ///< one per child, sum to 1
  std::vector<std::string> warnings;  ///< prefixed with the node id
};

/// Local weights of one node's children from their scores (rows = units, cols = children):
/// - entropy: entropy_weights with the MinMax variant and no direction flip (the scores are
///   already oriented; on min-max normalised scores this equals the Ratio variant);
/// - cv: cv_weights on the scores (their mean must not be 0: not with z-scores);
/// - sd: sd_weights (min-max rescaled scores); critic: critic_weights (no reversal);
/// - pca: pca_weights with the Handbook's default rules.
/// A node with one child gets weight 1. Missing scores: listwise within the node (warning).
/// Equal and Given are not data-driven: InvalidInput.
/// @throws the method's DomainError / InvalidInput, with Location{.node = node_id} and the
///         message prefixed "weights (method): " (printed "node 'id': weights (method): ...").
[[nodiscard]] NodeWeights node_data_weights(WeightMethod method, const Eigen::MatrixXd& children_scores,
                                            const std::vector<std::string>& child_ids, const std::string& node_id);

/// Tree weights for any method. `node_scores` is units × tree nodes (column i = node i, as
/// IndexResult::scores); for data-driven methods each inner node's weights are computed from
/// the columns of its children, which must be filled (leaves: normalised indicators; inner
/// nodes: aggregated scores). Equal and Given ignore `node_scores`.
/// @throws InvalidInput if `node_scores` has the wrong number of columns; as node_data_weights.
[[nodiscard]] TreeWeights tree_weights(const IndicatorTree& tree, WeightMethod method,
                                       const Eigen::MatrixXd& node_scores);

}  // namespace cikit
