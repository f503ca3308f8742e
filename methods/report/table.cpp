#include "methods/report/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/core/text.hpp"

namespace cikit::report {

Cell Cell::txt(std::string s, int indent) {
  Cell c;
  c.kind = CellKind::Text;
  c.text = std::move(s);
  c.indent = indent;
  return c;
}
namespace {
Cell numeric(CellKind kind, double value, int decimals) {
  Cell c;
  c.kind = kind;
  c.value = value;
  c.decimals = decimals;
  return c;
}
}  // namespace

Cell Cell::integer(long long v) { return numeric(CellKind::Integer, static_cast<double>(v), 0); }
Cell Cell::number(double v, int decimals) { return numeric(CellKind::Number, v, decimals); }
Cell Cell::grouped_number(double v, int decimals) {
  Cell c = numeric(CellKind::Number, v, decimals);
  c.grouped = true;
  return c;
}
Cell Cell::rank(double v) {
  Cell c = numeric(CellKind::Number, v, 1);
  c.trim = true;
  return c;
}
Cell Cell::rank_interval(double lo, double hi) {
  Cell c = interval(lo, hi, 1);
  c.trim = true;
  return c;
}
Cell Cell::percent(double fraction, int decimals) { return numeric(CellKind::Percent, fraction, decimals); }
Cell Cell::interval(double lo, double hi, int decimals) {
  Cell c = numeric(CellKind::Interval, lo, decimals);
  c.hi = hi;
  return c;
}
Cell Cell::pvalue(double p) { return numeric(CellKind::PValue, p, 3); }

void Table::validate() const {
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (rows[r].size() != header.size())
      throw InternalError(fmt::format("table {}: row {} has {} cells, header {}", id, r + 1, rows[r].size(),
                                      header.size()));
  if (!groups.empty()) {
    int span = 0;
    for (const auto& g : groups) span += g.span;
    if (static_cast<std::size_t>(span) != header.size())
      throw InternalError(fmt::format("table {}: header groups span {} columns, header has {}", id, span,
                                      header.size()));
  }
}

Table for_reading(const Table& t) {
  if (t.machine_columns.empty()) return t;
  Table out = t;
  out.machine_columns.clear();
  out.header.clear();
  for (auto& r : out.rows) r.clear();
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (std::find(t.machine_columns.begin(), t.machine_columns.end(), c) != t.machine_columns.end()) continue;
    out.header.push_back(t.header[c]);
    for (std::size_t r = 0; r < t.rows.size(); ++r) out.rows[r].push_back(t.rows[r][c]);
  }
  if (out.header.size() != t.header.size()) out.groups.clear();  // spans no longer match
  return out;
}

namespace {
std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "NA";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // no "-0.00"
  return s;
}
/// "96829.2" -> "96,829.2" (separators in the integer part only).
std::string with_separators(std::string s) {
  const std::size_t start = s[0] == '-' ? 1 : 0;
  std::size_t end = s.find('.');
  if (end == std::string::npos) end = s.size();
  for (std::size_t i = end; i > start + 3; i -= 3) s.insert(i - 3, ",");
  return s;
}
/// fixed(), but without the decimals when `trim` and they are all zeros ("3" for 3.0 and for
/// 2.99999999 shown at one decimal).
std::string fixed_or_whole(double v, int decimals, bool trim) {
  std::string s = fixed(v, decimals);
  const std::size_t dot = s.find('.');
  if (trim && dot != std::string::npos && s.find_first_not_of('0', dot + 1) == std::string::npos) s.erase(dot);
  if (s == "-0") s = "0";
  return s;
}
std::string stars(double p) {
  if (p < 0.001) return "***";
  if (p < 0.01) return "**";
  if (p < 0.05) return "*";
  return "";
}
}  // namespace

std::string format_cell(const Cell& c, PStyle pstyle) {
  switch (c.kind) {
    case CellKind::Empty:
      return "";
    case CellKind::Text:
      return c.text;
    case CellKind::Integer:
      return std::isnan(c.value) ? "NA" : fmt::format("{:.0f}", c.value);
    case CellKind::Number:
      return c.grouped && std::isfinite(c.value) ? with_separators(fixed(c.value, c.decimals))
                                                  : fixed_or_whole(c.value, c.decimals, c.trim);
    case CellKind::Percent:
      return std::isnan(c.value) ? "NA" : str_cat(fixed(100.0 * c.value, c.decimals), "%");
    case CellKind::Interval:
      return str_cat("[", fixed_or_whole(c.value, c.decimals, c.trim), ", ", fixed_or_whole(c.hi, c.decimals, c.trim), "]");
    case CellKind::PValue: {
      const double p = c.value;
      if (std::isnan(p)) return "NA";
      if (pstyle == PStyle::Apa) {
        if (p < 0.001) return "< .001";
        std::string s = fmt::format("{:.3f}", p);
        if (s.rfind("0.", 0) == 0) s.erase(0, 1);
        return s;
      }
      return str_cat(p < 0.001 ? std::string("<0.001") : fmt::format("{:.3f}", p), stars(p));
    }
  }
  return "";
}

std::string format_cell_exact(const Cell& c) {
  switch (c.kind) {
    case CellKind::Empty:
      return "";
    case CellKind::Text:
      return c.text;
    case CellKind::Integer:
      return std::isnan(c.value) ? "NA" : fmt::format("{:.0f}", c.value);
    case CellKind::Number:
    case CellKind::Percent:
    case CellKind::PValue:
      return std::isnan(c.value) ? "NA" : fmt::format("{:.17g}", c.value);
    case CellKind::Interval:
      return fmt::format("{:.17g};{:.17g}", c.value, c.hi);
  }
  return "";
}

bool has_pvalues(const Table& t) {
  for (const auto& r : t.rows)
    for (const auto& c : r)
      if (c.kind == CellKind::PValue) return true;
  return false;
}

}  // namespace cikit::report
