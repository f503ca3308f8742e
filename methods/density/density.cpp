#include "methods/density/density.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>

#include "methods/core/error.hpp"

namespace cikit::density {

namespace {

void check(const Eigen::VectorXd& x, const char* fn) {
  if (x.size() < 2) throw InvalidInput(fmt::format("{}: {} value(s), but at least 2 are needed", fn, x.size()));
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isfinite(x(i)))
      throw InvalidInput(fmt::format("{}: value {} is {}, but must be finite", fn, i + 1, x(i)));
}

double sample_sd(const Eigen::VectorXd& x) {
  const double m = x.mean();
  return std::sqrt((x.array() - m).square().sum() / static_cast<double>(x.size() - 1));
}

/// R's quantile(type = 7).
double quantile7(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double h = static_cast<double>(v.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - std::floor(h)) * (v[hi] - v[lo]);
}

double iqr(const Eigen::VectorXd& x) {
  const std::vector<double> v(x.data(), x.data() + x.size());
  return quantile7(v, 0.75) - quantile7(v, 0.25);
}

/// R's R_zeroin2 (Brent 1973, netlib zeroin) with its stopping rule, so roots agree with uniroot.
double zeroin(double ax, double bx, double fa, double fb, const std::function<double(double)>& f, double tol) {
  constexpr double eps = std::numeric_limits<double>::epsilon();
  double a = ax, b = bx, c = a, fc = fa;
  if (!(fa < 0.0) && !(fa > 0.0)) return a;
  if (!(fb < 0.0) && !(fb > 0.0)) return b;
  for (int it = 0; it <= 1000; ++it) {
    const double prev_step = b - a;
    if (std::abs(fc) < std::abs(fb)) {
      a = b, b = c, c = a;
      fa = fb, fb = fc, fc = fa;
    }
    const double tol_act = 2.0 * eps * std::abs(b) + tol / 2.0;
    double new_step = (c - b) / 2.0;
    if (std::abs(new_step) <= tol_act || (!(fb < 0.0) && !(fb > 0.0))) return b;
    if (std::abs(prev_step) >= tol_act && std::abs(fa) > std::abs(fb)) {
      double p = 0.0, q = 0.0;
      const double cb = c - b;
      if (!(a < c) && !(a > c)) {
        const double t1 = fb / fa;
        p = cb * t1;
        q = 1.0 - t1;
      } else {
        q = fa / fc;
        const double t1 = fb / fc, t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
        q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
      }
      if (p > 0.0) q = -q;
      else p = -p;
      if (p < (0.75 * cb * q - std::abs(tol_act * q) / 2.0) && p < std::abs(prev_step * q / 2.0)) new_step = p / q;
    }
    if (std::abs(new_step) < tol_act) new_step = new_step > 0.0 ? tol_act : -tol_act;
    a = b;
    fa = fb;
    b += new_step;
    fb = f(b);
    if ((fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0)) {
      c = a;
      fc = fa;
    }
  }
  throw DomainError("bw_sj: the bandwidth equation did not converge in 1000 iterations");
}

/// Binned pairwise-distance counts (R's bw_pair_cnts): bin width d and counts c_k.
std::pair<double, std::vector<double>> pair_counts(const Eigen::VectorXd& x, int nb) {
  const double lo = x.minCoeff(), hi = x.maxCoeff();
  const double rang = (hi - lo) * 1.01;
  if (!(rang > 0.0)) throw DomainError("bw_sj: all values are equal; the bandwidth is undefined");
  const double d = rang / nb;
  std::vector<double> cnt(static_cast<std::size_t>(nb), 0.0);
  const Eigen::Index n = x.size();
  if (static_cast<double>(n) > nb / 2.0) {  // bw_den_binned
    std::vector<long> bin(static_cast<std::size_t>(n));
    long mn = std::numeric_limits<long>::max();
    for (Eigen::Index i = 0; i < n; ++i) {
      const double t = std::trunc(std::abs(x(i)) / d) * (x(i) > 0.0 ? 1.0 : (x(i) < 0.0 ? -1.0 : 0.0));
      bin[static_cast<std::size_t>(i)] = static_cast<long>(t);
      mn = std::min(mn, bin[static_cast<std::size_t>(i)]);
    }
    std::vector<double> w(static_cast<std::size_t>(nb), 0.0);
    for (long b : bin)
      if (b - mn < nb) w[static_cast<std::size_t>(b - mn)] += 1.0;  // tabulate(xx, nb) drops bins > nb
    for (std::size_t ii = 0; ii < w.size(); ++ii) {
      cnt[0] += w[ii] * (w[ii] - 1.0);
      for (std::size_t jj = 0; jj < ii; ++jj) cnt[ii - jj] += w[ii] * w[jj];
    }
    cnt[0] *= 0.5;
  } else {  // bw_den
    for (Eigen::Index i = 1; i < n; ++i) {
      const auto ii = static_cast<long>(x(i) / d);
      for (Eigen::Index j = 0; j < i; ++j) {
        const auto jj = static_cast<long>(x(j) / d);
        cnt[static_cast<std::size_t>(std::labs(ii - jj))] += 1.0;
      }
    }
  }
  return {d, cnt};
}

double phi(const std::vector<double>& cnt, double d, double n, double h, int order) {
  constexpr double kDelMax = 1000.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < cnt.size(); ++i) {
    double delta = static_cast<double>(i) * d / h;
    delta *= delta;
    if (delta >= kDelMax) break;
    const double term = order == 4 ? std::exp(-delta / 2.0) * (delta * delta - 6.0 * delta + 3.0)
                                   : std::exp(-delta / 2.0) * (delta * delta * delta - 15.0 * delta * delta + 45.0 * delta - 15.0);
    sum += term * cnt[i];
  }
  const double sqrt_2pi = std::sqrt(2.0 * std::numbers::pi);
  if (order == 4) return (2.0 * sum + n * 3.0) / (n * (n - 1.0) * std::pow(h, 5.0) * sqrt_2pi);
  return (2.0 * sum - 15.0 * n) / (n * (n - 1.0) * std::pow(h, 7.0) * sqrt_2pi);
}

}  // namespace

double bw_nrd0(const Eigen::VectorXd& x) {
  check(x, "bw_nrd0");
  const double hi = sample_sd(x);
  double lo = std::min(hi, iqr(x) / 1.34);
  if (!(lo > 0.0)) lo = hi > 0.0 ? hi : (std::abs(x(0)) > 0.0 ? std::abs(x(0)) : 1.0);
  return 0.9 * lo * std::pow(static_cast<double>(x.size()), -0.2);
}

double bw_sj(const Eigen::VectorXd& x) {
  check(x, "bw_sj");
  const double n = static_cast<double>(x.size());
  // Not a structured binding: the lambdas below capture d and cnt, which clang before 16 refuses.
  const auto counts = pair_counts(x, 1000);
  const double d = counts.first;
  const std::vector<double>& cnt = counts.second;
  const double scale = std::min(sample_sd(x), iqr(x) / 1.349);
  if (!(scale > 0.0))
    throw DomainError("bw_sj: the sample's scale min(sd, IQR/1.349) is 0 (over half the values are equal); use nrd0");
  const double a = 1.24 * scale * std::pow(n, -1.0 / 7.0), b = 1.23 * scale * std::pow(n, -1.0 / 9.0);
  const double c1 = 1.0 / (2.0 * std::sqrt(std::numbers::pi) * n);
  const double td = -phi(cnt, d, n, b, 6);
  if (!std::isfinite(td) || !(td > 0.0)) throw DomainError("bw_sj: sample is too sparse to find TD (as R's bw.SJ)");
  const double hmax = 1.144 * scale * std::pow(n, -0.2);
  double lower = 0.1 * hmax, upper = hmax;
  const double tol = 0.1 * lower;
  const double alph2 = 1.357 * std::pow(phi(cnt, d, n, a, 4) / td, 1.0 / 7.0);
  if (!std::isfinite(alph2)) throw DomainError("bw_sj: sample is too sparse to find alph2 (as R's bw.SJ)");
  const auto fsd = [&](double h) { return std::pow(c1 / phi(cnt, d, n, alph2 * std::pow(h, 5.0 / 7.0), 4), 0.2) - h; };
  for (int itry = 1; fsd(lower) * fsd(upper) > 0.0; ++itry) {
    if (itry > 99) throw DomainError("bw_sj: no solution in the range of bandwidths (as R's bw.SJ)");
    if (itry % 2) upper *= 1.2;
    else lower /= 1.2;
  }
  return zeroin(lower, upper, fsd(lower), fsd(upper), fsd, tol);
}

DensityResult kernel_density(const Eigen::VectorXd& x, const DensityOptions& o) {
  check(x, "kernel_density");
  if (o.n < 2) throw InvalidInput(fmt::format("kernel_density: {} grid points, but at least 2 are needed", o.n));
  if (!(o.cut >= 0.0)) throw InvalidInput(fmt::format("kernel_density: cut = {}, but must be >= 0", o.cut));
  DensityResult r;
  r.n_obs = static_cast<int>(x.size());
  r.rule = o.bandwidth == Bandwidth::SJ ? "SJ" : "nrd0";
  r.bandwidth = o.bandwidth == Bandwidth::SJ ? bw_sj(x) : bw_nrd0(x);
  const double from = x.minCoeff() - o.cut * r.bandwidth, to = x.maxCoeff() + o.cut * r.bandwidth;
  const double by = (to - from) / (o.n - 1);
  r.x.resize(o.n);
  r.y.resize(o.n);
  const double norm = 1.0 / (static_cast<double>(x.size()) * r.bandwidth * std::sqrt(2.0 * std::numbers::pi));
  for (int g = 0; g < o.n; ++g) {
    const double at = from + g * by;
    double s = 0.0;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      const double u = (at - x(i)) / r.bandwidth;
      s += std::exp(-0.5 * u * u);
    }
    r.x(g) = at;
    r.y(g) = s * norm;
  }
  return r;
}

}  // namespace cikit::density
