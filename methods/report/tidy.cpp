#include "methods/report/tidy.hpp"

#include <cmath>

#include "methods/report/messages.hpp"

namespace cikit::report {

namespace {
bool whole(double v) { return std::isnan(v) || std::isinf(v) || !(std::abs(v - std::floor(v)) > 0.0); }

/// Every non-empty cell of column `c` is a Number/Interval with whole values (and one exists).
bool whole_numbers(const Table& t, std::size_t c) {
  bool any = false;
  for (const auto& r : t.rows) {
    const Cell& x = r[c];
    if (x.kind == CellKind::Empty) continue;
    if (x.kind != CellKind::Number && x.kind != CellKind::Interval) return false;
    if (!whole(x.value) || (x.kind == CellKind::Interval && !whole(x.hi))) return false;
    any = true;
  }
  return any;
}

/// Column `c` is an Integer column with the same value in every row.
bool one_integer(const Table& t, std::size_t c) {
  if (t.rows.size() < kConstantRows) return false;
  for (const auto& r : t.rows)
    if (r[c].kind != CellKind::Integer || std::isnan(r[c].value) ||
        !(std::abs(r[c].value - t.rows.front()[c].value) <= 0.0))
      return false;
  return true;
}

/// Removes column `c` (header, rows and its share of a header group).
void remove_column(Table& t, std::size_t c) {
  if (!t.groups.empty()) {
    std::size_t col = 0;
    for (auto it = t.groups.begin(); it != t.groups.end(); ++it) {
      col += static_cast<std::size_t>(it->span);
      if (c < col) {
        if (--it->span == 0) t.groups.erase(it);
        break;
      }
    }
  }
  t.header.erase(t.header.begin() + static_cast<std::ptrdiff_t>(c));
  for (auto& r : t.rows) r.erase(r.begin() + static_cast<std::ptrdiff_t>(c));
}
}  // namespace

void tidy_for_reading(Table& t) {
  t.validate();
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (whole_numbers(t, c))
      for (auto& r : t.rows) r[c].decimals = 0;
  for (std::size_t c = t.header.size(); c-- > 1;) {  // never the first (label) column
    if (!one_integer(t, c)) continue;
    t.notes.push_back(msgf("note.constant_column", t.lang, t.header[c], format_cell(t.rows.front()[c], PStyle::Apa)));
    remove_column(t, c);
  }
}

}  // namespace cikit::report
