#pragma once
/// \file tree_alpha.hpp
/// Cronbach's alpha block by block: for every inner node of an indicator tree, alpha() on the
/// indicators (leaves) under it. Used by `cikit reliability`.

#include <optional>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/tree.hpp"
#include "methods/reliability/alpha.hpp"

namespace cikit {

/// One inner node's block.
struct NodeAlpha {
  int node = 0;                        ///< node index in the tree
  std::string id;                      ///< node id
  int depth = 0;                       ///< root = 0
  std::vector<std::string> indicators; ///< leaves under the node (data column order)
  std::optional<AlphaResult> result;   ///< absent when not computable (see `error`)
  std::string error;                   ///< why not: fewer than 2 indicators, or the DomainError text
};

/// For every inner node (root first, pre-order), alpha() on the leaves under it, each
/// direction-corrected by multiplying indicators with direction "−" by −1 (so that all point
/// the same way; equivalent for alpha to psych's reversal: C ← D C D). `options.item_ids` and
/// `options.keys` are set per node (given values are ignored). A node with < 2 leaves, or whose
/// block is degenerate (DomainError: constant items only, too few common rows), gets `error`
/// instead of a result; other nodes are unaffected.
/// Rows of `data.values` = units, columns = indicators in tree leaf order (load_data()).
/// @throws InvalidInput if the data columns do not match the tree's leaves.
[[nodiscard]] std::vector<NodeAlpha> alpha_by_node(const Dataset& data, const IndicatorTree& tree,
                                                   const AlphaOptions& options = {});

}  // namespace cikit
