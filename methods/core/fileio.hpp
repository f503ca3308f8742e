#pragma once
/// \file fileio.hpp
/// Whole-file reading and atomic writing (no half-written outputs).

#include <filesystem>
#include <string>
#include <string_view>

namespace cikit {

/// Reads a whole file as bytes. @throws InvalidInput "cannot open 'path'".
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// Writes `bytes` to `path` atomically: to a temporary file in the same folder, flushed and
/// closed, then renamed over `path`. On failure the temporary file is removed and `path` is
/// untouched. @throws InvalidInput naming the path and the system error.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace cikit
