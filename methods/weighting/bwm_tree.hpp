#pragma once
/// \file bwm_tree.hpp
/// Best-Worst Method weights over an indicator tree from the judgments file's `bwm:` blocks
/// (judgments.hpp): per inner node with >= 2 children and per expert, bwm() (linear-model
/// weights, xi*, consistency); the group's local weights are the expert-weighted arithmetic mean
/// of the experts' linear-model weights (expert weights from the file, renormalised over the
/// experts who judged the node; equal when none are given). An only child gets weight 1.

#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

/// BWM weights of every inner node; TreeWeights::bwm_consistency holds one entry per node and
/// expert. An unacceptable input-based consistency (Liang et al. 2020) is a warning naming
/// node and expert, never an error.
/// @throws InvalidInput naming the node (and its position in the spec) when no expert gave
///         `bwm:` vectors for an inner node with >= 2 children.
[[nodiscard]] TreeWeights bwm_tree_weights(const IndicatorTree& tree, const Judgments& judgments);

}  // namespace cikit
