#pragma once
/// \file judgments_edit.hpp
/// AHP judgments restated for a reduced tree, and written back as a judgments file.
/// Implemented in judgments.cpp.

#include <string>

#include "methods/core/tree.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit {

/// Judgments read against `full` restated for `reduced` (the same ids with some nodes removed,
/// e.g. tree_without_leaves after the Delphi screening, or a leave-one-out variant): node indices
/// remapped, the rows and columns of removed children deleted from each matrix (the remaining
/// comparisons are kept as the experts gave them), nodes that are gone or left with fewer than 2
/// compared children dropped.
[[nodiscard]] Judgments judgments_for_tree(const Judgments& judgments, const IndicatorTree& full,
                                           const IndicatorTree& reduced);

/// The judgments as a judgments YAML file (read_judgments reads it back to the same matrices):
/// `scale:`, then per expert its id, label, weight and one `order` + `matrix` per node, in the
/// tree's child order; missing judgments as NA, 1/2 … 1/9 as fractions. `header` is written first
/// as comment lines.
[[nodiscard]] std::string judgments_yaml(const Judgments& judgments, const IndicatorTree& tree,
                                         const std::string& header);

}  // namespace cikit
