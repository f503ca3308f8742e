#pragma once
/// \file pca_weights.hpp
/// Weights from principal components: the OECD/JRC Handbook (2008, §6.1) factor-based weights
/// (PCA extraction, varimax rotation, squared scaled loadings × factor share) and the
/// first-principal-component weights of COINr's get_PCA. Rows = units, cols = indicators.

#include <Eigen/Core>

#include "methods/validity/rotation.hpp"
#include <string>
#include <vector>

#include "methods/weighting/objective_common.hpp"

namespace cikit {

struct PcaWeightOptions {
  /// Number of factors to keep; 0 = apply the Handbook's three rules below.
  int n_factors = 0;
  /// Rule (a): keep components with eigenvalue > this (Kaiser criterion). 0 disables it.
  double min_eigenvalue = 1.0;
  /// Rule (b): each kept component explains > this share of the total variance. 0 disables it.
  double min_share = 0.10;
  /// Rule (c): the kept components explain >= this share cumulatively; components are added
  /// in order until it holds (with a warning). 0 disables it.
  double min_cumulative = 0.60;
  bool rotate = true;                ///< varimax-rotate the kept loadings (Handbook: yes)
  bool kaiser_normalize = true;      ///< stats::varimax(normalize = TRUE)
  double varimax_eps = 1e-5;         ///< stats::varimax default
  int varimax_max_iter = 1000;       ///< stats::varimax's fixed limit
  CompleteCaseRule missing = CompleteCaseRule::Listwise;
  std::vector<std::string> ids;      ///< indicator ids for messages
  double zero_range_tol = 1e-12;     ///< constant-column test (relative to max(1, max|x|))
};

struct PcaWeights {
  Eigen::VectorXd weights;       ///< k indicators; sum to 1
  Eigen::VectorXd eigenvalues;   ///< all k eigenvalues of the correlation matrix, descending
  Eigen::VectorXd explained;     ///< eigenvalue / k (share of total variance), descending
  int n_factors = 0;             ///< m components kept
  /// Components kept beyond the eigenvalue and share rules to reach min_cumulative (0 = none);
  /// cumulative_explained is the share the kept components explain.
  int components_added = 0;
  double cumulative_explained = 0.0;
  Eigen::MatrixXd loadings;      ///< unrotated k × m: V_m Λ_m^{1/2}; each column's sum made > 0
  Eigen::MatrixXd rotated;       ///< rotated k × m (= loadings if not rotated); column sums > 0
  Eigen::VectorXd factor_variance;  ///< EV_f = sum_i L_if^2 of the (rotated) loadings
  Eigen::VectorXd factor_share;     ///< EV_f / sum_g EV_g
  Eigen::MatrixXd scaled_squared;   ///< s_if = L_if^2 / EV_f (columns sum to 1)
  std::vector<int> assigned;        ///< factor (0-based) each indicator is assigned to
  RotationResult varimax;           ///< methods/validity varimax(): iterations, convergence (rotation = I if not rotated)
  Eigen::Index n_used = 0;
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// OECD/JRC Handbook (2008) §6.1 weights from PCA:
/// 1. R = correlation matrix of the complete cases (Pearson); R = V Λ V', λ descending.
/// 2. Keep m components: `n_factors`, or the Handbook rules — the leading components with
///    λ_f > min_eigenvalue and λ_f/k > min_share, extended in order until the cumulative
///    share >= min_cumulative (at least 1).
/// 3. L = V_m Λ_m^{1/2}; varimax (stats::varimax, Kaiser normalisation, eps 1e-5) if m >= 2.
/// 4. EV_f = sum_i L_if^2; s_if = L_if^2 / EV_f ("squared factor loadings scaled to unity sum").
/// 5. Indicator i goes to the factor f(i) with the largest s_if (ties: the first factor).
/// 6. w_i ∝ (EV_f(i) / sum_g EV_g) · s_i,f(i), normalised to sum 1.
/// With m = 1 this gives w_i = v_i1^2 (squared PC1 eigenvector). Signs are irrelevant
/// (squares); reported loadings have positive column sums for determinism. A factor to
/// which no indicator is assigned contributes nothing (warning).
/// Invariant to positive affine maps of each column and to the order of units.
/// @throws InvalidInput (sizes, options, rule Error and a missing value); DomainError if fewer
///         than 3 complete units remain, k < 2, a column is constant, or n_factors > k.
/// Reference: OECD/JRC (2008) Handbook on Constructing Composite Indicators, §6.1 and Tables
///   16–18 (TAI example), ISBN 978-92-64-04345-9; Nicoletti, Scarpetta & Boylaud (2000) OECD
///   Economics Department Working Paper 226.
[[nodiscard]] PcaWeights pca_weights(const Eigen::MatrixXd& x, const PcaWeightOptions& options = {});

/// How pc1_weights turns the first eigenvector v (unit length, oriented so sum_i v_i > 0)
/// into weights.
enum class Pc1Variant {
  /// COINr get_PCA: weights = prcomp(center = TRUE, scale = TRUE)$rotation[, 1] (the signed
  /// eigenvector entries, not squared, not absolute), which COINr's weighted mean divides by
  /// their sum: w = v / sum v. Mixed signs are an error (no non-negative weights).
  Signed,
  Absolute,  ///< w = |v| / sum |v|
  Squared,   ///< w = v^2 (sums to 1; = pca_weights with one factor)
};

struct Pc1Options {
  Pc1Variant variant = Pc1Variant::Signed;
  CompleteCaseRule missing = CompleteCaseRule::Listwise;
  std::vector<std::string> ids;
  double zero_range_tol = 1e-12;
};

struct Pc1Weights {
  Eigen::VectorXd weights;       ///< sum to 1
  Eigen::VectorXd eigenvector;   ///< v (unit length, sum > 0): COINr's raw "PCA weights" up to sign
  double eigenvalue = 0;         ///< λ_1
  double explained = 0;          ///< λ_1 / k
  Eigen::Index n_used = 0;
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// First-principal-component weights (COINr get_PCA, variants above), PCA of the correlation
/// matrix (= prcomp(scale. = TRUE)) of the complete cases (COINr: na.omit, as Listwise).
/// @throws InvalidInput (sizes; rule Error and a missing value); DomainError if fewer than 3
///         complete units, k < 2, a constant column, or (Signed) entries of both signs
///         (indicator named).
/// Reference: Becker et al. (2022) COINr: An R package for developing composite indicators,
///   JOSS 7(78):4567, doi:10.21105/joss.04567 (get_PCA documentation).
[[nodiscard]] Pc1Weights pc1_weights(const Eigen::MatrixXd& x, const Pc1Options& options = {});

}  // namespace cikit
