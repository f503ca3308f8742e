// Obstacle degree model; see obstacles.hpp and docs/methods.md#obstacles.
#include "methods/obstacles/obstacles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "methods/core/error.hpp"

namespace cikit::obstacles {

ObstacleResult obstacle_degree(const Eigen::MatrixXd& x, const Eigen::VectorXd& f,
                               const std::vector<std::vector<Eigen::Index>>& groups) {
  const Eigen::Index n = x.rows(), k = x.cols();
  if (f.size() != k) throw InvalidInput(fmt::format("obstacles: {} factor weights for {} indicators", f.size(), k));
  if ((f.array() < 0.0).any() || !f.allFinite())
    throw InvalidInput("obstacles: factor contributions (weights) must be finite and >= 0");
  for (const auto& g : groups)
    for (Eigen::Index j : g)
      if (j < 0 || j >= k) throw InvalidInput(fmt::format("obstacles: group column {} out of range", j));
  for (Eigen::Index j = 0; j < k; ++j)
    for (Eigen::Index i = 0; i < n; ++i)
      if (!std::isnan(x(i, j)) && !(x(i, j) >= 0.0 && x(i, j) <= 1.0))
        throw InvalidInput(fmt::format("obstacles: normalised score {} in row {}, column {} lies outside [0, 1]",
                                       x(i, j), i + 1, j + 1));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  ObstacleResult r;
  r.indicator = Eigen::MatrixXd::Constant(n, k, nan);
  for (Eigen::Index i = 0; i < n; ++i) {
    double total = 0.0;
    bool missing = false;
    for (Eigen::Index j = 0; j < k; ++j) {
      if (std::isnan(x(i, j))) {
        missing = true;
        continue;
      }
      r.indicator(i, j) = f(j) * (1.0 - x(i, j));
      total += r.indicator(i, j);
    }
    if (missing) r.incomplete.push_back(i);
    if (total > 0.0) {
      for (Eigen::Index j = 0; j < k; ++j) r.indicator(i, j) /= total;  // NaN stays NaN
    } else {
      r.no_shortfall.push_back(i);
      for (Eigen::Index j = 0; j < k; ++j)
        if (!std::isnan(r.indicator(i, j))) r.indicator(i, j) = 0.0;
    }
  }
  r.group = Eigen::MatrixXd::Constant(n, static_cast<Eigen::Index>(groups.size()), nan);
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (Eigen::Index i = 0; i < n; ++i) {
      double s = 0.0;
      bool any = false;
      for (Eigen::Index j : groups[g])
        if (!std::isnan(r.indicator(i, j))) {
          s += r.indicator(i, j);
          any = true;
        }
      if (any) r.group(i, static_cast<Eigen::Index>(g)) = s;
    }
  return r;
}

std::vector<Eigen::Index> top_obstacles(const Eigen::MatrixXd& o, Eigen::Index row, int k) {
  std::vector<Eigen::Index> cols(static_cast<std::size_t>(o.cols()));
  std::iota(cols.begin(), cols.end(), Eigen::Index{0});
  std::stable_sort(cols.begin(), cols.end(), [&](Eigen::Index a, Eigen::Index b) {
    const double va = o(row, a), vb = o(row, b);
    if (std::isnan(vb)) return !std::isnan(va);
    if (std::isnan(va)) return false;
    return va > vb;
  });
  if (k > 0 && static_cast<std::size_t>(k) < cols.size()) cols.resize(static_cast<std::size_t>(k));
  return cols;
}

Eigen::VectorXi top_frequencies(const Eigen::MatrixXd& o, int k, const std::vector<Eigen::Index>& skip) {
  Eigen::VectorXi freq = Eigen::VectorXi::Zero(o.cols());
  for (Eigen::Index i = 0; i < o.rows(); ++i) {
    if (std::find(skip.begin(), skip.end(), i) != skip.end()) continue;
    for (Eigen::Index j : top_obstacles(o, i, k))
      if (!std::isnan(o(i, j))) ++freq(j);
  }
  return freq;
}

}  // namespace cikit::obstacles
