// Building a Dataset from a parsed table (load_data, load_panel_data, the in-memory table):
// the indicator columns in tree order, unit groups, and COINr-style denominators.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "methods/core/memory_table.hpp"
#include "methods/core/panel_data.hpp"
#include "methods/core/spec.hpp"

namespace cikit {

namespace {

/// Divides each indicator with `denominator:` by that data column and multiplies by `scale`
/// (COINr's Denominate); a missing or zero denominator leaves the value missing, with a warning.
void apply_denominators(const Spec& spec, const CsvTable& table, Dataset& data) {
  const auto& leaves = spec.tree.leaves();
  for (std::size_t j = 0; j < leaves.size(); ++j) {
    const Node& n = spec.tree.node(leaves[j]);
    if (n.denominator.empty()) continue;
    if (std::find(table.header.begin(), table.header.end(), n.denominator) == table.header.end())
      throw InvalidInput(fmt::format("indicator '{}' names denominator column '{}', which is not in {} (no such header)",
                                     n.id, n.denominator, table.file),
                         n.where);
    CsvColumns cols = spec.data.columns;
    cols.indicators = {n.denominator};
    const Dataset den = table_to_dataset(table, cols);
    data.warnings.insert(data.warnings.end(), den.warnings.begin(), den.warnings.end());
    divide_by_denominator(n, static_cast<Eigen::Index>(j), den.values.col(0), data);
  }
}

}  // namespace

void divide_by_denominator(const Node& n, Eigen::Index column, const Eigen::VectorXd& denominator, Dataset& data) {
  std::vector<std::string> bad;
  for (Eigen::Index i = 0; i < data.n_units(); ++i) {
    const double d = denominator(i);
    double& x = data.values(i, column);
    if (std::isnan(x)) continue;
    if (std::isnan(d) || !(d < 0 || d > 0)) {
      bad.push_back(fmt::format("{} ({})", data.unit_ids[static_cast<std::size_t>(i)], std::isnan(d) ? "missing" : "0"));
      x = std::numeric_limits<double>::quiet_NaN();
    } else {
      x = x / (d / n.scale);  // COINr Denominate: x / (denominator / ScaleFactor)
    }
  }
  if (!bad.empty()) {
    std::string list;
    for (std::size_t k = 0; k < bad.size(); ++k) list += (k ? ", " : "") + bad[k];
    data.warnings.push_back(fmt::format("indicator '{}': {} value(s) set to missing because the denominator '{}' is "
                                        "missing or zero: {}",
                                        n.id, bad.size(), n.denominator, list));
  }
}

/// The indicator columns (tree leaf order), groups and denominators of a parsed table
/// (declared in panel_data.hpp for load_panel_data).
Dataset dataset_from_table(const Spec& spec, const CsvTable& table) {
  const auto& d = spec.data;
  CsvColumns cols = d.columns;
  cols.indicators.clear();
  for (int leaf : spec.tree.leaves()) {
    const Node& n = spec.tree.node(leaf);
    bool found = false;
    for (const auto& h : table.header) found = found || h == n.column;
    if (!found) {
      const Location& where = n.where;
      throw InvalidInput(
          fmt::format("indicator '{}' names data column '{}', which is not in {} (no such header)", n.id,
                      n.column, table.file),
          where);
    }
    cols.indicators.push_back(n.column);
  }
  Dataset data = table_to_dataset(table, cols);
  if (!spec.config.treat.group.empty()) {
    const auto it = std::find(table.header.begin(), table.header.end(), spec.config.treat.group);
    if (it == table.header.end())
      throw InvalidInput(fmt::format("methods.treat.group names data column '{}', which is not in {} (no such header)",
                                     spec.config.treat.group, table.file),
                         d.where);
    const auto g = static_cast<std::size_t>(it - table.header.begin());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      std::string label = table.rows[r][g];
      label.erase(0, label.find_first_not_of(' '));
      label.erase(label.find_last_not_of(' ') + 1);
      if (label.empty())
        throw InvalidInput(fmt::format("{}:{}: unit '{}' has an empty group in column '{}' (methods.treat.group)",
                                       table.file, table.row_lines[r], data.unit_ids[r], spec.config.treat.group));
      data.unit_groups.push_back(std::move(label));
    }
  }
  for (std::size_t j = 0; j < spec.tree.leaves().size(); ++j)
    data.indicator_ids[j] = spec.tree.node(spec.tree.leaves()[j]).id;
  apply_denominators(spec, table, data);
  return data;
}

}  // namespace cikit
