/// \file uncertainty_variants.cpp
/// The altered inputs of one uncertainty run (uncertainty.hpp): the tree and data without an
/// indicator or a subtree, judgments restated for the reduced tree, and one random draw of the
/// AHP judgment perturbation on Saaty's scale.
#include "methods/sensitivity/uncertainty.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/core/tree_edit.hpp"
#include "methods/weighting/judgments_edit.hpp"
#include "methods/core/random.hpp"
#include "methods/weighting/ahp.hpp"

namespace cikit {

IndicatorTree tree_without_node(const IndicatorTree& tree, int node) {
  if (node <= 0 || node >= tree.size())
    throw InvalidInput(fmt::format("tree_without_node: node {} is the root or does not exist", node));
  const Node& gone = tree.node(node);
  if (tree.node(gone.parent).children.size() < 2)
    throw DomainError(fmt::format("removing '{}' leaves node '{}' without children", gone.id, tree.node(gone.parent).id),
                      Location{.node = tree.node(gone.parent).id});
  std::vector<char> removed(static_cast<std::size_t>(tree.size()), 0);
  removed[static_cast<std::size_t>(node)] = 1;
  return tree_without_nodes(tree, removed);
}

IndicatorTree tree_without_leaf(const IndicatorTree& tree, int leaf) {
  if (leaf <= 0 || leaf >= tree.size() || !tree.node(leaf).is_leaf())
    throw InvalidInput(fmt::format("tree_without_leaf: node {} is not an indicator (leaf)", leaf));
  const Node& gone = tree.node(leaf);
  if (tree.node(gone.parent).children.size() < 2)
    throw DomainError(fmt::format("excluding indicator '{}' leaves node '{}' without indicators", gone.id,
                                  tree.node(gone.parent).id),
                      Location{.indicator = gone.id, .node = tree.node(gone.parent).id});
  return tree_without_node(tree, leaf);
}

Dataset data_without_node(const Dataset& d, const IndicatorTree& tree, int node) {
  const std::vector<int> gone = tree.leaf_positions_under(node);
  std::vector<char> drop(static_cast<std::size_t>(d.n_indicators()), 0);
  for (int p : gone) drop[static_cast<std::size_t>(p)] = 1;
  std::vector<Eigen::Index> keep;
  for (Eigen::Index j = 0; j < d.n_indicators(); ++j)
    if (!drop[static_cast<std::size_t>(j)]) keep.push_back(j);
  Dataset o = d;
  o.values.resize(d.n_units(), static_cast<Eigen::Index>(keep.size()));
  o.indicator_ids.clear();
  const bool with_sources = static_cast<Eigen::Index>(d.source_columns.size()) == d.n_indicators();
  if (with_sources) o.source_columns.clear();
  for (std::size_t c = 0; c < keep.size(); ++c) {
    o.values.col(static_cast<Eigen::Index>(c)) = d.values.col(keep[c]);
    o.indicator_ids.push_back(d.indicator_ids[static_cast<std::size_t>(keep[c])]);
    if (with_sources) o.source_columns.push_back(d.source_columns[static_cast<std::size_t>(keep[c])]);
  }
  return o;
}

namespace {

// Saaty's scale position s = -8..8 <-> value 1/9 .. 1/2, 1, 2 .. 9.
double saaty_at(int s) { return s >= 0 ? 1.0 + s : 1.0 / (1.0 - s); }
int saaty_position(double x) {
  const double v = nearest_saaty_value(x);
  return v >= 1.0 ? static_cast<int>(std::lround(v - 1.0)) : -static_cast<int>(std::lround(1.0 / v - 1.0));
}

}  // namespace

Judgments perturb_judgments(const Judgments& judgments, int steps, std::mt19937_64& g) {
  if (steps < 1 || steps > 8) throw InvalidInput(fmt::format("perturb_judgments: steps is {}, but must be 1..8", steps));
  Judgments out = judgments;
  const auto width = static_cast<std::uint64_t>(2 * steps + 1);
  for (auto& e : out.experts)
    for (auto& nj : e.nodes) {
      const Eigen::Index m = nj.matrix.rows();
      for (Eigen::Index a = 0; a < m; ++a)
        for (Eigen::Index b = a + 1; b < m; ++b) {
          const double x = nj.matrix(a, b);
          if (std::isnan(x)) continue;
          const int d = static_cast<int>(uniform_index(g, width)) - steps;
          if (d == 0) continue;
          const double y = saaty_at(std::clamp(saaty_position(x) + d, -8, 8));
          nj.matrix(a, b) = y;
          nj.matrix(b, a) = 1.0 / y;
        }
    }
  return out;
}

}  // namespace cikit
