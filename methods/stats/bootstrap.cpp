#include "methods/stats/bootstrap.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <vector>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

std::vector<double> sorted_finite(const Eigen::VectorXd& v, const char* fn, const char* what) {
  if (v.size() == 0) throw InvalidInput(std::string(fn) + ": " + what + " is empty");
  std::vector<double> s(v.data(), v.data() + v.size());
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!std::isfinite(s[i]))
      throw InvalidInput(std::string(fn) + ": " + what + " value " + std::to_string(i + 1) +
                         " is not finite; filter failed replicates first");
  std::sort(s.begin(), s.end());
  return s;
}

void check_level(double level, const char* fn) {
  if (!(level > 0.0 && level < 1.0))
    throw InvalidInput(std::string(fn) + ": level is " + std::to_string(level) + ", but must be in (0, 1)");
}

double q7_sorted(const std::vector<double>& s, double p) {
  const double h = static_cast<double>(s.size() - 1) * p;
  const double lo = std::floor(h);
  const auto i = static_cast<std::size_t>(lo);
  if (i + 1 >= s.size()) return s.back();
  return s[i] + (h - lo) * (s[i + 1] - s[i]);
}

}  // namespace

double quantile_type7(const Eigen::VectorXd& values, double p) {
  if (!(p >= 0.0 && p <= 1.0))
    throw InvalidInput(std::string("quantile_type7: p is ") + std::to_string(p) + ", but must be in [0, 1]");
  return q7_sorted(sorted_finite(values, "quantile_type7", "values"), p);
}

Interval percentile_interval(const Eigen::VectorXd& replicates, double level) {
  check_level(level, "percentile_interval");
  const auto s = sorted_finite(replicates, "percentile_interval", "replicates");
  return {q7_sorted(s, (1.0 - level) / 2.0), q7_sorted(s, (1.0 + level) / 2.0)};
}

std::optional<BcaInterval> bca_interval(const Eigen::VectorXd& replicates, double estimate,
                                        const Eigen::VectorXd& jackknife, double level, std::string* why) {
  check_level(level, "bca_interval");
  if (replicates.size() < 2) throw InvalidInput("bca_interval: fewer than 2 replicates");
  if (jackknife.size() < 2) throw InvalidInput("bca_interval: fewer than 2 jackknife values");
  if (!std::isfinite(estimate)) throw InvalidInput("bca_interval: the estimate is not finite");
  const auto t = sorted_finite(replicates, "bca_interval", "replicates");
  (void)sorted_finite(jackknife, "bca_interval", "jackknife");
  const boost::math::normal_distribution<double> nd;
  const auto B = static_cast<double>(t.size());

  // z0 from the share strictly below t0 (boot: sum(t < t0) / length(t)).
  const auto below = static_cast<double>(std::lower_bound(t.begin(), t.end(), estimate) - t.begin());
  if (!(below > 0.0) || !(below < B)) {
    if (why) *why = std::string("bias correction z0 is infinite (") + std::to_string(static_cast<long>(below)) + " of " +
                    std::to_string(static_cast<long>(B)) + " replicates below the estimate)";
    return std::nullopt;
  }
  BcaInterval out;
  out.z0 = boost::math::quantile(nd, below / B);

  // Acceleration from jackknife influence values L_i ∝ mean - θ_(i).
  const double jmean = jackknife.mean();
  double s2 = 0.0;
  double s3 = 0.0;
  for (Eigen::Index i = 0; i < jackknife.size(); ++i) {
    const double l = jmean - jackknife[i];
    s2 += l * l;
    s3 += l * l * l;
  }
  if (!(s2 > 0.0)) {
    if (why) *why = "acceleration is undefined (all jackknife values are equal)";
    return std::nullopt;
  }
  out.acceleration = s3 / (6.0 * std::pow(s2, 1.5));

  const double probs[2] = {(1.0 - level) / 2.0, (1.0 + level) / 2.0};
  double ends[2] = {0.0, 0.0};
  double adj[2] = {0.0, 0.0};
  for (int e = 0; e < 2; ++e) {
    const double za = boost::math::quantile(nd, probs[e]);
    const double w = out.z0 + za;
    adj[e] = boost::math::cdf(nd, out.z0 + w / (1.0 - out.acceleration * w));
    // boot's norm.inter.
    const double rk = (B + 1.0) * adj[e];
    if (!(rk > 1.0 && rk < B)) out.extreme_order_statistics = true;
    const double kf = std::trunc(rk);
    const auto k = static_cast<std::size_t>(std::max(0.0, kf));
    if (k == 0) {
      ends[e] = t.front();
    } else if (k >= t.size()) {
      ends[e] = t.back();
    } else if (!(rk > kf)) {  // r is an integer
      ends[e] = t[k - 1];
    } else {
      const double z1 = boost::math::quantile(nd, adj[e]);
      const double z2 = boost::math::quantile(nd, kf / (B + 1.0));
      const double z3 = boost::math::quantile(nd, (kf + 1.0) / (B + 1.0));
      ends[e] = t[k - 1] + (z1 - z2) / (z3 - z2) * (t[k] - t[k - 1]);
    }
  }
  out.interval = {ends[0], ends[1]};
  out.adjusted_levels = {adj[0], adj[1]};
  return out;
}

}  // namespace cikit
