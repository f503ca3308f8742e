#pragma once
/// \file detail/bwm_parse.hpp
/// Private: parser of an expert's `bwm:` block of the judgments file (bwm_tree.cpp), called
/// by parse_judgments (judgments.cpp). Not installed; no other family includes it.

#include <yaml-cpp/yaml.h>

#include <vector>

#include "methods/core/tree.hpp"
#include "methods/core/yaml_context.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit {

/// Parses `{NODE: {best, worst, best_to_others: {...}, others_to_worst: {...}}, ...}`.
/// @throws InvalidInput at the offending line: unknown node or a leaf, a node given twice,
///         unknown keys, best/worst not children or equal, a child missing from a vector or
///         not a child, a value < 1, best-to-others of the best != 1, others-to-worst of the
///         worst != 1, a_BW different in the two vectors.
[[nodiscard]] std::vector<BwmNodeJudgments> parse_bwm_nodes(const YamlContext& ctx, const IndicatorTree& tree,
                                                            const YAML::Node& map);

}  // namespace cikit
