#pragma once
/// \file norm_inter.hpp
/// boot's norm.inter percentile rule for bootstrap intervals (methods/stats). BCa intervals:
/// methods/stats/bootstrap.hpp.
#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace cikit::stats {

/// boot's norm.inter (Davison & Hinkley 1997, eq. 5.8): the alpha quantile of sorted t
/// (size R) by interpolation on the normal-quantile scale between order statistics
/// k = floor((R + 1) alpha) and k + 1; t_(k) if (R + 1) alpha is an integer; t_(1) / t_(R) at
/// the extremes (flagging `extreme`).
double norm_inter(const std::vector<double>& sorted, double alpha, bool* extreme);



}  // namespace cikit::stats
