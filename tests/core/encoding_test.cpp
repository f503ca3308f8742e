// Tests for methods/core/encoding.hpp.
// UTF-8 validity follows Unicode 15 table 3-7 (well-formed byte sequences). GBK/GB18030 byte
// values were produced with glibc `iconv -f UTF-8 -t GB18030` (北 = B1 B1, 京 = BE A9,
// 上 = C9 CF, 海 = BA A3, U+1F600 = 94 39 FC 36); bytes 0x80 and 0xFF are invalid there.

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "methods/core/encoding.hpp"
#include "methods/core/error.hpp"

using cikit::decode_text;
using cikit::first_invalid_utf8;
using cikit::InvalidInput;
using cikit::utf8_to_gbk;

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

/// Matches an exception whose what() contains `part`.
class MessageContains : public Catch::MatcherBase<std::exception> {
 public:
  explicit MessageContains(std::string part) : part_(std::move(part)) {}
  bool match(const std::exception& e) const override {
    return std::string_view(e.what()).find(part_) != std::string_view::npos;
  }
  std::string describe() const override { return "message contains \"" + part_ + "\""; }

 private:
  std::string part_;
};

std::string read_bytes(const std::string& name) {
  std::ifstream in(std::string(CIKIT_TEST_DATA) + "/" + name, std::ios::binary);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("first_invalid_utf8: accepts valid text up to every length boundary",
          "[core][encoding][reference]") {
  REQUIRE(first_invalid_utf8("") == kNpos);
  REQUIRE(first_invalid_utf8("plain ASCII, 123\n") == kNpos);
  REQUIRE(first_invalid_utf8("北京,上海,石家庄,呼和浩特") == kNpos);
  REQUIRE(first_invalid_utf8("\x7F") == kNpos);              // U+007F
  REQUIRE(first_invalid_utf8("\xC2\x80") == kNpos);          // U+0080
  REQUIRE(first_invalid_utf8("\xDF\xBF") == kNpos);          // U+07FF
  REQUIRE(first_invalid_utf8("\xE0\xA0\x80") == kNpos);      // U+0800
  REQUIRE(first_invalid_utf8("\xED\x9F\xBF") == kNpos);      // U+D7FF
  REQUIRE(first_invalid_utf8("\xEE\x80\x80") == kNpos);      // U+E000
  REQUIRE(first_invalid_utf8("\xEF\xBF\xBF") == kNpos);      // U+FFFF
  REQUIRE(first_invalid_utf8("\xF0\x90\x80\x80") == kNpos);  // U+10000
  REQUIRE(first_invalid_utf8("\xF4\x8F\xBF\xBF") == kNpos);  // U+10FFFF
}

TEST_CASE("first_invalid_utf8: rejects overlong forms", "[core][encoding][error]") {
  REQUIRE(first_invalid_utf8("ab\xC0\x80") == 2);        // NUL in 2 bytes
  REQUIRE(first_invalid_utf8("\xC1\xBF") == 0);          // U+007F in 2 bytes
  REQUIRE(first_invalid_utf8("x\xE0\x9F\xBF") == 1);     // U+07FF in 3 bytes
  REQUIRE(first_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);  // U+FFFF in 4 bytes
}

TEST_CASE("first_invalid_utf8: rejects surrogates", "[core][encoding][error]") {
  REQUIRE(first_invalid_utf8("\xED\xA0\x80") == 0);    // U+D800
  REQUIRE(first_invalid_utf8("ok\xED\xBF\xBF") == 2);  // U+DFFF
}

TEST_CASE("first_invalid_utf8: rejects code points above U+10FFFF and bytes F5..FF",
          "[core][encoding][error]") {
  REQUIRE(first_invalid_utf8("\xF4\x90\x80\x80") == 0);  // U+110000
  REQUIRE(first_invalid_utf8("a\xF5\x80\x80\x80") == 1);
  REQUIRE(first_invalid_utf8("ab\xFF") == 2);
}

TEST_CASE("first_invalid_utf8: rejects truncated sequences and stray continuation bytes",
          "[core][encoding][error]") {
  REQUIRE(first_invalid_utf8("ab\xE4\xB8") == 2);    // 北 cut after 2 of 3 bytes
  REQUIRE(first_invalid_utf8("\xF0\x9F\x98") == 0);  // emoji cut after 3 of 4 bytes
  REQUIRE(first_invalid_utf8("\xE4\x41\x42") == 0);  // lead byte followed by ASCII
  REQUIRE(first_invalid_utf8("a\x80") == 1);         // lone continuation byte
  REQUIRE(first_invalid_utf8("北\xB1\xB1") == 3);    // GBK bytes after valid UTF-8
}

TEST_CASE("decode_text: auto keeps valid UTF-8 as is", "[core][encoding][reference]") {
  const auto d = decode_text("id,城市\nbj,北京\n", "auto", "x.csv");
  REQUIRE(d.utf8 == "id,城市\nbj,北京\n");
  REQUIRE(d.encoding == "utf-8");
  REQUIRE_FALSE(d.had_bom);

  const auto empty = decode_text("", "auto", "x.csv");
  REQUIRE(empty.utf8.empty());
  REQUIRE(empty.encoding == "utf-8");
}

TEST_CASE("decode_text: a UTF-8 BOM is removed and reported", "[core][encoding][reference]") {
  const auto d = decode_text("\xEF\xBB\xBFid,gdp\n", "auto", "x.csv");
  REQUIRE(d.utf8 == "id,gdp\n");
  REQUIRE(d.encoding == "utf-8");
  REQUIRE(d.had_bom);

  const auto u = decode_text("\xEF\xBB\xBF北京", "utf-8", "x.csv");
  REQUIRE(u.utf8 == "北京");
  REQUIRE(u.had_bom);
}

TEST_CASE("decode_text: auto falls back to GBK for bytes that are not UTF-8",
          "[core][encoding][reference]") {
  const auto d = decode_text("bj,\xB1\xB1\xBE\xA9\nsh,\xC9\xCF\xBA\xA3\n", "auto", "x.csv");
  REQUIRE(d.utf8 == "bj,北京\nsh,上海\n");
  REQUIRE(d.encoding == "gbk");
  REQUIRE_FALSE(d.had_bom);
}

TEST_CASE("decode_text: the GBK fixture decodes to the UTF-8 fixture",
          "[core][encoding][reference]") {
  const std::string utf8 = read_bytes("good_utf8.csv");
  const std::string gbk = read_bytes("good_gbk.csv");
  REQUIRE(first_invalid_utf8(gbk) != kNpos);  // the fixture really is not UTF-8
  REQUIRE(decode_text(gbk, "auto", "good_gbk.csv").utf8 == utf8);
  REQUIRE(decode_text(gbk, "gbk", "good_gbk.csv").utf8 == utf8);
}

TEST_CASE("decode_text: encoding names are case-insensitive aliases",
          "[core][encoding][reference]") {
  const std::string gbk = "\xB1\xB1\xBE\xA9";
  for (const char* name : {"gbk", "GBK", "gb18030", "GB18030", "cp936", "CP936"}) {
    CAPTURE(name);
    const auto d = decode_text(gbk, name, "x.csv");
    REQUIRE(d.utf8 == "北京");
    REQUIRE(d.encoding == "gbk");
  }
  for (const char* name : {"utf-8", "UTF-8", "utf8", "UTF8", "Utf-8"}) {
    CAPTURE(name);
    const auto d = decode_text("北京", name, "x.csv");
    REQUIRE(d.utf8 == "北京");
    REQUIRE(d.encoding == "utf-8");
  }
  // ASCII is valid in both, so an explicit gbk still reports "gbk".
  REQUIRE(decode_text("a,b\n", "gbk", "x.csv").encoding == "gbk");
}

TEST_CASE("decode_text: an unknown encoding name lists the accepted ones",
          "[core][encoding][error]") {
  REQUIRE_THROWS_MATCHES(decode_text("a", "latin1", "data.csv"), InvalidInput,
                         MessageContains("data.csv: unknown encoding 'latin1'") &&
                             MessageContains("auto, utf-8 (utf8), gbk (gb18030, cp936)"));
}

TEST_CASE("decode_text: utf-8 requested but the bytes are GBK", "[core][encoding][error]") {
  // Line 2 starts at byte offset 8; 0xB1 (first byte of 北) is at offset 11, column 4.
  REQUIRE_THROWS_MATCHES(
      decode_text("id,name\nbj,\xB1\xB1\xBE\xA9\n", "utf-8", "cities.csv"), InvalidInput,
      MessageContains("cities.csv:2:4: byte 0xB1 at byte offset 11 is not valid UTF-8") &&
          MessageContains("set data.encoding"));
}

TEST_CASE("decode_text: a BOM declares UTF-8, so auto does not fall back to GBK",
          "[core][encoding][error]") {
  // Offsets count the BOM: "\xEF\xBB\xBF" (0-2), "a," (3-4), 0xFF at offset 5, column 6.
  REQUIRE_THROWS_MATCHES(decode_text(std::string("\xEF\xBB\xBF") + "a,\xFF\n", "auto", "bom.csv"),
                         InvalidInput,
                         MessageContains("bom.csv:1:6: byte 0xFF at byte offset 5 is not valid "
                                         "UTF-8"));
}

TEST_CASE("decode_text: bytes invalid in GB18030 are located", "[core][encoding][error]") {
  REQUIRE_THROWS_MATCHES(decode_text("id\nab\x80\n", "gbk", "g.csv"), InvalidInput,
                         MessageContains("g.csv:2:3: byte 0x80 at byte offset 5 is not valid "
                                         "GBK/GB18030"));
  REQUIRE_THROWS_MATCHES(decode_text("\xFF", "gbk", "g.csv"), InvalidInput,
                         MessageContains("g.csv:1:1: byte 0xFF at byte offset 0"));
}

TEST_CASE("decode_text: a GBK character cut off at the end of the file is an error",
          "[core][encoding][error]") {
  // 0xB1 is a lead byte; iconv reports EINVAL (incomplete input), which must not be dropped.
  REQUIRE_THROWS_MATCHES(decode_text("a,\xB1\xB1\nb,\xB1", "gbk", "t.csv"), InvalidInput,
                         MessageContains("t.csv:2:3: byte 0xB1 at byte offset 7 is not valid "
                                         "GBK/GB18030"));
}

TEST_CASE("decode_text: auto reports bytes that are neither UTF-8 nor GB18030",
          "[core][encoding][error]") {
  const std::string bytes = read_bytes("bad_bytes.csv");  // "id,gdp\na,1\nb\xFF,2\n"
  REQUIRE_THROWS_MATCHES(decode_text(bytes, "auto", "bad_bytes.csv"), InvalidInput,
                         MessageContains("bad_bytes.csv:3:2: byte 0xFF at byte offset 12 is "
                                         "neither valid UTF-8 nor valid GBK/GB18030"));
}

TEST_CASE("decode_text: error lines count LF, CRLF and lone CR once each",
          "[core][encoding][error]") {
  REQUIRE_THROWS_MATCHES(decode_text("a\r\nb\rc\n\xFF", "utf-8", "nl.csv"), InvalidInput,
                         MessageContains("nl.csv:4:1:"));
  REQUIRE_THROWS_MATCHES(decode_text("a\r\nxy\xFF", "utf-8", "nl.csv"), InvalidInput,
                         MessageContains("nl.csv:2:3:"));
}

TEST_CASE("decode_text: gbk requested for a file with a UTF-8 BOM", "[core][encoding][error]") {
  REQUIRE_THROWS_MATCHES(decode_text("\xEF\xBB\xBFid,gdp\n", "gbk", "b.csv"), InvalidInput,
                         MessageContains("b.csv:1:1: file starts with a UTF-8 byte order mark"));
}

TEST_CASE("utf8_to_gbk: known GB18030 bytes", "[core][encoding][reference]") {
  REQUIRE(utf8_to_gbk("北京") == "\xB1\xB1\xBE\xA9");
  REQUIRE(utf8_to_gbk("上海,a\n") == "\xC9\xCF\xBA\xA3,a\n");
  REQUIRE(utf8_to_gbk("😀") == "\x94\x39\xFC\x36");  // 4-byte GB18030 form
  REQUIRE(utf8_to_gbk("").empty());
}

TEST_CASE("utf8_to_gbk: round trip through decode_text", "[core][encoding][property]") {
  const std::string text = "id,名称,gdp\nsjz,石家庄,7100.6\nhhht,呼和浩特,3329.1\n😀 ＡＢ é\n";
  const std::string gbk = utf8_to_gbk(text);
  REQUIRE(gbk != text);
  const auto back = decode_text(gbk, "gbk", "rt.csv");
  REQUIRE(back.utf8 == text);
  REQUIRE(back.encoding == "gbk");
  REQUIRE(decode_text(gbk, "auto", "rt.csv").utf8 == text);

  const std::string fixture = read_bytes("good_utf8.csv");
  REQUIRE(utf8_to_gbk(fixture) == read_bytes("good_gbk.csv"));
}

TEST_CASE("utf8_to_gbk: invalid UTF-8 input is rejected", "[core][encoding][error]") {
  REQUIRE_THROWS_MATCHES(utf8_to_gbk("ab\xFF"), InvalidInput,
                         MessageContains("byte 0xFF at byte offset 2 is not valid UTF-8"));
  REQUIRE_THROWS_AS(utf8_to_gbk("\xED\xA0\x80"), InvalidInput);  // surrogate
}
