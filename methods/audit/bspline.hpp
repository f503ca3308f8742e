#pragma once
/// \file bspline.hpp
/// Cubic (any degree) B-spline regression basis exactly as R's splines::bs(), and the R² of the
/// least-squares fit lm(y ~ bs(x, df)): the spline estimate of the correlation ratio
/// (first-order sensitivity index) S = V(E[y | x]) / V(y).

#include <Eigen/Core>
#include <vector>

namespace cikit::audit {

/// The basis of R's splines::bs(x, df, degree, intercept = FALSE) and its knots.
struct BsplineBasis {
  Eigen::MatrixXd basis;               ///< n × df (the first B-spline dropped, as intercept = FALSE)
  std::vector<double> interior_knots;  ///< df − degree knots at type-7 quantiles of x
  double lower = 0.0;                  ///< boundary knots range(x)
  double upper = 0.0;
};

/// B-spline basis of R's bs(): order k = degree + 1; m = df − degree interior knots at
/// quantile(x, type = 7) of p = j/(m + 1), j = 1..m; boundary knots min(x), max(x), each repeated
/// k times; the df + 1 B-splines B_{j,k} by the Cox–de Boor recursion
/// \f[ B_{j,1}(x) = 1[t_j \le x < t_{j+1}],\quad
///     B_{j,k}(x) = \frac{x - t_j}{t_{j+k-1} - t_j} B_{j,k-1}(x) + \frac{t_{j+k} - x}{t_{j+k} - t_{j+1}} B_{j+1,k-1}(x) \f]
/// (0/0 := 0; x = max(x) belongs to the last non-empty interval, as splineDesign), and the first
/// column dropped (intercept = FALSE). Rows follow x.
/// @throws InvalidInput if degree < 1, df < degree, x has < 2 values or a non-finite value;
///         DomainError if x is constant.
/// Reference: de Boor (1978), A Practical Guide to Splines, Springer; R Core Team, splines::bs.
[[nodiscard]] BsplineBasis bspline_basis(const Eigen::VectorXd& x, int df, int degree = 3);

/// R² of the least-squares fit of y on an intercept and bspline_basis(x, df, degree), i.e.
/// summary(lm(y ~ splines::bs(x, df = df, degree = degree)))$r.squared:
/// \f[ \hat S = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2} \f]
/// by a column-pivoted Householder QR (rank-deficient bases from tied x are projected as lm's
/// pivoting does). Complete pairs only: the caller removes missing values.
/// @throws InvalidInput if sizes differ or n < df + 2 (the fit needs one residual degree of
///         freedom: n units for df + 1 coefficients); DomainError if x or y is constant.
/// Reference: Paruolo, Saisana & Saltelli (2013), JRSS A 176:609, §3 (non-parametric estimate of
///   the first-order index); Hastie & Tibshirani (1990), Generalized Additive Models.
[[nodiscard]] double spline_r_squared(const Eigen::VectorXd& x, const Eigen::VectorXd& y, int df, int degree = 3);

}  // namespace cikit::audit
