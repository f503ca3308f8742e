#pragma once
/// \file detail/pairs.hpp
/// Private to methods/audit: complete pairs of two score columns and Pearson's r on them.

#include <Eigen/Core>
#include <string>

namespace cikit::audit::detail {

/// The units where both columns `a` and `b` of `scores` have a value (rows in order).
struct CompletePairs {
  Eigen::VectorXd x;
  Eigen::VectorXd y;
};
[[nodiscard]] CompletePairs complete_pairs(const Eigen::MatrixXd& scores, int a, int b);

/// Pearson's r of complete pairs (stats::pairwise_correlation). @throws DomainError naming
/// `what` for fewer than 3 pairs or a constant column.
[[nodiscard]] double pearson(const Eigen::VectorXd& x, const Eigen::VectorXd& y, const std::string& what);

}  // namespace cikit::audit::detail
