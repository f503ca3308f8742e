#pragma once
/// \file sobol_convergence.hpp
/// Has a Sobol' index converged at the base size N of its design? A rule stated once and used by
/// every report (the appendix's A13, `cikit sensitivity`): an index is converged when
///   (a) its bootstrap CI half-width h is at most the tolerance τ, and, for a first-order index,
///       its CI does not include 0 (otherwise it is not distinguishable from 0 at this N), and
///   (b) it moved by at most τ between the first N/2 and all N base rows (the convergence table).
/// h is the larger of SALib's normal half-width z·sd and half the percentile interval's width.
/// The base size needed follows from the Monte Carlo rate (h ∝ N^−1/2, as the N/2 → N change):
/// N_needed = N·(max(h, change)/τ)², or N·(h/S)² for a first-order index whose only failure is a CI
/// including 0 (S > 0: the half-width must fall below the estimate), rounded up to a power of 2;
/// the design then makes N_needed·(k + 2) model runs. A total-order index above 1 (the true one
/// is ≤ 1) is Monte Carlo error of the estimator: flagged, never clamped, never called dominant.
/// Reference: Saltelli et al. (2010), CPC 181:259, doi:10.1016/j.cpc.2009.09.018 (bootstrap CIs
///   and convergence of the estimators with N); Saisana, Saltelli & Tarantola (2005), JRSS-A
///   168:307, doi:10.1111/j.1467-985X.2005.00350.x (JRC audits: indices reported with their
///   bootstrap CIs, N increased until they are stable); Archer, Saltelli & Sobol' (1997), J. Stat.
///   Comput. Simul. 58:99, doi:10.1080/00949659708811825 (bootstrap of Sobol' indices).

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "methods/sensitivity/sobol_indices.hpp"

namespace cikit {

/// Default tolerance τ of the convergence rule (absolute, on the index scale 0–1).
inline constexpr double kSobolTolerance = 0.05;

/// Largest base size N_needed reported; beyond it (or when no N can help) n_needed is 0.
inline constexpr Eigen::Index kSobolMaxNeeded = Eigen::Index{1} << 30;

/// Why an index is not converged (bits of IndexConvergence::reasons).
enum SobolNotConverged : unsigned {
  kCiIncludesZero = 1u,  ///< first order: the CI includes 0
  kCiTooWide = 2u,       ///< CI half-width h > τ
  kUnstable = 4u,        ///< |S(N) − S(N/2)| > τ
};

/// Status of one index.
struct IndexConvergence {
  bool converged = true;
  unsigned reasons = 0;     ///< SobolNotConverged bits (0 when converged)
  double estimate = 0.0;
  double half_width = 0.0;  ///< h (0 without bootstrap)
  double change = 0.0;      ///< |S(N) − S(N/2)| (0 without a convergence table)
  bool above_one = false;   ///< total order: estimate > 1 (estimator noise; the true S_T <= 1)
  /// Base size at which the rule is expected to hold (a power of 2, >= N; N when converged);
  /// 0 when none can be estimated (a first-order index whose CI includes 0 with an estimate
  /// <= 0, i.e. consistent with 0, or beyond kSobolMaxNeeded).
  Eigen::Index n_needed = 0;
};

/// Status of one index from its numbers (the rule of the file comment). first_order selects
/// rule (a)'s CI-includes-0 test; with has_ci false (no bootstrap) only rule (b) applies, and
/// with has_change false (no convergence table) only rule (a).
/// @throws InvalidInput if n < 2, tolerance is not > 0, or a value is not finite.
[[nodiscard]] IndexConvergence classify_sobol_index(double estimate, double lower, double upper, double half_width,
                                                    double change, bool first_order, bool has_ci, bool has_change,
                                                    Eigen::Index n, double tolerance = kSobolTolerance);

/// The smallest power of 2 >= max(n, n·ratio²) (ratio = current/target precision), or 0 when that
/// exceeds kSobolMaxNeeded or ratio is not finite.
[[nodiscard]] Eigen::Index sobol_n_needed(Eigen::Index n, double ratio);

/// Statuses of every input's indices for output `output` of `s`.
struct SobolConvergenceStatus {
  double tolerance = kSobolTolerance;
  Eigen::Index n = 0;
  int inputs = 0;
  std::vector<IndexConvergence> first;  ///< per input
  std::vector<IndexConvergence> total;  ///< per input
  Eigen::Index n_needed = 0;  ///< the largest n_needed over the unconverged indices (0: none estimable)
  [[nodiscard]] bool all_converged() const;
  [[nodiscard]] int not_converged() const;  ///< count over first and total
  /// Model runs of a design with base size m: m(k + 2).
  [[nodiscard]] Eigen::Index runs(Eigen::Index m) const { return m * (inputs + 2); }
};

/// Applies classify_sobol_index to every index of output `output` (CI from the bootstrap when
/// it ran; change from N/2 to N when the convergence table exists).
/// @throws InvalidInput if output is out of range or tolerance is not > 0.
[[nodiscard]] SobolConvergenceStatus sobol_convergence_status(const SobolIndices& s, Eigen::Index output = 0,
                                                              double tolerance = kSobolTolerance);

}  // namespace cikit
