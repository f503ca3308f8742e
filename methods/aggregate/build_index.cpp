#include "methods/aggregate/build_index.hpp"

#include <fmt/format.h>

#include <cmath>

#include "methods/aggregate/aggregate.hpp"
#include "methods/aggregate/means.hpp"
#include "methods/weighting/data_weights.hpp"

namespace cikit {

std::vector<ColumnInfo> leaf_columns(const IndicatorTree& tree) {
  std::vector<ColumnInfo> cols;
  cols.reserve(tree.leaves().size());
  for (int leaf : tree.leaves()) {
    const Node& n = tree.node(leaf);
    cols.push_back(ColumnInfo{n.id, n.direction, n.goalposts});
  }
  return cols;
}

IndexResult build_index(const Dataset& data, const IndicatorTree& tree, const IndexConfig& config,
                        const WeightInputs& inputs) {
  const auto& leaves = tree.leaves();
  if (data.n_indicators() != static_cast<Eigen::Index>(leaves.size()))
    throw InvalidInput(fmt::format("build_index: data has {} indicator columns but the tree has {} indicators",
                                   data.n_indicators(), leaves.size()));
  for (std::size_t j = 0; j < leaves.size(); ++j)
    if (data.indicator_ids.at(j) != tree.node(leaves[j]).id)
      throw InvalidInput(fmt::format("build_index: data column {} is '{}' but the tree's indicator {} is '{}'",
                                     j + 1, data.indicator_ids[j], j + 1, tree.node(leaves[j]).id));
  if (data.n_units() < 2)
    throw DomainError(fmt::format("build_index: {} unit(s); an index needs at least 2 units to normalise and rank",
                                  data.n_units()));

  IndexResult r;
  const Eigen::Index n = data.n_units();
  const int m = tree.size();
  r.n_missing_values = data.n_missing();
  r.n_units_incomplete = (data.values.array().isNaN().rowwise().any()).count();

  NormalizeOptions nopt;
  nopt.method = config.normalize;
  nopt.range_lo = config.range_lo;
  nopt.range_hi = config.range_hi;
  r.normalization = normalize(data.values, leaf_columns(tree), nopt);
  const NodeWeighter weigher(tree, config.weights, inputs);
  const bool data_weights = weigher.node_by_node();
  if (data_weights) {
    // Filled node by node below, from the children's scores (post-order).
    r.weights = weigher.start();
  } else {
    r.weights = tree_weights(tree, config.weights, inputs);
  }
  r.warnings = r.weights.warnings;

  r.scores = Eigen::MatrixXd::Constant(n, m, std::numeric_limits<double>::quiet_NaN());
  r.n_missing = Eigen::MatrixXi::Zero(n, m);
  for (std::size_t j = 0; j < leaves.size(); ++j) {
    const auto col = static_cast<Eigen::Index>(j);
    r.scores.col(leaves[j]) = r.normalization.values.col(col);
    r.n_missing.col(leaves[j]) = data.values.col(col).array().isNaN().cast<int>();
  }
  for (int i : tree.inner_postorder()) {
    const Node& node = tree.node(i);
    const auto k = static_cast<Eigen::Index>(node.children.size());
    Eigen::MatrixXd x(n, k);
    std::vector<std::string> ids;
    for (Eigen::Index c = 0; c < k; ++c) {
      const int child = node.children[static_cast<std::size_t>(c)];
      x.col(c) = r.scores.col(child);
      ids.push_back(tree.node(child).id);
    }
    if (data_weights) {
      NodeWeights nw = weigher.node(i, x, ids);
      for (Eigen::Index c = 0; c < k; ++c) r.weights.local(node.children[static_cast<std::size_t>(c)]) = nw.weights(c);
      r.weights.warnings.insert(r.weights.warnings.end(), nw.warnings.begin(), nw.warnings.end());
      r.warnings.insert(r.warnings.end(), nw.warnings.begin(), nw.warnings.end());
    }
    Eigen::VectorXd w(k);
    for (Eigen::Index c = 0; c < k; ++c) w(c) = r.weights.local(node.children[static_cast<std::size_t>(c)]);
    AggregateResult a;
    MeanOptions mopt;
    mopt.missing = config.missing;
    switch (config.aggregate) {
      case AggregateMethod::Arithmetic:
        a = weighted_arithmetic(x, w, config.missing, ids, data.unit_ids);
        break;
      case AggregateMethod::Geometric:
        a = weighted_geometric(x, w, mopt, ids, data.unit_ids);
        break;
      case AggregateMethod::Harmonic:
        a = weighted_harmonic(x, w, mopt, ids, data.unit_ids);
        break;
    }
    r.scores.col(i) = a.score;
    r.n_missing.col(i) = a.n_missing;
    const Eigen::Index n_nan = a.score.array().isNaN().count();
    if (n_nan > 0) {
      std::string units;
      for (Eigen::Index u = 0; u < n; ++u) {
        if (!std::isnan(a.score(u))) continue;
        if (!units.empty()) units += ", ";
        units += data.unit_ids[static_cast<std::size_t>(u)];
      }
      r.warnings.push_back(fmt::format("node '{}': no available indicator for {} unit(s) ({}); "
                                       "their score and rank are missing",
                                       node.id, n_nan, units));
    }
  }
  if (r.n_missing_values > 0 && config.missing == MissingPolicy::Available)
    r.warnings.push_back(fmt::format(
        "{} missing value(s) in {} unit(s): those units' group scores average the available "
        "indicators with re-normalised weights (methods.aggregate.missing: available)",
        r.n_missing_values, r.n_units_incomplete));
  if (data_weights) compute_global_weights(tree, r.weights);
  r.ranks.resize(n, m);
  for (int i = 0; i < m; ++i) r.ranks.col(i) = rank_descending(r.scores.col(i));
  return r;
}

}  // namespace cikit
