#pragma once
/// \file sha256.hpp
/// SHA-256 digests (FIPS 180-4) of bytes and files, via OpenSSL's libcrypto EVP interface, for
/// the reproducibility records (spec and data fingerprints in JSON headers and the appendix).

#include <filesystem>
#include <string>
#include <string_view>

namespace cikit {

/// Lower-case hex SHA-256 (64 digits) of `bytes`. @throws InternalError if libcrypto fails.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// SHA-256 of a file's bytes. @throws InvalidInput if the file cannot be read.
[[nodiscard]] std::string sha256_file(const std::filesystem::path& path);

}  // namespace cikit
