#include "methods/weighting/objective_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"

namespace cikit {

std::string column_label(const std::vector<std::string>& ids, Eigen::Index j) {
  if (ids.empty()) return fmt::format("column {}", j + 1);
  return fmt::format("column {} '{}'", j + 1, ids.at(static_cast<std::size_t>(j)));
}

std::string column_id(const std::vector<std::string>& ids, Eigen::Index j) {
  return ids.empty() ? std::string() : ids.at(static_cast<std::size_t>(j));
}

void check_column_info(const std::string& function, Eigen::Index cols, const std::vector<std::string>& ids,
                       const std::vector<Direction>& directions) {
  if (!ids.empty() && static_cast<Eigen::Index>(ids.size()) != cols)
    throw InvalidInput(fmt::format("{}: {} indicator ids for {} columns", function, ids.size(), cols));
  if (!directions.empty() && static_cast<Eigen::Index>(directions.size()) != cols)
    throw InvalidInput(fmt::format("{}: {} directions for {} columns", function, directions.size(), cols));
}

CompleteCases complete_cases(const Eigen::MatrixXd& x, CompleteCaseRule rule, const std::string& function,
                             const std::vector<std::string>& ids, std::vector<std::string>& warnings) {
  CompleteCases out;
  out.rows.reserve(static_cast<std::size_t>(x.rows()));
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    bool complete = true;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      const double v = x(i, j);
      if (std::isinf(v))
        throw InvalidInput(fmt::format("{}: row {}, {} is {}; values must be finite", function, i + 1,
                                       column_label(ids, j), v),
                           Location{.indicator = column_id(ids, j)});
      if (std::isnan(v)) {
        if (rule == CompleteCaseRule::Error)
          throw InvalidInput(fmt::format("{}: row {}, {} is missing; this method needs complete data "
                                         "(use the listwise rule to drop incomplete units)",
                                         function, i + 1, column_label(ids, j)),
                             Location{.indicator = column_id(ids, j)});
        complete = false;
      }
    }
    if (complete) out.rows.push_back(i);
  }
  out.n_dropped = x.rows() - static_cast<Eigen::Index>(out.rows.size());
  out.x.resize(static_cast<Eigen::Index>(out.rows.size()), x.cols());
  for (std::size_t k = 0; k < out.rows.size(); ++k) out.x.row(static_cast<Eigen::Index>(k)) = x.row(out.rows[k]);
  if (out.n_dropped > 0)
    warnings.push_back(fmt::format("{}: {} of {} units dropped (missing values; listwise deletion over the "
                                   "{} columns used)",
                                   function, out.n_dropped, x.rows(), x.cols()));
  return out;
}

Eigen::MatrixXd min_max_unit(const Eigen::MatrixXd& x, const std::vector<Direction>& directions,
                             double zero_range_tol, std::vector<Eigen::Index>& constant) {
  Eigen::MatrixXd z(x.rows(), x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double lo = x.col(j).minCoeff();
    const double hi = x.col(j).maxCoeff();
    const double range = hi - lo;
    if (!(range > zero_range_tol * std::max(1.0, x.col(j).cwiseAbs().maxCoeff()))) {
      z.col(j).setZero();
      constant.push_back(j);
      continue;
    }
    const bool negative = !directions.empty() && directions[static_cast<std::size_t>(j)] == Direction::Negative;
    for (Eigen::Index i = 0; i < x.rows(); ++i) z(i, j) = negative ? (hi - x(i, j)) / range : (x(i, j) - lo) / range;
  }
  return z;
}

void check_weight_postcondition(const std::string& function, const Eigen::VectorXd& w) {
  double sum = 0;
  for (Eigen::Index j = 0; j < w.size(); ++j) {
    if (!(w(j) >= 0) || !std::isfinite(w(j)))
      throw InternalError(fmt::format("{}: weight {} is {} (a bug: weights must be finite and >= 0)", function,
                                      j + 1, w(j)));
    sum += w(j);
  }
  if (!(std::abs(sum - 1.0) <= kWeightSumTolerance))
    throw InternalError(fmt::format("{}: weights sum to {} (a bug: they must sum to 1)", function, sum));
}

}  // namespace cikit
