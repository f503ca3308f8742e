#pragma once
/// \file combine.hpp
/// Combinations of weight vectors (主客观组合赋权): typically a subjective vector s (AHP,
/// experts) and an objective vector o (entropy, CRITIC). Every input vector: length k, entries
/// finite and >= 0, sum > 0 (renormalised to sum 1 first, with a warning when it did not).

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit {

struct CombinedWeights {
  Eigen::VectorXd weights;        ///< sum to 1
  /// Coefficients of the inputs: linear (alpha, 1 - alpha); game theory (the normalised α*_k);
  /// empty for the multiplicative and minimum-information forms.
  Eigen::VectorXd coefficients;
  Eigen::VectorXd raw_coefficients;  ///< game theory: α from the linear system, before |.|/sum
  std::vector<std::string> warnings;
};

/// Linear combination: w = alpha s + (1 - alpha) o, alpha in [0, 1].
/// @throws InvalidInput if the vectors are invalid (see file comment), lengths differ, or alpha
///         is outside [0, 1].
/// Reference: Ma, Fan & Huang (1999), A subjective and objective integrated approach to determine
///   attribute weights, EJOR 112(2):397–404.
[[nodiscard]] CombinedWeights combine_linear(const Eigen::VectorXd& s, const Eigen::VectorXd& o, double alpha);

/// Multiplicative (product) combination: w_j = s_j o_j / sum_k s_k o_k.
/// @throws InvalidInput as combine_linear; DomainError if s_j o_j = 0 for every j.
[[nodiscard]] CombinedWeights combine_multiplicative(const Eigen::VectorXd& s, const Eigen::VectorXd& o);

/// Minimum-information-entropy combination (最小信息熵): minimising
/// sum_j w_j (ln w_j - ln s_j) + w_j (ln w_j - ln o_j) subject to sum w = 1 gives
/// w_j = sqrt(s_j o_j) / sum_k sqrt(s_k o_k).
/// @throws InvalidInput as combine_linear; DomainError if s_j o_j = 0 for every j.
[[nodiscard]] CombinedWeights combine_min_entropy(const Eigen::VectorXd& s, const Eigen::VectorXd& o);

/// Game-theory combination (博弈论组合赋权) of L >= 2 vectors u_1..u_L:
/// minimise || sum_k α_k u_k - u_l ||_2 for all l; the first-order conditions are the linear
/// system (U U') α = diag(U U'), i.e. sum_k α_k (u_l · u_k) = u_l · u_l, l = 1..L.
/// Normalisation rule (stated): α*_k = |α_k| / sum_g |α_g| (absolute values, as most papers);
/// a negative α_k is reported in warnings. Result w = sum_k α*_k u_k (sums to 1, >= 0).
/// @throws InvalidInput as combine_linear or if fewer than 2 vectors; DomainError if the Gram
///         matrix U U' is singular (reciprocal condition number < 1e-12: two inputs are equal
///         or proportional, so α is not identified) — quoting the condition number.
/// Reference: the game-theoretic (Nash-equilibrium, least-squares) combination of the Chinese
///   literature on 博弈论组合赋权, as restated in docs/METHODS-REFERENCE §7.5.
[[nodiscard]] CombinedWeights combine_game_theory(const std::vector<Eigen::VectorXd>& vectors);

}  // namespace cikit
