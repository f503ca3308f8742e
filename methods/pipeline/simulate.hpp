#pragma once
/// \file simulate.hpp
/// The `simulate` command's pipeline: SYNTHETIC indicator systems with a known truth
/// (docs/simulate.md) as files: a generic system (spec.yaml, data.csv, truth.csv), a scenario
/// (the same plus true_weights.csv) or the governance example's files.

#include <string>

#include "methods/pipeline/output.hpp"
#include "methods/simulate/scenario.hpp"
#include "methods/simulate/simulate.hpp"

namespace cikit::pipeline {

struct SimulateOptions {
  std::string preset = "generic";  ///< generic, scenario or governance
  std::string out;                 ///< folder to write
  /// The generic system's settings; units, dimensions, loading, shares, correlation, rates and
  /// seed also apply to the scenario, and seed to governance.
  SimulationOptions sim;
  ScenarioOptions scenario;        ///< scenario-only settings (the shared ones come from `sim`)
};

struct SimulateRun {
  OutputSet files{""};  ///< the files for SimulateOptions::out, in order
};

/// Simulates the preset's files.
/// @throws InvalidInput for an unknown preset or invalid settings (as simulate, simulate_scenario).
[[nodiscard]] SimulateRun run_simulate(const SimulateOptions& o);

}  // namespace cikit::pipeline
