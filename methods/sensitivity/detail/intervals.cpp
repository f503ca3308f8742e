#include "methods/sensitivity/detail/intervals.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace cikit::sensitivity_detail {

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

std::optional<BcaEnds> bca_ends(const std::vector<double>& t, double t0, const std::vector<double>& jack,
                                double level, std::string& why) {
  const boost::math::normal_distribution<double> nd;
  const auto r = static_cast<double>(t.size());
  const auto below = static_cast<double>(std::lower_bound(t.begin(), t.end(), t0) - t.begin());
  if (!(below > 0.0 && below < r)) {
    why = "bias correction z0 is infinite (" + std::to_string(static_cast<long>(below)) + " of " +
          std::to_string(t.size()) + " replicates below the estimate)";
    return std::nullopt;
  }
  BcaEnds e;
  e.z0 = boost::math::quantile(nd, below / r);
  double mean = 0.0;
  for (double v : jack) mean += v;
  mean /= static_cast<double>(jack.size());
  double s2 = 0.0;
  double s3 = 0.0;
  for (double v : jack) {
    const double l = mean - v;
    s2 += l * l;
    s3 += l * l * l;
  }
  if (!(s2 > 0.0)) {
    why = "acceleration is undefined (all jackknife values are equal)";
    return std::nullopt;
  }
  e.acceleration = s3 / (6.0 * std::pow(s2, 1.5));
  for (int side = 0; side < 2; ++side) {
    const double za = boost::math::quantile(nd, side == 0 ? (1.0 - level) / 2.0 : (1.0 + level) / 2.0);
    const double w = e.z0 + za;
    const double adj = boost::math::cdf(nd, e.z0 + w / (1.0 - e.acceleration * w));
    (side == 0 ? e.lower : e.upper) = norm_inter(t, adj, &e.extreme);
  }
  return e;
}

}  // namespace cikit::sensitivity_detail
