#pragma once
/// \file panel.hpp
/// Indices over time (panel data): one index per period, built so that scores can be compared
/// across periods, and the analyses of the trajectories (changes, CAGR, OLS trends, per-period
/// reliability). Rows = units, columns = indicators in every matrix, as elsewhere.
///
/// Cross-period comparability (spec `panel:` block, docs/spec.md; formulas in docs/methods.md
/// "Panel data"):
/// - normalize: pooled     — the normalisation constants (min, max, mean, sd, norm, ...) are
///   computed on all periods stacked (OECD/JRC 2008 §5 "normalisation over time"; COINr
///   Normalise(purse, global = TRUE)); rank-based methods rank all unit-periods together;
/// - normalize: reference  — the constants of the reference period (`panel.reference`) are applied
///   to every period (fixed goalposts, HDI practice): values outside the reference range map
///   outside [lo, hi] (not clipped, so progress stays visible; counted in a warning);
/// - normalize: per_period — each period on its own (cross-sections); scores are not comparable
///   over time (warned).
/// - weights: pooled (default) | reference | per_period — data-driven weights (entropy, CV, SD,
///   CRITIC, PCA, combinations, BoD) computed on the normalised panel stacked (全局熵值法), on
///   the reference period, or per period; weights that need no data (equal, given, AHP, BWM)
///   are the same in every period whatever this says.
/// Each period is then built by build_index() with the normalised values and the fixed weights.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "methods/core/panel_data.hpp"
#include "methods/core/spec.hpp"
#include "methods/normalize/normalize.hpp"
#include "methods/reliability/tree_alpha.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit {

enum class PanelNormalize { Pooled, Reference, PerPeriod };
enum class PanelWeights { Pooled, Reference, PerPeriod };

/// The spec's `panel:` block (methods/panel/panel_settings.cpp parses it).
struct PanelSettings {
  /// pooled by default: the usual "global" approach, and comparable over time.
  PanelNormalize normalize = PanelNormalize::Pooled;
  /// pooled by default: weights fixed across periods, from the whole panel.
  PanelWeights weights = PanelWeights::Pooled;
  std::string reference;  ///< panel.reference: a period label (required by normalize/weights: reference)
  Location where;         ///< position of `panel:` (or of data.time when the block is absent)
  Location reference_where;
};

inline constexpr const char* kPanelBlock = "panel";

/// The spec's panel settings (defaults when the spec has no `panel:` block).
[[nodiscard]] const PanelSettings& panel_settings(const Spec& spec);
/// "pooled", "reference", "per_period".
[[nodiscard]] const char* panel_mode_name(PanelNormalize m);
[[nodiscard]] const char* panel_mode_name(PanelWeights m);

/// The index of every period.
struct PanelIndexResult {
  std::vector<std::string> periods;
  std::vector<double> period_values;   ///< numeric period values (or 1, 2, ... for labels)
  std::vector<IndexResult> results;    ///< one per period; rows = that period's units (PanelData::sections)
  /// Pooled/reference: the constants used for every period (values: the fitted rows).
  /// Per period: empty (each result holds its own).
  NormalizeResult fitted;
  /// The weights used in every period when fixed (pooled or reference, or weights that need no
  /// data); for per_period data-driven weights: the first period's (each result holds its own).
  TreeWeights weights;
  bool weights_fixed = true;           ///< false when data-driven weights vary by period
  PanelSettings settings;
  std::vector<std::string> warnings;   ///< panel-level warnings, then "period P: ..." per period
};

/// Applies fitted normalisation constants (`fitted.center`, `fitted.scale`, `fitted.methods`, as
/// normalize() returns them) to new rows x, by the formulas of normalize() with the constants
/// held fixed, and without clipping:
///   minmax / goalposts / distance_*:  t = (x - c)/s (Negative: t = (c + s - x)/s for minmax and
///   goalposts, (c - x)/s for distance_*), y = lo + (hi - lo) t; distance_* cap t at 1 when
///   cap_at_target;  zscore: y = ±(x - c)/s;  ratio_*: y = x/s (Negative: s/x);
///   vector: y = ±x/s;  none: y = x.
/// `n_outside` counts, per column, the available values whose t falls outside [0, 1]
/// (minmax, goalposts) — the values beyond the reference range.
/// @throws InvalidInput if sizes disagree, or for rank/percentile (no constants to carry:
///         their scores depend on the other units; use panel.normalize: pooled or per_period);
/// @throws DomainError for a value <= 0 under ratio_* (naming the row), or a non-finite result.
[[nodiscard]] NormalizeResult apply_normalization(const Eigen::MatrixXd& x, const std::vector<ColumnInfo>& columns,
                                                  const NormalizeResult& fitted, double range_lo, double range_hi,
                                                  bool cap_at_target, std::vector<Eigen::Index>* n_outside = nullptr);

/// Builds the index of every period of `panel` with the comparability rules of `settings`
/// (see the file comment): (1) treatment (methods.treat) on the stacked panel (pooled,
/// reference) or per period; (2) normalisation constants from the stacked panel, the
/// reference period or each period; (3) data-driven weights from the normalised stacked panel,
/// the reference period or each period, then fixed as given weights; (4) build_index() per
/// period on the normalised values (normalize: none, directions applied) with those weights;
/// each result's `normalization` then reports the real method and constants.
/// Relative aggregations (TOPSIS, VIKOR, Copeland, ...) still compare units within a period.
/// @throws InvalidInput for an unknown reference period, rank/percentile under reference, or
///         distance_ref under pooled; DomainError/InvalidInput as normalize(), build_index().
[[nodiscard]] PanelIndexResult build_panel_index(const PanelData& panel, const IndicatorTree& tree,
                                                 const IndexConfig& config, const WeightInputs& inputs,
                                                 const PanelSettings& settings);

/// Scores of one node over the periods: units × periods (PanelData::units order), NaN where a
/// unit is absent or has no score; ranks likewise (0 = none).
struct PanelTrajectories {
  std::vector<std::string> units;
  Eigen::MatrixXd scores;
  Eigen::MatrixXi ranks;
};

/// Gathers node `node`'s scores and ranks from every period's result.
[[nodiscard]] PanelTrajectories panel_trajectories(const PanelData& panel, const PanelIndexResult& r, int node);

/// One unit's trend over the periods.
struct UnitTrend {
  std::string unit;
  Eigen::Index n = 0;          ///< periods with a score
  double first = 0, last = 0;  ///< scores in the first and last period of the panel (NaN if absent)
  double change = 0;           ///< last - first
  /// Compound annual growth rate (last/first)^(1/(t_last - t_first)) - 1; NaN when a score is
  /// missing or not > 0 (`cagr_note` says which).
  double cagr = 0;
  std::string cagr_note;       ///< "" or why CAGR is undefined
  double slope = 0;            ///< OLS slope of score on period value (NaN when n < 2)
  double intercept = 0;
  double slope_se = 0;         ///< standard error of the slope (NaN when n < 3)
  double p_value = 0;          ///< two-sided t test of slope = 0 on n - 2 df (NaN when n < 3)
  double r_squared = 0;
  std::string direction;       ///< "up", "down", "flat" (|slope| <= flat_tol), or "" (n < 2)
};

struct TrendOptions {
  /// A slope whose absolute value is <= this (score points per period unit) is "flat".
  double flat_tol = 1e-12;
};

/// Trends of trajectories (units × periods) against the period values t:
///   slope b = Σ(t - t̄)(y - ȳ) / Σ(t - t̄)², a = ȳ - b t̄ (over the unit's available periods),
///   se(b) = sqrt(Σ e² / (n - 2) / Σ(t - t̄)²), p = 2 P(T_{n-2} > |b / se(b)|), R² = 1 - Σe²/Σ(y - ȳ)²
///   (as R lm(y ~ t)); change = y_T - y_1; CAGR = (y_T / y_1)^(1/(t_T - t_1)) - 1, defined only
///   when both scores are > 0 (refused otherwise, with a note), where 1 and T are the panel's
///   first and last periods.
/// @throws InvalidInput if t's size differs from the columns, or t is not increasing.
[[nodiscard]] std::vector<UnitTrend> panel_trends(const Eigen::MatrixXd& scores, const std::vector<double>& t,
                                                  const std::vector<std::string>& units,
                                                  const TrendOptions& options = {});

/// Cronbach's alpha (psych) of every inner node in every period: the stability of the
/// reliability over time. alpha_by_node() on each period's raw (direction-corrected) indicators.
/// The standardised alpha (on correlations) is the one to read when the indicators have very
/// different scales (raw alpha is then dominated by the largest variances), as in `cikit reliability`.
struct PanelAlpha {
  std::vector<std::string> node_ids;            ///< inner nodes (pre-order, root first)
  std::vector<int> nodes;
  Eigen::MatrixXd alpha;                        ///< raw alpha, nodes × periods; NaN where not computable
  Eigen::MatrixXd std_alpha;                    ///< standardised alpha k r̄/(1 + (k − 1) r̄), same shape
  std::vector<std::vector<std::string>> notes;  ///< per node, per period: why not ("" if computed)
};
[[nodiscard]] PanelAlpha panel_alpha(const PanelData& panel, const IndicatorTree& tree);

}  // namespace cikit
