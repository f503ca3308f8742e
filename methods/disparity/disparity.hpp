#pragma once
/// \file disparity.hpp
/// Regional disparity of one cross-section of scores: the Dagum (1997) Gini coefficient with its
/// decomposition into within-group, net between-group and transvariation parts, and the Theil
/// T and L indices with their within/between decomposition. Pure functions on a vector of
/// values (one per unit) and a group label per unit. Formulas: docs/methods.md#disparity.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit::disparity {

/// Per group: size, mean, share of units p_j = n_j/n, share of the total s_j = n_j·Ȳ_j/(n·μ).
struct GroupSummary {
  std::string group;
  int n = 0;
  double mean = 0.0;
  double p = 0.0;  ///< population share n_j / n
  double s = 0.0;  ///< share of the total n_j Ȳ_j / (n μ)
};

/// Dagum's decomposition G = G_w + G_nb + G_t (Dagum 1997, eqs. 2–3, 6–11).
struct DagumGini {
  double gini = 0.0;               ///< G, overall (eq. 2)
  double within = 0.0;             ///< G_w = Σ_j G_jj p_j s_j
  double between = 0.0;            ///< G_nb = Σ_{j>h} G_jh (p_j s_h + p_h s_j) D_jh
  double transvariation = 0.0;     ///< G_t = Σ_{j>h} G_jh (p_j s_h + p_h s_j) (1 − D_jh)
  double share_within = 0.0;       ///< G_w / G (0 when G = 0)
  double share_between = 0.0;      ///< G_nb / G
  double share_transvariation = 0.0;
  std::vector<GroupSummary> groups;  ///< in order of first appearance
  Eigen::VectorXd group_gini;        ///< G_jj per group
  /// G_jh per pair, D_jh, d_jh and p_jh; symmetric matrices (diagonal: G_jj, D = 0).
  Eigen::MatrixXd pair_gini, pair_d, pair_gross, pair_transvariation_moment;
  std::vector<std::string> warnings;
};

/// Theil indices T (GE(1)) and L (GE(0), mean log deviation), each with its decomposition.
struct TheilResult {
  double t = 0.0, t_within = 0.0, t_between = 0.0;
  double l = 0.0, l_within = 0.0, l_between = 0.0;
  std::vector<GroupSummary> groups;
  Eigen::VectorXd group_t, group_l;  ///< T_j, L_j per group
};

struct DisparityOptions {
  /// Groups of one unit have G_jj = 0, T_j = L_j = 0 by the formulas; a warning says so
  /// (set false to make it an error instead).
  bool allow_single_unit_groups = true;
};

/// Dagum Gini decomposition of `y` (one value per unit) into the groups `group` (one label per
/// unit, groups in order of first appearance).
///
/// G    = Σ_j Σ_h Σ_i Σ_r |y_ji − y_hr| / (2 n² μ)
/// G_jj = Σ_i Σ_r |y_ji − y_jr| / (2 n_j² Ȳ_j)
/// G_jh = Σ_i Σ_r |y_ji − y_hr| / (n_j n_h (Ȳ_j + Ȳ_h))
/// D_jh = (d_jh − p_jh) / (d_jh + p_jh), for the pair ordered so that Ȳ_j ≥ Ȳ_h, with
///   d_jh = (1/(n_j n_h)) Σ_i Σ_r (y_ji − y_hr)·1{y_ji > y_hr}   (gross economic affluence, eq. 9)
///   p_jh = (1/(n_j n_h)) Σ_i Σ_r (y_hr − y_ji)·1{y_hr > y_ji}   (first-order transvariation, eq. 10)
/// and D_jh = 0 when d_jh + p_jh = 0 (identical constant groups).
/// Conventions: the sums are the plain double sums (O(n²)), evaluated in a fixed order, so the
/// result does not depend on threads. Negative values are allowed (the Gini of a variable with
/// negative values can exceed 1) with a warning; the overall mean and every group mean must be > 0.
/// @param y values, finite; n ≥ 2.
/// @param group label per unit, same length as y.
/// @throws InvalidInput if sizes differ, n < 2, a value is not finite (naming the unit index),
///         or (allow_single_unit_groups = false) a group has one unit.
/// @throws DomainError if the mean or a group mean is ≤ 0 (the Gini is undefined), naming the group.
/// Reference: Dagum C (1997) A new approach to the decomposition of the Gini income inequality
/// ratio. Empirical Economics 22:515–531, doi:10.1007/BF01205777.
/// Complexity: O(n²) time, O(k²) memory.
[[nodiscard]] DagumGini dagum_gini(const Eigen::VectorXd& y, const std::vector<std::string>& group,
                                   const DisparityOptions& options = {});

/// Theil T and L of `y` with their decompositions into the groups `group`.
///
/// T = (1/n) Σ_i (y_i/μ) ln(y_i/μ) = Σ_j s_j T_j + Σ_j s_j ln(Ȳ_j/μ)          (within + between)
/// L = (1/n) Σ_i ln(μ/y_i)         = Σ_j p_j L_j + Σ_j p_j ln(μ/Ȳ_j)
/// with p_j = n_j/n, s_j = n_j Ȳ_j/(n μ), T_j and L_j the indices within group j.
/// @throws InvalidInput as dagum_gini; DomainError if a value is ≤ 0, naming the units
///         (`names`, one per unit; indices when empty).
/// Reference: Theil H (1967) Economics and Information Theory, North-Holland; Shorrocks AF
/// (1980) The class of additively decomposable inequality measures. Econometrica 48:613–625,
/// doi:10.2307/1913126.
/// Complexity: O(n).
[[nodiscard]] TheilResult theil(const Eigen::VectorXd& y, const std::vector<std::string>& group,
                                const std::vector<std::string>& names = {});

}  // namespace cikit::disparity
