#pragma once
/// \file rsr.hpp
/// Rank-sum ratio (秩和比法, RSR) with probit regression and tiers. Rows = units, cols = criteria.

#include <Eigen/Core>

#include "methods/aggregate/mcda_common.hpp"
#include "methods/core/registry.hpp"

namespace cikit {

struct RsrOptions : McdaColumns {
  RsrRanking ranking = RsrRanking::Integer;
  int tiers = 3;  ///< 3, 4 or 5 (probit cut-offs below)
};

struct RsrResult {
  Eigen::VectorXd rsr;     ///< (weighted) rank-sum ratio (cikit's score); NaN for dropped units
  Eigen::VectorXd probit;  ///< probit of the unit's RSR group, 5 + Phi^-1(p)
  Eigen::VectorXd fitted;  ///< a + b probit (the regression's estimate of RSR)
  Eigen::VectorXd tier;    ///< 1 = top tier ... `tiers` = bottom
  double intercept = 0, slope = 0, r_squared = 0;  ///< RSR = a + b probit over the distinct RSR values
  std::vector<double> cutoffs;  ///< probit cut-offs, ascending
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// Rank-sum ratio (Tian 1988; 孙振球《医学统计学》 convention):
/// ranks R_ij: Integer (整秩) = rank of x_ij among the n units, ties averaged, the best value
/// (largest benefit, smallest cost) ranked n; NonInteger (非整秩) R_ij = 1 + (n - 1)(x_ij - min_j)/
/// (max_j - min_j) (cost: max_j - x_ij). RSR_i = sum_j w_j R_ij / n (w renormalised to sum 1;
/// equal weights give sum_j R_ij / (m n)).
/// Distribution: the distinct RSR values ascending with frequency f and cumulative frequency
/// F; average rank Rbar = F_prev + (f + 1)/2; p = Rbar / n, the last p replaced by 1 - 1/(4n);
/// probit = 5 + Phi^-1(p). Ordinary least squares RSR = a + b probit over the distinct values
/// (one point per value, as the textbook's table). Tiers: the fitted RSR against a + b c_k with
/// probit cut-offs c = {4, 6} (3 tiers), {3.5, 5, 6.5} (4), {3.2, 4.4, 5.6, 6.8} (5) (the
/// percentiles 15.866/84.134, 6.681/50/93.319, 3.593/27.425/72.575/96.407); a unit at a cut-off
/// goes to the upper tier. Tier 1 = best. Score = RSR (higher = better).
/// @throws InvalidInput (sizes, weights, tiers not 3/4/5); DomainError (fewer than 3 complete
///         units; a constant criterion under NonInteger; fewer than 2 distinct RSR values).
/// Reference: Tian, F. (田凤调) (1988) 秩和比法及其应用. 中国卫生统计 5(2); 孙振球 (ed.)
///   医学统计学, 人民卫生出版社, ch. "综合评价" (RSR).
[[nodiscard]] RsrResult rank_sum_ratio(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                       const RsrOptions& options = {});

}  // namespace cikit
