#include "methods/stats/matrix.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <omp.h>

#include "methods/core/error.hpp"
#include "methods/stats/gemm.hpp"

namespace cikit::stats {

std::vector<std::string> item_names(const std::vector<std::string>& ids, Eigen::Index k, const char* fn) {
  if (ids.empty()) {
    std::vector<std::string> out;
    for (Eigen::Index j = 0; j < k; ++j) out.push_back(std::string("V") + std::to_string(j + 1));
    return out;
  }
  if (static_cast<Eigen::Index>(ids.size()) != k)
    throw InvalidInput(std::string(fn) + ": item_ids has " + std::to_string(ids.size()) +
                       " names, but the matrix has " + std::to_string(k) + " columns");
  return ids;
}

bool has_missing(const Eigen::MatrixXd& x) { return x.hasNaN(); }

Eigen::MatrixXd complete_rows(const Eigen::MatrixXd& x) {
  std::vector<Eigen::Index> keep;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    if (!x.row(i).hasNaN()) keep.push_back(i);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(keep.size()), x.cols());
  for (std::size_t r = 0; r < keep.size(); ++r) out.row(static_cast<Eigen::Index>(r)) = x.row(keep[r]);
  return out;
}

namespace {
/// Each column's mean over its available values; 0 for a column with none (then nothing is
/// subtracted from it).
Eigen::VectorXd available_means(const Eigen::MatrixXd& x) {
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    double s = 0.0;
    Eigen::Index m = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!std::isnan(x(i, j))) {
        s += x(i, j);
        ++m;
      }
    if (m > 0) mean(j) = s / static_cast<double>(m);
  }
  return mean;
}
}  // namespace

Eigen::MatrixXd centre_by_available_means(const Eigen::MatrixXd& x) {
  Eigen::MatrixXd z = x;
  const Eigen::VectorXd mean = available_means(x);
  for (Eigen::Index j = 0; j < x.cols(); ++j) z.col(j).array() -= mean(j);
  return z;
}

namespace {

void too_few(Eigen::Index m, Eigen::Index min_pairs, const std::vector<std::string>& names, Eigen::Index i,
             Eigen::Index j, const char* fn) {
  const auto ui = static_cast<std::size_t>(i);
  const auto uj = static_cast<std::size_t>(j);
  if (i == j)
    throw DomainError(std::string(fn) + ": item '" + names[ui] + "' has " + std::to_string(m) +
                          " available values, but at least " + std::to_string(min_pairs) + " are needed",
                      Location{.indicator = names[ui]});
  throw DomainError(std::string(fn) + ": items '" + names[ui] + "' and '" + names[uj] + "' are both present in " +
                        std::to_string(m) + " rows, but at least " + std::to_string(min_pairs) +
                        " complete pairs are needed for their covariance",
                    Location{.indicator = names[ui]});
}

// Moments of the pair (i, j) over rows where both are present: count, cov, var_i, var_j.
struct PairMoments {
  Eigen::Index m = 0;
  double cov = 0.0;
  double vi = 0.0;
  double vj = 0.0;
};

PairMoments pair_moments(const Eigen::MatrixXd& x, Eigen::Index i, Eigen::Index j) {
  PairMoments p;
  double si = 0.0;
  double sj = 0.0;
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    const double a = x(r, i);
    const double b = x(r, j);
    if (std::isnan(a) || std::isnan(b)) continue;
    ++p.m;
    si += a;
    sj += b;
  }
  if (p.m < 2) return p;
  const double mi = si / static_cast<double>(p.m);
  const double mj = sj / static_cast<double>(p.m);
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    const double a = x(r, i);
    const double b = x(r, j);
    if (std::isnan(a) || std::isnan(b)) continue;
    p.cov += (a - mi) * (b - mj);
    p.vi += (a - mi) * (a - mi);
    p.vj += (b - mj) * (b - mj);
  }
  const double d = static_cast<double>(p.m - 1);
  p.cov /= d;
  p.vi /= d;
  p.vj /= d;
  return p;
}


}  // namespace

namespace {
/// Values near the top of the double range (|x| above about 1e154) have squares, hence variances,
/// that overflow to inf; every statistic built on them would be NaN. Refused, naming the item.
void require_finite_variances(const Eigen::MatrixXd& c, const std::vector<std::string>& names, const char* fn) {
  for (Eigen::Index j = 0; j < c.cols(); ++j)
    if (std::isinf(c(j, j))) {
      const std::string who = j < static_cast<Eigen::Index>(names.size()) ? names[static_cast<std::size_t>(j)]
                                                                          : "column " + std::to_string(j + 1);
      throw DomainError(std::string(fn) + ": item '" + who +
                            "' has a variance that overflows a double (its values are too large); rescale the "
                            "indicator (e.g. divide it by a power of ten)",
                        Location{.indicator = who});
    }
}
}  // namespace

// The products are summed over blocks of rows (about 4 MB per block matrix), so the n x k
// work matrices z, d and z∘z are never held whole (three extra copies of the data before).
PairSums::PairSums(const Eigen::MatrixXd& x) {
  const Eigen::Index n = x.rows(), k = x.cols();
  means = available_means(x);
  const Eigen::VectorXd& mean = means;
  m = s = p = q = Eigen::MatrixXd::Zero(k, k);
  const Eigen::Index rows = std::min<Eigen::Index>(n, std::max<Eigen::Index>(256, (Eigen::Index{1} << 19) / std::max<Eigen::Index>(k, 1)));
  Eigen::MatrixXd z(rows, k), d(rows, k), z2(rows, k);
  // Inside a parallel region (e.g. parallel analysis's resamples) the products go to OpenBLAS,
  // one thread per call (stats::gemm_tn). omp_get_level() counts the region at any team size, so
  // the choice, hence the bits, do not depend on the thread count.
  const bool blas = omp_get_level() > 0;
  Eigen::MatrixXd tmp(blas ? k : 0, blas ? k : 0);
  for (Eigen::Index r0 = 0; r0 < n; r0 += rows) {
    const Eigen::Index b = std::min(rows, n - r0);
    for (Eigen::Index j = 0; j < k; ++j)
      for (Eigen::Index i = 0; i < b; ++i) {
        const double v = x(r0 + i, j);
        const bool present = !std::isnan(v);
        d(i, j) = present ? 1.0 : 0.0;
        z(i, j) = present ? v - mean(j) : 0.0;
        z2(i, j) = z(i, j) * z(i, j);
      }
    if (blas) {  // the block's rows are the leading b of each work matrix (leading dimension `rows`)
      auto add = [&](Eigen::MatrixXd& acc, const Eigen::MatrixXd& left, const Eigen::MatrixXd& right) {
        gemm_tn(k, k, b, left.data(), rows, right.data(), rows, tmp.data(), k);
        acc += tmp;
      };
      add(m, d, d);
      add(s, z, d);
      add(p, z, z);
      add(q, z2, d);
      continue;
    }
    const auto zb = z.topRows(b), db = d.topRows(b), z2b = z2.topRows(b);
    m.noalias() += db.transpose() * db;
    s.noalias() += zb.transpose() * db;
    p.noalias() += zb.transpose() * zb;
    q.noalias() += z2b.transpose() * db;
  }
}

Eigen::MatrixXd pairwise_covariance(const Eigen::MatrixXd& x, Eigen::Index min_pairs,
                                    const std::vector<std::string>& names, const char* fn) {
  const Eigen::Index k = x.cols();
  Eigen::MatrixXd c(k, k);
  if (!x.hasNaN()) {
    if (x.rows() < min_pairs) too_few(x.rows(), min_pairs, names, 0, 0, fn);
    const Eigen::RowVectorXd mean = x.colwise().mean();
    const Eigen::MatrixXd centered = x.rowwise() - mean;
    c = (centered.adjoint() * centered) / static_cast<double>(x.rows() - 1);
    require_finite_variances(c, names, fn);
    return c;
  }
  const PairSums ps(x);
  for (Eigen::Index i = 0; i < k; ++i)
    for (Eigen::Index j = 0; j <= i; ++j) {
      if (ps.count(i, j) < min_pairs) too_few(ps.count(i, j), min_pairs, names, i, j, fn);
      bool suspect = false;
      (void)ps.var(i, j, &suspect);
      (void)ps.var(j, i, &suspect);
      c(i, j) = c(j, i) = suspect ? pair_moments(x, i, j).cov : ps.cov(i, j);
    }
  require_finite_variances(c, names, fn);
  return c;
}

Eigen::MatrixXd pairwise_correlation(const Eigen::MatrixXd& x, Eigen::Index min_pairs,
                                     const std::vector<std::string>& names, const char* fn) {
  const Eigen::Index k = x.cols();
  if (!x.hasNaN()) return cov2cor(pairwise_covariance(x, min_pairs, names, fn));
  Eigen::MatrixXd r = Eigen::MatrixXd::Identity(k, k);
  const PairSums ps(x);
  for (Eigen::Index i = 0; i < k; ++i)
    for (Eigen::Index j = 0; j < i; ++j) {
      if (ps.count(i, j) < min_pairs) too_few(ps.count(i, j), min_pairs, names, i, j, fn);
      bool suspect = false;
      PairMoments p{ps.count(i, j), ps.cov(i, j), ps.var(i, j, &suspect), ps.var(j, i, &suspect)};
      if (suspect) p = pair_moments(x, i, j);  // near-constant on the common rows: decide exactly
      if (!(p.vi > 0.0) || !(p.vj > 0.0))
        throw DomainError(std::string(fn) + ": items '" + names[static_cast<std::size_t>(i)] + "' and '" +
                              names[static_cast<std::size_t>(j)] +
                              "' have a constant item on their common rows; correlation undefined",
                          Location{.indicator = names[static_cast<std::size_t>(i)]});
      r(i, j) = r(j, i) = p.cov / std::sqrt(p.vi * p.vj);
    }
  return r;
}

Eigen::MatrixXd cov2cor(const Eigen::MatrixXd& c) {
  const Eigen::VectorXd is = c.diagonal().cwiseSqrt().cwiseInverse();
  Eigen::MatrixXd r = is.asDiagonal() * c * is.asDiagonal();
  r.diagonal().setOnes();
  return r;
}

Eigen::MatrixXd pinv(const Eigen::MatrixXd& a, double tol) {
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(a, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Eigen::VectorXd& d = svd.singularValues();
  const double cut = std::max(tol * (d.size() > 0 ? d[0] : 0.0), 0.0);
  Eigen::VectorXd inv = Eigen::VectorXd::Zero(d.size());
  for (Eigen::Index i = 0; i < d.size(); ++i)
    if (d[i] > cut) inv[i] = 1.0 / d[i];
  return svd.matrixV() * inv.asDiagonal() * svd.matrixU().adjoint();
}

Eigen::MatrixXd pinv_symmetric(const Eigen::MatrixXd& a, double tol) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(a);
  const Eigen::VectorXd& l = es.eigenvalues();
  const double top = l.size() > 0 ? l.cwiseAbs().maxCoeff() : 0.0;
  const double cut = std::max(tol * top, 0.0);
  Eigen::VectorXd inv = Eigen::VectorXd::Zero(l.size());
  for (Eigen::Index i = 0; i < l.size(); ++i)
    if (std::abs(l[i]) > cut) inv[i] = 1.0 / l[i];
  return es.eigenvectors() * inv.asDiagonal() * es.eigenvectors().transpose();
}

Eigen::VectorXd smc(const Eigen::MatrixXd& r, double tol) {
  const Eigen::MatrixXd ri = pinv_symmetric(r, tol);
  Eigen::VectorXd s(r.cols());
  for (Eigen::Index i = 0; i < r.cols(); ++i) {
    double v = 1.0 - 1.0 / ri(i, i);
    if (std::isnan(v)) v = 1.0;  // psych: "smcs were set to 1.0" when NA
    s[i] = std::clamp(v, 0.0, 1.0);
  }
  return s;
}

double rcond_symmetric(const Eigen::MatrixXd& a) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(a, Eigen::EigenvaluesOnly);
  const Eigen::VectorXd ev = es.eigenvalues().cwiseAbs();
  const double mx = ev.maxCoeff();
  if (!(mx > 0.0)) return 0.0;
  return ev.minCoeff() / mx;
}

Eigen::VectorXd first_pc_loadings(const Eigen::MatrixXd& r) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(r);
  const Eigen::Index last = r.cols() - 1;
  Eigen::VectorXd l = es.eigenvectors().col(last) * std::sqrt(std::max(0.0, es.eigenvalues()[last]));
  if (l.sum() < 0.0) l = -l;
  return l;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

double sample_variance(const std::vector<double>& v) {
  double m = 0.0;
  for (const double a : v) m += a;
  m /= static_cast<double>(v.size());
  double s = 0.0;
  for (const double a : v) s += (a - m) * (a - m);
  return s / static_cast<double>(v.size() - 1);
}

}  // namespace cikit::stats
