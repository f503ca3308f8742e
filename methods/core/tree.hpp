#pragma once
/// \file tree.hpp
/// The indicator system: a tree whose root is the index, inner nodes are dimensions and
/// sub-dimensions (any depth), and leaves are indicators naming a data column.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/error.hpp"

namespace cikit {

/// Display language of labels and reports.
enum class Lang { Zh, En };
[[nodiscard]] std::string_view lang_code(Lang lang);

/// Bilingual label; either may be empty.
struct Labels {
  std::string zh;
  std::string en;
  /// Label in `lang`, falling back to the other language, then to `fallback`.
  [[nodiscard]] const std::string& get(Lang lang, const std::string& fallback) const;
};

/// Orientation of an indicator: Positive = more is better; Negative = less is better
/// (the value is reversed before aggregation).
enum class Direction { Positive, Negative };

struct Node {
  std::string id;
  Labels label;
  int parent = -1;            ///< index of the parent node; -1 for the root
  std::vector<int> children;  ///< indices of child nodes, in spec order; empty for leaves
  int depth = 0;              ///< root = 0, dimensions = 1, ...
  std::optional<double> weight;  ///< user-given weight within the parent (spec `weight:`)
  Location where;             ///< position of the node in the spec file

  // Leaf (indicator) fields
  std::string column;         ///< data column (spec `column:`, defaults to `id`)
  Direction direction = Direction::Positive;
  /// Unit of measurement, e.g. {zh: 元, en: yuan}; a plain string in the spec fills both.
  Labels unit;
  /// Data source, e.g. {zh: 城市统计年鉴, en: City Statistical Yearbook}; as `unit`.
  Labels source;
  std::optional<std::pair<double, double>> goalposts;  ///< fixed [min, max] for normalisation
  std::optional<double> target;  ///< target value of distance-to-target normalisation (spec `target:`)
  /// Data column the raw values are divided by before treatment (spec `denominator:`; "" = none),
  /// with `scale` as COINr's Denominate ScaleFactor: x / (d / scale).
  std::string denominator;
  double scale = 1.0;
  /// Optional description of any node, {zh, en} (spec `description:`).
  Labels description;

  [[nodiscard]] bool is_leaf() const { return children.empty() && parent >= 0; }
};

/// The indicator tree. Node 0 is the root (the index itself).
class IndicatorTree {
 public:
  IndicatorTree() = default;
  /// Builds from nodes whose parent/children links are set; node 0 must be the root.
  /// Computes depths and the leaf order, and checks the structure.
  /// @throws InvalidInput for a duplicate id, a cycle, a node unreachable from the root, an
  ///         inner node without children, or a tree with no indicators.
  explicit IndicatorTree(std::vector<Node> nodes);

  [[nodiscard]] const std::vector<Node>& nodes() const { return nodes_; }
  [[nodiscard]] const Node& node(int i) const { return nodes_.at(static_cast<std::size_t>(i)); }
  [[nodiscard]] int size() const { return static_cast<int>(nodes_.size()); }
  [[nodiscard]] int root() const { return 0; }
  /// Node index of an id, if present.
  [[nodiscard]] std::optional<int> find(std::string_view id) const;
  /// Leaves (indicators) in pre-order (spec order); data columns follow this order.
  [[nodiscard]] const std::vector<int>& leaves() const { return leaves_; }
  /// Position of node `i` among the leaves, or -1 if it is not a leaf.
  [[nodiscard]] int leaf_position(int i) const;
  /// Inner nodes (root included) in post-order: children before parents.
  [[nodiscard]] const std::vector<int>& inner_postorder() const { return inner_postorder_; }
  /// All nodes in pre-order (root first).
  [[nodiscard]] const std::vector<int>& preorder() const { return preorder_; }
  /// Height: number of levels below the root (1 = indicators directly under the index).
  [[nodiscard]] int height() const { return height_; }
  /// Leaves under node i (pre-order), as leaf positions.
  [[nodiscard]] std::vector<int> leaf_positions_under(int i) const;

 private:
  std::vector<Node> nodes_;
  std::vector<int> leaves_;
  std::vector<int> leaf_pos_;
  std::vector<int> inner_postorder_;
  std::vector<int> preorder_;
  int height_ = 0;
};

}  // namespace cikit
