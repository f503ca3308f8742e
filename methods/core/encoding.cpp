#include "methods/core/encoding.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// Names accepted for each encoding (compared case-insensitively), as listed in messages.
constexpr std::string_view kAcceptedEncodings = "auto, utf-8 (utf8), gbk (gb18030, cp936)";

enum class Encoding { kAuto, kUtf8, kGbk };

/// Location in a file (built field by field: brace-initialising only the first members of
/// Location trips -Wmissing-field-initializers).
[[nodiscard]] Location file_location(const std::string& file, long line = 0, long column = 0) {
  Location where;
  where.file = file;
  where.line = line;
  where.column = column;
  return where;
}

[[nodiscard]] unsigned char byte_at(std::string_view bytes, std::size_t i) {
  return static_cast<unsigned char>(bytes[i]);
}

[[nodiscard]] bool is_continuation(unsigned char b) { return (b & 0xC0U) == 0x80U; }

/// Length of the valid UTF-8 sequence starting at `i`, or 0 if it is invalid.
/// Strict (Unicode 15, table 3-7 "well-formed UTF-8 byte sequences"): no overlong forms,
/// no surrogates U+D800..U+DFFF, nothing above U+10FFFF, no truncated sequences.
[[nodiscard]] std::size_t valid_sequence_length(std::string_view bytes, std::size_t i) {
  const unsigned char b0 = byte_at(bytes, i);
  if (b0 < 0x80U) return 1;
  std::size_t len = 0;
  // Allowed range of the second byte (narrower than 80..BF for the lead bytes that would
  // otherwise admit overlong forms, surrogates or code points above U+10FFFF).
  unsigned char lo = 0x80U;
  unsigned char hi = 0xBFU;
  if (b0 >= 0xC2U && b0 <= 0xDFU) {
    len = 2;
  } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
    len = 3;
    if (b0 == 0xE0U) lo = 0xA0U;  // overlong below U+0800
    if (b0 == 0xEDU) hi = 0x9FU;  // surrogates U+D800..U+DFFF
  } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
    len = 4;
    if (b0 == 0xF0U) lo = 0x90U;  // overlong below U+10000
    if (b0 == 0xF4U) hi = 0x8FU;  // above U+10FFFF
  } else {
    return 0;  // continuation byte as lead, C0/C1 (always overlong), F5..FF
  }
  if (i + len > bytes.size()) return 0;  // truncated at the end of the text
  const unsigned char b1 = byte_at(bytes, i + 1);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (!is_continuation(byte_at(bytes, i + k))) return 0;
  return len;
}

[[nodiscard]] std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return out;
}

[[nodiscard]] Encoding parse_encoding_name(const std::string& name, const std::string& file_label) {
  const std::string key = lower_ascii(name);
  if (key == "auto") return Encoding::kAuto;
  if (key == "utf-8" || key == "utf8") return Encoding::kUtf8;
  if (key == "gbk" || key == "gb18030" || key == "cp936") return Encoding::kGbk;
  throw InvalidInput(
      fmt::format("unknown encoding '{}'; accepted names: {}", name, kAcceptedEncodings),
      file_location(file_label));
}

/// File position of byte `offset`: line = 1 + number of line breaks before it (LF, CRLF
/// and lone CR each count once, as in the CSV reader), column = 1-based byte in that line.
/// The bytes before `offset` are ASCII-compatible in both encodings we read (GB18030 trail
/// bytes are never 0x0A or 0x0D), so counting raw bytes is exact.
[[nodiscard]] Location byte_location(std::string_view bytes, std::size_t offset,
                                     const std::string& file_label) {
  long line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  return file_location(file_label, line, static_cast<long>(offset - line_start) + 1);
}

/// RAII owner of an iconv conversion descriptor.
class IconvHandle {
 public:
  IconvHandle(const char* to, const char* from) : cd_(iconv_open(to, from)) {
    if (cd_ == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)))
      throw std::runtime_error(fmt::format(
          "iconv cannot convert from {} to {} on this system ({}); are glibc's gconv modules "
          "installed?",
          from, to, std::strerror(errno)));
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  ~IconvHandle() { iconv_close(cd_); }
  [[nodiscard]] iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

/// Result of an iconv run: the converted text, or the input offset of the first byte that
/// could not be converted (invalid, or an incomplete sequence cut off by the end of input).
struct IconvResult {
  std::string out;
  std::size_t bad_offset = std::string_view::npos;
};

[[nodiscard]] IconvResult run_iconv(const char* to, const char* from, std::string_view in) {
  IconvHandle cd(to, from);
  IconvResult result;
  // UTF-8 <-> GB18030 never grows text by more than 2x (a 2-byte GB18030 character is
  // at most 3 UTF-8 bytes; 1-byte and 4-byte ones keep their size); E2BIG grows anyway.
  result.out.resize(2 * in.size() + 16);
  // iconv's prototype takes char**, but it never writes through the input pointer.
  char* in_ptr = const_cast<char*>(in.data());
  std::size_t in_left = in.size();
  std::size_t out_used = 0;
  // Converts everything, then makes the final call with a null input, which flushes any
  // shift state (none for these stateless encodings, but it is the documented protocol).
  bool flushed = false;
  while (!flushed) {
    char* out_ptr = result.out.data() + out_used;
    std::size_t out_left = result.out.size() - out_used;
    const bool flush = (in_left == 0);
    const std::size_t rc = flush ? iconv(cd.get(), nullptr, nullptr, &out_ptr, &out_left)
                                 : iconv(cd.get(), &in_ptr, &in_left, &out_ptr, &out_left);
    const int err = errno;
    out_used = result.out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) {
      flushed = flush;
      continue;
    }
    if (err == E2BIG) {
      result.out.resize(2 * result.out.size());
      continue;
    }
    if (!flush && (err == EILSEQ || err == EINVAL)) {
      // EILSEQ: an invalid sequence starts at in_ptr. EINVAL: an incomplete sequence ends
      // the input; as we always pass the whole input, that is a truncated character.
      result.bad_offset = static_cast<std::size_t>(in_ptr - in.data());
      result.out.clear();
      return result;
    }
    throw std::runtime_error(
        fmt::format("iconv from {} to {} failed: {}", from, to, std::strerror(err)));
  }
  result.out.resize(out_used);
  return result;
}

[[noreturn]] void throw_bad_byte(std::string_view bytes, std::size_t offset,
                                 const std::string& file_label, std::string_view what) {
  throw InvalidInput(
      fmt::format("byte 0x{:02X} at byte offset {} is {}", byte_at(bytes, offset), offset, what),
      byte_location(bytes, offset, file_label));
}

[[nodiscard]] std::string decode_gb18030(std::string_view bytes, const std::string& file_label,
                                         std::string_view what) {
  IconvResult r = run_iconv("UTF-8", "GB18030", bytes);
  if (r.bad_offset != std::string_view::npos) throw_bad_byte(bytes, r.bad_offset, file_label, what);
  return std::move(r.out);
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t len = valid_sequence_length(bytes, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

DecodedText decode_text(std::string_view bytes, const std::string& encoding,
                        const std::string& file_label) {
  const Encoding enc = parse_encoding_name(encoding, file_label);
  const bool has_bom = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
  const std::size_t skip = has_bom ? kUtf8Bom.size() : 0;
  DecodedText result;

  if (enc == Encoding::kGbk) {
    // EF BB BF happens to be valid GB18030 ("锘" + half a character), but a file that starts
    // with it was saved as UTF-8; decoding it as GBK would only produce a garbled header.
    if (has_bom)
      throw InvalidInput(
          "file starts with a UTF-8 byte order mark (EF BB BF) but encoding 'gbk' was "
          "requested; the file is UTF-8: set data.encoding to utf-8 or auto",
          file_location(file_label, 1, 1));
    result.utf8 = decode_gb18030(bytes, file_label, "not valid GBK/GB18030");
    result.encoding = "gbk";
    return result;
  }

  const std::string_view body = bytes.substr(skip);
  const std::size_t bad = first_invalid_utf8(body);
  if (bad == std::string_view::npos) {
    result.utf8.assign(body);
    result.encoding = "utf-8";
    result.had_bom = has_bom;
    return result;
  }
  if (enc == Encoding::kUtf8 || has_bom) {
    // Declared UTF-8 (by the caller or by the BOM): report the first bad byte.
    throw_bad_byte(bytes, skip + bad, file_label,
                   "not valid UTF-8 (file saved in another encoding? set data.encoding)");
  }
  result.utf8 = decode_gb18030(bytes, file_label,
                               "neither valid UTF-8 nor valid GBK/GB18030 (set data.encoding?)");
  result.encoding = "gbk";
  return result;
}

std::string utf8_to_gbk(std::string_view utf8) {
  const std::size_t bad = first_invalid_utf8(utf8);
  if (bad != std::string_view::npos)
    throw_bad_byte(utf8, bad, std::string{}, "not valid UTF-8; cannot encode the text as GBK");
  IconvResult r = run_iconv("GB18030", "UTF-8", utf8);
  // Every Unicode scalar value has a GB18030 encoding, so this is a defect of iconv.
  if (r.bad_offset != std::string_view::npos)
    throw InvalidInput(
        fmt::format("character at byte offset {} cannot be encoded as GB18030", r.bad_offset));
  return std::move(r.out);
}

}  // namespace cikit
