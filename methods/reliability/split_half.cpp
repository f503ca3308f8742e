#include "methods/reliability/split_half.hpp"

#include <cmath>
#include <limits>

#include "methods/core/error.hpp"
#include "methods/stats/matrix.hpp"

namespace cikit {

namespace {

HalfSplit make_split(const Eigen::MatrixXd& v, const std::vector<bool>& in_a, const std::vector<std::string>& names,
                     double sum_v) {
  double vaa = 0.0, vbb = 0.0, vab = 0.0;
  const Eigen::Index k = v.cols();
  for (Eigen::Index j = 0; j < k; ++j)
    for (Eigen::Index i = 0; i < k; ++i) {
      const bool ai = in_a[static_cast<std::size_t>(i)];
      const bool aj = in_a[static_cast<std::size_t>(j)];
      if (ai && aj) vaa += v(i, j);
      else if (!ai && !aj) vbb += v(i, j);
      else if (ai && !aj) vab += v(i, j);
    }
  HalfSplit s;
  for (Eigen::Index i = 0; i < k; ++i)
    if (in_a[static_cast<std::size_t>(i)]) s.half_a.push_back(names[static_cast<std::size_t>(i)]);
  s.r_halves = vab / std::sqrt(vaa * vbb);
  s.spearman_brown = 2.0 * s.r_halves / (1.0 + s.r_halves);
  s.lambda4 = 4.0 * vab / sum_v;
  return s;
}

// 4 V_AB / sum V without building names (the enumeration's inner loop).
double lambda4_of(const Eigen::MatrixXd& v, const std::vector<bool>& in_a, double sum_v) {
  double vab = 0.0;
  const Eigen::Index k = v.cols();
  for (Eigen::Index j = 0; j < k; ++j) {
    if (in_a[static_cast<std::size_t>(j)]) continue;
    for (Eigen::Index i = 0; i < k; ++i)
      if (in_a[static_cast<std::size_t>(i)]) vab += v(i, j);
  }
  return 4.0 * vab / sum_v;
}

SplitHalfResult from_matrix(const Eigen::MatrixXd& v, const std::vector<std::string>& names,
                            const SplitHalfOptions& o) {
  SplitHalfResult res;
  res.items = names;
  const Eigen::Index k = v.cols();
  res.k = k;
  const auto kd = static_cast<double>(k);
  const double sum_v = v.sum();
  const double tr = v.trace();
  const double sum_off = sum_v - tr;
  const double sumsq_off = v.squaredNorm() - v.diagonal().squaredNorm();
  res.alpha = (sum_off / sum_v) * kd / (kd - 1.0);
  Eigen::VectorXd smc = stats::smc(stats::cov2cor(v), o.pinv_tol);
  if (o.use_covariance) smc = smc.cwiseProduct(v.diagonal());
  res.lambda6 = (sum_off + smc.sum()) / sum_v;
  res.lambda2 = (sum_off + std::sqrt(sumsq_off * kd / (kd - 1.0))) / sum_v;

  const Eigen::Index m = k / 2;
  std::vector<bool> odd(static_cast<std::size_t>(k)), first(static_cast<std::size_t>(k));
  for (Eigen::Index i = 0; i < k; ++i) {
    odd[static_cast<std::size_t>(i)] = (i % 2 == 0);
    first[static_cast<std::size_t>(i)] = (i < m);
  }
  res.odd_even = make_split(v, odd, names, sum_v);
  res.first_second = make_split(v, first, names, sum_v);

  if (k > o.max_exhaustive_items) {
    res.warnings.push_back(std::string("k = ") + std::to_string(k) + " > " + std::to_string(o.max_exhaustive_items) +
                           " items: lambda4 over all splits was not computed (exhaustive enumeration only)");
    return res;
  }
  // Lexicographic m-subsets; for even k only those containing item 0 (each split once).
  std::vector<Eigen::Index> a(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < m; ++i) a[static_cast<std::size_t>(i)] = i;
  double mx = -std::numeric_limits<double>::infinity(), mn = std::numeric_limits<double>::infinity(), sum = 0.0;
  std::vector<bool> best, worst;
  long long count = 0;
  std::vector<bool> in_a(static_cast<std::size_t>(k));
  while (true) {
    if (k % 2 == 1 || a[0] == 0) {
      std::fill(in_a.begin(), in_a.end(), false);
      for (const Eigen::Index i : a) in_a[static_cast<std::size_t>(i)] = true;
      const double l4 = lambda4_of(v, in_a, sum_v);
      ++count;
      sum += l4;
      if (l4 > mx) {
        mx = l4;
        best = in_a;
      }
      if (l4 < mn) {
        mn = l4;
        worst = in_a;
      }
    } else {
      break;  // even k: subsets without item 0 come after all those with it
    }
    // next combination
    Eigen::Index i = m - 1;
    while (i >= 0 && a[static_cast<std::size_t>(i)] == k - m + i) --i;
    if (i < 0) break;
    ++a[static_cast<std::size_t>(i)];
    for (Eigen::Index j = i + 1; j < m; ++j) a[static_cast<std::size_t>(j)] = a[static_cast<std::size_t>(j - 1)] + 1;
  }
  if (best.empty() || worst.empty())  // every lambda4 NaN: covariances not finite (callers refuse those first)
    throw DomainError("split_half: lambda4 is undefined for every split (non-finite covariances)");
  res.n_splits = count;
  res.lambda4_max = mx;
  res.lambda4_min = mn;
  res.lambda4_mean = sum / static_cast<double>(count);
  res.best_split = make_split(v, best, names, sum_v);
  res.worst_split = make_split(v, worst, names, sum_v);
  return res;
}

std::vector<double> keys_of(const SplitHalfOptions& o, Eigen::Index k, const char* fn) {
  if (o.keys.empty()) return std::vector<double>(static_cast<std::size_t>(k), 1.0);
  if (static_cast<Eigen::Index>(o.keys.size()) != k)
    throw InvalidInput(std::string(fn) + ": keys has " + std::to_string(o.keys.size()) + " entries, but there are " +
                       std::to_string(k) + " items");
  for (std::size_t j = 0; j < o.keys.size(); ++j)
    if (!(std::abs(o.keys[j]) >= 1.0 && std::abs(o.keys[j]) <= 1.0))
      throw InvalidInput(std::string(fn) + ": keys[" + std::to_string(j) + "] must be +1 or -1");
  return o.keys;
}

void check_opts(const SplitHalfOptions& o, const char* fn) {
  if (o.min_pairwise_n < 2) throw InvalidInput(std::string(fn) + ": min_pairwise_n must be >= 2");
  if (o.max_exhaustive_items < 2) throw InvalidInput(std::string(fn) + ": max_exhaustive_items must be >= 2");
  if (o.max_exhaustive_items > 30)
    throw InvalidInput(std::string(fn) + ": max_exhaustive_items is " + std::to_string(o.max_exhaustive_items) +
                       ", but exhaustive enumeration is limited to 30 items (C(30,15)/2 = 77.6 million splits)");
}

Eigen::MatrixXd keyed(const Eigen::MatrixXd& c, const std::vector<double>& keys) {
  const Eigen::VectorXd d = Eigen::Map<const Eigen::VectorXd>(keys.data(), static_cast<Eigen::Index>(keys.size()));
  return d.asDiagonal() * c * d.asDiagonal();
}

}  // namespace

SplitHalfResult split_half(const Eigen::MatrixXd& x_in, const SplitHalfOptions& o) {
  constexpr const char* fn = "split_half";
  check_opts(o, fn);
  if (x_in.cols() < 2)
    throw InvalidInput(std::string(fn) + ": X has " + std::to_string(x_in.cols()) + " item column(s), but needs at least 2");
  if (x_in.rows() < 2) throw InvalidInput(std::string(fn) + ": X has fewer than 2 rows");
  const auto names = stats::item_names(o.item_ids, x_in.cols(), fn);
  for (Eigen::Index j = 0; j < x_in.cols(); ++j)
    for (Eigen::Index i = 0; i < x_in.rows(); ++i)
      if (std::isinf(x_in(i, j)))
        throw InvalidInput(std::string(fn) + ": item '" + names[static_cast<std::size_t>(j)] + "' has an infinite value",
                           Location{.indicator = names[static_cast<std::size_t>(j)]});
  const auto keys = keys_of(o, x_in.cols(), fn);
  Eigen::MatrixXd complete;  // the complete rows (listwise); no copy otherwise
  if (o.missing == MissingRule::Listwise) {
    complete = stats::complete_rows(x_in);
    if (complete.rows() < 2) throw DomainError(std::string(fn) + ": listwise deletion leaves fewer than 2 rows");
  }
  const Eigen::MatrixXd& x = o.missing == MissingRule::Listwise ? complete : x_in;
  Eigen::MatrixXd c = stats::pairwise_covariance(x, o.min_pairwise_n, names, fn);
  for (Eigen::Index j = 0; j < c.cols(); ++j)
    if (!(c(j, j) > 0.0))
      throw DomainError(std::string(fn) + ": item '" + names[static_cast<std::size_t>(j)] +
                            "' has no variance; split-half reliability undefined (drop the item)",
                        Location{.indicator = names[static_cast<std::size_t>(j)]});
  c = keyed(c, keys);
  SplitHalfResult res = from_matrix(o.use_covariance ? c : stats::cov2cor(c), names, o);
  res.n_obs = x.rows();
  return res;
}

SplitHalfResult split_half_from_matrix(const Eigen::MatrixXd& v, const SplitHalfOptions& o) {
  constexpr const char* fn = "split_half_from_matrix";
  check_opts(o, fn);
  if (v.rows() != v.cols() || v.cols() < 2)
    throw InvalidInput(std::string(fn) + ": V must be square with at least 2 items");
  if (!v.allFinite()) throw InvalidInput(std::string(fn) + ": V has a missing or infinite entry");
  if (!((v - v.transpose()).cwiseAbs().maxCoeff() <= 1e-12 * v.cwiseAbs().maxCoeff()))
    throw InvalidInput(std::string(fn) + ": V is not symmetric");
  const auto names = stats::item_names(o.item_ids, v.cols(), fn);
  for (Eigen::Index j = 0; j < v.cols(); ++j)
    if (!(v(j, j) > 0.0))
      throw DomainError(std::string(fn) + ": item '" + names[static_cast<std::size_t>(j)] + "' has no variance",
                        Location{.indicator = names[static_cast<std::size_t>(j)]});
  const Eigen::MatrixXd c = keyed(v, keys_of(o, v.cols(), fn));
  return from_matrix(o.use_covariance ? c : stats::cov2cor(c), names, o);
}

}  // namespace cikit
