#pragma once
/// \file split_half.hpp
/// Split-half reliability: odd–even and first–second half splits with the Spearman–Brown
/// correction, and Guttman's λ4 over all splits (exhaustive for k <= 16). Rows = units,
/// cols = items; NaN = missing (pairwise covariances).

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "methods/reliability/alpha.hpp"

namespace cikit {

struct SplitHalfOptions {
  /// Item ids (size k) or empty for "V1".."Vk".
  std::vector<std::string> item_ids;
  /// ±1 per item or empty; C ← D C D (psych splitHalf's `key`). Never flipped automatically
  /// (psych's check.keys = TRUE default is not copied: give keys explicitly).
  std::vector<double> keys;
  /// false: work on R = cov2cor(C) (standardised items; psych splitHalf covar = FALSE default);
  /// true: on C (raw items).
  bool use_covariance = false;
  MissingRule missing = MissingRule::Pairwise;
  Eigen::Index min_pairwise_n = 3;  ///< as AlphaOptions::min_pairwise_n
  /// Enumerate all splits only up to this many items (k = 16: 6 435 splits). Larger k: the
  /// λ4 max/min/mean fields are absent and a note says so (no sampling: results stay exact).
  Eigen::Index max_exhaustive_items = 16;
  double pinv_tol = 1.4901161193847656e-08;  ///< psych::Pinv tolerance (λ6)
};

/// One split into halves A and B of the matrix V (R or C).
struct HalfSplit {
  std::vector<std::string> half_a;  ///< items in A (B = the rest)
  double r_halves = 0.0;        ///< correlation of the half totals: V_AB / sqrt(V_AA V_BB)
  double spearman_brown = 0.0;  ///< 2 r / (1 + r)
  double lambda4 = 0.0;         ///< Guttman λ4 = 4 V_AB / sum(V) (psych's `rab`)
};

struct SplitHalfResult {
  std::vector<std::string> items;
  Eigen::Index k = 0;
  Eigen::Index n_obs = 0;  ///< rows used (all rows under pairwise)
  HalfSplit odd_even;      ///< A = items 1, 3, 5, … (1-based positions)
  HalfSplit first_second;  ///< A = the first floor(k/2) items
  /// Over every split with |A| = floor(k/2) (each unordered split once): λ4 max (psych maxrb),
  /// min (minrb), mean (meanr); absent when k > max_exhaustive_items.
  std::optional<double> lambda4_max;
  std::optional<double> lambda4_min;
  std::optional<double> lambda4_mean;
  std::optional<HalfSplit> best_split;   ///< the split attaining lambda4_max (first in enumeration order)
  std::optional<HalfSplit> worst_split;  ///< the split attaining lambda4_min
  long long n_splits = 0;  ///< splits enumerated (0 when not computed)
  double alpha = 0.0;      ///< (sum V − tr V)/sum V · k/(k−1)
  double lambda2 = 0.0;    ///< (Σ_{i≠j} v_ij + sqrt(k/(k−1) Σ_{i≠j} v_ij²)) / sum V
  double lambda6 = 0.0;    ///< (Σ_{i≠j} v_ij + Σ smc) / sum V (covariance: smc_i · v_ii)
  std::vector<std::string> warnings;
};

/// Split-half reliability of X (rows = units, cols = items).
/// For a split (A, B) of V: V_AA = 1_A' V 1_A, V_AB = 1_A' V 1_B;
/// r = V_AB / sqrt(V_AA V_BB); Spearman–Brown 2r/(1 + r); λ4 = 4 V_AB / 1'V1.
/// Exhaustive λ4: all C(k, floor(k/2)) subsets A of size floor(k/2) (for even k only those
/// containing item 1, so each split once). For odd k this covers every split, whereas psych's
/// splitHalf stops after round(C(k, m))/2 subsets in lexicographic order (a subset), so its
/// maxrb can be lower; for even k the two coincide.
/// @throws InvalidInput if k < 2, n < 2, keys/item_ids of wrong size, an infinite value;
///         DomainError for a constant item (naming it), a pair with < min_pairwise_n common
///         rows, or < 2 complete rows under listwise.
/// Reference: Guttman (1945) Psychometrika 10:255, doi:10.1007/BF02288892; Spearman (1910) and
///   Brown (1910), Br. J. Psychol. 3:271/296, doi:10.1111/j.2044-8295.1910.tb00206.x; Revelle
///   (2022) psych 2.2.9 `splitHalf`.
/// Complexity: O(n k²) + C(k, k/2) · O(k²) (≤ 6 435 · 256 for k = 16).
[[nodiscard]] SplitHalfResult split_half(const Eigen::MatrixXd& x, const SplitHalfOptions& options = {});

/// As split_half on a given covariance/correlation matrix V (k × k); n_obs is reported as 0.
/// @throws InvalidInput if V is not square/symmetric/finite or k < 2; DomainError if a
///         diagonal entry is <= 0.
[[nodiscard]] SplitHalfResult split_half_from_matrix(const Eigen::MatrixXd& v, const SplitHalfOptions& options = {});

}  // namespace cikit
