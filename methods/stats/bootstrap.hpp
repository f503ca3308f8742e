#pragma once
/// \file bootstrap.hpp
/// Bootstrap confidence intervals from a vector of replicate values: percentile (R type-7
/// quantiles, as psych::alpha's `boot.ci`) and BCa (Efron 1987, as boot::boot.ci(type = "bca")).
/// These functions only summarise replicates; drawing them (one random stream per replicate,
/// methods/core/random.hpp) is the caller's job, so they serve any statistic.

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace cikit {

/// A two-sided interval [lower, upper].
struct Interval {
  double lower = 0.0;
  double upper = 0.0;
};

/// R's default quantile (type 7, Hyndman & Fan 1996): with sorted x_(1..m) and h = (m - 1) p,
/// Q(p) = x_(floor h + 1) + (h - floor h)(x_(floor h + 2) - x_(floor h + 1)).
/// @param values any order; non-finite values are an error (filter them first).
/// @param p in [0, 1].
/// @throws InvalidInput if `values` is empty or holds a non-finite value, or p is outside [0, 1].
/// Reference: Hyndman & Fan (1996), Sample quantiles in statistical packages, Am. Stat. 50:361,
///   doi:10.1080/00031305.1996.10473566.
[[nodiscard]] double quantile_type7(const Eigen::VectorXd& values, double p);

/// Percentile interval: [Q7((1 - level)/2), Q7((1 + level)/2)] of the replicates (type-7
/// quantiles; psych::alpha's `boot.ci`). Note boot::boot.ci(type = "perc") interpolates
/// differently (its `norm.inter`), so its bounds differ in the 3rd–4th decimal for B = 1000.
/// @throws InvalidInput if `replicates` is empty or non-finite, or level is not in (0, 1).
[[nodiscard]] Interval percentile_interval(const Eigen::VectorXd& replicates, double level = 0.95);

/// BCa interval with its two constants.
struct BcaInterval {
  Interval interval;
  double z0 = 0.0;            ///< bias correction Φ⁻¹(#{t_b < t0} / B)
  double acceleration = 0.0;  ///< a = Σ L_i³ / (6 (Σ L_i²)^{3/2}), L = jackknife influence values
  Interval adjusted_levels;   ///< the adjusted probabilities α₁, α₂ used to pick the order statistics
  bool extreme_order_statistics = false;  ///< (B + 1)α outside (1, B): an end point is a min/max
};

/// Bias-corrected and accelerated (BCa) bootstrap interval, exactly as boot::bca.ci:
/// \f[ z_0 = \Phi^{-1}(\#\{t_b < t_0\}/B),\quad
///     a = \frac{\sum_i L_i^3}{6(\sum_i L_i^2)^{3/2}},\quad
///     L_i = (n-1)(\bar\theta_{(\cdot)} - \theta_{(i)}), \f]
/// \f[ \alpha_{1,2} = \Phi\Big(z_0 + \frac{z_0 + z_{\alpha}}{1 - a (z_0 + z_{\alpha})}\Big),
///     z_{\alpha} = \Phi^{-1}((1 \mp \mathrm{level})/2), \f]
/// end points = boot's `norm.inter`: with r = (B + 1)α and k = floor(r), t_(k) if r is an
/// integer, else interpolation between t_(k) and t_(k+1) on the normal-quantile scale
/// (t_(1) if k = 0, t_(B) if k = B). The jackknife values θ_(i) (statistic without unit i)
/// give the acceleration; the factor (n − 1) cancels.
/// @param replicates bootstrap values t_b (B ≥ 2, finite).
/// @param estimate   t0, the statistic on the full sample.
/// @param jackknife  θ_(i), i = 1..n (n ≥ 2, finite).
/// @return nullopt (and a sentence in `*why` when given) if z0 is infinite (all t_b ≥ t0 or
///         all < t0) or a is undefined (all jackknife values equal), as boot.ci stops there.
/// @throws InvalidInput if a vector is too short or holds a non-finite value, or level ∉ (0, 1).
/// Reference: Efron (1987), Better bootstrap confidence intervals, JASA 82:171,
///   doi:10.1080/01621459.1987.10478410; Davison & Hinkley (1997), Bootstrap Methods and their
///   Application, CUP, §5.3 (boot package), doi:10.1017/CBO9780511802843.
[[nodiscard]] std::optional<BcaInterval> bca_interval(const Eigen::VectorXd& replicates, double estimate,
                                                      const Eigen::VectorXd& jackknife, double level = 0.95,
                                                      std::string* why = nullptr);

}  // namespace cikit
