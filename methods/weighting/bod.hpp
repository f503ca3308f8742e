#pragma once
/// \file bod.hpp
/// Benefit of the Doubt (BoD): each unit's composite is the weighted sum of its (non-negative,
/// oriented) indicators under the weights most favourable to it, subject to no unit scoring
/// above 1 with those weights (a DEA model with a unit input, constant returns to scale).
///
/// For unit c (rows = units, cols = indicators y_kj >= 0), one linear programme
///   CI_c = max_w  sum_j w_j y_cj
///     s.t.  sum_j w_j y_kj <= 1            for every reference unit k   (normalisation)
///           lo_j <= w_j <= hi_j                                         (absolute bounds; default 0, +inf)
///           L_j CI <= w_j y_cj <= U_j CI   with CI = sum_i w_i y_ci     (pie-share restriction per indicator)
///           L_G CI <= sum_{j in G} w_j y_cj <= U_G CI                   (pie-share restriction per dimension G)
/// solved with GLPK's primal simplex (glp_simplex, no presolve) from the all-slack basis, so
/// the solution of a unit does not depend on which units a thread solved before: the result is
/// identical for any thread count. CI_c is unique; the weights need not be (several optimal
/// vertices): the reported weights are GLPK's optimal vertex from that start.
///
/// Robust (order-m) variant (Compind ci_rbod: nonparaeff::orderm, output orientation, unit
/// input; Cazals, Florens & Simar 2002; Vidoli, Fusco & Mazziotta 2015): for unit c and
/// replicate b = 1..B, draw m units with replacement from all n units (stream
/// StreamTag::BodResample, replicate = unit index), solve the LP above with those m units as
/// the reference set, and average the B scores; scores above 1 mean the unit beats its
/// expected order-m frontier. A replicate whose LP is unbounded (no drawn unit has a positive
/// value on an indicator where unit c has one) is skipped and counted; a unit whose B
/// replicates are all unbounded is an error.
///
/// Missing values are an error (impute first). Negative values are an error (BoD needs y >= 0:
/// normalise to a non-negative range, e.g. min-max 0-100).
///
/// References: Cherchye, Moesen, Rogge & Van Puyenbroeck (2007), "An introduction to 'benefit
/// of the doubt' composite indicators", Social Indicators Research 82:111-145,
/// doi:10.1007/s11205-006-9029-7; OECD/JRC (2008) Handbook, section 6.1.4 (eq. 6.11);
/// Vidoli, Fusco & Mazziotta (2015), "Non-compensability in composite indicators: a robust
/// directional frontier method", Social Indicators Research 122:635-652.

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "methods/core/random.hpp"

namespace cikit {

/// A pie-share restriction on a group of indicators (a dimension).
struct BodGroup {
  std::string id;            ///< named in errors
  std::vector<int> members;  ///< column indices (0-based)
  double lower = 0.0;        ///< L_G in [0, 1]
  double upper = 1.0;        ///< U_G in [0, 1], >= L_G
};

struct BodOptions {
  /// Absolute bounds on the raw weights w_j (empty = 0 and +inf). Size k when set.
  Eigen::VectorXd lower;
  Eigen::VectorXd upper;  ///< +inf entries allowed
  /// Pie-share restrictions per indicator (empty = none): L_j <= w_j y_cj / CI_c <= U_j.
  Eigen::VectorXd share_lower;
  Eigen::VectorXd share_upper;
  std::vector<BodGroup> groups;  ///< pie-share restrictions per dimension
  /// Robust order-m variant: m > 0 draws per replicate, B replicates (Compind ci_rbod's M, B).
  int robust_m = 0;
  int robust_b = 100;
  std::uint64_t seed = kDefaultSeed;
  int threads = 0;                     ///< 0 = OpenMP default; results identical for any value
  std::vector<std::string> ids;        ///< indicator/child ids (errors); default "column j"
  std::vector<std::string> unit_ids;   ///< unit ids (errors); default "row i"
  std::string node;                    ///< node id (errors)
};

struct BodResult {
  Eigen::VectorXd score;    ///< CI_c in [0, 1] (units)
  Eigen::MatrixXd weights;  ///< units × indicators: unit c's optimal raw weights w_cj
  /// units × indicators: pie shares w_cj y_cj / CI_c (rows sum to 1; 0 for a unit with CI_c = 0).
  Eigen::MatrixXd shares;
  /// Mean pie share per indicator over the units with CI_c > 0 (sums to 1): the local weights
  /// of `methods.weights: bod` (see docs/methods.md).
  Eigen::VectorXd mean_share;
  Eigen::VectorXd robust_score;  ///< order-m scores (empty unless robust_m > 0)
  Eigen::VectorXi robust_skipped;  ///< unbounded replicates skipped per unit (robust only)
  std::vector<std::string> warnings;
};

/// Benefit-of-the-doubt scores and weights of every unit (see the file comment).
/// @throws InvalidInput for a missing value, wrong option sizes, bounds with lo > hi, share
///         bounds outside [0, 1] or with L > U, sum of L_j > 1 or sum of U_j < 1 (node named);
///         DomainError for a negative value (unit and indicator named), absolute lower bounds
///         that no weight vector can meet (the unit whose constraint sum_j lo_j y_kj > 1 is
///         named), an LP the solver reports infeasible (node and unit named).
[[nodiscard]] BodResult benefit_of_doubt(const Eigen::MatrixXd& y, const BodOptions& o = {});

}  // namespace cikit
