#pragma once
/// \file error.hpp
/// cikit's error types (ARCHITECTURE.md "Errors", STYLE.md 7.3).
///
/// - `InvalidInput` (from std::invalid_argument): shape, size, parse, missing values.
/// - `DomainError`  (from std::domain_error): degenerate or out-of-domain data
///   (constant indicator, zero range, singular matrix).
/// - `InternalError` (from std::logic_error): a postcondition failed (e.g. a NaN escaped);
///   always a bug in cikit.
/// Each carries a `Location` saying where the problem is (file:line:column, data row/column,
/// indicator, node). `what()` is the complete one-line message, location first.
/// Statistical verdicts (low KMO, AHP CR > 0.1) are never errors: they go to result warnings.

#include <stdexcept>
#include <string>

namespace cikit {

/// Where an error was found. Empty fields are omitted from the printed form.
struct Location {
  std::string file;       ///< file path as given by the user
  long line = 0;          ///< 1-based line in `file` (0 = unknown)
  long column = 0;        ///< 1-based column (characters for YAML, fields for CSV; 0 = unknown)
  std::string indicator;  ///< indicator (leaf) id
  std::string node;       ///< tree node id
  std::string unit;       ///< unit (row) id
  /// A worksheet cell: `file` is "book.xlsx[Sheet]", line the sheet row, column the sheet
  /// column; printed as "book.xlsx[Sheet]!C17".
  bool cell_ref = false;

  /// "file:line:column" (as far as known), then "indicator 'x'", "node 'y'", "unit 'z'".
  [[nodiscard]] std::string to_string() const;
  [[nodiscard]] bool empty() const;
};

/// Formats "LOCATION: message" (or just "message" when the location is empty).
[[nodiscard]] std::string with_location(const Location& where, const std::string& message);

class InvalidInput : public std::invalid_argument {
 public:
  explicit InvalidInput(const std::string& message, Location where = {});
  [[nodiscard]] const Location& where() const noexcept { return where_; }

 private:
  Location where_;
};

class DomainError : public std::domain_error {
 public:
  explicit DomainError(const std::string& message, Location where = {});
  [[nodiscard]] const Location& where() const noexcept { return where_; }

 private:
  Location where_;
};

class InternalError : public std::logic_error {
 public:
  explicit InternalError(const std::string& message);
};

}  // namespace cikit
