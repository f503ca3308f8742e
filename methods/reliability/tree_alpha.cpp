#include "methods/reliability/tree_alpha.hpp"

#include "methods/core/error.hpp"

namespace cikit {

std::vector<NodeAlpha> alpha_by_node(const Dataset& data, const IndicatorTree& tree, const AlphaOptions& options) {
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
    }
    out.push_back(std::move(na));
  }
  return out;
}

}  // namespace cikit
