#pragma once
/// \file simulate.hpp
/// Synthetic indicator systems with a known truth (latent-factor model), deterministic by seed.
/// Used for the bundled governance example, tests and benchmarks. All data it makes are
/// SYNTHETIC and labelled so.
///
/// Model (documented in docs/simulate.md):
///   G_i ~ N(shift_i, 1)                                   general "good governance" factor
///   F_id = sqrt(rho) G_i + sqrt(1 - rho) E_id             first-level dimension factors
///   S_is = sqrt(r_sub) F_id + sqrt(1 - r_sub) E_is        sub-dimension factors (if any)
///   z_ij = lambda_j S_i + sqrt(1 - lambda_j^2) e_ij       standardised indicator
///   z_ij <- -z_ij for negative-direction indicators (better = smaller)
///   x_ij = marginal_j(z_ij), rounded to the indicator's decimals
/// Deeper inner nodes repeat the sub-dimension step (S_child = sqrt(r_sub) S_parent + ...).
/// Then outliers: each cell of a log-normal (skewed) indicator is, with probability
/// outlier_rate, moved into the long right tail (z_ij += outlier_shift); and missing values
/// completely at random (probability missing_rate per cell; a unit never loses every value).
/// All E, e ~ N(0, 1) iid. Unit i draws only from stream (seed, Simulate, i), in a fixed order,
/// so unit i's values do not depend on how many units are simulated.

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"
#include "methods/core/random.hpp"
#include "methods/core/tree.hpp"

namespace cikit {

/// Shape of an indicator's marginal distribution on its natural scale.
enum class Marginal {
  Normal,      ///< x = location + spread * z
  LogNormal,   ///< x = location * exp(spread * z)   (location = median; right-skewed)
  Proportion,  ///< x = lower + (upper - lower) * logistic(logit(p0) + spread * z),
               ///< p0 = (location - lower)/(upper - lower) (bounded, e.g. rates in %)
};

/// How to simulate one indicator of a named preset (e.g. the governance example).
struct IndicatorProfile {
  std::string id;        ///< leaf id in the spec
  Marginal marginal = Marginal::Normal;
  double location = 0;   ///< mean (Normal), median (LogNormal), typical value (Proportion)
  double spread = 1;     ///< sd of x (Normal), sdlog (LogNormal), sd on the logit scale (Proportion)
  double lower = 0;      ///< bounds for Proportion (ignored otherwise)
  double upper = 100;
  int decimals = 2;      ///< rounding of the written value
  double loading = 0.75; ///< lambda_j, loading on its (sub-)dimension factor, in (0, 1)
};

/// A unit of a preset (a city): id, names, and the mean shift of its general factor.
struct UnitProfile {
  std::string id;       ///< ASCII id, e.g. "beijing"
  std::string name_zh;  ///< e.g. "北京"
  std::string name_en;  ///< e.g. "Beijing"
  std::string province_zh;
  double shift = 0.0;   ///< mean of G for this unit (tier effect)
};

struct SimulationOptions {
  // Generic systems (ignored by the governance preset, which takes them from its tables).
  int units = 100;                    ///< number of units (>= 3)
  int dimensions = 4;                 ///< first-level dimensions (>= 1)
  int indicators = 20;                ///< total indicators (>= dimensions), spread evenly
  double loading = 0.75;              ///< lambda for every indicator (0, 1)
  double negative_share = 0.2;        ///< share of negative-direction indicators
  double skewed_share = 0.3;          ///< share of log-normal indicators
  // Both.
  double dimension_correlation = 0.5; ///< rho, correlation of the dimension factors
  double subdimension_r = 0.7;        ///< r_sub, share of F in each sub-dimension factor
  double outlier_rate = 0.005;        ///< probability a skewed indicator's cell is an outlier
  double outlier_shift = 3.5;         ///< added to z (in the bad tail) for outliers
  double missing_rate = 0.02;         ///< probability a cell is missing (MCAR)
  std::uint64_t seed = kDefaultSeed;
};

/// The simulated data and the truth behind it.
struct SimulationResult {
  Dataset data;                          ///< units × indicators, NaN = missing
  std::vector<UnitProfile> units;        ///< ids, names, province of each row
  std::vector<int> decimals;             ///< decimals of each indicator (for writing)
  std::vector<std::string> dimension_ids;
  std::vector<int> indicator_dimension;  ///< first-level dimension of each indicator (column)
  std::vector<int> indicator_negative;   ///< 1 if negative direction
  Eigen::VectorXd true_general;          ///< G per unit
  Eigen::MatrixXd true_dimensions;       ///< F, units × dimensions
  Eigen::VectorXd true_index;            ///< mean of the dimension factors (the truth to recover)
  Eigen::VectorXd true_weights;          ///< the weights that define true_index over indicators:
                                         ///< equal across dimensions, equal within
  std::string spec_yaml;                 ///< a spec describing the generated system (generic)
  /// External criterion columns (add_criteria), units × criteria, NaN = missing; written by
  /// simulation_csv after the indicators.
  std::vector<std::string> criterion_ids;
  std::vector<int> criterion_decimals;
  Eigen::MatrixXd criteria;
};

/// Simulates data for any indicator tree: one profile per leaf (same ids, leaf order) and one
/// UnitProfile per unit. Uses options' correlations, outlier and missing rates and seed.
/// @throws InvalidInput if profiles and leaves disagree or an option is out of range.
[[nodiscard]] SimulationResult simulate_tree(const IndicatorTree& tree,
                                             const std::vector<IndicatorProfile>& profiles,
                                             const std::vector<UnitProfile>& units,
                                             const SimulationOptions& options);

/// The data as CSV text: columns PREFIX_id, PREFIX_zh, PREFIX_en, province, then one column per
/// indicator, values with the indicator's decimals, missing written as NA (e.g. prefix "city").
[[nodiscard]] std::string simulation_csv(const SimulationResult& sim, const std::string& prefix);

/// The true latent scores as CSV: unit id, true_index, true_general, one column per dimension.
[[nodiscard]] std::string truth_csv(const SimulationResult& sim);

/// Synthetic AHP judgments of `experts` experts for every inner node with >= 2 children, as
/// YAML (documented in docs/simulate.md): each expert's pairwise matrix on Saaty's 1-9 scale,
/// built from the ratios of "belief" weights w_j = exp(0.4 c_j + 0.25 e_ej) (c shared by the
/// panel, e per expert, both N(0,1) from stream (seed, SimulateJudgments, node)), rounded to the
/// nearest Saaty value on the log scale, reciprocal by construction.
[[nodiscard]] std::string simulate_judgments_yaml(const IndicatorTree& tree, int experts,
                                                  std::uint64_t seed);

/// A generic hierarchical system: `dimensions` dimensions, indicators x01..xNN spread evenly.
/// @throws InvalidInput for out-of-range options.
[[nodiscard]] SimulationResult simulate(const SimulationOptions& options);

/// The governance example's cities (>= 100), indicator profiles and spec text.
[[nodiscard]] const std::vector<UnitProfile>& governance_cities();
[[nodiscard]] const std::vector<IndicatorProfile>& governance_profiles();
/// The governance example's external criteria (for criterion validity): profiles whose
/// `loading` is the correlation of the criterion's z with the general factor G.
[[nodiscard]] const std::vector<IndicatorProfile>& governance_criteria();

/// Adds external criterion columns to a simulation: for unit i, from stream (seed,
/// SimulateCriteria, i) and independent of the indicator draws,
///   z_ic = lambda_c (G_i - shift_i) + sqrt(1 - lambda_c^2) e_ic,  x_ic = marginal_c(z_ic),
/// rounded, then missing completely at random with options.missing_rate (one uniform per cell).
/// The indicators are unchanged.
/// @throws InvalidInput if a loading is not in [-1, 1].
void add_criteria(SimulationResult& sim, const std::vector<IndicatorProfile>& criteria,
                  const SimulationOptions& options);

}  // namespace cikit
