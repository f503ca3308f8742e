/// \file alpha.cpp
/// Cronbach's alpha from raw data and from a covariance matrix (alpha.hpp): checks of the
/// options and inputs, listwise deletion, constant and reverse-keyed items, C and R, total
/// scores and item means, the bootstrap of raw alpha, and the assembly of AlphaResult. The
/// statistics from C and R are in alpha_matrices.cpp, raw alpha alone in raw_alpha.cpp.
#include "methods/reliability/alpha.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"
#include "methods/reliability/detail/alpha_matrices.hpp"
#include "methods/reliability/detail/pairwise_alpha_sums.hpp"
#include "methods/reliability/detail/raw_alpha_sums.hpp"
#include "methods/stats/matrix.hpp"

namespace cikit {

using reliability_detail::check_finite_result;
using reliability_detail::check_pc1;
using reliability_detail::fill_from_matrices;
using reliability_detail::fmt_g;
using reliability_detail::join;
using reliability_detail::PairwiseAlphaSums;
using reliability_detail::RawAlphaSums;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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
}  // namespace

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
  // The data are copied only when they change (listwise rows, dropped or reversed items):
  // `owned` holds the changed copy and xp points at whichever matrix is current.
  Eigen::MatrixXd owned;
  const Eigen::MatrixXd* xp = &x_in;
  if (o.missing == MissingRule::Listwise) {
    owned = stats::complete_rows(x_in);
    xp = &owned;
    if (owned.rows() < 2)
      throw DomainError(std::string(fn) + ": listwise deletion leaves " + std::to_string(owned.rows()) +
                        " complete row(s), but at least 2 are needed");
    if (owned.rows() < x_in.rows())
      res.warnings.push_back(std::string("listwise: ") + std::to_string(x_in.rows() - owned.rows()) +
                             " row(s) with missing values were removed");
  }

  // (1) Drop items with sd <= 0 or NA (psych delete = TRUE).
  std::vector<Eigen::Index> keep;
  Eigen::Index n_bad = 0;
  double sum_bad = 0.0;
  for (Eigen::Index j = 0; j < xp->cols(); ++j) {
    double mean = 0.0, sd = 0.0;
    Eigen::Index m = 0;
    mean_sd(xp->col(j), mean, sd, m);
    if (sd > 0.0) {
      keep.push_back(j);
    } else {
      ++n_bad;
      if (!std::isnan((*xp)(0, j))) sum_bad += (*xp)(0, j);
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
  if (static_cast<Eigen::Index>(keep.size()) < xp->cols()) {
    Eigen::MatrixXd kept = (*xp)(Eigen::all, keep);
    owned = std::move(kept);
    xp = &owned;
  }
  const Eigen::Index k = xp->cols();
  for (const Eigen::Index j : keep) {
    res.items.push_back(names[static_cast<std::size_t>(j)]);
    res.keys.push_back(keys_all[static_cast<std::size_t>(j)]);
  }
  res.k = k;

  // (2) Reverse keyed items: (global max + global min) − x.
  if (std::any_of(res.keys.begin(), res.keys.end(), [](double v) { return v < 0.0; })) {
    if (xp != &owned) {
      owned = *xp;
      xp = &owned;
    }
    Eigen::MatrixXd& x = owned;
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
  const Eigen::MatrixXd& x = *xp;
  res.covariance = stats::pairwise_covariance(x, o.min_pairwise_n, res.items, fn);
  res.correlation = stats::cov2cor(res.covariance);
  res.n_obs = x.rows();
  res.n_complete = (!x.array().isNaN().rowwise().any()).count();
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
    // Complete data: the allocation-free row-sum kernel; missing values: the blocked pairwise
    // kernel (detail/pairwise_alpha_sums.hpp). Neither materialises a resample; both draw
    // exactly the rows the materialising path (raw_alpha on the resample) would draw.
    if (!x.hasNaN()) {
      const RawAlphaSums kernel(x);
#pragma omp parallel
      {
        Eigen::RowVectorXd acc;  // per-thread workspace; replicate b's value never depends on the thread
#pragma omp for schedule(static)
        for (int b = 0; b < o.bootstrap_replicates; ++b) {
          if (cancel_requested()) continue;  // stop between replicates (methods/core/cancel.hpp)
          auto g = make_stream(o.seed, StreamTag::Bootstrap, static_cast<std::uint64_t>(b));
          bs.values[b] = kernel.replicate(g, acc);
        }
      }
    } else {
      const PairwiseAlphaSums kernel(x);
      constexpr int block = PairwiseAlphaSums::kBlock;
      const int blocks = (o.bootstrap_replicates + block - 1) / block;
#pragma omp parallel
      {
        PairwiseAlphaSums::Workspace ws;
#pragma omp for schedule(dynamic, 1)
        for (int blk = 0; blk < blocks; ++blk) {
          if (cancel_requested()) continue;
          const int b0 = blk * block;
          const int count = std::min(block, o.bootstrap_replicates - b0);
          kernel.replicates(o.seed, b0, count, bs.values.data() + b0, ws);
        }
      }
    }
    throw_if_cancelled();
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
      bs.jackknife = raw_alpha_jackknife(x);  // row-sum kernel for complete data, pair updates otherwise
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
