#include "methods/reliability/tree_alpha.hpp"

#include "methods/core/error.hpp"

namespace cikit {

std::vector<NodeAlpha> alpha_by_node(const Dataset& data, const IndicatorTree& tree, const AlphaOptions& options,
                                     const NodeReliabilityOptions& extra) {
  if (static_cast<std::size_t>(data.n_indicators()) != tree.leaves().size())
    throw InvalidInput(std::string("alpha_by_node: the data have ") + std::to_string(data.n_indicators()) +
                       " indicator columns, but the tree has " + std::to_string(tree.leaves().size()) + " leaves");
  std::vector<NodeAlpha> out;
  for (const int i : tree.preorder()) {
    const Node& n = tree.node(i);
    if (n.children.empty()) continue;
    NodeAlpha na;
    na.node = i;
    na.id = n.id;
    na.depth = n.depth;
    const std::vector<int> pos = tree.leaf_positions_under(i);
    Eigen::MatrixXd x(data.n_units(), static_cast<Eigen::Index>(pos.size()));
    for (std::size_t j = 0; j < pos.size(); ++j) {
      const Node& leaf = tree.node(tree.leaves()[static_cast<std::size_t>(pos[j])]);
      na.indicators.push_back(leaf.id);
      const double sign = leaf.direction == Direction::Negative ? -1.0 : 1.0;
      x.col(static_cast<Eigen::Index>(j)) = data.values.col(pos[j]) * sign;
    }
    if (pos.size() < 2) {
      na.error = "fewer than 2 indicators";
    } else {
      AlphaOptions o = options;
      o.item_ids = na.indicators;
      o.keys.clear();
      try {
        na.result = alpha(x, o);
      } catch (const DomainError& e) {
        na.error = e.what();
      }
      if (extra.split_half) {
        SplitHalfOptions so;
        so.item_ids = na.indicators;
        so.missing = options.missing;
        try {
          na.split_half = split_half(x, so);
        } catch (const std::exception& e) {  // InvalidInput or DomainError: reported per node
          na.split_half_error = e.what();
        }
      }
      if (extra.omega) {
        OmegaOptions oo;
        oo.correlation.missing =
            options.missing == MissingRule::Listwise ? MissingCorrelation::Listwise : MissingCorrelation::Pairwise;
        if (pos.size() < 3) {
          na.omega_error = "fewer than 3 indicators (a one-factor model of 2 is not identified)";
        } else {
          try {
            na.omega = omega_one_factor(x, oo);
          } catch (const std::exception& e) {
            na.omega_error = e.what();
          }
        }
        int groups = 0;
        for (int c : n.children) groups += tree.node(c).children.empty() ? 0 : 1;
        if (groups >= 2) {
          oo.n_factors = groups;
          try {
            na.omega_sl = omega_schmid_leiman(x, oo);
          } catch (const std::exception& e) {
            na.omega_sl_error = e.what();
          }
        }
      }
    }
    out.push_back(std::move(na));
  }
  return out;
}

}  // namespace cikit
