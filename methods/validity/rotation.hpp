#pragma once
/// \file rotation.hpp
/// Factor rotations: varimax exactly as stats::varimax, quartimin (oblimin, gamma = 0)
/// exactly as GPArotation::oblimin (GPFoblq), and psych's sort/sign convention.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit {

struct VarimaxOptions {
  /// Kaiser normalisation: rows scaled to unit length before rotating, rescaled after
  /// (stats::varimax default normalize = TRUE).
  bool normalize = true;
  /// Stop when the criterion d (sum of singular values of B) gains less than this relative
  /// amount: d < d_old (1 + eps) (stats::varimax default 1e-5).
  double eps = 1e-5;
  /// Iteration cap (hard-coded 1000 in stats::varimax).
  int max_iterations = 1000;
};

struct RotationResult {
  Eigen::MatrixXd loadings;   ///< p x m rotated loadings (pattern for oblique rotations)
  Eigen::MatrixXd rotation;   ///< m x m: loadings = unrotated * rotation
  Eigen::MatrixXd phi;        ///< m x m factor correlations (identity for orthogonal rotations)
  int iterations = 0;
  bool converged = false;
  std::vector<std::string> warnings;
};

/// Varimax rotation as stats::varimax (R 4.2 factanal.R): with x the (Kaiser-normalised)
/// p x m loadings and T = I, repeat: Z = xT; B = x'(Z^3 - Z diag(1'Z^2)/p) (elementwise
/// cubes); B = U D V' (SVD); T = UV'; d = sum(D); stop when d < d_old (1 + eps). Loadings
/// = (xT) rescaled by the row norms. No sign or order normalisation (see psych_sort_sign).
/// m = 1 returns the input unchanged with rotation = [1] (as stats::varimax).
/// @throws InvalidInput if loadings are empty, non-finite, or the options are invalid.
/// @throws DomainError if normalize is on and a row of loadings is all zero (undefined).
/// Reference: Kaiser (1958), Psychometrika 23:187, doi:10.1007/BF02289233.
[[nodiscard]] RotationResult varimax(const Eigen::MatrixXd& loadings, const VarimaxOptions& options = {});

struct ObliminOptions {
  double gamma = 0;          ///< 0 = quartimin (GPArotation::oblimin default)
  double eps = 1e-5;         ///< stop when the projected-gradient norm s < eps (GPFoblq)
  int max_iterations = 1000; ///< GPFoblq maxit
};

/// Direct oblimin rotation by the gradient projection algorithm, a line-by-line port of
/// GPArotation 2022.10 GPFoblq + vgQ.oblimin (normalize = FALSE, Tmat = I): criterion
/// f = sum(L^2 * (L^2 N))/4 with N = 1 - I (gamma = 0); L = A (T')^{-1}; step halving from
/// al = 2 al_prev, accepted when f decreases by > 0.5 s^2 al. Returns pattern loadings,
/// phi = T'T, rotation = (T')^{-1}.
/// @throws InvalidInput if m < 2 or inputs are non-finite.
/// Reference: Jennrich (2002), Psychometrika 67:7, doi:10.1007/BF02294706; Bernaards &
/// Jennrich (2005), Educ. Psychol. Meas. 65:676, doi:10.1177/0013164404272507.
[[nodiscard]] RotationResult oblimin(const Eigen::MatrixXd& loadings, const ObliminOptions& options = {});

/// psych's convention after an orthogonal rotation (psych::principal / fa 2.2.9): columns
/// reordered by decreasing sum of squared loadings (stable for ties), each column then
/// multiplied by sign(column sum) (0 -> +). `rotation` is updated so that loadings =
/// unrotated * rotation still holds. (fa() flips before sorting, principal() after; for an
/// orthogonal rotation the result is the same.) For oblique rotations the sort key is
/// diag(Phi L'L) and Phi is permuted and re-signed with the columns.
/// Reference: Revelle, psych 2.2.9 R/fa.R (fac) and R/principal.R.
void psych_sort_sign(RotationResult& rotated);

}  // namespace cikit
