#include "methods/core/memory_table.hpp"

#include <fmt/format.h>

#include <cmath>
#include <unordered_map>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/tree.hpp"

namespace cikit {
namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

Location table_location(const MemoryTable& t) { return Location{t.label, 0, 0, {}, {}, {}}; }

const MemoryTable& memory_of(const Spec& spec) {
  if (!spec.data.memory) throw InternalError("load_memory_data: the spec has no in-memory table");
  return *spec.data.memory;
}

// Column `name` of the table, or an InvalidInput naming `what` (and `where` in the spec).
const MemoryColumn& column(const MemoryTable& t, const std::string& name, const std::string& what,
                           const Location& where) {
  const long c = t.find(name);
  if (c < 0) {
    throw InvalidInput(fmt::format("{} column '{}' is not in {} (no such column){}", what, name, t.label,
                                   where.file.empty() ? "" : fmt::format(" — named at {}", where.to_string())),
                       table_location(t));
  }
  return t.columns[static_cast<std::size_t>(c)];
}

// Text of row r of a column: text columns as they are; numeric ones (e.g. integer unit codes)
// written the shortest way that reads back the same double ("1", "2.5").
std::string cell_text(const MemoryColumn& c, std::size_t r) {
  if (!c.numeric) return trimmed(c.text[r]);
  const double v = c.numbers[r];
  if (std::isnan(v)) return {};
  return fmt::format("{}", v);
}

// Units (ids, names, source rows) of the table, checked as table_to_dataset does.
void fill_units(const MemoryTable& t, const CsvColumns& cols, Dataset& data) {
  const std::size_t n = t.rows();
  if (n == 0) throw InvalidInput("no data rows (the table is empty)", table_location(t));
  const MemoryColumn& unit = column(t, cols.unit, "unit id", {});
  std::unordered_map<std::string, std::size_t> first;  // id -> row where it occurs first
  data.unit_ids.reserve(n);
  for (std::size_t r = 0; r < n; ++r) {
    std::string id = cell_text(unit, r);
    const std::string where = fmt::format("row {}, column '{}'", r + 1, cols.unit);
    if (id.empty()) throw InvalidInput(fmt::format("{}: empty unit id", where), table_location(t));
    const auto [it, inserted] = first.emplace(id, r + 1);
    if (!inserted)
      throw InvalidInput(fmt::format("{}: duplicate unit id '{}' (rows {} and {})", where, id, it->second, r + 1),
                         table_location(t));
    data.unit_ids.push_back(std::move(id));
    data.source_lines.push_back(static_cast<long>(r + 1));
  }
  if (!cols.name_zh.empty()) {
    const MemoryColumn& c = column(t, cols.name_zh, "name", {});
    for (std::size_t r = 0; r < n; ++r) data.unit_names_zh.push_back(cell_text(c, r));
  }
  if (!cols.name_en.empty()) {
    const MemoryColumn& c = column(t, cols.name_en, "name", {});
    for (std::size_t r = 0; r < n; ++r) data.unit_names_en.push_back(cell_text(c, r));
  }
}

// Numeric columns `names` into data.values (one copy; NaN stays missing, ±inf is an error).
void fill_values(const MemoryTable& t, const std::vector<std::string>& names, const std::vector<Location>& where,
                 const std::string& what, Dataset& data) {
  const auto n = static_cast<Eigen::Index>(t.rows());
  data.values.resize(n, static_cast<Eigen::Index>(names.size()));
  for (std::size_t j = 0; j < names.size(); ++j) {
    const MemoryColumn& c = column(t, names[j], what, where[j]);
    if (!c.numeric)
      throw InvalidInput(fmt::format("{} column '{}' is not numeric (convert it to float64; NaN marks a missing "
                                     "value){}",
                                     what, names[j],
                                     where[j].file.empty() ? "" : fmt::format(" — named at {}", where[j].to_string())),
                         table_location(t));
    for (Eigen::Index i = 0; i < n; ++i) {
      const double v = c.numbers[static_cast<std::size_t>(i)];
      if (std::isinf(v))
        throw InvalidInput(
            fmt::format("row {}, column '{}': value {} is infinite (use NaN for a missing value)", i + 1, names[j], v),
            table_location(t));
      data.values(i, static_cast<Eigen::Index>(j)) = v;
    }
    data.source_columns.push_back(t.find(names[j]) + 1);
  }
}

}  // namespace

long MemoryTable::find(const std::string& name) const {
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].name == name) return static_cast<long>(c);
  return -1;
}

std::size_t MemoryTable::rows() const {
  if (columns.empty()) return 0;
  const std::size_t n = columns.front().rows();
  for (const auto& c : columns)
    if (c.rows() != n)
      throw InvalidInput(fmt::format("column '{}' has {} rows, column '{}' has {}", c.name, c.rows(),
                                     columns.front().name, n),
                         Location{label, 0, 0, {}, {}, {}});
  return n;
}

Dataset load_memory_data(const Spec& spec) {
  const MemoryTable& t = memory_of(spec);
  Dataset data;
  data.source_file = t.label;
  fill_units(t, spec.data.columns, data);
  std::vector<std::string> names;
  std::vector<Location> where;
  for (int leaf : spec.tree.leaves()) {
    const Node& node = spec.tree.node(leaf);
    names.push_back(node.column);
    where.push_back(node.where);
  }
  fill_values(t, names, where, "indicator", data);
  for (int leaf : spec.tree.leaves()) data.indicator_ids.push_back(spec.tree.node(leaf).id);
  for (std::size_t j = 0; j < spec.tree.leaves().size(); ++j) {
    const Node& n = spec.tree.node(spec.tree.leaves()[j]);
    if (n.denominator.empty()) continue;
    const MemoryColumn& c = column(t, n.denominator, fmt::format("indicator '{}': denominator", n.id), n.where);
    if (!c.numeric)
      throw InvalidInput(fmt::format("denominator column '{}' of indicator '{}' is not numeric", n.denominator, n.id),
                         table_location(t));
    const Eigen::VectorXd den = Eigen::Map<const Eigen::VectorXd>(c.numbers.data(), static_cast<Eigen::Index>(c.numbers.size()));
    divide_by_denominator(n, static_cast<Eigen::Index>(j), den, data);
  }
  const std::string& group = spec.config.treat.group;
  if (!group.empty()) {
    const MemoryColumn& g = column(t, group, "methods.treat.group", spec.data.where);
    for (std::size_t r = 0; r < t.rows(); ++r) {
      std::string label = cell_text(g, r);
      if (label.empty())
        throw InvalidInput(fmt::format("row {}: unit '{}' has an empty group in column '{}' (methods.treat.group)", r + 1,
                                       data.unit_ids[r], group),
                           table_location(t));
      data.unit_groups.push_back(std::move(label));
    }
  }
  return data;
}

Dataset load_memory_criteria(const Spec& spec) {
  const MemoryTable& t = memory_of(spec);
  Dataset data;
  data.source_file = t.label;
  fill_units(t, spec.data.columns, data);
  std::vector<std::string> names;
  std::vector<Location> where;
  for (const auto& c : spec.criteria) {
    for (int leaf : spec.tree.leaves())
      if (spec.tree.node(leaf).column == c.column)
        throw InvalidInput(fmt::format("criterion '{}' is also indicator '{}' of the index: a criterion must be an "
                                       "outside measure",
                                       c.column, spec.tree.node(leaf).id),
                           c.where);
    names.push_back(c.column);
    where.push_back(c.where);
  }
  fill_values(t, names, where, "criterion", data);
  data.indicator_ids = names;
  return data;
}

}  // namespace cikit
