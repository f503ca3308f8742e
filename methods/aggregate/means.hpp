#pragma once
/// \file means.hpp
/// Weighted geometric, harmonic and power (generalised) means of children scores, per unit.
/// Rows = units, cols = children. Same missing-value rule as weighted_arithmetic: available
/// children with renormalised weights, or an error (MissingPolicy).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/aggregate/aggregate.hpp"
#include "methods/core/registry.hpp"

namespace cikit {

/// What the geometric/harmonic (power r <= 0) means do with a zero score.
enum class ZeroRule {
  Error,  ///< throw DomainError naming the unit and the indicator (default)
  /// y = M(x + delta) - delta: shift every value by delta > 0 before the mean and back after
  /// (a unit with all values c still scores c). Changes the result; report delta.
  Shift,
};

struct MeanOptions {
  MissingPolicy missing = MissingPolicy::Available;
  ZeroRule zero = ZeroRule::Error;
  double delta = 0.0;  ///< the shift of ZeroRule::Shift (> 0)
};

/// Weighted geometric mean: y_i = exp( sum_{j in A_i} w_j ln x_ij / sum_{j in A_i} w_j ),
/// A_i = children available for unit i. Scores must be >= 0; zeros per `zero` rule.
/// @throws InvalidInput (sizes; weights negative/non-finite; delta <= 0 under Shift);
///         DomainError naming unit and indicator for a negative score, a zero under
///         ZeroRule::Error, or a missing score under MissingPolicy::Error.
/// Reference: OECD/JRC (2008) Handbook §6.2 (geometric aggregation); UNDP (2010–) HDI.
[[nodiscard]] AggregateResult weighted_geometric(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                                 const MeanOptions& options,
                                                 const std::vector<std::string>& child_ids,
                                                 const std::vector<std::string>& unit_ids);

/// Weighted harmonic mean: y_i = sum_{A_i} w_j / sum_{A_i} (w_j / x_ij). Scores >= 0, zeros per
/// `zero` rule. @throws as weighted_geometric.
[[nodiscard]] AggregateResult weighted_harmonic(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                                const MeanOptions& options,
                                                const std::vector<std::string>& child_ids,
                                                const std::vector<std::string>& unit_ids);

/// Weighted power (generalised) mean of order r:
/// y_i = ( sum_{A_i} w_j x_ij^r / sum_{A_i} w_j )^(1/r); r = 0 is the geometric mean, r = 1
/// arithmetic, r = -1 harmonic; r -> ±inf tends to max/min. Scores must be >= 0 (any r != 1);
/// zeros for r <= 0 per `zero` rule (for r > 0 a zero is fine).
/// @throws as weighted_geometric; InvalidInput if r is not finite.
/// Reference: Hardy, Littlewood & Pólya (1934) Inequalities, ch. II; Decancq & Lugo (2013)
///   Econometric Reviews 32(1):7–34.
[[nodiscard]] AggregateResult weighted_power_mean(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, double r,
                                                  const MeanOptions& options,
                                                  const std::vector<std::string>& child_ids,
                                                  const std::vector<std::string>& unit_ids);

}  // namespace cikit
