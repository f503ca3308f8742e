#include "methods/core/numbers.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace cikit {

namespace {

/// Replaces full-width digits, '．', '，', '％', '＋', '－' and U+2212 by ASCII; true if any.
bool to_ascii(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  bool changed = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (b == 0xEF && i + 2 < in.size()) {
      const auto b1 = static_cast<unsigned char>(in[i + 1]);
      const auto b2 = static_cast<unsigned char>(in[i + 2]);
      // U+FF01..U+FF3F = EF BC 81..BF; U+FF10..FF19 digits = EF BC 90..99
      if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) { out += static_cast<char>(b2 - 0x60); i += 2; changed = true; continue; }
      if (b1 == 0xBC && (b2 == 0x8E || b2 == 0x8C || b2 == 0x85 || b2 == 0x8B || b2 == 0x8D)) {
        out += static_cast<char>(b2 - 0x60);  // 0x8E '.', 0x8C ',', 0x85 '%', 0x8B '+', 0x8D '-'
        i += 2;
        changed = true;
        continue;
      }
    }
    if (b == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x88 &&
        static_cast<unsigned char>(in[i + 2]) == 0x92) {  // U+2212 MINUS SIGN
      out += '-';
      i += 2;
      changed = true;
      continue;
    }
    out += in[i];
  }
  return changed;
}

/// Removes thousands separators `sep` from the integer part; false if the grouping is wrong.
bool strip_thousands(std::string& s, char sep) {
  const std::size_t start = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  std::size_t end = s.find_first_of(".eE", start);
  if (end == std::string::npos) end = s.size();
  if (s.find(sep, start) == std::string::npos || s.find(sep, end) != std::string::npos) return s.find(sep) == std::string::npos;
  std::size_t group = 0;
  bool first = true;
  std::string out = s.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    if (s[i] == sep) {
      if (group == 0 || (first && group > 3) || (!first && group != 3)) return false;
      first = false;
      group = 0;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return false;
    out += s[i];
    ++group;
  }
  if (group != 3) return false;
  out += s.substr(end);
  s = std::move(out);
  return true;
}

}  // namespace

int parse_plain_number(std::string_view s, double& value) {
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
    if (s.empty() || s.front() == '+' || s.front() == '-') return 1;
  }
  const char* const end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, value, std::chars_format::general);
  if (ptr != end || s.empty()) return 1;
  if (ec == std::errc::result_out_of_range) return 2;
  if (ec != std::errc{}) return 1;
  // from_chars also accepts "inf", "infinity" and "nan"; infinities are never data.
  if (!std::isfinite(value)) return 1;
  return 0;
}

bool is_excel_error(std::string_view cell) {
  static constexpr std::array<std::string_view, 10> kErrors{"#DIV/0!", "#N/A",   "#VALUE!", "#REF!",  "#NAME?",
                                                            "#NUM!",   "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"};
  for (std::string_view e : kErrors)
    if (cell == e) return true;
  return false;
}

CellNumber read_number(std::string_view cell, const NumberOptions& o) {
  CellNumber r;
  if (is_excel_error(cell)) {
    if (o.excel_errors_missing) {
      r.status = CellStatus::kExcelError;
      r.value = std::nan("");
      return r;
    }
    r.hint = "; an Excel error value (data.excel_errors: missing reads these as missing values, each reported)";
    return r;
  }
  std::string s;
  r.normalised = to_ascii(cell, s);
  bool percent = false;
  if (!s.empty() && s.back() == '%') {
    if (o.percent == PercentMode::Off) {
      r.hint = "; write percentages as plain numbers, or set data.percent: true (reads 12% as 12) or data.percent: fraction (reads it as 0.12)";
      return r;
    }
    s.pop_back();
    while (!s.empty() && s.back() == ' ') s.pop_back();
    percent = true;
  }
  if (!o.thousands.empty()) {
    if (!strip_thousands(s, o.thousands[0])) {
      r.hint = fmt::format("; with data.thousands: \"{}\" the digit groups must be 1-3 digits, then groups of 3",
                           o.thousands);
      return r;
    }
  } else if (s.find(',') != std::string::npos) {
    r.hint = "; use '.' as the decimal point and no thousands separators, or set data.thousands: \",\" (reads 1,234 as 1234)";
    return r;
  }
  const int st = parse_plain_number(s, r.value);
  if (st == 2) {
    r.status = CellStatus::kOutOfRange;
    return r;
  }
  if (st != 0) return r;
  if (percent && o.percent == PercentMode::Fraction) r.value /= 100.0;
  r.status = CellStatus::kNumber;
  return r;
}

}  // namespace cikit
