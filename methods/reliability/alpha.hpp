#pragma once
/// \file alpha.hpp
/// Cronbach's alpha family with psych::alpha's (psych 2.2.9) full output: whole-scale
/// statistics, Feldt / Duhachek / bootstrap (percentile and BCa) intervals, "alpha if item
/// dropped" and item statistics. Rows = units, cols = items; NaN = missing.

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "methods/core/random.hpp"
#include "methods/stats/bootstrap.hpp"

namespace cikit {

/// How rows with missing values enter a covariance matrix.
enum class MissingRule {
  Pairwise,  ///< each covariance from the rows where both items are present (psych's default)
  Listwise,  ///< only rows with every item present (pingouin); N = number of complete rows
};

struct AlphaOptions {
  /// Item ids for messages and tables (size k), or empty for psych's "V1".."Vk".
  std::vector<std::string> item_ids;
  /// ±1 per item, or empty (all +1). Items keyed −1 are reversed: raw data by
  /// x' = (max(X) + min(X)) − x with max/min over the whole item matrix (psych), a matrix
  /// input by C ← D C D. Reversed items are listed in `AlphaResult::reversed_items`.
  std::vector<double> keys;
  /// Warn (never flip) about items whose loading on the first principal component of R (after
  /// `keys`, sign chosen so that Σ loadings > 0) is negative; they are named in the warning and
  /// in `AlphaResult::negative_pc1_items`.
  bool check_keys = false;
  /// psych 2.2.9: pairwise C, R = cov2cor(C). Listwise drops incomplete rows first.
  MissingRule missing = MissingRule::Pairwise;
  /// A pair of items needs at least this many common rows (2 is the minimum for a covariance;
  /// 3 avoids correlations of ±1 forced by two points). Fewer: DomainError naming the pair.
  Eigen::Index min_pairwise_n = 3;
  /// Singular values of R below pinv_tol · d₁ are dropped in the pseudo-inverse (psych::Pinv's
  /// sqrt(.Machine$double.eps)); R with λ_min/λ_max below it is reported as singular.
  double pinv_tol = 1.4901161193847656e-08;
  /// Two items with |r_ij| > 1 − perfect_r_tol are perfectly (anti-)correlated: a duplicated or
  /// mirrored indicator makes S/N infinite or the standardised total constant → DomainError
  /// naming both items.
  double perfect_r_tol = 1e-12;
  /// Confidence level of the Feldt, Duhachek and bootstrap intervals.
  double level = 0.95;
  /// Normal quantile of the Duhachek interval α ± z·ase. psych prints 1.96 (hard-coded); used as
  /// given for level 0.95, otherwise Φ⁻¹((1 + level)/2).
  double duhachek_z = 1.96;
  /// Bootstrap replicates for the raw-alpha interval (0 = no bootstrap). Raw data only.
  int bootstrap_replicates = 1000;
  /// Master seed; replicate b draws its n row indices from make_stream(seed, Bootstrap, b).
  std::uint64_t seed = kDefaultSeed;
};

/// "Reliability if the item is dropped" (psych `alpha.drop`): alpha.1 on C[−i,−i], R[−i,−i].
struct AlphaDropRow {
  std::string item;
  double raw_alpha = 0.0;
  double std_alpha = 0.0;
  double g6_smc = 0.0;
  double average_r = 0.0;
  double signal_noise = 0.0;
  /// sqrt(Q₋ᵢ / N); absent when N <= k or k = 2 (psych omits/NA's the column then).
  std::optional<double> alpha_se;
  std::optional<double> var_r;  ///< absent when k − 1 = 2 items remain (one correlation has no variance)
  double median_r = 0.0;
};

/// psych `item.stats`.
struct ItemStatsRow {
  std::string item;
  Eigen::Index n = 0;         ///< available values (raw data); 0 for matrix input
  std::optional<double> raw_r;  ///< cor(total, x_i), pairwise; raw data only
  double std_r = 0.0;   ///< (R 1)_i / sqrt(sum R)
  /// As std_r with diag(R) := smc: (R_c 1)_i / sqrt(sum R_c). Absent when sum R_c <= 0 (items
  /// uncorrelated or negatively correlated on average): the square root is undefined there
  /// (psych 2.2.9 returns NaN with "NaNs produced"); a warning states it.
  std::optional<double> r_cor;
  double r_drop = 0.0;  ///< (Σ_j C_ij − C_ii) / sqrt(C_ii · sum C_{−i,−i})
  std::optional<double> mean;  ///< of the (reversed) item; raw data only
  std::optional<double> sd;    ///< n − 1; raw data only
};

/// Bootstrap of raw_alpha over units.
struct AlphaBootstrap {
  int replicates = 0;        ///< B requested
  int failed = 0;            ///< replicates whose alpha was not finite (excluded, warned)
  std::uint64_t seed = 0;
  Eigen::VectorXd values;    ///< raw_alpha of replicate b in slot b (failed ones NaN)
  double median = 0.0;       ///< type-7 median (psych boot.ci middle value)
  Interval percentile;       ///< type-7 quantiles (psych boot.ci)
  std::optional<BcaInterval> bca;  ///< boot::boot.ci(type = "bca") rule; absent if undefined
  Eigen::VectorXd jackknife;  ///< raw_alpha without unit i (for BCa's acceleration)
};

struct AlphaResult {
  std::vector<std::string> items;          ///< retained items (after dropping constants)
  std::vector<double> keys;                ///< ±1 per retained item
  std::vector<std::string> reversed_items;  ///< retained items with key −1
  std::vector<std::string> dropped_items;  ///< constant items removed (psych delete = TRUE)
  std::vector<std::string> negative_pc1_items;  ///< check_keys: items with a negative PC1 loading
  Eigen::Index k = 0;       ///< retained items
  Eigen::Index n_obs = 0;   ///< N for ase and Feldt: nrow(X) including rows with NAs (psych nsub);
                            ///< complete rows under listwise; the given n for matrix input
  Eigen::Index n_complete = 0;  ///< rows with every retained item present (0 for matrix input)

  double raw_alpha = 0.0;   ///< k/(k−1)(1 − tr C / sum C)
  double std_alpha = 0.0;   ///< k/(k−1)(1 − k / sum R)
  double g6_smc = 0.0;      ///< 1 − (k − Σ smc)/sum R
  double average_r = 0.0;   ///< (sum R − k)/(k(k−1))
  double median_r = 0.0;    ///< median of the lower-triangle r_ij
  std::optional<double> var_r;  ///< their variance (n−1); absent for k = 2
  double signal_noise = 0.0;    ///< k r̄/(1 − r̄)
  std::optional<double> ase;    ///< sqrt(Q/N) (Duhachek & Iacobucci, Hattori correction)
  std::optional<double> total_mean;  ///< mean of the person totals (row means of available items)
  std::optional<double> total_sd;    ///< their sd (n − 1)
  std::optional<Interval> feldt;     ///< Feldt interval on raw_alpha
  std::optional<Interval> duhachek;  ///< raw_alpha ± z·ase
  std::optional<AlphaBootstrap> bootstrap;

  std::vector<AlphaDropRow> alpha_drop;
  std::vector<ItemStatsRow> item_stats;
  Eigen::MatrixXd covariance;   ///< C (keyed)
  Eigen::MatrixXd correlation;  ///< R = cov2cor(C)
  double rcond = 0.0;           ///< λ_min/λ_max of R
  std::vector<std::string> warnings;
};

/// Cronbach's alpha with psych::alpha's output on raw data X (rows = units, cols = items).
///
/// Order of work (psych 2.2.9): (1) items with sd <= 0 or NA are dropped with a warning naming
/// them (still counted in the total score as psych does: t = (k·rowmean + Σ x₁,bad)/(k + k_bad),
/// x₁,bad = the dropped items' values in row 1, NA counted as 0); (2) keys reverse items;
/// (3) C = cov(X, pairwise), R = cov2cor(C); (4) alpha.1(C, R):
///   raw α = k/(k−1)(1 − tr C/ΣC); std α = k/(k−1)(1 − k/ΣR); G6 = 1 − (k − Σ smc)/ΣR,
///   smc_i = 1 − 1/(R⁺)_ii (R⁺ Moore–Penrose, clipped to [0,1]); r̄ = (ΣR − k)/(k(k−1));
///   S/N = k r̄/(1 − r̄); Q = 2k²/((k−1)² S³)·[S(tr C² + T²) − 2T·Σ(C²)], S = ΣC, T = tr C,
///   C² = C·C; ase = sqrt(Q/N).
/// Feldt: [1 − (1 − α)F⁻¹(1 − p/2; N−1, (N−1)(k−1)), 1 − (1 − α)F⁻¹(p/2; ·)], p = 1 − level.
/// Duhachek: α ± z·ase. Bootstrap: rows resampled with replacement, raw α with pairwise C.
/// Missing: pairwise (default; N = nrow(X) incl. NA rows) or listwise (N = complete rows).
/// Degenerate input: n <= k computes (R singular, G6 via the pseudo-inverse) with a warning and
/// without the alpha-if-dropped se (psych); a singular R warns quoting λ_min/λ_max; negative Q
/// leaves ase absent with a warning.
/// @throws InvalidInput if X has < 2 columns or < 2 rows, an infinite value, keys of wrong size
///         or not ±1, item_ids of wrong size, or a bad option (level ∉ (0,1), B < 0).
/// @throws DomainError if < 2 items remain after dropping constant ones (naming them), a pair of
///         items has fewer than min_pairwise_n common rows (naming both), two items are perfectly
///         correlated (|r| > 1 − perfect_r_tol, naming both) or have |r| > 1 (possible with
///         R = cov2cor(pairwise C) and missing values; message suggests listwise), the total (or a total without one
///         item) has zero variance (sum C <= 0 or sum R <= 0), or listwise deletion leaves < 2 rows.
/// Reference: Cronbach (1951) Psychometrika 16:297, doi:10.1007/BF02310555; Guttman (1945)
///   Psychometrika 10:255, doi:10.1007/BF02288892; Feldt, Woodruff & Salih (1987) Appl. Psych.
///   Meas. 11:93, doi:10.1177/014662168701100107; Duhachek & Iacobucci (2004) J. Appl. Psych.
///   89:792, doi:10.1037/0021-9010.89.5.792; Hattori et al. (2016, psych's note on the ase
///   correction); Revelle (2022) psych 2.2.9 `alpha`.
/// Complexity: O(n k²) + O(k⁴) for alpha-if-dropped + B·O(n k) (complete data) bootstrap. The
/// complete-data bootstrap sums the drawn rows of X centred once by its column means (no resample
/// is materialised); a resample that repeats one row n times fails (C = 0). With missing values
/// each resample is materialised and its pairwise C computed (B·O(n k²)).
[[nodiscard]] AlphaResult alpha(const Eigen::MatrixXd& x, const AlphaOptions& options = {});

/// Alpha from a covariance (or correlation) matrix C (k × k, items in rows and columns), as
/// psych::alpha on a matrix: R = cov2cor(C); ase and Feldt only when `n_obs` is given
/// (psych's n.obs; psych's own Feldt there uses nrow(C), a quirk not copied); item stats
/// std_r, r_cor, r_drop only. No bootstrap.
/// @throws InvalidInput if C is not square, not symmetric (relative 1e-12), has a NaN, k < 2,
///         keys/item_ids of the wrong size; DomainError if a diagonal entry is <= 0.
[[nodiscard]] AlphaResult alpha_from_covariance(const Eigen::MatrixXd& c, std::optional<Eigen::Index> n_obs,
                                                const AlphaOptions& options = {});

/// Raw alpha of X alone: k/(k−1)(1 − tr C/ΣC), C = cov(X, pairwise) (no dropping, no keys):
/// the statistic of every bootstrap and jackknife replicate. Returns NaN when a pair has < 2
/// common rows or ΣC is 0 (the caller counts such replicates as failed).
[[nodiscard]] double raw_alpha(const Eigen::MatrixXd& x);

/// Jackknife values: raw_alpha(X without row i), i = 0..n−1, by leave-one-out updates of the
/// pairwise sums (O(n k²); complete data: of the column and row-total sums, O(n k)); equal to
/// the direct recomputation up to rounding (~1e-13 relative). NaN where the reduced sample has a
/// pair with < 2 common rows or a zero total variance.
[[nodiscard]] Eigen::VectorXd raw_alpha_jackknife(const Eigen::MatrixXd& x);

}  // namespace cikit
