#pragma once
/// \file numbering.hpp
/// Numbers an appendix document as a methods chapter: sections 1, 2, …; tables and figures
/// within their section (表3-1, 图3-1 / Table 3-1, Figure 3-1), each with its own counter; and
/// every cross-reference in titles, notes, interpretations and the "not included" list
/// rewritten from the builders' provisional numbers (表A10-2, 图3-1, Table A12) to the final ones.
/// File names (Table::id, Figure::id) keep their stable A1…/D1…/F1… stems.

#include <map>
#include <string>

#include "methods/report/render.hpp"

namespace cikit::report {

/// What number_by_section() changed: provisional number -> final number.
struct Renumbering {
  std::map<std::string, std::string> tables;   ///< "A10-2" -> "5-3"
  std::map<std::string, std::string> figures;  ///< "3-1" -> "5-1"
};

/// Numbers sections, tables and figures in reading order and rewrites the references (see the
/// file comment). Blocks before the first section are numbered as section 0's ("0-1").
Renumbering number_by_section(Document& doc);

/// Rewrites references to tables ("表A5", "Table A5", "Tables A5") and figures ("图1",
/// "Figure 1") in `text` by the maps; unknown numbers stay as they are.
[[nodiscard]] std::string renumber_references(const std::string& text, const Renumbering& r);

/// Chinese numeral of 1–99 ("三", "十二"), as used in section headings.
[[nodiscard]] std::string chinese_numeral(int n);

}  // namespace cikit::report
