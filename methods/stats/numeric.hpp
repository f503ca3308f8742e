#pragma once
/// \file numeric.hpp
/// Small shared numerics (methods/stats): OpenMP thread count, type-7 quantile of sorted values,
/// two-pass sample SD.
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <vector>

#include <omp.h>

namespace cikit::stats {

/// Threads for an OpenMP loop: `requested` if > 0, else the OpenMP default.
inline int resolve_threads(int requested) { return requested > 0 ? requested : omp_get_max_threads(); }

/// R's quantile type 7 (Hyndman & Fan 1996) of already sorted values (size >= 1), p in [0, 1]:
/// h = (m - 1) p, Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]) (0-based).
inline double q7_sorted(const std::vector<double>& s, double p) {
  const double h = static_cast<double>(s.size() - 1) * p;
  const double lo = std::floor(h);
  const auto i = static_cast<std::size_t>(lo);
  if (i + 1 >= s.size()) return s.back();
  return s[i] + (h - lo) * (s[i + 1] - s[i]);
}

/// Sample standard deviation (n - 1), two-pass. n >= 2.
inline double sample_sd(const std::vector<double>& v) {
  double mean = 0.0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double ss = 0.0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

}  // namespace cikit::stats
