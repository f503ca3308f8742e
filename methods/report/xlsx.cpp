#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/render.hpp"

namespace cikit::report {

namespace {
/// Excel sheet names: at most 31 characters, none of []:*?/\ ; unique in the workbook.
std::string sheet_name(const Table& t, std::set<std::string>& used) {
  std::string base;
  for (char c : t.id.empty() ? t.number : t.id)
    base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  if (base.size() > 31) base.resize(31);
  std::string name = base;
  for (int k = 2; used.count(name); ++k) {
    const std::string suffix = fmt::format("~{}", k);
    name = base.substr(0, 31 - suffix.size()) + suffix;
  }
  used.insert(name);
  return name;
}
std::string number_format(const Cell& c, PStyle pstyle) {
  // p-values stay numbers; a conditional format shows "<0.001" instead of "0.000".
  if (c.kind == CellKind::PValue) return pstyle == PStyle::Apa ? "[<0.001]\"< .001\";.000" : "[<0.001]\"<0.001\";0.000";
  const std::string dec = c.decimals > 0 ? str_cat(".", std::string(static_cast<std::size_t>(c.decimals), '0')) : "";
  if (c.kind == CellKind::Percent) return str_cat("0", dec, "%");
  if (c.kind == CellKind::Integer) return "0";
  return str_cat("0", dec);
}
}  // namespace

void write_xlsx(const std::filesystem::path& path, const Document& document) {
  const DocumentInfo& doc = document.info;
  TempFile tmp(path);  // removed unless committed (methods/core/fileio.hpp)
  lxw_workbook* wb = workbook_new(tmp.path().c_str());
  if (wb == nullptr) throw InvalidInput(fmt::format("cannot write '{}'", path.string()));
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* title_fmt = workbook_add_format(wb);
  format_set_bold(title_fmt);
  format_set_font_size(title_fmt, 12);
  lxw_format* header_fmt = workbook_add_format(wb);
  format_set_bold(header_fmt);
  format_set_top(header_fmt, LXW_BORDER_MEDIUM);
  format_set_bottom(header_fmt, LXW_BORDER_THIN);
  format_set_align(header_fmt, LXW_ALIGN_CENTER);
  std::map<std::string, lxw_format*> num_formats;
  auto fmt_for = [&](const Cell& c) {
    const std::string f = number_format(c, doc.pstyle);
    auto it = num_formats.find(f);
    if (it != num_formats.end()) return it->second;
    lxw_format* nf = workbook_add_format(wb);
    format_set_num_format(nf, f.c_str());
    return num_formats[f] = nf;
  };
  std::set<std::string> used;
  // A first sheet with the document title and reproducibility block.
  lxw_worksheet* info = workbook_add_worksheet(wb, "README");
  used.insert("README");
  worksheet_write_string(info, 0, 0, doc.title.c_str(), title_fmt);
  lxw_row_t row = 2;
  for (const auto& line : doc.reproducibility) worksheet_write_string(info, row++, 0, line.c_str(), nullptr);
  if (!doc.omitted.empty()) {
    ++row;
    worksheet_write_string(info, row++, 0, msg("doc.omitted_heading", doc.lang).c_str(), nullptr);
    for (const auto& line : doc.omitted) worksheet_write_string(info, row++, 0, line.c_str(), nullptr);
  }
  for (const Table* tp : document.tables()) {
    const Table& t = *tp;
    t.validate();
    const std::string name = sheet_name(t, used);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    const std::string cap = caption(t);
    worksheet_write_string(ws, 0, 0, cap.c_str(), title_fmt);
    lxw_row_t r = 2;
    if (!t.groups.empty()) {
      lxw_col_t col = 0;
      for (const auto& g : t.groups) {
        const auto last = static_cast<lxw_col_t>(col + static_cast<lxw_col_t>(g.span) - 1);
        if (g.span > 1)
          worksheet_merge_range(ws, r, col, r, last, g.label.c_str(), header_fmt);
        else
          worksheet_write_string(ws, r, col, g.label.c_str(), header_fmt);
        col = static_cast<lxw_col_t>(last + 1);
      }
      ++r;
    }
    for (std::size_t c = 0; c < t.header.size(); ++c)
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), t.header[c].c_str(), header_fmt);
    ++r;
    for (const auto& cells : t.rows) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const Cell& cell = cells[c];
        const auto col = static_cast<lxw_col_t>(c);
        switch (cell.kind) {
          case CellKind::Empty:
            break;
          case CellKind::Text: {
            const std::string text = str_cat(std::string(static_cast<std::size_t>(2 * cell.indent), ' '), cell.text);
            worksheet_write_string(ws, r, col, text.c_str(), nullptr);
            break;
          }
          case CellKind::Integer:
          case CellKind::Number:
          case CellKind::Percent:
          case CellKind::PValue:
            if (std::isfinite(cell.value))
              worksheet_write_number(ws, r, col, cell.value, fmt_for(cell));
            else
              worksheet_write_string(ws, r, col, "NA", nullptr);
            break;
          case CellKind::Interval: {
            const std::string text = format_cell(cell, doc.pstyle);
            worksheet_write_string(ws, r, col, text.c_str(), nullptr);
            break;
          }
        }
      }
      ++r;
    }
    ++r;
    std::vector<std::string> notes = t.notes;
    if (has_pvalues(t)) notes.push_back(pvalue_note(doc.pstyle, t.lang));
    for (const auto& n : notes) {
      const std::string text = str_cat(msg("prefix.note", t.lang), n);
      worksheet_write_string(ws, r++, 0, text.c_str(), nullptr);
    }
    for (const auto& line : t.interpretation) worksheet_write_string(ws, r++, 0, line.c_str(), nullptr);
    worksheet_set_column(ws, 0, 0, 28, nullptr);
    worksheet_set_column(ws, 1, static_cast<lxw_col_t>(t.header.size()), 13, nullptr);
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw InvalidInput(fmt::format("cannot write '{}': {}", path.string(), lxw_strerror(err)));
  tmp.commit();
}

}  // namespace cikit::report
