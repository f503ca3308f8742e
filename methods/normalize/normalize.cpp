#include "methods/normalize/normalize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

/// Function names used as the first word of error messages (STYLE 7.3).
const char* function_name(NormalizeMethod method) {
  switch (method) {
    case NormalizeMethod::MinMax: return "min_max";
    case NormalizeMethod::ZScore: return "z_score";
    case NormalizeMethod::Goalposts: return "goalposts";
  }
  return "normalize";
}

/// Available-case summary of one column: n, min, max, mean and sd (n-1).
struct ColumnSummary {
  Eigen::Index n = 0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  double mean = std::numeric_limits<double>::quiet_NaN();
  double sd = std::numeric_limits<double>::quiet_NaN();  ///< NaN when n < 2
};

/// Two-pass moments (mean refined by the mean residual, then the central sum of squares;
/// Chan, Golub & LeVeque 1983, Am. Stat. 37:242), skipping NaN. Throws on +-Inf, which is
/// not "missing" and would make every bound infinite.
ColumnSummary summarize(const Eigen::Ref<const Eigen::VectorXd>& x, const char* fname,
                        Eigen::Index column, const Location& where) {
  ColumnSummary s;
  double sum = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double v = x(i);
    if (std::isnan(v)) continue;
    if (std::isinf(v))
      throw InvalidInput(fmt::format("{}: column {} has value {} in row {}, but values must be "
                                     "finite (NaN marks a missing value)",
                                     fname, column + 1, v, i + 1),
                         where);
    ++s.n;
    sum += v;
    s.min = std::min(s.min, v);
    s.max = std::max(s.max, v);
  }
  if (s.n == 0) return s;
  const auto n = static_cast<double>(s.n);
  double mean = sum / n;
  double resid = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isnan(x(i))) resid += x(i) - mean;
  mean += resid / n;
  s.mean = mean;
  if (s.n < 2) return s;
  double ss = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (std::isnan(x(i))) continue;
    const double d = x(i) - mean;
    ss += d * d;
  }
  s.sd = std::sqrt(ss / (n - 1));
  return s;
}

/// "zero range (all 41.2)" when every value is equal, otherwise the spread and the rule.
std::string degenerate_detail(const ColumnSummary& s, const char* what, double spread,
                              double tol) {
  if (!(s.min < s.max)) return fmt::format("zero {} (all {})", what, s.min);
  return fmt::format("zero {} ({} {:.3g} <= {} x max(1, |mean| = {:.6g}))", what, what, spread,
                     tol, std::abs(s.mean));
}

void check_options(const std::vector<ColumnInfo>& columns, Eigen::Index n_cols,
                   const NormalizeOptions& options, const char* fname) {
  if (static_cast<Eigen::Index>(columns.size()) != n_cols)
    throw InvalidInput(fmt::format(
        "{}: {} column infos were given, but x has {} columns; must be one per column", fname,
        columns.size(), n_cols));
  if (!(options.range_lo < options.range_hi) || !std::isfinite(options.range_lo) ||
      !std::isfinite(options.range_hi))
    throw InvalidInput(fmt::format(
        "{}: target range is [{}, {}], but lo must be finite and < hi (finite)", fname,
        options.range_lo, options.range_hi));
  if (!(options.zero_range_tol >= 0) || !std::isfinite(options.zero_range_tol))
    throw InvalidInput(fmt::format("{}: zero_range_tol is {}, but must be finite and >= 0", fname,
                                   options.zero_range_tol));
}

}  // namespace

NormalizeResult normalize(const Eigen::MatrixXd& x, const std::vector<ColumnInfo>& columns,
                          const NormalizeOptions& options) {
  const char* fname = function_name(options.method);
  check_options(columns, x.cols(), options, fname);
  const double lo = options.range_lo;
  const double hi = options.range_hi;
  const double tol = options.zero_range_tol;

  NormalizeResult r;
  r.values.resize(x.rows(), x.cols());
  r.center.resize(x.cols());
  r.scale.resize(x.cols());
  r.n_truncated.assign(static_cast<std::size_t>(x.cols()), 0);

  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const ColumnInfo& info = columns[static_cast<std::size_t>(j)];
    // Not `Location{.indicator = id}`: g++ 12 warns -Wmissing-field-initializers on it.
    Location where;
    where.indicator = info.id;
    const bool negative = info.direction == Direction::Negative;
    const ColumnSummary s = summarize(x.col(j), fname, j, where);
    if (s.n == 0)
      throw DomainError(fmt::format("{}: column {} has no available value (all {} missing); "
                                    "normalisation undefined",
                                    fname, j + 1, x.rows()),
                        where);

    // Min-max maps t in [0, 1] to [lo, hi] with std::lerp, which is exact at t = 0 and 1,
    // monotone, and stays within [lo, hi] (so min -> lo and max -> hi exactly).
    switch (options.method) {
      case NormalizeMethod::MinMax: {
        const double range = s.max - s.min;
        if (!(range > tol * std::max(1.0, std::abs(s.mean))))
          throw DomainError(fmt::format("{}: column {} has {}; normalisation undefined", fname,
                                        j + 1, degenerate_detail(s, "range", range, tol)),
                            where);
        if (!std::isfinite(range))
          throw DomainError(fmt::format("{}: column {} has range [{}, {}] whose width overflows a "
                                        "double; rescale the indicator",
                                        fname, j + 1, s.min, s.max),
                            where);
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
          const double v = x(i, j);
          const double t = negative ? (s.max - v) / range : (v - s.min) / range;
          r.values(i, j) = std::isnan(v) ? v : std::lerp(lo, hi, t);
        }
        r.center(j) = s.min;
        r.scale(j) = range;
        break;
      }
      case NormalizeMethod::ZScore: {
        if (s.n < 2)
          throw DomainError(fmt::format("{}: column {} has a single available value ({}); sd "
                                        "undefined; normalisation undefined",
                                        fname, j + 1, s.min),
                            where);
        if (!(s.sd > tol * std::max(1.0, std::abs(s.mean))))
          throw DomainError(fmt::format("{}: column {} has {}; normalisation undefined", fname,
                                        j + 1, degenerate_detail(s, "sd", s.sd, tol)),
                            where);
        if (!std::isfinite(s.sd))
          throw DomainError(fmt::format("{}: column {} has an sd that overflows a double (values "
                                        "in [{}, {}]); rescale the indicator",
                                        fname, j + 1, s.min, s.max),
                            where);
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
          const double v = x(i, j);
          r.values(i, j) = negative ? (s.mean - v) / s.sd : (v - s.mean) / s.sd;
        }
        r.center(j) = s.mean;
        r.scale(j) = s.sd;
        break;
      }
      case NormalizeMethod::Goalposts: {
        if (!info.goalposts)
          throw DomainError(fmt::format("{}: column {} has no goalposts; give [min, max] for "
                                        "each indicator (spec `goalposts:`)",
                                        fname, j + 1),
                            where);
        const auto [gmin, gmax] = *info.goalposts;
        if (!(gmin < gmax) || !std::isfinite(gmin) || !std::isfinite(gmax))
          throw InvalidInput(fmt::format("{}: column {} has goalposts [{}, {}], but they must be "
                                         "finite with min < max",
                                         fname, j + 1, gmin, gmax),
                             where);
        const double range = gmax - gmin;
        Eigen::Index clipped = 0;
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
          const double v = x(i, j);
          if (std::isnan(v)) {
            r.values(i, j) = v;
            continue;
          }
          if (v < gmin || v > gmax) ++clipped;
          const double c = std::clamp(v, gmin, gmax);
          const double t = negative ? (gmax - c) / range : (c - gmin) / range;
          r.values(i, j) = std::lerp(lo, hi, t);
        }
        r.center(j) = gmin;
        r.scale(j) = range;
        r.n_truncated[static_cast<std::size_t>(j)] = clipped;
        break;
      }
    }

    // Postcondition (STYLE 7.3): every available input value has a finite output.
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isnan(x(i, j)) && !std::isfinite(r.values(i, j)))
        throw InternalError(fmt::format("{}: non-finite output {} for row {} of column {} ('{}')",
                                        fname, r.values(i, j), i + 1, j + 1, info.id));
  }
  return r;
}

}  // namespace cikit
