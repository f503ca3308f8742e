// Tests of methods/sensitivity/sobol_sequence: published unscrambled points, the embedded
// Joe-Kuo parameters (primitive polynomials, valid m), stratification of scrambled points.
#include "methods/sensitivity/sobol_sequence.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "methods/core/error.hpp"
#include "sens_support.hpp"

using sens_test::MessageContains;
using cikit::SobolOptions;
using cikit::sobol_points;

TEST_CASE("sobol_sequence: first 8 unscrambled points in 3 dimensions", "[sensitivity][sobol_sequence][reference]") {
  // Source: Joe & Kuo's sobol.cc with new-joe-kuo-6.21201 (Gray-code order); the same values
  // are printed by scipy.stats.qmc.Sobol(d=3, scramble=False).random(8) (scipy docs show the
  // first two columns for d = 2): exact dyadic fractions, so compared exactly.
  const double ref[8][3] = {{0, 0, 0},           {0.5, 0.5, 0.5},     {0.75, 0.25, 0.25},  {0.25, 0.75, 0.75},
                            {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}};
  SobolOptions o;
  o.scramble = false;
  const Eigen::MatrixXd p = sobol_points(8, 3, o);
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 3; ++j) {
      INFO("point " << i << " dim " << j);
      CHECK(!(p(i, j) < ref[i][j]));
      CHECK(!(p(i, j) > ref[i][j]));
    }
  // Points 9 and 10 (same source): (0.1875, 0.3125, 0.9375), (0.6875, 0.8125, 0.4375).
  const Eigen::MatrixXd q = sobol_points(2, 3, SobolOptions{.scramble = false, .seed = 0, .skip = 8});
  const double ref2[2][3] = {{0.1875, 0.3125, 0.9375}, {0.6875, 0.8125, 0.4375}};
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) CHECK(!(q(i, j) < ref2[i][j] || q(i, j) > ref2[i][j]));
}

namespace {
// x^k mod p over GF(2); p has degree s (bit s set).
std::uint64_t mulmod(std::uint64_t a, std::uint64_t b, std::uint64_t p, int s) {
  std::uint64_t r = 0;
  while (b) {
    if (b & 1U) r ^= a;
    b >>= 1U;
    a <<= 1U;
    if (a >> s & 1U) a ^= p;
  }
  return r;
}
std::uint64_t powmod(std::uint64_t a, std::uint64_t e, std::uint64_t p, int s) {
  std::uint64_t r = 1;
  while (e) {
    if (e & 1U) r = mulmod(r, a, p, s);
    a = mulmod(a, a, p, s);
    e >>= 1U;
  }
  return r;
}
}  // namespace

TEST_CASE("sobol_sequence: embedded Joe-Kuo parameters are valid", "[sensitivity][sobol_sequence][property]") {
  // Each polynomial x^s + a_1 x^{s-1} + ... + 1 must be primitive over GF(2): the order of x
  // modulo p is 2^s - 1 (x^(2^s-1) = 1 and x^((2^s-1)/q) != 1 for every prime q | 2^s - 1).
  // Also: m_k odd and < 2^k; dimensions in order with degrees non-decreasing; the number of
  // polynomials of each degree s <= 9 is phi(2^s - 1)/s (all primitive polynomials are used).
  const auto params = cikit::joe_kuo_parameters();
  REQUIRE(params.size() == static_cast<std::size_t>(cikit::kSobolMaxDimension - 1));
  std::vector<int> per_degree(11, 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& p = params[i];
    INFO("dimension " << p.d);
    CHECK(p.d == static_cast<int>(i) + 2);
    if (i > 0) CHECK(p.s >= params[i - 1].s);
    ++per_degree[static_cast<std::size_t>(p.s)];
    const std::uint64_t poly = (std::uint64_t{1} << p.s) | (static_cast<std::uint64_t>(p.a) << 1U) | 1U;
    const std::uint64_t order = (std::uint64_t{1} << p.s) - 1;
    CHECK(powmod(2, order, poly, p.s) == 1);
    std::uint64_t rest = order;
    for (std::uint64_t q = 2; q * q <= rest || rest > 1; ++q) {
      if (q * q > rest) q = rest;
      if (rest % q) continue;
      CHECK(powmod(2, order / q, poly, p.s) != 1);
      while (rest % q == 0) rest /= q;
    }
    for (int k = 0; k < p.s; ++k) {
      const auto m = p.m[static_cast<std::size_t>(k)];
      CHECK(m % 2 == 1);
      CHECK(m < (1U << (k + 1)));
    }
  }
  const int expected[] = {0, 1, 1, 2, 2, 6, 6, 18, 16, 48};  // phi(2^s - 1)/s
  for (int s = 1; s <= 9; ++s) CHECK(per_degree[static_cast<std::size_t>(s)] == expected[s]);
}

TEST_CASE("sobol_sequence: scrambled points lie in the unit interval and are stratified", "[sensitivity][sobol_sequence][property]") {
  // LMS + digital shift keeps the net property: for every m <= 10, the first 2^m points put
  // exactly one point in each interval [a/2^m, (a+1)/2^m) of every coordinate. Checked for all
  // 128 dimensions, and for the unscrambled sequence too.
  for (const bool scramble : {true, false}) {
    const Eigen::MatrixXd p = sobol_points(1024, cikit::kSobolMaxDimension, SobolOptions{.scramble = scramble, .seed = 11});
    REQUIRE((p.array() >= 0.0).all());
    REQUIRE((p.array() < 1.0).all());
    for (int m = 1; m <= 10; ++m) {
      const int n = 1 << m;
      for (int d = 0; d < p.cols(); ++d) {
        std::vector<int> hits(static_cast<std::size_t>(n), 0);
        for (int i = 0; i < n; ++i) ++hits[static_cast<std::size_t>(p(i, d) * n)];
        bool once = true;
        for (int h : hits) once = once && h == 1;
        INFO("scramble " << scramble << " m " << m << " dim " << d);
        REQUIRE(once);
      }
    }
  }
}

TEST_CASE("sobol_sequence: scrambling is seeded and differs by seed", "[sensitivity][sobol_sequence][property]") {
  const Eigen::MatrixXd a = sobol_points(64, 5, SobolOptions{.seed = 3});
  const Eigen::MatrixXd b = sobol_points(64, 5, SobolOptions{.seed = 3});
  const Eigen::MatrixXd c = sobol_points(64, 5, SobolOptions{.seed = 4});
  CHECK((a.array() == b.array()).all());
  CHECK(!((a.array() == c.array()).all()));
  // The first scrambled point is not 0 (the digital shift moves it).
  CHECK(a(0, 0) > 0.0);
  // Random access: skip = 32 gives rows 32.. of the same sequence.
  const Eigen::MatrixXd tail = sobol_points(32, 5, SobolOptions{.seed = 3, .skip = 32});
  CHECK((tail.array() == a.bottomRows(32).array()).all());
}

TEST_CASE("sobol_sequence: errors", "[sensitivity][sobol_sequence][error]") {
  using cikit::InvalidInput;
  CHECK_THROWS_MATCHES(sobol_points(4, 0), InvalidInput, MessageContains("dimensions is 0"));
  CHECK_THROWS_MATCHES(sobol_points(4, cikit::kSobolMaxDimension + 1), InvalidInput,
                       MessageContains("must be in [1, 128]"));
  CHECK_THROWS_MATCHES(sobol_points(-1, 2), InvalidInput, MessageContains("n is -1"));
  CHECK_THROWS_MATCHES(sobol_points(2, 2, SobolOptions{.skip = std::uint64_t{1} << 32}), InvalidInput,
                       MessageContains("2^32"));
}
