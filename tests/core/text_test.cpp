// Tests for methods/core/text.hpp: display_width and pad_display.
// Expected widths are counted by hand from Unicode UAX #11 (East Asian Width): W/F = 2 columns,
// combining marks = 0, everything else = 1; invalid UTF-8 bytes = 1 each.

#include <catch2/catch.hpp>

#include <string>

#include "methods/core/text.hpp"

using cikit::display_width;
using cikit::pad_display;

TEST_CASE("display_width: ASCII counts one column per byte", "[core][text][reference]") {
  REQUIRE(display_width("") == 0);
  REQUIRE(display_width("abc") == 3);
  REQUIRE(display_width("gdp_pc 2023") == 11);
}

TEST_CASE("display_width: CJK ideographs are two columns", "[core][text][reference]") {
  REQUIRE(display_width("北京") == 4);
  REQUIRE(display_width("石家庄") == 6);
  REQUIRE(display_width("呼和浩特") == 8);
  REQUIRE(display_width("\xF0\xA0\x80\x80") == 2);  // U+20000, CJK Extension B (plane 2)
  REQUIRE(display_width("\xE3\x90\x80") == 2);      // U+3400, CJK Extension A
}

TEST_CASE("display_width: fullwidth forms, CJK punctuation, kana, Hangul and emoji are wide",
          "[core][text][reference]") {
  REQUIRE(display_width("ＡＢ") == 4);          // U+FF21 U+FF22 fullwidth Latin
  REQUIRE(display_width("（）") == 4);          // U+FF08 U+FF09 fullwidth parentheses
  REQUIRE(display_width("、。") == 4);          // U+3001 U+3002 ideographic comma, full stop
  REQUIRE(display_width("\xE3\x80\x80") == 2);  // U+3000 ideographic space
  REQUIRE(display_width("カナ") == 4);          // Katakana
  REQUIRE(display_width("한국") == 4);          // Hangul syllables
  REQUIRE(display_width("￥") == 2);            // U+FFE5 fullwidth yen sign
  REQUIRE(display_width("😀") == 2);             // U+1F600 emoticon
}

TEST_CASE("display_width: mixed Chinese and Latin text", "[core][text][reference]") {
  REQUIRE(display_width("北京 Beijing") == 12);  // 2*2 + 1 + 7
  REQUIRE(display_width("GDP（亿元）") == 11);   // 3 + 2 + 2*2 + 2
  REQUIRE(display_width("人均GDP_2023") == 12);  // 2*2 + 8
  REQUIRE(display_width("é") == 1);              // U+00E9 precomposed, narrow
  REQUIRE(display_width("Ω≤±") == 3);            // Greek and math symbols are narrow
}

TEST_CASE("display_width: combining marks and zero-width characters take no column",
          "[core][text][reference]") {
  REQUIRE(display_width("e\xCC\x81") == 1);                 // e + U+0301 combining acute
  REQUIRE(display_width("a\u200Bb") == 2);                  // U+200B zero-width space
  REQUIRE(display_width("\xE2\x98\xBA\xEF\xB8\x8F") == 1);  // U+263A + U+FE0F selector
  REQUIRE(display_width("北\xCC\x80") == 2);                // wide base + combining grave
}

TEST_CASE("display_width: range boundaries", "[core][text][reference]") {
  REQUIRE(display_width("\xE1\x85\x9F") == 2);  // U+115F last wide Hangul Jamo
  REQUIRE(display_width("\xE1\x85\xA0") == 1);  // U+1160 narrow
  REQUIRE(display_width("\xE3\x80\xBE") == 2);  // U+303E wide
  REQUIRE(display_width("\xE3\x80\xBF") == 1);  // U+303F narrow
  REQUIRE(display_width("\xEA\x93\x8F") == 2);  // U+A4CF last wide Yi
  REQUIRE(display_width("\xEA\x93\x90") == 1);  // U+A4D0 Lisu, narrow
  REQUIRE(display_width("\xED\x9E\xA3") == 2);  // U+D7A3 last Hangul syllable
  REQUIRE(display_width("\xED\x9E\xA4") == 1);  // U+D7A4 narrow
  REQUIRE(display_width("\xEF\xBD\xA0") == 2);  // U+FF60 fullwidth right white paren
  REQUIRE(display_width("\xEF\xBD\xA1") == 1);  // U+FF61 halfwidth ideographic full stop
}

TEST_CASE("display_width: invalid UTF-8 bytes count one column each", "[core][text][property]") {
  REQUIRE(display_width("\xFF\xFE") == 2);
  REQUIRE(display_width("a\xE4\xB8") == 3);         // truncated 3-byte sequence: 2 bad bytes
  REQUIRE(display_width("\xC0\x80") == 2);          // overlong NUL
  REQUIRE(display_width("\xED\xA0\x80") == 3);      // surrogate U+D800
  REQUIRE(display_width("\xE5\x8C\x97\x80") == 3);  // 北 + stray continuation byte
}

TEST_CASE("pad_display: pads to display columns, left or right aligned",
          "[core][text][reference]") {
  REQUIRE(pad_display("北京", 6, false) == "北京  ");
  REQUIRE(pad_display("北京", 6, true) == "  北京");
  REQUIRE(pad_display("abc", 5, false) == "abc  ");
  REQUIRE(pad_display("abc", 5, true) == "  abc");
  REQUIRE(pad_display("", 3, true) == "   ");
  REQUIRE(display_width(pad_display("呼和浩特 Hohhot", 20, false)) == 20);
}

TEST_CASE("pad_display: text as wide as or wider than the width is unchanged",
          "[core][text][property]") {
  REQUIRE(pad_display("北京", 4, false) == "北京");
  REQUIRE(pad_display("呼和浩特", 4, true) == "呼和浩特");
  REQUIRE(pad_display("abc", 0, false) == "abc");
}
