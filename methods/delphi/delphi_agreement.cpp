/// \file delphi_agreement.cpp
/// Agreement among the experts of a Delphi panel (delphi.hpp): Kendall's W with mid-ranks and
/// its permutation p, the intraclass correlation (ICC), Fleiss' kappa and Krippendorff's alpha,
/// with their distribution helpers (chi-squared and F tails, tie sums).
#include "methods/core/cancel.hpp"
#include "methods/delphi/delphi.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <omp.h>

#include "methods/core/error.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double chi2_upper(double x, double df) {
  if (!(df > 0) || !std::isfinite(df)) return kNaN;
  if (!(x > 0)) return 1.0;
  if (std::isinf(x)) return 0.0;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared(df), x));
}

// Upper tail and upper quantile of F(df1, df2); NaN when a degree of freedom is not positive
// and finite (Boost would throw a std::domain_error: e.g. a Satterthwaite df of 0 when the
// ICC is 0, or one item). Callers report NaN as "not available".
bool valid_df(double df1, double df2) { return df1 > 0 && df2 > 0 && std::isfinite(df1) && std::isfinite(df2); }

double f_upper(double x, double df1, double df2) {
  if (!valid_df(df1, df2)) return kNaN;
  if (!(x > 0)) return 1.0;
  if (std::isinf(x)) return 0.0;
  return boost::math::cdf(boost::math::complement(boost::math::fisher_f(df1, df2), x));
}

double f_quantile_upper(double q, double df1, double df2) {  // qf(1 - q, df1, df2)
  if (!valid_df(df1, df2)) return kNaN;
  return boost::math::quantile(boost::math::complement(boost::math::fisher_f(df1, df2), q));
}

void require_finite(const Eigen::MatrixXd& x, const char* fn) {
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isfinite(x(i, j)))
        throw InvalidInput(fmt::format("{}: score of expert row {} on indicator column {} is {} (missing or "
                                       "infinite); drop incomplete experts first",
                                       fn, i + 1, j + 1, x(i, j)));
}

/// Sum over tie groups of t^3 - t in a sorted copy of x.
double tie_sum(Eigen::VectorXd x) {
  std::sort(x.begin(), x.end());
  double t = 0;
  Eigen::Index i = 0;
  while (i < x.size()) {
    Eigen::Index k = i + 1;
    while (k < x.size() && !(x(i) < x(k))) ++k;
    const auto g = static_cast<double>(k - i);
    t += g * g * g - g;
    i = k;
  }
  return t;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

Eigen::VectorXd mid_ranks(const Eigen::VectorXd& x) {
  const Eigen::Index n = x.size();
  std::vector<Eigen::Index> idx(static_cast<std::size_t>(n));
  std::iota(idx.begin(), idx.end(), Eigen::Index{0});
  for (Eigen::Index i = 0; i < n; ++i)
    if (std::isnan(x(i))) throw InvalidInput("mid_ranks: NaN in the values to rank");
  std::stable_sort(idx.begin(), idx.end(), [&](Eigen::Index a, Eigen::Index b) { return x(a) < x(b); });
  Eigen::VectorXd r(n);
  std::size_t i = 0;
  while (i < idx.size()) {
    std::size_t k = i + 1;
    while (k < idx.size() && !(x(idx[i]) < x(idx[k]))) ++k;
    const double rank = (static_cast<double>(i + 1) + static_cast<double>(k)) / 2.0;
    for (std::size_t q = i; q < k; ++q) r(idx[q]) = rank;
    i = k;
  }
  return r;
}

KendallResult kendall_w(const Eigen::MatrixXd& ratings, const KendallOptions& options) {
  const Eigen::Index m = ratings.rows(), n = ratings.cols();
  if (m < 2) throw InvalidInput(fmt::format("kendall_w: needs at least 2 experts (rows), got {}", m));
  if (n < 2) throw InvalidInput(fmt::format("kendall_w: needs at least 2 indicators (columns), got {}", n));
  if (options.permutations < 0)
    throw InvalidInput(fmt::format("kendall_w: permutations must be >= 0, got {}", options.permutations));
  if (options.threads < 0) throw InvalidInput("kendall_w: threads must be >= 0");
  require_finite(ratings, "kendall_w");

  KendallResult r;
  r.n_experts = static_cast<int>(m);
  r.n_indicators = static_cast<int>(n);
  Eigen::MatrixXd ranks(m, n);
  for (Eigen::Index i = 0; i < m; ++i) {
    ranks.row(i) = mid_ranks(ratings.row(i).transpose()).transpose();
    r.ties += tie_sum(ratings.row(i).transpose());
  }
  const double md = static_cast<double>(m), nd = static_cast<double>(n);
  r.rank_sums = ranks.colwise().sum().transpose();
  const double centre = md * (nd + 1) / 2;
  r.s = (r.rank_sums.array() - centre).square().sum();
  const double denom_u = md * md * (nd * nd * nd - nd);
  const double denom_t = denom_u - md * r.ties;
  if (!(denom_t > 0))
    throw DomainError("kendall_w: every expert gave all indicators the same score, so there is no ranking and W "
                      "is undefined");
  r.w = 12 * r.s / denom_t;
  r.w_uncorrected = 12 * r.s / denom_u;
  r.df = static_cast<int>(n - 1);
  r.chi2 = md * (nd - 1) * r.w;
  r.chi2_uncorrected = md * (nd - 1) * r.w_uncorrected;
  r.p = chi2_upper(r.chi2, r.df);
  r.p_uncorrected = chi2_upper(r.chi2_uncorrected, r.df);
  r.f_df1 = nd - 1 - 2 / md;
  r.f_df2 = (md - 1) * r.f_df1;
  if (r.w < 1) {
    r.f = (md - 1) * r.w / (1 - r.w);
    r.p_f = r.f_df1 > 0 ? f_upper(r.f, r.f_df1, r.f_df2) : kNaN;
  } else {
    r.f = std::numeric_limits<double>::infinity();
    r.p_f = 0;
  }
  if (!(r.f_df1 > 0)) {
    r.p_f = kNaN;
    r.warnings.push_back("kendall_w: F approximation undefined (n - 1 - 2/m <= 0); p_F is NA");
  }
  if (n <= 7)
    r.warnings.push_back(fmt::format(
        "kendall_w: only {} indicators; the chi-squared approximation is poor for n <= 7, use the permutation p", n));

  r.permutations = options.permutations;
  r.p_permutation = kNaN;
  if (options.permutations > 0) {
    const int B = options.permutations;
    std::vector<unsigned char> hit(static_cast<std::size_t>(B), 0);
    const double s_obs = r.s * (1 - 1e-12);
    const int threads = options.threads;
#pragma omp parallel for schedule(static) num_threads(threads > 0 ? threads : omp_get_max_threads())
    for (int b = 0; b < B; ++b) {
      if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
      auto g = make_stream(options.seed, StreamTag::Permutation, static_cast<std::uint64_t>(b));
      Eigen::VectorXd sums = Eigen::VectorXd::Zero(n);
      Eigen::VectorXd row(n);
      for (Eigen::Index i = 0; i < m; ++i) {
        row = ranks.row(i).transpose();
        for (Eigen::Index k = n - 1; k > 0; --k) {
          const auto j = static_cast<Eigen::Index>(uniform_index(g, static_cast<std::uint64_t>(k + 1)));
          std::swap(row(k), row(j));
        }
        sums += row;
      }
      const double s_b = (sums.array() - centre).square().sum();
      hit[static_cast<std::size_t>(b)] = s_b >= s_obs ? 1 : 0;
    }
    throw_if_cancelled();
    const double count = static_cast<double>(std::count(hit.begin(), hit.end(), 1));
    r.p_permutation = (count + 1) / (static_cast<double>(B) + 1);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------

IccResult intraclass_correlation(const Eigen::MatrixXd& ratings) {
  const Eigen::Index k = ratings.rows(), n = ratings.cols();  // k judges, n targets
  if (k < 2 || n < 2)
    throw InvalidInput(fmt::format("intraclass_correlation: needs >= 2 experts and >= 2 indicators, got {} x {}", k,
                                   n));
  require_finite(ratings, "intraclass_correlation");
  const double kd = static_cast<double>(k), nd = static_cast<double>(n);
  const double grand = ratings.mean();
  const Eigen::VectorXd target_means = ratings.colwise().mean().transpose();
  const Eigen::VectorXd judge_means = ratings.rowwise().mean();
  const double ssb = kd * (target_means.array() - grand).square().sum();
  const double ssj = nd * (judge_means.array() - grand).square().sum();
  const double sst = (ratings.array() - grand).square().sum();
  const double sse = std::max(0.0, sst - ssb - ssj);
  IccResult r;
  r.n_targets = static_cast<int>(n);
  r.n_judges = static_cast<int>(k);
  const double dfb = nd - 1, dfj = kd - 1, dfe = (nd - 1) * (kd - 1);
  r.msb = ssb / dfb;
  r.msj = ssj / dfj;
  r.mse = sse / dfe;
  r.msw = (ssj + sse) / (dfj + dfe);
  if (!(sst > 0)) throw DomainError("intraclass_correlation: all scores are equal; the ICC is undefined");
  const double MSB = r.msb, MSW = r.msw, MSJ = r.msj, MSE = r.mse;
  const double icc1 = (MSB - MSW) / (MSB + (kd - 1) * MSW);
  const double icc2 = (MSB - MSE) / (MSB + (kd - 1) * MSE + kd * (MSJ - MSE) / nd);
  const double icc3 = (MSB - MSE) / (MSB + (kd - 1) * MSE);
  const double icc1k = (MSB - MSW) / MSB;
  const double icc2k = (MSB - MSE) / (MSB + (MSJ - MSE) / nd);
  const double icc3k = (MSB - MSE) / MSB;
  const double f11 = MSB / MSW, df11n = nd - 1, df11d = nd * (kd - 1);
  const double f21 = MSB / MSE, df21n = nd - 1, df21d = (nd - 1) * (kd - 1);
  const double p11 = f_upper(f11, df11n, df11d), p21 = f_upper(f21, df21n, df21d);
  const double a2 = 0.025;
  const double f1l = f11 / f_quantile_upper(a2, df11n, df11d), f1u = f11 * f_quantile_upper(a2, df11d, df11n);
  const double f3l = f21 / f_quantile_upper(a2, df21n, df21d), f3u = f21 * f_quantile_upper(a2, df21d, df21n);
  const double fj = MSJ / MSE;
  const double vn = (kd - 1) * (nd - 1) * std::pow(kd * icc2 * fj + nd * (1 + (kd - 1) * icc2) - kd * icc2, 2);
  const double vd = (nd - 1) * kd * kd * icc2 * icc2 * fj * fj + std::pow(nd * (1 + (kd - 1) * icc2) - kd * icc2, 2);
  const double v = vn / vd;
  const double fu2 = f_quantile_upper(a2, nd - 1, v), fl2 = f_quantile_upper(a2, v, nd - 1);
  const double l2 = nd * (MSB - fu2 * MSE) / (fu2 * (kd * MSJ + (kd * nd - kd - nd) * MSE) + nd * MSB);
  const double u2 = nd * (fl2 * MSB - MSE) / (kd * MSJ + (kd * nd - kd - nd) * MSE + nd * fl2 * MSB);
  r.icc = {
      {"ICC(1,1)", "ICC(1)", icc1, f11, df11n, df11d, p11, (f1l - 1) / (f1l + kd - 1), (f1u - 1) / (f1u + kd - 1)},
      {"ICC(2,1)", "ICC(A,1)", icc2, f21, df21n, df21d, p21, l2, u2},
      {"ICC(3,1)", "ICC(C,1)", icc3, f21, df21n, df21d, p21, (f3l - 1) / (f3l + kd - 1), (f3u - 1) / (f3u + kd - 1)},
      {"ICC(1,k)", "ICC(k)", icc1k, f11, df11n, df11d, p11, 1 - 1 / f1l, 1 - 1 / f1u},
      {"ICC(2,k)", "ICC(A,k)", icc2k, f21, df21n, df21d, p21, l2 * kd / (1 + l2 * (kd - 1)),
       u2 * kd / (1 + u2 * (kd - 1))},
      {"ICC(3,k)", "ICC(C,k)", icc3k, f21, df21n, df21d, p21, 1 - 1 / f3l, 1 - 1 / f3u},
  };
  if (MSJ < MSE)
    r.warnings.push_back("intraclass_correlation: MSJ < MSE (negative rater variance); ANOVA estimates kept, as "
                         "SPSS and irr (psych's lmer = TRUE would differ)");
  return r;
}

FleissKappaResult fleiss_kappa(const Eigen::MatrixXd& ratings) {
  const Eigen::Index m = ratings.rows(), n = ratings.cols();
  if (m < 2 || n < 1) throw InvalidInput("fleiss_kappa: needs >= 2 experts and >= 1 item");
  require_finite(ratings, "fleiss_kappa");
  std::map<double, Eigen::Index> cat;
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < m; ++i) cat.emplace(ratings(i, j), 0);
  Eigen::Index c = 0;
  for (auto& [v, idx] : cat) idx = c++;
  if (c < 2) throw DomainError("fleiss_kappa: only one score category was used; kappa is undefined");
  Eigen::MatrixXd t = Eigen::MatrixXd::Zero(n, c);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < m; ++i) t(j, cat.at(ratings(i, j))) += 1;
  const double md = static_cast<double>(m), nd = static_cast<double>(n);
  const double agree = ((t.array().square().rowwise().sum() - md) / (md * (md - 1))).sum() / nd;
  const Eigen::ArrayXd pj = t.colwise().sum().transpose().array() / (nd * md);
  const Eigen::ArrayXd qj = 1 - pj;
  const double chance = pj.square().sum();
  FleissKappaResult r;
  r.n_categories = static_cast<int>(c);
  r.kappa = (agree - chance) / (1 - chance);
  const double spq = (pj * qj).sum();
  const double var = 2 / (spq * spq * (nd * md * (md - 1))) * (spq * spq - (pj * qj * (qj - pj)).sum());
  r.z = r.kappa / std::sqrt(var);
  r.p = 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::abs(r.z)));
  return r;
}

double krippendorff_alpha(const Eigen::MatrixXd& ratings, AlphaLevel level) {
  std::map<double, Eigen::Index> cat;
  for (Eigen::Index j = 0; j < ratings.cols(); ++j)
    for (Eigen::Index i = 0; i < ratings.rows(); ++i)
      if (!std::isnan(ratings(i, j))) {
        if (std::isinf(ratings(i, j))) throw InvalidInput("krippendorff_alpha: infinite score");
        cat.emplace(ratings(i, j), 0);
      }
  Eigen::Index c = 0;
  std::vector<double> values;
  for (auto& [v, idx] : cat) {
    idx = c++;
    values.push_back(v);
  }
  Eigen::MatrixXd o = Eigen::MatrixXd::Zero(c, c);
  std::vector<Eigen::Index> unit;
  for (Eigen::Index j = 0; j < ratings.cols(); ++j) {
    unit.clear();
    for (Eigen::Index i = 0; i < ratings.rows(); ++i)
      if (!std::isnan(ratings(i, j))) unit.push_back(cat.at(ratings(i, j)));
    if (unit.size() < 2) continue;
    const double w = 1.0 / static_cast<double>(unit.size() - 1);
    for (std::size_t a = 0; a < unit.size(); ++a)
      for (std::size_t b = 0; b < unit.size(); ++b)
        if (a != b) o(unit[a], unit[b]) += w;
  }
  const Eigen::VectorXd nc = o.rowwise().sum();
  const double total = nc.sum();
  if (!(total >= 2)) throw InvalidInput("krippendorff_alpha: fewer than 2 pairable values (items with >= 2 ratings)");
  if (c < 2) throw DomainError("krippendorff_alpha: only one score value was used; alpha is undefined");
  auto delta2 = [&](Eigen::Index a, Eigen::Index b) -> double {
    const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
    switch (level) {
      case AlphaLevel::Nominal: return a == b ? 0.0 : 1.0;
      case AlphaLevel::Interval: return (values[ua] - values[ub]) * (values[ua] - values[ub]);
      case AlphaLevel::Ordinal: {
        const Eigen::Index lo = std::min(a, b), hi = std::max(a, b);
        double s = 0;
        for (Eigen::Index g = lo; g <= hi; ++g) s += nc(g);
        s -= (nc(a) + nc(b)) / 2;
        return s * s;
      }
    }
    return 0.0;
  };
  double d_o = 0, d_e = 0;
  for (Eigen::Index a = 0; a < c; ++a)
    for (Eigen::Index b = 0; b < c; ++b) {
      const double d = delta2(a, b);
      d_o += o(a, b) * d;
      d_e += nc(a) * nc(b) * d;
    }
  return 1 - (total - 1) * d_o / d_e;
}

}  // namespace cikit
