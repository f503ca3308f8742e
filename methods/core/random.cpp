#include "methods/core/random.hpp"

#include <cmath>
#include <numbers>

namespace cikit {

std::mt19937_64 make_stream(std::uint64_t seed, StreamTag tag, std::uint64_t b) {
  const auto lo = [](std::uint64_t v) { return static_cast<std::uint32_t>(v & 0xffffffffU); };
  const auto hi = [](std::uint64_t v) { return static_cast<std::uint32_t>(v >> 32U); };
  std::seed_seq seq{lo(seed), hi(seed), static_cast<std::uint32_t>(tag), lo(b), hi(b)};
  return std::mt19937_64(seq);
}

double uniform01(std::mt19937_64& g) {
  return static_cast<double>(g() >> 11U) * 0x1.0p-53;
}

namespace {
__extension__ using u128 = unsigned __int128;  // GCC/Clang extension; 64x64 -> 128-bit product
}  // namespace

std::uint64_t uniform_index(std::mt19937_64& g, std::uint64_t n) {
  // Lemire (2019), "Fast random integer generation in an interval", ACM TOMACS 29(1):3.
  u128 m = static_cast<u128>(g()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<u128>(g()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64U);
}

double standard_normal(std::mt19937_64& g) {
  // Box & Muller (1958), Ann. Math. Statist. 29:610. u1 in (0,1] avoids log(0).
  const double u1 = 1.0 - uniform01(g);
  const double u2 = uniform01(g);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace cikit
