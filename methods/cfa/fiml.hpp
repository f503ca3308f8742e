#pragma once
/// \file fiml.hpp
/// Full-information maximum likelihood (FIML) for incomplete multivariate normal data: the
/// casewise ("raw data") log-likelihood of a mean vector and covariance matrix, its gradient,
/// casewise scores and Hessian, and the EM estimate of the saturated (H1) model. These are the
/// numerics behind lavaan's `missing = "ml"` (lavaan 0.6: lav_mvnorm_missing_*).
///
/// Data: a units x p matrix (rows = units, columns = indicators), NaN = missing. Rows whose p
/// values are all missing carry no information and are dropped (their number is kept in
/// `MissingPatterns::n_empty`); every other row is a unit.
///
/// Log-likelihood (Arbuckle 1996; Little & Rubin 2002, ch. 8). Unit u observes the variables
/// o(u) (p_u of them); with mu_o, Sigma_oo the sub-vector/-matrix on o(u):
///
///   logL(mu, Sigma) = sum_u -1/2 [ p_u log(2 pi) + log|Sigma_oo| + (y_u - mu_o)' Sigma_oo^-1 (y_u - mu_o) ].
///
/// The constants are included, so logL equals lavaan's `fitMeasures(fit, "logl")` at the model's
/// implied moments and `"unrestricted.logl"` at the EM moments. Units with the same pattern o
/// share Sigma_oo; with their count n_o, mean ybar_o and ML covariance C_o (divisor n_o), the
/// pattern's contribution is
///
///   -n_o/2 [ p_o log(2 pi) + log|Sigma_oo| + tr(Sigma_oo^-1 W_o) ],  W_o = C_o + (ybar_o - mu_o)(ybar_o - mu_o)',
///
/// so one evaluation costs one Cholesky per pattern, independent of the number of units.
///
/// Conventions (fixed here, used by every function below):
/// - vech(S) stacks the lower triangle of a symmetric p x p matrix column by column:
///   (S_00, S_10, ..., S_{p-1,0}, S_11, S_21, ..., S_{p-1,p-1}); p* = p(p+1)/2 entries (lavaan's
///   lav_matrix_vech).
/// - Derivatives "with respect to vech Sigma" treat Sigma as the symmetric matrix built from
///   vech: changing the entry for (i, j), i > j, changes Sigma_ij and Sigma_ji together. So
///   d logL / d vech(Sigma)_(i,j) = 2 G_ij for i != j and G_ii on the diagonal, where G is the
///   matrix gradient below (lavaan's dlogl_dvechSigma and casewise scores use this convention).
/// - Parameter vector theta = (mu, vech Sigma), length p + p*.
#include <Eigen/Core>

#include <optional>
#include <vector>

namespace cikit::cfa {

/// One missing-data pattern: the units observing exactly the variables `observed`.
struct MissingPattern {
  std::vector<int> observed;  ///< observed column indices, increasing (p_o of them, >= 1)
  std::vector<int> units;     ///< unit indices (0-based rows of MissingPatterns::data) in this pattern
  int count = 0;              ///< n_o = units.size()
  Eigen::VectorXd mean;       ///< ybar_o: mean of the observed values (length p_o)
  Eigen::MatrixXd cov;        ///< C_o: ML covariance (divisor n_o) of the observed values, p_o x p_o
  /// A root of C_o: root' root = C_o (r x p_o, r <= min(n_o, p_o)); from the centred rows when
  /// n_o <= p_o, else from the eigendecomposition (negative rounding eigenvalues set to 0).
  /// Lets tr(Sigma_oo^-1 C_o) and Sigma_oo^-1 C_o Sigma_oo^-1 cost O(r p_o^2).
  Eigen::MatrixXd root;
};

/// Units grouped by missing-data pattern with per-pattern sufficient statistics.
/// Built by make_patterns; immutable afterwards.
struct MissingPatterns {
  int p = 0;                       ///< number of variables (columns)
  int n_rows = 0;                  ///< rows of the input matrix
  int n_empty = 0;                 ///< input rows with every value missing (dropped)
  std::vector<int> unit_rows;      ///< input row of each unit (units = non-empty rows, in input order)
  std::vector<int> unit_pattern;   ///< pattern index of each unit
  Eigen::MatrixXd data;            ///< units x p, the non-empty rows (NaN = missing)
  std::vector<MissingPattern> patterns;  ///< in order of first appearance in the data
  Eigen::VectorXi n_observed;      ///< per column: number of units observing it (all >= 1)
};

/// Groups the rows of `x` (units x p, NaN = missing) by missing-data pattern.
/// Errors (cikit::InvalidInput): p = 0; an infinite value (row, column named); a column with no
/// observed value (named, 1-based); fewer than 2 units with at least one observed value.
MissingPatterns make_patterns(const Eigen::MatrixXd& x);

/// Number of units (non-empty rows) = the N of the likelihood.
int n_units(const MissingPatterns& pats);

/// Result of em_saturated: the ML estimates of the unrestricted (H1) mean and covariance.
struct SaturatedFit {
  Eigen::VectorXd mu;      ///< p
  Eigen::MatrixXd sigma;   ///< p x p, ML (divisor N)
  double loglik = 0;       ///< logL(mu, sigma), with constants (lavaan "unrestricted.logl")
  int iterations = 0;      ///< EM iterations done
  bool converged = false;  ///< max |change| <= tol reached within max_iter
};

/// EM algorithm for the saturated model (Dempster, Laird & Rubin 1977; Little & Rubin 2002,
/// sec. 11.2). Start (as lavaan): mu = available-case means, Sigma = diag(available-case ML
/// variances). E-step per pattern with B = Sigma_mo Sigma_oo^-1 (m = missing variables):
/// E[y_m | y_o] = mu_m + B (y_o - mu_o), Cov[y_m | y_o] = Sigma_mm - B Sigma_om, computed by the
/// partitioned inverse of P = Sigma^-1 (B = -P_mm^-1 P_mo, Sigma_mm - B Sigma_om = P_mm^-1: one
/// p x p inverse per iteration and a k x k factor per pattern with k missing variables); the
/// expected sufficient statistics are summed per pattern from (n_o, ybar_o, C_o), the
/// observed-observed block sum_o n_o C_o once for all iterations. M-step: mu = mean of the
/// completed data, Sigma = their ML covariance (accumulated about the new mu, no T2/N - mu mu'
/// cancellation). Stops when max over (mu, vech Sigma) of |new - old| <= tol -- lavaan's rule in
/// lav_mvnorm_missing_h1_estimate_moments, whose defaults are tol = 1e-5, max.iter = 500;
/// ours is tighter (1e-10) so the moments are the MLE to ~1e-9 for well-conditioned data.
/// lavaan adds a ridge when an eigenvalue of Sigma falls below 1e-6; we throw instead.
/// Errors: tol <= 0 or max_iter < 1 (InvalidInput); an iterate whose Sigma is not positive
/// definite, e.g. collinear indicators (cikit::DomainError).
SaturatedFit em_saturated(const MissingPatterns& pats, double tol = 1e-10, int max_iter = 10000);

/// Log-likelihood and its gradient at (mu, Sigma).
struct FimlValue {
  double loglik = 0;        ///< logL (with the log 2 pi constants)
  Eigen::VectorXd d_mu;     ///< d logL / d mu = sum_o n_o E_o' Sigma_oo^-1 (ybar_o - mu_o), length p
  /// The symmetric matrix G with d logL = tr(G dSigma) for every symmetric perturbation dSigma:
  ///   G = 1/2 sum_o n_o E_o' [ Sigma_oo^-1 W_o Sigma_oo^-1 - Sigma_oo^-1 ] E_o,
  /// E_o' X E_o = X placed in the rows/columns `observed` of a p x p zero matrix. (Thus
  /// d logL / d Sigma_ij for a symmetric Sigma with Sigma_ij, Sigma_ji moving together is 2 G_ij,
  /// i != j; lavaan's lav_mvnorm_missing_dlogl_dSigma returns G.) Empty (0 x 0), as is d_mu,
  /// when the gradient was not asked for.
  Eigen::MatrixXd d_sigma;
};

/// logL(mu, Sigma) and (with_gradient) its gradient; cost O(sum_o p_o^3), independent of N.
/// Errors: sizes not p (InvalidInput); a non-finite entry (InvalidInput); Sigma not symmetric
/// (|S_ij - S_ji| > 1e-10 (1 + |S_ij|)) or not positive definite (DomainError).
FimlValue fiml_loglik(const MissingPatterns& pats, const Eigen::VectorXd& mu,
                      const Eigen::MatrixXd& sigma, bool with_gradient = true);

/// As fiml_loglik but returns std::nullopt instead of throwing when Sigma is not positive
/// definite (for line searches that may step outside the cone; sizes are still checked).
std::optional<FimlValue> try_fiml_loglik(const MissingPatterns& pats, const Eigen::VectorXd& mu,
                                         const Eigen::MatrixXd& sigma, bool with_gradient = true);

/// Casewise scores: row u = gradient of unit u's log-likelihood with respect to
/// theta = (mu, vech Sigma) (convention above), units in the order of `pats.unit_rows`.
/// Columns: p for mu, then p* for vech Sigma. Column sums = (d_mu, vech of 2G - diag G).
/// Cross-products of these give the first-order information (lavaan
/// lav_mvnorm_missing_scores_mu_vech_sigma; the "meat" of MLR sandwich SEs).
/// Errors as fiml_loglik.
Eigen::MatrixXd fiml_casewise_scores(const MissingPatterns& pats, const Eigen::VectorXd& mu,
                                     const Eigen::MatrixXd& sigma);

/// Hessian of logL with respect to theta = (mu, vech Sigma), (p + p*) x (p + p*), symmetric,
/// exact (analytic): per pattern, with S = Sigma_oo^-1 embedded in p x p zeros, v = S (ybar_o - mu),
/// A = S (2 W_o - Sigma_oo) S embedded,
///   d2/dmu dmu'        = -sum n_o S
///   d2/dmu_k dvech_(i,j) = -sum n_o c_ij (S_ki v_j + S_kj v_i)
///   d2/dvech_(i,j) dvech_(k,l) = -1/2 sum n_o c_ij c_kl (A_jk S_li + A_jl S_ki + A_ik S_lj + A_il S_kj)
/// with c_ij = 1 (i != j) or 1/2 (i = j). The vech-vech block is bilinear in the patterns' A and S
/// embedded in p x p zeros: with M[ab, cd] = sum_o n_o A_o,ab S_o,cd over unordered pairs (one
/// p* x (patterns) by (patterns) x p* matrix product), entry ((i,j), (k,l)) is
/// -1/2 c_ij c_kl (M[jk, li] + M[jl, ki] + M[ik, lj] + M[il, kj]); the mu blocks likewise from
/// sum_o n_o vech(S_o) and N[ab, c] = sum_o n_o S_o,ab v_o,c (one p* x p product); A from the
/// pattern's root R (R'R = C_o): A = 2 (R S)'(R S) + 2 v v' - S. Cost O(p*^2 (patterns) + sum_o p_o^3).
/// This equals lavaan's
/// lav_mvnorm_missing_logl_hessian_samplestats; -H / N is its observed information
/// (information = "observed", the default with missing = "ml"). For a structured model
/// theta(gamma), d2 logL / dgamma2 = J' H J + sum_k g_k d2 theta_k / dgamma2 (g = gradient in
/// theta, J = d theta / d gamma). Errors as fiml_loglik.
Eigen::MatrixXd fiml_hessian(const MissingPatterns& pats, const Eigen::VectorXd& mu,
                             const Eigen::MatrixXd& sigma);

/// Derivatives of Sigma with respect to structural parameters theta_a (a = 0..q-1), each of
/// rank 2 over a shared basis (p x nb, columns b_k):
///   dSigma / dtheta_a = alpha_a (b_{x_a} b_{y_a}' + b_{y_a} b_{x_a}').
/// Every CFA parameter has this form (model.hpp, SigmaDerivatives) with few distinct vectors:
/// the unit vectors e_i and the columns of Lambda A and Lambda A Psi A'.
struct SigmaBasis {
  Eigen::MatrixXd basis;     ///< p x nb
  std::vector<int> x, y;     ///< per parameter: its two basis columns
  Eigen::VectorXd alpha;     ///< per parameter
};

/// J' H J, the Hessian of logL with respect to (theta, mu) when Sigma = Sigma(theta) and mu is
/// free ((q + p) x (q + p), theta first), without the 350-square (mu, vech Sigma) matrix H of
/// fiml_hessian: per pattern, with S = Sigma_oo^-1, A = S (2 W_o - Sigma_oo) S and v = S (ybar_o - mu_o)
/// (embedded in p x p / p zeros) and dSigma_a as in SigmaBasis,
///   theta-theta: -n_o/2 tr(dSigma_a A dSigma_b S)
///              = -n_o/2 alpha_a alpha_b [(y_a'A x_b)(y_b'S x_a) + (y_a'A y_b)(x_b'S x_a)
///                                      + (x_a'A x_b)(y_b'S y_a) + (x_a'A y_b)(x_b'S y_a)],
///   mu-mu:       -n_o S,
///   mu_k-theta_a: -n_o alpha_a e_k' S (x_a (y_a'v) + y_a (x_a'v)),
/// the bilinear forms from the Gram matrices B_o'S B_o and B_o'A B_o of the basis rows o.
/// The same as fiml_jacobian' fiml_hessian fiml_jacobian (the second-derivative term of
/// Sigma(theta) is not included). The Gram matrices come from the pattern's Cholesky factor L
/// (S = L^-T L^-1) as symmetric rank updates: B_o'S B_o = (L^-1 B_o)'(L^-1 B_o) and
/// B_o'A B_o = 2 (R S B_o)'(R S B_o) + 2 (B_o'v)(B_o'v)' - B_o'S B_o (R' R = C_o, MissingPattern::root).
/// Cost per pattern O(p_o^3 + p_o^2 nb + p_o nb^2 + q^2) instead of O(p_o^4). Errors as fiml_loglik; a basis with p rows and indices in range
/// (InvalidInput).
Eigen::MatrixXd fiml_hessian_structured(const MissingPatterns& pats, const Eigen::VectorXd& mu,
                                        const Eigen::MatrixXd& sigma, const SigmaBasis& d);

/// vech index of (i, j), i >= j, in a p x p matrix (column-major lower triangle).
inline int vech_index(int i, int j, int p) { return j * p - j * (j - 1) / 2 + (i - j); }

}  // namespace cikit::cfa
