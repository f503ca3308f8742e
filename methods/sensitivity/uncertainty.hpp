#pragma once
/// \file uncertainty.hpp
/// Monte Carlo uncertainty and sensitivity analysis over modelling assumptions (JRC approach:
/// Saisana, Saltelli & Tarantola 2005; OECD/JRC Handbook 2008 §7; COINr get_sensitivity).
///
/// The assumptions are declared as a list of uncertain inputs. Each input owns one or more
/// coordinates of a Saltelli design (sobol_indices.hpp), so one design row u ∈ [0, 1)^d maps
/// to one concrete configuration:
///   - Discrete (a set of m labels): choice = min(floor(u m), m - 1), each label w.p. 1/m;
///   - Continuous [lower, upper): value = lower + (upper - lower) u;
///   - WeightPerturbation (±p %): w_j' = w_j (1 + (p/100)(2 u_j - 1)), then renormalised so each
///     group keeps its nominal sum (JRC audits use p = 25);
///   - WeightDirichlet (concentration c): per group, g_j = F⁻¹_{Gamma(c w_j, 1)}(u_j) and
///     w_j' = S g_j / Σ g (S = the group's nominal sum), i.e. w' ~ S · Dirichlet(c w / S); the
///     mean is the nominal w and larger c means less spread (Var w_j' = w_j (S - w_j)/(S(c + 1))
///     for S = 1). Zero nominal weights stay 0.
/// A weight input's Sobol' indices are those of the group of all its coordinates.

#include <Eigen/Core>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"
#include "methods/stats/rank_stats.hpp"
#include "methods/sensitivity/sobol_indices.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

enum class UncertainKind {
  Discrete,            ///< spec name "discrete": one of `labels`
  Continuous,          ///< "continuous": uniform on [lower, upper)
  WeightPerturbation,  ///< "perturb": each weight uniform within ±percent %, renormalised
  WeightDirichlet,     ///< "dirichlet": Dirichlet around the nominal weights, concentration c
  /// "ahp": AHP judgments moved ±steps positions on Saaty's scale (one coordinate u; the draw
  /// comes from stream (seed, AhpPerturbation, ⌊u·2^53⌋), see perturb_judgments()).
  JudgmentPerturbation,
};

/// The spec/CLI name of a kind ("discrete", "continuous", "perturb", "dirichlet").
[[nodiscard]] std::string_view uncertain_kind_name(UncertainKind kind);
/// Parses a kind name. @throws InvalidInput naming the accepted names for an unknown one.
[[nodiscard]] UncertainKind parse_uncertain_kind(std::string_view name);

/// One uncertain modelling assumption.
struct UncertainInput {
  std::string name;  ///< unique; shown in reports
  UncertainKind kind = UncertainKind::Discrete;
  std::vector<std::string> labels;  ///< Discrete: the choices (>= 1, unique)
  /// Discrete aggregation inputs named "aggregate.<level>" (run_uncertainty): the ids of the
  /// inner nodes whose aggregation the choice sets (non-empty; a node in one such input only).
  std::vector<std::string> nodes;
  double lower = 0.0;               ///< Continuous: range [lower, upper)
  double upper = 1.0;
  /// Weight kinds: the nominal weights (>= 0; each group's sum > 0). run_uncertainty fills
  /// them from the tree (leave empty there).
  Eigen::VectorXd nominal_weights;
  /// Weight kinds: group of each weight (renormalisation is within groups, e.g. the children of
  /// one tree node); empty = a single group.
  std::vector<int> weight_groups;
  double percent = 25.0;         ///< WeightPerturbation: p in (0, 100) (JRC default 25)
  double concentration = 100.0;  ///< WeightDirichlet: c > 0
  int steps = 1;                 ///< JudgmentPerturbation: 1..8 positions on Saaty's scale
  double reject_cr = 0.0;        ///< JudgmentPerturbation: redraw when a CR exceeds it (0 = never)

  /// Coordinates this input owns in the design (1, or the number of weights).
  [[nodiscard]] int coordinates() const;
};

struct UncertaintySpec {
  std::vector<UncertainInput> inputs;
};

/// Checks a declaration: at least one input; names non-empty and unique; Discrete labels
/// non-empty and unique; Continuous bounds finite with lower < upper; perturbation percent in
/// (0, 100) (>= 100 % could zero or negate a weight); concentration finite and > 0; weights
/// non-empty (when `require_weights`), finite, >= 0, groups of matching size with a positive sum.
/// @throws InvalidInput with Location{.node = input name} naming the rule broken.
void validate_uncertainty_spec(const UncertaintySpec& spec, bool require_weights = true);

/// The concrete value of one input in one run.
struct InputValue {
  int choice = -1;          ///< Discrete: index into labels
  std::string label;        ///< Discrete: the chosen label
  double value = 0.0;       ///< Continuous: the value
  Eigen::VectorXd weights;  ///< weight kinds: the perturbed weights
  Eigen::VectorXd u;        ///< the input's raw design coordinates in [0, 1)
};

/// Perturbed weights from uniform coordinates u (one per weight), by the rules in the file
/// comment. kind must be WeightPerturbation or WeightDirichlet.
/// @throws InvalidInput if sizes disagree; DomainError if a group's weights all become 0.
[[nodiscard]] Eigen::VectorXd perturbed_weights(UncertainKind kind, const Eigen::VectorXd& nominal,
                                                const std::vector<int>& groups, double percent,
                                                double concentration, const Eigen::VectorXd& u);

/// Group of each design coordinate (input index), in declaration order.
[[nodiscard]] std::vector<int> coordinate_groups(const UncertaintySpec& spec);

/// Maps one design row (all coordinates, in declaration order) to the inputs' values.
/// @throws InvalidInput if the row has the wrong length or a value outside [0, 1].
[[nodiscard]] std::vector<InputValue> decode_design_row(const UncertaintySpec& spec, const Eigen::VectorXd& row);

/// The index of one run: unit ranks (1 = best, 0 = unranked) from the inputs' values.
using RanksModel = std::function<Eigen::VectorXi(const std::vector<InputValue>& values)>;

struct MonteCarloOptions {
  Eigen::Index n = 256;  ///< base size N of the Saltelli design: N(k + 2) runs; a power of 2
  DesignOptions design;  ///< scrambled Sobol' (default) or random base points, and their seed
  SobolIndexOptions sobol;          ///< estimator conventions and bootstrap of the indices
  RankStatsOptions rank_stats;      ///< percentiles of the rank intervals (5th, 95th)
  bool sobol_of_unit_ranks = false; ///< also indices of every unit's rank (k × units)
  /// Bootstrap resamples of the unit-rank indices' CIs (sobol.bootstrap_resamples is for R̄s);
  /// costs O(B N k units), so 0 (point estimates only) by default.
  int unit_rank_bootstrap = 0;
  int threads = 0;                  ///< OpenMP threads for the runs (sobol.threads: its bootstrap); 0 = default
  ProgressCallback progress;        ///< optional progress of the runs (evaluate_design)
};

struct MonteCarloResult {
  std::vector<std::string> input_names;
  Eigen::Index n = 0;     ///< base size N
  Eigen::Index runs = 0;  ///< N(k + 2)
  Eigen::VectorXi nominal;       ///< nominal ranks
  Eigen::MatrixXi run_ranks;     ///< runs × units (design layout); a failed run's row is 0
  Eigen::VectorXd rank_shift;    ///< R̄s per run (NaN for a failed run)
  /// Rank statistics over the 2N runs of A and B (independent draws of all inputs; the
  /// A_B^(i) runs are not an i.i.d. sample), as COINr's SA mode. Failed runs are left out.
  RankStatistics rank_stats;
  Eigen::Index rank_stats_runs = 0;  ///< runs used by rank_stats
  double mean_rank_shift = 0.0;      ///< mean of R̄s over those runs
  /// Sobol' indices of R̄s (k × 1); absent when a run failed (reported in warnings).
  std::optional<SobolIndices> sobol_rank_shift;
  std::optional<SobolIndices> sobol_unit_ranks;  ///< k × units (sobol_of_unit_ranks)
  std::vector<RunFailure> failures;
  std::vector<std::string> warnings;
  /// JudgmentPerturbation (run_uncertainty): judgment draws over all runs and how many were
  /// rejected for CR > reject_cr (each run redraws until accepted, at most kMaxJudgmentDraws).
  long long judgment_draws = 0;
  long long judgment_rejected = 0;
};

/// Redraws of one run's judgment perturbation before the run fails (its reason is recorded).
inline constexpr int kMaxJudgmentDraws = 1000;

/// Runs the model on every row of a Saltelli design over the declared inputs (OpenMP over runs,
/// bitwise independent of the thread count), records each run's ranks and R̄s against
/// `nominal` (mean_abs_rank_shift), summarises ranks per unit (rank_statistics) and estimates
/// Sobol' indices of R̄s (and optionally of every unit's rank) per input (sobol_indices).
/// A run that throws is recorded with its reason and excluded from the rank statistics; Sobol'
/// indices need every run, so they are then omitted with a warning.
/// @throws InvalidInput from validate_uncertainty_spec, a bad N or sizes; DomainError if the
///         first run fails.
/// Reference: Saisana, Saltelli & Tarantola (2005), JRSS-A 168:307,
///   doi:10.1111/j.1467-985X.2005.00350.x; Saltelli et al. (2010), CPC 181:259.
[[nodiscard]] MonteCarloResult run_monte_carlo(const UncertaintySpec& spec, const Eigen::VectorXi& nominal,
                                               const RanksModel& model, const MonteCarloOptions& options = {});

/// Convenience: a user callback maps the inputs' values to a configuration of any type, and a
/// second one computes the ranks of that configuration.
template <class Config>
[[nodiscard]] MonteCarloResult run_monte_carlo(
    const UncertaintySpec& spec, const Eigen::VectorXi& nominal,
    const std::function<Config(const std::vector<InputValue>&)>& make_config,
    const std::function<Eigen::VectorXi(const Config&)>& ranks_of, const MonteCarloOptions& options = {}) {
  return run_monte_carlo(
      spec, nominal, [&](const std::vector<InputValue>& v) { return ranks_of(make_config(v)); }, options);
}

/// Uncertainty analysis of build_index. Recognised inputs (by name or kind):
///   - "impute", "normalize", "weights", "aggregate": Discrete, labels from the registry
///     (impute sets config.treat.impute; 'group_mean' needs config.treat.group and the data's
///     unit groups; weights 'ahp' needs inputs.judgments). "aggregate" sets the global method;
///   - "aggregate.<anything>", Discrete, labels from the registry, `nodes` = inner node ids: the
///     choice becomes the aggregation of each of those nodes (IndexConfig::aggregate_by_node,
///     replacing a node's own `aggregate:`; power = the node's own order, else the global one),
///     one input per level of the tree (uncertainty_inputs);
///   - "exclude", Discrete, labels "none" or indicator (leaf) ids: that indicator is dropped
///     from the tree, the data and the judgments for the run;
///   - one WeightPerturbation or WeightDirichlet input (any name; nominal_weights left empty):
///     perturbs the run's local weights of every non-root node (one coordinate per node,
///     renormalised among siblings); for data-driven or AHP schemes the weights of the run's
///     discrete combination (computed once in the pre-flight) are perturbed;
///   - one JudgmentPerturbation input: in runs weighted by 'ahp', perturb_judgments() from stream
///     (design seed, AhpPerturbation, ⌊u·2^53⌋), redrawn while any expert CR (m >= 3) exceeds
///     reject_cr (counted in judgment_draws/judgment_rejected; kMaxJudgmentDraws, then the run fails).
/// Inputs not given take the nominal configuration. The run's ranks are the index's (root)
/// ranks. Pre-flight: every combination of exclusion, imputation, normalisation, weighting and
/// aggregation (every aggregation input) is built once before the design runs (in parallel,
/// the first failing combination in a fixed order reported), so a choice that cannot be
/// computed is an error up front. An "impute" input on data without a missing value is kept
/// with a warning (it cannot change a rank; its indices are 0).
/// @throws InvalidInput for an unknown input name, a Continuous input, an unknown label, a bad
///         declaration, 'ahp' without judgments, nominal judgments with CR > reject_cr; errors of
///         build_index from the pre-flight (the combination named).
[[nodiscard]] MonteCarloResult run_uncertainty(const Dataset& data, const IndicatorTree& tree,
                                               const IndexConfig& nominal, const UncertaintySpec& spec,
                                               const MonteCarloOptions& options = {},
                                               const WeightInputs& inputs = {});

/// The tree without one leaf (its parent keeps its other children, in order).
/// @throws InvalidInput if `leaf` is not a leaf; DomainError if its parent would have no child.
[[nodiscard]] IndicatorTree tree_without_leaf(const IndicatorTree& tree, int leaf);

/// The tree without node `node` and its whole subtree (e.g. one dimension); the parent keeps its
/// other children in order.
/// @throws InvalidInput if `node` is the root or out of range; DomainError if its parent would
///         have no child left.
[[nodiscard]] IndicatorTree tree_without_node(const IndicatorTree& tree, int node);

/// The dataset without the indicator columns of the leaves under `node` of `tree` (data columns
/// in `tree`'s leaf order).
[[nodiscard]] Dataset data_without_node(const Dataset& data, const IndicatorTree& tree, int node);

/// Judgments read against `full` restated for `reduced` (a subtree of it with the same ids, e.g.
/// tree_without_node): node indices remapped, rows/columns of removed children deleted, nodes
/// left with fewer than 2 compared children dropped.
[[nodiscard]] Judgments judgments_for_tree(const Judgments& judgments, const IndicatorTree& full,
                                           const IndicatorTree& reduced);

/// One draw of the judgment perturbation: every expert's judgment a_ij (i < j, not missing) at
/// position s on Saaty's scale 1/9, …, 1/2, 1, 2, …, 9 (s = −8..8; off-scale values take the
/// nearest position, nearest_saaty_value) moves by d, uniform on {−steps, …, steps}, to
/// position min(max(s + d, −8), 8) (d = 0 keeps the value as given); a_ji = 1/a_ij.
[[nodiscard]] Judgments perturb_judgments(const Judgments& judgments, int steps, std::mt19937_64& g);

}  // namespace cikit
