#include "methods/aggregate/mcda_common.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

McdaInput mcda_prepare(const char* fn, const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const McdaColumns& c,
                       std::vector<std::string>& warnings, Eigen::Index min_units) {
  const Eigen::Index m = x.cols();
  check_column_info(fn, m, c.ids, c.directions);
  if (m < 1) throw InvalidInput(fmt::format("{}: no criteria (columns)", fn));
  if (w.size() != m) throw InvalidInput(fmt::format("{}: {} columns but {} weights", fn, m, w.size()));
  for (Eigen::Index j = 0; j < m; ++j)
    if (!(w(j) >= 0) || !std::isfinite(w(j)))
      throw InvalidInput(fmt::format("{}: weight of {} is {}, but must be finite and >= 0", fn, column_label(c.ids, j),
                                     w(j)));
  if (!(w.sum() > 0)) throw InvalidInput(fmt::format("{}: weights sum to 0", fn));
  McdaInput in;
  in.w = w / w.sum();
  in.n_all = x.rows();
  CompleteCases cc = complete_cases(x, c.missing, fn, c.ids, warnings);
  in.x = std::move(cc.x);
  in.rows = std::move(cc.rows);
  if (in.x.rows() < min_units)
    throw DomainError(fmt::format("{}: {} complete unit(s); the method needs at least {}", fn, in.x.rows(), min_units));
  in.cost.assign(static_cast<std::size_t>(m), false);
  for (std::size_t j = 0; j < c.directions.size(); ++j) in.cost[j] = c.directions[j] == Direction::Negative;
  return in;
}

Eigen::VectorXd mcda_scatter(const McdaInput& in, const Eigen::VectorXd& v) {
  Eigen::VectorXd out = Eigen::VectorXd::Constant(in.n_all, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t k = 0; k < in.rows.size(); ++k) out(in.rows[k]) = v(static_cast<Eigen::Index>(k));
  return out;
}

Eigen::MatrixXd mcda_minmax(const char* fn, const McdaInput& in, const std::vector<std::string>& ids) {
  Eigen::MatrixXd r(in.x.rows(), in.x.cols());
  for (Eigen::Index j = 0; j < in.x.cols(); ++j) {
    const double lo = in.x.col(j).minCoeff(), hi = in.x.col(j).maxCoeff(), range = hi - lo;
    if (!(range > 1e-12 * std::max(1.0, std::max(std::abs(lo), std::abs(hi)))))
      throw DomainError(fmt::format("{}: {} is constant ({}) over the complete units; min-max normalisation is "
                                    "undefined",
                                    fn, column_label(ids, j), lo),
                        Location{.indicator = column_id(ids, j)});
    if (in.cost[static_cast<std::size_t>(j)])
      r.col(j) = ((hi - in.x.col(j).array()) / range).matrix();
    else
      r.col(j) = ((in.x.col(j).array() - lo) / range).matrix();
  }
  return r;
}

}  // namespace cikit
