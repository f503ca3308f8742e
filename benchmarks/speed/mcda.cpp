// Speed of PROMETHEE II (methods/aggregate/promethee.hpp): O(n^2 m) pairwise preferences.
// Data: the scenario simulator, n units x m indicators (complete), linear (type V) preference
// with q = 0.1 sd, p = 1 sd per indicator (the costliest branchy case besides Gaussian's exp).
// Args: units, indicators, threads. Results: benchmarks/RESULTS.md ("PROMETHEE II").
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <utility>

#include "methods/aggregate/promethee.hpp"
#include "methods/simulate/scenario.hpp"

namespace {

const Eigen::MatrixXd& matrix_of(long n, long m) {
  static std::map<std::pair<long, long>, Eigen::MatrixXd> cache;
  auto it = cache.find({n, m});
  if (it == cache.end()) {
    cikit::ScenarioOptions o;
    o.units = static_cast<int>(n);
    o.dimensions = static_cast<int>(m / 5);
    o.indicators_per_dimension = 5;
    it = cache.emplace(std::make_pair(n, m), cikit::simulate_scenario(o).sim.data.values).first;
  }
  return it->second;
}

void BM_promethee(benchmark::State& s) {
  const Eigen::MatrixXd& x = matrix_of(s.range(0), s.range(1));
  cikit::PrometheeOptions o;
  o.threads = static_cast<int>(s.range(2));
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double sd = std::sqrt((x.col(j).array() - x.col(j).mean()).square().sum() / static_cast<double>(x.rows() - 1));
    o.preferences.push_back(cikit::Preference{cikit::PreferenceFunction::Linear, 0.1 * sd, sd, 0});
  }
  const Eigen::VectorXd w = Eigen::VectorXd::Constant(x.cols(), 1.0 / static_cast<double>(x.cols()));
  for (auto _ : s) benchmark::DoNotOptimize(cikit::promethee_ii(x, w, o));
  const double pairs = static_cast<double>(s.range(0)) * static_cast<double>(s.range(0) - 1);
  s.counters["per_unit_ms"] = benchmark::Counter(static_cast<double>(s.iterations()) * static_cast<double>(s.range(0)),
                                                 benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  s.counters["pair_criteria"] = pairs * static_cast<double>(s.range(1));
}
BENCHMARK(BM_promethee)
    ->Args({500, 20, 1})
    ->Args({1000, 20, 1})
    ->Args({3000, 20, 1})
    ->Args({3000, 20, 2})
    ->Args({3000, 60, 2})
    ->Unit(benchmark::kMillisecond);

}  // namespace
