#include "methods/core/csv_numeric.hpp"

#include <fast_float/fast_float.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <omp.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <system_error>
#include <unordered_set>
#include <utility>

#include "methods/core/detail/csv_records.hpp"
#include "methods/core/encoding.hpp"
#include "methods/core/error.hpp"
#include "methods/core/memory_table.hpp"
#include "methods/core/numbers.hpp"
#include "methods/core/spec.hpp"

namespace cikit {

namespace {

using csv_detail::detect_delimiter;
using csv_detail::kUtf8Bom;
using csv_detail::Record;
using csv_detail::RecordReader;
using csv_detail::to_long;
using csv_detail::trim;

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
  /// Releases the whole pages inside [lo, hi) (thread-safe: no state).
  void release_range(std::size_t lo, std::size_t hi) const {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t first = (lo + page - 1) / page * page;
    const std::size_t last = hi / page * page;
    if (last > first) ::madvise(data_ + first, last - first, MADV_DONTNEED);
  }
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
/// counted are released. `any_quote` tells whether a '"' occurs in the range.
[[nodiscard]] std::size_t count_line_starts(std::string_view text, std::size_t from, MappedFile& file,
                                            std::size_t base, bool& any_quote) {
  any_quote = false;
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
    any_quote = any_quote || std::memchr(t + lo, '"', hi - lo) != nullptr;
    file.release_before(base + hi);
  }
  return count;
}

/// Records and line breaks in text[lo, hi) of a file without quotes: records are line starts
/// (a character that is not a line end after one that is; text[lo - 1] must exist), line breaks
/// are '\n' and lone '\r' (CRLF counts once, as RecordReader counts lines).
struct BlockCounts {
  std::size_t records = 0;
  long lines = 0;
};

[[nodiscard]] BlockCounts count_block(const char* t, std::size_t lo, std::size_t hi, std::size_t size) {
  auto is_end = [](char c) { return c == '\n' || c == '\r'; };
  BlockCounts c;
  if (lo < hi && !is_end(t[lo]) && is_end(t[lo - 1])) ++c.records;
  for (const char line_end : {'\n', '\r'}) {
    const char* p = t + lo;
    while (p < t + hi) {
      const void* hit = std::memchr(p, line_end, static_cast<std::size_t>(t + hi - p));
      if (hit == nullptr) break;
      const auto i = static_cast<std::size_t>(static_cast<const char*>(hit) - t);
      p = t + i + 1;
      if (i + 1 < hi && !is_end(t[i + 1])) ++c.records;
      if (line_end == '\n' || i + 1 >= size || t[i + 1] != '\n') ++c.lines;
    }
  }
  return c;
}

/// A cell of a column the caller wants as text: which output vector, and whether trimmed.
struct TextDestination {
  std::size_t index;
  bool trimmed;  ///< trim spaces and tabs (unit ids and names, as table_to_dataset does)
};

/// Files smaller than this are parsed by one thread (starting threads costs more).
constexpr std::size_t kMinParallelBytes = std::size_t{4} << 20;

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
  // Text columns: destination 0 = unit ids, then the names asked for, then extra.text.
  std::vector<std::vector<TextDestination>> text_to(width);
  std::size_t n_text = 0;
  const auto unit_column = column_of(columns.unit);
  if (!unit_column) return std::nullopt;
  text_to[*unit_column].push_back({n_text++, true});
  std::optional<std::size_t> zh_dest, en_dest;
  if (!columns.name_zh.empty()) {
    const auto c = column_of(columns.name_zh);
    if (!c) return std::nullopt;
    zh_dest = n_text;
    text_to[*c].push_back({n_text++, true});
  }
  if (!columns.name_en.empty()) {
    const auto c = column_of(columns.name_en);
    if (!c) return std::nullopt;
    en_dest = n_text;
    text_to[*c].push_back({n_text++, true});
  }
  const std::size_t extra_dest = n_text;
  for (const std::string& name : extra.text) {
    const auto c = column_of(name);
    if (!c) return std::nullopt;
    text_to[*c].push_back({n_text++, false});
  }

  bool any_quote = false;
  const std::size_t rows_max = count_line_starts(text, pos, file, base, any_quote);
  if (rows_max == 0) return std::nullopt;  // no data rows: the general reader says so
  // Column-major, uninitialised: pages become resident only as rows are written.
  Eigen::MatrixXd values(static_cast<Eigen::Index>(rows_max), static_cast<Eigen::Index>(n_slots));
  std::vector<double*> column_data(n_slots);
  for (std::size_t s = 0; s < n_slots; ++s) column_data[s] = values.data() + s * rows_max;
  std::vector<long> row_lines(rows_max);

  const MissingTokens missing(columns.missing_tokens);
  // Numbers are read in place (before the field's end is known) when no character of a number
  // can be the delimiter and no missing token is itself read as a number ("-999").
  bool fused = delimiter == ',' || delimiter == ';' || delimiter == '\t' || delimiter == '|';
  for (const std::string& token : columns.missing_tokens) {
    double ignored = 0;
    if (fast_plain_number(trim(token), ignored)) fused = false;
  }
  const char* const t = text.data();
  auto is_line_end = [](char c) { return c == '\n' || c == '\r'; };
  auto is_pad = [delimiter](char c) { return (c == ' ' || c == '\t') && c != delimiter; };

  /// Parses the records in text[begin, size), the first being row `first_row` on file line
  /// `first_line`; cells of text columns go to `texts`. False when the general reader must run.
  /// `rows` receives the number of records read.
  auto parse_range = [&](std::size_t begin, const std::size_t size, std::size_t first_row, long first_line,
                         std::vector<std::vector<std::string>>& texts, std::size_t& rows) -> bool {
    std::size_t at = begin;
    long at_line = first_line;
    auto skip_line_end = [&]() {
      if (t[at] == '\r' && at + 1 < size && t[at + 1] == '\n') ++at;
      ++at;
      ++at_line;
    };
    constexpr std::size_t kWindow = std::size_t{16} << 20;  // bytes checked and released at once
    std::size_t checked = begin;                            // UTF-8 checked up to here
    std::string quoted;
    std::size_t n = first_row;
    while (true) {
      while (at < size && is_line_end(t[at])) skip_line_end();
      if (at >= size) break;
      if (at - checked >= kWindow) {  // a record start follows a line end: an ASCII boundary
        if (!valid_utf8(text.substr(checked, at - checked))) return false;
        file.release_range(base + checked, base + at);
        checked = at;
      }
      if (n >= rows_max) return false;  // cannot happen (rows_max is an upper bound)
      row_lines[n] = at_line;
      std::size_t field = 0;
      while (true) {
        if (field >= width) return false;  // ragged row
        if (fused && slot[field] >= 0 && text_to[field].empty()) {
          // A plain number ended by the delimiter, a line end or the end of the text: the cell
          // is exactly that number (no pads, no quote), so read it in place.
          double v = 0;
          const char* q = number_prefix(t + at, t + size, v);
          if (q != nullptr && (q == t + size || *q == delimiter || is_line_end(*q))) {
            column_data[static_cast<std::size_t>(slot[field])][n] = v;
            at = static_cast<std::size_t>(q - t);
            ++field;
            if (at >= size) break;
            if (t[at] == delimiter) {
              ++at;
              continue;
            }
            skip_line_end();
            break;
          }
        }
        const std::size_t start = at;
        while (at < size && is_pad(t[at])) ++at;
        std::string_view cell;
        if (at < size && t[at] == '"') {  // quoted field, as RecordReader::read_quoted
          ++at;
          quoted.clear();
          while (true) {
            if (at >= size) return false;  // unterminated quote
            const char c = t[at];
            if (c == '"') {
              if (at + 1 < size && t[at + 1] == '"') {
                quoted += '"';
                at += 2;
                continue;
              }
              ++at;
              break;
            }
            if (is_line_end(c)) {
              quoted += '\n';
              skip_line_end();
              continue;
            }
            quoted += c;
            ++at;
          }
          while (at < size && is_pad(t[at])) ++at;
          if (at < size && t[at] != delimiter && !is_line_end(t[at])) return false;
          cell = quoted;
        } else {
          while (at < size && t[at] != delimiter && !is_line_end(t[at])) ++at;
          cell = trim(text.substr(start, at - start));
        }
        if (slot[field] >= 0) {
          double v = 0;
          if (!numeric_cell(trim(cell), missing, columns.numbers, v)) return false;
          column_data[static_cast<std::size_t>(slot[field])][n] = v;
        }
        for (const TextDestination& d : text_to[field]) texts[d.index].emplace_back(d.trimmed ? trim(cell) : cell);
        ++field;
        if (at >= size) break;
        if (t[at] == delimiter) {
          ++at;
          continue;
        }
        skip_line_end();
        break;
      }
      if (field != width) return false;  // ragged row
      ++n;
    }
    if (!valid_utf8(text.substr(checked, size - checked))) return false;
    file.release_range(base + checked, base + size);
    rows = n - first_row;
    return true;
  };

  // Row blocks: without any quote every line start is a record start, so the data split at
  // line starts into one block per thread, each block's first row and file line known from
  // counts; every cell is parsed by the same code whichever thread reads it, so the result does
  // not depend on the number of threads. With a quote, one block.
  const std::size_t size = text.size();
  std::size_t blocks = 1;
  if (!any_quote && size - pos >= kMinParallelBytes)
    blocks = static_cast<std::size_t>(std::max(1, omp_get_max_threads()));
  std::vector<std::size_t> bound(blocks + 1, size);
  bound[0] = pos;
  for (std::size_t b = 1; b < blocks; ++b) {
    std::size_t k = std::max(bound[b - 1], pos + (size - pos) / blocks * b);
    while (k < size && !is_line_end(t[k])) ++k;  // to the end of that line,
    while (k < size && is_line_end(t[k])) ++k;   // then past its line breaks: a line start
    bound[b] = k;
  }
  std::vector<std::size_t> first_row(blocks, 0);
  std::vector<long> first_line(blocks, line);
  std::vector<BlockCounts> counts(blocks);
  if (blocks > 1) {
#pragma omp parallel for schedule(static, 1) num_threads(static_cast<int>(blocks))
    for (std::size_t b = 0; b < blocks; ++b) counts[b] = count_block(t, bound[b], bound[b + 1], size);
    for (std::size_t b = 1; b < blocks; ++b) {
      first_row[b] = first_row[b - 1] + counts[b - 1].records;
      first_line[b] = first_line[b - 1] + counts[b - 1].lines;
    }
  }
  std::vector<std::vector<std::vector<std::string>>> texts(blocks, std::vector<std::vector<std::string>>(n_text));
  std::vector<std::size_t> block_rows(blocks, 0);
  std::vector<char> ok(blocks, 0);
#pragma omp parallel for schedule(static, 1) num_threads(static_cast<int>(blocks)) if (blocks > 1)
  for (std::size_t b = 0; b < blocks; ++b) {
    try {
      ok[b] = parse_range(bound[b], bound[b + 1], first_row[b], first_line[b], texts[b], block_rows[b]) ? 1 : 0;
    } catch (...) {  // e.g. bad_alloc: nothing may leave a parallel region; the general reader reports
      ok[b] = 0;
    }
  }
  std::size_t n = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    if (!ok[b]) return std::nullopt;
    if (blocks > 1 && block_rows[b] != counts[b].records) return std::nullopt;  // cannot happen without quotes
    n += block_rows[b];
  }
  if (n == 0) return std::nullopt;
  row_lines.resize(n);
  std::vector<std::vector<std::string>> all_text(n_text);
  for (std::size_t d = 0; d < n_text; ++d) {
    all_text[d].reserve(n);
    for (std::size_t b = 0; b < blocks; ++b)
      for (std::string& cell : texts[b][d]) all_text[d].push_back(std::move(cell));
  }
  texts.clear();
  out.data.unit_ids = std::move(all_text[0]);
  if (zh_dest) out.data.unit_names_zh = std::move(all_text[*zh_dest]);
  if (en_dest) out.data.unit_names_en = std::move(all_text[*en_dest]);
  out.extra_text.resize(extra.text.size());
  for (std::size_t e = 0; e < extra.text.size(); ++e) out.extra_text[e] = std::move(all_text[extra_dest + e]);

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

/// load_data through the one-pass numeric reader (csv_numeric.hpp): the same Dataset, or
/// std::nullopt whenever the general path must run (any error, any warning, a workbook).
std::optional<Dataset> load_data_fast(const Spec& spec) {
  const auto& d = spec.data;
  if (is_excel_path(d.file)) return std::nullopt;
  CsvColumns cols = d.columns;
  cols.indicators.clear();
  for (int leaf : spec.tree.leaves()) cols.indicators.push_back(spec.tree.node(leaf).column);
  CsvNumericExtra extra;
  for (int leaf : spec.tree.leaves()) {
    const Node& n = spec.tree.node(leaf);
    if (!n.denominator.empty()) extra.numeric.push_back(n.denominator);
  }
  if (!spec.config.treat.group.empty()) extra.text.push_back(spec.config.treat.group);
  std::optional<CsvNumericTable> read = read_csv_numeric(d.file, d.csv, cols, extra);
  if (!read) return std::nullopt;
  Dataset data = std::move(read->data);
  if (!spec.config.treat.group.empty()) {
    for (std::string& label : read->extra_text[0]) {
      label.erase(0, label.find_first_not_of(' '));
      label.erase(label.find_last_not_of(' ') + 1);
      if (label.empty()) return std::nullopt;  // the general path names the unit and line
    }
    data.unit_groups = std::move(read->extra_text[0]);
  }
  for (std::size_t j = 0; j < spec.tree.leaves().size(); ++j)
    data.indicator_ids[j] = spec.tree.node(spec.tree.leaves()[j]).id;
  Eigen::Index e = 0;  // denominators, in leaf order as apply_denominators
  for (std::size_t j = 0; j < spec.tree.leaves().size(); ++j) {
    const Node& n = spec.tree.node(spec.tree.leaves()[j]);
    if (n.denominator.empty()) continue;
    divide_by_denominator(n, static_cast<Eigen::Index>(j), read->extra_values.col(e++), data);
  }
  return data;
}

}  // namespace cikit
