#include "methods/stats/rank_stats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "methods/core/error.hpp"
#include "methods/stats/numeric.hpp"

namespace cikit {

using stats::q7_sorted;

namespace {

void check_ranks(const Eigen::MatrixXi& ranks, const Eigen::VectorXi& nominal, const char* fn) {
  if (ranks.rows() == 0 || ranks.cols() == 0)
    throw InvalidInput(fmt::format("{}: the rank matrix is empty ({} runs × {} units)", fn, ranks.rows(),
                                   ranks.cols()));
  if (nominal.size() != ranks.cols())
    throw InvalidInput(fmt::format("{}: {} nominal ranks for {} units (columns)", fn, nominal.size(), ranks.cols()));
  for (Eigen::Index u = 0; u < ranks.cols(); ++u) {
    if (nominal(u) < 0) throw InvalidInput(fmt::format("{}: nominal rank of unit {} is {} (< 0)", fn, u + 1, nominal(u)));
    for (Eigen::Index r = 0; r < ranks.rows(); ++r)
      if (ranks(r, u) < 0)
        throw InvalidInput(fmt::format("{}: rank of unit {} in run {} is {} (< 0)", fn, u + 1, r + 1, ranks(r, u)));
  }
}

void check_pair(const Eigen::VectorXd& x, const Eigen::VectorXd& y, const char* fn) {
  if (x.size() != y.size()) throw InvalidInput(fmt::format("{}: x has {} values but y has {}", fn, x.size(), y.size()));
  if (x.size() < 2) throw InvalidInput(fmt::format("{}: n is {}, but must be >= 2", fn, x.size()));
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (std::isnan(x(i)) || std::isnan(y(i)))
      throw InvalidInput(fmt::format("{}: value {} is missing (NaN); remove incomplete pairs first", fn, i + 1));
}

}  // namespace

RankStatistics rank_statistics(const Eigen::MatrixXi& ranks, const Eigen::VectorXi& nominal,
                               const RankStatsOptions& options) {
  check_ranks(ranks, nominal, "rank_statistics");
  if (!(options.lower >= 0.0 && options.lower < options.upper && options.upper <= 1.0))
    throw InvalidInput(fmt::format("rank_statistics: percentiles are ({}, {}), but must satisfy "
                                   "0 <= lower < upper <= 1",
                                   options.lower, options.upper));
  const Eigen::Index units = ranks.cols();
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  RankStatistics s;
  s.nominal = nominal;
  s.mean.resize(units);
  s.median.resize(units);
  s.lower.resize(units);
  s.upper.resize(units);
  s.n_runs.resize(units);
  std::vector<double> v;
  v.reserve(static_cast<std::size_t>(ranks.rows()));
  double width_sum = 0.0;
  Eigen::Index n_ranked = 0;
  std::string never;
  Eigen::Index n_never = 0;
  for (Eigen::Index u = 0; u < units; ++u) {
    v.clear();
    for (Eigen::Index r = 0; r < ranks.rows(); ++r)
      if (ranks(r, u) > 0) v.push_back(static_cast<double>(ranks(r, u)));
    s.n_runs(u) = static_cast<int>(v.size());
    if (v.empty()) {
      s.mean(u) = s.median(u) = s.lower(u) = s.upper(u) = kNaN;
      if (n_never++ == 0) never = fmt::format("unit {}", u + 1);
      continue;
    }
    std::sort(v.begin(), v.end());
    s.mean(u) = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    s.median(u) = q7_sorted(v, 0.5);
    s.lower(u) = q7_sorted(v, options.lower);
    s.upper(u) = q7_sorted(v, options.upper);
    width_sum += s.upper(u) - s.lower(u);
    ++n_ranked;
  }
  s.mean_interval_width = n_ranked > 0 ? width_sum / static_cast<double>(n_ranked) : kNaN;
  if (n_never > 0)
    s.warnings.push_back(fmt::format("{} unit(s) are unranked in every run (first: {}); their rank statistics "
                                     "are missing (NaN)",
                                     n_never, never));
  if (!(s.n_runs.array() == static_cast<int>(ranks.rows())).all() && n_never < units)
    s.warnings.push_back(fmt::format("some units are unranked in some runs; each unit's statistics use the "
                                     "runs that rank it (n_runs, min {})",
                                     s.n_runs.minCoeff()));
  return s;
}

Eigen::VectorXd mean_abs_rank_shift(const Eigen::MatrixXi& ranks, const Eigen::VectorXi& nominal) {
  check_ranks(ranks, nominal, "mean_abs_rank_shift");
  Eigen::VectorXd out(ranks.rows());
  for (Eigen::Index r = 0; r < ranks.rows(); ++r) {
    double sum = 0.0;
    Eigen::Index n = 0;
    for (Eigen::Index u = 0; u < ranks.cols(); ++u) {
      if (ranks(r, u) <= 0 || nominal(u) <= 0) continue;
      sum += std::abs(static_cast<double>(nominal(u) - ranks(r, u)));
      ++n;
    }
    if (n == 0)
      throw DomainError(fmt::format("mean_abs_rank_shift: run {} ranks no unit that is ranked nominally", r + 1));
    out(r) = sum / static_cast<double>(n);
  }
  return out;
}

Eigen::VectorXd average_ranks(const Eigen::VectorXd& x) {
  const Eigen::Index n = x.size();
  for (Eigen::Index i = 0; i < n; ++i)
    if (std::isnan(x(i))) throw InvalidInput(fmt::format("average_ranks: value {} is NaN", i + 1));
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return x(a) < x(b); });
  Eigen::VectorXd r(n);
  std::size_t i = 0;
  while (i < order.size()) {
    std::size_t j = i;
    while (j + 1 < order.size() && !(x(order[i]) < x(order[j + 1]))) ++j;  // ties: equal values
    const double avg = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t t = i; t <= j; ++t) r(order[t]) = avg;
    i = j + 1;
  }
  return r;
}

double spearman_rho(const Eigen::VectorXd& x, const Eigen::VectorXd& y) {
  check_pair(x, y, "spearman_rho");
  const Eigen::VectorXd rx = average_ranks(x);
  const Eigen::VectorXd ry = average_ranks(y);
  const Eigen::VectorXd dx = rx.array() - rx.mean();
  const Eigen::VectorXd dy = ry.array() - ry.mean();
  const double sxx = dx.squaredNorm();
  const double syy = dy.squaredNorm();
  if (!(sxx > 0.0)) throw DomainError("spearman_rho: x is constant; the correlation is undefined");
  if (!(syy > 0.0)) throw DomainError("spearman_rho: y is constant; the correlation is undefined");
  return dx.dot(dy) / std::sqrt(sxx * syy);
}

double kendall_tau_b(const Eigen::VectorXd& x, const Eigen::VectorXd& y) {
  check_pair(x, y, "kendall_tau_b");
  const Eigen::Index n = x.size();
  double nc_minus_nd = 0.0;
  double tx = 0.0;  // pairs tied in x
  double ty = 0.0;  // pairs tied in y
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = i + 1; j < n; ++j) {
      const int sx = (x(i) < x(j)) - (x(j) < x(i));
      const int sy = (y(i) < y(j)) - (y(j) < y(i));
      if (sx == 0) tx += 1.0;
      if (sy == 0) ty += 1.0;
      nc_minus_nd += static_cast<double>(sx * sy);
    }
  const double n0 = static_cast<double>(n) * static_cast<double>(n - 1) / 2.0;
  if (!(n0 - tx > 0.0)) throw DomainError("kendall_tau_b: x is constant; the correlation is undefined");
  if (!(n0 - ty > 0.0)) throw DomainError("kendall_tau_b: y is constant; the correlation is undefined");
  return nc_minus_nd / std::sqrt((n0 - tx) * (n0 - ty));
}

}  // namespace cikit
