#pragma once
/// \file compare.hpp
/// The index under several method schemes (weighting × normalisation × aggregation) side by
/// side: scores and ranks per unit, rank correlations between schemes, rank shifts and top-N
/// overlap against a reference scheme, and the units whose rank moves most (`cikit compare`);
/// and the bootstrap stability of each scheme's weights and ranks (`cikit compare --stability`).

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/notice.hpp"
#include "methods/core/random.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/stats/rank_stats.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

/// One way of building the index.
struct CompareScheme {
  std::string name;    ///< label in reports ("entropy", or "entropy/minmax/geometric")
  IndexConfig config;  ///< normalisation, weights, aggregation of this scheme
};

/// The Cartesian product weights × normalisations × aggregations over `base`, in the order
/// for each weight method, for each normalisation, for each aggregation. Names
/// are the weight method's name, followed by "/normalisation" and "/aggregation" when more
/// than one of those is compared. Empty lists mean "as in base".
[[nodiscard]] std::vector<CompareScheme> compare_schemes(const IndexConfig& base, const std::vector<WeightMethod>& weights,
                                                         const std::vector<NormalizeMethod>& normalizations,
                                                         const std::vector<AggregateMethod>& aggregations);

struct CompareOptions {
  int reference = 0;  ///< index of the reference scheme in the list
  int top = 10;       ///< N of the top-N overlap
  int movers = 10;    ///< how many units "whose rank moves most" to list
};

/// One scheme's index.
struct SchemeIndex {
  std::string name;
  IndexConfig config;
  Eigen::VectorXd score;  ///< index score per unit (NaN = no score)
  Eigen::VectorXi rank;   ///< competition rank, 1 = best, 0 = no score
  TreeWeights weights;    ///< local/global weights used
  std::vector<std::string> warnings;
  std::vector<Notice> notices;  ///< the adjustments behind some warnings (their text, unprefixed)
};

/// A unit whose rank moves: its reference rank and its range over the schemes.
struct RankMover {
  Eigen::Index unit = 0;
  int reference_rank = 0;
  int best_rank = 0;   ///< min over schemes (ranked ones)
  int worst_rank = 0;  ///< max over schemes
  int max_shift = 0;   ///< max over schemes of |rank - reference rank|
  int max_shift_scheme = 0;  ///< scheme of that shift (first when tied)
};

struct CompareResult {
  std::vector<SchemeIndex> schemes;
  int reference = 0;
  int top = 0;  ///< N actually used (min(top, units))
  /// S × S rank correlations of the index scores between schemes (units scored in both):
  /// Spearman's rho and Kendall's tau-b (spearman_rho, kendall_tau_b; R's cor()). NaN when
  /// undefined (a constant score vector).
  Eigen::MatrixXd spearman;
  Eigen::MatrixXd kendall;
  /// Per scheme against the reference: mean |r_s(c) - r_ref(c)| over units ranked in both
  /// (mean_abs_rank_shift), the maximum, and the top-N overlap (top_n_overlap).
  Eigen::VectorXd mean_abs_shift;
  Eigen::VectorXi max_abs_shift;
  Eigen::VectorXd top_overlap;
  /// The units with the largest max_shift (descending; ties by reference rank), at most
  /// options.movers, only units with max_shift > 0.
  std::vector<RankMover> movers;
  std::vector<std::string> warnings;  ///< prefixed with the scheme name
};

/// Builds the index under every scheme (build_index) and compares them.
/// @throws InvalidInput if there are fewer than 2 schemes, scheme names repeat, the reference
///         is out of range or top/movers < 1; what build_index throws for a scheme, prefixed
///         "scheme NAME: ".
[[nodiscard]] CompareResult compare_index(const Dataset& data, const IndicatorTree& tree,
                                          const std::vector<CompareScheme>& schemes, const WeightInputs& inputs,
                                          const CompareOptions& options = {});

struct StabilityOptions {
  int replicates = 200;               ///< B
  double level = 0.95;                ///< percentile interval of each weight
  std::uint64_t seed = kDefaultSeed;  ///< replicate b resamples units from stream (seed, Bootstrap, b)
  int threads = 0;                    ///< OpenMP threads (results never depend on it)
};

/// Bootstrap stability of one scheme.
struct SchemeStability {
  std::string name;
  /// Per tree node (root = 1): local weight on all units, and over the successful replicates
  /// the mean, SD, CV = SD/mean (NaN when the mean is 0) and the type-7 percentile interval.
  Eigen::VectorXd estimate, mean, sd, cv, lower, upper;
  /// Ranks of the units under each replicate's weights (the full data re-indexed with those
  /// weights fixed): per-unit percentile interval at `level` etc. (rank_statistics).
  RankStatistics ranks;
  int replicates_used = 0;
  std::vector<std::pair<int, std::string>> failures;  ///< (replicate, reason)
};

/// For each scheme: B bootstrap resamples of the units (bootstrap_units: n draws with
/// replacement from make_stream(seed, Bootstrap, b)); on each resample the scheme's weights
/// are recomputed (build_index on the resampled units), then the full set of units is indexed
/// with those weights held fixed (as given weights), giving each unit a rank per replicate.
/// Equal/given weights do not vary (SD 0). The same resamples serve every scheme. Results are
/// identical for any thread count.
/// @throws InvalidInput if B < 2 or level not in (0, 1); as build_index on the full data.
[[nodiscard]] std::vector<SchemeStability> weight_stability(const Dataset& data, const IndicatorTree& tree,
                                                            const std::vector<CompareScheme>& schemes,
                                                            const WeightInputs& inputs,
                                                            const StabilityOptions& options = {});

/// Top-N overlap |A ∩ B| / max(|A|, |B|) with A, B = the units of rank <= n in a, b (ranks
/// 0 = unranked, never in). Without ties |A| = |B| = n and this is |A ∩ B| / n; ties at rank n
/// can put more than n units in a top-N, and the max keeps the share in [0, 1]. NaN if both
/// are empty.
/// @throws InvalidInput if sizes differ or n < 1.
[[nodiscard]] double top_n_overlap(const Eigen::VectorXi& a, const Eigen::VectorXi& b, int n);

}  // namespace cikit
