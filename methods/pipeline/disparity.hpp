#pragma once
/// \file disparity.hpp
/// Pipeline of `cikit disparity SPEC --group COLUMN`: builds the index (run_index), takes the
/// cross-sections (analysis_cross_sections: one per period) and, for each, the Dagum Gini
/// decomposition and the Theil T/L decompositions of the index (or --node) scores over the
/// groups of the data column COLUMN. Builds disparity.json and the CSV files.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/disparity/disparity.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

struct DisparityRunOptions {
  std::string spec;          ///< SPEC.yaml
  MethodOverrides methods;   ///< on top of the spec's methods block
  std::string out;           ///< folder of the output files ("" = none)
  std::string group;         ///< data column holding each unit's group (region)
  std::string node;          ///< node whose scores are analysed ("" = the index)
};

struct DisparityPeriod {
  std::string period;
  std::string node;          ///< node id analysed
  int n = 0;                 ///< units with a score
  disparity::DagumGini gini;
  disparity::TheilResult theil;
};

struct DisparityRun {
  Spec spec;
  std::vector<DisparityPeriod> periods;
  std::vector<std::string> warnings;
  nlohmann::json doc;        ///< disparity.json
  TextTable groups_csv;      ///< disparity_groups.csv
  OutputSet outputs{""};     ///< disparity.json, disparity_summary.csv, disparity_groups.csv, disparity_pairs.csv
};

/// Runs `cikit disparity`. Units without a score are left out (one warning per period).
/// @throws InvalidInput for a missing --group, an unknown column or node, a unit without a
///         group (file, line and column); DomainError from dagum_gini / theil (non-positive
///         values under Theil, naming the units); as run_index.
[[nodiscard]] DisparityRun run_disparity(const DisparityRunOptions& options);

}  // namespace cikit::pipeline
