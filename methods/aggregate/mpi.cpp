#include "methods/aggregate/mpi.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

MpiResult mazziotta_pareto(const Eigen::MatrixXd& x, const MpiOptions& opt) {
  constexpr const char* fn = "mazziotta_pareto";
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const Eigen::Index m = x.cols();
  check_column_info(fn, m, opt.ids, opt.directions);
  if (m < 2) throw DomainError(fmt::format("{}: {} indicator(s); the MPI needs at least 2", fn, m));
  if (!(opt.scale > 0) || !std::isfinite(opt.scale) || !std::isfinite(opt.mean))
    throw InvalidInput(fmt::format("{}: scale is {}, mean {}; scale must be > 0 and both finite", fn, opt.scale,
                                   opt.mean));
  MpiResult r;
  const CompleteCases cc = complete_cases(x, opt.missing, fn, opt.ids, r.warnings);
  r.n_dropped = cc.n_dropped;
  const Eigen::Index n = cc.x.rows();
  if (n < 2) throw DomainError(fmt::format("{}: {} complete unit(s); the MPI needs at least 2", fn, n));
  const bool sample = opt.sd == MpiSd::Sample;
  const double div_n = static_cast<double>(sample ? n - 1 : n);
  const double div_m = static_cast<double>(sample ? m - 1 : m);

  Eigen::MatrixXd z(n, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    const double mean = cc.x.col(j).mean();
    const double sd = std::sqrt((cc.x.col(j).array() - mean).square().sum() / div_n);
    const double range = cc.x.col(j).maxCoeff() - cc.x.col(j).minCoeff();
    if (!(range > opt.zero_range_tol * std::max(1.0, cc.x.col(j).cwiseAbs().maxCoeff())))
      throw DomainError(fmt::format("{}: {} is constant; it cannot be standardised", fn, column_label(opt.ids, j)),
                        Location{.indicator = column_id(opt.ids, j)});
    const double sign =
        !opt.directions.empty() && opt.directions[static_cast<std::size_t>(j)] == Direction::Negative ? -1.0 : 1.0;
    z.col(j) = (opt.mean + sign * opt.scale * (cc.x.col(j).array() - mean) / sd).matrix();
  }
  const Eigen::Index n_all = x.rows();
  r.score = Eigen::VectorXd::Constant(n_all, kNaN);
  r.mean_z = Eigen::VectorXd::Constant(n_all, kNaN);
  r.sd_z = Eigen::VectorXd::Constant(n_all, kNaN);
  r.cv_z = Eigen::VectorXd::Constant(n_all, kNaN);
  r.z = Eigen::MatrixXd::Constant(n_all, m, kNaN);
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::Index i = cc.rows[static_cast<std::size_t>(k)];
    const double mz = z.row(k).mean();
    const double sz = std::sqrt((z.row(k).array() - mz).square().sum() / div_m);
    if (!(mz > 0))
      throw DomainError(fmt::format("{}: row {} has mean standardised value {} <= 0; its coefficient of "
                                    "variation (and the MPI penalty) is undefined",
                                    fn, i + 1, mz));
    const double cv = sz / mz;
    r.z.row(i) = z.row(k);
    r.mean_z(i) = mz;
    r.sd_z(i) = sz;
    r.cv_z(i) = cv;
    r.score(i) = opt.penalty == MpiPenalty::Negative ? mz - sz * cv : mz + sz * cv;
  }
  return r;
}

}  // namespace cikit
