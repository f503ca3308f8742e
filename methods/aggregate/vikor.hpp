#pragma once
/// \file vikor.hpp
/// VIKOR compromise ranking. Rows = units (alternatives), cols = criteria.

#include <Eigen/Core>

#include "methods/aggregate/mcda_common.hpp"

namespace cikit {

struct VikorOptions : McdaColumns {
  double v = 0.5;  ///< weight of the strategy of "the majority of criteria" (group utility S), [0, 1]
};

struct VikorResult {
  Eigen::VectorXd s, r, q;     ///< group utility S, individual regret R, index Q (NaN for dropped)
  Eigen::VectorXd score;       ///< 1 - Q: higher = better (Q ranks ascending)
  Eigen::VectorXd compromise;  ///< 1 = in the compromise solution set, 0 = not (NaN dropped)
  double dq = 0;               ///< DQ = 1/(J - 1), J complete units
  bool acceptable_advantage = false;  ///< C1: Q(a'') - Q(a') >= DQ
  bool acceptable_stability = false;  ///< C2: a' is also best by S or by R
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// VIKOR (Opricovic & Tzeng 2004, eqs. 1-5):
/// f*_j = max_i f_ij, f-_j = min_i f_ij for a benefit criterion (reversed for a cost one);
/// S_i = sum_j w_j (f*_j - f_ij)/(f*_j - f-_j), R_i = max_j w_j (f*_j - f_ij)/(f*_j - f-_j)
/// (w renormalised to sum 1); Q_i = v (S_i - S*)/(S- - S*) + (1 - v)(R_i - R*)/(R- - R*) with
/// S* = min S, S- = max S, R* = min R, R- = max R; a term whose range is 0 (every unit equal)
/// is 0. Ranking by Q ascending; cikit's score is 1 - Q (higher = better, same order).
/// Compromise solution: a' = the unit with the smallest Q (first in data order on ties), a''
/// the second; C1 acceptable advantage Q(a'') - Q(a') >= DQ = 1/(J - 1); C2 acceptable
/// stability: a' also has the smallest S or the smallest R. Both met: {a'}; only C2 fails:
/// {a', a''}; C1 fails: every a(M) with Q(a(M)) - Q(a') < DQ.
/// @throws InvalidInput (sizes, weights, v outside [0, 1]); DomainError (fewer than 2 complete
///         units; a constant criterion, named).
/// Reference: Opricovic, S., Tzeng, G.-H. (2004) Compromise solution by MCDM methods: a
///   comparative analysis of VIKOR and TOPSIS. EJOR 156(2), 445-455, doi:10.1016/S0377-2217(03)00020-1.
[[nodiscard]] VikorResult vikor(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const VikorOptions& options = {});

}  // namespace cikit
