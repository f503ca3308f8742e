#pragma once
/// \file check.hpp
/// The `check` command's pipeline: data checks per indicator (methods/describe describe()), the
/// method preflight and the treatment the spec asks for, as check.json, check.csv,
/// treatment.csv and treated_points.csv. Blocking problems (a constant or entirely missing
/// indicator, a method combination that cannot work, a failing treatment) are returned, not
/// thrown, so the outputs can still be written.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/aggregate/preflight.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/describe/describe.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/treat/treat.hpp"

namespace cikit::pipeline {

struct CheckOptions {
  std::string spec;      ///< SPEC.yaml
  Lang lang = Lang::En;  ///< language of the per-indicator table (also the header of check.csv)
  std::string out;       ///< folder of the output files; "" = none
};

struct CheckRun {
  Spec spec;
  Dataset data;
  DescribeResult describe;              ///< per-indicator statistics and flags
  std::vector<PreflightIssue> issues;   ///< method combinations that cannot work
  TreatResult treated;                  ///< methods.treat applied (empty when not asked for or failing)
  TextTable table;                      ///< per indicator, in CheckOptions::lang (check.csv)
  std::vector<std::string> problems;    ///< blocking problems, one sentence each (empty = none)
  std::vector<std::string> warnings;
  nlohmann::json json;                  ///< check.json
  OutputSet files{""};
};

/// Runs the check pipeline.
/// @throws InvalidInput, DomainError as read_spec and load_data (unreadable data); problems
///         found in readable data are in CheckRun::problems instead.
[[nodiscard]] CheckRun run_check(const CheckOptions& o);

}  // namespace cikit::pipeline
