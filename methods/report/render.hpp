#pragma once
/// \file render.hpp
/// Renderers of `Table`s: Markdown, CSV, HTML (self-contained), LaTeX (booktabs; pdflatex for
/// English, xelatex + ctex for Chinese) and XLSX (libxlsxwriter). Renderers lay out; they never
/// compute statistics.

#include <filesystem>
#include <string>
#include <vector>

#include "methods/report/table.hpp"

namespace cikit::report {

/// Document-level information: title, a reproducibility block (one line each), language.
struct DocumentInfo {
  std::string title;
  std::vector<std::string> reproducibility;  ///< e.g. "cikit 0.1.0", "seed 20221219", ...
  Lang lang = Lang::En;
  PStyle pstyle = PStyle::Chinese;
};

/// "表A1  指标体系及权重" (zh) or "Table A1. Indicator system" (en).
[[nodiscard]] std::string caption(const Table& t);

/// One table as GitHub Markdown: bold caption, pipe table, notes.
[[nodiscard]] std::string render_markdown(const Table& t, PStyle pstyle);
/// A whole document as Markdown.
[[nodiscard]] std::string render_markdown(const std::vector<Table>& tables, const DocumentInfo& doc);
/// One table as RFC 4180 CSV: header then rows, numbers at full precision (%.17g).
[[nodiscard]] std::string render_csv(const Table& t);
/// A self-contained HTML document (inline CSS, three-line tables, printable).
[[nodiscard]] std::string render_html(const std::vector<Table>& tables, const DocumentInfo& doc);
/// A LaTeX document: article + booktabs + threeparttable/longtable (en, pdflatex) or
/// ctexart (zh, xelatex).
[[nodiscard]] std::string render_latex(const std::vector<Table>& tables, const DocumentInfo& doc);
/// An XLSX workbook, one sheet per table (numbers stored as numbers with display formats),
/// written atomically. @throws InvalidInput if the file cannot be written.
void write_xlsx(const std::filesystem::path& path, const std::vector<Table>& tables, const DocumentInfo& doc);

}  // namespace cikit::report
