// Data reading benchmarks (issue 17 item 3), MB/s of CSV text (benchmarks/RESULTS.md
// "Performance II: reading data"; benchmarks/io/run.sh runs them).
//
// Input: a CSV shaped like `cikit simulate --preset generic` output (unit id, two name columns,
// an empty group column, k numbers with 3 decimals, 1 % empty cells), n rows, fixed seed; the
// file sits in the page cache, so the whole-file numbers exclude the disk.
//   BM_number_*        one number per call over the k*n cells (the parse cost alone)
//   BM_sum_bytes       summing a 256 MB buffer (the DRAM read bandwidth: the floor of one pass)
//   BM_read_numeric    read_csv_numeric: the one-pass reader (mmap, parse, matrix)
//   BM_read_general    read_csv + table_to_dataset: the general reader (strings per cell)
// Sizes: CIKIT_IO_ROWS (default 20000) x CIKIT_IO_COLS (default 100).

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "methods/core/csv.hpp"
#include "methods/core/csv_numeric.hpp"
#include "methods/core/numbers.hpp"

namespace {

long env_or(const char* name, long fallback) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::strtol(v, nullptr, 10) : fallback;
}

struct Input {
  std::string text;
  std::vector<std::string_view> cells;  // the numeric cells (views into text)
  std::size_t cell_bytes = 0;
  std::filesystem::path path;
  cikit::CsvColumns columns;
};

const Input& input() {
  static const Input in = [] {
    Input r;
    const long n = env_or("CIKIT_IO_ROWS", 20000);
    const long k = env_or("CIKIT_IO_COLS", 100);
    std::mt19937_64 rng(20221219);
    std::normal_distribution<double> z(50.0, 10.0);  // values like simulate's (a few digits, 3 decimals)
    r.text = "unit_id,unit_zh,unit_en,province";
    for (long j = 0; j < k; ++j) {
      char name[16];
      std::snprintf(name, sizeof name, "x%03ld", j + 1);
      r.text += ',';
      r.text += name;
      r.columns.indicators.emplace_back(name);
    }
    r.text += '\n';
    char buf[48];
    for (long i = 0; i < n; ++i) {
      std::snprintf(buf, sizeof buf, "u%07ld,单位%ld,Unit %ld,", i + 1, i + 1, i + 1);
      r.text += buf;
      for (long j = 0; j < k; ++j) {
        r.text += ',';
        if (rng() % 100 == 0) continue;  // 1 % missing
        std::snprintf(buf, sizeof buf, "%.3f", z(rng));
        r.text += buf;
      }
      r.text += '\n';
    }
    // Cell views: every field after the 4th on each data line.
    std::size_t pos = r.text.find('\n') + 1;
    while (pos < r.text.size()) {
      const std::size_t eol = r.text.find('\n', pos);
      std::size_t start = pos;
      for (long f = 0; f < 4 + k; ++f) {
        std::size_t end = r.text.find(',', start);
        if (end == std::string::npos || end > eol) end = eol;
        if (f >= 4 && end > start) {
          r.cells.emplace_back(r.text.data() + start, end - start);
          r.cell_bytes += end - start + 1;
        }
        start = end + 1;
      }
      pos = eol + 1;
    }
    r.path = std::filesystem::temp_directory_path() / ("cikit_io_bench_" + std::to_string(::getpid()) + ".csv");
    std::ofstream(r.path, std::ios::binary) << r.text;
    r.columns.unit = "unit_id";
    r.columns.name_zh = "unit_zh";
    r.columns.name_en = "unit_en";
    return r;
  }();
  return in;
}

void BM_number_fast_float(benchmark::State& state) {
  const Input& in = input();
  for (auto _ : state) {
    double sum = 0;
    for (std::string_view c : in.cells) {
      double v = 0;
      if (cikit::fast_plain_number(c, v)) sum += v;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(in.cell_bytes));
  state.counters["ns_per_number"] = benchmark::Counter(
      static_cast<double>(in.cells.size()), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_number_fast_float)->Unit(benchmark::kMillisecond);

void BM_number_from_chars(benchmark::State& state) {
  const Input& in = input();
  for (auto _ : state) {
    double sum = 0;
    for (std::string_view c : in.cells) {
      double v = 0;
      if (cikit::parse_plain_number(c, v) == 0) sum += v;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(in.cell_bytes));
  state.counters["ns_per_number"] = benchmark::Counter(
      static_cast<double>(in.cells.size()), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_number_from_chars)->Unit(benchmark::kMillisecond);

void BM_sum_bytes(benchmark::State& state) {
  // 256 MB, far beyond the caches: the DRAM read bandwidth a one-pass reader cannot beat.
  static const std::vector<std::uint64_t> big(std::size_t{32} << 20, 0x2c30312e35ULL);
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (const std::uint64_t w : big) sum += w;
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(big.size() * 8));
}
BENCHMARK(BM_sum_bytes)->Unit(benchmark::kMillisecond);

void BM_read_numeric(benchmark::State& state) {
  const Input& in = input();
  for (auto _ : state) {
    auto t = cikit::read_csv_numeric(in.path, {}, in.columns);
    if (!t) state.SkipWithError("read_csv_numeric declined the benchmark file");
    benchmark::DoNotOptimize(t);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(in.text.size()));
}
BENCHMARK(BM_read_numeric)->Unit(benchmark::kMillisecond);

void BM_read_general(benchmark::State& state) {
  const Input& in = input();
  for (auto _ : state) {
    auto d = cikit::table_to_dataset(cikit::read_csv(in.path), in.columns);
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(in.text.size()));
}
BENCHMARK(BM_read_general)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  std::filesystem::remove(input().path, ec);
  return 0;
}
