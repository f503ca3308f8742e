#include "methods/core/text.hpp"

#include <array>
#include <cstdint>

namespace cikit {

namespace {

/// Inclusive code point range.
struct Range {
  std::uint32_t first;
  std::uint32_t last;
};

/// East Asian Wide (W) and Fullwidth (F) blocks of Unicode UAX #11 that occur in practice:
/// Hangul Jamo, CJK radicals/punctuation/kana/compatibility, CJK ideographs (BMP and
/// planes 2-3), Yi, Hangul syllables, CJK compatibility ideographs and forms, fullwidth
/// ASCII and signs, and the common emoji blocks. Sorted, disjoint.
constexpr std::array<Range, 19> kWide{{
    {0x1100, 0x115F},    // Hangul Jamo initial consonants
    {0x231A, 0x231B},    // watch, hourglass
    {0x2329, 0x232A},    // angle brackets
    {0x2E80, 0x303E},    // CJK radicals, Kangxi radicals, CJK symbols and punctuation
    {0x3041, 0x33FF},    // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compat
    {0x3400, 0x4DBF},    // CJK Unified Ideographs Extension A
    {0x4E00, 0x9FFF},    // CJK Unified Ideographs
    {0xA000, 0xA4CF},    // Yi syllables and radicals
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK Compatibility Ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE4F},    // CJK compatibility forms
    {0xFF00, 0xFF60},    // fullwidth ASCII variants
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x1F300, 0x1F64F},  // miscellaneous symbols and pictographs, emoticons
    {0x1F680, 0x1F6FF},  // transport and map symbols
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
    {0x20000, 0x2FFFD},  // CJK ideographs, plane 2
    {0x30000, 0x3FFFD},  // CJK ideographs, plane 3
}};

/// Zero-width: combining marks, zero-width space/joiners/marks, variation selectors, BOM.
constexpr std::array<Range, 8> kZero{{
    {0x0300, 0x036F},  // combining diacritical marks
    {0x1AB0, 0x1AFF},  // combining diacritical marks extended
    {0x1DC0, 0x1DFF},  // combining diacritical marks supplement
    {0x200B, 0x200F},  // zero-width space, ZWNJ, ZWJ, LRM, RLM
    {0x20D0, 0x20FF},  // combining marks for symbols
    {0xFE00, 0xFE0F},  // variation selectors
    {0xFE20, 0xFE2F},  // combining half marks
    {0xFEFF, 0xFEFF},  // zero-width no-break space (BOM)
}};

template <std::size_t N>
[[nodiscard]] constexpr bool in_ranges(const std::array<Range, N>& ranges, std::uint32_t cp) {
  for (const Range& r : ranges)
    if (cp >= r.first && cp <= r.last) return true;
  return false;
}

[[nodiscard]] std::uint32_t byte_at(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]);
}

/// Decodes the code point starting at `i` and sets `len` to its length in bytes; returns
/// false (and len = 1) for an invalid sequence (strict: no overlong forms, no surrogates,
/// nothing above U+10FFFF, no truncation).
[[nodiscard]] bool decode_one(std::string_view s, std::size_t i, std::uint32_t& cp,
                              std::size_t& len) {
  len = 1;
  const std::uint32_t b0 = byte_at(s, i);
  if (b0 < 0x80U) {
    cp = b0;
    return true;
  }
  std::size_t n = 0;
  std::uint32_t min = 0;
  if (b0 >= 0xC2U && b0 <= 0xDFU) {
    n = 2;
    cp = b0 & 0x1FU;
    min = 0x80U;
  } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
    n = 3;
    cp = b0 & 0x0FU;
    min = 0x800U;
  } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
    n = 4;
    cp = b0 & 0x07U;
    min = 0x10000U;
  } else {
    return false;
  }
  if (i + n > s.size()) return false;
  for (std::size_t k = 1; k < n; ++k) {
    const std::uint32_t b = byte_at(s, i + k);
    if ((b & 0xC0U) != 0x80U) return false;
    cp = (cp << 6U) | (b & 0x3FU);
  }
  if (cp < min || cp > 0x10FFFFU || (cp >= 0xD800U && cp <= 0xDFFFU)) return false;
  len = n;
  return true;
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::uint32_t cp = 0;
    std::size_t len = 1;
    if (!decode_one(utf8, i, cp, len)) {
      width += 1;  // invalid byte: one column (terminals show a replacement glyph)
    } else if (in_ranges(kZero, cp)) {
      // combining or zero-width: no column of its own
    } else {
      width += in_ranges(kWide, cp) ? std::size_t{2} : std::size_t{1};
    }
    i += len;
  }
  return width;
}

std::string pad_display(std::string_view utf8, std::size_t width, bool right_align) {
  const std::size_t have = display_width(utf8);
  const std::size_t fill = (have < width) ? width - have : 0;
  std::string out;
  out.reserve(utf8.size() + fill);
  if (right_align) out.append(fill, ' ');
  out.append(utf8);
  if (!right_align) out.append(fill, ' ');
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace cikit
