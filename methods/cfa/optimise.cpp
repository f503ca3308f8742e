#include "methods/cfa/optimise.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <utility>

namespace cikit::cfa {

MinimiseResult newton_minimise(const Eigen::VectorXd& x0,
                               const std::function<Evaluation(const Eigen::VectorXd&, bool)>& evaluate,
                               int max_iterations, double tolerance) {
  MinimiseResult r;
  r.x = x0;
  Evaluation e = evaluate(r.x, true);
  if (!e.ok) return r;
  double last_small = 1.0;
  for (r.iterations = 0; r.iterations < max_iterations; ++r.iterations) {
    Eigen::LDLT<Eigen::MatrixXd> ldlt(e.hessian);
    Eigen::VectorXd step = ldlt.solve(e.gradient);
    if (ldlt.info() != Eigen::Success || !step.allFinite() || step.dot(e.gradient) <= 0) {
      // Fall back to a scaled gradient step.
      step = e.gradient / std::max(1.0, e.hessian.diagonal().cwiseAbs().maxCoeff());
    }
    r.decrement = step.dot(e.gradient);
    if (r.decrement < tolerance) {
      r.converged = true;
      break;
    }
    // Near the optimum the objective's round-off (~1e-15) hides further decrease: take the full
    // scoring step, and stop at the round-off floor (the decrement no longer shrinks).
    if (r.decrement < 1e-10) {
      if (r.decrement >= last_small) {
        r.converged = r.decrement < std::sqrt(tolerance);
        break;
      }
      last_small = r.decrement;
      Evaluation en = evaluate(r.x - step, true);
      if (en.ok) {
        r.x -= step;
        e = en;
        continue;
      }
    }
    double t = 1.0;
    bool moved = false;
    for (int h = 0; h < 40; ++h, t *= 0.5) {
      const Eigen::VectorXd xn = r.x - t * step;
      // The full step is almost always accepted: evaluate it with derivatives at once (one pass
      // instead of a value pass and then a derivative pass); shorter steps value-only first.
      Evaluation en = evaluate(xn, h == 0);
      if (en.ok && en.value <= e.value) {
        r.x = xn;
        e = h == 0 ? std::move(en) : evaluate(r.x, true);
        moved = true;
        break;
      }
    }
    if (!moved) {
      r.converged = r.decrement < std::sqrt(tolerance);
      break;
    }
  }
  r.value = e.value;
  return r;
}

}  // namespace cikit::cfa
