#pragma once
/// \file random.hpp
/// Seeded random streams, one per (seed, purpose, replicate) (STYLE.md 7.5).
///
/// Stream b = std::mt19937_64 seeded by std::seed_seq{seed_lo32, seed_hi32, tag, b_lo32, b_hi32}.
/// Both std::mt19937_64 and std::seed_seq are fully specified by the C++ standard, so the
/// draws are identical on every platform, and replicate b's draws never depend on which thread
/// runs it. Transforms are our own (std::*_distribution are implementation-defined).

#include <cstdint>
#include <random>

namespace cikit {

/// The CLI's default master seed (a fixed, documented constant; never "random").
inline constexpr std::uint64_t kDefaultSeed = 20221219;  // date the index was announced

/// Purpose tags: each stochastic use draws from its own family of streams.
enum class StreamTag : std::uint32_t {
  Simulate = 1,
  SimulateJudgments = 2,
  Bootstrap = 3,
  MonteCarlo = 4,
  Permutation = 5,
  Parallel = 6,
  SimulateDelphi = 7,  ///< simulated expert consultation (methods/delphi), replicate = round
  SobolScramble = 8,  ///< Sobol' sequence scrambling, one stream per dimension (sensitivity)
  SimulateCriteria = 9,  ///< simulated external criterion columns (methods/simulate), replicate = unit
  AhpPerturbation = 12,  ///< AHP judgment perturbation of one Monte Carlo input value (sensitivity)
  SimulateScenario = 20,   ///< scenario simulator (methods/simulate/scenario.hpp), replicate = unit
  ScenarioJudgments = 21,  ///< scenario AHP judgments from the true weights, replicate = tree node
  MethodStudy = 22,        ///< method-comparison study (methods/study): replicate seeds, outlier injection
  BodResample = 40,        ///< robust (order-m) benefit of the doubt draws (methods/weighting/bod), replicate = unit
};

/// Stream for replicate `b` of purpose `tag` under master seed `seed`.
[[nodiscard]] std::mt19937_64 make_stream(std::uint64_t seed, StreamTag tag, std::uint64_t b);

/// U[0,1) from the top 53 bits of one 64-bit draw.
[[nodiscard]] double uniform01(std::mt19937_64& g);
/// Uniform integer in [0, n) by Lemire's nearly-divisionless method (unbiased). n > 0.
/// Inline: bootstraps call it n times per replicate.
/// Lemire (2019), "Fast random integer generation in an interval", ACM TOMACS 29(1):3.
[[nodiscard]] inline std::uint64_t uniform_index(std::mt19937_64& g, std::uint64_t n) {
  __extension__ using u128 = unsigned __int128;  // GCC/Clang extension; 64x64 -> 128-bit product
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
/// Standard normal by the Box–Muller transform (uses two uniforms per call; the second
/// variate is discarded so that each call consumes a fixed number of draws).
[[nodiscard]] double standard_normal(std::mt19937_64& g);

}  // namespace cikit
