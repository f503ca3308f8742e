#pragma once
/// \file benchmark_methods.hpp
/// The `benchmark-methods` command's pipeline: the method-comparison study on simulated
/// scenarios (methods/study run_method_study) as cells.csv, summary.csv, summary.md,
/// summary.json and the SVG charts.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "methods/pipeline/output.hpp"
#include "methods/study/method_study.hpp"

namespace cikit::pipeline {

struct BenchmarkMethodsOptions {
  std::string scenarios;                  ///< scenarios file (YAML); "" = the built-in set
  std::optional<int> replicates;          ///< replicates per scenario (overrides the file)
  std::optional<int> bootstrap;           ///< bootstrap resamples per replicate (overrides the file)
  std::optional<int> threads;             ///< OpenMP threads (overrides the file)
  std::optional<std::uint64_t> seed;      ///< master seed (overrides the file)
  std::string out;                        ///< folder of the output files; "" = none (none are built)
};

struct BenchmarkMethodsRun {
  StudyResult result;
  std::string markdown;  ///< summary.md (with the build and scenario header lines)
  nlohmann::json json;   ///< summary.json
  std::string csv;       ///< summary.csv
  OutputSet files{""};
};

/// Runs the study.
/// @throws InvalidInput as read_file, parse_study_scenarios, run_method_study.
[[nodiscard]] BenchmarkMethodsRun run_benchmark_methods(const BenchmarkMethodsOptions& o);

}  // namespace cikit::pipeline
