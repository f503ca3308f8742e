#pragma once
/// \file csv.hpp
/// CSV reader: RFC 4180 quoting; comma, semicolon or tab delimiters (detected or given);
/// UTF-8 with or without BOM, and GBK/GB18030 as saved by Chinese Excel (see encoding.hpp).
///
/// Conventions
/// - Lines are counted in the *file* (1-based), so a quoted field spanning lines keeps the
///   numbering right; columns are 1-based field positions.
/// - Line endings: LF, CRLF and lone CR are accepted.
/// - Blank lines (no characters at all) are skipped; a line of only delimiters is a row.
/// - Delimiter detection (delimiter == 0): among ',', ';', '\t', the one that occurs most
///   often outside quotes in the header line; ties prefer ',' then ';' then '\t'.
/// - Every row must have exactly as many fields as the header (else "ragged row" error).
/// - Spaces are allowed before an opening and after a closing quote; other text after a closing
///   quote is an error. A line break inside quotes is stored as '\n'.
/// - Header names are trimmed (even when quoted); quoted cells keep their spaces in CsvTable and
///   table_to_dataset trims them. A delimiter of '"' or a line break is rejected.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/numbers.hpp"

namespace cikit {

struct CsvOptions {
  /// "auto" (UTF-8 if the bytes are valid UTF-8, else GBK/GB18030), "utf-8", or "gbk".
  std::string encoding = "auto";
  /// Field delimiter; 0 = detect from the header line (',', ';' or '\t').
  char delimiter = 0;
};

/// A parsed CSV file: header and rows of text cells (UTF-8), with their file positions.
struct CsvTable {
  std::string file;                             ///< path as given (for messages)
  std::string encoding;                         ///< encoding actually used: "utf-8" or "gbk"
  bool had_bom = false;                         ///< a UTF-8 BOM was present (and removed)
  char delimiter = ',';                         ///< delimiter actually used
  std::vector<std::string> header;              ///< column names (trimmed)
  long header_line = 1;                         ///< file line of the header
  std::vector<std::vector<std::string>> rows;   ///< cells, each row header.size() long
  std::vector<long> row_lines;                  ///< file line where each row starts
  /// Read from a worksheet (methods/core/xlsx.hpp): row_lines are sheet rows and locations
  /// print as cells ("book.xlsx[Sheet]!C17"); field j sits in sheet column j + 1 + column_offset.
  bool cell_refs = false;
  long column_offset = 0;
};

/// Reads and parses a CSV file.
/// @throws InvalidInput (with file:line:column) if the file cannot be opened, is empty,
///         has an undecodable byte, an unterminated quote, a ragged row, an empty or
///         duplicated header name.
[[nodiscard]] CsvTable read_csv(const std::filesystem::path& path, const CsvOptions& options = {});

/// Parses CSV text that is already UTF-8 (BOM allowed). `file_label` is used in messages.
[[nodiscard]] CsvTable parse_csv(std::string_view text, const std::string& file_label,
                                 char delimiter = 0);

/// What to build a Dataset from: which columns hold the unit id, names and indicators.
struct CsvColumns {
  std::string unit;                     ///< unit id column (required)
  std::string name_zh;                  ///< optional display-name columns
  std::string name_en;
  std::vector<std::string> indicators;  ///< indicator columns, in the order wanted
  /// Cells equal to one of these (after trimming spaces) are missing (NaN).
  std::vector<std::string> missing_tokens = {"", "NA", "N/A", "NaN", "nan", "null", "NULL",
                                             ".", "-", "--", "—", ".."};
  /// Opt-in readings of messy numbers (thousands separators, percent signs, Excel errors).
  NumberOptions numbers;
};

/// Converts a parsed table into a Dataset (rows = units in file order, columns in
/// `columns.indicators` order). Numbers are parsed with std::from_chars (C locale: '.' decimal
/// point, optional exponent, leading '+' allowed); surrounding spaces are ignored.
/// @throws InvalidInput naming file:line:column for a missing column, an empty or duplicated
///         unit id, a non-numeric cell (with hints for "1,234" and "12%"), a number outside the
///         range of double ("1e999"), a table with no data rows; and for an empty unit column
///         name, an empty indicator list or an indicator column requested twice.
[[nodiscard]] Dataset table_to_dataset(const CsvTable& table, const CsvColumns& columns);

/// Quotes one CSV field for writing (RFC 4180): returned as is unless it contains a comma, a
/// double quote, CR or LF; then wrapped in double quotes with inner quotes doubled.
[[nodiscard]] std::string csv_quote(std::string_view field);

}  // namespace cikit
