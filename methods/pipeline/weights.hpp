#pragma once
/// \file weights.hpp
/// The `weights` command's pipeline: the local and global weights of every node under several
/// weighting methods side by side (methods/compare weights_report), with each method's
/// diagnostics, as weights.json, weights.csv, weights_diagnostics.csv and
/// weights_ahp_consistency.csv.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/compare/weights_report.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

struct WeightsOptions {
  std::string spec;                  ///< SPEC.yaml
  std::vector<std::string> methods;  ///< weight_methods() names; empty = every method the spec allows
  std::string out;                   ///< folder of the output files; "" = none
};

struct WeightsRun {
  Spec spec;
  Dataset data;
  WeightsReport report;              ///< one entry per method, in the order run
  nlohmann::json json;               ///< weights.json
  std::string csv;                   ///< weights.csv (long: one row per method and node)
  OutputSet files{""};
  /// Every method's weight warnings, prefixed "METHOD: ".
  std::vector<std::string> warnings;
};

/// Runs the weights pipeline.
/// @throws InvalidInput, DomainError as read_spec, load_data, weights_report; InvalidInput
///         for an unknown method name.
[[nodiscard]] WeightsRun run_weights(const WeightsOptions& o);

}  // namespace cikit::pipeline
