#include "methods/treat/treat.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "methods/core/error.hpp"
#include "methods/describe/describe.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// COINr log_CT's offset as a fraction of the range ("a <- 0.01*(max(x)-min(x))").
constexpr double kLogCtOffset = 0.01;

Location at_indicator(const std::string& id) {
  Location where;
  where.indicator = id;
  return where;
}

std::string unit_label(const std::vector<std::string>& ids, Eigen::Index i) {
  return static_cast<Eigen::Index>(ids.size()) > i ? fmt::format("unit '{}'", ids[static_cast<std::size_t>(i)])
                                                   : fmt::format("row {}", i + 1);
}

std::vector<double> available(const Eigen::Ref<const Eigen::VectorXd>& x) {
  std::vector<double> v;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isnan(x(i))) v.push_back(x(i));
  return v;
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double a : v) s += a;
  return s / static_cast<double>(v.size());
}

/// R `median`: middle value, or the mean of the two middle values for even n.
double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct SkewKurt {
  double skew = kNaN, kurt = kNaN;
  bool flagged = false;
};

SkewKurt skew_kurt(const Eigen::VectorXd& x, const TreatConfig& c) {
  // describe_column: G1/G2 (e1071 type 2) over the available values, NaN when undefined.
  const IndicatorStats s = describe_column(x);
  SkewKurt r{s.skewness, s.kurtosis, false};
  r.flagged = std::abs(r.skew) > c.skew && r.kurt > c.kurtosis;  // NaN -> not flagged
  return r;
}

void impute_column(Eigen::Ref<Eigen::VectorXd> col, Eigen::Index j, const std::string& id,
                   const TreatConfig& c, const std::vector<std::string>& groups, TreatResult& r,
                   ColumnTreatment& ct) {
  const std::vector<double> avail = available(col);
  if (avail.size() == static_cast<std::size_t>(col.size())) return;
  if (avail.empty()) {
    r.warnings.push_back(fmt::format("treat: indicator '{}' has no available value; nothing to impute from", id));
    return;
  }
  std::map<std::string, double> group_mean;
  if (c.impute == ImputeMethod::GroupMean) {
    std::map<std::string, std::pair<double, Eigen::Index>> acc;
    for (Eigen::Index i = 0; i < col.size(); ++i)
      if (!std::isnan(col(i))) {
        auto& a = acc[groups[static_cast<std::size_t>(i)]];
        a.first += col(i);
        ++a.second;
      }
    for (const auto& [g, a] : acc) group_mean[g] = a.first / static_cast<double>(a.second);
  }
  const double fill = c.impute == ImputeMethod::Mean ? mean_of(avail) : c.impute == ImputeMethod::Median ? median_of(avail) : kNaN;
  const char* action = c.impute == ImputeMethod::Mean     ? "impute_mean"
                       : c.impute == ImputeMethod::Median ? "impute_median"
                                                          : "impute_group_mean";
  std::set<std::string> empty_groups;
  for (Eigen::Index i = 0; i < col.size(); ++i) {
    if (!std::isnan(col(i))) continue;
    double v = fill;
    if (c.impute == ImputeMethod::GroupMean) {
      const std::string& g = groups[static_cast<std::size_t>(i)];
      const auto it = group_mean.find(g);
      if (it == group_mean.end()) {
        empty_groups.insert(g);
        continue;
      }
      v = it->second;
    }
    col(i) = v;
    ++ct.n_imputed;
    r.points.push_back(TreatedPoint{i, j, action, kNaN, v});
  }
  for (const auto& g : empty_groups)
    r.warnings.push_back(fmt::format("treat: indicator '{}': group '{}' (column '{}') has no available value; its "
                                     "missing values stay missing",
                                     id, g, c.group));
}

void record_transform(const Eigen::VectorXd& before, const Eigen::VectorXd& after, Eigen::Index j,
                      TransformMethod t, TreatResult& r) {
  const std::string action(method_info(transform_methods(), t).name);
  for (Eigen::Index i = 0; i < before.size(); ++i)
    if (!std::isnan(before(i))) r.points.push_back(TreatedPoint{i, j, action, before(i), after(i)});
}

Eigen::VectorXd apply_transform(const Eigen::VectorXd& x, TransformMethod t, const std::string& id,
                                const std::vector<std::string>& unit_ids) {
  switch (t) {
    case TransformMethod::Log: return log_transform(x, id, unit_ids);
    case TransformMethod::LogCT: return log_ct_transform(x, id);
    case TransformMethod::None: break;
  }
  return x;
}

/// One winsorisation step at the high (or low) end: every unit at the extreme gets the next
/// distinct value. Returns false when there is no next value (all equal).
bool winsorise_step(Eigen::VectorXd& x, bool high, std::vector<char>& changed, Eigen::Index& n_changed,
                    std::vector<char>& side_high) {
  double ext = high ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isnan(x(i))) ext = high ? std::max(ext, x(i)) : std::min(ext, x(i));
  double next = high ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  bool found = false;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double v = x(i);
    if (std::isnan(v)) continue;
    if (high ? v < ext : v > ext) {
      next = high ? std::max(next, v) : std::min(next, v);
      found = true;
    }
  }
  if (!found) return false;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double v = x(i);
    if (std::isnan(v) || (high ? v < ext : v > ext)) continue;
    x(i) = next;
    const auto k = static_cast<std::size_t>(i);
    if (!changed[k]) {
      changed[k] = 1;
      side_high[k] = high ? 1 : 0;
      ++n_changed;
    }
  }
  return true;
}

void treat_outliers(Eigen::Ref<Eigen::VectorXd> col, Eigen::Index j, const std::string& id, const TreatConfig& c,
                    const std::vector<std::string>& unit_ids, TreatResult& r, ColumnTreatment& ct) {
  const Eigen::VectorXd original = col;
  Eigen::VectorXd x = original;
  SkewKurt sk = skew_kurt(x, c);
  std::vector<char> changed(static_cast<std::size_t>(x.size()), 0), side_high(changed.size(), 0);
  Eigen::Index n_changed = 0;
  while (sk.flagged && n_changed < c.winmax) {
    if (!winsorise_step(x, sk.skew >= 0, changed, n_changed, side_high)) {
      r.warnings.push_back(fmt::format("treat: indicator '{}': winsorising further would leave a single distinct value; "
                                       "stopped after {} point(s)",
                                       id, n_changed));
      break;
    }
    sk = skew_kurt(x, c);
  }
  if (sk.flagged && c.fallback != TransformMethod::None) {
    // Winsorising up to winmax did not clear the flag: discard it, transform the original values.
    const Eigen::VectorXd y = apply_transform(original, c.fallback, id, unit_ids);
    record_transform(original, y, j, c.fallback, r);
    col = y;
    ct.transform = c.fallback;
    ct.summary = fmt::format("{} (winsorising {} point(s) did not clear the flag)",
                             method_info(transform_methods(), c.fallback).name, n_changed);
    const SkewKurt after = skew_kurt(y, c);
    if (after.flagged)
      r.warnings.push_back(fmt::format("treat: indicator '{}' is still flagged after {} (|skew| {:.3g}, kurtosis {:.3g})",
                                       id, method_info(transform_methods(), c.fallback).name, std::abs(after.skew),
                                       after.kurt));
    return;
  }
  if (sk.flagged)
    r.warnings.push_back(fmt::format("treat: indicator '{}' is still flagged (|skew| {:.3g}, kurtosis {:.3g}) after "
                                     "winsorising {} point(s) and no fallback transform (fallback: none)",
                                     id, std::abs(sk.skew), sk.kurt, n_changed));
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (!changed[k]) continue;
    if (side_high[k]) ++ct.n_winsorised_high;
    else ++ct.n_winsorised_low;
    r.points.push_back(TreatedPoint{i, j, side_high[k] ? "winsorise_high" : "winsorise_low", original(i), x(i)});
  }
  col = x;
  if (n_changed > 0)
    ct.summary = fmt::format("winsorised {} point(s) ({} high, {} low)", n_changed, ct.n_winsorised_high,
                             ct.n_winsorised_low);
}

}  // namespace

Eigen::VectorXd log_transform(const Eigen::VectorXd& x, const std::string& indicator,
                              const std::vector<std::string>& unit_ids) {
  Eigen::VectorXd y(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double v = x(i);
    if (!std::isnan(v) && !(v > 0))
      throw DomainError(fmt::format("log: indicator '{}' has value {} for {}, but ln(x) needs x > 0 "
                                    "(use transform: log_ct, which shifts by the minimum)",
                                    indicator, v, unit_label(unit_ids, i)),
                        at_indicator(indicator));
    y(i) = std::log(v);
  }
  return y;
}

Eigen::VectorXd log_ct_transform(const Eigen::VectorXd& x, const std::string& indicator) {
  const std::vector<double> v = available(x);
  if (v.empty())
    throw DomainError(fmt::format("log_ct: indicator '{}' has no available value", indicator), at_indicator(indicator));
  const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
  const double range = *mx - *mn;
  if (!(range > 0) || !std::isfinite(range))
    throw DomainError(fmt::format("log_ct: indicator '{}' is constant (all {}); ln(x - min + 0.01 range) = ln 0 "
                                  "is undefined",
                                  indicator, *mn),
                      at_indicator(indicator));
  Eigen::VectorXd y(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) y(i) = std::log(x(i) - *mn + kLogCtOffset * range);
  return y;
}

bool treatment_requested(const TreatConfig& c) {
  return c.impute != ImputeMethod::None || c.outliers != OutlierMethod::None || !c.transform_by_indicator.empty();
}

TreatResult treat(const Eigen::MatrixXd& x, const std::vector<std::string>& indicator_ids,
                  const std::vector<std::string>& unit_ids, const TreatConfig& c,
                  const std::vector<std::string>& groups) {
  if (static_cast<Eigen::Index>(indicator_ids.size()) != x.cols())
    throw InvalidInput(fmt::format("treat: {} indicator ids for {} columns; must be one per column",
                                   indicator_ids.size(), x.cols()));
  if (!unit_ids.empty() && static_cast<Eigen::Index>(unit_ids.size()) != x.rows())
    throw InvalidInput(fmt::format("treat: {} unit ids for {} rows; must be one per row", unit_ids.size(), x.rows()));
  if (c.winmax < 0)
    throw InvalidInput(fmt::format("treat: winmax is {}, but must be >= 0", c.winmax));
  if (!(c.skew >= 0) || !(c.kurtosis >= -3) || !std::isfinite(c.skew) || !std::isfinite(c.kurtosis))
    throw InvalidInput(fmt::format("treat: thresholds skew {} and kurtosis {} must be finite (skew >= 0)", c.skew,
                                   c.kurtosis));
  if (c.impute == ImputeMethod::GroupMean && static_cast<Eigen::Index>(groups.size()) != x.rows())
    throw InvalidInput(fmt::format("treat: group_mean imputation needs one group label per unit ({} given for {} "
                                   "units); name the column in methods.treat.group",
                                   groups.size(), x.rows()));
  TreatResult r;
  r.values = x;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const std::string& id = indicator_ids[static_cast<std::size_t>(j)];
    ColumnTreatment ct;
    ct.id = id;
    auto col = r.values.col(j);
    if (c.impute != ImputeMethod::None) impute_column(col, j, id, c, groups, r, ct);
    const SkewKurt before = skew_kurt(col, c);
    ct.skew_before = before.skew;
    ct.kurt_before = before.kurt;
    ct.flagged_before = before.flagged;
    const auto own = c.transform_by_indicator.find(id);
    if (own != c.transform_by_indicator.end()) {
      if (own->second != TransformMethod::None) {
        const Eigen::VectorXd orig = col;
        const Eigen::VectorXd y = apply_transform(orig, own->second, id, unit_ids);
        record_transform(orig, y, j, own->second, r);
        col = y;
        ct.transform = own->second;
        ct.summary = std::string(method_info(transform_methods(), own->second).name) + " (indicator's transform:)";
      } else {
        ct.summary = "untreated (indicator's transform: none)";
      }
    } else if (c.outliers == OutlierMethod::Winsorise) {
      if (available(col).size() < 4)
        r.warnings.push_back(fmt::format("treat: indicator '{}' has fewer than 4 available values; skewness/kurtosis "
                                         "undefined, outlier check skipped",
                                         id));
      else
        treat_outliers(col, j, id, c, unit_ids, r, ct);
    }
    const SkewKurt after = skew_kurt(col, c);
    ct.skew_after = after.skew;
    ct.kurt_after = after.kurt;
    ct.flagged_after = after.flagged;
    if (ct.summary.empty()) ct.summary = ct.n_imputed > 0 ? fmt::format("imputed {} value(s)", ct.n_imputed) : "none";
    else if (ct.n_imputed > 0) ct.summary = fmt::format("imputed {} value(s); {}", ct.n_imputed, ct.summary);
    r.columns.push_back(std::move(ct));
  }
  return r;
}

}  // namespace cikit
