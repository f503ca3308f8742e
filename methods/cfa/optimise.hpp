#pragma once
/// \file optimise.hpp
/// Damped Newton-type minimiser with a caller-supplied (approximate) Hessian: with the expected
/// information of the ML discrepancy this is Fisher scoring (Jennrich & Sampson 1976; Lee &
/// Jennrich 1979), quadratically convergent at a perfectly fitting model and linearly (fast)
/// otherwise. Step halving keeps the objective decreasing and the evaluation valid.
#include <Eigen/Core>
#include <functional>

namespace cikit::cfa {

struct Evaluation {
  bool ok = false;        ///< false if the point is invalid (e.g. Sigma not positive definite)
  double value = 0;       ///< objective
  Eigen::VectorXd gradient;
  Eigen::MatrixXd hessian;  ///< positive definite approximation (expected information)
};

struct MinimiseResult {
  Eigen::VectorXd x;
  double value = 0;
  int iterations = 0;
  bool converged = false;
  double decrement = 0;  ///< g' H^{-1} g at the end
};

/// Minimises from x0. Converged when the Newton decrement g'H^{-1}g < tolerance, or when no step
/// decreases the objective while the decrement is < sqrt(tolerance) (round-off floor).
[[nodiscard]] MinimiseResult newton_minimise(const Eigen::VectorXd& x0,
                                             const std::function<Evaluation(const Eigen::VectorXd&, bool)>& evaluate,
                                             int max_iterations, double tolerance);

}  // namespace cikit::cfa
