#pragma once
/// \file detail/fast_index.hpp
/// Private helper of methods/sensitivity (uncertainty.cpp: the Monte Carlo runs;
/// index_sensitivity.cpp: scoring every unit under a bootstrap resample's model): the index
/// ranks from normalised indicators and given local weights, for trees aggregated by weighted
/// means, with build_index's arithmetic and no per-run allocation. Not part of the public API.

#include <Eigen/Core>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "methods/aggregate/aggregate.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/aggregate/preflight.hpp"
#include "methods/core/tree.hpp"

namespace cikit::sensitivity_detail {

/// True if every inner node of `tree` is aggregated by a weighted mean (arithmetic, geometric,
/// harmonic, power) under `cfg`: the methods the fast path of a run (index_from_leaf_scores)
/// reproduces.
inline bool means_only(const IndicatorTree& tree, const IndexConfig& cfg) {
  for (int i : tree.inner_postorder()) {
    const AggregateMethod m = node_aggregate(tree, i, cfg).method;
    if (m != AggregateMethod::Arithmetic && m != AggregateMethod::Geometric && m != AggregateMethod::Harmonic &&
        m != AggregateMethod::Power)
      return false;
  }
  return true;
}

/// Scratch memory of rank_descending_radix (reused from call to call).
struct RankScratch {
  std::vector<std::uint64_t> key, key2;
  std::vector<Eigen::Index> idx, idx2;
};

/// The ranks of rank_descending (methods/aggregate: competition "min" ranking, highest score =
/// rank 1, ties share the smallest rank, NaN = 0) by a least-significant-digit radix sort of
/// 64-bit keys instead of a comparison sort: O(n) per call (8 byte passes at most; a pass in
/// which every key has the same byte is skipped) against O(n log n) — the sort was 14 % of a
/// Monte Carlo run on 3,000 units (benchmarks/RESULTS.md). Key of a non-NaN score: its bits,
/// mapped so that unsigned order is numeric order (sign bit set: all bits flipped, else the
/// sign bit set), then complemented for descending order. Every order of equal scores gives the
/// same ranks (each tie group starts at the number of strictly greater scores), and -0 and +0
/// get adjacent keys and are tied by the same comparison as rank_descending's, so the ranks are
/// identical for every input (tests/sensitivity/uncertainty_test.cpp, random inputs with ties,
/// NaN, ±0, ±inf and subnormals).
inline void rank_descending_radix(const double* score, Eigen::Index n, RankScratch& t, Eigen::VectorXi& rank) {
  constexpr std::uint64_t kSign = std::uint64_t{1} << 63;
  t.key.clear();
  t.idx.clear();
  for (Eigen::Index i = 0; i < n; ++i) {
    if (std::isnan(score[i])) continue;
    std::uint64_t b = 0;
    std::memcpy(&b, &score[i], sizeof b);
    const std::uint64_t ascending = (b & kSign) != 0 ? ~b : b | kSign;
    t.key.push_back(~ascending);
    t.idx.push_back(i);
  }
  const std::size_t m = t.key.size();
  t.key2.resize(m);
  t.idx2.resize(m);
  for (int shift = 0; shift < 64; shift += 8) {
    std::array<std::size_t, 257> count{};
    for (const std::uint64_t k : t.key) ++count[((k >> shift) & 0xFF) + 1];
    if (m == 0 || count[((t.key[0] >> shift) & 0xFF) + 1] == m) continue;  // one bucket: order unchanged
    for (std::size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t to = count[(t.key[j] >> shift) & 0xFF]++;
      t.key2[to] = t.key[j];
      t.idx2[to] = t.idx[j];
    }
    t.key.swap(t.key2);
    t.idx.swap(t.idx2);
  }
  rank = Eigen::VectorXi::Zero(n);
  for (std::size_t k = 0; k < m; ++k) {
    const Eigen::Index i = t.idx[k];
    const bool tie = k > 0 && !(score[i] < score[t.idx[k - 1]]);
    rank(i) = tie ? rank(t.idx[k - 1]) : static_cast<int>(k + 1);
  }
}

/// Scratch memory of one thread's runs (reused from run to run: no allocation per run).
struct RunScratch {
  Eigen::MatrixXd inner;  ///< units x nodes: the inner nodes' scores (leaf columns unused)
  Eigen::ArrayXd num, den;
  std::vector<double> w;             ///< an arithmetic node's child weights
  std::vector<const double*> cols;   ///< and its children's score columns
  RankScratch rank;
};

/// Units per block of an arithmetic node's accumulation: num and den of a block (2 × 8 KB) stay
/// in L1 while every child's column is added.
constexpr Eigen::Index kUnitBlock = 512;

/// The index ranks of one run from the normalised (and treated) indicators `leaf_scores`
/// (units x leaves, leaf order of `tree`), the local weights `local` (by node; renormalised per
/// parent as weights "given" are: w_c / sum of the siblings' w) and the aggregation of `cfg`,
/// which must be a weighted mean at every inner node (means_only). The same arithmetic, in the
/// same order per unit, as build_index with those weights given (weighted_arithmetic,
/// weighted_geometric/harmonic/power_mean, rank_descending), so the ranks are identical; it
/// skips what a run does not change (pre-flight, treatment, normalisation, the weights' and
/// aggregation's checks and messages, ranks of the other nodes) and allocates nothing but the
/// result. Returns false, leaving `ranks` unspecified, when a value would make build_index
/// throw (a missing score under missing: error, a negative or zero score under a geometric,
/// harmonic or power mean, a weight that is negative or not finite, a group whose weights sum
/// to 0): the caller then runs build_index, which reports it with its location.
inline bool index_from_leaf_scores(const IndicatorTree& tree, const Eigen::MatrixXd& leaf_scores,
                            const std::vector<int>& leaf_col, const Eigen::VectorXd& local, const IndexConfig& cfg,
                            RunScratch& s, Eigen::VectorXi& ranks) {
  const Eigen::Index n = leaf_scores.rows();
  if (s.inner.rows() != n || s.inner.cols() < tree.size()) s.inner.resize(n, tree.size());
  s.num.resize(n);
  s.den.resize(n);
  const bool shift_zero = cfg.aggregate_params.zeros == ZeroPolicy::Shift;
  const double shift = shift_zero ? cfg.aggregate_params.shift : 0.0;
  if (shift_zero && !(shift > 0 && std::isfinite(shift))) return false;
  const auto column = [&](int node) -> const double* {
    const int j = leaf_col[static_cast<std::size_t>(node)];
    return j >= 0 ? leaf_scores.col(j).data() : s.inner.col(node).data();
  };
  for (int i : tree.inner_postorder()) {
    const std::vector<int>& ch = tree.node(i).children;
    double sum = 0;  // given_tree_weights: each child's weight over the sum of its siblings'
    for (int c : ch) sum += local(c);
    if (!(sum > 0)) return false;
    const NodeAggregate how = node_aggregate(tree, i, cfg);
    const bool arithmetic = how.method == AggregateMethod::Arithmetic;
    const double r = how.method == AggregateMethod::Geometric  ? 0.0
                     : how.method == AggregateMethod::Harmonic ? -1.0
                                                               : how.power;
    if (!arithmetic && !std::isfinite(r)) return false;
    const bool zero_matters = !(r > 0);
    s.num.setZero();
    s.den.setZero();
    if (arithmetic) {
      // weighted_arithmetic. The weights' and (missing: error) the values' checks first: any
      // failure returns false, as the child-by-child loop did, and nothing is kept then.
      s.w.clear();
      s.cols.clear();
      for (int c : ch) {
        const double w = local(c) / sum;
        if (!(w >= 0) || !std::isfinite(w)) return false;
        const double* x = column(c);
        if (cfg.missing == MissingPolicy::Error)
          for (Eigen::Index u = 0; u < n; ++u)
            if (std::isnan(x[u])) return false;
        s.w.push_back(w);
        s.cols.push_back(x);
      }
      // Blocks of units, every child within a block, so num and den stay in L1; per unit the
      // children are added in the same order as build_index's, so the bits are the same. A
      // missing value leaves num and den as they were (a select, not an added 0, so even the
      // sign of a zero sum is build_index's). num, den and the columns are distinct arrays.
      double* __restrict num = s.num.data();
      double* __restrict den = s.den.data();
      for (Eigen::Index u0 = 0; u0 < n; u0 += kUnitBlock) {
        const Eigen::Index u1 = std::min(n, u0 + kUnitBlock);
        for (std::size_t q = 0; q < s.w.size(); ++q) {
          const double w = s.w[q];
          const double* __restrict xr = s.cols[q];
          Eigen::Index u = u0;
#if defined(__SSE2__)
          // Two units per step (GCC keeps the scalar loop as a branch): the same multiply and
          // add per unit (no FMA: SSE2 has none, and ISO mode does not contract), NaN lanes masked.
          const __m128d wv = _mm_set1_pd(w);
          for (; u + 2 <= u1; u += 2) {
            const __m128d v = _mm_loadu_pd(xr + u);
            const __m128d ok = _mm_cmpord_pd(v, v);  // all ones where v is not NaN
            const __m128d n0 = _mm_loadu_pd(num + u), d0 = _mm_loadu_pd(den + u);
            const __m128d nu = _mm_add_pd(n0, _mm_mul_pd(wv, v)), du = _mm_add_pd(d0, wv);
            _mm_storeu_pd(num + u, _mm_or_pd(_mm_and_pd(ok, nu), _mm_andnot_pd(ok, n0)));
            _mm_storeu_pd(den + u, _mm_or_pd(_mm_and_pd(ok, du), _mm_andnot_pd(ok, d0)));
          }
#endif
          for (; u < u1; ++u) {
            const double v = xr[u];
            if (std::isnan(v)) continue;
            num[u] += w * v;
            den[u] += w;
          }
        }
      }
    }
    if (!arithmetic) {  // power means (means.cpp), child by child
      for (int c : ch) {
        const double w = local(c) / sum;
        if (!(w >= 0) || !std::isfinite(w)) return false;
        const double* x = column(c);
        for (Eigen::Index u = 0; u < n; ++u) {
          const double v = x[u];
          if (std::isnan(v)) {
            if (cfg.missing == MissingPolicy::Error) return false;
            continue;
          }
          // power_mean (means.cpp)
          if (!std::isfinite(v) || v < 0) return false;
          if (zero_matters && !(v > 0) && !shift_zero && w > 0) return false;
          const double y = v + shift;
          if (w > 0) s.num(u) += w * ((r < 0 || r > 0) ? std::pow(y, r) : std::log(y));
          s.den(u) += w;
        }
      }
    }
    double* out = s.inner.col(i).data();
    for (Eigen::Index u = 0; u < n; ++u) {
      if (!(s.den(u) > 0)) {
        out[u] = std::numeric_limits<double>::quiet_NaN();
        continue;
      }
      const double m = s.num(u) / s.den(u);
      out[u] = arithmetic ? m : ((r < 0 || r > 0) ? std::pow(m, 1.0 / r) : std::exp(m)) - shift;
    }
  }
  rank_descending_radix(s.inner.col(tree.root()).data(), n, s.rank, ranks);
  return true;
}

}  // namespace cikit::sensitivity_detail
