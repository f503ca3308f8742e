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

#include "methods/core/notice.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

/// Diagnostics of one node's weights, named so that reports print every method alike.
struct NodeDiagnostics {
  /// One value per child (length k). Names by method: entropy "entropy" (E_j), "divergence"
  /// (d_j = 1 - E_j); cv "mean", "sd", "cv"; sd "sd"; critic "sd", "conflict" (sum_k 1 - r_jk),
  /// "information" (C_j); pca (handbook) "factor" (1-based factor the child is assigned to),
  /// "scaled_squared_loading"; pca (pc1) "eigenvector"; combined: each component's weights
  /// under the component's name.
  std::vector<std::pair<std::string, Eigen::VectorXd>> per_child;
  /// One value per node: "n_used" (complete units), "n_factors", "explained_variance" (share
  /// of variance of the kept components), "eigenvalue_1"; combined "coefficient:<method>"
  /// (alpha, or the normalised game-theory alpha*) and "raw_coefficient:<method>".
  std::vector<std::pair<std::string, double>> per_node;
};

struct NodeWeights {
  Eigen::VectorXd weights;  ///< one per child, sum to 1
  std::vector<std::string> warnings;  ///< prefixed with the node id
  NodeDiagnostics diagnostics;
  std::vector<Notice> notices;  ///< adjustments (units dropped, negative coefficients), as data
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

/// As above with the variants of the spec's methods.weights block: entropy (variant, shift),
/// pca (handbook or pc1 variants: pc1_weights). The overload above uses the defaults
/// (entropy MinMax without shift, pca Handbook). WeightMethod::Combined needs the tree: use
/// NodeWeighter.
[[nodiscard]] NodeWeights node_data_weights(WeightMethod method, const Eigen::MatrixXd& children_scores,
                                            const std::vector<std::string>& child_ids, const std::string& node_id,
                                            const WeightVariants& variants);

/// Local weights node by node under one method, as build_index needs them: the weights that
/// need no data (equal, given, ahp) are computed once for the whole tree at construction; the
/// data-driven ones at each node from its children's scores. `combined` (methods.weights
/// combine/of/alpha) combines its components' local weights at each node:
///   linear: alpha u_1 + (1 - alpha) u_2; multiplicative: u_1j u_2j / sum; min_entropy:
///   sqrt(u_1j u_2j) / sum; game_theory: combine_game_theory(u_1..u_L) (|alpha| normalisation).
/// When all components give the same local weights at a node (within 1e-12: e.g. AHP judgments
/// of indifference and equal weights) the combination is that vector (a warning names the
/// node): the game-theory coefficients are not identified there.
class NodeWeighter {
 public:
  /// @throws InvalidInput for combined without a valid combination (validate_combination), ahp
  ///         (or an ahp component) without judgments; as the non-data weights.
  NodeWeighter(const IndicatorTree& tree, WeightMethod method, const WeightInputs& inputs);
  /// True when the weights are computed node by node from scores (is_data_driven).
  [[nodiscard]] bool node_by_node() const { return is_data_driven(method_); }
  /// Weights to start from when node_by_node(): local = 1, and the warnings and AHP
  /// consistency of the components computed up front.
  [[nodiscard]] TreeWeights start() const;
  /// Local weights of inner node i's children from their scores (units × children).
  /// @throws as node_data_weights; DomainError from a combination (node named).
  [[nodiscard]] NodeWeights node(int i, const Eigen::MatrixXd& children_scores,
                                 const std::vector<std::string>& child_ids) const;

 private:
  [[nodiscard]] NodeWeights component(WeightMethod m, int i, const Eigen::MatrixXd& x,
                                      const std::vector<std::string>& ids) const;
  const IndicatorTree* tree_;
  WeightMethod method_;
  WeightVariants variants_;
  std::vector<std::pair<WeightMethod, TreeWeights>> fixed_;  ///< non-data components
};

/// Tree weights for any method. `node_scores` is units × tree nodes (column i = node i, as
/// IndexResult::scores); for data-driven methods each inner node's weights are computed from
/// the columns of its children, which must be filled (leaves: normalised indicators; inner
/// nodes: aggregated scores). Equal and Given ignore `node_scores`.
/// @throws InvalidInput if `node_scores` has the wrong number of columns; as node_data_weights.
[[nodiscard]] TreeWeights tree_weights(const IndicatorTree& tree, WeightMethod method,
                                       const Eigen::MatrixXd& node_scores);

}  // namespace cikit
