#include "methods/aggregate/vikor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "methods/core/error.hpp"

namespace cikit {

namespace {
/// (v - min)/(max - min), or 0 when the range is 0.
Eigen::VectorXd unit_range(const Eigen::VectorXd& v) {
  const double lo = v.minCoeff(), range = v.maxCoeff() - lo;
  if (!(range > 0)) return Eigen::VectorXd::Zero(v.size());
  return ((v.array() - lo) / range).matrix();
}
}  // namespace

VikorResult vikor(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const VikorOptions& o) {
  constexpr const char* fn = "vikor";
  if (!(o.v >= 0 && o.v <= 1)) throw InvalidInput(fmt::format("{}: v = {} must be in [0, 1]", fn, o.v));
  VikorResult res;
  const McdaInput in = mcda_prepare(fn, x, w, o, res.warnings);
  res.n_dropped = in.n_all - static_cast<Eigen::Index>(in.rows.size());
  // (f*_j - f_ij)/(f*_j - f-_j) is 1 - the oriented min-max value.
  const Eigen::MatrixXd gap = (1.0 - mcda_minmax(fn, in, o.ids).array()).matrix();
  const Eigen::Index n = gap.rows();
  Eigen::VectorXd s(n), r(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::ArrayXd t = gap.row(i).transpose().array() * in.w.array();
    s(i) = t.sum();
    r(i) = t.maxCoeff();
  }
  const Eigen::VectorXd q = o.v * unit_range(s) + (1 - o.v) * unit_range(r);
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return q(a) < q(b); });
  const Eigen::Index a1 = order[0], a2 = order[1];
  res.dq = 1.0 / static_cast<double>(n - 1);
  res.acceptable_advantage = q(a2) - q(a1) >= res.dq;
  res.acceptable_stability = s(a1) <= s.minCoeff() || r(a1) <= r.minCoeff();
  Eigen::VectorXd comp = Eigen::VectorXd::Zero(n);
  comp(a1) = 1;
  if (!res.acceptable_advantage) {
    for (Eigen::Index k : order)
      if (q(k) - q(a1) < res.dq) comp(k) = 1;
  } else if (!res.acceptable_stability) {
    comp(a2) = 1;
  }
  res.s = mcda_scatter(in, s);
  res.r = mcda_scatter(in, r);
  res.q = mcda_scatter(in, q);
  res.score = mcda_scatter(in, (1.0 - q.array()).matrix());
  res.compromise = mcda_scatter(in, comp);
  return res;
}

}  // namespace cikit
