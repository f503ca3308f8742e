#include "methods/core/criteria.hpp"

#include "methods/core/panel_data.hpp"

#include <fmt/format.h>

#include <set>

#include "methods/core/csv.hpp"
#include "methods/core/memory_table.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/yaml_context.hpp"

namespace cikit {

std::vector<Criterion> parse_criteria(const YamlContext& ctx, const YAML::Node& node) {
  if (!node.IsSequence() || node.size() == 0)
    ctx.fail(node, "criteria must be a non-empty list of data columns, e.g. - {column: x, label: {zh: …, en: …}}");
  std::vector<Criterion> out;
  std::set<std::string> seen;
  for (const auto& e : node) {
    Criterion c;
    c.where = ctx.at(e);
    if (e.IsScalar()) {
      c.column = ctx.scalar(e, "a criterion");
    } else {
      ctx.each_key(e, "a criterion", {"column", "label", "unit"},
                   [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
        if (key == "column")
          c.column = ctx.scalar(v, "criteria.column");
        else if (key == "label")
          c.label = ctx.labels(v, "criteria.label");
        else
          c.unit = ctx.labels(v, "criteria.unit");
      });
    }
    if (c.column.empty()) ctx.fail(e, "a criterion needs 'column:' (the data column holding it)");
    if (!seen.insert(c.column).second) ctx.fail(e, fmt::format("criterion column '{}' is listed twice", c.column));
    if (c.label.zh.empty() && c.label.en.empty()) c.label.zh = c.label.en = c.column;
    out.push_back(std::move(c));
  }
  return out;
}

Dataset load_criteria(const Spec& spec) {
  if (spec.data.memory) return load_memory_criteria(spec);
  const auto& d = spec.data;
  CsvTable table = read_table(d.file, d.csv, d.xlsx);
  if (is_panel(spec)) table = panel_period_rows(spec, table, load_panel_data(spec).periods.back());  // as load_data
  CsvColumns cols = d.columns;
  cols.indicators.clear();
  for (const auto& c : spec.criteria) {
    for (int leaf : spec.tree.leaves())
      if (spec.tree.node(leaf).column == c.column)
        throw InvalidInput(fmt::format("criterion '{}' is also indicator '{}' of the index: a criterion must be an "
                                       "outside measure",
                                       c.column, spec.tree.node(leaf).id),
                           c.where);
    bool found = false;
    for (const auto& h : table.header) found = found || h == c.column;
    if (!found)
      throw InvalidInput(fmt::format("criterion column '{}' is not in {} (no such header)", c.column, table.file),
                         c.where);
    cols.indicators.push_back(c.column);
  }
  return table_to_dataset(table, cols);
}

}  // namespace cikit
