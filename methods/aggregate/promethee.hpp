#pragma once
/// \file promethee.hpp
/// PROMETHEE II outranking flows. Rows = units (alternatives), cols = criteria.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/aggregate/mcda_common.hpp"
#include "methods/core/registry.hpp"

namespace cikit {

struct PrometheeOptions : McdaColumns {
  /// Per column: preference function and thresholds (empty = usual for every criterion).
  std::vector<Preference> preferences;
  int threads = 0;  ///< OpenMP threads (0 = default); results do not depend on it
};

struct PrometheeResult {
  Eigen::VectorXd phi_plus, phi_minus, phi;  ///< leaving, entering and net flow (NaN for dropped)
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// P_j(d) of one preference function at difference d (Brans & Vincke 1985, types I-VI):
/// usual d > 0; u_shape d > q; v_shape d/p on (0, p], 1 beyond; level 1/2 on (q, p], 1 beyond;
/// linear (d - q)/(p - q) on (q, p], 1 beyond; gaussian 1 - exp(-d^2/(2 s^2)) for d > 0; else 0.
[[nodiscard]] double preference_value(const Preference& f, double d);

/// PROMETHEE II (Brans & Vincke 1985; Brans, Vincke & Mareschal 1986):
/// d_j(a, b) = f_j(a) - f_j(b) (f_j(b) - f_j(a) for a cost criterion);
/// pi(a, b) = sum_j w_j P_j(d_j(a, b)) (w renormalised to sum 1);
/// phi+(a) = sum_b pi(a, b)/(n - 1), phi-(a) = sum_b pi(b, a)/(n - 1), phi = phi+ - phi-.
/// Rank by phi descending (cikit's score = phi, in [-1, 1]). O(n^2 m) time, O(n) memory;
/// rows are computed in parallel, each unit's sums in a fixed order (thread-count invariant).
/// @throws InvalidInput (sizes, weights, a preference with bad thresholds, e.g. q > p, naming
///         the criterion); DomainError (fewer than 2 complete units).
/// Reference: Brans, J.P., Vincke, Ph. (1985) A preference ranking organisation method: the
///   PROMETHEE method for MCDM. Management Science 31(6), 647-656, doi:10.1287/mnsc.31.6.647.
[[nodiscard]] PrometheeResult promethee_ii(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                           const PrometheeOptions& options = {});

}  // namespace cikit
