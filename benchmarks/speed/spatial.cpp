// Issue 22 speed: Dagum Gini decomposition (O(n²) per period) on 3,000 units × 20 periods in 8
// groups, and the Moran permutation test (9,999 permutations) on 3,000 units with knn (k = 6)
// weights, at 1 and 2 threads. Fixed seeds (std::mt19937_64 + our own uniform transform).
//   build/ci-linux/cikit_speed_spatial --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "methods/core/random.hpp"
#include "methods/disparity/disparity.hpp"
#include "methods/spatial/spatial.hpp"

namespace {

Eigen::VectorXd values(Eigen::Index n, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) y(i) = 20.0 + 60.0 * cikit::uniform01(g);
  return y;
}

std::vector<std::string> groups(Eigen::Index n) {
  std::vector<std::string> g;
  for (Eigen::Index i = 0; i < n; ++i) g.push_back("r" + std::to_string(i % 8));
  return g;
}

void BM_dagum_gini_3000x20(benchmark::State& state) {
  const Eigen::Index n = 3000;
  std::vector<Eigen::VectorXd> periods;
  for (int t = 0; t < 20; ++t) periods.push_back(values(n, 100 + static_cast<std::uint64_t>(t)));
  const auto g = groups(n);
  double sink = 0.0;
  for (auto _ : state) {
    for (const auto& y : periods) sink += cikit::disparity::dagum_gini(y, g).gini;
    benchmark::DoNotOptimize(sink);
  }
  // Pair evaluations per period: every ordered within-group pair (Σ n_j²) and every between-group
  // pair once (Σ_{j>h} n_j n_h), = (n² + Σ n_j²)/2 = (9e6 + 8·375²)/2 = 5.0625e6 for 8 groups of 375.
  // Each costs one subtraction, two compare-selects and two additions: 5 flops.
  const double evaluations = 20.0 * (3000.0 * 3000.0 + 8.0 * 375.0 * 375.0) / 2.0;
  state.counters["pair_evals_per_s"] = benchmark::Counter(evaluations, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["flops_per_s"] = benchmark::Counter(5.0 * evaluations, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_dagum_gini_3000x20)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_moran_permutations_3000_knn6(benchmark::State& state) {
  const Eigen::Index n = 3000;
  Eigen::MatrixXd c(n, 2);
  std::mt19937_64 g(7);
  for (Eigen::Index i = 0; i < n; ++i) c.row(i) << 1000.0 * cikit::uniform01(g), 1000.0 * cikit::uniform01(g);
  std::vector<std::string> ids;
  for (Eigen::Index i = 0; i < n; ++i) ids.push_back("u" + std::to_string(i));
  const auto w = cikit::spatial::knn_weights(c, 6, false, ids);
  Eigen::VectorXd x = c.col(0) * 0.01 + values(n, 9);
  cikit::spatial::MoranOptions o;
  o.permutations = 9999;
  o.threads = static_cast<int>(state.range(0));
  double sink = 0.0;
  for (auto _ : state) {
    sink += cikit::spatial::moran(x, w, o).p_permutation;
    benchmark::DoNotOptimize(sink);
  }
}
BENCHMARK(BM_moran_permutations_3000_knn6)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_knn_weights_3000(benchmark::State& state) {
  const Eigen::Index n = 3000;
  Eigen::MatrixXd c(n, 2);
  std::mt19937_64 g(7);
  for (Eigen::Index i = 0; i < n; ++i) c.row(i) << 1000.0 * cikit::uniform01(g), 1000.0 * cikit::uniform01(g);
  std::vector<std::string> ids;
  for (Eigen::Index i = 0; i < n; ++i) ids.push_back("u" + std::to_string(i));
  for (auto _ : state) benchmark::DoNotOptimize(cikit::spatial::knn_weights(c, 6, false, ids).n());
}
BENCHMARK(BM_knn_weights_3000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
