#include "methods/aggregate/aggregate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "methods/core/error.hpp"

namespace cikit {

void AggregateDetails::add(std::string name, const Eigen::VectorXd& column) {
  if (names.empty() && values.size() == 0) values.resize(column.size(), 0);
  if (values.rows() != column.size())
    throw InternalError(fmt::format("AggregateDetails::add: '{}' has {} values but the node has {} units", name,
                                    column.size(), values.rows()));
  values.conservativeResize(Eigen::NoChange, values.cols() + 1);
  values.col(values.cols() - 1) = column;
  names.push_back(std::move(name));
}

AggregateResult weighted_arithmetic(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                                    MissingPolicy missing, const std::vector<std::string>& child_ids,
                                    const std::vector<std::string>& unit_ids) {
  if (x.cols() != w.size())
    throw InvalidInput(fmt::format("weighted_arithmetic: {} columns but {} weights", x.cols(), w.size()));
  for (Eigen::Index j = 0; j < w.size(); ++j)
    if (!(w(j) >= 0) || !std::isfinite(w(j)))
      throw InvalidInput(fmt::format("weighted_arithmetic: weight {} of '{}' must be finite and >= 0",
                                     w(j), child_ids.at(static_cast<std::size_t>(j))));
  AggregateResult r;
  r.score.resize(x.rows());
  r.n_missing = Eigen::VectorXi::Zero(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double num = 0, den = 0;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      const double v = x(i, j);
      if (std::isnan(v)) {
        if (missing == MissingPolicy::Error)
          throw DomainError(
              fmt::format("missing value in aggregation (methods.aggregate.missing: error); use "
                          "'available' to average the available children"),
              Location{.indicator = child_ids.at(static_cast<std::size_t>(j)),
                       .unit = unit_ids.at(static_cast<std::size_t>(i))});
        ++r.n_missing(i);
        continue;
      }
      num += w(j) * v;
      den += w(j);
    }
    r.score(i) = den > 0 ? num / den : std::numeric_limits<double>::quiet_NaN();
  }
  return r;
}

Eigen::VectorXi rank_descending(const Eigen::VectorXd& score) {
  // Sort (score, unit) pairs by descending score: contiguous keys and an unstable sort are
  // enough, because tied units receive the same (minimum) rank whatever their order.
  const Eigen::Index n = score.size();
  std::vector<std::pair<double, Eigen::Index>> order;
  order.reserve(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i)
    if (!std::isnan(score(i))) order.emplace_back(score(i), i);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  Eigen::VectorXi rank = Eigen::VectorXi::Zero(n);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const bool tie = k > 0 && !(order[k].first < order[k - 1].first);
    rank(order[k].second) = tie ? rank(order[k - 1].second) : static_cast<int>(k + 1);
  }
  return rank;
}

}  // namespace cikit
