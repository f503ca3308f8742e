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
#include "methods/reliability/omega.hpp"
#include "methods/reliability/split_half.hpp"

namespace cikit {

/// One inner node's block.
struct NodeAlpha {
  int node = 0;                        ///< node index in the tree
  std::string id;                      ///< node id
  int depth = 0;                       ///< root = 0
  std::vector<std::string> indicators; ///< leaves under the node (data column order)
  std::optional<AlphaResult> result;   ///< absent when not computable (see `error`)
  std::string error;                   ///< why not: fewer than 2 indicators, or the DomainError text
  /// With NodeReliabilityOptions::split_half: split_half() on the same block (k >= 2).
  std::optional<SplitHalfResult> split_half;
  std::string split_half_error;
  /// With NodeReliabilityOptions::omega: one-factor omega (k >= 3) and, for a node with >= 2
  /// children that are groups, Schmid–Leiman omega with one group factor per such child
  /// (m = their number, 2 <= m <= k - 1).
  std::optional<OmegaOneFactorResult> omega;
  std::string omega_error;
  std::optional<OmegaSlResult> omega_sl;
  std::string omega_sl_error;
};

/// Which statistics besides alpha alpha_by_node() computes per node.
struct NodeReliabilityOptions {
  bool split_half = false;  ///< split_half() (odd-even, first-second, λ4 max for k <= 16)
  bool omega = false;       ///< omega_one_factor() and omega_schmid_leiman() where defined
};

/// For every inner node (root first, pre-order), alpha() on the leaves under it, each
/// direction-corrected by multiplying indicators with direction "−" by −1 (so that all point
/// the same way; equivalent for alpha to psych's reversal: C ← D C D). `options.item_ids` and
/// `options.keys` are set per node (given values are ignored). A node with < 2 leaves, or whose
/// block is degenerate (DomainError: constant items only, too few common rows), gets `error`
/// instead of a result; other nodes are unaffected.
/// Rows of `data.values` = units, columns = indicators in tree leaf order (load_data()).
/// @throws InvalidInput if the data columns do not match the tree's leaves.
/// `extra` adds split-half and omega on the same blocks (same missing rule); a method that cannot
/// handle a block (InvalidInput or DomainError, e.g. k < 3 for omega) leaves its `*_error` text.
[[nodiscard]] std::vector<NodeAlpha> alpha_by_node(const Dataset& data, const IndicatorTree& tree,
                                                   const AlphaOptions& options = {},
                                                   const NodeReliabilityOptions& extra = {});

}  // namespace cikit
