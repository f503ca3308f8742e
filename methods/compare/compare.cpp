#include "methods/compare/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/stats/bootstrap_units.hpp"

namespace cikit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Rank correlation of two score vectors over the units scored in both; NaN when undefined.
template <class F>
double paired(const Eigen::VectorXd& a, const Eigen::VectorXd& b, F&& corr) {
  std::vector<Eigen::Index> keep;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!std::isnan(a(i)) && !std::isnan(b(i))) keep.push_back(i);
  if (keep.size() < 2) return kNaN;
  Eigen::VectorXd x(static_cast<Eigen::Index>(keep.size())), y(x.size());
  for (std::size_t i = 0; i < keep.size(); ++i) {
    x(static_cast<Eigen::Index>(i)) = a(keep[i]);
    y(static_cast<Eigen::Index>(i)) = b(keep[i]);
  }
  try {
    return corr(x, y);
  } catch (const DomainError&) {
    return kNaN;  // a constant score vector: the correlation is undefined (R: NA)
  }
}

template <class E>
std::string name_of(std::span<const MethodName<E>> table, E v) {
  return std::string(method_info(table, v).name);
}

}  // namespace

std::vector<CompareScheme> compare_schemes(const IndexConfig& base, const std::vector<WeightMethod>& weights,
                                           const std::vector<NormalizeMethod>& normalizations,
                                           const std::vector<AggregateMethod>& aggregations) {
  const std::vector<WeightMethod> ws = weights.empty() ? std::vector<WeightMethod>{base.weights} : weights;
  const std::vector<NormalizeMethod> ns =
      normalizations.empty() ? std::vector<NormalizeMethod>{base.normalize} : normalizations;
  const std::vector<AggregateMethod> as =
      aggregations.empty() ? std::vector<AggregateMethod>{base.aggregate} : aggregations;
  std::vector<CompareScheme> out;
  for (WeightMethod w : ws)
    for (NormalizeMethod n : ns)
      for (AggregateMethod a : as) {
        CompareScheme s{name_of(weight_methods(), w), base};
        s.config.weights = w;
        s.config.normalize = n;
        s.config.aggregate = a;
        if (ns.size() > 1) s.name += "/" + name_of(normalize_methods(), n);
        if (as.size() > 1) s.name += "/" + name_of(aggregate_methods(), a);
        out.push_back(std::move(s));
      }
  return out;
}

double top_n_overlap(const Eigen::VectorXi& a, const Eigen::VectorXi& b, int n) {
  if (a.size() != b.size()) throw InvalidInput(fmt::format("top_n_overlap: {} and {} ranks", a.size(), b.size()));
  if (n < 1) throw InvalidInput(fmt::format("top_n_overlap: N is {}, but must be >= 1", n));
  int both = 0, in_a = 0, in_b = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    const bool ia = a(i) > 0 && a(i) <= n, ib = b(i) > 0 && b(i) <= n;
    in_a += ia ? 1 : 0;
    in_b += ib ? 1 : 0;
    both += ia && ib ? 1 : 0;
  }
  const int size = std::max(in_a, in_b);
  return size > 0 ? static_cast<double>(both) / size : kNaN;
}

namespace {

void check_schemes(const std::vector<CompareScheme>& schemes, std::size_t min_count) {
  if (schemes.size() < min_count)
    throw InvalidInput(fmt::format("compare: {} scheme(s); at least {} are needed", schemes.size(), min_count));
  for (std::size_t i = 0; i < schemes.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (schemes[i].name == schemes[j].name)
        throw InvalidInput(fmt::format("compare: scheme '{}' is listed twice", schemes[i].name));
}

IndexResult build_scheme(const Dataset& data, const IndicatorTree& tree, const CompareScheme& s,
                         const WeightInputs& inputs) {
  try {
    return build_index(data, tree, s.config, inputs);
  } catch (const InvalidInput& e) {
    throw InvalidInput(fmt::format("scheme {}: {}", s.name, e.what()));
  } catch (const DomainError& e) {
    throw DomainError(fmt::format("scheme {}: {}", s.name, e.what()));
  }
}

}  // namespace

CompareResult compare_index(const Dataset& data, const IndicatorTree& tree, const std::vector<CompareScheme>& schemes,
                            const WeightInputs& inputs, const CompareOptions& options) {
  check_schemes(schemes, 2);
  const auto s_count = static_cast<int>(schemes.size());
  if (options.reference < 0 || options.reference >= s_count)
    throw InvalidInput(fmt::format("compare: reference scheme {} is out of range (1..{})", options.reference + 1,
                                   s_count));
  if (options.top < 1 || options.movers < 1)
    throw InvalidInput(fmt::format("compare: --top ({}) and the number of movers ({}) must be >= 1", options.top,
                                   options.movers));
  CompareResult out;
  out.reference = options.reference;
  const int root = tree.root();
  for (const auto& s : schemes) {
    const IndexResult r = build_scheme(data, tree, s, inputs);
    SchemeIndex si{s.name, s.config, r.scores.col(root), r.ranks.col(root), r.weights, {}, r.notices};
    for (const auto& w : r.warnings) si.warnings.push_back(fmt::format("scheme {}: {}", s.name, w));
    out.warnings.insert(out.warnings.end(), si.warnings.begin(), si.warnings.end());
    out.schemes.push_back(std::move(si));
  }
  const Eigen::Index n = data.n_units();
  const auto S = static_cast<Eigen::Index>(s_count);
  out.spearman = Eigen::MatrixXd::Identity(S, S);
  out.kendall = Eigen::MatrixXd::Identity(S, S);
  for (Eigen::Index a = 0; a < S; ++a)
    for (Eigen::Index b = 0; b < a; ++b) {
      const auto& x = out.schemes[static_cast<std::size_t>(a)].score;
      const auto& y = out.schemes[static_cast<std::size_t>(b)].score;
      out.spearman(a, b) = out.spearman(b, a) = paired(x, y, spearman_rho);
      out.kendall(a, b) = out.kendall(b, a) = paired(x, y, kendall_tau_b);
    }
  const Eigen::VectorXi& ref = out.schemes[static_cast<std::size_t>(options.reference)].rank;
  out.top = static_cast<int>(std::min<Eigen::Index>(options.top, n));
  Eigen::MatrixXi all(S, n);
  for (Eigen::Index s = 0; s < S; ++s) all.row(s) = out.schemes[static_cast<std::size_t>(s)].rank.transpose();
  out.mean_abs_shift = mean_abs_rank_shift(all, ref);
  out.max_abs_shift = Eigen::VectorXi::Zero(S);
  out.top_overlap.resize(S);
  for (Eigen::Index s = 0; s < S; ++s) {
    for (Eigen::Index u = 0; u < n; ++u)
      if (all(s, u) > 0 && ref(u) > 0) out.max_abs_shift(s) = std::max(out.max_abs_shift(s), std::abs(all(s, u) - ref(u)));
    out.top_overlap(s) = top_n_overlap(out.schemes[static_cast<std::size_t>(s)].rank, ref, out.top);
  }
  std::vector<RankMover> movers;
  for (Eigen::Index u = 0; u < n; ++u) {
    if (ref(u) == 0) continue;
    RankMover m{u, ref(u), ref(u), ref(u), 0, options.reference};
    for (Eigen::Index s = 0; s < S; ++s) {
      const int r = all(s, u);
      if (r == 0) continue;
      m.best_rank = std::min(m.best_rank, r);
      m.worst_rank = std::max(m.worst_rank, r);
      if (std::abs(r - ref(u)) > m.max_shift) {
        m.max_shift = std::abs(r - ref(u));
        m.max_shift_scheme = static_cast<int>(s);
      }
    }
    if (m.max_shift > 0) movers.push_back(m);
  }
  std::stable_sort(movers.begin(), movers.end(), [](const RankMover& a, const RankMover& b) {
    return a.max_shift != b.max_shift ? a.max_shift > b.max_shift : a.reference_rank < b.reference_rank;
  });
  if (movers.size() > static_cast<std::size_t>(options.movers)) movers.resize(static_cast<std::size_t>(options.movers));
  out.movers = std::move(movers);
  return out;
}

std::vector<SchemeStability> weight_stability(const Dataset& data, const IndicatorTree& tree,
                                              const std::vector<CompareScheme>& schemes, const WeightInputs& inputs,
                                              const StabilityOptions& options) {
  check_schemes(schemes, 1);
  if (options.replicates < 2)
    throw InvalidInput(fmt::format("compare --stability: {} replicates; at least 2 are needed", options.replicates));
  if (!(options.level > 0 && options.level < 1))
    throw InvalidInput(fmt::format("compare --stability: level {} is not in (0, 1)", options.level));
  const Eigen::Index n = data.n_units();
  const int m = tree.size();
  const int root = tree.root();
  BootstrapUnitsOptions bo;
  bo.replicates = options.replicates;
  bo.level = options.level;
  bo.seed = options.seed;
  bo.threads = options.threads;
  bo.bca = false;
  std::vector<SchemeStability> out;
  for (const auto& s : schemes) {
    const IndexResult full = build_scheme(data, tree, s, inputs);
    // Statistic of a resample: the scheme's local weights on it (m values), then the ranks of
    // all units of the full data indexed with those weights fixed (n values).
    const UnitRowsStatistic stat = [&](const std::vector<Eigen::Index>& rows) -> Eigen::VectorXd {
      Dataset d;
      d.indicator_ids = data.indicator_ids;
      d.values.resize(static_cast<Eigen::Index>(rows.size()), data.values.cols());
      for (std::size_t i = 0; i < rows.size(); ++i) {
        d.values.row(static_cast<Eigen::Index>(i)) = data.values.row(rows[i]);
        d.unit_ids.push_back(data.unit_ids[static_cast<std::size_t>(rows[i])]);
      }
      const IndexResult r = build_index(d, tree, s.config, inputs, RankScope::IndexOnly);
      std::vector<Node> nodes = tree.nodes();
      for (int i = 0; i < m; ++i)
        if (i != root) nodes[static_cast<std::size_t>(i)].weight = r.weights.local(i);
      const IndicatorTree fixed(std::move(nodes));
      IndexConfig cfg = s.config;
      cfg.weights = WeightMethod::Given;
      const IndexResult f = build_index(data, fixed, cfg, inputs, RankScope::IndexOnly);
      Eigen::VectorXd v(m + n);
      v.head(m) = r.weights.local;
      v.tail(n) = f.ranks.col(0).cast<double>();  // IndexOnly: column 0 is the root
      return v;
    };
    SchemeStability st;
    st.name = s.name;
    BootstrapUnitsResult b;
    try {
      b = bootstrap_units(n, stat, bo);
    } catch (const InvalidInput& e) {
      throw InvalidInput(fmt::format("scheme {}: {}", s.name, e.what()));
    } catch (const DomainError& e) {
      throw DomainError(fmt::format("scheme {}: {}", s.name, e.what()));
    }
    st.failures = b.failures;
    st.estimate = full.weights.local;
    st.mean.resize(m);
    st.sd.resize(m);
    st.cv.resize(m);
    st.lower.resize(m);
    st.upper.resize(m);
    std::vector<Eigen::Index> ok;
    for (Eigen::Index r = 0; r < b.replicates.rows(); ++r)
      if (b.replicates.row(r).allFinite()) ok.push_back(r);
    st.replicates_used = static_cast<int>(ok.size());
    if (ok.size() < 2)
      throw DomainError(fmt::format("scheme {}: only {} of {} bootstrap replicates succeeded{}", s.name, ok.size(),
                                    options.replicates,
                                    b.failures.empty() ? std::string() : " (first failure: " + b.failures.front().second + ")"));
    Eigen::MatrixXd w(static_cast<Eigen::Index>(ok.size()), m);
    Eigen::MatrixXi ranks(static_cast<Eigen::Index>(ok.size()), n);
    for (std::size_t k = 0; k < ok.size(); ++k) {
      w.row(static_cast<Eigen::Index>(k)) = b.replicates.row(ok[k]).head(m);
      for (Eigen::Index u = 0; u < n; ++u)
        ranks(static_cast<Eigen::Index>(k), u) = static_cast<int>(std::lround(b.replicates(ok[k], m + u)));
    }
    const double denom = static_cast<double>(ok.size()) - 1.0;
    for (int i = 0; i < m; ++i) {
      const Eigen::VectorXd c = w.col(i);
      st.mean(i) = c.mean();
      st.sd(i) = std::sqrt((c.array() - st.mean(i)).square().sum() / denom);
      st.cv(i) = st.mean(i) > 0 ? st.sd(i) / st.mean(i) : kNaN;
      st.lower(i) = b.intervals[static_cast<std::size_t>(i)].percentile_lower;
      st.upper(i) = b.intervals[static_cast<std::size_t>(i)].percentile_upper;
    }
    st.ranks = rank_statistics(ranks, full.ranks.col(root),
                               RankStatsOptions{(1 - options.level) / 2, (1 + options.level) / 2});
    out.push_back(std::move(st));
  }
  return out;
}

}  // namespace cikit
