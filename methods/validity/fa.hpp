#pragma once
/// \file fa.hpp
/// Exploratory factor analysis by minimum residual (minres / ULS), as psych::fa(fm = "minres").

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "methods/validity/correlation.hpp"
#include "methods/validity/rotation.hpp"

namespace cikit {

/// Rotation applied after extraction.
enum class FaRotation {
  None,     ///< unrotated (psych rotate = "none")
  Varimax,  ///< stats::varimax, then psych's sign/order (psych rotate = "varimax")
  Oblimin,  ///< GPArotation::oblimin (quartimin), then psych's sign/order (psych default)
};

struct FaOptions {
  int n_factors = 1;                       ///< m >= 1 and m < p
  FaRotation rotation = FaRotation::None;
  /// Box for the uniquenesses psi during the fit: psych fixes lower = 0.005 and upper =
  /// max(smc, 1) = 1 for a correlation matrix. A psi at the lower bound is a Heywood case.
  double lower_bound = 0.005;
  double upper_bound = 1.0;
  /// Convergence: max_i |psi_i - P(psi_i - g_i)| <= tolerance, g = gradient of the fit
  /// function G below, P = projection on the box (a projected-gradient KKT test).
  /// (If no step can lower G any more because its change is below rounding, the fit counts as
  /// converged when this norm is <= 1e-8.)
  double tolerance = 1e-11;
  int max_iterations = 500;                ///< projected-Newton iterations
  VarimaxOptions varimax = {};
  ObliminOptions oblimin = {};
  /// Below this reciprocal condition number of R a warning says R is (near) singular.
  double singular_rcond = 1e-10;
  CorrelationOptions correlation = {};     ///< data overload only
};

struct FaResult {
  Eigen::MatrixXd r;                   ///< correlation matrix analysed (p x p)
  Eigen::MatrixXd unrotated;           ///< p x m unrotated loadings, columns summing to > 0
  Eigen::MatrixXd loadings;            ///< p x m final loadings (= unrotated if no rotation)
  Eigen::MatrixXd rotation;            ///< m x m, loadings = unrotated * rotation
  Eigen::MatrixXd phi;                 ///< m x m factor correlations (identity if orthogonal)
  Eigen::VectorXd psi;                 ///< fitted uniquenesses (optimizer values; psych 1 - $communalities)
  Eigen::VectorXd communalities;       ///< diag(L L') of the unrotated loadings (psych $communality)
  Eigen::VectorXd uniquenesses;        ///< 1 - communalities (psych $uniquenesses = diag(R - LL'))
  Eigen::VectorXd ss_loadings;         ///< per factor: colSums(L^2) (oblique: diag(Phi L'L))
  Eigen::VectorXd proportion_var;      ///< ss_loadings / p
  Eigen::VectorXd cumulative_var;
  Eigen::VectorXd proportion_explained;///< ss_loadings / sum(ss_loadings)
  Eigen::VectorXd eigenvalues;         ///< eigenvalues of R (psych $e.values)
  double objective = 0;                ///< sum_{i<j} (R - LL')_ij^2 (psych fit.residuals)
  int iterations = 0;
  bool converged = false;
  std::vector<bool> heywood;           ///< psi_i at the lower bound
  double rcond = 0;
  int degrees_of_freedom = 0;          ///< p(p-1)/2 - p m + m(m-1)/2 (psych $dof)
  std::vector<std::string> warnings;
};

/// Minres factor analysis of a correlation matrix R (p x p) with m factors.
/// Fit: psi minimises G(psi) = || R* - L L' ||_F^2, R* = R with diagonal 1 - psi, L = V_m
/// diag(sqrt(max(lambda_m, 0))) from the m largest eigenpairs of R*, subject to lower_bound <=
/// psi_i <= upper_bound. dG/dpsi_i = -2 (R* - LL')_ii, so the stationary point has
/// diag(LL') = 1 - psi: the minres solution (Harman & Jones 1966) that also minimises psych's
/// fit.residuals (off-diagonal residual sum of squares); psych's gradient FAgr.minres is
/// dG/dpsi / 2. Start psi = 1 - smc (psych). Optimiser: projected Newton (Bertsekas 1982) on
/// the box with the exact Hessian (eigen-perturbation theory, fa_detail::exact_hessian; central
/// differences of the analytic gradient near a degenerate eigenvalue), Armijo search along the
/// projection arc; psych uses optim L-BFGS-B (factr 1e7), which stops earlier, so psych's
/// loadings differ from the converged optimum by up to ~1e-5 (see validation/validity/fa).
/// Loadings: eigen of R with diagonal 1 - psi (psych FAout.wls), columns flipped to positive
/// sums, then rotated (options.rotation) and sorted/signed as psych::fa.
/// Heywood cases: psi_i at lower_bound are flagged and warned about (psych bounds them the
/// same way silently); a communality > 1 gets psych's "ultra-Heywood" warning.
/// Singular R: fitted as usual (minres needs no inverse; smc uses the pseudo-inverse) with a
/// warning quoting the reciprocal condition number.
/// @throws InvalidInput if r is not a correlation matrix, m < 1 or m >= p, or options invalid.
/// Reference: Harman & Jones (1966), Psychometrika 31:351, doi:10.1007/BF02289468; Revelle,
/// psych::fa; Bertsekas (1982), SIAM J. Control Optim. 20:221, doi:10.1137/0320018.
[[nodiscard]] FaResult fa_minres_correlation(const Eigen::MatrixXd& r, const FaOptions& options = {});

/// Minres FA of data (rows = units, cols = indicators; NaN = missing, pairwise by default):
/// correlation_matrix(), then fa_minres_correlation(). Warns when n <= p.
/// @throws as correlation_matrix() and fa_minres_correlation().
[[nodiscard]] FaResult fa_minres(const Eigen::MatrixXd& x, const FaOptions& options = {});

/// The minres fit's Newton matrices, exposed for the tests (fa.cpp documents both).
namespace fa_detail {
/// The exact Hessian of G at psi (eigen-perturbation theory; one decomposition and m p^3
/// products), or nullopt near a degenerate retained eigenvalue.
[[nodiscard]] std::optional<Eigen::MatrixXd> exact_hessian(const Eigen::MatrixXd& r, const Eigen::VectorXd& psi,
                                                           Eigen::Index m);
/// The free x free block of the Hessian by central differences of the analytic gradient.
[[nodiscard]] Eigen::MatrixXd difference_hessian(const Eigen::MatrixXd& r, const Eigen::VectorXd& psi,
                                                 Eigen::Index m, const std::vector<Eigen::Index>& free);
}  // namespace fa_detail

}  // namespace cikit
