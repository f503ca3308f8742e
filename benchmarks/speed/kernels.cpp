// Speed of cikit's hot kernels (Google Benchmark). benchmarks/speed/README.md explains the
// sizes and how to run; results go to benchmarks/RESULTS.md ("Kernels").
// Data: the scenario simulator (methods/simulate/scenario.hpp), n units × p indicators in p/5
// dimensions of 5, complete (no missing values), fixed seed.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <map>
#include <utility>

#include "methods/aggregate/build_index.hpp"
#include "methods/reliability/alpha.hpp"
#include "methods/stats/bootstrap_units.hpp"
#include "methods/stats/matrix.hpp"
#include "methods/simulate/scenario.hpp"
#include "methods/validity/correlation.hpp"
#include "methods/validity/factorability.hpp"
#include "methods/validity/pca.hpp"
#include "methods/weighting/ahp.hpp"
#include "methods/weighting/entropy.hpp"
#include "methods/weighting/variation.hpp"

namespace {

using cikit::ScenarioResult;

const ScenarioResult& system_of(long n, long p) {
  static std::map<std::pair<long, long>, ScenarioResult> cache;
  auto it = cache.find({n, p});
  if (it == cache.end()) {
    cikit::ScenarioOptions o;
    o.units = static_cast<int>(n);
    o.dimensions = static_cast<int>(p / 5);
    o.indicators_per_dimension = 5;
    o.weight_spread = 0.6;
    it = cache.emplace(std::make_pair(n, p), cikit::simulate_scenario(o)).first;
  }
  return it->second;
}

void setup(const benchmark::State& s) { omp_set_num_threads(static_cast<int>(s.range(2))); }

void BM_correlation(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::correlation_matrix(x));
}
void BM_alpha(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  cikit::AlphaOptions o;
  o.bootstrap_replicates = 0;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::alpha(x, o));
}
void BM_alpha_bootstrap200(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  cikit::AlphaOptions o;
  o.bootstrap_replicates = 200;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::alpha(x, o));
}
// The in-process half of benchmarks/sensitivity/run.sh's alpha-bootstrap comparison: alpha() with
// every statistic psych::alpha(x, n.iter = 1000) reports, B = 1000 replicates, percentile + BCa
// (jackknife). Its own sizes (300 x 10, 3000 x 20, as the psych timing there), so it is excluded
// from benchmarks/speed/run.sh's kernel table.
void BM_alpha_bootstrap1000(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  cikit::AlphaOptions o;
  o.bootstrap_replicates = 1000;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::alpha(x, o));
}
// Issue 17 item 4 (k⁴ growth of reliability): alpha() without bootstrap on wide blocks, and
// the G6-if-dropped step as computed before the Schur-complement route (one pseudo-inverse of
// every k − 1 submatrix, stats::smc), so before ≈ BM_alpha_wide + BM_g6_drop_per_item.
void BM_alpha_wide(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  cikit::AlphaOptions o;
  o.bootstrap_replicates = 0;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::alpha(x, o));
}
void BM_g6_drop_per_item(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  const Eigen::MatrixXd r = cikit::alpha(x).correlation;
  const Eigen::Index k = r.cols();
  for (auto _ : s) {
    double g = 0.0;
    for (Eigen::Index i = 0; i < k; ++i) {
      std::vector<Eigen::Index> keep;
      for (Eigen::Index j = 0; j < k; ++j)
        if (j != i) keep.push_back(j);
      const Eigen::MatrixXd ri = r(keep, keep);
      g += cikit::stats::smc(ri, cikit::AlphaOptions{}.pinv_tol).sum();
    }
    benchmark::DoNotOptimize(g);
  }
}
void BM_kmo(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::kmo(x));
}
void BM_pca(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::pca(x));
}
void BM_entropy_weights(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  cikit::EntropyOptions o;
  o.variant = cikit::EntropyVariant::MinMax;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::entropy_weights(x, o));
}
void BM_critic_weights(benchmark::State& s) {
  const auto& x = system_of(s.range(0), s.range(1)).sim.data.values;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::critic_weights(x));
}
void BM_ahp_eigenvector(benchmark::State& s) {
  // A nearly consistent m × m Saaty-scale matrix, m = p / 10 + 4 (6, 8, 10).
  const auto m = static_cast<Eigen::Index>(s.range(1) / 10 + 4);
  Eigen::MatrixXd a(m, m);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < m; ++j) a(i, j) = i <= j ? cikit::nearest_saaty_value(std::exp(0.15 * static_cast<double>(j - i) + 0.1 * static_cast<double>((i * 7 + j * 3) % 5))) : 0.0;
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < i; ++j) a(i, j) = 1 / a(j, i);
  for (auto _ : s) benchmark::DoNotOptimize(cikit::ahp_priorities(a));
}
void BM_index_rebuild_entropy(benchmark::State& s) {
  const auto& sc = system_of(s.range(0), s.range(1));
  cikit::IndexConfig c;
  c.weights = cikit::WeightMethod::Entropy;
  for (auto _ : s) benchmark::DoNotOptimize(cikit::build_index(sc.sim.data, sc.tree, c));
}
void BM_bootstrap_16_index_rebuilds(benchmark::State& s) {
  // 16 bootstrap replicates of the entropy-weighted index (the index of every unit in the
  // resample), OpenMP over replicates: time / 16 = one replicate.
  const auto& sc = system_of(s.range(0), s.range(1));
  cikit::IndexConfig c;
  c.weights = cikit::WeightMethod::Entropy;
  cikit::BootstrapUnitsOptions o;
  o.replicates = 16;
  o.bca = false;
  o.threads = static_cast<int>(s.range(2));
  const cikit::UnitRowsStatistic stat = [&](const std::vector<Eigen::Index>& rows) {
    cikit::Dataset d;
    d.indicator_ids = sc.sim.data.indicator_ids;
    d.values.resize(static_cast<Eigen::Index>(rows.size()), sc.sim.data.values.cols());
    for (std::size_t k = 0; k < rows.size(); ++k) {
      d.values.row(static_cast<Eigen::Index>(k)) = sc.sim.data.values.row(rows[k]);
      d.unit_ids.push_back(std::to_string(k));
    }
    Eigen::VectorXd w = cikit::build_index(d, sc.tree, c).weights.global;
    return w;
  };
  for (auto _ : s) benchmark::DoNotOptimize(cikit::bootstrap_units(sc.sim.data.n_units(), stat, o));
}

void sizes(benchmark::internal::Benchmark* b) {
  for (auto [n, p] : {std::pair{100L, 20L}, std::pair{1000L, 40L}, std::pair{3000L, 60L}})
    for (long t : {1L, 2L}) b->Args({n, p, t});
  b->ArgNames({"n", "p", "threads"})->Setup(setup)->Unit(benchmark::kMicrosecond)->UseRealTime();
}

void alpha_bootstrap_sizes(benchmark::internal::Benchmark* b) {
  for (auto [n, p] : {std::pair{300L, 10L}, std::pair{3000L, 20L}})
    for (long t : {1L, 2L}) b->Args({n, p, t});
  b->ArgNames({"n", "p", "threads"})->Setup(setup)->Unit(benchmark::kMillisecond)->UseRealTime();
}

void wide_sizes(benchmark::internal::Benchmark* b) {
  for (long p : {100L, 250L, 500L}) b->Args({1000L, p, 1L});
  b->ArgNames({"n", "p", "threads"})->Setup(setup)->Unit(benchmark::kMillisecond)->UseRealTime();
}
// The per-item route at k = 500 would take ~10² s per iteration here: 100 and 250 only.
void wide_sizes_per_item(benchmark::internal::Benchmark* b) {
  for (long p : {100L, 250L}) b->Args({1000L, p, 1L});
  b->ArgNames({"n", "p", "threads"})->Setup(setup)->Unit(benchmark::kMillisecond)->UseRealTime();
}

}  // namespace

BENCHMARK(BM_alpha_wide)->Apply(wide_sizes);
BENCHMARK(BM_g6_drop_per_item)->Apply(wide_sizes_per_item);
BENCHMARK(BM_correlation)->Apply(sizes);
BENCHMARK(BM_alpha)->Apply(sizes);
BENCHMARK(BM_alpha_bootstrap200)->Apply(sizes);
BENCHMARK(BM_alpha_bootstrap1000)->Apply(alpha_bootstrap_sizes);
BENCHMARK(BM_kmo)->Apply(sizes);
BENCHMARK(BM_pca)->Apply(sizes);
BENCHMARK(BM_entropy_weights)->Apply(sizes);
BENCHMARK(BM_critic_weights)->Apply(sizes);
BENCHMARK(BM_ahp_eigenvector)->Apply(sizes);
BENCHMARK(BM_index_rebuild_entropy)->Apply(sizes);
BENCHMARK(BM_bootstrap_16_index_rebuilds)->Apply(sizes);
BENCHMARK_MAIN();
