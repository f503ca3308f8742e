#pragma once
/// \file path_exists.hpp
/// std::filesystem::exists without exceptions: a path the OS cannot even look up (a name longer
/// than NAME_MAX/PATH_MAX, a component that is not a folder, no permission) counts as absent, so
/// the caller's located "file not found" error is reported instead of a filesystem_error escaping
/// from a reader (found by fuzz_delphi: a 300-byte file name). Header only.
#include <filesystem>
#include <system_error>

namespace cikit {

[[nodiscard]] inline bool path_exists(const std::filesystem::path& p) noexcept {
  std::error_code ec;
  return std::filesystem::exists(p, ec) && !ec;
}

}  // namespace cikit
