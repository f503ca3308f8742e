#pragma once
/// \file csv_numeric.hpp
/// Fast path for large numeric CSV files (issue 17 item 3): read_csv + table_to_dataset in one
/// pass over the memory-mapped file, the numbers landing directly in the column-major double
/// matrix, with no per-cell string (today's CsvTable keeps every cell as a std::string).
///
/// Contract: read_csv_numeric either returns exactly what table_to_dataset(read_csv(path,
/// options), columns) returns (same values bit for bit, same ids, lines and columns), or
/// std::nullopt. It returns std::nullopt whenever anything is not plain: a file it cannot map,
/// an encoding other than UTF-8 (auto falls back when a byte is not valid UTF-8, i.e. a GBK
/// file), any structural problem (ragged row, unterminated quote, text after a closing quote,
/// empty or duplicated header name), a requested column not in the header, no data rows, an
/// empty or duplicated unit id, and any cell that is neither a missing token nor a number read
/// without a warning (Excel errors, full-width digits, non-numeric text). The caller then runs
/// the general reader, which reports the located error or the warnings exactly as before; so
/// errors and warnings never depend on which path ran.
///
/// Numbers: a cell (trimmed of spaces and tabs, quotes removed) is read by fast_float when it
/// starts with a digit, '.', '-' or one '+' and fast_float reads all of it to a normal double
/// (finite, nonzero, not subnormal); every other cell goes through parse_plain_number /
/// read_number (std::from_chars), whose accept/refuse decisions are the reference. Both round
/// correctly, so the bits are the same (tests/core/csv_numeric_test.cpp checks against strtod
/// and parse_plain_number).
///
/// Memory: the file is mapped read-only; pages already parsed are released as the pass moves
/// on (madvise MADV_DONTNEED), so the resident set is the matrix plus a window of the file.
/// The matrix is sized by a first count of non-blank lines (an upper bound of the rows: only a
/// quoted line break makes it larger than needed, and then the matrix is copied once to size).

#include <Eigen/Core>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "methods/core/csv.hpp"
#include "methods/core/dataset.hpp"

namespace cikit {

struct Spec;

/// What read_csv_numeric reads besides `columns` (unit, names, indicators).
struct CsvNumericExtra {
  /// Further numeric columns (e.g. denominators), read like indicator columns into `values`.
  std::vector<std::string> numeric;
  /// Further columns kept as text, each cell as CsvTable stores it (unquoted cells trimmed,
  /// quoted cells as written).
  std::vector<std::string> text;
};

struct CsvNumericTable {
  Dataset data;                               ///< as table_to_dataset(read_csv(...), columns)
  std::vector<std::string> header;            ///< as CsvTable::header
  Eigen::MatrixXd extra_values;               ///< rows = units, one column per extra.numeric
  std::vector<std::vector<std::string>> extra_text;  ///< one vector per extra.text, per row
  std::size_t bytes = 0;                      ///< size of the file in bytes
};

/// One-pass reader of a numeric CSV file into a Dataset (see the file comment for the contract).
/// @return std::nullopt when the general reader (read_csv + table_to_dataset) must run.
/// Complexity: O(file bytes) time, one pass plus a line count; memory: the n × k matrix plus
/// O(n) for ids and lines.
[[nodiscard]] std::optional<CsvNumericTable> read_csv_numeric(const std::filesystem::path& path,
                                                              const CsvOptions& options,
                                                              const CsvColumns& columns,
                                                              const CsvNumericExtra& extra = {});

/// load_data (spec.hpp) through read_csv_numeric: the spec's leaf columns as indicators, its
/// denominator columns as extra numeric columns (divided as load_data does), its
/// methods.treat.group column as extra text. Returns std::nullopt for a workbook and whenever
/// read_csv_numeric declines or a group label is empty; load_data then takes the general path,
/// which reports every error and warning as before.
[[nodiscard]] std::optional<Dataset> load_data_fast(const Spec& spec);

/// The number reader of the fast path (exposed for tests and benchmarks): true and `value` when
/// the trimmed cell `s` is a plain number that fast_float reads to a normal double; false
/// otherwise (the caller then asks parse_plain_number, the reference).
[[nodiscard]] bool fast_plain_number(std::string_view s, double& value);

}  // namespace cikit
