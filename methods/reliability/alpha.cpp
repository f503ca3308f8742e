#include "methods/reliability/alpha.hpp"

#include <algorithm>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <sstream>

#include "methods/core/error.hpp"
#include "methods/stats/matrix.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string fmt_g(double v) {
  std::ostringstream s;
  s.precision(3);
  s << v;
  return s.str();
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) s += ", ";
    s += '\'';
    s += v[i];
    s += '\'';
  }
  return s;
}

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

Alpha1 alpha1(const Eigen::MatrixXd& c, const Eigen::MatrixXd& r, double tol, const std::string& what) {
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
  a.g6 = 1.0 - (k - stats::smc(r, tol).sum()) / sum_r;
  a.av_r = (sum_r - k) / (k * (k - 1.0));
  std::vector<double> lower;
  for (Eigen::Index j = 0; j < r.cols(); ++j)
    for (Eigen::Index i = j + 1; i < r.rows(); ++i) lower.push_back(r(i, j));
  if (lower.size() >= 2) a.var_r = stats::sample_variance(lower);
  a.med_r = stats::median(lower);
  a.sn = k * a.av_r / (1.0 - a.av_r);
  const Eigen::MatrixXd cc = c * c;
  a.q = (2.0 * k * k / ((k - 1.0) * (k - 1.0) * (sum_c * sum_c * sum_c))) *
        (sum_c * (cc.trace() + tr_c * tr_c) - 2.0 * (tr_c * cc.sum()));
  return a;
}

void validate_options(const AlphaOptions& o, const char* fn) {
  if (!(o.level > 0.0 && o.level < 1.0))
    throw InvalidInput(std::string(fn) + ": level is " + std::to_string(o.level) + ", but must be in (0, 1)");
  if (o.bootstrap_replicates < 0)
    throw InvalidInput(std::string(fn) + ": bootstrap_replicates is " + std::to_string(o.bootstrap_replicates) +
                       ", but must be >= 0");
  if (o.min_pairwise_n < 2)
    throw InvalidInput(std::string(fn) + ": min_pairwise_n is " + std::to_string(o.min_pairwise_n) +
                       ", but must be >= 2");
  if (!(o.pinv_tol >= 0.0 && o.pinv_tol < 1.0))
    throw InvalidInput(std::string(fn) + ": pinv_tol must be in [0, 1)");
  if (!(o.duhachek_z > 0.0)) throw InvalidInput(std::string(fn) + ": duhachek_z must be > 0");
  if (!(o.perfect_r_tol >= 0.0 && o.perfect_r_tol < 1.0))
    throw InvalidInput(std::string(fn) + ": perfect_r_tol must be in [0, 1)");
}

std::vector<double> checked_keys(const AlphaOptions& o, Eigen::Index k, const char* fn) {
  if (o.keys.empty()) return std::vector<double>(static_cast<std::size_t>(k), 1.0);
  if (static_cast<Eigen::Index>(o.keys.size()) != k)
    throw InvalidInput(std::string(fn) + ": keys has " + std::to_string(o.keys.size()) +
                       " entries, but there are " + std::to_string(k) + " items");
  for (std::size_t j = 0; j < o.keys.size(); ++j)
    if (!(std::abs(o.keys[j]) >= 1.0 && std::abs(o.keys[j]) <= 1.0))  // exactly ±1
      throw InvalidInput(std::string(fn) + ": keys[" + std::to_string(j) + "] is " + std::to_string(o.keys[j]) +
                         ", but must be +1 or -1");
  return o.keys;
}

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
    if (a.q >= 0.0) {
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
  for (Eigen::Index i = 0; i < k; ++i) {
    AlphaDropRow row;
    row.item = res.items[static_cast<std::size_t>(i)];
    if (k > 2) {
      std::vector<Eigen::Index> keep;
      for (Eigen::Index j = 0; j < k; ++j)
        if (j != i) keep.push_back(j);
      const Eigen::MatrixXd ci = c(keep, keep);
      const Eigen::MatrixXd ri = r(keep, keep);
      const Alpha1 d = alpha1(ci, ri, tol, std::string(" without '") + row.item + "'");
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
  for (Eigen::Index i = 0; i < k; ++i) {
    ItemStatsRow s;
    s.item = res.items[static_cast<std::size_t>(i)];
    s.std_r = r.col(i).sum() / std::sqrt(vt);
    s.r_cor = rc.col(i).sum() / std::sqrt(vtc);
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
  for (const auto& s : r.item_stats) ok = ok && std::isfinite(s.std_r) && std::isfinite(s.r_cor);
  if (!ok) throw InternalError(std::string(fn) + ": a non-finite statistic escaped (please report)");
}

// Total scores: psych rowMeans(na.rm = TRUE) with dropped items counted as their row-1 value.
Eigen::VectorXd totals(const Eigen::MatrixXd& x, Eigen::Index n_bad, double sum_bad) {
  Eigen::VectorXd t(x.rows());
  const auto k = static_cast<double>(x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double s = 0.0;
    Eigen::Index m = 0;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (!std::isnan(x(i, j))) {
        s += x(i, j);
        ++m;
      }
    const double rm = m > 0 ? s / static_cast<double>(m) : kNaN;
    t[i] = n_bad > 0 ? (k * rm + sum_bad) / (k + static_cast<double>(n_bad)) : rm;
  }
  return t;
}

// Mean and sd (n-1) of the non-NaN entries; count in m.
void mean_sd(const Eigen::VectorXd& v, double& mean, double& sd, Eigen::Index& m) {
  double s = 0.0;
  m = 0;
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (!std::isnan(v[i])) {
      s += v[i];
      ++m;
    }
  mean = m > 0 ? s / static_cast<double>(m) : kNaN;
  double ss = 0.0;
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (!std::isnan(v[i])) ss += (v[i] - mean) * (v[i] - mean);
  sd = m > 1 ? std::sqrt(ss / static_cast<double>(m - 1)) : kNaN;
}

// Pairwise Pearson correlation of two vectors (NaN if < 2 pairs or zero variance).
double cor_pairwise(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  Eigen::MatrixXd m(a.size(), 2);
  m.col(0) = a;
  m.col(1) = b;
  double ma = 0.0, mb = 0.0;
  Eigen::Index cnt = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!std::isnan(a[i]) && !std::isnan(b[i])) {
      ma += a[i];
      mb += b[i];
      ++cnt;
    }
  if (cnt < 2) return kNaN;
  ma /= static_cast<double>(cnt);
  mb /= static_cast<double>(cnt);
  double sab = 0.0, saa = 0.0, sbb = 0.0;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!std::isnan(a[i]) && !std::isnan(b[i])) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
  return sab / std::sqrt(saa * sbb);
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

// Raw alpha of resamples and leave-one-out samples of complete data from row sums, without
// materialising the sample. With z = X − colMeans(X) (the full sample's means, once, so that the
// one-pass sums below do not cancel), per row q_i = Σ_j z_ij² and t_i = Σ_j z_ij, and a sample of
// m rows (with repeats): S_j = Σ z_ij, tr C = (Σ q_i − Σ_j S_j²/m)/(m − 1) and
// ΣC = var(row totals) = (Σ t_i² − (Σ t_i)²/m)/(m − 1), which is what raw_alpha computes on the
// materialised sample (C is invariant to the shift by the means); the two agree up to rounding
// (tests/reliability/alpha_test.cpp: max |difference| <= 1e-12). A bootstrap replicate costs
// O(n k) additions over contiguous rows and no allocation (the accumulator is the caller's, one
// per thread); the whole jackknife O(n k).
class RawAlphaSums {
 public:
  explicit RawAlphaSums(const Eigen::MatrixXd& x) : k_(x.cols()), rows_(x.rows(), x.cols() + 3) {
    const Eigen::RowVectorXd mean = x.colwise().mean();
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      double t = 0.0;
      double q = 0.0;
      for (Eigen::Index j = 0; j < k_; ++j) {
        const double z = x(i, j) - mean[j];
        rows_(i, j) = z;
        t += z;
        q += z * z;
      }
      rows_(i, k_) = q;
      rows_(i, k_ + 1) = t;
      rows_(i, k_ + 2) = t * t;
    }
  }

  /// raw_alpha of the resample drawn from `g` (n calls of uniform_index(g, n), as the
  /// materialising path draws them); NaN when every draw is the same row or ΣC is 0. Draws
  /// alternate between two halves of `acc` (two independent chains of additions, added at the end).
  double replicate(std::mt19937_64& g, Eigen::RowVectorXd& acc) const {
    const Eigen::Index n = rows_.rows();
    const Eigen::Index w = rows_.cols();
    const auto nu = static_cast<std::uint64_t>(n);
    acc.setZero(2 * w);
    double* __restrict a0 = acc.data();
    double* __restrict a1 = acc.data() + w;
    const double* __restrict z = rows_.data();
    const auto add = [w, z](double* __restrict a, std::uint64_t i) {
      const double* __restrict row = z + static_cast<Eigen::Index>(i) * w;
      for (Eigen::Index j = 0; j < w; ++j) a[j] += row[j];
    };
    const std::uint64_t first = uniform_index(g, nu);
    add(a0, first);
    bool varied = false;
    for (Eigen::Index r = 1; r < n; ++r) {
      const std::uint64_t i = uniform_index(g, nu);
      varied = varied || i != first;
      add((r & 1) != 0 ? a1 : a0, i);
    }
    for (Eigen::Index j = 0; j < w; ++j) a0[j] += a1[j];
    return varied ? from_sums(a0, n) : kNaN;  // a constant resample has C = 0
  }

  /// raw_alpha of X without row i, i = 0..n−1 (n >= 3).
  Eigen::VectorXd jackknife() const {
    const Eigen::Index n = rows_.rows();
    const Eigen::RowVectorXd all = rows_.colwise().sum();
    Eigen::RowVectorXd acc(rows_.cols());
    Eigen::VectorXd out(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      acc = all - rows_.row(i);
      out[i] = from_sums(acc.data(), n - 1);
    }
    return out;
  }

 private:
  // acc = [S_1..S_k, Σq, Σt, Σt²] over m rows.
  double from_sums(const double* acc, Eigen::Index m) const {
    const auto md = static_cast<double>(m);
    double s2 = 0.0;
    for (Eigen::Index j = 0; j < k_; ++j) s2 += acc[j] * acc[j];
    const double tr = (acc[k_] - s2 / md) / (md - 1.0);
    const double sum = (acc[k_ + 2] - acc[k_ + 1] * acc[k_ + 1] / md) / (md - 1.0);
    if (!(std::abs(sum) > 0.0)) return kNaN;
    const auto kd = static_cast<double>(k_);
    return (1.0 - tr / sum) * (kd / (kd - 1.0));
  }

  Eigen::Index k_;
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows_;  // [z, q, t, t²] per row
};

}  // namespace

double raw_alpha(const Eigen::MatrixXd& x) {
  const Eigen::Index k = x.cols();
  const Eigen::Index n = x.rows();
  if (k < 2 || n < 2) return kNaN;
  double tr = 0.0;
  double sum = 0.0;
  if (!x.hasNaN()) {
    // Complete data: ΣC = var(row sums), tr C = Σ var_j (same C as the pairwise formula).
    const Eigen::RowVectorXd mean = x.colwise().mean();
    const Eigen::MatrixXd centered = x.rowwise() - mean;
    const double d = static_cast<double>(n - 1);
    tr = centered.colwise().squaredNorm().sum() / d;
    sum = centered.rowwise().sum().squaredNorm() / d;
  } else {
    Eigen::MatrixXd c;
    try {
      c = stats::pairwise_covariance(x, 2, stats::item_names({}, k, "raw_alpha"), "raw_alpha");
    } catch (const DomainError&) {
      return kNaN;
    }
    tr = c.trace();
    sum = c.sum();
  }
  if (!(std::abs(sum) > 0.0)) return kNaN;
  const auto kd = static_cast<double>(k);
  return (1.0 - tr / sum) * (kd / (kd - 1.0));
}

Eigen::VectorXd raw_alpha_jackknife(const Eigen::MatrixXd& x) {
  // Leave-one-out updates of the pairwise sums: O(n k²) instead of n pairwise covariances
  // (O(n² k²)). Data are centred by their available-value column means first so that the
  // one-pass update Σab − a_r b_r − (Σa − a_r)(Σb − b_r)/m' does not cancel.
  const Eigen::Index n = x.rows();
  const Eigen::Index k = x.cols();
  Eigen::VectorXd out = Eigen::VectorXd::Constant(n, kNaN);
  if (k < 2 || n < 3) return out;
  if (!x.hasNaN()) return RawAlphaSums(x).jackknife();  // complete data: O(n k)
  Eigen::MatrixXd z = x;
  for (Eigen::Index j = 0; j < k; ++j) {
    double s = 0.0;
    Eigen::Index m = 0;
    for (Eigen::Index i = 0; i < n; ++i)
      if (!std::isnan(x(i, j))) {
        s += x(i, j);
        ++m;
      }
    if (m > 0) z.col(j).array() -= s / static_cast<double>(m);
  }
  // Pair sums over common rows (full symmetric storage for simple indexing).
  Eigen::MatrixXd cnt = Eigen::MatrixXd::Zero(k, k), sa = cnt, sb = cnt, sab = cnt;
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index b = 0; b < k; ++b) {
      const double vb = z(i, b);
      if (std::isnan(vb)) continue;
      for (Eigen::Index a = 0; a < k; ++a) {
        const double va = z(i, a);
        if (std::isnan(va)) continue;
        cnt(a, b) += 1.0;
        sa(a, b) += va;
        sb(a, b) += vb;
        sab(a, b) += va * vb;
      }
    }
  const auto kd = static_cast<double>(k);
  for (Eigen::Index r = 0; r < n; ++r) {
    double tr = 0.0;
    double sum = 0.0;
    bool ok = true;
    for (Eigen::Index b = 0; b < k && ok; ++b)
      for (Eigen::Index a = 0; a < k; ++a) {
        const double va = z(r, a);
        const double vb = z(r, b);
        const bool in = !std::isnan(va) && !std::isnan(vb);
        const double m = cnt(a, b) - (in ? 1.0 : 0.0);
        if (m < 2.0) {
          ok = false;
          break;
        }
        const double s_a = sa(a, b) - (in ? va : 0.0);
        const double s_b = sb(a, b) - (in ? vb : 0.0);
        const double s_ab = sab(a, b) - (in ? va * vb : 0.0);
        const double c = (s_ab - s_a * s_b / m) / (m - 1.0);
        sum += c;
        if (a == b) tr += c;
      }
    if (ok && std::abs(sum) > 0.0) out[r] = (1.0 - tr / sum) * (kd / (kd - 1.0));
  }
  return out;
}

AlphaResult alpha(const Eigen::MatrixXd& x_in, const AlphaOptions& o) {
  constexpr const char* fn = "alpha";
  validate_options(o, fn);
  if (x_in.cols() < 2)
    throw InvalidInput(std::string(fn) + ": X has " + std::to_string(x_in.cols()) +
                       " item column(s), but alpha needs at least 2");
  if (x_in.rows() < 2)
    throw InvalidInput(std::string(fn) + ": X has " + std::to_string(x_in.rows()) + " row(s), but needs at least 2");
  const auto names = stats::item_names(o.item_ids, x_in.cols(), fn);
  for (Eigen::Index j = 0; j < x_in.cols(); ++j)
    for (Eigen::Index i = 0; i < x_in.rows(); ++i)
      if (std::isinf(x_in(i, j)))
        throw InvalidInput(std::string(fn) + ": item '" + names[static_cast<std::size_t>(j)] + "' row " +
                               std::to_string(i + 1) + " is infinite",
                           Location{.indicator = names[static_cast<std::size_t>(j)]});
  const auto keys_all = checked_keys(o, x_in.cols(), fn);

  AlphaResult res;
  Eigen::MatrixXd x = x_in;
  if (o.missing == MissingRule::Listwise) {
    x = stats::complete_rows(x_in);
    if (x.rows() < 2)
      throw DomainError(std::string(fn) + ": listwise deletion leaves " + std::to_string(x.rows()) +
                        " complete row(s), but at least 2 are needed");
    if (x.rows() < x_in.rows())
      res.warnings.push_back(std::string("listwise: ") + std::to_string(x_in.rows() - x.rows()) +
                             " row(s) with missing values were removed");
  }

  // (1) Drop items with sd <= 0 or NA (psych delete = TRUE).
  std::vector<Eigen::Index> keep;
  Eigen::Index n_bad = 0;
  double sum_bad = 0.0;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    double mean = 0.0, sd = 0.0;
    Eigen::Index m = 0;
    mean_sd(x.col(j), mean, sd, m);
    if (sd > 0.0) {
      keep.push_back(j);
    } else {
      ++n_bad;
      if (!std::isnan(x(0, j))) sum_bad += x(0, j);
      const auto& id = names[static_cast<std::size_t>(j)];
      res.dropped_items.push_back(id);
      res.warnings.push_back(std::string("item '") + id + "' had no variance (" +
                             (m < 2 ? std::string("fewer than 2 values") : std::string("all ") + fmt_g(mean)) +
                             ") and was deleted, but is still counted in the total score (psych)");
    }
  }
  if (keep.size() < 2)
    throw DomainError(std::string(fn) + ": only " + std::to_string(keep.size()) +
                          " item(s) with variance remain after deleting constant items " + join(res.dropped_items) +
                          "; alpha needs at least 2",
                      Location{.indicator = res.dropped_items.empty() ? std::string() : res.dropped_items.front()});
  x = Eigen::MatrixXd(x(Eigen::all, keep));
  const Eigen::Index k = x.cols();
  for (const Eigen::Index j : keep) {
    res.items.push_back(names[static_cast<std::size_t>(j)]);
    res.keys.push_back(keys_all[static_cast<std::size_t>(j)]);
  }
  res.k = k;

  // (2) Reverse keyed items: (global max + global min) − x.
  if (std::any_of(res.keys.begin(), res.keys.end(), [](double v) { return v < 0.0; })) {
    double mx = -std::numeric_limits<double>::infinity();
    double mn = std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < k; ++j)
      for (Eigen::Index i = 0; i < x.rows(); ++i)
        if (!std::isnan(x(i, j))) {
          mx = std::max(mx, x(i, j));
          mn = std::min(mn, x(i, j));
        }
    for (Eigen::Index j = 0; j < k; ++j)
      if (res.keys[static_cast<std::size_t>(j)] < 0.0) {
        res.reversed_items.push_back(res.items[static_cast<std::size_t>(j)]);
        for (Eigen::Index i = 0; i < x.rows(); ++i) x(i, j) = (mx + mn) - x(i, j);
      }
  }

  // (3) C and R.
  res.covariance = stats::pairwise_covariance(x, o.min_pairwise_n, res.items, fn);
  res.correlation = stats::cov2cor(res.covariance);
  res.n_obs = x.rows();
  res.n_complete = stats::complete_rows(x).rows();
  if (res.n_obs <= k)
    res.warnings.push_back(std::string("n = ") + std::to_string(res.n_obs) + " <= k = " + std::to_string(k) +
                           " items: the correlation matrix is singular; interpret alpha with care");
  check_pc1(res, o);

  // (4) Whole-scale statistics, alpha.drop, item.stats.
  fill_from_matrices(res, o, true);
  const Eigen::VectorXd t = totals(x, n_bad, sum_bad);
  double tm = 0.0, tsd = 0.0;
  Eigen::Index tn = 0;
  mean_sd(t, tm, tsd, tn);
  if (tn >= 2) {
    res.total_mean = tm;
    res.total_sd = tsd;
  }
  for (Eigen::Index j = 0; j < k; ++j) {
    auto& s = res.item_stats[static_cast<std::size_t>(j)];
    double m = 0.0, sd = 0.0;
    Eigen::Index cnt = 0;
    mean_sd(x.col(j), m, sd, cnt);
    s.n = cnt;
    s.mean = m;
    s.sd = sd;
    const double rr = cor_pairwise(t, x.col(j));
    if (std::isfinite(rr)) s.raw_r = rr;
  }

  // (5) Bootstrap of raw alpha: replicate b resamples rows with stream (seed, Bootstrap, b).
  if (o.bootstrap_replicates > 0) {
    AlphaBootstrap bs;
    bs.replicates = o.bootstrap_replicates;
    bs.seed = o.seed;
    bs.values.resize(o.bootstrap_replicates);
    const Eigen::Index n = x.rows();
    // Complete data: the allocation-free kernel; missing values: resample, pairwise raw_alpha.
    std::optional<RawAlphaSums> kernel;
    if (!x.hasNaN()) kernel.emplace(x);
#pragma omp parallel
    {
      Eigen::RowVectorXd acc;  // per-thread workspace; replicate b's value never depends on the thread
      Eigen::MatrixXd xb;
#pragma omp for schedule(static)
      for (int b = 0; b < o.bootstrap_replicates; ++b) {
        auto g = make_stream(o.seed, StreamTag::Bootstrap, static_cast<std::uint64_t>(b));
        if (kernel) {
          bs.values[b] = kernel->replicate(g, acc);
          continue;
        }
        xb.resize(n, k);
        for (Eigen::Index i = 0; i < n; ++i)
          xb.row(i) = x.row(static_cast<Eigen::Index>(uniform_index(g, static_cast<std::uint64_t>(n))));
        bs.values[b] = raw_alpha(xb);
      }
    }
    std::vector<double> ok;
    for (Eigen::Index b = 0; b < bs.values.size(); ++b)
      if (std::isfinite(bs.values[b])) ok.push_back(bs.values[b]);
    bs.failed = o.bootstrap_replicates - static_cast<int>(ok.size());
    if (bs.failed > 0)
      res.warnings.push_back(std::to_string(bs.failed) + " of " + std::to_string(o.bootstrap_replicates) +
                             " bootstrap replicates gave no finite alpha (too few common rows or zero total "
                             "variance in the resample) and were excluded");
    if (ok.size() >= 2) {
      const Eigen::VectorXd v = Eigen::Map<const Eigen::VectorXd>(ok.data(), static_cast<Eigen::Index>(ok.size()));
      bs.percentile = percentile_interval(v, o.level);
      bs.median = quantile_type7(v, 0.5);
      bs.jackknife = kernel ? kernel->jackknife() : raw_alpha_jackknife(x);
      if (bs.jackknife.allFinite()) {
        std::string why;
        bs.bca = bca_interval(v, res.raw_alpha, bs.jackknife, o.level, &why);
        if (!bs.bca) res.warnings.push_back(std::string("BCa interval not available: ") + why);
      } else {
        res.warnings.push_back("BCa interval not available: a jackknife replicate has no finite alpha");
      }
      res.bootstrap = std::move(bs);
    } else {
      res.warnings.push_back("bootstrap: fewer than 2 finite replicates; no interval");
    }
  }
  check_finite_result(res, fn);
  return res;
}

AlphaResult alpha_from_covariance(const Eigen::MatrixXd& c, std::optional<Eigen::Index> n_obs,
                                  const AlphaOptions& o) {
  constexpr const char* fn = "alpha_from_covariance";
  validate_options(o, fn);
  if (c.rows() != c.cols())
    throw InvalidInput(std::string(fn) + ": C is " + std::to_string(c.rows()) + " x " + std::to_string(c.cols()) +
                       ", but must be square");
  if (c.cols() < 2)
    throw InvalidInput(std::string(fn) + ": C has " + std::to_string(c.cols()) + " item(s), but alpha needs at least 2");
  if (!c.allFinite()) throw InvalidInput(std::string(fn) + ": C has a missing or infinite entry");
  const double scale = c.cwiseAbs().maxCoeff();
  if (!((c - c.transpose()).cwiseAbs().maxCoeff() <= 1e-12 * scale))
    throw InvalidInput(std::string(fn) + ": C is not symmetric");
  if (n_obs && *n_obs < 2) throw InvalidInput(std::string(fn) + ": n_obs must be >= 2");
  AlphaResult res;
  res.items = stats::item_names(o.item_ids, c.cols(), fn);
  res.keys = checked_keys(o, c.cols(), fn);
  for (Eigen::Index j = 0; j < c.cols(); ++j)
    if (!(c(j, j) > 0.0))
      throw DomainError(std::string(fn) + ": item '" + res.items[static_cast<std::size_t>(j)] +
                            "' has variance " + fmt_g(c(j, j)) + ", but must be > 0",
                        Location{.indicator = res.items[static_cast<std::size_t>(j)]});
  const Eigen::VectorXd d = Eigen::Map<const Eigen::VectorXd>(res.keys.data(), c.cols());
  res.covariance = d.asDiagonal() * c * d.asDiagonal();
  res.correlation = stats::cov2cor(res.covariance);
  for (std::size_t j = 0; j < res.keys.size(); ++j)
    if (res.keys[j] < 0.0) res.reversed_items.push_back(res.items[j]);
  res.k = c.cols();
  res.n_obs = n_obs.value_or(0);
  check_pc1(res, o);
  fill_from_matrices(res, o, n_obs.has_value());
  check_finite_result(res, fn);
  return res;
}

}  // namespace cikit
