#pragma once
/// \file delphi_tables.hpp
/// The expert-consultation (Delphi) section of the appendix (APPENDIX-CONVENTIONS.md layout):
/// panel response and authority per round, concordance (Kendall's W) per round and aspect, and
/// per round the screening table of the first aspect (mean, SD, CV, full-score ratio, verdict).

#include <vector>

#include "methods/core/tree.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// Tables D1 (panel), D2 (Kendall's W) and D3-r (screening per round), in `lang`.
[[nodiscard]] std::vector<Table> delphi_tables(const DelphiResult& result, const DelphiInput& input,
                                               const IndicatorTree& tree, Lang lang);

}  // namespace cikit::report
