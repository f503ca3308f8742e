#pragma once
/// \file registry.hpp
/// Method choices (IndexConfig) and the one registry mapping their names to enums, used by
/// the spec reader, the CLI and the reports alike.

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/random.hpp"

namespace cikit {

/// Normalisation of indicators (after direction handling).
enum class NormalizeMethod {
  MinMax,     ///< lo + (hi-lo)(x - min)/(max - min), min/max over the available units
  ZScore,     ///< (x - mean)/sd, sd with n-1
  Goalposts,  ///< min-max with each indicator's fixed goalposts [min, max], truncated to them
  // Added with methods/normalize's extended set (formulas: normalize.hpp, docs/methods.md).
  Rank,                 ///< rank(x) with ties "min": 1 = worst, n = best (COINr n_rank)
  PercentileRank,       ///< lo + (hi-lo)(rank_min - 1)/(n - 1) (COINr n_prank, rescaled)
  DistanceToReference,  ///< (x - min)/(x_ref - min), x_ref = a reference unit's value (COINr n_dist2ref)
  DistanceToTarget,     ///< (x - min)/(target - min), the indicator's `target:` (COINr n_dist2targ)
  RatioToMean,          ///< x / mean (x > 0); reciprocal for negative direction
  RatioToMax,           ///< x / max (x > 0; "distance to the leader", COINr n_fracmax); min/x if negative
  Vector,               ///< x / ||x||_2 (TOPSIS's vector normalisation); sign flipped if negative
  /// The (treated) raw values unchanged, direction not applied: the node's MCDA aggregation
  /// (GRA, VIKOR, PROMETHEE, COPRAS, EDAS, RSR, TOPSIS) applies its own published
  /// normalisation and treats a `-` indicator as a cost criterion (methods/aggregate/mcda_common.hpp).
  None,
};

/// Weights of the children of each inner node.
enum class WeightMethod {
  Equal,  ///< 1/m for m children
  Given,  ///< the nodes' `weight:` values, renormalised to sum to 1 within each parent
  // Data-driven: computed per inner node from its children's scores (methods/weighting/data_weights.hpp).
  Entropy,  ///< entropy weight method (MinMax variant on the children's scores)
  CV,       ///< coefficient of variation sd/|mean|
  SD,       ///< standard deviation of the min-max rescaled children's scores
  Critic,   ///< CRITIC (Diakoulaki et al. 1995)
  Pca,      ///< OECD/JRC Handbook PCA weights (varimax, squared scaled loadings)
  Ahp,    ///< AHP priorities from the spec's judgments file (methods/weighting/ahp_tree.hpp)
  /// Combination of other methods' local weights per inner node (methods.weights.combine:
  /// linear, multiplicative, min_entropy, game_theory; methods/weighting/weight_settings.hpp).
  Combined,
  // --- mcda-weights (issue 18): benefit of the doubt, best-worst method.
  Bod,  ///< benefit of the doubt: mean pie share of each child over the units (methods/weighting/bod.hpp)
  Bwm,  ///< Best-Worst Method from the judgments file's `bwm:` vectors (methods/weighting/bwm.hpp)
  // Objective weights of issue 18 (methods/weighting/deviation.hpp), data-driven like entropy.
  MaxDeviation,   ///< maximising deviation (Wang 1998), D_j = sum_i sum_k |z_ij - z_kj|
  MeanDeviation,  ///< mean absolute deviation of the min-max rescaled children
  Independence,   ///< independence weights, 1 - R_j^2 = 1 / VIF_j of each child on the others
};

/// True for the weighting methods that need the data (computed per node from the children's scores).
[[nodiscard]] constexpr bool is_data_driven(WeightMethod m) {
  return m == WeightMethod::Entropy || m == WeightMethod::CV || m == WeightMethod::SD || m == WeightMethod::Critic ||
         m == WeightMethod::Pca || m == WeightMethod::Combined ||  // Combined: computed node by node
         m == WeightMethod::Bod || m == WeightMethod::MaxDeviation || m == WeightMethod::MeanDeviation ||
         m == WeightMethod::Independence;
}

/// Aggregation of children scores into a parent score.
enum class AggregateMethod {
  Arithmetic,  ///< sum_j w_j y_j
  Geometric,   ///< exp(sum_j w_j ln y_j); zeros are an error (normalise to a range above 0)
  Harmonic,    ///< 1 / sum_j (w_j / y_j); zeros are an error
  // Added with the per-node aggregation choice (methods/aggregate; formulas in docs/methods.md).
  Power,            ///< generalised mean (sum_j w_j y_j^r)^(1/r), r = AggregateParams::power
  Topsis,           ///< TOPSIS closeness in [0, 1] of the children (methods/aggregate/topsis.hpp)
  MazziottaPareto,  ///< Mazziotta-Pareto index MPI- of the children (unweighted; mpi.hpp)
  Copeland,         ///< weighted Copeland score: pairwise wins - losses (Munda & Nardo 2009)
  // --- mcda-weights (issue 18).
  Bod,  ///< benefit-of-the-doubt score in [0, 1] of the children (unweighted; methods/weighting/bod.hpp)
  // MCDA evaluation methods (issue 18; methods/aggregate/<name>.hpp, docs/methods.md). Each
  // reports its extra outputs per unit in AggregateResult::details.
  Gra,        ///< grey relational grade, resolution rho (Deng 1989; gra.hpp)
  Vikor,      ///< VIKOR, score = 1 - Q (Opricovic & Tzeng 2004; vikor.hpp)
  Promethee,  ///< PROMETHEE II net flow phi (Brans & Vincke 1985; promethee.hpp)
  Copras,     ///< COPRAS relative significance Q (Zavadskas et al. 1994; copras.hpp)
  Edas,       ///< EDAS appraisal score AS (Keshavarz Ghorabaee et al. 2015; edas.hpp)
  Rsr,        ///< rank-sum ratio (weighted) RSR (Tian 1988; rsr.hpp)
  Fuzzy,      ///< fuzzy comprehensive evaluation, score = weighted-average grade score (fuzzy.hpp)
};

/// Composition operator M(., .) of fuzzy comprehensive evaluation, b_k = (+)_j w_j (.) r_jk.
enum class FuzzyOperator {
  ProductSum,  ///< M(., (+)): b_k = min(1, sum_j w_j r_jk) (weighted average; the default)
  MinMax,      ///< M(^, v): b_k = max_j min(w_j, r_jk) (main factor decisive)
  ProductMax,  ///< M(., v): b_k = max_j w_j r_jk (main factor prominent)
  MinSum,      ///< M(^, (+)): b_k = min(1, sum_j min(w_j, r_jk))
};

/// How fuzzy comprehensive evaluation names each unit's grade (its `score` is always the
/// weighted-average grade score).
enum class FuzzyGradeRule {
  MaxMembership,  ///< the grade of largest membership b_k (ties: the lower grade)
  Score,          ///< the grade whose score is nearest the weighted-average score (ties: the lower)
};

/// Fuzzy comprehensive evaluation settings (spec `methods.aggregate.fuzzy`; methods/aggregate/fuzzy.hpp).
struct FuzzyParams {
  FuzzyOperator op = FuzzyOperator::ProductSum;
  FuzzyGradeRule grade = FuzzyGradeRule::MaxMembership;
  std::vector<std::string> grades;  ///< grade labels, worst to best (K >= 2)
  std::vector<double> scores;       ///< grade scores, increasing; empty = 1, 2, ..., K
  /// Characteristic values of the K grades per child id (leaf or group), strictly increasing;
  /// key "default" serves every child without its own row.
  std::map<std::string, std::vector<double>> thresholds;
};

/// PROMETHEE preference function of one criterion (Brans & Vincke 1985 types I-VI).
enum class PreferenceFunction {
  Usual,     ///< I: P = 1 if d > 0
  UShape,    ///< II: P = 1 if d > q
  VShape,    ///< III: P = d/p up to p, then 1
  Level,     ///< IV: 0 up to q, 1/2 up to p, then 1
  Linear,    ///< V: 0 up to q, (d - q)/(p - q) up to p, then 1
  Gaussian,  ///< VI: 1 - exp(-d^2 / (2 s^2)) for d > 0
};

/// A criterion's preference function and thresholds (tree entry `preference:`), in the units of
/// the child's score (the raw units under methods.normalize: none).
struct Preference {
  PreferenceFunction function = PreferenceFunction::Usual;
  double q = 0.0;  ///< indifference threshold (u_shape, level, linear)
  double p = 0.0;  ///< preference threshold (v_shape, level, linear)
  double s = 0.0;  ///< Gaussian parameter (gaussian)
};

/// Checks one criterion's thresholds: q >= 0 (u_shape, level, linear), p > 0 (v_shape),
/// q < p (level, linear), s > 0 (gaussian), all finite. Returns "" when valid, else the reason.
[[nodiscard]] std::string preference_problem(const Preference& f);

/// Rank-sum ratio ranking of the indicator values (Tian 1988).
enum class RsrRanking {
  Integer,     ///< 整秩: ranks 1..n (ties averaged), n = best
  NonInteger,  ///< 非整秩: 1 + (n - 1)(x - min)/(max - min) (cost: max - x)
};

/// What aggregation does when a child's score is missing for a unit.
enum class MissingPolicy {
  Available,  ///< average the available children with their weights renormalised to sum 1
  Error,      ///< stop with an error naming the unit and the indicator
};

/// Imputation of missing indicator values before treatment and normalisation (methods/treat).
enum class ImputeMethod {
  None,       ///< keep missing values (aggregation handles them, MissingPolicy)
  Mean,       ///< the indicator's mean over available units
  Median,     ///< the indicator's median over available units (R `median`)
  GroupMean,  ///< the indicator's mean within the unit's group (spec methods.treat.group)
};

/// Outlier treatment of the indicators (methods/treat).
enum class OutlierMethod {
  None,       ///< no outlier treatment
  Winsorise,  ///< JRC/COINr: winsorise up to winmax points while |skew| > 2 and kurtosis > 3.5,
              ///< then the fallback log transform of the original values if still failing
};

/// A log-type transform of an indicator (methods/treat).
enum class TransformMethod {
  None,   ///< no transform
  Log,    ///< ln(x); every value must be > 0 (else an error naming unit and indicator)
  LogCT,  ///< COINr log_CT: ln(x - min + 0.01 (max - min)), safe for zeros and negatives
};

/// A registry entry: the enum value, its spec/CLI name, and bilingual display names.
template <class E>
struct MethodName {
  E value;
  std::string_view name;  ///< as written in the spec and on the command line
  std::string_view zh;
  std::string_view en;
};

[[nodiscard]] std::span<const MethodName<NormalizeMethod>> normalize_methods();
[[nodiscard]] std::span<const MethodName<WeightMethod>> weight_methods();
[[nodiscard]] std::span<const MethodName<AggregateMethod>> aggregate_methods();
[[nodiscard]] std::span<const MethodName<MissingPolicy>> missing_policies();
[[nodiscard]] std::span<const MethodName<ImputeMethod>> impute_methods();
[[nodiscard]] std::span<const MethodName<OutlierMethod>> outlier_methods();
[[nodiscard]] std::span<const MethodName<TransformMethod>> transform_methods();
[[nodiscard]] std::span<const MethodName<PreferenceFunction>> preference_functions();
[[nodiscard]] std::span<const MethodName<RsrRanking>> rsr_rankings();
[[nodiscard]] std::span<const MethodName<FuzzyOperator>> fuzzy_operators();
[[nodiscard]] std::span<const MethodName<FuzzyGradeRule>> fuzzy_grade_rules();

/// Looks a name up in a registry table. Returns false when unknown.
template <class E>
bool parse_method(std::span<const MethodName<E>> table, std::string_view name, E& out) {
  for (const auto& m : table)
    if (m.name == name) {
      out = m.value;
      return true;
    }
  return false;
}
/// The registry entry of a value.
template <class E>
const MethodName<E>& method_info(std::span<const MethodName<E>> table, E value) {
  for (const auto& m : table)
    if (m.value == value) return m;
  return table.front();
}
/// "a, b, c": the accepted names, for error messages and --help.
template <class E>
std::string method_names(std::span<const MethodName<E>> table) {
  std::string out;
  for (const auto& m : table) {
    if (!out.empty()) out += ", ";
    out += m.name;
  }
  return out;
}
[[nodiscard]] std::vector<std::string> names_of(std::span<const MethodName<NormalizeMethod>> t);

/// Treatment applied before normalisation (spec `methods: treat:`; methods/treat/treat.hpp).
struct TreatConfig {
  ImputeMethod impute = ImputeMethod::None;
  std::string group;  ///< data column with each unit's group (ImputeMethod::GroupMean)
  OutlierMethod outliers = OutlierMethod::None;
  int winmax = 5;              ///< most points winsorised per indicator (COINr default 5)
  double skew = 2.0;           ///< |skewness| threshold (G1, e1071 type 2)
  double kurtosis = 3.5;       ///< excess-kurtosis threshold (G2, e1071 type 2)
  TransformMethod fallback = TransformMethod::LogCT;  ///< when winsorising cannot clear the flag
  /// Per-indicator transform (leaf `transform:`): replaces the outlier procedure for that
  /// indicator (None = leave it untreated).
  std::map<std::string, TransformMethod> transform_by_indicator;
};

/// What the geometric/harmonic/power means do with a zero score (means.hpp ZeroRule).
enum class ZeroPolicy {
  Error,  ///< refuse (default): error naming unit and node
  Shift,  ///< y = M(x + shift) - shift, AggregateParams::shift > 0 (stated in the output)
};

/// How TOPSIS normalises the children before measuring distances.
enum class TopsisNorm { Vector, MinMax };

/// Benefit-of-the-doubt options (spec `methods.aggregate.bod`; methods/weighting/bod.hpp): the
/// pie-share bounds applied to every child of a BoD node and the robust (order-m) variant.
struct BodParams {
  double share_min = 0.0;  ///< L: each child's share w_j y_cj / CI_c >= L
  double share_max = 1.0;  ///< U: each child's share <= U
  int robust_m = 0;        ///< > 0: order-m robust scores with m draws (Compind ci_rbod's M)
  int robust_b = 100;      ///< replicates of the robust variant (Compind ci_rbod's B)
};

/// Parameters of the aggregation methods (global, spec `methods: aggregate:`).
struct AggregateParams {
  double power = 1.0;       ///< order r of AggregateMethod::Power
  ZeroPolicy zeros = ZeroPolicy::Error;
  double shift = 0.0;       ///< ZeroPolicy::Shift's delta (> 0)
  TopsisNorm topsis = TopsisNorm::Vector;
  BodParams bod;  ///< mcda-weights (issue 18)
  double gra_rho = 0.5;   ///< GRA resolution coefficient rho in (0, 1] (methods.aggregate.rho)
  double vikor_v = 0.5;   ///< VIKOR weight of the group utility S in [0, 1] (methods.aggregate.v)
  RsrRanking rsr = RsrRanking::Integer;  ///< methods.aggregate.rsr: integer | noninteger
  int rsr_tiers = 3;      ///< RSR tiers from probit cut-offs: 3, 4 or 5 (methods.aggregate.tiers)
  FuzzyParams fuzzy;      ///< fuzzy comprehensive evaluation (methods.aggregate.fuzzy)
};

/// A node's own aggregation (tree node `aggregate:`), overriding the global method.
struct NodeAggregate {
  AggregateMethod method = AggregateMethod::Arithmetic;
  double power = 1.0;  ///< order r when method == Power
};

/// Every modelling choice of one index build. Defaults are the documented defaults.
struct IndexConfig {
  NormalizeMethod normalize = NormalizeMethod::MinMax;
  /// Target range of min-max and goalposts normalisation (default 0–100, as COINr).
  double range_lo = 0.0;
  double range_hi = 100.0;
  WeightMethod weights = WeightMethod::Equal;
  AggregateMethod aggregate = AggregateMethod::Arithmetic;
  MissingPolicy missing = MissingPolicy::Available;
  std::uint64_t seed = kDefaultSeed;  ///< master seed of every random stream
  int threads = 0;                    ///< 0 = OpenMP default
  // --- treatment, per-indicator normalisation, per-node aggregation (methods/treat,
  // methods/normalize, methods/aggregate). Overrides take precedence over the global methods.
  TreatConfig treat;
  std::map<std::string, NormalizeMethod> normalize_by_indicator;  ///< leaf `normalize:`
  std::string reference_unit;       ///< unit id of DistanceToReference (methods.normalize.reference)
  bool cap_at_target = false;       ///< DistanceToTarget/Reference: cap scores at 1 (methods.normalize.cap)
  AggregateParams aggregate_params;
  std::map<std::string, NodeAggregate> aggregate_by_node;  ///< inner node `aggregate:`
  /// Tree entry `preference:` (PROMETHEE criteria): node id -> function and thresholds; nodes
  /// without one use PreferenceFunction::Usual.
  std::map<std::string, Preference> preference_by_node;
};

}  // namespace cikit
