#pragma once
/// \file compare_tables.hpp
/// Table A11 of the appendix, rankings compared across weighting methods, converted from
/// compare_index() (methods/compare/compare.hpp): A11-1 rank correlations between schemes
/// (Spearman's ρ below, Kendall's τ-b above the diagonal), A11-2 rank shifts and top-N overlap
/// against the reference scheme, A11-3 the units whose rank moves most. Nothing is recomputed.

#include <string>
#include <vector>

#include "methods/compare/compare.hpp"
#include "methods/core/dataset.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// A scheme's name ("entropy", "entropy/zscore/geometric": weighting/normalisation/aggregation
/// spec names) in `lang`: en unchanged; zh with each part's Chinese display name ("熵权法/Z分数标准化/
/// 加权几何平均").
[[nodiscard]] std::string scheme_label(const std::string& name, Lang lang);

/// A compare run's warnings for stderr in `lang`: en unchanged; zh: each scheme's warning
/// ("scheme NAME: ...") as "方案 <scheme_label>：" + its localised text (localised_warnings, with
/// the scheme's notices); any other warning unchanged.
[[nodiscard]] std::vector<std::string> localised_compare_warnings(const std::vector<std::string>& warnings,
                                                                  const CompareResult& r, const IndicatorTree& tree,
                                                                  const Dataset* data, Lang lang);

/// A11-1, A11-2 and A11-3 (A11-3 only when some unit's rank moves). The interpretation of
/// A11-2 states the range of ρ against the reference and the largest mean absolute shift.
[[nodiscard]] std::vector<Table> ranking_comparison_tables(const CompareResult& r, const Dataset& data, Lang lang);

}  // namespace cikit::report
