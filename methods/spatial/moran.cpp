// Global Moran's I (moments, permutation test) and local Moran's I (LISA).
#include <fmt/format.h>

#include <boost/math/distributions/normal.hpp>
#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/core/random.hpp"
#include "methods/stats/numeric.hpp"
#include "methods/spatial/spatial.hpp"

namespace cikit::spatial {

namespace {

double normal_p(double z, Alternative alt) {
  const boost::math::normal nd;
  if (alt == Alternative::Greater) return boost::math::cdf(boost::math::complement(nd, z));
  if (alt == Alternative::Less) return boost::math::cdf(nd, z);
  return 2.0 * boost::math::cdf(boost::math::complement(nd, std::abs(z)));
}

void check_input(const Eigen::VectorXd& x, const SpatialWeights& w, const char* fn) {
  if (x.size() != w.n())
    throw InvalidInput(fmt::format("{}: {} values but the weights have {} units", fn, x.size(), w.n()));
  if (x.size() < 4) throw InvalidInput(fmt::format("{}: {} units, but at least 4 are needed", fn, x.size()));
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x(i)))
      throw InvalidInput(fmt::format("{}: value of unit {} is {}, but must be finite", fn, i + 1, x(i)));
    if (w.neighbours[static_cast<std::size_t>(i)].empty())
      throw InvalidInput(fmt::format("{}: unit {} has no neighbour in the weights ({})", fn, i + 1, w.scheme));
  }
  if (!(x.maxCoeff() > x.minCoeff()))
    throw DomainError(fmt::format("{}: all {} values are equal ({}); Moran's I is undefined", fn, x.size(), x(0)));
}

/// Σ_i z_i Σ_j w_ij z_j.
double cross_product(const Eigen::VectorXd& z, const SpatialWeights& w) {
  double s = 0.0;
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    const auto& nb = w.neighbours[static_cast<std::size_t>(i)];
    const auto& wt = w.weights[static_cast<std::size_t>(i)];
    double lag = 0.0;
    for (std::size_t q = 0; q < nb.size(); ++q) lag += wt[q] * z(nb[q]);
    s += z(i) * lag;
  }
  return s;
}

void permutation_test(const Eigen::VectorXd& z, const SpatialWeights& w, double scale, const MoranOptions& o,
                      MoranResult& r) {
  const int nsim = o.permutations;
  std::vector<double> sims(static_cast<std::size_t>(nsim));
  const Eigen::Index n = z.size();
  const int nt = stats::resolve_threads(o.threads);
#pragma omp parallel num_threads(nt) if (nsim > 16)
  {
    Eigen::VectorXd zp(n);
#pragma omp for schedule(static)
    for (int b = 0; b < nsim; ++b) {
      std::mt19937_64 g = make_stream(o.seed, StreamTag::Permutation, static_cast<std::uint64_t>(b));
      zp = z;
      for (Eigen::Index i = n - 1; i > 0; --i) {  // Fisher–Yates
        const auto j = static_cast<Eigen::Index>(uniform_index(g, static_cast<std::uint64_t>(i + 1)));
        std::swap(zp(i), zp(j));
      }
      sims[static_cast<std::size_t>(b)] = scale * cross_product(zp, w);
    }
  }
  double less = 0.0, equal = 0.0, sum = 0.0;
  for (double s : sims) {
    less += s < r.moran_i ? 1.0 : 0.0;
    equal += !(s < r.moran_i) && !(s > r.moran_i) ? 1.0 : 0.0;
    sum += s;
  }
  r.permutations = nsim;
  r.rank = less + 1.0 + equal / 2.0;  // average rank of the observed value among the nsim + 1 (ties share)
  const double ns = nsim;
  const double diff = std::max(ns - r.rank, 0.0);
  if (o.alternative == Alternative::Greater) r.p_permutation = (diff + 1.0) / (ns + 1.0);
  else if (o.alternative == Alternative::Less) r.p_permutation = 1.0 - (diff + 1.0) / (ns + 1.0);
  else r.p_permutation = std::max(0.0, 1.0 - 2.0 * std::abs(r.rank - (ns + 1.0) / 2.0) / (ns + 1.0));
  r.permutation_mean = sum / ns;
  double ss = 0.0;
  for (double s : sims) ss += (s - r.permutation_mean) * (s - r.permutation_mean);
  r.permutation_sd = nsim > 1 ? std::sqrt(ss / (ns - 1.0)) : 0.0;
}

}  // namespace

const char* quadrant_name(Quadrant q) {
  switch (q) {
    case Quadrant::HH: return "HH";
    case Quadrant::LL: return "LL";
    case Quadrant::LH: return "LH";
    case Quadrant::HL: return "HL";
  }
  return "?";
}

MoranResult moran(const Eigen::VectorXd& x, const SpatialWeights& w, const MoranOptions& o) {
  check_input(x, w, "moran");
  if (o.permutations < 0) throw InvalidInput(fmt::format("moran: {} permutations, but must be >= 0", o.permutations));
  const Eigen::Index n = x.size();
  const double nd = static_cast<double>(n);
  const Eigen::VectorXd z = x.array() - x.mean();
  const double m2 = z.squaredNorm();
  MoranResult r;
  r.alternative = o.alternative;
  // S0, S1, S2 from a dense column sum (w_·i) and the pairs (i, j) with their transposes.
  Eigen::VectorXd row_sum = Eigen::VectorXd::Zero(n), col_sum = Eigen::VectorXd::Zero(n);
  std::vector<std::vector<std::pair<Eigen::Index, double>>> transposed(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& nb = w.neighbours[static_cast<std::size_t>(i)];
    const auto& wt = w.weights[static_cast<std::size_t>(i)];
    for (std::size_t q = 0; q < nb.size(); ++q) {
      row_sum(i) += wt[q];
      col_sum(nb[q]) += wt[q];
      transposed[static_cast<std::size_t>(nb[q])].emplace_back(i, wt[q]);
    }
  }
  r.s0 = row_sum.sum();
  double s1 = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& nb = w.neighbours[static_cast<std::size_t>(i)];
    const auto& wt = w.weights[static_cast<std::size_t>(i)];
    for (std::size_t q = 0; q < nb.size(); ++q) {
      double wji = 0.0;  // w_ji: find i among the neighbours of nb[q] (sorted)
      const auto& nbj = w.neighbours[static_cast<std::size_t>(nb[q])];
      const auto it = std::lower_bound(nbj.begin(), nbj.end(), i);
      if (it != nbj.end() && *it == i) wji = w.weights[static_cast<std::size_t>(nb[q])][static_cast<std::size_t>(it - nbj.begin())];
      s1 += (wt[q] + wji) * (wt[q] + wji);
    }
    // pairs with w_ij = 0 < w_ji: counted from the transposed side
    for (const auto& [j, wji] : transposed[static_cast<std::size_t>(i)]) {
      const auto it = std::lower_bound(nb.begin(), nb.end(), j);
      if (it == nb.end() || *it != j) s1 += wji * wji;
    }
  }
  r.s1 = s1 / 2.0;
  r.s2 = (row_sum + col_sum).squaredNorm();
  const double scale = nd / (r.s0 * m2);
  r.moran_i = scale * cross_product(z, w);
  r.expectation = -1.0 / (nd - 1.0);
  const double e2 = r.expectation * r.expectation, s02 = r.s0 * r.s0;
  r.variance_normality = (nd * nd * r.s1 - nd * r.s2 + 3.0 * s02) / ((nd * nd - 1.0) * s02) - e2;
  r.kurtosis = nd * z.array().pow(4).sum() / (m2 * m2);
  r.variance_randomisation =
      (nd * ((nd * nd - 3.0 * nd + 3.0) * r.s1 - nd * r.s2 + 3.0 * s02) -
       r.kurtosis * ((nd * nd - nd) * r.s1 - 2.0 * nd * r.s2 + 6.0 * s02)) /
          ((nd - 1.0) * (nd - 2.0) * (nd - 3.0) * s02) -
      e2;
  r.z_normality = (r.moran_i - r.expectation) / std::sqrt(r.variance_normality);
  r.z_randomisation = (r.moran_i - r.expectation) / std::sqrt(r.variance_randomisation);
  r.p_normality = normal_p(r.z_normality, o.alternative);
  r.p_randomisation = normal_p(r.z_randomisation, o.alternative);
  if (o.permutations > 0) permutation_test(z, w, scale, o, r);
  if (!std::isfinite(r.moran_i) || !std::isfinite(r.z_randomisation) || !std::isfinite(r.z_normality))
    throw InternalError("moran: a non-finite result from finite input");
  return r;
}

LocalMoranResult local_moran(const Eigen::VectorXd& x, const SpatialWeights& w, const LocalMoranOptions& o) {
  check_input(x, w, "local_moran");
  const Eigen::Index n = x.size();
  const double nd = static_cast<double>(n);
  const double xbar = x.mean();
  const Eigen::VectorXd z = x.array() - xbar;
  const double m2 = z.squaredNorm() / nd;
  const double b2 = (z.array().pow(4).sum() / nd) / (m2 * m2);
  LocalMoranResult r;
  r.ii.resize(n);
  r.expectation.resize(n);
  r.variance.resize(n);
  r.z.resize(n);
  r.p.resize(n);
  r.lag.resize(n);
  const double a = (nd - b2) / (nd - 1.0), b = (2.0 * b2 - nd) / ((nd - 1.0) * (nd - 2.0));
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& nb = w.neighbours[static_cast<std::size_t>(i)];
    const auto& wt = w.weights[static_cast<std::size_t>(i)];
    double lz = 0.0, lx = 0.0, wi = 0.0, wi2 = 0.0;
    for (std::size_t q = 0; q < nb.size(); ++q) {
      lz += wt[q] * z(nb[q]);
      lx += wt[q] * x(nb[q]);
      wi += wt[q];
      wi2 += wt[q] * wt[q];
    }
    r.lag(i) = lx;
    r.ii(i) = z(i) / m2 * lz;
    const double zi2 = z(i) * z(i);
    if (o.conditional) {
      r.expectation(i) = -(zi2 * wi) / ((nd - 1.0) * m2);
      r.variance(i) = (zi2 / (m2 * m2)) * (nd / (nd - 2.0)) * (wi2 - wi * wi / (nd - 1.0)) * (m2 - zi2 / (nd - 1.0));
    } else {
      r.expectation(i) = -wi / (nd - 1.0);
      r.variance(i) = a * wi2 + b * (wi * wi - wi2) - r.expectation(i) * r.expectation(i);
    }
    // A unit at the mean (z_i = 0) has I_i = E = Var = 0 under the conditional moments: Z := 0, p := 1.
    r.z(i) = r.variance(i) > 0.0 ? (r.ii(i) - r.expectation(i)) / std::sqrt(r.variance(i)) : 0.0;
    r.p(i) = normal_p(r.z(i), o.alternative);
  }
  const double lag_mean = r.lag.mean();
  r.quadrant.resize(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const bool hx = x(i) > xbar, hl = r.lag(i) > lag_mean;  // cut(x, c(-Inf, mean, Inf)): high means > mean
    r.quadrant[static_cast<std::size_t>(i)] = hx ? (hl ? Quadrant::HH : Quadrant::HL) : (hl ? Quadrant::LH : Quadrant::LL);
  }
  if (!r.ii.allFinite() || !r.z.allFinite()) throw InternalError("local_moran: a non-finite result from finite input");
  return r;
}

}  // namespace cikit::spatial
