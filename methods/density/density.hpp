#pragma once
/// \file density.hpp
/// Gaussian kernel density of one cross-section of scores (the shape of the distribution of an
/// index across units, per period), with R's bandwidth rules bw.nrd0 (default) and bw.SJ
/// (Sheather–Jones, "ste"), on R's default grid. Pure functions on a vector. A family of its
/// own (not disparity): a univariate density estimator with its bandwidth selectors is not a
/// disparity measure, and neither depends on the other. Formulas: docs/methods.md#density.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit::density {

enum class Bandwidth { Nrd0, SJ };

/// Silverman's rule of thumb as R's bw.nrd0: h = 0.9 · lo · n^(−1/5), lo = min(sd, IQR/1.34)
/// (sd with n − 1, IQR by type-7 quantiles); when lo = 0: sd, else |x_1|, else 1.
/// @throws InvalidInput if n < 2 or a value is not finite.
/// Reference: Silverman BW (1986) Density Estimation for Statistics and Data Analysis,
/// Chapman & Hall, eq. (3.31).
[[nodiscard]] double bw_nrd0(const Eigen::VectorXd& x);

/// Sheather–Jones bandwidth by solving the equation ("ste"), as R's bw.SJ(x) with its defaults:
/// pairwise distances binned into nb = 1000 bins of width d = 1.01·range/nb (R's bw_den for
/// n ≤ nb/2, bw_den_binned for larger n), the functionals
///   SD(h) = [2 Σ_k c_k φ⁽⁴⁾(k d/h) + 3n] / (n(n−1) h⁵ √(2π))  (sum while (kd/h)² < 1000),
///   TD(h) = −[2 Σ_k c_k φ⁽⁶⁾(k d/h) − 15n] / (n(n−1) h⁷ √(2π)),
/// s = min(sd, IQR/1.349), a = 1.24 s n^(−1/7), b = 1.23 s n^(−1/9), c1 = 1/(2√π n),
/// α₂ = 1.357 (SD(a)/TD(b))^(1/7), and the root of (c1/SD(α₂ h^(5/7)))^(1/5) − h in
/// [0.1 hmax, hmax], hmax = 1.144 s n^(−1/5) (widened by 1.2 as R does), by Brent's method with
/// R's zeroin and tol = 0.1 · lower.
/// @throws InvalidInput as bw_nrd0; DomainError for a constant sample or one too sparse to
///         estimate TD.
/// Reference: Sheather SJ, Jones MC (1991) A reliable data-based bandwidth selection method for
/// kernel density estimation. JRSS B 53:683–690, doi:10.1111/j.2517-6161.1991.tb01857.x.
[[nodiscard]] double bw_sj(const Eigen::VectorXd& x);

struct DensityOptions {
  Bandwidth bandwidth = Bandwidth::Nrd0;
  int n = 512;       ///< grid points (R's density default)
  double cut = 3.0;  ///< the grid runs from min(x) − cut·h to max(x) + cut·h (R's default)
};

struct DensityResult {
  double bandwidth = 0.0;
  std::string rule;     ///< "nrd0" or "SJ"
  Eigen::VectorXd x;    ///< grid: from + i (to − from)/(n − 1)
  Eigen::VectorXd y;    ///< f̂(x) = (1/(n h)) Σ_i φ((x − x_i)/h), summed exactly (no FFT binning)
  int n_obs = 0;
};

/// Gaussian kernel density on R's grid (density(x, bw, n = 512, cut = 3)), evaluated as the
/// exact sum (R bins the data and convolves by FFT; its values differ from the exact sum by the
/// binning error, measured in validation/density/README.md).
/// @throws InvalidInput as bw_nrd0, or n < 2.
/// Complexity: O(n_obs · n).
[[nodiscard]] DensityResult kernel_density(const Eigen::VectorXd& x, const DensityOptions& options = {});

}  // namespace cikit::density
