#pragma once
/// \file tables.hpp
/// Conversions of the foundation's results into publication tables (APPENDIX-CONVENTIONS.md
/// §0 and §10): the indicator system with weights (A1), descriptive statistics and data quality
/// (A2), and the final index table (scores and ranks at each level).

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/tree.hpp"
#include "methods/describe/describe.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// A1: every node of the tree in pre-order (indented by level) with unit, direction, source,
/// local weight (within the parent) and global weight (%), under the named weighting method.
[[nodiscard]] Table indicator_system_table(const IndicatorTree& tree, const TreeWeights& weights,
                                           const std::string& method_label, Lang lang);

/// A2: per indicator n, missing, mean, SD, min, max, skewness, kurtosis and flags.
[[nodiscard]] Table descriptive_table(const IndicatorTree& tree, const DescribeResult& d, Lang lang);

/// The final index table: units in rank order with the index and first-level dimension scores
/// and ranks.
[[nodiscard]] Table index_table(const Dataset& data, const IndicatorTree& tree, const IndexResult& r,
                                const std::string& methods_note, Lang lang);

}  // namespace cikit::report
