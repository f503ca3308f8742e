#pragma once
/// \file scenario.hpp
/// Scenario simulator for method comparisons: hierarchical latent-factor systems whose true
/// dimension scores, true indicator weights and true composite are known (docs/simulate.md,
/// "Scenarios"). All data are SYNTHETIC. Separate from the governance preset (simulate.hpp),
/// whose output it never changes.
///
/// Model, unit i, all shocks N(0, 1) iid from make_stream(seed, SimulateScenario, i):
///   G_i                                            general factor
///   F_id  = sqrt(rho) G_i + sqrt(1 - rho) E_id     dimension factor d
///   T_ij  = a F_i,d(j) + sqrt(1 - a^2) S_ij        true (error-free) indicator j, variance 1
///   z_ij  = (T_ij + sigma e_ij) / sqrt(1 + sigma^2)   measured, standardised
///   z_ij <- -z_ij for negative indicators; z_ij += outlier_shift with prob. outlier_rate
///   x_ij  = 50 + 10 z_ij (symmetric) or 100 exp(skewness z_ij) (skewed indicators)
///   missing completely at random with probability missing_rate (never a whole unit)
/// True weights: within dimension d of m_d indicators, u_k ∝ exp(spread c_k), and across the D
/// dimensions v_d ∝ exp(spread c_d), c evenly spaced on [-1, 1] (reversed on odd dimensions);
/// spread = 0 gives equal weights. Global weight w_j = v_d(j) u_j (sum 1).
/// True composite: C_i = sum_j w_j T_ij = sum_d v_d D_id with true dimension scores
/// D_id = sum_{j in d} u_j T_ij (error-free indicators, "better = larger" orientation).

#include <Eigen/Core>
#include <cstdint>
#include <string>

#include "methods/core/random.hpp"
#include "methods/core/tree.hpp"
#include "methods/simulate/simulate.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit {

struct ScenarioOptions {
  int units = 200;                     ///< n, 10 .. 10^6 (study scenarios use 30 .. 3,000)
  int dimensions = 4;                  ///< D >= 1
  int indicators_per_dimension = 5;    ///< m >= 2 (every dimension)
  double loading = 0.8;                ///< a in (0, 1]: share of the dimension factor in T
  double dimension_correlation = 0.5;  ///< rho in [0, 1]
  double weight_spread = 0.0;          ///< >= 0; 0 = equal true weights
  double noise = 0.5;                  ///< sigma >= 0, measurement-noise sd relative to sd(T) = 1
  double skewed_share = 0.0;           ///< share of skewed (log-normal) indicators in [0, 1]
  double skewness = 0.5;               ///< sdlog of the skewed indicators, > 0
  double outlier_rate = 0.0;           ///< per-cell probability in [0, 0.5)
  double outlier_shift = 4.0;          ///< added to z of an outlier cell (right tail), finite
  double missing_rate = 0.0;           ///< per-cell probability in [0, 0.5)
  double negative_share = 0.0;         ///< share of negative-direction indicators in [0, 1]
  std::uint64_t seed = kDefaultSeed;
};

struct ScenarioResult {
  /// Data and truth: true_general = G, true_dimensions = D (units × dimensions, the true
  /// dimension scores above), true_index = C, true_weights = w (global, leaf order).
  SimulationResult sim;
  /// The tree: dimensions d1.., indicators x01..; every node's `weight` is its TRUE local
  /// weight (so WeightMethod::Given reproduces the truth) and every leaf has goalposts at the
  /// marginal's z = ±3 values ([20, 80], or [100 e^{-3s}, 100 e^{3s}] for skewed ones).
  IndicatorTree tree;
  Eigen::VectorXd dimension_weights;   ///< v_d
  Eigen::MatrixXd true_indicators;     ///< T, units × indicators
};

/// Checks every option's range. @throws InvalidInput naming the option.
void check_scenario_options(const ScenarioOptions& options);

/// Simulates one scenario. Deterministic by options.seed; unit i's values depend only on the
/// seed and i (not on the number of units).
/// @throws InvalidInput naming the option that is out of range.
[[nodiscard]] ScenarioResult simulate_scenario(const ScenarioOptions& options);

/// A spec (YAML) for the scenario's data.csv, with the true weights as `weight:` and the
/// goalposts; methods equal/minmax/arithmetic.
[[nodiscard]] std::string scenario_spec_yaml(const ScenarioResult& s, const ScenarioOptions& options);

/// CSV indicator,dimension,direction,true_local_weight,true_global_weight.
[[nodiscard]] std::string scenario_weights_csv(const ScenarioResult& s);

/// Simulated AHP judgments that know the true weights up to noise: for every inner node with
/// m >= 2 children and every expert, a_ab = nearest_saaty_value((u_a/u_b) exp(noise_sd eps_ab))
/// for a < b (eps_ab ~ N(0, 1) from make_stream(seed, ScenarioJudgments, node), experts in
/// order, pairs row by row), a_ba = 1/a_ab, a_aa = 1; u = the tree's true local weights.
/// @throws InvalidInput if experts < 1 or noise_sd < 0 or a node lacks a weight.
[[nodiscard]] Judgments scenario_judgments(const IndicatorTree& tree, int experts, double noise_sd,
                                           std::uint64_t seed);

}  // namespace cikit
