// Panel (long-format) data: reading `data.time` (methods/core/panel_data.hpp).
#include "methods/core/panel_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "methods/core/numbers.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/path_exists.hpp"

namespace cikit {

namespace fs = std::filesystem;

namespace {

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  return s;
}

/// "file:line" of a table row (or the sheet cell's row).
std::string row_at(const CsvTable& t, std::size_t r) { return fmt::format("{}:{}", t.file, t.row_lines[r]); }

}  // namespace

const PanelColumns* panel_columns(const Spec& spec) { return spec.settings.find<PanelColumns>(kPanelColumnsBlock); }

bool is_panel(const Spec& spec) { return panel_columns(spec) != nullptr; }

PanelData load_panel_data(const Spec& spec) {
  const PanelColumns* pc = panel_columns(spec);
  if (pc == nullptr) throw InvalidInput("load_panel_data: the spec has no data.time (not a panel)", spec.data.where);
  if (spec.data.memory)
    throw InvalidInput("data.time (panel data) is not supported for data handed over in memory; write the data to a "
                       "file and name it in data.file",
                       pc->where);
  const auto& d = spec.data;
  if (!path_exists(d.file))
    throw InvalidInput(fmt::format("data file '{}' not found (data.file is relative to the spec)", d.file.string()),
                       d.where);
  const CsvTable table = read_table(d.file, d.csv, d.xlsx);
  const auto find_col = [&](const std::string& name) -> std::ptrdiff_t {
    const auto it = std::find(table.header.begin(), table.header.end(), name);
    return it == table.header.end() ? -1 : it - table.header.begin();
  };
  const std::ptrdiff_t tcol = find_col(pc->time);
  if (tcol < 0)
    throw InvalidInput(fmt::format("data.time names column '{}', which is not in {} (no such header)", pc->time,
                                   table.file),
                       pc->where);
  const std::ptrdiff_t ucol = find_col(d.columns.unit);
  if (ucol < 0)
    throw InvalidInput(fmt::format("data.unit names column '{}', which is not in {} (no such header)",
                                   d.columns.unit, table.file),
                       d.where);
  PanelData p;
  p.time_column = pc->time;
  std::vector<std::size_t> row_period(table.rows.size());
  std::map<std::string, std::size_t> period_index;
  std::map<std::pair<std::string, std::string>, std::size_t> seen;  // (unit, period) -> row
  std::map<std::string, std::size_t> unit_index;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string label = trimmed(table.rows[r][static_cast<std::size_t>(tcol)]);
    const std::string unit = trimmed(table.rows[r][static_cast<std::size_t>(ucol)]);
    if (label.empty())
      throw InvalidInput(fmt::format("{}: unit '{}' has an empty period in column '{}' (data.time); every row needs "
                                     "its period",
                                     row_at(table, r), unit, pc->time));
    auto [it, added] = period_index.emplace(label, p.periods.size());
    if (added) p.periods.push_back(label);
    row_period[r] = it->second;
    if (!unit.empty()) {
      const auto [sit, fresh] = seen.emplace(std::make_pair(unit, label), r);
      if (!fresh)
        throw InvalidInput(fmt::format("{}: duplicate row for unit '{}' in period '{}' (data.time: {}); the same "
                                       "(unit, period) is already on line {}; a panel has one row per unit and period",
                                       row_at(table, r), unit, label, pc->time, table.row_lines[sit->second]));
      if (unit_index.emplace(unit, p.units.size()).second) p.units.push_back(unit);
    }
  }
  // Numeric periods sort by value; otherwise the order of first appearance is kept.
  std::vector<double> values(p.periods.size());
  p.numeric_periods = !p.periods.empty();
  for (std::size_t k = 0; k < p.periods.size(); ++k) {
    double v = 0;
    if (parse_plain_number(p.periods[k], v) == 0) values[k] = v;
    else p.numeric_periods = false;
  }
  std::vector<std::size_t> order(p.periods.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  if (p.numeric_periods)
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<std::string> labels;
  for (std::size_t k = 0; k < order.size(); ++k) {
    labels.push_back(p.periods[order[k]]);
    p.period_values.push_back(p.numeric_periods ? values[order[k]] : static_cast<double>(k + 1));
  }
  if (p.numeric_periods)
    for (std::size_t k = 1; k < labels.size(); ++k)
      if (!(p.period_values[k - 1] < p.period_values[k]))
        throw InvalidInput(fmt::format("{}: periods '{}' and '{}' (data.time: {}) are the same number; write each "
                                       "period one way",
                                       table.file, labels[k - 1], labels[k], pc->time),
                           pc->where);
  std::vector<std::size_t> rank_of(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) rank_of[order[k]] = k;
  p.periods = labels;
  for (std::size_t k = 0; k < p.periods.size(); ++k) {
    CsvTable sub = table;
    sub.rows.clear();
    sub.row_lines.clear();
    for (std::size_t r = 0; r < table.rows.size(); ++r)
      if (rank_of[row_period[r]] == k) {
        sub.rows.push_back(table.rows[r]);
        sub.row_lines.push_back(table.row_lines[r]);
      }
    Dataset section = dataset_from_table(spec, sub);
    for (auto& w : section.warnings) p.warnings.push_back(fmt::format("period {}: {}", p.periods[k], w));
    std::vector<std::string> absent;
    for (const auto& u : p.units)
      if (std::find(section.unit_ids.begin(), section.unit_ids.end(), u) == section.unit_ids.end()) absent.push_back(u);
    p.absent.push_back(std::move(absent));
    p.sections.push_back(std::move(section));
  }
  std::string gaps;
  std::size_t n_gaps = 0;
  for (std::size_t k = 0; k < p.periods.size(); ++k) {
    if (p.absent[k].empty()) continue;
    n_gaps += p.absent[k].size();
    std::string list;
    for (const auto& u : p.absent[k]) list += (list.empty() ? "" : ", ") + u;
    gaps += fmt::format("{}{}: {}", gaps.empty() ? "" : "; ", p.periods[k], list);
  }
  if (n_gaps > 0)
    p.warnings.insert(p.warnings.begin(),
                      fmt::format("unbalanced panel: {} (unit, period) row(s) absent from {} ({}); each period is "
                                  "built from the units it has, and those units' trajectories are missing in those "
                                  "periods",
                                  n_gaps, table.file, gaps));
  return p;
}

CsvTable panel_period_rows(const Spec& spec, const CsvTable& table, const std::string& period) {
  const PanelColumns* pc = panel_columns(spec);
  if (pc == nullptr) throw InvalidInput("panel_period_rows: the spec has no data.time (not a panel)");
  const auto it = std::find(table.header.begin(), table.header.end(), pc->time);
  if (it == table.header.end())
    throw InvalidInput(fmt::format("data.time names column '{}', which is not in {} (no such header)", pc->time,
                                   table.file),
                       pc->where);
  const auto tcol = static_cast<std::size_t>(it - table.header.begin());
  CsvTable sub = table;
  sub.rows.clear();
  sub.row_lines.clear();
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    if (trimmed(table.rows[r][tcol]) == period) {
      sub.rows.push_back(table.rows[r]);
      sub.row_lines.push_back(table.row_lines[r]);
    }
  return sub;
}

}  // namespace cikit
