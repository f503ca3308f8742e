#pragma once
/// \file method_study.hpp
/// Method-comparison study (`cikit benchmark-methods`, benchmarks/methods/): for scenarios with
/// a known truth (methods/simulate/scenario.hpp), every normalisation × weighting ×
/// aggregation of the registry is run over R replicates and scored against the truth.
///
/// Replicate r of scenario s (0-based) uses the seed t_sr = first 64-bit draw of
/// make_stream(seed, MethodStudy, s·2^20 + r): the scenario is simulated with seed t_sr, AHP
/// judgments from the true weights with scenario_judgments(tree, experts, noise, t_sr), the
/// bootstrap with bootstrap_units(seed = t_sr), and the injected outliers from
/// make_stream(t_sr, MethodStudy, 2^40). OpenMP runs the (s, r) pairs in parallel; each writes
/// only its own rows, so every number except `seconds` is identical for any thread count.
///
/// Metrics per scenario × method × replicate (docs/methods.md, "Choosing a method"):
///   weight_mae   (1/p) Σ_j |ŵ_j − w_j|, global indicator weights vs the true global weights
///   spearman, kendall   ρ_S and τ_b of the index with the true composite C (rank_stats.hpp)
///   top10        |top-10 by C ∩ top-10 by the index| / 10 (index rank ≤ 10)
///   weight_cv    mean over indicators of sd/mean of ŵ_j over B bootstrap resamples of units
///   rank_width   mean over units of the 5–95 % (type 7) interval of the unit's rank when the
///                index of all units is rebuilt with the bootstrap weights (weights given)
///   outlier_shift 100 · mean |rank(clean) − rank(contaminated)| / n (percent of n): each cell
///                is contaminated with probability inject_rate, x += inject_shift · sd_j
///   seconds      wall time of one build_index() on the clean data (not deterministic)
/// Fuzzy comprehensive evaluation (aggregation `fuzzy`, only when named) uses five grades with
/// characteristic values evenly spaced over [range_lo, range_hi] (−2, −1, 0, 1, 2 for z-scores)
/// for every child (study_fuzzy_grades), operator M(·,⊕).
/// Weights that do not depend on the data (equal, given = the true weights, ahp from fixed
/// judgments) have weight_cv = rank_width = 0 exactly, without resampling.

#include <cstdint>
#include <string>
#include <vector>

#include "methods/core/random.hpp"
#include "methods/core/registry.hpp"
#include "methods/simulate/scenario.hpp"

namespace cikit {

struct StudyScenario {
  std::string id;           ///< short id, e.g. "baseline"
  std::string description;  ///< one line for the report
  ScenarioOptions options;  ///< options.seed is ignored (replicate seeds above)
};

struct StudyMethod {
  NormalizeMethod normalize = NormalizeMethod::MinMax;
  WeightMethod weights = WeightMethod::Equal;
  AggregateMethod aggregate = AggregateMethod::Arithmetic;
  std::string name;  ///< "minmax/entropy/arithmetic" (registry names)
};

struct StudyOptions {
  int replicates = 10;
  int bootstrap = 25;             ///< B per replicate for weight_cv / rank_width (0 = skip: NaN)
  /// Which methods get the bootstrap stability metrics (weight_cv, rank_width), the costly part
  /// (2B index builds per method and replicate): false = the core set only, i.e. the
  /// normalisations minmax, zscore, goalposts × the arithmetic, geometric, harmonic means (every
  /// weighting), NaN for the other methods; true = every method. File key `stability: core|all`.
  bool stability_all = false;
  /// Order r of the power mean (AggregateMethod::Power) in the study; r = 1 would repeat the
  /// arithmetic mean. File key `power_order`.
  double power_order = 0.5;
  double inject_rate = 0.02;      ///< per-cell contamination probability (0 = skip: NaN)
  double inject_shift = 5.0;      ///< contamination size in column sds (right tail)
  int ahp_experts = 3;
  double ahp_noise = 0.35;        ///< sd of the log-ratio noise of the simulated judgments
  double range_lo = 1.0;          ///< min-max/goalposts target range (above 0 so that the
  double range_hi = 100.0;        ///< geometric and harmonic means are defined)
  std::vector<std::string> normalize;  ///< registry names; empty = every registered one
  std::vector<std::string> weights;
  std::vector<std::string> aggregate;
  std::uint64_t seed = kDefaultSeed;
  int threads = 0;  ///< 0 = OpenMP default
};

/// Whether `m` is in the core set that gets the bootstrap stability metrics by default
/// (normalisation minmax, zscore or goalposts; arithmetic, geometric or harmonic mean).
[[nodiscard]] bool is_core_method(const StudyMethod& m);

/// The grade table the study gives fuzzy comprehensive evaluation (see above).
[[nodiscard]] FuzzyParams study_fuzzy_grades(const StudyMethod& m, const StudyOptions& o);

/// One scenario × method × replicate.
struct StudyCell {
  int scenario = 0, method = 0, replicate = 0;
  bool ok = false;
  std::string note;  ///< why the method failed ("" when ok)
  double weight_mae = 0, spearman = 0, kendall = 0, top10 = 0, weight_cv = 0, rank_width = 0,
         outlier_shift = 0, seconds = 0;
};

/// Means over the replicates where the method ran (ok).
struct StudySummary {
  int scenario = 0, method = 0;
  int n_ok = 0;
  std::string note;  ///< first failure reason, if any replicate failed
  double weight_mae = 0, spearman = 0, spearman_sd = 0, kendall = 0, top10 = 0, weight_cv = 0, rank_width = 0,
         outlier_shift = 0, seconds = 0;
};

struct StudyResult {
  std::vector<StudyScenario> scenarios;
  std::vector<StudyMethod> methods;
  StudyOptions options;
  std::vector<StudyCell> cells;        ///< scenario-major, then replicate, then method
  std::vector<StudySummary> summary;   ///< scenario-major, then method
};

/// The method list: the product normalize × weights × aggregate (registry order), from the
/// names in options (empty = all registered).
/// @throws InvalidInput naming an unknown method name.
[[nodiscard]] std::vector<StudyMethod> study_methods(const StudyOptions& options);

/// Runs the study. @throws InvalidInput for no scenarios, replicates < 1, bootstrap < 0 or
/// bad scenario options (before any work).
[[nodiscard]] StudyResult run_method_study(const std::vector<StudyScenario>& scenarios, const StudyOptions& options);

/// Parses a scenarios file (docs/cli.md, benchmark-methods): optional top-level seed,
/// replicates, bootstrap, stability (core|all), power_order, inject_rate, inject_shift, ahp_experts, ahp_noise,
/// methods: {normalize, weights, aggregate} (lists of registry names or `all`), and
/// scenarios: a list of {id, description, and any ScenarioOptions key: units, dimensions,
/// indicators_per_dimension, loading, correlation, weight_spread, noise, skewed_share, skewness,
/// outlier_rate, outlier_shift, missing_rate, negative_share}. Fills `options` from the file.
/// @throws InvalidInput naming file:line:column for unknown keys and bad values.
[[nodiscard]] std::vector<StudyScenario> parse_study_scenarios(const std::string& text, const std::string& file_label,
                                                               StudyOptions& options);

/// The built-in default scenarios file (benchmarks/methods/scenarios.yaml has the same content).
[[nodiscard]] const std::string& default_study_scenarios_yaml();

}  // namespace cikit
