#pragma once
/// \file build_index.hpp
/// The index as a pure function of (data, indicator tree, method choices) (ARCHITECTURE.md):
/// direction + normalisation of the indicators, weights per inner node, bottom-up aggregation
/// over the tree, and ranks for every node.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/aggregate/aggregate.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/notice.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/normalize/normalize.hpp"
#include "methods/treat/treat.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

struct IndexResult {
  /// Scores, units × tree nodes (column = node index of the tree). Leaf columns hold the
  /// normalised indicators; inner columns their aggregates; column 0 is the index.
  /// NaN only where a unit has no available value under that node (reported in warnings).
  Eigen::MatrixXd scores;
  /// Ranks, units × nodes: competition ranks ("min" ties), 1 = best; 0 = no score.
  Eigen::MatrixXi ranks;
  /// Units × nodes: for inner nodes, the number of children missing for the unit (the node's
  /// score averages the others); for leaves, 1 if the indicator value is missing.
  Eigen::MatrixXi n_missing;
  TreeWeights weights;            ///< local and global weights per node
  /// Per-indicator bounds used (leaf order). Its `values` are left empty: the leaf columns of
  /// `scores` hold the normalised indicators.
  NormalizeResult normalization;
  /// Treatment before normalisation (imputation, transforms, outliers), every changed value
  /// listed; empty (no columns) when no treatment was requested.
  TreatResult treatment;
  /// Per node (tree index): the aggregation used (inner nodes; leaves hold the default).
  std::vector<NodeAggregate> aggregation;
  /// Per node (tree index): the aggregation's extra per-unit outputs (AggregateDetails; empty
  /// for single-output methods and leaves). `cikit index --format json` writes them per unit as
  /// `details: {NODE_ID: {...}}`.
  std::vector<AggregateDetails> details;
  Eigen::Index n_missing_values = 0;        ///< missing indicator values in the input
  Eigen::Index n_units_incomplete = 0;      ///< units with at least one missing value
  std::vector<std::string> warnings;
  /// The adjustments among the warnings (and treated values), as data for the report layer.
  std::vector<Notice> notices;
};

/// Builds the index. `data` columns must be the tree's leaves in leaf order (as load_data
/// returns them); rows are units.
/// Steps: (0) refuse method combinations that cannot work (require_preflight() on the raw data);
/// (1) treat the indicators (treat(): imputation, per-indicator transforms, outliers) when
/// config.treat asks for it; (2) normalise each indicator with its direction and its own or the
/// global method (normalize()); (3) weights per inner node (tree_weights()); (4) for each inner
/// node in post-order, aggregate its children's scores per unit with the node's own or the global
/// method (node_aggregate(): arithmetic, geometric, harmonic, power, TOPSIS, Mazziotta-Pareto,
/// Copeland, GRA, VIKOR, PROMETHEE II, COPRAS, EDAS, RSR (mcda_dispatch.hpp: a child is a cost
/// criterion when it is a `-` indicator kept raw by normalize none; PROMETHEE reads each child's
/// `preference:`); missing rule from `config.missing`: the means average the available children, TOPSIS,
/// MPI and the MCDA methods drop units with a missing child (listwise, warned), Copeland compares pairs on their
/// shared children); (5) rank every node's scores (rank_descending()).
/// Data-driven weights (entropy, cv, sd, critic, pca) and combined weights (NodeWeighter;
/// variants and components from `inputs.variants`) are computed in step (3), node by node,
/// from the scores being aggregated (node_data_weights(): the normalised indicators for
/// indicator groups, the aggregated scores above), just before that node is aggregated.
/// @throws InvalidInput if data and tree disagree or methods.normalize.reference is not a unit;
///         DomainError listing every preflight issue; DomainError from treatment (plain log of a
///         value <= 0), normalisation (constant or
///         all-missing indicator), data-driven weights (e.g. a constant child under CRITIC), or
///         aggregation (missing value under MissingPolicy::Error; a zero score under the geometric
///         or harmonic mean: normalise to a range above 0, e.g. range_lo = 1).
/// `inputs` carries what some weight methods need beyond the tree (AHP judgments).
/// `ranks`: AllNodes ranks every node (IndexResult::ranks is n × #nodes); IndexOnly ranks the
/// index alone (ranks is n × 1, column 0 = the root), for callers that build the index many
/// times and read only its ranks (Monte Carlo, bootstrap, leave-one-out).
enum class RankScope { AllNodes, IndexOnly };
[[nodiscard]] IndexResult build_index(const Dataset& data, const IndicatorTree& tree,
                                      const IndexConfig& config, const WeightInputs& inputs = {},
                                      RankScope ranks = RankScope::AllNodes);

/// Column information (id, direction, goalposts) of the tree's leaves, in leaf order.
[[nodiscard]] std::vector<ColumnInfo> leaf_columns(const IndicatorTree& tree);

}  // namespace cikit
