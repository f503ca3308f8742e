// cikit simulate: synthetic indicator systems with a known truth (docs/simulate.md).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/example_files.hpp"
#include "methods/core/error.hpp"
#include "methods/simulate/scenario.hpp"
#include "methods/simulate/simulate.hpp"

namespace cikit::cli {

namespace {

struct SimulateCliOptions {
  std::string preset = "generic";
  std::string out;
  SimulationOptions sim;
  ScenarioOptions scenario;  // scenario-only knobs; shared ones are copied from `sim`
  int experts = 3;
};

/// The scenario preset's files (docs/simulate.md, "Scenarios").
std::vector<std::pair<std::string, std::string>> scenario_files(const SimulateCliOptions& o) {
  ScenarioOptions so = o.scenario;
  so.units = o.sim.units;
  so.dimensions = o.sim.dimensions;
  so.loading = o.sim.loading;
  so.negative_share = o.sim.negative_share;
  so.skewed_share = o.sim.skewed_share;
  so.dimension_correlation = o.sim.dimension_correlation;
  so.outlier_rate = o.sim.outlier_rate;
  so.missing_rate = o.sim.missing_rate;
  so.seed = o.sim.seed;
  const ScenarioResult s = simulate_scenario(so);
  return {{"spec.yaml", scenario_spec_yaml(s, so)},
          {"data.csv", simulation_csv(s.sim, "unit")},
          {"truth.csv", truth_csv(s.sim)},
          {"true_weights.csv", scenario_weights_csv(s)}};
}

void run_simulate(const SimulateCliOptions& o) {
  OutputSet out(o.out);
  std::vector<std::string> written;
  if (o.preset == "governance") {
    for (auto& [name, content] : governance_example_files(o.sim.seed, false, true)) {
      out.add(name, content);
      written.push_back(name);
    }
  } else if (o.preset == "scenario") {
    for (auto& [name, content] : scenario_files(o)) {
      out.add(name, content);
      written.push_back(name);
    }
  } else {
    const SimulationResult sim = simulate(o.sim);
    out.add("spec.yaml", sim.spec_yaml);
    out.add("data.csv", simulation_csv(sim, "unit"));
    out.add("truth.csv", truth_csv(sim));
    written = {"spec.yaml", "data.csv", "truth.csv"};
  }
  out.write();
  std::cout << fmt::format("Wrote SYNTHETIC data ({} preset, seed {}) to {}: ", o.preset, o.sim.seed, o.out);
  for (std::size_t k = 0; k < written.size(); ++k) std::cout << (k ? ", " : "") << written[k];
  std::cout << "\n";
}

}  // namespace

void setup_simulate(CLI::App& app) {
  auto opt = std::make_shared<SimulateCliOptions>();
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
  sub->callback([opt] { run_simulate(*opt); });
}

}  // namespace cikit::cli
