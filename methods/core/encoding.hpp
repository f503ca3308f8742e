#pragma once
/// \file encoding.hpp
/// Text decoding for data files (iconv from glibc).

#include <string>
#include <string_view>

namespace cikit {

struct DecodedText {
  std::string utf8;      ///< the text in UTF-8, BOM removed
  std::string encoding;  ///< "utf-8" or "gbk"
  bool had_bom = false;
};

/// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF are invalid).
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view bytes);

/// Decodes `bytes` to UTF-8. `encoding` is "auto", "utf-8" (also "utf8") or "gbk"
/// (decoded as GB18030, the superset Windows uses for "GBK"/cp936).
/// auto: a UTF-8 BOM or valid UTF-8 → UTF-8 (a BOM never falls back to GBK); otherwise GB18030.
/// @throws InvalidInput "file:line:column: byte 0xNN at byte offset K is not valid ..." at the
///         first undecodable byte (column counted in bytes); for an unknown encoding name; and
///         for "gbk" on a file starting with a UTF-8 BOM (it would garble the first header).
/// @throws std::runtime_error if the system cannot open an iconv converter (a setup problem).
[[nodiscard]] DecodedText decode_text(std::string_view bytes, const std::string& encoding,
                                      const std::string& file_label);

/// Encodes UTF-8 text as GB18030 (used by tests and `cikit example --encoding gbk`).
/// @throws InvalidInput if the text is not valid UTF-8.
[[nodiscard]] std::string utf8_to_gbk(std::string_view utf8);

}  // namespace cikit
