#include "methods/core/tree.hpp"
#include "methods/core/tree_edit.hpp"

#include <fmt/format.h>

#include <functional>
#include <unordered_map>

namespace cikit {

std::string_view lang_code(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }

const std::string& Labels::get(Lang lang, const std::string& fallback) const {
  const std::string& first = lang == Lang::Zh ? zh : en;
  const std::string& second = lang == Lang::Zh ? en : zh;
  if (!first.empty()) return first;
  if (!second.empty()) return second;
  return fallback;
}

IndicatorTree::IndicatorTree(std::vector<Node> nodes) : nodes_(std::move(nodes)) {
  if (nodes_.empty()) throw InvalidInput("indicator tree: no root node");
  const auto n = nodes_.size();
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < n; ++i) {
    const auto [it, inserted] = seen.emplace(nodes_[i].id, i);
    if (!inserted)
      throw InvalidInput(fmt::format("duplicate node id '{}' (first defined at {})", nodes_[i].id,
                                     nodes_[it->second].where.to_string()),
                         nodes_[i].where);
  }
  if (nodes_[0].parent != -1) throw InvalidInput("indicator tree: node 0 must be the root");
  // Walk from the root; a node reached twice or never reached means a cycle or a dangling part.
  std::vector<int> state(n, 0);  // 0 = unvisited, 1 = on the stack, 2 = done
  std::function<void(int, int)> visit = [&](int i, int depth) {
    auto& node = nodes_[static_cast<std::size_t>(i)];
    if (state[static_cast<std::size_t>(i)] == 1)
      throw InvalidInput(fmt::format("cycle in the indicator tree through node '{}'", node.id),
                         node.where);
    if (state[static_cast<std::size_t>(i)] == 2)
      throw InvalidInput(fmt::format("node '{}' appears under more than one parent", node.id),
                         node.where);
    state[static_cast<std::size_t>(i)] = 1;
    node.depth = depth;
    height_ = std::max(height_, depth);
    preorder_.push_back(i);
    if (node.children.empty() && i != 0) {
      leaf_pos_.resize(n, -1);
      leaf_pos_[static_cast<std::size_t>(i)] = static_cast<int>(leaves_.size());
      leaves_.push_back(i);
    }
    for (int c : node.children) {
      if (c < 0 || static_cast<std::size_t>(c) >= n)
        throw InternalError(fmt::format("tree: child index {} out of range", c));
      visit(c, depth + 1);
    }
    if (!node.children.empty()) inner_postorder_.push_back(i);
    state[static_cast<std::size_t>(i)] = 2;
  };
  visit(0, 0);
  leaf_pos_.resize(n, -1);
  for (std::size_t i = 0; i < n; ++i)
    if (state[i] != 2) {
      // Not reachable from the root: its parent chain must loop (parent: references).
      throw InvalidInput(fmt::format("cycle in the indicator tree: node '{}' is not reachable "
                                     "from the index root (its parent chain loops)",
                                     nodes_[i].id),
                         nodes_[i].where);
    }
  if (nodes_[0].children.empty()) throw InvalidInput("indicator tree: the index has no children");
  if (leaves_.empty()) throw InvalidInput("indicator tree: no indicators");
}

std::optional<int> IndicatorTree::find(std::string_view id) const {
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].id == id) return static_cast<int>(i);
  return std::nullopt;
}

int IndicatorTree::leaf_position(int i) const { return leaf_pos_.at(static_cast<std::size_t>(i)); }

std::vector<int> IndicatorTree::leaf_positions_under(int i) const {
  std::vector<int> out;
  std::function<void(int)> walk = [&](int k) {
    const auto& node = nodes_.at(static_cast<std::size_t>(k));
    if (node.children.empty()) {
      if (leaf_position(k) >= 0) out.push_back(leaf_position(k));
      return;
    }
    for (int c : node.children) walk(c);
  };
  walk(i);
  return out;
}

IndicatorTree tree_without_nodes(const IndicatorTree& tree, const std::vector<char>& removed_in) {
  const auto n = static_cast<std::size_t>(tree.size());
  if (removed_in.size() != n)
    throw InvalidInput(fmt::format("tree_without_nodes: {} flags for a tree of {} nodes", removed_in.size(), n));
  if (removed_in[0]) throw InvalidInput("tree_without_nodes: the index root cannot be removed");
  std::vector<char> removed = removed_in;
  for (int i : tree.preorder())  // a removed node takes its subtree with it (parents come first)
    if (i != tree.root() && removed[static_cast<std::size_t>(tree.node(i).parent)]) removed[static_cast<std::size_t>(i)] = 1;
  std::vector<int> remap(n, -1);
  int next = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (!removed[i]) remap[i] = next++;
  std::vector<Node> nodes;
  nodes.reserve(static_cast<std::size_t>(next));
  for (std::size_t i = 0; i < n; ++i) {
    if (removed[i]) continue;
    Node node = tree.node(static_cast<int>(i));
    if (node.parent >= 0) node.parent = remap[static_cast<std::size_t>(node.parent)];
    std::vector<int> ch;
    for (int c : node.children)
      if (!removed[static_cast<std::size_t>(c)]) ch.push_back(remap[static_cast<std::size_t>(c)]);
    node.children = std::move(ch);
    nodes.push_back(std::move(node));
  }
  return IndicatorTree(std::move(nodes));
}

IndicatorTree tree_without_leaves(const IndicatorTree& tree, const std::vector<std::string>& ids) {
  const auto n = static_cast<std::size_t>(tree.size());
  std::vector<char> removed(n, 0);
  for (const auto& id : ids) {
    const auto i = tree.find(id);
    if (!i || !tree.node(*i).is_leaf())
      throw InvalidInput(fmt::format("tree_without_leaves: '{}' is not an indicator (leaf) of the tree", id));
    removed[static_cast<std::size_t>(*i)] = 1;
  }
  // Groups left without children go too; post-order visits children before their parent.
  for (int i : tree.inner_postorder()) {
    if (i == tree.root()) continue;
    bool any = false;
    for (int c : tree.node(i).children) any = any || !removed[static_cast<std::size_t>(c)];
    if (!any) removed[static_cast<std::size_t>(i)] = 1;
  }
  bool any_root = false;
  for (int c : tree.node(tree.root()).children) any_root = any_root || !removed[static_cast<std::size_t>(c)];
  if (!any_root)
    throw InvalidInput(fmt::format("tree_without_leaves: removing {} indicator(s) leaves the index '{}' without "
                                   "indicators",
                                   ids.size(), tree.node(tree.root()).id));
  return tree_without_nodes(tree, removed);
}

}  // namespace cikit
