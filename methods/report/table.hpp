#pragma once
/// \file table.hpp
/// The table model shared by every analysis (issue: appendix). Analyses convert their result
/// structs into `Table`s in one language; renderers (render.hpp) only lay tables out and never
/// compute statistics. Cells are typed so each renderer can format them its own way (fixed
/// decimals for people, full precision in CSV, numbers as numbers in XLSX).

#include <limits>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"

namespace cikit::report {

enum class CellKind {
  Empty,     ///< blank cell
  Text,      ///< free text (labels, verdicts)
  Integer,   ///< counts, df, ranks
  Number,    ///< a statistic shown with `decimals`
  Percent,   ///< a fraction shown as a percentage with `decimals` (0.1836 -> 18.36%)
  Interval,  ///< [value, hi] shown with `decimals`
  PValue,    ///< a p-value, shown per the p-value style (never "0.000")
};

struct Cell {
  CellKind kind = CellKind::Empty;
  std::string text;
  double value = std::numeric_limits<double>::quiet_NaN();
  double hi = std::numeric_limits<double>::quiet_NaN();
  int decimals = 3;
  int indent = 0;  ///< hierarchy level for label cells (0 = none)
  bool grouped = false;  ///< Number: thousands separators for people ("96,829"); CSV keeps the plain value
  bool trim = false;     ///< Number/Interval: a whole value without decimals ("3", "[1, 5]", but "4.5")

  static Cell empty() { return {}; }
  static Cell txt(std::string s, int indent = 0);
  static Cell integer(long long v);
  static Cell number(double v, int decimals);
  /// A number shown with thousands separators (yuan, counts of people).
  static Cell grouped_number(double v, int decimals);
  /// A rank that may be fractional (a median or percentile of ranks): whole values without
  /// decimals ("3"), others with one ("4.5").
  static Cell rank(double v);
  /// An interval of ranks, each end shown as rank() shows it ("[1, 5]", "[2.5, 7]").
  static Cell rank_interval(double lo, double hi);
  static Cell percent(double fraction, int decimals);
  static Cell interval(double lo, double hi, int decimals);
  static Cell pvalue(double p);
};

/// A header cell spanning `span` columns (a column-group row above the header).
struct HeaderGroup {
  std::string label;
  int span = 1;
};

/// One publication table: number and title above, header (optionally grouped), rows, notes
/// below ("Note:" / "注："), and a source line.
struct Table {
  std::string id;       ///< stable file-name stem, e.g. "A1_indicator_system"
  std::string number;   ///< "A1", "A2", ...
  std::string title;    ///< in the table's language
  std::vector<HeaderGroup> groups;  ///< optional; spans must add up to header.size()
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;  ///< each row header.size() cells
  std::vector<std::string> notes;
  /// Sentences interpreting the table (verdicts with thresholds), rendered as a paragraph
  /// under the notes; empty until an analysis supplies them.
  std::vector<std::string> interpretation;
  std::string source;
  Lang lang = Lang::En;
  /// Columns (0-based) kept in the CSV and XLSX files only, not in the documents (Markdown,
  /// HTML, LaTeX): identifiers a program needs and a reader does not (A1's spec ids).
  std::vector<std::size_t> machine_columns;

  /// Checks the shape: every row has header.size() cells, group spans add up.
  /// @throws InternalError when not.
  void validate() const;
};

/// How p-values are written (APPENDIX-CONVENTIONS.md §0).
enum class PStyle {
  Chinese,  ///< "0.023*", "<0.001***"; note "* p<0.05 ** p<0.01 *** p<0.001"
  Apa,      ///< ".023", "< .001" (no leading zero, never ".000")
};

/// The table as documents show it: without its machine_columns.
[[nodiscard]] Table for_reading(const Table& t);

/// Formats one cell for people (fixed decimals; NA for missing numbers).
[[nodiscard]] std::string format_cell(const Cell& c, PStyle pstyle);
/// Formats one cell for machines (CSV): full precision (%.17g), intervals as "lo;hi".
[[nodiscard]] std::string format_cell_exact(const Cell& c);
/// The p-value star note of a style, in a language.
[[nodiscard]] std::string pvalue_note(PStyle pstyle, Lang lang);
/// True if a table has a p-value cell (renderers then add the star note).
[[nodiscard]] bool has_pvalues(const Table& t);

}  // namespace cikit::report
