#pragma once
/// \file sobol_sequence.hpp
/// Sobol' low-discrepancy sequence in up to kSobolMaxDimension dimensions, optionally scrambled
/// (Matoušek's random linear matrix scrambling + random digital shift, seeded per dimension).
///
/// Construction (Bratley & Fox 1988; Joe & Kuo 2008). Dimension 1 has all m_k = 1 (van der
/// Corput). Dimension d >= 2 has a primitive polynomial over GF(2) of degree s,
/// x^s + a_1 x^{s-1} + ... + a_{s-1} x + 1 (the integer `a` holds a_1..a_{s-1}, a_1 = most
/// significant bit), and initial odd numbers m_1..m_s (m_k < 2^k). Further m_k follow
///   m_k = 2 a_1 m_{k-1} XOR 4 a_2 m_{k-2} XOR ... XOR 2^{s-1} a_{s-1} m_{k-s+1}
///         XOR 2^s m_{k-s} XOR m_{k-s}.
/// Direction numbers v_k = m_k / 2^k (k = 1..32, binary fractions). Point n (n = 0, 1, ...) in
/// Gray-code order (Antonov & Saleev 1979): x_n = XOR of v_k over the set bits k of
/// g(n) = n XOR (n >> 1). The first 2^m points of the Gray-code order are the same set as the
/// first 2^m of the natural order, and the order equals Joe & Kuo's sobol.cc and
/// scipy.stats.qmc.Sobol(scramble = False).
///
/// Direction-number parameters: Joe & Kuo's file "new-joe-kuo-6.21201" (search criterion D(6),
/// 21201 dimensions), dimensions 2..128 embedded as data in sobol_sequence.cpp.
///
/// Scrambling (scramble = true, the default), per dimension j, from the stream
/// make_stream(seed, StreamTag::SobolScramble, j) (methods/core/random.hpp):
///   - a 53 × 53 random binary lower-triangular matrix L_j with unit diagonal (Matoušek 1998
///     "linear matrix scrambling"): row i (output digit i = 1..53) takes one 64-bit draw, whose
///     bits are masked to input digits 1..min(i-1, 32) (digits beyond 32 of an unscrambled point
///     are 0); the diagonal is 1 for i <= 32;
///   - a random digital shift e_j of 53 bits (the top 53 bits of one further draw).
/// Scrambled point: x'_n = L_j x_n XOR e_j, digit-wise over GF(2), as 53-bit binary fraction.
/// LMS + shift keeps the digital (t, m, s)-net structure, so every power-of-two prefix of 2^m
/// points still puts exactly one point in each elementary interval [a/2^m, (a+1)/2^m) of every
/// coordinate; each point is uniform on [0, 1). This is the scrambling scipy.stats.qmc.Sobol
/// uses (Owen's nested scrambling is stronger but needs a tree of random bits per dimension).
///
/// References:
///   Sobol' (1967), On the distribution of points in a cube and the approximate evaluation of
///     integrals, USSR Comput. Math. Math. Phys. 7(4):86, doi:10.1016/0041-5553(67)90144-9.
///   Bratley & Fox (1988), Algorithm 659, ACM TOMS 14(1):88, doi:10.1145/42288.214372.
///   Joe & Kuo (2008), Constructing Sobol sequences with better two-dimensional projections,
///     SIAM J. Sci. Comput. 30(5):2635, doi:10.1137/070709359; direction numbers
///     https://web.maths.unsw.edu.au/~fkuo/sobol/ (file new-joe-kuo-6.21201).
///   Antonov & Saleev (1979), USSR Comput. Math. Math. Phys. 19(1):252,
///     doi:10.1016/0041-5553(79)90085-5 (Gray-code order).
///   Matoušek (1998), On the L2-discrepancy for anchored boxes, J. Complexity 14(4):527,
///     doi:10.1006/jcom.1998.0489 (linear matrix scrambling).

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <span>

#include "methods/core/random.hpp"

namespace cikit {

/// Number of dimensions with embedded direction numbers (Joe & Kuo dimensions 1..128).
inline constexpr int kSobolMaxDimension = 128;
/// Binary digits of the unscrambled sequence: at most 2^32 points.
inline constexpr int kSobolBits = 32;

/// One line of Joe & Kuo's direction-number file: dimension d, degree s, polynomial
/// coefficients a, initial direction numbers m_1..m_s (the rest 0).
struct JoeKuoParameters {
  int d;
  int s;
  std::uint32_t a;
  std::array<std::uint32_t, 10> m;
};

/// The embedded parameters of dimensions 2..kSobolMaxDimension (new-joe-kuo-6.21201).
[[nodiscard]] std::span<const JoeKuoParameters> joe_kuo_parameters();

struct SobolOptions {
  /// Scramble (LMS + digital shift). Unscrambled Sobol' points start at 0 and are biased for
  /// Monte Carlo estimators; scrambling makes every point uniform and the estimate unbiased.
  bool scramble = true;
  /// Master seed of the scrambling streams (ignored when scramble = false).
  std::uint64_t seed = kDefaultSeed;
  /// Index of the first point returned (0 = the start). Keep it 0 (or a power of 2) so that
  /// prefixes of 2^m points stay balanced; SALib discourages skipping.
  std::uint64_t skip = 0;
};

/// Points skip .. skip + n - 1 of the (scrambled) Sobol' sequence: n rows (points) × dimensions
/// columns (coordinates), every value in [0, 1).
/// Random access per point, so the result does not depend on threads.
/// @throws InvalidInput if n < 0, dimensions is not in [1, kSobolMaxDimension], or
///         skip + n > 2^32.
/// Complexity: O(n · dimensions) after O(dimensions · 53 · 32) set-up.
/// Reference: see the file comment (Sobol' 1967; Joe & Kuo 2008; Matoušek 1998).
[[nodiscard]] Eigen::MatrixXd sobol_points(Eigen::Index n, int dimensions, const SobolOptions& options = {});

}  // namespace cikit
