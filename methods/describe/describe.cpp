#include "methods/describe/describe.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Smallest sample sizes for which the type-2 moments are defined (Joanes & Gill 1998).
constexpr Eigen::Index kMinNForSd = 2;
constexpr Eigen::Index kMinNForSkewness = 3;
constexpr Eigen::Index kMinNForKurtosis = 4;

/// Validates the options (STYLE 7.2: options are validated on entry).
void check_options(const DescribeOptions& options) {
  if (!(options.skew_threshold >= 0) || !std::isfinite(options.skew_threshold))
    throw InvalidInput(fmt::format("describe: skew_threshold is {}, but must be finite and >= 0",
                                   options.skew_threshold));
  if (!std::isfinite(options.kurt_threshold))
    throw InvalidInput(
        fmt::format("describe: kurt_threshold is {}, but must be finite", options.kurt_threshold));
  if (!(options.zero_variance_tol >= 0) || !std::isfinite(options.zero_variance_tol))
    throw InvalidInput(fmt::format(
        "describe: zero_variance_tol is {}, but must be finite and >= 0", options.zero_variance_tol));
}

/// Statistics of one column; `n_infinite` receives the number of +-Inf values (which are
/// available values, not missing, but make the moments undefined).
IndicatorStats column_stats(const Eigen::Ref<const Eigen::VectorXd>& x, const DescribeOptions& options,
                            Eigen::Index& n_infinite) {
  IndicatorStats s;
  n_infinite = 0;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double v = x(i);
    if (std::isnan(v)) {
      ++s.n_missing;
      continue;
    }
    ++s.n;
    if (std::isinf(v)) ++n_infinite;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }

  s.mean = s.sd = s.skewness = s.kurtosis = kNaN;
  s.min = s.max = kNaN;
  if (s.n == 0) {
    s.all_missing = true;
    s.zero_variance = true;  // "constant (or n < 2)": nothing can be normalised or correlated
    return s;
  }
  s.min = lo;
  s.max = hi;
  if (n_infinite > 0) return s;  // moments undefined; describe() warns

  const auto n = static_cast<double>(s.n);
  // The moments are computed on x * 2^-e, with 2^e the power of two at or above max |x|, and
  // scaled back: multiplying by a power of two is exact, so the results are bit-identical to the
  // unscaled sums whenever those do not overflow, and values up to DBL_MAX (whose squares and
  // sums would overflow to inf) still get a finite mean and sd. Skewness and kurtosis are
  // scale-free.
  int e = 0;
  (void)std::frexp(std::max(std::abs(lo), std::abs(hi)), &e);
  e = std::max(e, -1000);  // 2^-e must stay finite (subnormal inputs are not scaled up further)
  const double down = std::ldexp(1.0, -e);
  // Pass 1: mean, refined by the mean of the residuals (as R's mean(); Higham 2002, §1.6a
  // and §4.5) so that the deviations below are centred to working precision.
  double sum_scaled = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isnan(x(i))) sum_scaled += x(i) * down;
  double mean = sum_scaled / n;
  double resid = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isnan(x(i))) resid += x(i) * down - mean;
  mean += resid / n;
  s.mean = std::ldexp(mean, e);

  // Pass 2: central sums S_k = sum (x - mean)^k (two-pass algorithm; Chan, Golub & LeVeque
  // 1983, "Algorithms for computing the sample variance", Am. Stat. 37:242), on the scaled values.
  double s2 = 0, s3 = 0, s4 = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (std::isnan(x(i))) continue;
    const double d = x(i) * down - mean;
    const double d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }

  if (s.n < kMinNForSd) {
    s.zero_variance = true;  // a single value is constant
    return s;
  }
  s.sd = std::ldexp(std::sqrt(s2 / (n - 1)), e);
  // NaN-safe: a NaN sd counts as zero variance.
  if (!(s.sd > options.zero_variance_tol * std::max(1.0, std::abs(s.mean)))) {
    s.zero_variance = true;
    return s;  // skewness and kurtosis stay NaN (undefined for sd = 0)
  }

  // Biased moments m_k = S_k / n; g1 = m3 / m2^{3/2}, g2 = m4 / m2^2 - 3.
  const double m2 = s2 / n;
  const double m3 = s3 / n;
  const double m4 = s4 / n;
  if (s.n >= kMinNForSkewness) {
    const double g1 = m3 / (m2 * std::sqrt(m2));
    s.skewness = std::sqrt(n * (n - 1)) / (n - 2) * g1;  // G1 (type 2)
  }
  if (s.n >= kMinNForKurtosis) {
    const double g2 = m4 / (m2 * m2) - 3;
    s.kurtosis = ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3));  // G2 (type 2)
  }
  // Comparisons with NaN are false, so undefined moments never raise the flag.
  s.outlier_flag =
      std::abs(s.skewness) > options.skew_threshold && s.kurtosis > options.kurt_threshold;
  return s;
}

/// The one warning sentence about an indicator, or "" when nothing is to be said.
std::string warning_for(const IndicatorStats& s, Eigen::Index column, Eigen::Index n_infinite,
                        const DescribeOptions& options) {
  const std::string who = fmt::format("indicator '{}' (column {})", s.id, column + 1);
  if (s.all_missing)
    return fmt::format("{}: all {} values are missing; no statistics can be computed.", who,
                       s.n_missing);
  if (n_infinite > 0)
    return fmt::format(
        "{}: {} of {} available values are infinite; mean, sd, skewness and kurtosis are "
        "undefined (NaN).",
        who, n_infinite, s.n);
  if (s.n < kMinNForSd)
    return fmt::format(
        "{}: only 1 available value ({}); sd, skewness and kurtosis are undefined (NaN) and the "
        "indicator cannot be normalised.",
        who, s.min);
  if (s.zero_variance) {
    const std::string what =
        (s.min < s.max)
            ? fmt::format("sd {:.3g} <= {} x max(1, |mean|) over {} available values", s.sd,
                          options.zero_variance_tol, s.n)
            : fmt::format("all {} available values equal {}", s.n, s.min);
    return fmt::format(
        "{}: zero variance ({}); skewness and kurtosis are undefined (NaN) and the "
        "indicator cannot be normalised or correlated.",
        who, what);
  }
  if (s.n < kMinNForKurtosis)
    return fmt::format("{}: only {} available values; {} undefined (NaN).", who, s.n,
                       s.n < kMinNForSkewness ? "skewness (needs 3) and kurtosis (needs 4) are"
                                              : "kurtosis (needs 4) is");
  if (s.outlier_flag)
    return fmt::format(
        "{}: skewness {:.3f} and kurtosis {:.3f} exceed the outlier rule (|skewness| > {} and "
        "kurtosis > {}); consider a treatment (winsorising or a log transform).",
        who, s.skewness, s.kurtosis, options.skew_threshold, options.kurt_threshold);
  return {};
}

}  // namespace

IndicatorStats describe_column(const Eigen::Ref<const Eigen::VectorXd>& x,
                               const DescribeOptions& options) {
  check_options(options);
  Eigen::Index n_infinite = 0;
  return column_stats(x, options, n_infinite);
}

DescribeResult describe(const Dataset& data, const DescribeOptions& options) {
  check_options(options);
  const Eigen::Index p = data.n_indicators();
  if (static_cast<Eigen::Index>(data.indicator_ids.size()) != p)
    throw InvalidInput(fmt::format(
        "describe: the dataset has {} indicator ids, but must have one per column ({} columns)",
        data.indicator_ids.size(), p));

  DescribeResult r;
  r.n_units = data.n_units();
  r.indicators.reserve(static_cast<std::size_t>(p));
  for (Eigen::Index j = 0; j < p; ++j) {
    Eigen::Index n_infinite = 0;
    IndicatorStats s = column_stats(data.values.col(j), options, n_infinite);
    s.id = data.indicator_ids[static_cast<std::size_t>(j)];
    std::string w = warning_for(s, j, n_infinite, options);
    if (!w.empty()) r.warnings.push_back(std::move(w));
    r.n_missing += s.n_missing;
    r.indicators.push_back(std::move(s));
  }
  r.unit_missing.resize(static_cast<std::size_t>(r.n_units));
  for (Eigen::Index i = 0; i < r.n_units; ++i)
    r.unit_missing[static_cast<std::size_t>(i)] = data.values.row(i).array().isNaN().count();
  return r;
}

}  // namespace cikit
