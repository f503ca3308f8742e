#include "methods/pipeline/init.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "methods/core/error.hpp"
#include "methods/core/numbers.hpp"
#include "methods/core/xlsx.hpp"
#include "methods/core/path_exists.hpp"

namespace cikit::pipeline {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kMissing = CsvColumns{}.missing_tokens;

std::string trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool contains_any(const std::string& name, std::initializer_list<const char*> words) {
  const std::string l = lower(name);
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return l.find(w) != std::string::npos; });
}

/// A YAML double-quoted scalar.
std::string q(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    out += c;
  }
  return out + "\"";
}

/// A node id from a column name: letters, digits, _ - . and non-ASCII kept, others -> '_'.
std::string to_id(const std::string& name) {
  std::string id;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    id += (std::isalnum(c) || c == '_' || c == '-' || c == '.' || c >= 0x80) ? ch : '_';
  }
  return id.empty() ? std::string("x") : id;
}

struct ColumnInfo {
  bool numeric = true;      // every present cell is a number (with the options below)
  bool any_number = false;
  bool complete_unique = true;
  bool thousands = false, percent = false, excel_errors = false;
};

ColumnInfo inspect(const CsvTable& t, std::size_t j) {
  ColumnInfo info;
  NumberOptions messy;
  messy.thousands = ",";
  messy.percent = PercentMode::Number;
  messy.excel_errors_missing = true;
  std::set<std::string> seen;
  for (const auto& row : t.rows) {
    const std::string cell = trimmed(row[j]);
    if (cell.empty() || !seen.insert(cell).second) info.complete_unique = false;
    if (std::find(kMissing.begin(), kMissing.end(), cell) != kMissing.end()) continue;
    const CellNumber plain = read_number(cell, NumberOptions{});
    if (plain.status == CellStatus::kNumber) {
      info.any_number = true;
      continue;
    }
    const CellNumber r = read_number(cell, messy);
    if (r.status == CellStatus::kNumber || r.status == CellStatus::kExcelError) {
      info.any_number = info.any_number || r.status == CellStatus::kNumber;
      info.thousands = info.thousands || cell.find(',') != std::string::npos;
      info.percent = info.percent || cell.back() == '%';
      info.excel_errors = info.excel_errors || r.status == CellStatus::kExcelError;
    } else {
      info.numeric = false;
    }
  }
  info.numeric = info.numeric && info.any_number;
  return info;
}

/// The prefix before the first '_', '.' or '-' ("" if none).
std::string prefix_of(const std::string& name) {
  const auto k = name.find_first_of("_.-");
  return (k == std::string::npos || k == 0) ? std::string() : name.substr(0, k);
}

}  // namespace

InitRun run_init(const InitOptions& o) {
  const fs::path data(o.data), out(o.out);
  if (!o.force && path_exists(out))
    throw InvalidInput(fmt::format("{} exists (use --force to overwrite it)", o.out));
  CsvOptions csv;
  csv.encoding = o.encoding;
  const CsvTable t = read_table(data, csv, XlsxOptions{o.sheet, o.header_row});
  if (t.rows.empty()) throw InvalidInput(fmt::format("{}: no data rows below the header", t.file));

  std::vector<ColumnInfo> info;
  for (std::size_t j = 0; j < t.header.size(); ++j) info.push_back(inspect(t, j));
  // Unit column: complete and unique; text before numbers; id-like names first.
  int unit = -1;
  for (int pass = 0; pass < 3 && unit < 0; ++pass)
    for (std::size_t j = 0; j < t.header.size() && unit < 0; ++j) {
      const bool idlike = contains_any(t.header[j], {"id", "code", "代码", "编码", "编号"});
      if (info[j].complete_unique && (pass == 2 || !info[j].numeric) && (pass != 0 || idlike)) unit = static_cast<int>(j);
    }
  if (unit < 0)
    throw InvalidInput(fmt::format("{}: no column has a present and distinct value in every row, so none can be the "
                                   "unit id column (add one, e.g. a city code)",
                                   t.file));
  InitRun run;
  run.unit_column = t.header[static_cast<std::size_t>(unit)];
  std::string name_col;
  bool thousands = false, percent = false, excel_errors = false;
  for (std::size_t j = 0; j < t.header.size(); ++j) {
    if (static_cast<int>(j) == unit) continue;
    if (info[j].numeric) {
      run.indicators.push_back(t.header[j]);
      thousands = thousands || info[j].thousands;
      percent = percent || info[j].percent;
      excel_errors = excel_errors || info[j].excel_errors;
    } else {
      run.other.push_back(t.header[j]);
      if (name_col.empty() && contains_any(t.header[j], {"name", "名称", "城市", "地区", "单位"})) name_col = t.header[j];
    }
  }
  if (run.indicators.empty())
    throw InvalidInput(fmt::format("{}: no numeric column besides the unit column '{}', so there is no indicator",
                                   t.file, run.unit_column));

  // Dimensions by name prefix (two or more indicators share it).
  std::map<std::string, std::vector<std::string>> groups;
  for (const auto& c : run.indicators) groups[prefix_of(c)].push_back(c);
  std::vector<std::string> dims;
  for (const auto& [p, cols] : groups)
    if (!p.empty() && cols.size() >= 2) dims.push_back(p);
  run.dimensions = dims;

  const fs::path base = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  fs::path rel = fs::relative(fs::absolute(data), fs::absolute(base), ec);
  if (ec || rel.empty()) rel = fs::absolute(data);
  std::string id = to_id(data.stem().string());
  std::set<std::string> used{id};

  std::string y;
  y += fmt::format("# Starter spec written by `cikit init {}`. Every guess below is marked; confirm or\n"
                   "# edit it, then run `cikit check {}`. Schema: docs/spec.md.\n",
                   o.data, o.out);
  y += fmt::format("index:\n  id: {}\n  label: {{zh: {}, en: {}}}   # name the index\n\n", q(id), q(id), q(id));
  y += fmt::format("data:\n  file: {}\n", q(rel.generic_string()));
  if (t.cell_refs) {
    if (!o.sheet.empty()) y += fmt::format("  sheet: {}\n", q(o.sheet));
    y += fmt::format("  header_row: {}   # sheet row of the column names\n", t.header_line);
  }
  y += fmt::format("  unit: {}   # GUESSED unit id column: its values are present and distinct in every row\n",
                   q(run.unit_column));
  if (!name_col.empty()) y += fmt::format("  names: {}   # GUESSED display-name column\n", q(name_col));
  if (thousands) y += "  thousands: \",\"   # some numbers are written with thousands separators (1,234)\n";
  if (percent) y += "  percent: true   # some numbers end in % (12% is read as 12; `fraction` reads 0.12)\n";
  if (excel_errors) y += "  excel_errors: missing   # Excel error values (#DIV/0!, #N/A) are read as missing\n";
  if (!run.other.empty()) {
    y += "# Non-numeric columns (possible name or group columns, e.g. data.names or methods.treat.group):\n";
    for (const auto& c : run.other) y += fmt::format("#   {}\n", q(c));
  }
  auto leaf = [&](const std::string& col, const std::string& indent) {
    std::string lid = to_id(col);
    while (!used.insert(lid).second) lid += "_";
    std::string s = fmt::format("{}- id: {}\n", indent, q(lid));
    s += fmt::format("{}  label: {{zh: {}, en: {}}}\n", indent, q(col), q(col));
    if (lid != col) s += fmt::format("{}  column: {}\n", indent, q(col));
    s += fmt::format("{}  direction: \"+\"   # CONFIRM: \"+\" if more is better, \"-\" if less is better\n", indent);
    s += fmt::format("{}  # unit: {{zh: ..., en: ...}}\n{}  # source: {{zh: ..., en: ...}}\n", indent, indent);
    return s;
  };
  y += "\ntree:\n";
  if (dims.empty()) {
    y += "  # No shared column-name prefix, so the indicators sit directly under the index; group them\n"
         "  # into dimensions with `children:` (see docs/spec.md).\n";
    for (const auto& c : run.indicators) y += leaf(c, "  ");
  } else {
    y += "  # EXAMPLE grouping: one dimension per shared column-name prefix; regroup as your framework says.\n";
    std::vector<std::string> rest;
    for (const auto& c : run.indicators)
      if (std::find(dims.begin(), dims.end(), prefix_of(c)) == dims.end()) rest.push_back(c);
    auto dim = [&](const std::string& name, const std::vector<std::string>& cols) {
      std::string did = to_id(name);
      while (!used.insert(did).second) did += "_";
      y += fmt::format("  - id: {}\n    label: {{zh: {}, en: {}}}\n    children:\n", q(did), q(name), q(name));
      for (const auto& c : cols) y += leaf(c, "      ");
    };
    for (const auto& d : dims) dim(d, groups[d]);
    if (!rest.empty()) dim("other", rest);
  }
  y += "\n# methods:   # defaults: min-max normalisation, equal weights, arithmetic mean\n"
       "#   normalize: minmax\n#   weights: equal\n#   aggregate: arithmetic\n";
  run.yaml = y;
  run.files = OutputSet(base.string());
  run.files.add(out.filename().string(), y);
  return run;
}

}  // namespace cikit::pipeline
