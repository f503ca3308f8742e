#include "methods/aggregate/topsis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/core/error.hpp"

namespace cikit {

TopsisResult topsis(const Eigen::MatrixXd& x, const Eigen::VectorXd& w0, const TopsisOptions& opt) {
  constexpr const char* fn = "topsis";
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const Eigen::Index m = x.cols();
  check_column_info(fn, m, opt.ids, opt.directions);
  if (w0.size() != m) throw InvalidInput(fmt::format("{}: {} columns but {} weights", fn, m, w0.size()));
  for (Eigen::Index j = 0; j < m; ++j)
    if (!(w0(j) >= 0) || !std::isfinite(w0(j)))
      throw InvalidInput(fmt::format("{}: weight of {} is {}, but must be finite and >= 0", fn,
                                     column_label(opt.ids, j), w0(j)));
  if (!(w0.sum() > 0)) throw InvalidInput(fmt::format("{}: weights sum to 0", fn));
  const Eigen::VectorXd w = w0 / w0.sum();

  TopsisResult r;
  const CompleteCases cc = complete_cases(x, opt.missing, fn, opt.ids, r.warnings);
  r.n_dropped = cc.n_dropped;
  const Eigen::Index n = cc.x.rows();
  if (n < 2) throw DomainError(fmt::format("{}: {} complete unit(s); TOPSIS needs at least 2", fn, n));

  Eigen::MatrixXd v(n, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    const auto col = cc.x.col(j);
    if (opt.normalization == TopsisNormalization::Vector) {
      const double norm = col.norm();
      if (!(norm > 0))
        throw DomainError(fmt::format("{}: {} is all zeros; vector normalisation is undefined", fn,
                                      column_label(opt.ids, j)),
                          Location{.indicator = column_id(opt.ids, j)});
      v.col(j) = w(j) * col / norm;
    } else {
      const double lo = col.minCoeff(), range = col.maxCoeff() - lo;
      if (!(range > opt.zero_range_tol * std::max(1.0, col.cwiseAbs().maxCoeff())))
        throw DomainError(fmt::format("{}: {} is constant; min-max normalisation is undefined", fn,
                                      column_label(opt.ids, j)),
                          Location{.indicator = column_id(opt.ids, j)});
      v.col(j) = w(j) * (col.array() - lo).matrix() / range;
    }
  }
  r.ideal.resize(m);
  r.anti_ideal.resize(m);
  for (Eigen::Index j = 0; j < m; ++j) {
    const bool cost = !opt.directions.empty() && opt.directions[static_cast<std::size_t>(j)] == Direction::Negative;
    r.ideal(j) = cost ? v.col(j).minCoeff() : v.col(j).maxCoeff();
    r.anti_ideal(j) = cost ? v.col(j).maxCoeff() : v.col(j).minCoeff();
  }
  const Eigen::Index n_all = x.rows();
  r.closeness = Eigen::VectorXd::Constant(n_all, kNaN);
  r.d_plus = Eigen::VectorXd::Constant(n_all, kNaN);
  r.d_minus = Eigen::VectorXd::Constant(n_all, kNaN);
  r.weighted = Eigen::MatrixXd::Constant(n_all, m, kNaN);
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::Index i = cc.rows[static_cast<std::size_t>(k)];
    const double dp = (v.row(k) - r.ideal.transpose()).norm();
    const double dm = (v.row(k) - r.anti_ideal.transpose()).norm();
    if (!(dp + dm > 0))
      throw DomainError(fmt::format("{}: the ideal and anti-ideal coincide (all units identical on every "
                                    "weighted criterion); closeness is undefined",
                                    fn));
    r.weighted.row(i) = v.row(k);
    r.d_plus(i) = dp;
    r.d_minus(i) = dm;
    r.closeness(i) = dm / (dp + dm);
  }
  return r;
}

}  // namespace cikit
