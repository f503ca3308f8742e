/// \file ahp_completion.cpp
/// Completion of an incomplete pairwise comparison matrix (complete_pairwise_matrix,
/// ahp.hpp): the connectivity check of the comparison graph, Harker's (1987) method, and the
/// λmax-optimal completion by cyclic coordinate descent in ln a_ij (power-iteration Perron
/// vectors and the derivative of λmax, toms748 root search).
#include "methods/weighting/ahp.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "methods/weighting/detail/ahp_common.hpp"

namespace cikit {

using weighting_detail::fail;
using weighting_detail::Perron;
using weighting_detail::perron;

namespace {

/// Iterations of one toms748 root search (each converges in far fewer for smooth λmax).
constexpr std::uintmax_t kRootMaxIterations = 200;
/// Power iteration (completion only): stop when no component of the normalised vector moves
/// more than this (a few ulp of the weights); at most kPowerMaxIterations steps.
constexpr double kPowerTolerance = 1e-15;
constexpr int kPowerMaxIterations = 2000;
/// First bracketing step of a coordinate: this many times its previous change (at least
/// kMinBracketStep), so later sweeps search a small interval around the current value.
constexpr double kBracketGrowth = 4.0;
constexpr double kMinBracketStep = 1e-9;
/// Bracketing steps in ln a_ij double up to this (e^64: far beyond any judgment scale).
constexpr double kMaxBracketStep = 64;

/// Connected components of the comparison graph; returns the elements not reachable from 0.
std::vector<Eigen::Index> unreachable_from_first(const Eigen::MatrixXd& a) {
  const Eigen::Index m = a.rows();
  std::vector<char> seen(static_cast<std::size_t>(m), 0);
  std::vector<Eigen::Index> stack{0};
  seen[0] = 1;
  while (!stack.empty()) {
    const Eigen::Index i = stack.back();
    stack.pop_back();
    for (Eigen::Index j = 0; j < m; ++j)
      if (!seen[static_cast<std::size_t>(j)] && !std::isnan(a(i, j))) {
        seen[static_cast<std::size_t>(j)] = 1;
        stack.push_back(j);
      }
  }
  std::vector<Eigen::Index> out;
  for (Eigen::Index j = 0; j < m; ++j)
    if (!seen[static_cast<std::size_t>(j)]) out.push_back(j);
  return out;
}

/// Power iteration for the Perron vector of a positive matrix, warm-started from `v` (positive,
/// sum 1), updated in place. Converges fast for pairwise comparison matrices (|λ2/λ1| is small
/// for near-consistent ones). Returns false when kPowerMaxIterations do not reach
/// kPowerTolerance (the caller then falls back to the eigen solver).
bool power_perron(const Eigen::MatrixXd& a, Eigen::VectorXd& v) {
  Eigen::VectorXd y(v.size());
  for (int it = 0; it < kPowerMaxIterations; ++it) {
    y.noalias() = a * v;
    y /= y.sum();
    const double d = (y - v).cwiseAbs().maxCoeff();
    v.swap(y);
    if (d <= kPowerTolerance) return true;
  }
  return false;
}

/// Left and right Perron vectors kept between derivative evaluations (warm starts).
struct PerronPair {
  Eigen::VectorXd right, left;
};

/// Derivative of λmax with respect to x = ln a_ij (a_ji = 1/a_ij) at the current matrix:
/// (v_i a_ij w_j − v_j a_ji w_i)/(vᵀw), w and v the right and left Perron vectors.
double dlambda_dx(const Eigen::MatrixXd& a, Eigen::Index i, Eigen::Index j, PerronPair& pp) {
  if (!power_perron(a, pp.right)) pp.right = perron(a).vector;
  const Eigen::MatrixXd at = a.transpose();
  if (!power_perron(at, pp.left)) pp.left = perron(at).vector;
  const Eigen::VectorXd& w = pp.right;
  const Eigen::VectorXd& v = pp.left;
  return (v(i) * a(i, j) * w(j) - v(j) * a(j, i) * w(i)) / v.dot(w);
}

}  // namespace

CompletionResult complete_pairwise_matrix(const Eigen::MatrixXd& a, MissingJudgments method,
                                          const AhpOptions& options, const Location& where) {
  AhpOptions o = options;
  if (o.missing == MissingJudgments::Error) o.missing = method;
  CompletionResult r;
  r.n_missing = check_pairwise_matrix(a, o, where);
  const Eigen::Index m = a.rows();
  r.completed = a;
  if (r.n_missing > 0) {
    const auto cut = unreachable_from_first(a);
    if (!cut.empty()) {
      std::string list;
      for (auto k : cut) {
        if (!list.empty()) list += ", ";
        list += std::to_string(k + 1);
      }
      throw DomainError(fmt::format("ahp: the comparison graph is not connected: element{} {} {} not compared, "
                                    "directly or indirectly, with element 1; priorities are not determined",
                                    cut.size() > 1 ? "s" : "", list, cut.size() > 1 ? "are" : "is"),
                        where);
    }
  }
  if (r.n_missing == 0 || method == MissingJudgments::Error) {
    if (r.n_missing > 0) fail(where, "complete_pairwise_matrix: method must be harker or lambda_optimal");
    const Perron p = perron(a);
    r.weights = p.vector;
    r.lambda_max = p.lambda;
    return r;
  }
  if (method == MissingJudgments::Harker) {
    Eigen::MatrixXd c = a;
    for (Eigen::Index i = 0; i < m; ++i) {
      int mi = 0;
      for (Eigen::Index j = 0; j < m; ++j)
        if (std::isnan(c(i, j))) c(i, j) = 0, ++mi;
      c(i, i) = 1.0 + mi;
    }
    const Perron p = perron(c);
    for (Eigen::Index i = 0; i < m; ++i)
      for (Eigen::Index j = 0; j < m; ++j)
        if (std::isnan(a(i, j))) r.completed(i, j) = p.vector(i) / p.vector(j);
    const Perron q = perron(r.completed);
    r.weights = q.vector;
    r.lambda_max = q.lambda;
    return r;
  }
  // λmax-optimal completion by cyclic coordinate descent in x = ln a_ij.
  if (!(o.completion_tolerance > 0)) fail(where, "completion_tolerance must be > 0");
  if (o.completion_max_sweeps < 1) fail(where, "completion_max_sweeps must be >= 1");
  std::vector<std::pair<Eigen::Index, Eigen::Index>> miss;
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = i + 1; j < m; ++j)
      if (std::isnan(a(i, j))) {
        miss.emplace_back(i, j);
        r.completed(i, j) = r.completed(j, i) = 1.0;  // start: x = 0
      }
  Eigen::MatrixXd& c = r.completed;
  PerronPair pp{Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m)),
                Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m))};
  std::vector<double> last_change(miss.size(), 1.0);  // first sweep: unit steps
  auto set = [&](Eigen::Index i, Eigen::Index j, double x) {
    c(i, j) = std::exp(x);
    c(j, i) = std::exp(-x);
  };
  bool converged = false;
  for (int sweep = 1; sweep <= o.completion_max_sweeps; ++sweep) {
    double max_change = 0;
    for (std::size_t k = 0; k < miss.size(); ++k) {
      const auto [i, j] = miss[k];
      const double x0 = std::log(c(i, j));
      auto f = [&, i = i, j = j](double x) {
        set(i, j, x);
        return dlambda_dx(c, i, j, pp);
      };
      const double f0 = f(x0);
      double x1 = x0;
      if (f0 > 0 || f0 < 0) {
        // Bracket the root of the increasing derivative by doubling steps away from x0.
        double lo = x0, hi = x0, flo = f0, fhi = f0;
        double step = std::max(kMinBracketStep, kBracketGrowth * last_change[k]);
        if (f0 > 0) {
          for (;;) {
            lo = x0 - step;
            flo = f(lo);
            if (!(flo > 0)) break;
            hi = lo;
            fhi = flo;
            step *= 2;
            if (step > kMaxBracketStep) throw InternalError("ahp: lambda-optimal completion: no bracket");
          }
        } else {
          for (;;) {
            hi = x0 + step;
            fhi = f(hi);
            if (!(fhi < 0)) break;
            lo = hi;
            flo = fhi;
            step *= 2;
            if (step > kMaxBracketStep) throw InternalError("ahp: lambda-optimal completion: no bracket");
          }
        }
        if (!(flo < 0)) {
          x1 = lo;  // f(lo) == 0
        } else if (!(fhi > 0)) {
          x1 = hi;  // f(hi) == 0
        } else {
          std::uintmax_t iters = kRootMaxIterations;
          const auto root = boost::math::tools::toms748_solve(
              f, lo, hi, flo, fhi, boost::math::tools::eps_tolerance<double>(52), iters);
          x1 = 0.5 * (root.first + root.second);
        }
      }
      set(i, j, x1);
      last_change[k] = std::abs(x1 - x0);
      max_change = std::max(max_change, last_change[k]);
    }
    r.sweeps = sweep;
    if (max_change <= o.completion_tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged)
    throw DomainError(fmt::format("ahp: λmax-optimal completion did not converge in {} sweeps (tolerance {})",
                                  o.completion_max_sweeps, o.completion_tolerance),
                      where);
  const Perron p = perron(c);
  r.weights = p.vector;
  r.lambda_max = p.lambda;
  return r;
}

}  // namespace cikit
