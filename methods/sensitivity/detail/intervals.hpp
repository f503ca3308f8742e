#pragma once
// Private: bootstrap interval end points from replicate values. Kept behind this small
// interface so that it can be replaced by methods/reliability/bootstrap.hpp (quantile_type7,
// percentile_interval, bca_interval; branch `reliability`) once both are merged.
#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace cikit::sensitivity_detail {

/// boot's norm.inter (Davison & Hinkley 1997, eq. 5.8): the alpha quantile of sorted t
/// (size R) by interpolation on the normal-quantile scale between order statistics
/// k = floor((R + 1) alpha) and k + 1; t_(k) if (R + 1) alpha is an integer; t_(1) / t_(R) at
/// the extremes (flagging `extreme`).
double norm_inter(const std::vector<double>& sorted, double alpha, bool* extreme);

struct BcaEnds {
  double lower = 0.0;
  double upper = 0.0;
  double z0 = 0.0;
  double acceleration = 0.0;
  bool extreme = false;
};

/// BCa end points (Efron 1987; boot::bca.ci with L = jackknife influence values):
/// z0 = Φ⁻¹(#{t_b < t0}/R), a = Σ L³ / (6 (Σ L²)^{3/2}), L_i = mean(θ_(.)) - θ_(i),
/// α_{1,2} = Φ(z0 + (z0 + z_α)/(1 - a (z0 + z_α))), ends = norm_inter(t, α).
/// nullopt with `why` when z0 is infinite or a undefined (boot.ci stops there).
std::optional<BcaEnds> bca_ends(const std::vector<double>& sorted, double t0, const std::vector<double>& jack,
                                double level, std::string& why);

}  // namespace cikit::sensitivity_detail
