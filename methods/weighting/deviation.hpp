#pragma once
/// \file deviation.hpp
/// More objective weights (issue 18): maximising deviation (离差最大化), mean deviation
/// (平均差) and independence weights (独立性权数). Rows = units, cols = indicators (the
/// children of one node). Missing values: listwise (count in `warnings`) or an error
/// (VariationOptions::missing). Results reuse VariationWeights (score = the unnormalised
/// weight of each column).

#include <Eigen/Core>

#include "methods/weighting/variation.hpp"

namespace cikit {

/// Maximising deviation (Wang 1998): on z = min-max of each column to [0, 1] (cost columns
/// reversed when `directions` says so; the paper normalises first),
///   D_j = sum_i sum_k |z_ij - z_kj|,   w_j = D_j / sum_l D_l,
/// the closed-form solution of max_w sum_j w_j D_j s.t. sum_j w_j^2 = 1, normalised to sum 1.
/// A constant column has D_j = 0, weight 0 and a warning.
/// @throws InvalidInput (sizes; rule Error and a missing value); DomainError if fewer than 2
///         complete units remain or every column is constant.
/// Reference: Wang Yingming (1998), "Using the method of maximizing deviations to make decision
///   for multi-indices", Journal of Systems Engineering and Electronics 8(3):21-26.
[[nodiscard]] VariationWeights max_deviation_weights(const Eigen::MatrixXd& x, const VariationOptions& options = {});

/// Mean-deviation weights: on z = min-max to [0, 1] as above, MD_j = (1/n) sum_i |z_ij - mean_j|,
/// w_j = MD_j / sum_l MD_l (the mean-absolute-deviation analogue of sd_weights).
/// @throws as max_deviation_weights.
[[nodiscard]] VariationWeights mean_deviation_weights(const Eigen::MatrixXd& x, const VariationOptions& options = {});

/// Independence weights (独立性权数): R_j^2 is the coefficient of determination of column j
/// regressed (OLS with intercept) on all the other columns; the weight uses the inverse VIF
///   s_j = 1 - R_j^2 = 1 / VIF_j = 1 / (C^{-1})_jj   (C = Pearson correlation matrix),
///   w_j = s_j / sum_l s_l,
/// so an indicator that the others explain well (redundant information) weighs less. (Some
/// textbooks use 1/R_j instead; not this function.) `score` holds 1 - R_j^2; `correlation` C.
/// @throws InvalidInput (sizes; rule Error and a missing value); DomainError if fewer than
///         k + 2 complete units remain (k columns), fewer than 2 columns, a column is constant,
///         or C is singular (an indicator is an exact linear combination of others; named).
/// Reference: e.g. 苏为华 (2000) 多指标综合评价理论与方法问题研究 (独立性权数法); VIF: Marquardt (1970).
[[nodiscard]] VariationWeights independence_weights(const Eigen::MatrixXd& x, const VariationOptions& options = {});

}  // namespace cikit
