#pragma once
/// \file text.hpp
/// UTF-8 helpers for human-readable output.

#include <string>
#include <string_view>

namespace cikit {

/// Terminal display width of UTF-8 text: East Asian Wide and Fullwidth characters
/// (Unicode UAX #11: CJK, Hangul, fullwidth forms, ...) count 2 columns, combining marks 0,
/// everything else 1. Invalid bytes count 1 each.
[[nodiscard]] std::size_t display_width(std::string_view utf8);

/// Escapes & < > " for XML, HTML and SVG text and attribute values (UTF-8 passes unchanged).
[[nodiscard]] std::string xml_escape(std::string_view s);

/// Concatenates strings and string views into one std::string (one allocation). Used instead
/// of `"literal" + std::string` chains, which GCC 12 at -O3 flags with -Wrestrict false positives.
template <class... Parts>
[[nodiscard]] std::string str_cat(const Parts&... parts) {
  std::string out;
  out.reserve((std::string_view(parts).size() + ... + 0));
  (out.append(std::string_view(parts)), ...);
  return out;
}

/// Pads `utf8` with spaces to `width` display columns (left- or right-aligned).
[[nodiscard]] std::string pad_display(std::string_view utf8, std::size_t width, bool right_align);

}  // namespace cikit
