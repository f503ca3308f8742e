#pragma once
/// \file tree_edit.hpp
/// Edits of an indicator tree that return a new tree: without some nodes (with their subtrees),
/// or without some indicators and the groups they leave empty. Implemented in tree.cpp.

#include <string>
#include <vector>

#include "methods/core/tree.hpp"

namespace cikit {

/// The tree without the nodes flagged in `removed` (one flag per node index) and without their
/// subtrees. Every other node keeps its fields and its place in the child order; indices are
/// renumbered. Shared by the Delphi screening (pipeline) and the leave-one-out variants
/// (sensitivity).
/// @throws InvalidInput if `removed` has the wrong size or flags the root; as IndicatorTree when
///         an inner node is left without children.
[[nodiscard]] IndicatorTree tree_without_nodes(const IndicatorTree& tree, const std::vector<char>& removed);

/// The tree without the indicators (leaves) `ids` and without the groups that are left with no
/// indicator (repeatedly, so a dimension whose sub-dimensions all empty goes too). An empty
/// `ids` returns a copy.
/// @throws InvalidInput if an id is not a leaf of `tree`, or if no indicator would remain.
[[nodiscard]] IndicatorTree tree_without_leaves(const IndicatorTree& tree, const std::vector<std::string>& ids);

}  // namespace cikit
