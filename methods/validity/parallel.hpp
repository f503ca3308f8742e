#pragma once
/// \file parallel.hpp
/// Horn's parallel analysis for principal components (psych::fa.parallel(fa = "pc")).

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "methods/core/random.hpp"
#include "methods/validity/correlation.hpp"

namespace cikit {

struct ParallelOptions {
  /// Replicates B of each kind. psych's default n.iter = 20 is small for a 95th percentile;
  /// 100 makes the type-7 quantile rest on 100 draws.
  int replicates = 100;
  /// Decision quantile (psych quant = 0.95; "always apply quant" since psych 2018).
  double quantile = 0.95;
  std::uint64_t seed = kDefaultSeed;
  /// Also run the resampling variant (each column resampled independently with replacement).
  bool resample = true;
  CorrelationOptions correlation = {};
};

struct ParallelResult {
  Eigen::VectorXd observed;            ///< eigenvalues of the data's correlation matrix, descending
  Eigen::VectorXd simulated_mean;      ///< per position, over B normal data sets
  Eigen::VectorXd simulated_quantile;  ///< type-7 quantile `quantile` per position
  Eigen::VectorXd resampled_mean;      ///< empty when resample = false
  Eigen::VectorXd resampled_quantile;
  /// Leading run of observed eigenvalues > simulated_quantile (psych's ncomp; the decision).
  int n_components = 0;
  /// Same against simulated_mean (Horn's original 1965 rule; more liberal).
  int n_components_mean = 0;
  /// Same against resampled_quantile (-1 when resample = false).
  int n_components_resampled = -1;
  int replicates = 0;
  std::uint64_t seed = 0;
  long n_units = 0;
  std::vector<std::string> warnings;
};

/// Parallel analysis of data x (rows = units, cols = indicators; NaN = missing).
/// Observed: eigenvalues of R = correlation_matrix(x, options.correlation) (pairwise by
/// default). Replicate b (b = 0..B-1) draws only from make_stream(seed, Parallel, b): first an
/// n x p matrix of N(0,1) values (column by column; standard_normal), whose Pearson R gives
/// the simulated eigenvalues; then, if resample, for each column j, n values drawn with
/// replacement from x's column j (uniform_index; NaNs are resampled as NaNs, as psych), whose
/// R (same missing rule) gives the resampled eigenvalues. Replicates run in parallel
/// (OpenMP) and write slot b, so results are identical for any thread count.
/// Decision (psych 2.2.9): k = (index of the first observed eigenvalue not > simulated
/// quantile) - 1; p if all exceed it.
/// @throws InvalidInput as correlation_matrix(), or replicates < 2, quantile not in (0, 1).
/// @throws DomainError as correlation_matrix() (constant column); also if a resampled column
///         is constant (tiny n), naming the replicate.
/// Reference: Horn (1965), Psychometrika 30:179, doi:10.1007/BF02289447; Glorfeld (1995),
/// Educ. Psychol. Meas. 55:377 (95th percentile), doi:10.1177/0013164495055003002.
/// Complexity O(B (n p^2 + p^3)).
[[nodiscard]] ParallelResult parallel_analysis(const Eigen::MatrixXd& x, const ParallelOptions& options = {});

/// R's quantile(x, prob, type = 7): h = (n-1) prob, x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)).
[[nodiscard]] double quantile_type7(std::vector<double> values, double prob);

}  // namespace cikit
