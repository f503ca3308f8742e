#pragma once
/// \file render.hpp
/// Renderers of the appendix document (tables and figures): Markdown, CSV, HTML
/// (self-contained, figures as inline SVG), LaTeX (booktabs; pdflatex for English, xelatex +
/// ctex for Chinese; figures as PDF converted from the SVG when available) and XLSX
/// (libxlsxwriter). Renderers lay out; they never compute statistics. Every fixed phrase comes
/// from the message catalogue (messages.hpp).

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "methods/report/table.hpp"

namespace cikit::report {

/// A figure: an SVG drawing with its number, title and notes.
struct Figure {
  std::string id;      ///< file-name stem, e.g. "F1_scree"; files <id>.svg and <id>.pdf
  std::string number;  ///< "1", "2", ...
  std::string title;
  std::string svg;     ///< one self-contained <svg> element (svg.hpp)
  std::vector<std::string> notes;
  std::vector<std::string> interpretation;  ///< as Table::interpretation
  Lang lang = Lang::En;
};

/// A numbered section of the appendix (a methods chapter): "三、信度" / "3 Reliability". Tables
/// and figures after it, up to the next section, are numbered within it (表3-1, 图3-1) by
/// number_by_section() (numbering.hpp).
struct Section {
  int number = 0;     ///< 1, 2, ... (set by number_by_section())
  std::string key;    ///< stable name ("construction", "data", "reliability", ...)
  std::string title;  ///< in the section's language, without the number
  /// Paragraphs under the heading (e.g. why the section has no tables); may be empty.
  std::vector<std::string> text;
  Lang lang = Lang::En;
};

/// One block of the document, in reading order.
using Block = std::variant<Table, Figure, Section>;

/// Document-level information: title, a reproducibility block (one line each), language.
struct DocumentInfo {
  std::string title;
  std::vector<std::string> reproducibility;  ///< e.g. "cikit 0.1.0 (commit …)", "Seed: …"
  /// Parts of the appendix left out, each with its reason (listed under "Not included" at the
  /// end of the document and in the XLSX README sheet).
  std::vector<std::string> omitted;
  Lang lang = Lang::En;
  PStyle pstyle = PStyle::Chinese;
  /// LaTeX: true when <id>.pdf files of the figures are written next to the .tex (rendered
  /// by librsvg: convert.hpp svg_to_pdf); false puts a note in place of each figure.
  bool latex_figures = false;
};

struct Document {
  DocumentInfo info;
  std::vector<Block> blocks;
  [[nodiscard]] std::vector<const Table*> tables() const;
  [[nodiscard]] std::vector<const Figure*> figures() const;
  [[nodiscard]] std::vector<const Section*> sections() const;
};

/// "表A1  指标体系及权重" (zh) or "Table A1. Indicator system" (en).
[[nodiscard]] std::string caption(const Table& t);
/// "图1  碎石图" (zh) or "Figure 1. Scree plot" (en).
[[nodiscard]] std::string caption(const Figure& f);
/// "三、信度" (zh) or "3 Reliability" (en).
[[nodiscard]] std::string heading(const Section& s);

/// One table as GitHub Markdown: bold caption, pipe table, notes.
[[nodiscard]] std::string render_markdown(const Table& t, PStyle pstyle);
/// A whole document as Markdown; figures as images linking to <id>.svg.
[[nodiscard]] std::string render_markdown(const Document& doc);
/// One table as RFC 4180 CSV: header then rows, numbers at full precision (%.17g).
[[nodiscard]] std::string render_csv(const Table& t);
/// A self-contained HTML document (inline CSS, three-line tables, inline SVG, printable).
[[nodiscard]] std::string render_html(const Document& doc);
/// A LaTeX document: article + booktabs + threeparttable/longtable (en, pdflatex) or ctexart
/// (zh, xelatex); figures via \includegraphics{<id>.pdf} when doc.info.latex_figures.
[[nodiscard]] std::string render_latex(const Document& doc);
/// An XLSX workbook: a README sheet with the title and reproducibility block, then one sheet
/// per table (numbers stored as numbers with display formats), written atomically.
/// @throws InvalidInput if the file cannot be written.
void write_xlsx(const std::filesystem::path& path, const Document& doc);

}  // namespace cikit::report
