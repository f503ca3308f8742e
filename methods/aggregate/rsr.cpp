#include "methods/aggregate/rsr.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <numeric>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

/// Ranks 1..n, ties averaged, ascending in v.
Eigen::VectorXd average_ranks(const Eigen::VectorXd& v) {
  const Eigen::Index n = v.size();
  std::vector<Eigen::Index> o(static_cast<std::size_t>(n));
  std::iota(o.begin(), o.end(), 0);
  std::stable_sort(o.begin(), o.end(), [&](Eigen::Index a, Eigen::Index b) { return v(a) < v(b); });
  Eigen::VectorXd r(n);
  for (Eigen::Index k = 0; k < n;) {
    Eigen::Index e = k;
    while (e + 1 < n && !(v(o[static_cast<std::size_t>(k)]) < v(o[static_cast<std::size_t>(e + 1)]))) ++e;
    for (Eigen::Index t = k; t <= e; ++t) r(o[static_cast<std::size_t>(t)]) = static_cast<double>(k + e + 2) / 2.0;
    k = e + 1;
  }
  return r;
}

}  // namespace

RsrResult rank_sum_ratio(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const RsrOptions& o) {
  constexpr const char* fn = "rsr";
  RsrResult res;
  if (o.tiers == 3) res.cutoffs = {4.0, 6.0};
  else if (o.tiers == 4) res.cutoffs = {3.5, 5.0, 6.5};
  else if (o.tiers == 5) res.cutoffs = {3.2, 4.4, 5.6, 6.8};
  else throw InvalidInput(fmt::format("{}: tiers = {} must be 3, 4 or 5", fn, o.tiers));
  const McdaInput in = mcda_prepare(fn, x, w, o, res.warnings, 3);
  res.n_dropped = in.n_all - static_cast<Eigen::Index>(in.rows.size());
  const Eigen::Index n = in.x.rows(), m = in.x.cols();
  const auto nd = static_cast<double>(n);
  Eigen::MatrixXd rk(n, m);
  if (o.ranking == RsrRanking::Integer) {
    for (Eigen::Index j = 0; j < m; ++j)
      rk.col(j) = average_ranks(in.cost[static_cast<std::size_t>(j)] ? (-in.x.col(j)).eval() : in.x.col(j));
  } else {
    rk = (1.0 + (nd - 1) * mcda_minmax(fn, in, o.ids).array()).matrix();
  }
  const Eigen::VectorXd rsr = rk * in.w / nd;
  // Distribution of the distinct RSR values.
  std::vector<Eigen::Index> ord(static_cast<std::size_t>(n));
  std::iota(ord.begin(), ord.end(), 0);
  std::stable_sort(ord.begin(), ord.end(), [&](Eigen::Index a, Eigen::Index b) { return rsr(a) < rsr(b); });
  const boost::math::normal_distribution<double> phi;
  Eigen::VectorXd probit(n);
  std::vector<double> gx, gy;
  for (Eigen::Index k = 0; k < n;) {
    Eigen::Index e = k;
    while (e + 1 < n && !(rsr(ord[static_cast<std::size_t>(k)]) < rsr(ord[static_cast<std::size_t>(e + 1)]))) ++e;
    const double rbar = static_cast<double>(k) + static_cast<double>(e - k + 2) / 2.0;
    const double p = e == n - 1 ? 1.0 - 1.0 / (4.0 * nd) : rbar / nd;
    const double pr = 5.0 + boost::math::quantile(phi, p);
    for (Eigen::Index t = k; t <= e; ++t) probit(ord[static_cast<std::size_t>(t)]) = pr;
    gx.push_back(pr);
    gy.push_back(rsr(ord[static_cast<std::size_t>(k)]));
    k = e + 1;
  }
  if (gx.size() < 2)
    throw DomainError(fmt::format("{}: every unit has the same RSR ({}); the probit regression is undefined", fn,
                                  rsr(0)));
  const Eigen::Map<const Eigen::VectorXd> X(gx.data(), static_cast<Eigen::Index>(gx.size()));
  const Eigen::Map<const Eigen::VectorXd> Y(gy.data(), static_cast<Eigen::Index>(gy.size()));
  const double mx = X.mean(), my = Y.mean();
  const double sxx = (X.array() - mx).square().sum(), sxy = ((X.array() - mx) * (Y.array() - my)).sum();
  const double syy = (Y.array() - my).square().sum();
  res.slope = sxy / sxx;
  res.intercept = my - res.slope * mx;
  res.r_squared = syy > 0 ? sxy * sxy / (sxx * syy) : 1.0;
  if (!(res.slope > 0))
    throw InternalError(fmt::format("{}: probit regression slope {} is not positive", fn, res.slope));
  const Eigen::VectorXd fitted = (res.intercept + res.slope * probit.array()).matrix();
  Eigen::VectorXd tier(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    int below = 0;  // cut-offs above the unit's fitted RSR
    for (double c : res.cutoffs)  // fitted < a + b c  <=>  probit < c (b > 0)
      if (probit(i) < c) ++below;
    tier(i) = 1 + below;
  }
  res.rsr = mcda_scatter(in, rsr);
  res.probit = mcda_scatter(in, probit);
  res.fitted = mcda_scatter(in, fitted);
  res.tier = mcda_scatter(in, tier);
  return res;
}

}  // namespace cikit
