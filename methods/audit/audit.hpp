#pragma once
/// \file audit.hpp
/// Statistical-coherence audit of a built index (JRC practice; OECD/JRC Handbook 2008, steps 4
/// and 7): (1) correlation structure of every node with its parent and with the index, within-
/// group correlation matrices and flags; (2) effective importance S_i = V(E[y | x_i]) / V(y) of
/// every node on the index and on its parent, against its nominal weight; (3) weight
/// optimisation of one level towards target importances (Becker et al. 2017); (4) a summary per
/// group (Cronbach's α, first-eigenvalue share, flags, verdict).
/// Everything runs on the built index: the normalised, direction-oriented indicators and the
/// aggregated scores of IndexResult::scores (rows = units, columns = tree nodes).

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/aggregate/means.hpp"
#include "methods/core/random.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"

namespace cikit::audit {

/// The built index the audit reads.
struct AuditInput {
  const IndicatorTree* tree = nullptr;
  Eigen::MatrixXd scores;                 ///< units × nodes (tree index); NaN = no score
  Eigen::VectorXd local_weights;          ///< weight of each node within its parent (root 1)
  Eigen::VectorXd global_weights;         ///< product of local weights from the root
  std::vector<NodeAggregate> aggregation; ///< per node: how an inner node aggregates its children
  MeanOptions means;                      ///< missing/zero rule of the means (re-aggregation)
  std::vector<std::string> unit_ids;      ///< for messages and rank tables
};

/// The audit input of a build_index() result (scores, weights, aggregation, missing rule).
[[nodiscard]] AuditInput audit_input(const IndicatorTree& tree, const IndexResult& index, const IndexConfig& config,
                                     std::vector<std::string> unit_ids);

/// Options of the audit. Every threshold is a documented default (docs/methods.md, "Audit").
struct AuditOptions {
  bool spearman = false;        ///< also Spearman's rho with parent and index
  /// Flag "weak": r with the parent below this (JRC practice: 0.3, a weak contribution).
  double weak_r = 0.3;
  /// Flag "redundant": |r| between two siblings above this (JRC practice: 0.92).
  double redundant_r = 0.92;
  int spline_df = 5;            ///< df of the cubic B-spline (R's bs(x, df = 5))
  int spline_degree = 3;        ///< degree of the B-spline (cubic)
  /// Flag "divergent": normalised importance / normalised nominal weight outside
  /// [1 − divergence, 1 + divergence] (0.5: importance differs by more than half the weight).
  double divergence = 0.5;
  int bootstrap = 0;            ///< replicates of the S_i percentile CIs over units (0 = none)
  double level = 0.95;          ///< confidence level of those CIs
  std::uint64_t seed = kDefaultSeed;  ///< replicate b uses stream (seed, Bootstrap, b)
  int threads = 0;              ///< OpenMP threads of the bootstrap; results never depend on it
  /// Summary verdicts: α below this (std. α) or a first-eigenvalue share below eigen_share_min
  /// marks a group for review.
  double alpha_min = 0.7;
  double eigen_share_min = 0.5;
};

/// Correlations of one (non-root) node.
struct NodeCorrelation {
  int node = 0;
  int parent = 0;
  double r_parent = 0.0;                ///< Pearson r with the parent (complete pairs)
  double r_index = 0.0;                 ///< Pearson r with the index
  std::optional<double> rho_parent;     ///< Spearman (AuditOptions::spearman)
  std::optional<double> rho_index;
  Eigen::Index n = 0;                   ///< units with node and index scores
  bool negative = false;                ///< r_parent < 0
  bool weak = false;                    ///< 0 <= r_parent < weak_r
};

/// A pair of siblings with |r| > redundant_r.
struct RedundantPair {
  int a = 0;
  int b = 0;
  double r = 0.0;
};

/// The correlation matrix of one inner node's children (pairwise complete).
struct GroupCorrelation {
  int node = 0;
  std::vector<int> children;
  Eigen::MatrixXd r;
  std::vector<RedundantPair> redundant;
};

/// Effective importance of one (non-root) node.
struct NodeImportance {
  int node = 0;
  int parent = 0;
  double s_index = 0.0;     ///< spline R² of the index on the node (S_i on the index)
  double s_parent = 0.0;    ///< spline R² of the parent on the node
  double r2_index = 0.0;    ///< Pearson r² with the index
  double r2_parent = 0.0;   ///< Pearson r² with the parent
  double weight = 0.0;      ///< nominal local weight (within the parent, siblings sum to 1)
  double weight_norm = 0.0; ///< the same, renormalised over the siblings
  double importance_norm = 0.0;  ///< s_parent / Σ siblings' s_parent
  double ratio = 0.0;       ///< importance_norm / weight_norm (NaN-free: weight 0 gives 0 and a flag)
  bool divergent = false;   ///< ratio outside [1 − divergence, 1 + divergence]
  /// Percentile CIs over units (AuditOptions::bootstrap > 0).
  std::optional<std::pair<double, double>> s_index_ci;
  std::optional<std::pair<double, double>> s_parent_ci;
};

/// One group (inner node other than the root) in the summary.
struct GroupSummary {
  int node = 0;
  int k = 0;                             ///< indicators under the node
  std::optional<double> alpha;           ///< raw α of the normalised indicators under it (k >= 2)
  std::optional<double> std_alpha;       ///< standardised α
  std::optional<double> eigen_share;     ///< first eigenvalue / k of their correlation matrix
  int n_negative = 0, n_weak = 0, n_redundant = 0, n_divergent = 0;  ///< flags among its children
  /// "coherent" (no flag, α and share above their minimums), "review" (reasons list the
  /// failing checks: "alpha", "eigen_share", "negative", "weak", "redundant", "divergent"), or
  /// "not_applicable" when fewer than two indicators lie under the node (reason
  /// "single_indicator": internal consistency is undefined, so no verdict is given).
  std::string verdict;
  std::vector<std::string> reasons;
};

/// Parts (1), (2) and (4).
struct AuditResult {
  AuditOptions options;
  Eigen::Index n_units = 0;
  std::vector<NodeCorrelation> correlations;  ///< every non-root node, pre-order
  std::vector<GroupCorrelation> groups;       ///< every inner node with >= 2 children, pre-order
  std::vector<NodeImportance> importance;     ///< every non-root node, pre-order
  std::vector<GroupSummary> summary;          ///< every inner non-root node, pre-order
  int bootstrap_failed = 0;                   ///< bootstrap replicates that failed (left out)
  std::vector<std::string> warnings;
};

/// Part (1): correlations with parent and index, group matrices, flags (negative, weak,
/// redundant). Pearson (and Spearman) on the units where both scores exist.
/// @throws DomainError naming the node if a node's scores are constant or fewer than 3 units
///         have both values.
[[nodiscard]] std::vector<NodeCorrelation> node_correlations(const AuditInput& in, const AuditOptions& o);
[[nodiscard]] std::vector<GroupCorrelation> group_correlations(const AuditInput& in, const AuditOptions& o);

/// Part (2): S_i on the index and on the parent (spline_r_squared()), Pearson r², normalised
/// importance vs weight, divergence flags and (optionally) bootstrap percentile CIs.
/// @throws InvalidInput naming the node when fewer than df + 2 units have both scores.
[[nodiscard]] std::vector<NodeImportance> node_importance(const AuditInput& in, const AuditOptions& o,
                                                          int* bootstrap_failed = nullptr);

/// Parts (1), (2) and (4) together.
/// @throws InvalidInput for bad options (thresholds outside [0, 1], df < degree, level not in
///         (0, 1), bootstrap < 0) or an input whose sizes disagree; as the parts otherwise.
[[nodiscard]] AuditResult run_audit(const AuditInput& in, const AuditOptions& options = {});

// ---- Part (3): weight optimisation ---------------------------------------------------------

enum class OptimiseObjective {
  Balance,  ///< COINr "balance": log(mean((target − r/Σr)²)), minimised
  Infomax,  ///< COINr "infomax": −Σ r, minimised (maximises the summed correlation)
};

struct OptimiseOptions {
  OptimiseObjective objective = OptimiseObjective::Balance;
  /// Target importances of the level's nodes (any positive scale; normalised to sum 1). Empty =
  /// equal. Ignored by Infomax.
  Eigen::VectorXd target;
  /// Bounds of each free weight: [min_weight, 1] (weights are scale-free within a parent).
  double min_weight = 1e-3;
  /// Stopping rule of each local search (NLopt BOBYQA): relative change of the weights below
  /// xtol_rel or of the objective below ftol_abs, or max_evaluations per start.
  double xtol_rel = 1e-8;
  double ftol_abs = 1e-10;
  int max_evaluations = 20000;
  /// Starts: the target, the nominal weights, equal weights, then one start per node with that
  /// node's weight doubled (at most max_starts in all).
  int max_starts = 6;
};

/// One unit's rank under the nominal and the optimised weights.
struct RankChange {
  Eigen::Index unit = 0;
  int nominal = 0;
  int optimised = 0;
};

struct OptimiseResult {
  int level = 0;                      ///< depth of the optimised nodes
  std::vector<int> nodes;             ///< the level's nodes, pre-order
  OptimiseObjective objective_kind = OptimiseObjective::Balance;
  double objective = 0.0;             ///< at the optimum (COINr's formula)
  double objective_nominal = 0.0;     ///< at the nominal weights
  Eigen::VectorXd weights;            ///< optimised local weights (siblings sum to 1)
  Eigen::VectorXd weights_level;      ///< the same scaled to sum 1 over the level (COINr's OptWeight)
  Eigen::VectorXd nominal_weights;    ///< nominal local weights
  Eigen::VectorXd target;             ///< desired normalised correlations (Balance; sums to 1)
  Eigen::VectorXd obtained;           ///< normalised correlations r/Σr at the optimum
  Eigen::VectorXd obtained_nominal;   ///< ... at the nominal weights
  Eigen::VectorXd r_index;            ///< raw r with the index at the optimum
  long evaluations = 0;               ///< objective evaluations, all starts
  int starts = 0;
  bool converged = false;             ///< the best start stopped on xtol/ftol (not maxeval)
  std::string stop_reason;            ///< NLopt's result of the best start
  /// Nodes (positions in `nodes`) whose free weight stopped at the lower bound min_weight: the
  /// target cannot be met without (almost) removing them, which the report states.
  std::vector<int> at_lower_bound;
  std::vector<RankChange> ranks;      ///< every unit with an index score
  double mean_abs_shift = 0.0;
  int max_abs_shift = 0;
  std::vector<std::string> warnings;
};

/// The depth of the level named `name` ("dimensions" = 1, "levelN" = N, "indicators" = the
/// leaves' depth, all leaves at one depth).
/// @throws InvalidInput naming the level and the accepted names when it does not exist.
[[nodiscard]] int level_depth(const IndicatorTree& tree, const std::string& name);

/// Weights of the level-`level` nodes whose correlations with the (re-aggregated) index, r_i,
/// best match the target (Becker et al. 2017; COINr get_opt_weights): minimise
///   balance: f(w) = log( (1/m) Σ_i (t_i − r_i / Σ_j r_j)² ),  infomax: f(w) = −Σ_i r_i,
/// over w ∈ [min_weight, 1]^m by NLopt's BOBYQA (Powell 2009) from several starts. For each w
/// the nodes above the level are re-aggregated bottom-up with their own method (the weighted
/// means; within a parent the weights are renormalised), everything else kept as built.
/// @throws InvalidInput if the level has fewer than 2 nodes, the target has the wrong size or a
///         negative entry or a sum <= 0; DomainError if a node above the level aggregates with a
///         method other than the weighted means (TOPSIS, MPI, Copeland).
/// Reference: Becker, Saisana, Paruolo & Vandecasteele (2017), Weights and importance in
///   composite indicators: closing the gap, Ecol. Indic. 80:12, doi:10.1016/j.ecolind.2017.03.056;
///   Powell (2009), The BOBYQA algorithm, DAMTP 2009/NA06.
[[nodiscard]] OptimiseResult optimise_weights(const AuditInput& in, int level, const OptimiseOptions& options = {});

/// The objective at given local weights of the level's nodes (for tests and validation).
[[nodiscard]] double optimise_objective(const AuditInput& in, int level, const Eigen::VectorXd& level_weights,
                                        const OptimiseOptions& options);

}  // namespace cikit::audit
