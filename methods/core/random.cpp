#include "methods/core/random.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>

namespace cikit {

namespace {

/// std::seed_seq with exactly five 32-bit inputs, generating exactly the 624 words that
/// std::mt19937_64 asks for ((312 · 64)/32), written out for that fixed case: the algorithm of
/// C++20 [rand.util.seedseq] (n = 624, s = 5, t = 11, p = 306, q = 317, m = 624) with the index
/// arithmetic mod n unrolled into wrap-free ranges, the previous word kept in a register and no
/// allocation. It yields the same words as std::seed_seq{v0..v4}.generate (hence the same engine
/// state; tests/core/random_test.cpp compares both over many (seed, tag, b)) about 4x faster,
/// which matters when a bootstrap builds one stream per replicate.
class FiveWordSeedSeq {
 public:
  using result_type = std::uint32_t;
  explicit FiveWordSeedSeq(const std::array<std::uint32_t, 5>& v) : v_(v) {}

  template <class It>
  void generate(It first, It last) const {
    constexpr std::size_t n = 624, s = 5, p = 306, q = 317;  // q = p + t, t = 11 for n >= 623
    if (static_cast<std::size_t>(last - first) != n) {       // any other engine: the library's own
      std::seed_seq seq(v_.begin(), v_.end());
      seq.generate(first, last);
      return;
    }
    std::uint32_t* b = &*first;
    std::fill(b, b + n, 0x8b8b8b8bU);
    // k = 0: every word is 0x8b8b8b8b, so T(b[0] ^ b[p] ^ b[n-1]) · 1664525 = 1371501266.
    std::uint32_t prev = 1371501266U + static_cast<std::uint32_t>(s);
    b[p] += 1371501266U;
    b[q] += prev;
    b[0] = prev;
    // k = 1..n-1: r1 = 1664525·T(b[k] ^ b[k+p] ^ b[k-1]), r2 = r1 + k (+ v[k-1] for k <= s),
    // b[k+p] += r1, b[k+q] += r2, b[k] = r2 (indices mod n), T(x) = x ^ (x >> 27).
    const auto step1 = [&](std::size_t k, std::size_t kp, std::size_t kq, std::uint32_t extra) {
      const std::uint32_t a = b[k] ^ b[kp] ^ prev;
      const std::uint32_t r1 = 1664525U * (a ^ (a >> 27U));
      const std::uint32_t r2 = r1 + static_cast<std::uint32_t>(k) + extra;
      b[kp] += r1;
      b[kq] += r2;
      b[k] = r2;
      prev = r2;
    };
    std::size_t k = 1;
    for (; k <= s; ++k) step1(k, k + p, k + q, v_[k - 1]);
    for (; k < n - q; ++k) step1(k, k + p, k + q, 0U);
    for (; k < n - p; ++k) step1(k, k + p, k + q - n, 0U);
    for (; k < n; ++k) step1(k, k + p - n, k + q - n, 0U);
    // k = m..m+n-1, j = k mod n: r3 = 1566083941·T(b[j] + b[j+p] + b[j-1]), r4 = r3 − j,
    // b[j+p] ^= r3, b[j+q] ^= r4, b[j] = r4.
    const auto step2 = [&](std::size_t j, std::size_t jp, std::size_t jq) {
      const std::uint32_t a = b[j] + b[jp] + prev;
      const std::uint32_t r3 = 1566083941U * (a ^ (a >> 27U));
      const std::uint32_t r4 = r3 - static_cast<std::uint32_t>(j);
      b[jp] ^= r3;
      b[jq] ^= r4;
      b[j] = r4;
      prev = r4;
    };
    std::size_t j = 0;
    for (; j < n - q; ++j) step2(j, j + p, j + q);
    for (; j < n - p; ++j) step2(j, j + p, j + q - n);
    for (; j < n; ++j) step2(j, j + p - n, j + q - n);
  }

 private:
  std::array<std::uint32_t, 5> v_;
};

}  // namespace

std::mt19937_64 make_stream(std::uint64_t seed, StreamTag tag, std::uint64_t b) {
  const auto lo = [](std::uint64_t v) { return static_cast<std::uint32_t>(v & 0xffffffffU); };
  const auto hi = [](std::uint64_t v) { return static_cast<std::uint32_t>(v >> 32U); };
  // Same state as std::mt19937_64(std::seed_seq{lo(seed), hi(seed), tag, lo(b), hi(b)}).
  FiveWordSeedSeq seq({lo(seed), hi(seed), static_cast<std::uint32_t>(tag), lo(b), hi(b)});
  return std::mt19937_64(seq);
}

double uniform01(std::mt19937_64& g) {
  return static_cast<double>(g() >> 11U) * 0x1.0p-53;
}

double standard_normal(std::mt19937_64& g) {
  // Box & Muller (1958), Ann. Math. Statist. 29:610. u1 in (0,1] avoids log(0).
  const double u1 = 1.0 - uniform01(g);
  const double u2 = uniform01(g);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace cikit
