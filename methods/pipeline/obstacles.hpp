#pragma once
/// \file obstacles.hpp
/// Pipeline of `cikit obstacles`: builds the index (run_index), takes the normalised indicator
/// scores rescaled from [range_lo, range_hi] to [0, 1] and the indicators' global weights, and
/// computes the obstacle degree of every indicator and of every node of one level (default: the
/// dimensions) per unit (methods/obstacles), the top-k obstacles per unit and their frequencies.
/// Writes obstacles.json, obstacles_indicators.csv, obstacles_groups.csv, obstacles_top.csv and
/// obstacles_frequency.csv.

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/obstacles/obstacles.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

struct ObstaclesRunOptions {
  std::string spec;                  ///< SPEC.yaml
  MethodOverrides methods;           ///< on top of the spec's methods block
  std::string out;                   ///< folder of the output files ("" = none)
  std::string level = "dimensions";  ///< the groups: dimensions | levelN (above the indicators)
  int top = 5;                       ///< k of the top-k obstacles per unit
};

struct ObstaclesRun {
  Spec spec;
  Dataset data;
  std::vector<int> groups;           ///< tree nodes of the level (the groups)
  obstacles::ObstacleResult result;  ///< indicator columns in leaf order
  Eigen::VectorXd weight;            ///< F: the indicators' global weights (leaf order)
  std::vector<std::vector<Eigen::Index>> top;  ///< per unit: leaf positions of its top-k
  Eigen::VectorXi frequency;         ///< per leaf: units having it among their top-k
  Eigen::Index counted_units = 0;    ///< units counted in the frequencies
  std::vector<std::string> warnings;
  nlohmann::json doc;                ///< obstacles.json
  TextTable indicators_csv;          ///< obstacles_indicators.csv
  TextTable groups_csv;              ///< obstacles_groups.csv
  TextTable top_csv;                 ///< obstacles_top.csv
  TextTable frequency_csv;           ///< obstacles_frequency.csv
  OutputSet outputs{""};
};

/// The obstacle analysis of an index already built on `run.spec` and `run.data` (what
/// run_obstacles does after building it; the appendix calls it on its own index).
/// @throws as run_obstacles, but for run_index's.
void analyse_obstacles(ObstaclesRun& run, const IndexResult& index, const ObstaclesRunOptions& o);

/// Runs `cikit obstacles`. On a panel spec every period is analysed on its own cross-section
/// (JSON `periods`, a leading `period` column in the CSV files); the run's other fields hold the
/// latest period.
/// @throws InvalidInput, DomainError as run_index; InvalidInput for an unknown level, the
///         indicator level itself, top < 1, or an indicator normalised to an unbounded scale
///         (obstacle degrees need scores on [0, 1]: minmax, goalposts or percentile).
[[nodiscard]] ObstaclesRun run_obstacles(const ObstaclesRunOptions& o);

}  // namespace cikit::pipeline
