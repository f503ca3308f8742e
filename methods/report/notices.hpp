#pragma once
/// \file notices.hpp
/// The library's adjustments (core/notice.hpp) in the document's language: one sentence per
/// notice (catalogue key "notice.<key>"), numbered notes under the affected table (one per
/// kind, naming every node), the appendix's adjustments table (one row per notice), and the
/// warnings of a run localised for stderr.

#include <functional>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/notice.hpp"
#include "methods/core/tree.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// The sentence of one notice in `lang`, nodes and units named in that language (`data` may be
/// null: unit ids are then kept). @throws InternalError for a key the catalogue lacks.
[[nodiscard]] std::string notice_text(const Notice& n, const IndicatorTree& tree, const Dataset* data, Lang lang);

/// Appends to `t.notes` one numbered note per kind among `notices` whose key is in `keys`
/// ("(1) At 12 nodes (…), …"), continuing the numbering of notes already added this way.
void add_notice_notes(Table& t, const std::vector<Notice>& notices, const std::vector<std::string>& keys,
                      const IndicatorTree& tree, const Dataset* data, Lang lang);

/// The adjustments section as a table: one row per notice (number, what it concerns, what was
/// done, the table that carries its note). `where(key)` names that table ("A1"; "" = none).
[[nodiscard]] Table adjustments_table(const std::vector<Notice>& notices, const IndicatorTree& tree,
                                      const Dataset* data, Lang lang, const std::function<std::string(const std::string& key)>& where);

/// The run's warnings for stderr in `lang`: en unchanged; zh: a warning some notice states is
/// replaced by the notice's sentence, known diagnostics (pairwise correlations, low AVE, a
/// Monte Carlo CI half-width) are translated, anything else is kept.
[[nodiscard]] std::vector<std::string> localised_warnings(const std::vector<std::string>& warnings,
                                                          const std::vector<Notice>& notices,
                                                          const IndicatorTree& tree, const Dataset* data, Lang lang);

/// The reason of a part left out (an exception's English message) for the "not included"
/// list: en unchanged; zh: a known reason (a constant indicator, too few complete units or
/// indicators, a singular matrix, perfect correlation) in Chinese, anything else as a Chinese
/// sentence that points to the English warning on stderr (which keeps the details).
[[nodiscard]] std::string localised_reason(const std::string& what, Lang lang);

}  // namespace cikit::report
