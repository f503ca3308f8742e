#pragma once
/// \file fuzz_common.hpp
/// Shared pieces of the libFuzzer targets (tests/fuzz/README.md): the expected errors (a
/// clear InvalidInput or DomainError is a correct answer to bad input; anything else escaping,
/// a sanitizer report, a hang or a leak is a finding), the small fixture tree, and a private
/// scratch folder for targets whose reader opens files.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/spec.hpp"

#ifndef CIKIT_FUZZ_DIR
#error "CIKIT_FUZZ_DIR (tests/fuzz) must be defined by the build"
#endif

namespace cikit::fuzz {

[[nodiscard]] inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Runs `f`; the errors cikit documents for bad input are expected and swallowed.
template <class F>
void expect_clean(F&& f) {
  try {
    f();
  } catch (const InvalidInput&) {
  } catch (const DomainError&) {
  }
}

/// tests/fuzz/tiny.yaml: 2 groups, 5 leaves (read once).
[[nodiscard]] inline const Spec& tiny_spec() {
  static const Spec spec = read_spec(std::filesystem::path(CIKIT_FUZZ_DIR) / "tiny.yaml");
  return spec;
}

/// A scratch folder of this process (created once, under TMPDIR or /tmp).
[[nodiscard]] inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("cikit-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

/// Splits `text` at the first line "---8<---" (the marker and its newline are dropped).
[[nodiscard]] inline std::pair<std::string, std::string> split_parts(const std::string& text) {
  const std::string marker = "\n---8<---\n";
  const auto at = text.find(marker);
  if (at == std::string::npos) return {text, {}};
  return {text.substr(0, at + 1), text.substr(at + marker.size())};
}

}  // namespace cikit::fuzz
