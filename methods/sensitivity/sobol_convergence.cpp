#include "methods/sensitivity/sobol_convergence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"

namespace cikit {

Eigen::Index sobol_n_needed(Eigen::Index n, double ratio) {
  if (!std::isfinite(ratio)) return 0;
  const double target = static_cast<double>(n) * std::max(1.0, ratio * ratio);
  if (!(target <= static_cast<double>(kSobolMaxNeeded))) return 0;
  Eigen::Index m = 1;
  while (static_cast<double>(m) < target || m < n) m *= 2;
  return m;
}

IndexConvergence classify_sobol_index(double estimate, double lower, double upper, double half_width, double change,
                                      bool first_order, bool has_ci, bool has_change, Eigen::Index n,
                                      double tolerance) {
  if (n < 2) throw InvalidInput(fmt::format("classify_sobol_index: N is {}, but must be >= 2", n));
  if (!(tolerance > 0.0))
    throw InvalidInput(fmt::format("classify_sobol_index: tolerance is {}, but must be > 0", tolerance));
  if (!std::isfinite(estimate) || (has_ci && !(std::isfinite(lower) && std::isfinite(upper) &&
                                               std::isfinite(half_width))) ||
      (has_change && !std::isfinite(change)))
    throw InvalidInput("classify_sobol_index: a value is not finite");
  IndexConvergence c;
  c.estimate = estimate;
  c.above_one = !first_order && estimate > 1.0;
  if (has_ci) {
    c.half_width = std::max(half_width, (upper - lower) / 2.0);
    // A degenerate CI [0, 0] (an input that never changes the output) is an exact 0, not a crossing.
    if (first_order && lower <= 0.0 && upper >= 0.0 && upper > lower) c.reasons |= kCiIncludesZero;
    if (c.half_width > tolerance) c.reasons |= kCiTooWide;
  }
  if (has_change) {
    c.change = std::abs(change);
    if (c.change > tolerance) c.reasons |= kUnstable;
  }
  c.converged = c.reasons == 0;
  if (c.converged) {
    c.n_needed = n;
  } else if ((c.reasons & (kCiTooWide | kUnstable)) != 0) {
    c.n_needed = sobol_n_needed(n, std::max(c.half_width, c.change) / tolerance);
  } else {
    // Only the CI includes 0 while it is narrower than τ: the half-width must fall below the
    // estimate; an estimate <= 0 is consistent with 0, which no N can exclude.
    c.n_needed = estimate > 0.0 ? sobol_n_needed(n, c.half_width / estimate) : 0;
  }
  return c;
}

bool SobolConvergenceStatus::all_converged() const { return not_converged() == 0; }

int SobolConvergenceStatus::not_converged() const {
  int count = 0;
  for (const auto* v : {&first, &total})
    for (const auto& c : *v) count += c.converged ? 0 : 1;
  return count;
}

SobolConvergenceStatus sobol_convergence_status(const SobolIndices& s, Eigen::Index output, double tolerance) {
  if (!(output >= 0 && output < s.outputs))
    throw InvalidInput(fmt::format("sobol_convergence_status: output {} is outside [0, {})", output, s.outputs));
  if (!(tolerance > 0.0))
    throw InvalidInput(fmt::format("sobol_convergence_status: tolerance is {}, but must be > 0", tolerance));
  SobolConvergenceStatus st;
  st.tolerance = tolerance;
  st.n = s.n;
  st.inputs = s.inputs;
  const bool ci = s.bootstrap_resamples > 0;
  // The change from the second-to-last prefix (N/2) to all N rows.
  const SobolConvergence* half = s.convergence.size() >= 2 ? &s.convergence[s.convergence.size() - 2] : nullptr;
  for (int i = 0; i < s.inputs; ++i) {
    const double f = s.first(i, output), t = s.total(i, output);
    st.first.push_back(classify_sobol_index(f, ci ? s.first_lower(i, output) : 0.0, ci ? s.first_upper(i, output) : 0.0,
                                            ci ? s.first_half_width(i, output) : 0.0,
                                            half ? f - half->first(i, output) : 0.0, true, ci, half != nullptr, s.n,
                                            tolerance));
    st.total.push_back(classify_sobol_index(t, ci ? s.total_lower(i, output) : 0.0, ci ? s.total_upper(i, output) : 0.0,
                                            ci ? s.total_half_width(i, output) : 0.0,
                                            half ? t - half->total(i, output) : 0.0, false, ci, half != nullptr, s.n,
                                            tolerance));
  }
  for (const auto* v : {&st.first, &st.total})
    for (const auto& c : *v)
      if (!c.converged && c.n_needed > st.n_needed) st.n_needed = c.n_needed;
  return st;
}

}  // namespace cikit
