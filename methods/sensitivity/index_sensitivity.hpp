#pragma once
/// \file index_sensitivity.hpp
/// Robustness of a whole indicator system, as `cikit sensitivity` runs it: the spec's
/// `uncertainty:` block turned into uncertain inputs, a bootstrap over units of the index's
/// data-driven parts (weights, reliability per node, ranks), leave-one-out structure checks,
/// and one typed result holding everything (for the CLI and the appendix: rank intervals,
/// Sobol' indices).

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/progress.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/core/uncertainty_block.hpp"
#include "methods/stats/bootstrap_units.hpp"
#include "methods/stats/rank_stats.hpp"
#include "methods/sensitivity/uncertainty.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

/// Uncertain inputs of an `uncertainty:` block, in this order when present: "impute",
/// "normalize", "weights", "aggregate" (list form: the global method) or one
/// "aggregate.<key>" per level of the mapping form (declaration order; `nodes` = the inner
/// nodes at depth L − 1 for level L, `indicators` = the deepest level), "exclude" (discrete;
/// `exclude: any` = none plus every indicator whose group keeps at least one other indicator),
/// "weight_noise" (perturb or dirichlet), and "ahp_judgments" (ahp). Sets with one name are kept
/// (they fix that choice for every run). `nominal` supplies methods.treat.group.
/// @throws InvalidInput at the entry's location for an exclude entry that is not 'none' or an
///         indicator id, an excluded indicator that is its group's only one, a level deeper than
///         the tree, `indicators` on a tree with indicators at different depths, two keys naming
///         the same level, 'group_mean' without methods.treat.group.
[[nodiscard]] UncertaintySpec uncertainty_inputs(const UncertaintyBlock& block, const IndicatorTree& tree,
                                                 const IndexConfig& nominal = {});

struct IndexBootstrapOptions {
  int replicates = 1000;  ///< B
  double level = 0.95;    ///< intervals of the statistics and of the ranks
  std::uint64_t seed = kDefaultSeed;  ///< resample b: stream (seed, Bootstrap, b), shared by every part
  int threads = 0;
  bool reliability = true;  ///< alpha (≥ 2 indicators) and KMO (≥ 3) per inner node
  /// Also one-factor omega_total (observed denominator, as psych::omega with nfactors = 1) per
  /// inner node with ≥ 3 indicators. Off by default: a minres fit per node and replicate costs
  /// about 100× an alpha (≈ 10 s of CPU for B = 1000 on the example's four 14-indicator
  /// dimensions, far more for large nodes).
  bool omega = false;
  /// Optional: (resamples done, B) of the index part (the statistics per node report none);
  /// never affects the results.
  ProgressFn progress;
};

/// One bootstrapped statistic of one node.
struct NodeStatisticInterval {
  std::string statistic;  ///< "local_weight", "alpha", "kmo", "omega"
  std::string node_id;
  BootstrapInterval interval;  ///< estimate, percentile and BCa ends, replicates used
  std::vector<std::pair<int, std::string>> failures;  ///< alpha/KMO: replicates that failed
};

struct IndexBootstrapResult {
  int replicates = 0;
  double level = 0.95;
  std::uint64_t seed = 0;
  /// Local weights of every non-root node when the weighting is data-driven (else empty).
  std::vector<NodeStatisticInterval> weights;
  /// Raw alpha, KMO's overall MSA and (IndexBootstrapOptions::omega) omega_total per inner node
  /// (direction-corrected indicators).
  std::vector<NodeStatisticInterval> reliability;
  /// Per unit: nominal rank and the median and (1 ∓ level)/2 percentiles of its rank over the
  /// replicates (n_runs = replicates in which the unit has a rank); absent with a warning for a
  /// normalisation that cannot score new units.
  std::optional<RankStatistics> ranks;
  /// How units are scored in a replicate (stated in every output).
  std::string scoring_rule;
  std::vector<std::pair<int, std::string>> failures;  ///< index part: failed replicates
  std::vector<std::string> warnings;
};

/// Bootstrap over units of the index (Efron & Tibshirani 1993): replicate b resamples the n
/// units with replacement and re-estimates every data-driven part of the nominal configuration
/// on the resample: normalisation bounds (min/max, or mean/sd), data-driven weights (entropy,
/// CV, SD, CRITIC, PCA) and, per inner node, raw alpha and KMO. All n original units are then
/// scored with that resampled model, so every unit has a rank in every replicate, whether it
/// was drawn or not: min-max bounds become goalposts (values beyond the resample's range are
/// clipped to it, the goalposts rule), z-scores use the resample's mean and sd, goalposts stay
/// fixed; the weights are the resample's. Intervals: percentile (type 7) and BCa (jackknife
/// acceleration) for weights and reliability (bootstrap_units), type-7 percentiles of the ranks.
/// A replicate that fails (e.g. a constant indicator in the resample) is counted with its
/// reason and left out; every statistic states its replicates used.
/// @throws InvalidInput/DomainError if the nominal index cannot be built.
/// Reference: Efron & Tibshirani (1993) An Introduction to the Bootstrap, ch. 6, 14; Saisana,
///   Saltelli & Tarantola (2005) JRSS-A 168:307 (rank intervals).
[[nodiscard]] IndexBootstrapResult bootstrap_index(const Dataset& data, const IndicatorTree& tree,
                                                   const IndexConfig& config, const WeightInputs& inputs = {},
                                                   const IndexBootstrapOptions& options = {});

/// One removal of the leave-one-out check.
struct LeaveOneOutRow {
  std::string kind;  ///< "indicator" or "dimension"
  std::string id;
  bool computed = false;
  std::string error;        ///< why not (only indicator of its group, index fails, ...)
  Eigen::VectorXi ranks;    ///< index ranks without it (0 = unranked)
  double mean_abs_rank_shift = 0.0;  ///< R̄s against the nominal ranks
  int max_abs_rank_shift = 0;
};

struct LeaveOneOutResult {
  Eigen::VectorXi nominal;
  std::vector<LeaveOneOutRow> rows;  ///< indicators (leaf order), then dimensions (root's children)
  /// Per unit: the row whose removal moves its rank most (-1 if none moves it) and that shift
  /// (rank without − nominal rank; ties: the first row).
  std::vector<int> most_moving_row;
  Eigen::VectorXi most_moving_shift;
  std::vector<std::string> warnings;
};

/// Leave-one-indicator-out and leave-one-dimension-out (OECD/JRC Handbook 2008 §7; COINr
/// remove_elements): the index rebuilt without each indicator (its group keeps its other
/// indicators; data-driven and AHP weights recomputed for the smaller system) and without each
/// first-level dimension, each compared with the nominal ranks by R̄s and the largest |shift|.
/// Removals that cannot be computed are listed with the reason, never dropped. OpenMP over rows.
[[nodiscard]] LeaveOneOutResult leave_one_out(const Dataset& data, const IndicatorTree& tree,
                                              const IndexConfig& config, const WeightInputs& inputs = {},
                                              int threads = 0);

/// Per unit (column of `total`, k inputs × units): the input with the largest total-order index
/// of the unit's rank (-1 when all are 0, e.g. a rank that never changes).
[[nodiscard]] std::vector<int> dominant_inputs(const Eigen::MatrixXd& total);

/// Everything `cikit sensitivity` computes, for renderers and the appendix.
struct SensitivityAnalysis {
  std::uint64_t seed = 0;
  std::vector<std::string> unit_ids;
  Eigen::VectorXi nominal_ranks;
  UncertaintySpec inputs;                       ///< the declared uncertain inputs
  std::optional<MonteCarloResult> monte_carlo;  ///< rank intervals (A12), Sobol' indices (A13)
  DesignKind design = DesignKind::Sobol;        ///< base points actually used
  std::optional<IndexBootstrapResult> bootstrap;
  std::optional<LeaveOneOutResult> leave_one_out;
  std::vector<std::string> warnings;
  std::vector<Notice> notices;  ///< fallbacks behind some warnings (the pseudo-random design), as data
};

struct SensitivityOptions {
  Eigen::Index replicates = 10000;  ///< target model runs of the design: N = ⌈R/(k+2)⌉ rounded up to 2^m
  Eigen::Index sobol_n = 0;          ///< base size N (overrides replicates when > 0)
  int sobol_bootstrap = 1000;        ///< bootstrap resamples of the Sobol' indices
  bool unit_sobol = true;            ///< Sobol' indices of every unit's rank
  int unit_sobol_bootstrap = 0;      ///< bootstrap resamples of their CIs (0 = point estimates)
  int bootstrap = 1000;              ///< bootstrap over units (0 = skip)
  bool bootstrap_omega = false;      ///< IndexBootstrapOptions::omega
  bool leave_one_out = true;
  std::uint64_t seed = kDefaultSeed;
  int threads = 0;
  ProgressCallback progress;  ///< Monte Carlo runs
  ProgressFn bootstrap_progress;  ///< bootstrap over units (IndexBootstrapOptions::progress)
};

/// Base size N for a target number of runs R and k inputs: the smallest power of 2 with
/// N(k + 2) >= R (at least 4, so that N/4 >= 1 for the convergence report... and >= 2).
[[nodiscard]] Eigen::Index design_base_size(Eigen::Index replicates, int k);

/// Runs the Monte Carlo/Sobol' design over `inputs` (when it declares any), the bootstrap over
/// units and the leave-one-out checks. The Saltelli base points are scrambled Sobol' when the
/// inputs own at most 64 coordinates (2d <= 128 dimensions) and pseudo-random otherwise
/// (stated in `design` and a note).
[[nodiscard]] SensitivityAnalysis analyse_sensitivity(const Dataset& data, const IndicatorTree& tree,
                                                      const IndexConfig& config, const WeightInputs& weight_inputs,
                                                      const UncertaintySpec& inputs, const SensitivityOptions& options);

}  // namespace cikit
