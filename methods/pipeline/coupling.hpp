#pragma once
/// \file coupling.hpp
/// Pipeline of `cikit coupling`: builds the index (run_index), takes the scores of one level's
/// nodes (default: the dimensions) as the subsystems, rescales them from the index's score range
/// [range_lo, range_hi] to [0, 1], and computes the coupling coordination degree per unit
/// (methods/coupling). Writes coupling.json, coupling.csv and coupling_bands.csv.

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/coupling/coupling.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

struct CouplingRunOptions {
  std::string spec;                ///< SPEC.yaml
  MethodOverrides methods;         ///< on top of the spec's methods block
  std::string out;                 ///< folder of the output files ("" = none)
  std::string level = "dimensions";  ///< dimensions | levelN (N = depth; dimensions = level1)
  coupling::Formula formula = coupling::Formula::Corrected;
  /// Subsystem weights of T: "equal" (default), "index" (the nodes' weights in the index,
  /// renormalised to sum 1) or "ID=W,ID=W,…" (every node of the level, renormalised).
  std::string weights = "equal";
};

struct CouplingRun {
  Spec spec;
  Dataset data;
  std::vector<int> nodes;          ///< the subsystems (tree node indices)
  Eigen::MatrixXd u;               ///< units × subsystems on [0, 1]
  Eigen::VectorXd w;               ///< subsystem weights (sum 1)
  std::string weights_kind;        ///< equal | index | given
  coupling::CouplingResult result;
  std::vector<std::string> warnings;
  nlohmann::json doc;              ///< coupling.json
  TextTable units_csv;             ///< coupling.csv
  TextTable bands_csv;             ///< coupling_bands.csv
  OutputSet outputs{""};
};

/// The coupling analysis of an index already built on `run.spec` and `run.data` (what
/// run_coupling does after building it; the appendix calls it on its own index): fills every
/// field of `run` but `spec`, `data` and the warnings of the build.
/// @throws as run_coupling, but for run_index's.
void analyse_coupling(CouplingRun& run, const IndexResult& index, bool range_scale, const CouplingRunOptions& o);

/// Runs `cikit coupling`. On a panel spec (data.time) every period is analysed on its own
/// cross-section: JSON `periods` has one entry per period, the CSV files a leading `period`
/// column, and the run's other fields hold the latest period.
/// @throws InvalidInput, DomainError as run_index; InvalidInput for an unknown level, a level
///         with fewer than 2 nodes, bad weights, or an index whose scores are not on a bounded
///         range (normalisation other than minmax/goalposts/percentile, or TOPSIS/MPI/Copeland
///         aggregation): the subsystem scores must be on [0, 1] after rescaling.
[[nodiscard]] CouplingRun run_coupling(const CouplingRunOptions& o);

}  // namespace cikit::pipeline
