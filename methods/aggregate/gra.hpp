#pragma once
/// \file gra.hpp
/// Grey relational analysis (灰色关联分析): grey relational grade to the ideal sequence.
/// Rows = units, cols = criteria.

#include <Eigen/Core>

#include "methods/aggregate/mcda_common.hpp"

namespace cikit {

struct GraOptions : McdaColumns {
  double rho = 0.5;  ///< resolution (distinguishing) coefficient, 0 < rho <= 1 (Deng's 0.5)
};

struct GraResult {
  Eigen::VectorXd grade;        ///< grey relational grade gamma_i in (0, 1]; NaN for dropped units
  Eigen::MatrixXd coefficient;  ///< xi_ij (complete units; NaN rows for dropped)
  double delta_min = 0, delta_max = 0;
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// Grey relational grade (Deng 1989):
/// r_ij = (x_ij - min_j)/(max_j - min_j) for a benefit criterion, (max_j - x_ij)/(max_j - min_j)
/// for a cost criterion (min/max over the complete units); reference (ideal) sequence r_0j = 1;
/// Delta_ij = |r_0j - r_ij|, Delta_min = min_ij Delta_ij, Delta_max = max_ij Delta_ij;
/// xi_ij = (Delta_min + rho Delta_max) / (Delta_ij + rho Delta_max);
/// gamma_i = sum_j w_j xi_ij with w renormalised to sum 1 (equal weights give Deng's mean).
/// Higher gamma = closer to the ideal; rank by gamma descending.
/// Missing: listwise (warned) or error (McdaColumns::missing).
/// @throws InvalidInput (sizes, weights, rho outside (0, 1]); DomainError (fewer than 2
///         complete units; a constant criterion, named).
/// Reference: Deng, J. (1989) Introduction to grey system theory. The Journal of Grey System
///   1(1), 1-24; Liu & Lin (2006) Grey Information, Springer, ch. 3 (relational grade).
[[nodiscard]] GraResult grey_relational(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                        const GraOptions& options = {});

}  // namespace cikit
