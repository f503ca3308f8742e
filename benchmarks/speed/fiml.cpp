// Speed of the FIML kernels of methods/cfa/fiml (Google Benchmark) on psychTools' bfi items
// (validation/cfa/fiml/bfi_items.csv: 2800 units x 25 items, 87 missing-data patterns) at the
// lavaan five-factor model's implied moments (validation/cfa/fiml/ref_moments.csv).
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "methods/cfa/fiml.hpp"

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

double number(const std::string& s) {
  return s == "NA" ? std::numeric_limits<double>::quiet_NaN() : std::stod(s);
}

struct Bfi {
  Eigen::MatrixXd x;
  Eigen::VectorXd mu;
  Eigen::MatrixXd sigma;
};

const Bfi& bfi() {
  static const Bfi data = [] {
    const std::string dir = std::string(CIKIT_VALIDATION_DIR) + "/cfa/fiml/";
    const auto t = read_csv(dir + "bfi_items.csv");
    Bfi b;
    b.x.resize(static_cast<Eigen::Index>(t.size() - 1), 25);
    for (std::size_t r = 1; r < t.size(); ++r)
      for (std::size_t c = 0; c < 25; ++c)
        b.x(static_cast<Eigen::Index>(r - 1), static_cast<Eigen::Index>(c)) = number(t[r][c]);
    b.mu.resize(25);
    b.sigma.resize(25, 25);
    for (const auto& row : read_csv(dir + "ref_moments.csv")) {
      if (row.size() < 5 || row[0] != "bfi") continue;
      const Eigen::Index i = std::stol(row[2]) - 1, j = std::stol(row[3]) - 1;
      if (row[1] == "model_mu") b.mu(i) = std::stod(row[4]);
      if (row[1] == "model_sigma") b.sigma(i, j) = std::stod(row[4]);
    }
    return b;
  }();
  return data;
}

void BM_fiml_make_patterns(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cikit::cfa::make_patterns(bfi().x));
}

void BM_fiml_loglik(benchmark::State& state) {
  const auto pats = cikit::cfa::make_patterns(bfi().x);
  for (auto _ : state) benchmark::DoNotOptimize(cikit::cfa::fiml_loglik(pats, bfi().mu, bfi().sigma, false));
}

void BM_fiml_loglik_gradient(benchmark::State& state) {
  const auto pats = cikit::cfa::make_patterns(bfi().x);
  for (auto _ : state) benchmark::DoNotOptimize(cikit::cfa::fiml_loglik(pats, bfi().mu, bfi().sigma, true));
}

void BM_fiml_hessian(benchmark::State& state) {
  const auto pats = cikit::cfa::make_patterns(bfi().x);
  for (auto _ : state) benchmark::DoNotOptimize(cikit::cfa::fiml_hessian(pats, bfi().mu, bfi().sigma));
}

void BM_fiml_scores(benchmark::State& state) {
  const auto pats = cikit::cfa::make_patterns(bfi().x);
  for (auto _ : state) benchmark::DoNotOptimize(cikit::cfa::fiml_casewise_scores(pats, bfi().mu, bfi().sigma));
}

void BM_fiml_em_saturated(benchmark::State& state) {
  const auto pats = cikit::cfa::make_patterns(bfi().x);
  for (auto _ : state) benchmark::DoNotOptimize(cikit::cfa::em_saturated(pats));
}

}  // namespace

BENCHMARK(BM_fiml_make_patterns)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_fiml_loglik)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_fiml_loglik_gradient)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_fiml_hessian)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_fiml_scores)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_fiml_em_saturated)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
