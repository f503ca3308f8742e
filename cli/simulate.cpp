// cikit simulate: synthetic indicator systems with a known truth (docs/simulate.md). The
// pipeline is methods/pipeline/simulate (pipeline::run_simulate); this file parses, writes and
// reports.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/simulate.hpp"

namespace cikit::cli {

namespace {

void run_simulate_cli(const pipeline::SimulateOptions& o) {
  const pipeline::SimulateRun run = pipeline::run_simulate(o);
  run.files.write();
  std::cout << fmt::format("Wrote SYNTHETIC data ({} preset, seed {}) to {}: ", o.preset, o.sim.seed, o.out);
  const auto& files = run.files.files();
  for (std::size_t k = 0; k < files.size(); ++k) std::cout << (k ? ", " : "") << files[k].first;
  std::cout << "\n";
}

}  // namespace

void setup_simulate(CLI::App& app) {
  auto opt = std::make_shared<pipeline::SimulateOptions>();
  auto* sub = app.add_subcommand(
      "simulate",
      "Generate SYNTHETIC indicator data from a latent-factor model with a known truth (truth.csv): "
      "a generic system of any size, or the governance example's cities");
  sub->add_option("--preset", opt->preset,
                  "generic (spec.yaml, data.csv, truth.csv), scenario (the same plus true_weights.csv: known true "
                  "weights and composite, docs/simulate.md) or governance (the bundled example's files)")
      ->check(CLI::IsMember({"generic", "scenario", "governance"}))
      ->capture_default_str();
  sub->add_option("--out,-o", opt->out, "Folder to write (created if needed)")->required();
  auto& s = opt->sim;
  sub->add_option("--units,-n", s.units, "Units (generic; scenario: >= 10)")->check(CLI::Range(3, 10000000))->capture_default_str();
  sub->add_option("--dimensions", s.dimensions, "First-level dimensions (generic, scenario)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_option("--indicators,-p", s.indicators, "Indicators in total (generic; >= 2 per dimension)")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  sub->add_option("--loading", s.loading, "Loading of each indicator on its dimension (generic, scenario)")
      ->check(CLI::Range(0.01, 0.99))
      ->capture_default_str();
  sub->add_option("--negative-share", s.negative_share, "Share of negative-direction indicators (generic, scenario)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--skewed-share", s.skewed_share, "Share of log-normal (skewed) indicators (generic, scenario)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--correlation", s.dimension_correlation, "Correlation of the dimension factors")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("--outlier-rate", s.outlier_rate, "Probability a value is an outlier (generic: skewed indicators only; scenario: every indicator)")
      ->check(CLI::Range(0.0, 0.5))
      ->capture_default_str();
  sub->add_option("--missing-rate", s.missing_rate, "Probability a value is missing (MCAR)")
      ->check(CLI::Range(0.0, 0.49))
      ->capture_default_str();
  auto& sc = opt->scenario;
  sub->add_option("--indicators-per-dimension", sc.indicators_per_dimension, "Indicators in each dimension (scenario)")
      ->check(CLI::Range(2, 10000))
      ->capture_default_str();
  sub->add_option("--noise", sc.noise, "Measurement-noise sd relative to the true indicator's sd 1 (scenario)")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  sub->add_option("--weight-spread", sc.weight_spread, "Spread of the true weights, 0 = equal (scenario)")
      ->check(CLI::Range(0.0, 10.0))
      ->capture_default_str();
  sub->add_option("--skewness", sc.skewness, "sdlog of the skewed (log-normal) indicators (scenario)")
      ->check(CLI::Range(0.01, 5.0))
      ->capture_default_str();
  sub->add_option("--outlier-shift", sc.outlier_shift, "Shift of an outlier cell on the z scale (scenario)")
      ->check(CLI::Range(-100.0, 100.0))
      ->capture_default_str();
  sub->add_option("--seed", s.seed, "Master seed (default: the documented constant 20221219)")->capture_default_str();
  sub->callback([opt] { run_simulate_cli(*opt); });
}

}  // namespace cikit::cli
