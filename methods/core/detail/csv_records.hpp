#pragma once
/// \file detail/csv_records.hpp
/// The record reader shared by the general CSV reader (csv.cpp) and the one-pass numeric reader
/// (csv_numeric.cpp): RFC 4180 records with file lines, delimiter detection, trimming. Private to
/// methods/core (not installed).

#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/error.hpp"

namespace cikit::csv_detail {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// Location in a file (built field by field: brace-initialising only the first members of
/// Location trips -Wmissing-field-initializers).
[[nodiscard]] inline Location file_location(const std::string& file, long line = 0, long column = 0) {
  Location where;
  where.file = file;
  where.line = line;
  where.column = column;
  return where;
}

[[nodiscard]] inline long to_long(std::size_t n) { return static_cast<long>(n); }

/// Removes leading and trailing spaces and tabs.
/// (A loop rather than find_first_not_of(" \t"), which calls memchr once per character.)
[[nodiscard]] inline std::string_view trim(std::string_view s) {
  std::size_t first = 0;
  std::size_t last = s.size();
  while (first < last && (s[first] == ' ' || s[first] == '\t')) ++first;
  while (last > first && (s[last - 1] == ' ' || s[last - 1] == '\t')) --last;
  return s.substr(first, last - first);
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
[[nodiscard]] inline char detect_delimiter(std::string_view text) {
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

}  // namespace cikit::csv_detail
