/// \file alpha_matrices.cpp
/// The alpha statistics computable from the covariance C and correlation R, shared by raw-data
/// and matrix input (alpha.hpp): psych's alpha.1, the Duhachek and Feldt intervals,
/// alpha.drop, the matrix parts of item.stats, the first-component key check and the
/// finite-result postcondition.
#include "methods/reliability/detail/alpha_matrices.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <optional>

#include "methods/core/error.hpp"
#include "methods/stats/matrix.hpp"

namespace cikit::reliability_detail {

namespace {

// psych's alpha.1(C, R).
struct Alpha1 {
  double raw = 0.0;
  double std_ = 0.0;
  double g6 = 0.0;
  double av_r = 0.0;
  double sn = 0.0;
  double q = 0.0;
  std::optional<double> var_r;
  double med_r = 0.0;
};

/// Below this reciprocal condition number of R (λ_min / max|λ|) the smc of the item-dropped
/// matrices are computed by one pseudo-inverse each, as psych does; at or above it by the
/// rank-one downdate of R⁻¹ (dropped_item_smc). Both routes carry rounding errors of order
/// eps·cond(R); at rcond ≥ 1e-4 they agree to ≤ 1e-13 in smc and G6 (tests/reliability,
/// alpha_test.cpp, "G6 if dropped": k = 5 … 100), far inside the 1e-12 the results promise.
constexpr double kDowndateMinRcond = 1e-4;

/// smc_j of R without item i for every pair (j ≠ i), from one inverse A = R⁻¹ instead of k
/// pseudo-inverses: the inverse of R with row and column i removed is the Schur complement
///   (R₋ᵢ)⁻¹ = A₋ᵢ,₋ᵢ − A₋ᵢ,ᵢ Aᵢ,₋ᵢ / Aᵢᵢ,  so  diag_j = A_jj − A_ji² / A_ii,
/// and smc_j = 1 − 1/diag_j, clipped to [0, 1] as stats::smc. Valid when R is well conditioned
/// (rcond ≥ kDowndateMinRcond > pinv tolerance): by Cauchy interlacing λ_min(R₋ᵢ) ≥ λ_min(R), so
/// the pseudo-inverse of every R₋ᵢ truncates nothing and equals its inverse. Returns the k × k
/// matrix M with M(j, i) = smc_j of R₋ᵢ (M(i, i) unused), or nothing when R is not that well
/// conditioned (the caller then takes psych's route). O(k³) for the eigen-decomposition plus
/// O(k²), instead of O(k⁴) for k decompositions (benchmarks/RESULTS.md, k = 500).
/// Reference: Golub & Van Loan (2013), Matrix Computations, 4th ed., §2.1.4 (Schur complements)
/// and §8.1.2 (interlacing).
std::optional<Eigen::MatrixXd> dropped_item_smc(const Eigen::MatrixXd& r, double tol) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r);
  if (es.info() != Eigen::Success) return std::nullopt;
  const Eigen::VectorXd& l = es.eigenvalues();
  const double top = l.cwiseAbs().maxCoeff();
  if (!(l.minCoeff() >= std::max(kDowndateMinRcond, tol) * top)) return std::nullopt;
  const Eigen::MatrixXd a = es.eigenvectors() * l.cwiseInverse().asDiagonal() * es.eigenvectors().transpose();
  const Eigen::Index k = r.cols();
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(k, k);
  for (Eigen::Index i = 0; i < k; ++i)
    for (Eigen::Index j = 0; j < k; ++j) {
      if (j == i) continue;
      double v = 1.0 - 1.0 / (a(j, j) - a(j, i) * a(j, i) / a(i, i));
      if (std::isnan(v)) v = 1.0;  // as stats::smc (psych: "smcs were set to 1.0")
      m(j, i) = std::clamp(v, 0.0, 1.0);
    }
  return m;
}

/// Median of the off-diagonal correlations of R without item i, for every item i: one sort of
/// the k(k−1)/2 values, then one pass per item over the sorted values that skips the pairs
/// containing i. These are the same order statistics stats::median takes from the reduced list,
/// so the same bits, in O(k² log k + k³) in all instead of O(k³ log k). k ≥ 3.
std::vector<double> dropped_item_medians(const Eigen::MatrixXd& r) {
  struct Entry {
    double v;
    Eigen::Index a, b;
  };
  const Eigen::Index k = r.cols();
  std::vector<Entry> e;
  e.reserve(static_cast<std::size_t>(k * (k - 1) / 2));
  for (Eigen::Index j = 0; j < k; ++j)
    for (Eigen::Index i = j + 1; i < k; ++i) e.push_back({r(i, j), i, j});
  std::sort(e.begin(), e.end(), [](const Entry& x, const Entry& y) { return x.v < y.v; });
  const std::size_t m = static_cast<std::size_t>((k - 1) * (k - 2) / 2);  // pairs left without one item
  const std::size_t lo = (m - 1) / 2, hi = m / 2;                        // stats::median's middle
  std::vector<double> out(static_cast<std::size_t>(k));
  for (Eigen::Index item = 0; item < k; ++item) {
    std::size_t pos = 0;
    double v_lo = 0.0, v_hi = 0.0;
    for (const Entry& x : e) {
      if (x.a == item || x.b == item) continue;
      if (pos == lo) v_lo = x.v;
      if (pos == hi) {
        v_hi = x.v;
        break;
      }
      ++pos;
    }
    out[static_cast<std::size_t>(item)] = m % 2 == 1 ? v_hi : (v_lo + v_hi) / 2.0;
  }
  return out;
}

Alpha1 alpha1(const Eigen::MatrixXd& c, const Eigen::MatrixXd& r, double tol, const std::string& what,
              const Eigen::VectorXd* smc_given = nullptr, const double* median_given = nullptr) {
  const auto k = static_cast<double>(c.cols());
  Alpha1 a;
  const double sum_c = c.sum();
  if (!(sum_c > 0.0) || !(r.sum() > 0.0))
    throw DomainError(std::string("alpha: the total of the items") + what +
                      " has zero variance (sum of the covariance or correlation matrix <= 0): the items are "
                      "linearly dependent; alpha undefined");
  const double tr_c = c.trace();
  a.raw = (1.0 - tr_c / sum_c) * (k / (k - 1.0));
  const double sum_r = r.sum();
  a.std_ = (1.0 - k / sum_r) * (k / (k - 1.0));
  a.g6 = 1.0 - (k - (smc_given != nullptr ? smc_given->sum() : stats::smc(r, tol).sum())) / sum_r;
  a.av_r = (sum_r - k) / (k * (k - 1.0));
  std::vector<double> lower;
  for (Eigen::Index j = 0; j < r.cols(); ++j)
    for (Eigen::Index i = j + 1; i < r.rows(); ++i) lower.push_back(r(i, j));
  if (lower.size() >= 2) a.var_r = stats::sample_variance(lower);
  a.med_r = median_given != nullptr ? *median_given : stats::median(lower);
  a.sn = k * a.av_r / (1.0 - a.av_r);
  // Q is scale-free (degree 3 over degree 3 in C): computed on C * 2^-e, 2^e at or above max |C|,
  // so that C² and (1'C1)³ cannot overflow for large-valued items; a power-of-two scaling is
  // exact, so the result is bit-identical to the unscaled formula whenever that is finite.
  int e = 0;
  (void)std::frexp(c.cwiseAbs().maxCoeff(), &e);
  e = std::max(e, -1000);  // 2^-e must stay finite
  const Eigen::MatrixXd cs = c * std::ldexp(1.0, -e);
  const double sum_s = cs.sum(), tr_s = cs.trace();
  // tr(C²) and 1ᵀC²1 without forming C² (O(k²), not O(k³) per call; C is symmetric):
  // tr(C²) = Σ_ab C_ab C_ba, 1ᵀC²1 = (1ᵀC)(C1). They differ from the product's sums by
  // rounding only (≤ 1e-15 relative in tests/reliability).
  const double tr_cc = cs.cwiseProduct(cs.transpose()).sum();
  const double sum_cc = cs.colwise().sum().dot(cs.rowwise().sum().transpose());
  a.q = (2.0 * k * k / ((k - 1.0) * (k - 1.0) * (sum_s * sum_s * sum_s))) *
        (sum_s * (tr_cc + tr_s * tr_s) - 2.0 * (tr_s * sum_cc));
  return a;
}

}  // namespace

// Fills every field computable from C and R (shared by raw and matrix input).
void fill_from_matrices(AlphaResult& res, const AlphaOptions& o, bool have_n) {
  const Eigen::MatrixXd& c = res.covariance;
  const Eigen::MatrixXd& r = res.correlation;
  const Eigen::Index k = c.cols();
  const double tol = o.pinv_tol;
  for (Eigen::Index j = 0; j < k; ++j)
    for (Eigen::Index i = j + 1; i < k; ++i)
      if (std::abs(r(i, j)) > 1.0 + o.perfect_r_tol)
        throw DomainError(std::string("alpha: items '") + res.items[static_cast<std::size_t>(i)] + "' and '" +
                              res.items[static_cast<std::size_t>(j)] + "' have r = " + fmt_g(r(i, j)) +
                              " outside [-1, 1]: R = cov2cor(pairwise C) (psych 2.2.9) mixes different rows "
                              "when values are missing; use listwise deletion",
                          Location{.indicator = res.items[static_cast<std::size_t>(i)]});
      else if (!(std::abs(r(i, j)) <= 1.0 - o.perfect_r_tol))
        throw DomainError(std::string("alpha: items '") + res.items[static_cast<std::size_t>(i)] + "' and '" +
                              res.items[static_cast<std::size_t>(j)] + "' are perfectly correlated (r = " +
                              fmt_g(r(i, j)) + "): a duplicated or mirrored indicator; alpha statistics undefined",
                          Location{.indicator = res.items[static_cast<std::size_t>(i)]});
  const Alpha1 a = alpha1(c, r, tol, "");
  res.raw_alpha = a.raw;
  res.std_alpha = a.std_;
  res.g6_smc = a.g6;
  res.average_r = a.av_r;
  res.signal_noise = a.sn;
  res.var_r = a.var_r;
  res.median_r = a.med_r;
  res.rcond = stats::rcond_symmetric(r);
  if (!(res.rcond > tol))
    res.warnings.push_back(std::string("the correlation matrix is singular (reciprocal condition number ") + fmt_g(res.rcond) +
                           "); G6 and smc use the Moore-Penrose pseudo-inverse");

  const auto n = static_cast<double>(res.n_obs);
  if (have_n) {
    if (a.q >= 0.0 && std::isfinite(a.q)) {
      res.ase = std::sqrt(a.q / n);
      const double z = std::abs(o.level - 0.95) <= 1e-12
                           ? o.duhachek_z
                           : boost::math::quantile(boost::math::normal_distribution<double>(), (1.0 + o.level) / 2.0);
      res.duhachek = Interval{res.raw_alpha - z * *res.ase, res.raw_alpha + z * *res.ase};
    } else {
      res.warnings.push_back(std::string("the Duhachek variance estimate Q is negative (") + fmt_g(a.q) +
                             "); ase and the Duhachek interval are not reported");
    }
    if (res.n_obs >= 2) {
      const boost::math::fisher_f_distribution<double> f(n - 1.0, (n - 1.0) * static_cast<double>(k - 1));
      const double p = 1.0 - o.level;
      res.feldt = Interval{1.0 - (1.0 - res.raw_alpha) * boost::math::quantile(f, 1.0 - p / 2.0),
                           1.0 - (1.0 - res.raw_alpha) * boost::math::quantile(f, p / 2.0)};
    }
  }

  // alpha.drop
  const bool se_column = have_n && res.n_obs > k;
  const std::optional<Eigen::MatrixXd> drop_smc = k > 2 ? dropped_item_smc(r, tol) : std::nullopt;
  const std::vector<double> drop_median = k > 2 ? dropped_item_medians(r) : std::vector<double>{};
  for (Eigen::Index i = 0; i < k; ++i) {
    AlphaDropRow row;
    row.item = res.items[static_cast<std::size_t>(i)];
    if (k > 2) {
      std::vector<Eigen::Index> keep;
      for (Eigen::Index j = 0; j < k; ++j)
        if (j != i) keep.push_back(j);
      const Eigen::MatrixXd ci = c(keep, keep);
      const Eigen::MatrixXd ri = r(keep, keep);
      Eigen::VectorXd smc_i;
      if (drop_smc) smc_i = drop_smc->col(i)(keep);
      const Alpha1 d = alpha1(ci, ri, tol, std::string(" without '") + row.item + "'", drop_smc ? &smc_i : nullptr,
                              &drop_median[static_cast<std::size_t>(i)]);
      row.raw_alpha = d.raw;
      row.std_alpha = d.std_;
      row.g6_smc = d.g6;
      row.average_r = d.av_r;
      row.signal_noise = d.sn;
      if (se_column && d.q >= 0.0) row.alpha_se = std::sqrt(d.q / n);
      row.var_r = d.var_r;
      row.median_r = d.med_r;
    } else {
      // psych's k = 2 special case: raw "alpha" = C12 / C_other,other, the rest from r12.
      const Eigen::Index other = 1 - i;
      const double r12 = r(0, 1);
      row.raw_alpha = c(0, 1) / c(other, other);
      row.std_alpha = r12;
      row.g6_smc = stats::smc(r, tol)[0];
      row.average_r = r12;
      row.signal_noise = r12 / (1.0 - r12);
      row.var_r = 0.0;
      row.median_r = r12;
    }
    res.alpha_drop.push_back(row);
  }
  if (have_n && !se_column)
    res.warnings.push_back(std::string("n = ") + std::to_string(res.n_obs) + " <= k = " + std::to_string(k) +
                           ": the standard errors of alpha-if-dropped are not reported (psych)");

  // item.stats (matrix parts)
  const double vt = r.sum();
  Eigen::MatrixXd rc = r;
  rc.diagonal() = stats::smc(r, tol);
  const double vtc = rc.sum();
  if (!(vtc > 0.0))
    res.warnings.push_back(std::string("item r.cor is not computable: the sum of the correlation matrix with smc on "
                                       "its diagonal is ") +
                           fmt_g(vtc) +
                           " <= 0 (the items are uncorrelated or negatively correlated on average; are some "
                           "indicators' directions wrong?)");
  for (Eigen::Index i = 0; i < k; ++i) {
    ItemStatsRow s;
    s.item = res.items[static_cast<std::size_t>(i)];
    s.std_r = r.col(i).sum() / std::sqrt(vt);
    if (vtc > 0.0) s.r_cor = rc.col(i).sum() / std::sqrt(vtc);
    double v_drop = 0.0;  // sum(C[-i, -i]) summed directly, as psych
    for (Eigen::Index b = 0; b < k; ++b)
      for (Eigen::Index a2 = 0; a2 < k; ++a2)
        if (a2 != i && b != i) v_drop += c(a2, b);
    const double c_drop = c.col(i).sum() - c(i, i);
    s.r_drop = c_drop / std::sqrt(c(i, i) * v_drop);
    res.item_stats.push_back(s);
  }
}

void check_finite_result(const AlphaResult& r, const char* fn) {
  bool ok = std::isfinite(r.raw_alpha) && std::isfinite(r.std_alpha) && std::isfinite(r.g6_smc) &&
            std::isfinite(r.average_r) && std::isfinite(r.median_r);
  for (const auto& d : r.alpha_drop) ok = ok && std::isfinite(d.raw_alpha) && std::isfinite(d.std_alpha);
  for (const auto& s : r.item_stats) ok = ok && std::isfinite(s.std_r) && (!s.r_cor || std::isfinite(*s.r_cor));
  if (!ok) throw InternalError(std::string(fn) + ": a non-finite statistic escaped (please report)");
}

void check_pc1(AlphaResult& res, const AlphaOptions& o) {
  if (!o.check_keys) return;
  const Eigen::VectorXd l = stats::first_pc_loadings(res.correlation);
  for (Eigen::Index j = 0; j < l.size(); ++j)
    if (l[j] < 0.0) res.negative_pc1_items.push_back(res.items[static_cast<std::size_t>(j)]);
  if (!res.negative_pc1_items.empty())
    res.warnings.push_back(std::string("items ") + join(res.negative_pc1_items) +
                           " load negatively on the first principal component and probably should be reversed "
                           "(keys = -1); they were not reversed");
}

}  // namespace cikit::reliability_detail
