#include "methods/core/csv.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "methods/core/detail/csv_records.hpp"
#include "methods/core/encoding.hpp"
#include "methods/core/error.hpp"
#include "methods/core/numbers.hpp"

namespace cikit {

namespace {

using csv_detail::detect_delimiter;
using csv_detail::file_location;
using csv_detail::kUtf8Bom;
using csv_detail::Record;
using csv_detail::RecordReader;
using csv_detail::to_long;
using csv_detail::trim;

/// How many header names a "column not found" message lists before eliding the rest.
constexpr std::size_t kMaxListedColumns = 30;

[[nodiscard]] std::string printable_delimiter(char d) {
  if (d == '\t') return "tab";
  return fmt::format("'{}'", d);
}

[[nodiscard]] std::string list_columns(const std::vector<std::string>& header) {
  std::string out;
  const std::size_t shown = std::min(header.size(), kMaxListedColumns);
  for (std::size_t j = 0; j < shown; ++j) {
    if (j > 0) out += ", ";
    out += header[j];
  }
  if (header.size() > shown) out += fmt::format(", ... ({} more)", header.size() - shown);
  return out;
}

/// 0-based index of header column `name`.
[[nodiscard]] std::size_t find_column(const CsvTable& table, const std::string& name,
                                      std::string_view role) {
  for (std::size_t j = 0; j < table.header.size(); ++j)
    if (table.header[j] == name) return j;
  Location where = file_location(table.file, table.header_line);
  where.cell_ref = table.cell_refs;
  throw InvalidInput(fmt::format("{} column '{}' not found in header (columns: {})", role, name,
                                 list_columns(table.header)),
                     where);
}

[[nodiscard]] std::string list_tokens(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) {
    if (!out.empty()) out += ", ";
    out += t.empty() ? std::string("(empty cell)") : fmt::format("'{}'", t);
  }
  return out;
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& file_label, char delimiter) {
  if (delimiter == '"' || delimiter == '\n' || delimiter == '\r')
    throw InvalidInput(
        fmt::format("delimiter {} cannot be a quote or a line break",
                    delimiter == '"' ? std::string("'\"'") : std::string("(line break)")),
        file_location(file_label));
  CsvTable table;
  table.file = file_label;
  table.encoding = "utf-8";
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    table.had_bom = true;
    text.remove_prefix(kUtf8Bom.size());
  }
  if (text.empty()) throw InvalidInput("file is empty", file_location(file_label));
  table.delimiter = (delimiter == 0) ? detect_delimiter(text) : delimiter;

  RecordReader reader(text, file_label, table.delimiter);
  Record record;
  if (!reader.next(record))
    throw InvalidInput("file is empty (only blank lines, no header)", file_location(file_label));

  table.header_line = record.line;
  table.header.reserve(record.fields.size());
  std::unordered_map<std::string, std::size_t> seen;  // name -> 1-based column
  for (std::size_t j = 0; j < record.fields.size(); ++j) {
    std::string name(trim(record.fields[j]));
    const long column = to_long(j + 1);
    if (name.empty())
      throw InvalidInput(fmt::format("empty column name in header (column {})", column),
                         file_location(file_label, record.line, column));
    const auto [it, inserted] = seen.emplace(name, j + 1);
    if (!inserted)
      throw InvalidInput(fmt::format("duplicate column name '{}' in header (columns {} and {})",
                                     name, it->second, column),
                         file_location(file_label, record.line, column));
    table.header.push_back(std::move(name));
  }

  const std::size_t width = table.header.size();
  while (reader.next(record)) {
    if (record.fields.size() != width) {
      std::string hint;
      if (record.fields.size() > width)
        hint = fmt::format(" (a value containing the delimiter {} must be quoted)",
                           printable_delimiter(table.delimiter));
      throw InvalidInput(fmt::format("row has {} fields but the header has {}{}",
                                     record.fields.size(), width, hint),
                         file_location(file_label, record.line));
    }
    table.rows.push_back(std::move(record.fields));
    table.row_lines.push_back(record.line);
  }
  return table;
}

CsvTable read_csv(const std::filesystem::path& path, const CsvOptions& options) {
  const std::string label = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw InvalidInput("file not found", file_location(label));
  if (std::filesystem::is_directory(path, ec))
    throw InvalidInput("is a directory, not a CSV file", file_location(label));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InvalidInput(fmt::format("cannot open file ({})", std::strerror(errno)),
                       file_location(label));
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw InvalidInput("error while reading the file", file_location(label));

  DecodedText decoded = decode_text(bytes, options.encoding, label);
  CsvTable table = parse_csv(decoded.utf8, label, options.delimiter);
  table.encoding = std::move(decoded.encoding);
  table.had_bom = decoded.had_bom;
  return table;
}

Dataset table_to_dataset(const CsvTable& table, const CsvColumns& columns) {
  const std::string& file = table.file;
  if (columns.unit.empty())
    throw InvalidInput("table_to_dataset: no unit id column given", file_location(file));
  if (columns.indicators.empty())
    throw InvalidInput("table_to_dataset: no indicator columns given", file_location(file));
  for (std::size_t j = 0; j < columns.indicators.size(); ++j)
    for (std::size_t k = 0; k < j; ++k)
      if (columns.indicators[j] == columns.indicators[k])
        throw InvalidInput(fmt::format("table_to_dataset: indicator column '{}' is requested "
                                       "twice (positions {} and {})",
                                       columns.indicators[j], k + 1, j + 1),
                           file_location(file));

  const std::size_t unit_col = find_column(table, columns.unit, "unit id");
  const bool has_zh = !columns.name_zh.empty();
  const bool has_en = !columns.name_en.empty();
  const std::size_t zh_col = has_zh ? find_column(table, columns.name_zh, "name") : 0;
  const std::size_t en_col = has_en ? find_column(table, columns.name_en, "name") : 0;
  std::vector<std::size_t> ind_cols;
  ind_cols.reserve(columns.indicators.size());
  for (const std::string& name : columns.indicators)
    ind_cols.push_back(find_column(table, name, "indicator"));

  if (table.rows.empty())
    throw InvalidInput("no data rows (the file has only a header)",
                       file_location(file, table.header_line));

  const std::size_t n = table.rows.size();
  const std::size_t p = ind_cols.size();
  auto line_of = [&table](std::size_t i) {
    return i < table.row_lines.size() ? table.row_lines[i] : 0L;
  };
  auto cell_at = [&table, &line_of](std::size_t i, std::size_t c) {
    Location w = file_location(table.file, line_of(i), to_long(c + 1) + table.column_offset);
    w.cell_ref = table.cell_refs;
    return w;
  };
  const char* const lines_word = table.cell_refs ? "rows" : "lines";

  Dataset data;
  data.source_file = file;
  data.indicator_ids = columns.indicators;
  data.source_lines.reserve(n);
  for (std::size_t i = 0; i < n; ++i) data.source_lines.push_back(line_of(i));
  for (std::size_t c : ind_cols) data.source_columns.push_back(to_long(c + 1) + table.column_offset);

  data.unit_ids.reserve(n);
  std::unordered_map<std::string, long> first_line;  // unit id -> line where it occurs first
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<std::string>& row = table.rows[i];
    const Location where = cell_at(i, unit_col);
    std::string id(trim(row.at(unit_col)));
    if (id.empty())
      throw InvalidInput(fmt::format("empty unit id in column '{}'", columns.unit), where);
    const auto [it, inserted] = first_line.emplace(id, where.line);
    if (!inserted)
      throw InvalidInput(fmt::format("duplicate unit id '{}' in column '{}' ({} {} and {})", id,
                                     columns.unit, lines_word, it->second, where.line),
                         where);
    data.unit_ids.push_back(std::move(id));
    if (has_zh) data.unit_names_zh.emplace_back(trim(row.at(zh_col)));
    if (has_en) data.unit_names_en.emplace_back(trim(row.at(en_col)));
  }

  std::vector<std::string_view> missing;
  missing.reserve(columns.missing_tokens.size());
  for (const std::string& t : columns.missing_tokens) missing.push_back(trim(t));
  auto is_missing = [&missing](std::string_view cell) {
    for (std::string_view t : missing)
      if (cell == t) return true;
    return false;
  };

  data.values.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p));
  auto cell_name = [&cell_at](std::size_t i, std::size_t c) { return cell_at(i, c).to_string(); };
  for (std::size_t j = 0; j < p; ++j) {
    const std::size_t c = ind_cols[j];
    std::vector<std::string> errors_read, converted;  // cells read as missing / converted
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view cell = trim(table.rows[i].at(c));
      double value = std::numeric_limits<double>::quiet_NaN();
      if (!is_missing(cell)) {
        const CellNumber r = read_number(cell, columns.numbers);
        if (r.status == CellStatus::kOutOfRange)
          throw InvalidInput(
              fmt::format("value '{}' in column '{}' is outside the range of a "
                          "double (nonzero magnitudes run from about 4.9e-324 to 1.8e308)",
                          cell, table.header[c]),
              cell_at(i, c));
        if (r.status == CellStatus::kNotNumber)
          throw InvalidInput(fmt::format("non-numeric value '{}' in column '{}'{}", cell, table.header[c],
                                         r.hint.empty() ? fmt::format("; a missing value must be one of: {}",
                                                                      list_tokens(columns.missing_tokens))
                                                        : r.hint),
                             cell_at(i, c));
        if (r.status == CellStatus::kExcelError) errors_read.push_back(fmt::format("{} {}", cell_name(i, c), cell));
        if (r.status == CellStatus::kNumber) value = r.value;
        if (r.normalised) converted.push_back(fmt::format("{} '{}'", cell_name(i, c), cell));
      }
      data.values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = value;
    }
    auto listed = [](const std::vector<std::string>& v) {
      constexpr std::size_t kShown = 20;
      std::string out;
      for (std::size_t k = 0; k < std::min(v.size(), kShown); ++k) out += (k ? "; " : "") + v[k];
      if (v.size() > kShown) out += fmt::format("; ... ({} more)", v.size() - kShown);
      return out;
    };
    if (!errors_read.empty())
      data.warnings.push_back(fmt::format("column '{}': {} Excel error value(s) read as missing (data.excel_errors: "
                                          "missing): {}",
                                          table.header[c], errors_read.size(), listed(errors_read)));
    if (!converted.empty())
      data.warnings.push_back(fmt::format("column '{}': {} value(s) with full-width digits or a Unicode minus read as "
                                          "numbers: {}",
                                          table.header[c], converted.size(), listed(converted)));
  }
  return data;
}

std::string csv_quote(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out;
  out.reserve(field.size() + 2);
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace cikit
