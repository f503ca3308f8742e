#pragma once
/// \file numbers.hpp
/// Reading one data cell as a number, with the opt-in conversions for messy spreadsheet
/// numbers (docs/spec.md "Messy numbers"). CSV and Excel cells go through the same function.
///
/// Always, with a warning: full-width digits and signs (０-９ ． ， ％ ＋ －) and the Unicode
/// minus (U+2212) are read as their ASCII forms.
/// Only when asked:
/// - thousands: "," (or " " or "'"): "1,234,567.5" -> 1234567.5; the groups after the first
///   must have exactly three digits ("1,23" stays an error);
/// - percent: Number ("12%" -> 12) or Fraction ("12%" -> 0.12);
/// - excel_errors_missing: "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
///   "#SPILL!", "#CALC!", "#GETTING_DATA" -> missing, each listed in a warning.
/// Without them such a cell is an error whose hint names the option that would accept it.

#include <string>
#include <string_view>

namespace cikit {

enum class PercentMode { Off, Number, Fraction };

struct NumberOptions {
  std::string thousands;               ///< "" = none; else ",", " " or "'"
  PercentMode percent = PercentMode::Off;
  bool excel_errors_missing = false;   ///< data.excel_errors: missing
};

enum class CellStatus {
  kNumber,      ///< value holds the number
  kExcelError,  ///< an Excel error value read as missing (excel_errors_missing)
  kNotNumber,   ///< not a number (reason holds the hint)
  kOutOfRange,  ///< beyond the range of double
};

struct CellNumber {
  CellStatus status = CellStatus::kNotNumber;
  double value = 0;
  bool normalised = false;  ///< full-width characters or the Unicode minus were converted
  std::string hint;         ///< for kNotNumber: "; ..." naming the option that would accept it
};

/// True for an Excel error value ("#DIV/0!", "#N/A", ...).
[[nodiscard]] bool is_excel_error(std::string_view cell);

/// Reads a trimmed, non-missing cell.
[[nodiscard]] CellNumber read_number(std::string_view cell, const NumberOptions& options);

/// Plain C-locale number (std::from_chars general format, one optional leading '+', finite);
/// 0 = ok, 1 = not a number, 2 = out of range.
[[nodiscard]] int parse_plain_number(std::string_view s, double& value);

}  // namespace cikit
