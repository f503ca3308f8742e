#include "methods/core/csv.hpp"

#include <fast_float/fast_float.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "methods/core/csv_numeric.hpp"
#include "methods/core/encoding.hpp"
#include "methods/core/error.hpp"
#include "methods/core/numbers.hpp"

namespace cikit {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// How many header names a "column not found" message lists before eliding the rest.
constexpr std::size_t kMaxListedColumns = 30;

/// Location in a file (built field by field: brace-initialising only the first members of
/// Location trips -Wmissing-field-initializers).
[[nodiscard]] Location file_location(const std::string& file, long line = 0, long column = 0) {
  Location where;
  where.file = file;
  where.line = line;
  where.column = column;
  return where;
}

[[nodiscard]] long to_long(std::size_t n) { return static_cast<long>(n); }

/// Removes leading and trailing spaces and tabs.
/// (A loop rather than find_first_not_of(" \t"), which calls memchr once per character.)
[[nodiscard]] std::string_view trim(std::string_view s) {
  std::size_t first = 0;
  std::size_t last = s.size();
  while (first < last && (s[first] == ' ' || s[first] == '\t')) ++first;
  while (last > first && (s[last - 1] == ' ' || s[last - 1] == '\t')) --last;
  return s.substr(first, last - first);
}

[[nodiscard]] std::string printable_delimiter(char d) {
  if (d == '\t') return "tab";
  return fmt::format("'{}'", d);
}

/// One CSV record with the file line where it starts.
struct Record {
  std::vector<std::string> fields;
  long line = 0;
};

/// RFC 4180 record reader over UTF-8 text. Tracks file lines (LF, CRLF and lone CR each end
/// one line, also inside quoted fields, where they are stored as '\n').
class RecordReader {
 public:
  RecordReader(std::string_view text, const std::string& file, char delimiter)
      : text_(text), file_(file), delimiter_(delimiter) {}

  /// Reads the next record, skipping blank lines; false at the end of the text.
  bool next(Record& record) {
    while (pos_ < text_.size() && is_line_end(text_[pos_])) skip_line_end();
    if (pos_ >= text_.size()) return false;
    record.fields.clear();
    record.line = line_;
    while (true) {
      record.fields.push_back(read_field(record.fields.size() + 1));
      if (pos_ >= text_.size()) return true;
      if (text_[pos_] == delimiter_) {
        ++pos_;
        continue;
      }
      skip_line_end();  // read_field stops only at a delimiter, a line end or the end
      return true;
    }
  }

  /// Offset just after the last record read, and the file line there (read_csv_numeric
  /// continues from here after the header).
  [[nodiscard]] std::size_t pos() const { return pos_; }
  [[nodiscard]] long line() const { return line_; }

 private:
  [[nodiscard]] static bool is_line_end(char c) { return c == '\n' || c == '\r'; }

  /// Space or tab that is not the delimiter (trimmed around fields).
  [[nodiscard]] bool is_pad(char c) const { return (c == ' ' || c == '\t') && c != delimiter_; }

  [[nodiscard]] bool at_field_end() const {
    return pos_ >= text_.size() || text_[pos_] == delimiter_ || is_line_end(text_[pos_]);
  }

  /// Consumes "\r\n", "\r" or "\n" at pos_ and counts the line.
  void skip_line_end() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  /// Reads one field (1-based index `column`), leaving pos_ at the delimiter, line end or
  /// end of text that follows it.
  std::string read_field(std::size_t column) {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_pad(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(column);
    pos_ = start;
    while (!at_field_end()) ++pos_;
    return std::string(trim(text_.substr(start, pos_ - start)));
  }

  std::string read_quoted(std::size_t column) {
    const long open_line = line_;
    ++pos_;  // opening quote
    std::string out;
    while (true) {
      if (pos_ >= text_.size())
        throw InvalidInput(
            fmt::format("unterminated quoted field: the quote that opens field {} is never "
                        "closed",
                        column),
            file_location(file_, open_line, to_long(column)));
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          out += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;  // closing quote
        break;
      }
      if (is_line_end(c)) {
        out += '\n';
        skip_line_end();
        continue;
      }
      out += c;
      ++pos_;
    }
    while (pos_ < text_.size() && is_pad(text_[pos_])) ++pos_;
    if (!at_field_end())
      throw InvalidInput(
          fmt::format("unexpected text after the closing quote of field {} (a quote inside a "
                      "quoted field must be doubled: \"\")",
                      column),
          file_location(file_, line_, to_long(column)));
    return out;
  }

  std::string_view text_;
  const std::string& file_;
  char delimiter_;
  std::size_t pos_ = 0;
  long line_ = 1;
};

/// The delimiter among ',', ';', '\t' that occurs most often outside quotes in the first
/// non-blank record; ties prefer the earlier one; ',' when none occurs.
[[nodiscard]] char detect_delimiter(std::string_view text) {
  constexpr std::array<char, 3> kCandidates{',', ';', '\t'};
  std::array<std::size_t, 3> counts{};
  std::size_t i = 0;
  while (i < text.size() && (text[i] == '\n' || text[i] == '\r')) ++i;
  bool quoted = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      quoted = !quoted;  // a doubled "" toggles twice, so stays inside
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted) {
      for (std::size_t k = 0; k < kCandidates.size(); ++k)
        if (c == kCandidates[k]) ++counts[k];
    }
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kCandidates.size(); ++k)
    if (counts[k] > counts[best]) best = k;
  return kCandidates[best];
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

// ---- Fast path for numeric files (csv_numeric.hpp) ----

namespace {

/// Read-only private mapping of a whole regular file. Pages behind the parse are released
/// with MADV_DONTNEED: they are clean file pages, so the kernel simply drops them (and would
/// read them again from the page cache if touched).
class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return;
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) return;
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (p == MAP_FAILED) return;
    data_ = static_cast<char*>(p);
    size_ = size;
    ::madvise(p, size_, MADV_SEQUENTIAL);
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
    if (fd_ >= 0) ::close(fd_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  [[nodiscard]] bool ok() const { return data_ != nullptr; }
  [[nodiscard]] std::string_view view() const { return {data_, size_}; }
  /// Releases the whole pages before byte `upto` (not yet released).
  void release_before(std::size_t upto) {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = upto / page * page;
    if (end <= released_) return;
    ::madvise(data_ + released_, end - released_, MADV_DONTNEED);
    released_ = end;
  }

 private:
  int fd_ = -1;
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t released_ = 0;
};

/// True if `s` is valid UTF-8 (as first_invalid_utf8, with an 8-bytes-at-a-time ASCII skip).
[[nodiscard]] bool valid_utf8(std::string_view s) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    while (i + 8 <= n) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & kHighBits) != 0) break;
      i += 8;
    }
    while (i < n && static_cast<unsigned char>(s[i]) < 0x80U) ++i;
    if (i >= n) break;
    std::size_t j = i;  // a run of non-ASCII bytes: no sequence crosses an ASCII byte
    while (j < n && static_cast<unsigned char>(s[j]) >= 0x80U) ++j;
    if (first_invalid_utf8(s.substr(i, j - i)) != std::string_view::npos) return false;
    i = j;
  }
  return true;
}

/// The missing-value tokens (trimmed, as table_to_dataset compares them), with a bit mask of
/// their lengths so that most numeric cells are ruled out by one test.
class MissingTokens {
 public:
  explicit MissingTokens(const std::vector<std::string>& tokens) {
    for (const std::string& t : tokens) {
      const std::string_view v = trim(t);
      tokens_.emplace_back(v);
      if (v.size() < 64) {
        lengths_ |= std::uint64_t{1} << v.size();
      } else {
        long_ = true;
      }
    }
  }
  [[nodiscard]] bool contains(std::string_view cell) const {
    if (cell.size() < 64 ? ((lengths_ >> cell.size()) & 1U) == 0 : !long_) return false;
    for (const std::string& t : tokens_)
      if (cell == t) return true;
    return false;
  }

 private:
  std::vector<std::string> tokens_;
  std::uint64_t lengths_ = 0;
  bool long_ = false;
};

/// The value table_to_dataset gives a trimmed cell, when it gives one without an error or a
/// warning; false otherwise (the general reader then reports it).
[[nodiscard]] bool numeric_cell(std::string_view cell, const MissingTokens& missing,
                                const NumberOptions& numbers, double& out) {
  if (missing.contains(cell)) {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (fast_plain_number(cell, out)) return true;
  // A cell parse_plain_number reads is read the same by read_number (no Excel error, nothing
  // to convert, no '%', no ',' and no grouping to strip), so this is table_to_dataset's value.
  if (parse_plain_number(cell, out) == 0) return true;
  const CellNumber r = read_number(cell, numbers);
  if (r.status != CellStatus::kNumber || r.normalised) return false;
  out = r.value;
  return true;
}

/// The number fast_float reads at the start of [p, end), under the rules of fast_plain_number:
/// returns where it stops and sets `value`, or nullptr when the text must go to the reference
/// path (no number, or a result that is not normal and not an exact zero).
[[nodiscard]] inline const char* number_prefix(const char* p, const char* end, double& value) {
  const char* const begin = p;
  if (p == end) return nullptr;
  if (*p == '+') {  // parse_plain_number allows one leading '+'
    ++p;
    if (p == end) return nullptr;
  }
  // fast_float 3.x skips leading white space and std::from_chars does not: start on a digit,
  // '.' or '-' only ("+-1" is refused by both).
  const char c = *p;
  if (!((c >= '0' && c <= '9') || c == '.' || (c == '-' && p == begin))) return nullptr;
  double v = 0;
  const auto r = fast_float::from_chars(p, end, v, fast_float::chars_format::general);
  if (r.ec != std::errc{}) return nullptr;
  if (!std::isnormal(v)) {
    // Zero only when every character read is a 0, '.' or '-' (an underflow such as 1e-400,
    // which std::from_chars reports as out of range, goes to the reference path); subnormals,
    // infinities and NaN always do.
    for (const char* q = p; q < r.ptr; ++q)
      if (*q != '0' && *q != '.' && *q != '-') return nullptr;
  }
  value = v;
  return r.ptr;
}

/// Upper bound of the records in text[from, end): lines that hold at least one character
/// (every record starts at such a line start; a quoted line break only adds extra ones).
/// A line start is `from` itself or a character after a '\n' or '\r' that is not one of them;
/// the line ends are found with memchr (vectorised in glibc), 16 MB at a time, and the pages
/// counted are released.
[[nodiscard]] std::size_t count_line_starts(std::string_view text, std::size_t from, MappedFile& file,
                                            std::size_t base) {
  constexpr std::size_t kChunk = std::size_t{16} << 20;
  const char* const t = text.data();
  const char* const end = t + text.size();
  auto is_end = [](char c) { return c == '\n' || c == '\r'; };
  std::size_t count = (from < text.size() && !is_end(t[from])) ? 1 : 0;
  for (std::size_t lo = from; lo < text.size(); lo += kChunk) {
    const std::size_t hi = std::min(text.size(), lo + kChunk);
    for (const char line_end : {'\n', '\r'}) {
      const char* p = t + lo;
      while (p < t + hi) {
        const void* hit = std::memchr(p, line_end, static_cast<std::size_t>(t + hi - p));
        if (hit == nullptr) break;
        p = static_cast<const char*>(hit) + 1;
        if (p < end && !is_end(*p)) ++count;
      }
    }
    file.release_before(base + hi);
  }
  return count;
}

/// A cell of a column the caller wants as text.
struct TextDestination {
  std::vector<std::string>* cells;
  bool trimmed;  ///< trim spaces and tabs (unit ids and names, as table_to_dataset does)
};

}  // namespace

bool fast_plain_number(std::string_view s, double& value) {
  const char* const end = s.data() + s.size();
  return number_prefix(s.data(), end, value) == end;
}

std::optional<CsvNumericTable> read_csv_numeric(const std::filesystem::path& path,
                                                const CsvOptions& options,
                                                const CsvColumns& columns,
                                                const CsvNumericExtra& extra) {
  std::string encoding = options.encoding;
  for (char& ch : encoding) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (encoding != "auto" && encoding != "utf-8" && encoding != "utf8") return std::nullopt;
  const char given = options.delimiter;
  if (given == '"' || given == '\n' || given == '\r') return std::nullopt;
  if (columns.unit.empty() || columns.indicators.empty()) return std::nullopt;

  MappedFile file(path);
  if (!file.ok()) return std::nullopt;
  std::string_view text = file.view();
  std::size_t base = 0;  // offset of `text` in the mapping
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    text.remove_prefix(kUtf8Bom.size());
    base = kUtf8Bom.size();
  }
  if (text.empty()) return std::nullopt;
  const char delimiter = given == 0 ? detect_delimiter(text) : given;
  const std::string label = path.string();

  CsvNumericTable out;
  std::size_t pos = 0;
  long line = 1;
  {
    RecordReader reader(text, label, delimiter);
    Record record;
    try {
      if (!reader.next(record)) return std::nullopt;
    } catch (const InvalidInput&) {
      return std::nullopt;
    }
    pos = reader.pos();
    line = reader.line();
    if (!valid_utf8(text.substr(0, pos))) return std::nullopt;  // a GBK header: general reader
    std::unordered_set<std::string> seen;
    for (const std::string& f : record.fields) {
      std::string name(trim(f));
      if (name.empty() || !seen.insert(name).second) return std::nullopt;
      out.header.push_back(std::move(name));
    }
  }
  const std::size_t width = out.header.size();
  auto column_of = [&out](const std::string& name) -> std::optional<std::size_t> {
    for (std::size_t j = 0; j < out.header.size(); ++j)
      if (out.header[j] == name) return j;
    return std::nullopt;
  };

  // Numeric slots: indicators 0..p-1, then the extra numeric columns not already a slot.
  const std::size_t p = columns.indicators.size();
  std::vector<long> slot(width, -1);
  std::vector<std::size_t> indicator_columns;
  for (std::size_t k = 0; k < p; ++k) {
    const auto c = column_of(columns.indicators[k]);
    if (!c || slot[*c] >= 0) return std::nullopt;  // not found / requested twice
    slot[*c] = static_cast<long>(k);
    indicator_columns.push_back(*c);
  }
  std::vector<std::size_t> extra_slot;  // slot of extra.numeric[e]
  std::size_t n_slots = p;
  for (const std::string& name : extra.numeric) {
    const auto c = column_of(name);
    if (!c) return std::nullopt;
    if (slot[*c] < 0) slot[*c] = static_cast<long>(n_slots++);
    extra_slot.push_back(static_cast<std::size_t>(slot[*c]));
  }
  // Text columns.
  std::vector<std::vector<TextDestination>> text_to(width);
  const auto unit_column = column_of(columns.unit);
  if (!unit_column) return std::nullopt;
  text_to[*unit_column].push_back({&out.data.unit_ids, true});
  if (!columns.name_zh.empty()) {
    const auto c = column_of(columns.name_zh);
    if (!c) return std::nullopt;
    text_to[*c].push_back({&out.data.unit_names_zh, true});
  }
  if (!columns.name_en.empty()) {
    const auto c = column_of(columns.name_en);
    if (!c) return std::nullopt;
    text_to[*c].push_back({&out.data.unit_names_en, true});
  }
  out.extra_text.resize(extra.text.size());
  for (std::size_t e = 0; e < extra.text.size(); ++e) {
    const auto c = column_of(extra.text[e]);
    if (!c) return std::nullopt;
    text_to[*c].push_back({&out.extra_text[e], false});
  }

  const std::size_t rows_max = count_line_starts(text, pos, file, base);
  if (rows_max == 0) return std::nullopt;  // no data rows: the general reader says so
  // Column-major, uninitialised: pages become resident only as rows are written.
  Eigen::MatrixXd values(static_cast<Eigen::Index>(rows_max), static_cast<Eigen::Index>(n_slots));
  std::vector<double*> column_data(n_slots);
  for (std::size_t s = 0; s < n_slots; ++s) column_data[s] = values.data() + s * rows_max;
  std::vector<long> row_lines;
  row_lines.reserve(rows_max);

  const MissingTokens missing(columns.missing_tokens);
  // Numbers are read in place (before the field's end is known) when no character of a number
  // can be the delimiter and no missing token is itself read as a number ("-999").
  bool fused = delimiter == ',' || delimiter == ';' || delimiter == '\t' || delimiter == '|';
  for (const std::string& token : columns.missing_tokens) {
    double ignored = 0;
    if (fast_plain_number(trim(token), ignored)) fused = false;
  }
  const char* const t = text.data();
  const std::size_t size = text.size();
  auto is_line_end = [](char c) { return c == '\n' || c == '\r'; };
  auto is_pad = [delimiter](char c) { return (c == ' ' || c == '\t') && c != delimiter; };
  auto skip_line_end = [&]() {
    if (t[pos] == '\r' && pos + 1 < size && t[pos + 1] == '\n') ++pos;
    ++pos;
    ++line;
  };
  constexpr std::size_t kWindow = std::size_t{16} << 20;  // bytes checked and released at once
  std::size_t checked = 0;                                // UTF-8 checked up to here
  std::string quoted;
  std::size_t n = 0;
  while (true) {
    while (pos < size && is_line_end(t[pos])) skip_line_end();
    if (pos >= size) break;
    if (pos - checked >= kWindow) {  // a record start follows a line end: an ASCII boundary
      if (!valid_utf8(text.substr(checked, pos - checked))) return std::nullopt;
      checked = pos;
      file.release_before(base + pos);
    }
    if (n >= rows_max) return std::nullopt;  // cannot happen (rows_max is an upper bound)
    row_lines.push_back(line);
    std::size_t field = 0;
    while (true) {
      if (field >= width) return std::nullopt;  // ragged row
      if (fused && slot[field] >= 0 && text_to[field].empty()) {
        // A plain number ended by the delimiter, a line end or the end of the text: the cell is
        // exactly that number (no pads, no quote), so read it in place.
        double v = 0;
        const char* q = number_prefix(t + pos, t + size, v);
        if (q != nullptr && (q == t + size || *q == delimiter || is_line_end(*q))) {
          column_data[static_cast<std::size_t>(slot[field])][n] = v;
          pos = static_cast<std::size_t>(q - t);
          ++field;
          if (pos >= size) break;
          if (t[pos] == delimiter) {
            ++pos;
            continue;
          }
          skip_line_end();
          break;
        }
      }
      const std::size_t start = pos;
      while (pos < size && is_pad(t[pos])) ++pos;
      std::string_view cell;
      if (pos < size && t[pos] == '"') {  // quoted field, as RecordReader::read_quoted
        ++pos;
        quoted.clear();
        while (true) {
          if (pos >= size) return std::nullopt;  // unterminated quote
          const char c = t[pos];
          if (c == '"') {
            if (pos + 1 < size && t[pos + 1] == '"') {
              quoted += '"';
              pos += 2;
              continue;
            }
            ++pos;
            break;
          }
          if (is_line_end(c)) {
            quoted += '\n';
            skip_line_end();
            continue;
          }
          quoted += c;
          ++pos;
        }
        while (pos < size && is_pad(t[pos])) ++pos;
        if (pos < size && t[pos] != delimiter && !is_line_end(t[pos])) return std::nullopt;
        cell = quoted;
      } else {
        while (pos < size && t[pos] != delimiter && !is_line_end(t[pos])) ++pos;
        cell = trim(text.substr(start, pos - start));
      }
      if (slot[field] >= 0) {
        double v = 0;
        if (!numeric_cell(trim(cell), missing, columns.numbers, v)) return std::nullopt;
        column_data[static_cast<std::size_t>(slot[field])][n] = v;
      }
      for (const TextDestination& d : text_to[field]) d.cells->emplace_back(d.trimmed ? trim(cell) : cell);
      ++field;
      if (pos >= size) break;
      if (t[pos] == delimiter) {
        ++pos;
        continue;
      }
      skip_line_end();
      break;
    }
    if (field != width) return std::nullopt;  // ragged row
    ++n;
  }
  if (!valid_utf8(text.substr(checked))) return std::nullopt;
  if (n == 0) return std::nullopt;

  // Unit ids: none empty, none twice (else the general reader names the lines).
  {
    std::unordered_set<std::string_view> ids;
    ids.reserve(n);
    for (const std::string& id : out.data.unit_ids)
      if (id.empty() || !ids.insert(id).second) return std::nullopt;
  }

  const auto rows = static_cast<Eigen::Index>(n);
  if (n < rows_max) values = values.topRows(rows).eval();  // only after quoted line breaks
  Dataset& data = out.data;
  data.source_file = label;
  data.indicator_ids = columns.indicators;
  data.source_lines = std::move(row_lines);
  for (std::size_t c : indicator_columns) data.source_columns.push_back(to_long(c + 1));
  out.extra_values.resize(rows, static_cast<Eigen::Index>(extra_slot.size()));
  for (std::size_t e = 0; e < extra_slot.size(); ++e)
    out.extra_values.col(static_cast<Eigen::Index>(e)) = values.col(static_cast<Eigen::Index>(extra_slot[e]));
  if (n_slots > p) values.conservativeResize(Eigen::NoChange, static_cast<Eigen::Index>(p));
  data.values = std::move(values);
  out.bytes = file.view().size();
  return out;
}

}  // namespace cikit
