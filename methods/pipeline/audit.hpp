#pragma once
/// \file audit.hpp
/// Pipeline of `cikit audit`: reads the spec and builds the index (run_index), runs the
/// statistical-coherence audit on the built index (methods/audit: correlations, effective
/// importance, summary) and, when asked, the weight optimisation of one level; builds the JSON
/// document and CSV files. The front ends render the human tables.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "methods/audit/audit.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/random.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

/// What `cikit audit` takes (plain data). Defaults as audit::AuditOptions.
struct AuditRunOptions {
  std::string spec;                 ///< SPEC.yaml
  MethodOverrides methods;          ///< on top of the spec's methods block
  std::string out;                  ///< folder of the output files ("" = none)
  audit::AuditOptions audit;        ///< thresholds, spline df, bootstrap, seed
  /// Level whose weights are optimised ("" = no optimisation): dimensions, indicators, levelN.
  std::string optimise_level;
  /// Target importances: "equal", "nominal" (the nodes' global weights) or a CSV file with
  /// columns id, weight (one row per node of the level).
  std::string target = "equal";
  std::string objective = "balance";  ///< balance | infomax
};

/// What it produces.
struct AuditRun {
  Spec spec;
  Dataset data;
  audit::AuditResult result;
  std::optional<audit::OptimiseResult> optimised;
  std::string target_kind;            ///< equal | nominal | file (when optimised)
  std::vector<std::string> warnings;
  TextTable nodes_csv;                ///< audit_nodes.csv: per node correlations and importance
  nlohmann::json doc;                 ///< audit.json
  OutputSet outputs{""};              ///< audit.json, audit_nodes.csv, audit_groups.csv, audit_summary.csv,
                                      ///< audit_optimisation.csv, audit_rank_changes.csv
};

/// Reads a target file for the level-`level` nodes `nodes` of `tree`: CSV with columns `id` and
/// `weight`, one row per node. @throws InvalidInput naming the file and line for an unknown or
/// repeated id, a missing node, a non-numeric or negative weight, or weights summing to <= 0.
[[nodiscard]] Eigen::VectorXd read_audit_target(const std::string& path, const IndicatorTree& tree,
                                                const std::vector<int>& nodes, const std::string& level);

/// Runs `cikit audit`.
/// @throws InvalidInput, DomainError as run_index, audit::run_audit, audit::optimise_weights and
///         read_audit_target; InvalidInput for an unknown objective.
[[nodiscard]] AuditRun run_audit(const AuditRunOptions& options);

}  // namespace cikit::pipeline
