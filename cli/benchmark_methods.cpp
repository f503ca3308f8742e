// cikit benchmark-methods: the method-comparison study on simulated scenarios (docs/cli.md).
// The pipeline is methods/pipeline/benchmark_methods (pipeline::run_benchmark_methods); this
// file parses, prints and writes.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/benchmark_methods.hpp"

namespace cikit::cli {

namespace {

struct BenchmarkMethodsCli {
  CommonOptions common;
  pipeline::BenchmarkMethodsOptions run;  // out is set from `common`
};

void run_benchmark_methods_cli(const BenchmarkMethodsCli& o) {
  pipeline::BenchmarkMethodsOptions po = o.run;
  po.out = o.common.out;
  const pipeline::BenchmarkMethodsRun run = pipeline::run_benchmark_methods(po);
  run.files.write();
  if (o.common.format == "json") std::cout << run.json.dump(2) << "\n";
  else if (o.common.format == "csv") std::cout << run.csv;
  else std::cout << run.markdown;
}

}  // namespace

void setup_benchmark_methods(CLI::App& app) {
  auto opt = std::make_shared<BenchmarkMethodsCli>();
  auto* sub = app.add_subcommand(
      "benchmark-methods",
      "Compare every normalisation x weighting x aggregation on SYNTHETIC scenarios with a known truth "
      "(weight error, agreement with the true composite, bootstrap stability, outlier sensitivity, time)");
  add_common_options(*sub, opt->common, false);
  sub->add_option("--scenarios", opt->run.scenarios, "Scenarios file (YAML); default: the built-in set "
                                                 "(benchmarks/methods/scenarios.yaml)")
      ->check(CLI::ExistingFile);
  sub->add_option("--replicates,-R", opt->run.replicates, "Replicates per scenario (overrides the file)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--bootstrap,-B", opt->run.bootstrap, "Bootstrap resamples per replicate, 0 = none (overrides the file)")
      ->check(CLI::Range(0, 100000));
  sub->add_option("--seed", opt->run.seed, "Master seed (overrides the file; default 20221219)");
  sub->add_option("--threads", opt->run.threads, "OpenMP threads (results other than timings never depend on it)")
      ->check(CLI::Range(1, 1024));
  sub->callback([opt] { run_benchmark_methods_cli(*opt); });
}

}  // namespace cikit::cli
