#pragma once
/// \file delphi_tables.hpp
/// The expert-consultation (Delphi) section of the appendix (APPENDIX-CONVENTIONS.md layout):
/// panel response and authority per round, concordance (Kendall's W) per round and aspect, and
/// per round the screening table of the first aspect (mean, SD, CV, full-score ratio, verdict).

#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// Tables D1 (panel), D2 (Kendall's W), D3-k (screening per round × aspect, with I-CVI) and the
/// content validity table (S-CVI per round × aspect, and, when `final_ids` is given, of the final
/// system: the last round's ratings of the indicators in `final_ids`), in `lang`.
[[nodiscard]] std::vector<Table> delphi_tables(const DelphiResult& result, const DelphiInput& input,
                                               const IndicatorTree& tree, Lang lang,
                                               const std::vector<std::string>& final_ids = {});

/// What the construction-of-the-system tables need besides the consultation itself.
struct ConstructionInput {
  const IndicatorTree& proposed;               ///< the system the experts rated (the spec's tree)
  const IndicatorTree& final_tree;             ///< the system the analyses use
  const std::vector<std::string>& screened_out;  ///< indicators the screening removed (or would remove)
  bool applied = true;                         ///< delphi.apply
  std::string reason;                          ///< delphi.reason
};

/// The construction of the indicator system, placed before A1: S1 counts per dimension
/// (proposed → deleted in each round → final) with a narrative paragraph, and S2 every
/// indicator deleted or marked for revision in each round with the criteria it failed and, for
/// revisions, what changed (the Delphi file's `revisions:`) or that it was not rated again.
/// When the screening is not applied (apply: false) the paragraph says so and why.
[[nodiscard]] std::vector<Table> construction_tables(const DelphiResult& result, const DelphiInput& input,
                                                     const ConstructionInput& c, Lang lang);

}  // namespace cikit::report
