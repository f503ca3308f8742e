#include "methods/stats/norm_inter.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace cikit::stats {

double norm_inter(const std::vector<double>& t, double alpha, bool* extreme) {
  const boost::math::normal_distribution<double> nd;
  const auto r = static_cast<double>(t.size());
  const double rk = (r + 1.0) * alpha;
  const double kf = std::floor(rk);
  if (extreme && !(rk > 1.0 && rk < r)) *extreme = true;  // boot's "extreme order statistics" warning
  if (!(kf >= 1.0) || !(kf <= r - 1.0)) return kf < 1.0 ? t.front() : t.back();
  const auto k = static_cast<std::size_t>(kf);  // 1-based order statistic
  if (!(rk > kf)) return t[k - 1];              // integer: exact order statistic
  const double z = boost::math::quantile(nd, alpha);
  const double zk = boost::math::quantile(nd, kf / (r + 1.0));
  const double zk1 = boost::math::quantile(nd, (kf + 1.0) / (r + 1.0));
  return t[k - 1] + (z - zk) / (zk1 - zk) * (t[k] - t[k - 1]);
}

}  // namespace cikit::stats
