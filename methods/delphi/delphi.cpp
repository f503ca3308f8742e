/// \file delphi.cpp
/// Indicator screening in a Delphi consultation (delphi.hpp): per-indicator statistics (mean,
/// SD, CV, full-score ratio) from ratings or from score-count tables, the keep/revise/drop
/// verdicts (fixed cut-offs and the boundary-value method), and the experts' authority
/// coefficients. Agreement statistics are in delphi_agreement.cpp, content validity in
/// delphi_content_validity.cpp.
#include "methods/delphi/delphi.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double mean_of(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double sd_of(const std::vector<double>& v, SdConvention c) {
  const double m = mean_of(v);
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  const double d = static_cast<double>(v.size()) - (c == SdConvention::Sample ? 1.0 : 0.0);
  return d > 0 ? std::sqrt(ss / d) : kNaN;
}

}  // namespace

ItemStats item_statistics(const Eigen::MatrixXd& ratings, const ItemStatsOptions& options) {
  if (ratings.rows() == 0 || ratings.cols() == 0) throw InvalidInput("item_statistics: empty ratings matrix");
  if (!std::isfinite(options.scale_max)) throw InvalidInput("item_statistics: scale_max must be finite");
  ItemStats s;
  const Eigen::Index n = ratings.cols();
  double full = options.scale_max;
  if (options.full_score == FullScoreRule::ObservedMaximum) {
    full = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = 0; i < ratings.rows(); ++i)
        if (!std::isnan(ratings(i, j))) full = std::max(full, ratings(i, j));
  }
  s.full_score = full;
  s.n.resize(n);
  s.mean.resize(n);
  s.sd.resize(n);
  s.cv.resize(n);
  s.full_score_ratio.resize(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    double cnt = 0, sum = 0, top = 0;
    for (Eigen::Index i = 0; i < ratings.rows(); ++i) {
      const double x = ratings(i, j);
      if (std::isnan(x)) continue;
      cnt += 1;
      sum += x;
      if (x >= full) top += 1;
    }
    s.n(j) = cnt;
    const double mean = cnt > 0 ? sum / cnt : kNaN;
    double ss = 0;
    for (Eigen::Index i = 0; i < ratings.rows(); ++i)
      if (!std::isnan(ratings(i, j))) ss += (ratings(i, j) - mean) * (ratings(i, j) - mean);
    s.mean(j) = mean;
    s.sd(j) = cnt > 1 ? std::sqrt(ss / (cnt - 1)) : kNaN;
    s.cv(j) = (std::abs(mean) > 0 && !std::isnan(s.sd(j))) ? s.sd(j) / mean : kNaN;
    s.full_score_ratio(j) = cnt > 0 ? top / cnt : kNaN;
    if (cnt < 2)
      s.warnings.push_back(fmt::format("item_statistics: indicator column {} has {} rating(s); SD and CV are NA", j + 1,
                                       cnt));
  }
  return s;
}

ItemStats item_statistics_from_counts(const Eigen::MatrixXd& counts, const Eigen::VectorXd& scores,
                                      const ItemStatsOptions& options) {
  if (counts.cols() != scores.size() || counts.rows() == 0 || counts.cols() == 0)
    throw InvalidInput(fmt::format("item_statistics_from_counts: counts is {}x{} but there are {} scores",
                                   counts.rows(), counts.cols(), scores.size()));
  for (Eigen::Index j = 0; j < counts.rows(); ++j)
    for (Eigen::Index s = 0; s < counts.cols(); ++s) {
      const double c = counts(j, s);
      if (!(c >= 0) || !(std::floor(c) >= c))
        throw InvalidInput(fmt::format("item_statistics_from_counts: count {} of indicator row {} is not a "
                                       "non-negative integer",
                                       c, j + 1));
    }
  // Expand into a ratings matrix (experts anonymous; rows padded with NaN).
  const auto max_n = static_cast<Eigen::Index>(counts.rowwise().sum().maxCoeff());
  Eigen::MatrixXd r = Eigen::MatrixXd::Constant(std::max<Eigen::Index>(max_n, 1), counts.rows(), kNaN);
  for (Eigen::Index j = 0; j < counts.rows(); ++j) {
    Eigen::Index row = 0;
    for (Eigen::Index s = 0; s < counts.cols(); ++s)
      for (Eigen::Index c = 0; c < static_cast<Eigen::Index>(counts(j, s)); ++c) r(row++, j) = scores(s);
  }
  return item_statistics(r, options);
}

// ---------------------------------------------------------------------------------------------

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Keep: return "keep";
    case Verdict::Revise: return "revise";
    case Verdict::Drop: return "drop";
  }
  return "?";
}

ScreeningResult screen_indicators(const ItemStats& stats, const ScreeningOptions& options) {
  const Eigen::Index n = stats.mean.size();
  if (n == 0) throw InvalidInput("screen_indicators: no indicators");
  if (stats.cv.size() != n || stats.full_score_ratio.size() != n)
    throw InvalidInput("screen_indicators: mean, CV and full-score vectors differ in length");
  for (Eigen::Index j = 0; j < n; ++j)
    if (std::isnan(stats.mean(j)) || std::isnan(stats.cv(j)) || std::isnan(stats.full_score_ratio(j)))
      throw InvalidInput(fmt::format("screen_indicators: indicator column {} has an undefined mean, CV or "
                                     "full-score ratio (fewer than 2 ratings or mean 0)",
                                     j + 1));
  ScreeningResult r;
  const auto un = static_cast<std::size_t>(n);
  r.fail_mean.assign(un, false);
  r.fail_cv.assign(un, false);
  r.fail_full_score.assign(un, false);
  r.fail_boundary_mean.assign(un, false);
  r.fail_boundary_cv.assign(un, false);
  r.fail_boundary_full_score.assign(un, false);
  r.verdict.assign(un, Verdict::Keep);
  r.thresholds = {kNaN, kNaN, kNaN};
  if (options.boundary) {
    std::vector<double> m(stats.mean.begin(), stats.mean.end()), k(stats.full_score_ratio.begin(),
                                                                     stats.full_score_ratio.end()),
        c(stats.cv.begin(), stats.cv.end());
    if (n < 2) r.warnings.push_back("screen_indicators: boundary method needs >= 2 indicators; not applied");
    else
      r.thresholds = {mean_of(m) - sd_of(m, options.boundary_sd), mean_of(k) - sd_of(k, options.boundary_sd),
                      mean_of(c) + sd_of(c, options.boundary_sd)};
  }
  const bool have_boundary = options.boundary && n >= 2;
  auto constant = [&](const Eigen::VectorXd& v, const char* what) {
    const bool c = have_boundary && !(v.maxCoeff() > v.minCoeff());
    if (c)
      r.warnings.push_back(fmt::format("screen_indicators: every indicator has the same {} ({}); that boundary "
                                       "criterion is not applied",
                                       what, v(0)));
    return c;
  };
  const bool constant_m = constant(stats.mean, "mean"), constant_k = constant(stats.full_score_ratio, "full-score ratio"),
             constant_c = constant(stats.cv, "CV");
  for (std::size_t j = 0; j < un; ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    r.fail_mean[j] = !(stats.mean(jj) >= options.min_mean);
    r.fail_cv[j] = !(stats.cv(jj) < options.max_cv);
    r.fail_full_score[j] = options.min_full_score >= 0 && !(stats.full_score_ratio(jj) >= options.min_full_score);
    int fixed_rules = 2, fixed_fail = int(r.fail_mean[j]) + int(r.fail_cv[j]);
    if (options.min_full_score >= 0) {
      ++fixed_rules;
      fixed_fail += int(r.fail_full_score[j]);
    }
    int boundary_fail = 0;
    if (have_boundary) {
      // A criterion on which every indicator is equal (SD 0) does not discriminate: not applied.
      r.fail_boundary_mean[j] = !constant_m && !(stats.mean(jj) > r.thresholds.mean);
      r.fail_boundary_full_score[j] = !constant_k && !(stats.full_score_ratio(jj) > r.thresholds.full_score);
      r.fail_boundary_cv[j] = !constant_c && !(stats.cv(jj) < r.thresholds.cv);
      boundary_fail = int(r.fail_boundary_mean[j]) + int(r.fail_boundary_full_score[j]) + int(r.fail_boundary_cv[j]);
    }
    if (fixed_fail == fixed_rules || boundary_fail == 3) r.verdict[j] = Verdict::Drop;
    else if (fixed_fail > 0 || boundary_fail > 0) r.verdict[j] = Verdict::Revise;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------

AuthorityResult authority_coefficients(const std::vector<ExpertAuthorityAnswers>& experts,
                                       const AuthorityTables& tables) {
  if (experts.empty()) throw InvalidInput("authority_coefficients: no experts");
  AuthorityResult r;
  const auto m = static_cast<Eigen::Index>(experts.size());
  r.ca.resize(m);
  r.cs.resize(m);
  r.cr.resize(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const auto& e = experts[static_cast<std::size_t>(i)];
    if (e.basis.size() != tables.basis.size())
      throw InvalidInput(fmt::format("authority_coefficients: expert {} has {} judgment-basis answers, the table has "
                                     "{} sources",
                                     i + 1, e.basis.size(), tables.basis.size()));
    double ca = 0;
    for (std::size_t s = 0; s < e.basis.size(); ++s) {
      const auto& src = tables.basis[s];
      ca += e.basis[s] == BasisLevel::High ? src.high : e.basis[s] == BasisLevel::Medium ? src.medium : src.low;
    }
    double cs = kNaN;
    for (const auto& [name, v] : tables.familiarity)
      if (name == e.familiarity) cs = v;
    if (std::isnan(cs))
      throw InvalidInput(fmt::format("authority_coefficients: expert {} has unknown familiarity level '{}'", i + 1,
                                     e.familiarity));
    r.ca(i) = ca;
    r.cs(i) = cs;
    r.cr(i) = (ca + cs) / 2;
  }
  r.ca_mean = r.ca.mean();
  r.cs_mean = r.cs.mean();
  r.cr_mean = (r.ca_mean + r.cs_mean) / 2;
  r.acceptable = r.cr_mean >= tables.min_cr;
  if (!r.acceptable)
    r.warnings.push_back(fmt::format("authority coefficient Cr = {:.3f} is below {:.2f}", r.cr_mean, tables.min_cr));
  return r;
}

}  // namespace cikit
