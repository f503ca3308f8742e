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
    case NormalizeMethod::Rank: return "rank";
    case NormalizeMethod::PercentileRank: return "percentile_rank";
    case NormalizeMethod::DistanceToReference: return "distance_to_reference";
    case NormalizeMethod::DistanceToTarget: return "distance_to_target";
    case NormalizeMethod::RatioToMean: return "ratio_to_mean";
    case NormalizeMethod::RatioToMax: return "ratio_to_max";
    case NormalizeMethod::Vector: return "vector_normalize";
    case NormalizeMethod::None: return "none";
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


/// "unit 'X'" when ids are given, else "row N" (1-based).
std::string unit_name(const NormalizeOptions& o, Eigen::Index i) {
  if (static_cast<Eigen::Index>(o.unit_ids.size()) > i) return fmt::format("unit '{}'", o.unit_ids[static_cast<std::size_t>(i)]);
  return fmt::format("row {}", i + 1);
}

/// Competition ranks ("min" ties, R rank(ties.method = "min")) of s over the available values:
/// rank_i = 1 + #{u : s_u < s_i}; NaN stays NaN. Sorting makes it O(n log n).
Eigen::VectorXd min_ranks(const Eigen::VectorXd& s) {
  std::vector<Eigen::Index> idx;
  for (Eigen::Index i = 0; i < s.size(); ++i)
    if (!std::isnan(s(i))) idx.push_back(i);
  std::stable_sort(idx.begin(), idx.end(), [&](Eigen::Index a, Eigen::Index b) { return s(a) < s(b); });
  Eigen::VectorXd r = Eigen::VectorXd::Constant(s.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t k = 0; k < idx.size(); ++k) {
    const bool tied = k > 0 && !(s(idx[k - 1]) < s(idx[k]));
    r(idx[k]) = tied ? r(idx[k - 1]) : static_cast<double>(k + 1);
  }
  return r;
}

/// The first available value <= 0 (ratio methods need a ratio scale), or -1.
Eigen::Index first_non_positive(const Eigen::Ref<const Eigen::VectorXd>& x) {
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isnan(x(i)) && !(x(i) > 0)) return i;
  return -1;
}

}  // namespace

NormalizeResult normalize(const Eigen::MatrixXd& x, const std::vector<ColumnInfo>& columns,
                          const NormalizeOptions& options) {
  check_options(columns, x.cols(), options, function_name(options.method));
  if (!options.unit_ids.empty() && static_cast<Eigen::Index>(options.unit_ids.size()) != x.rows())
    throw InvalidInput(fmt::format("normalize: {} unit ids were given, but x has {} rows", options.unit_ids.size(),
                                   x.rows()));
  const double lo = options.range_lo;
  const double hi = options.range_hi;
  const double tol = options.zero_range_tol;

  NormalizeResult r;
  r.values.resize(x.rows(), x.cols());
  r.center.resize(x.cols());
  r.scale.resize(x.cols());
  r.n_truncated.assign(static_cast<std::size_t>(x.cols()), 0);
  r.methods.assign(static_cast<std::size_t>(x.cols()), options.method);

  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const ColumnInfo& info = columns[static_cast<std::size_t>(j)];
    const NormalizeMethod method = info.method.value_or(options.method);
    r.methods[static_cast<std::size_t>(j)] = method;
    const char* fname = function_name(method);
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
    switch (method) {
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
      case NormalizeMethod::Rank:
      case NormalizeMethod::PercentileRank: {
        const bool pct = method == NormalizeMethod::PercentileRank;
        if (pct && s.n < 2)
          throw DomainError(fmt::format("{}: column {} has a single available value ({}); percentile ranks "
                                        "(rank - 1)/(n - 1) need n >= 2",
                                        fname, j + 1, s.min),
                            where);
        if (!(s.min < s.max))
          r.warnings.push_back(fmt::format("{}: indicator '{}' is constant (all {}): every unit shares rank 1",
                                           fname, info.id, s.min));
        const Eigen::VectorXd rk = min_ranks(negative ? Eigen::VectorXd(-x.col(j)) : Eigen::VectorXd(x.col(j)));
        const auto n1 = static_cast<double>(s.n - 1);
        for (Eigen::Index i = 0; i < x.rows(); ++i)
          r.values(i, j) = pct && !std::isnan(rk(i)) ? std::lerp(lo, hi, (rk(i) - 1.0) / n1) : rk(i);
        r.center(j) = std::numeric_limits<double>::quiet_NaN();
        r.scale(j) = static_cast<double>(s.n);
        break;
      }
      case NormalizeMethod::DistanceToReference:
      case NormalizeMethod::DistanceToTarget: {
        double target = 0;
        std::string what;
        if (method == NormalizeMethod::DistanceToTarget) {
          if (!info.target || !std::isfinite(*info.target))
            throw DomainError(fmt::format("{}: column {} has no (finite) target; give `target:` for the indicator",
                                          fname, j + 1),
                              where);
          target = *info.target;
          what = fmt::format("target {}", target);
        } else {
          if (!options.reference_row || *options.reference_row < 0 || *options.reference_row >= x.rows())
            throw InvalidInput(fmt::format("{}: no reference unit; set methods.normalize.reference to a unit id",
                                           fname),
                               where);
          const Eigen::Index ref = *options.reference_row;
          target = x(ref, j);
          if (std::isnan(target))
            throw DomainError(fmt::format("{}: column {}: the reference {} has a missing value; distance undefined",
                                          fname, j + 1, unit_name(options, ref)),
                              where);
          what = fmt::format("the reference {} ({})", unit_name(options, ref), target);
        }
        const double base = negative ? s.max : s.min;
        const double den = negative ? s.max - target : target - s.min;
        if (!(den > tol * std::max(1.0, std::abs(s.mean))) || !std::isfinite(den))
          throw DomainError(fmt::format("{}: column {}: {} is not {} the {} {}, so the distance is undefined; "
                                        "it must lie beyond the worst value",
                                        fname, j + 1, what, negative ? "below" : "above",
                                        negative ? "maximum" : "minimum", base),
                            where);
        Eigen::Index capped = 0;
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
          const double v = x(i, j);
          double t = negative ? (s.max - v) / den : (v - s.min) / den;
          if (options.cap_at_target && t > 1) {
            t = 1;
            ++capped;
          }
          r.values(i, j) = std::isnan(v) ? v : lo + (hi - lo) * t;
        }
        r.center(j) = base;
        r.scale(j) = den;
        r.n_truncated[static_cast<std::size_t>(j)] = capped;
        break;
      }
      case NormalizeMethod::RatioToMean:
      case NormalizeMethod::RatioToMax: {
        const Eigen::Index bad = first_non_positive(x.col(j));
        if (bad >= 0)
          throw DomainError(fmt::format("{}: column {} has value {} for {}, but ratios need every value > 0 "
                                        "(use minmax, or a log_ct transform first)",
                                        fname, j + 1, x(bad, j), unit_name(options, bad)),
                            where);
        const double ref = method == NormalizeMethod::RatioToMean ? s.mean : (negative ? s.min : s.max);
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
          const double v = x(i, j);
          r.values(i, j) = negative ? ref / v : v / ref;
        }
        r.center(j) = 0;
        r.scale(j) = ref;
        break;
      }
      case NormalizeMethod::Vector: {
        double ss = 0;
        const double big = std::max(std::abs(s.min), std::abs(s.max));  // scaled sum avoids overflow
        for (Eigen::Index i = 0; i < x.rows(); ++i)
          if (!std::isnan(x(i, j))) ss += (x(i, j) / big) * (x(i, j) / big);
        const double norm = big * std::sqrt(ss);
        if (!(big > 0) || !(norm > 0) || !std::isfinite(norm))
          throw DomainError(fmt::format("{}: column {} has every value 0; the vector norm is 0 and "
                                        "normalisation undefined",
                                        fname, j + 1),
                            where);
        for (Eigen::Index i = 0; i < x.rows(); ++i) r.values(i, j) = (negative ? -x(i, j) : x(i, j)) / norm;
        r.center(j) = 0;
        r.scale(j) = norm;
        break;
      }
      case NormalizeMethod::None: {
        // Raw (treated) values, direction not applied: the node's MCDA method treats a `-`
        // indicator as a cost criterion (build_index's mcda_node; preflight refuses the others).
        r.values.col(j) = x.col(j);
        r.center(j) = 0;
        r.scale(j) = 1;
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
