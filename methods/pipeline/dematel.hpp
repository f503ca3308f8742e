#pragma once
/// \file dematel.hpp
/// Pipeline of `cikit dematel FILE`: reads the experts' direct-influence matrices (CSV format of
/// methods/weighting/dematel.hpp, docs/spec.md "DEMATEL file"), averages them and runs DEMATEL;
/// builds dematel.json, dematel.csv (one row per criterion), dematel_total.csv (the
/// total-relation matrix T) and the cause/effect diagram dematel.svg (labels in `lang`).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/weighting/dematel.hpp"

namespace cikit::pipeline {

struct DematelRunOptions {
  std::string file;      ///< the direct-influence CSV file
  std::string out;       ///< output folder ("" = no files)
  Lang lang = Lang::En;  ///< language of the figure
};

struct DematelRun {
  DematelInput input;
  DematelResult result;
  std::vector<bool> cause;  ///< per criterion: D - R > 0 (cause group), else effect group
  nlohmann::json doc;
  std::string csv;          ///< per criterion: D, R, D + R, D - R, group, weight
  std::string total_csv;    ///< T with row/column ids
  std::string svg;
  OutputSet outputs{""};
};

/// Runs `cikit dematel`. @throws InvalidInput naming the file and line (parse_dematel) or the
/// expert and criterion (dematel); DomainError when I - N is singular.
[[nodiscard]] DematelRun run_dematel(const DematelRunOptions& options);

}  // namespace cikit::pipeline
