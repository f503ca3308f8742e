#include "methods/pipeline/cross_sections.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <map>

#include "methods/core/memory_table.hpp"
#include "methods/core/panel_data.hpp"
#include "methods/compare/weights_report.hpp"
#include "methods/pipeline/panel.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/core/xlsx.hpp"

namespace cikit::pipeline {

namespace {

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  return s;
}

}  // namespace

RawColumns::RawColumns(const Spec& spec) {
  if (spec.data.memory) {
    const MemoryTable& t = *spec.data.memory;
    label_ = t.label;
    n_rows_ = t.rows();
    for (const auto& c : t.columns) {
      header_.push_back(c.name);
      std::vector<std::string> cells;
      for (std::size_t r = 0; r < c.rows(); ++r)
        cells.push_back(c.numeric ? (std::isnan(c.numbers[r]) ? std::string() : fmt::format("{:.17g}", c.numbers[r]))
                                  : c.text[r]);
      columns_.push_back(std::move(cells));
    }
    return;
  }
  const CsvTable t = read_table(spec.data.file, spec.data.csv, spec.data.xlsx);
  label_ = t.file;
  header_ = t.header;
  lines_ = t.row_lines;
  cell_refs_ = t.cell_refs;
  column_offset_ = t.column_offset;
  n_rows_ = t.rows.size();
  columns_.assign(header_.size(), {});
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < row.size(); ++c) columns_[c].push_back(row[c]);
}

std::vector<std::string> RawColumns::text(const std::string& name, const std::string& option) const {
  for (std::size_t c = 0; c < header_.size(); ++c)
    if (header_[c] == name) return columns_[c];
  std::string cols;
  for (const auto& h : header_) cols += (cols.empty() ? "" : ", ") + h;
  throw InvalidInput(fmt::format("{} names column '{}', which is not in {} (columns: {})", option, name, label_, cols),
                     Location{.file = label_});
}

Location RawColumns::where(const std::string& name, std::size_t row, const std::string& unit) const {
  Location at{.file = label_, .unit = unit};
  if (lines_.empty()) {  // an in-memory table: row numbers
    at.line = static_cast<long>(row) + 1;
    return at;
  }
  at.line = lines_[row];
  at.cell_ref = cell_refs_;
  for (std::size_t c = 0; c < header_.size(); ++c)
    if (header_[c] == name) at.column = static_cast<long>(c) + 1 + column_offset_;
  return at;
}

Eigen::VectorXd CrossSection::node(const std::string& id) const {
  if (id.empty()) return index;
  for (std::size_t k = 0; k < node_ids.size(); ++k)
    if (node_ids[k] == id) return node_scores.col(static_cast<Eigen::Index>(k));
  std::string ids;
  for (const auto& n : node_ids) ids += (ids.empty() ? "" : ", ") + n;
  throw InvalidInput(fmt::format("--node '{}' is not a node of the indicator tree (nodes: {})", id, ids));
}

std::vector<std::string> CrossSection::text_column(const std::string& name, const std::string& option) const {
  const std::vector<std::string> all = raw->text(name, option);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::string v = trimmed(all[raw_rows[i]]);
    if (v.empty())
      throw InvalidInput(fmt::format("{}: unit '{}' has no value in column '{}'", option, units[i], name),
                         raw->where(name, raw_rows[i], units[i]));
    out.push_back(std::move(v));
  }
  return out;
}

Eigen::VectorXd CrossSection::number_column(const std::string& name, const std::string& option) const {
  const std::vector<std::string> all = raw->text(name, option);
  Eigen::VectorXd out(static_cast<Eigen::Index>(units.size()));
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::string v = trimmed(all[raw_rows[i]]);
    const Location at = raw->where(name, raw_rows[i], units[i]);
    if (v.empty() || v == "NA")
      throw InvalidInput(fmt::format("{}: unit '{}' has no value in column '{}'", option, units[i], name), at);
    double x = 0.0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(x))
      throw InvalidInput(fmt::format("{}: unit '{}' has '{}' in column '{}', which is not a number", option, units[i], v,
                                     name),
                         at);
    out(static_cast<Eigen::Index>(i)) = x;
  }
  return out;
}

namespace {

/// Rows of the panel file holding `units` in `period` (the long file has one row per unit and
/// period; reading it checked that every pair occurs once).
std::vector<std::size_t> panel_rows(const RawColumns& raw, const Spec& spec, const std::string& period,
                                    const std::vector<std::string>& units) {
  const PanelColumns* pc = panel_columns(spec);
  const std::vector<std::string> time = raw.text(pc->time, "data.time");
  const std::vector<std::string> unit = raw.text(spec.data.columns.unit, "data.unit");
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < time.size(); ++r)
    if (trimmed(time[r]) == period) row_of.emplace(trimmed(unit[r]), r);
  std::vector<std::size_t> rows;
  for (const auto& u : units) {
    const auto it = row_of.find(u);
    if (it == row_of.end())
      throw InternalError(fmt::format("cross-sections: unit '{}' of period {} has no row in the data file", u, period));
    rows.push_back(it->second);
  }
  return rows;
}

CrossSection section_of(const Spec& spec, const std::string& period, const std::vector<std::string>& units,
                        const IndexResult& result, std::shared_ptr<const RawColumns> raw) {
  CrossSection cs;
  cs.period = period;
  cs.units = units;
  cs.node_scores = result.scores;
  cs.index = result.scores.col(0);
  for (int k = 0; k < spec.tree.size(); ++k) cs.node_ids.push_back(spec.tree.node(k).id);
  if (period.empty()) {
    for (std::size_t i = 0; i < cs.units.size(); ++i) cs.raw_rows.push_back(i);  // data rows are file rows
  } else {
    cs.raw_rows = panel_rows(*raw, spec, period, units);
  }
  cs.raw = std::move(raw);
  return cs;
}

}  // namespace

std::vector<CrossSection> analysis_cross_sections(const IndexRun& run) {
  if (!run.panel) return analysis_cross_sections(run.spec, run.data, run.result);
  const PanelBuild& b = *run.panel;
  auto raw = std::make_shared<const RawColumns>(run.spec);
  std::vector<CrossSection> out;
  for (std::size_t p = 0; p < b.data.periods.size(); ++p)
    out.push_back(section_of(run.spec, b.data.periods[p], b.data.sections[p].unit_ids, b.result.results[p], raw));
  return out;
}

std::vector<CrossSection> analysis_cross_sections(const Spec& spec, const Dataset& data, const IndexResult& result) {
  auto raw = std::make_shared<const RawColumns>(spec);
  if (!is_panel(spec)) return {section_of(spec, "", data.unit_ids, result, std::move(raw))};
  // A panel spec (the appendix): every period, built as `cikit index` builds them.
  Judgments judgments;
  const PanelBuild b = build_panel(spec, spec_weight_inputs(spec, {spec.config.weights}, judgments));
  std::vector<CrossSection> out;
  for (std::size_t p = 0; p < b.data.periods.size(); ++p)
    out.push_back(section_of(spec, b.data.periods[p], b.data.sections[p].unit_ids, b.result.results[p], raw));
  return out;
}

Complete complete_values(const Eigen::VectorXd& v) {
  Complete c;
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (std::isfinite(v(i))) c.kept.push_back(static_cast<std::size_t>(i));
  c.values.resize(static_cast<Eigen::Index>(c.kept.size()));
  for (std::size_t k = 0; k < c.kept.size(); ++k) c.values(static_cast<Eigen::Index>(k)) = v(static_cast<Eigen::Index>(c.kept[k]));
  return c;
}

}  // namespace cikit::pipeline
