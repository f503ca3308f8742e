#include "methods/pipeline/simulate.hpp"

#include "methods/core/error.hpp"
#include "methods/pipeline/example.hpp"

namespace cikit::pipeline {

namespace {

/// The scenario preset's files (docs/simulate.md, "Scenarios").
std::vector<std::pair<std::string, std::string>> scenario_files(const SimulateOptions& o) {
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

}  // namespace

SimulateRun run_simulate(const SimulateOptions& o) {
  SimulateRun run;
  run.files = OutputSet(o.out);
  if (o.preset == "governance") {
    for (auto& [name, content] : governance_example_files(o.sim.seed, false, true)) run.files.add(name, content);
  } else if (o.preset == "scenario") {
    for (auto& [name, content] : scenario_files(o)) run.files.add(name, content);
  } else if (o.preset == "generic") {
    const SimulationResult sim = simulate(o.sim);
    run.files.add("spec.yaml", sim.spec_yaml);
    run.files.add("data.csv", simulation_csv(sim, "unit"));
    run.files.add("truth.csv", truth_csv(sim));
  } else {
    throw InvalidInput("simulate: preset is '" + o.preset + "', but must be generic, scenario or governance");
  }
  return run;
}

}  // namespace cikit::pipeline
