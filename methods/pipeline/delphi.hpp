#pragma once
/// \file delphi.hpp
/// Pipeline of `cikit delphi`: reads the spec and its expert-consultation (Delphi) file, applies
/// the permutation/seed overrides, runs analyse_delphi() and builds the JSON document and the CSV
/// files. The front ends (cli/, python/) render the per-round tables and write the files.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "methods/core/spec.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

/// What `cikit delphi` takes (plain data; no front-end types). The outputs hold ids and both
/// languages' labels, so there is no language option.
struct DelphiOptions {
  std::string spec;                        ///< SPEC.yaml (needs `delphi: FILE`)
  std::string out;                         ///< folder of the output files ("" = none written)
  std::optional<int> permutations;         ///< permutation replicates of Kendall's W (default: the Delphi file's)
  std::optional<std::uint64_t> seed;       ///< seed of the permutation test (default: the Delphi file's)
  int threads = 0;                         ///< OpenMP threads (0 = default); results do not depend on it
};

/// What it produces.
struct DelphiRun {
  Spec spec;                          ///< the spec as read
  DelphiInput input;                  ///< the Delphi file as read, with the overrides applied
  DelphiResult result;                ///< analyse_delphi()
  std::vector<std::string> warnings;  ///< result.warnings (also in the JSON document)
  TextTable items_csv;                ///< delphi_items.csv: round x aspect x level x indicator
  TextTable panel_csv;                ///< delphi_panel.csv: round x aspect x level
  nlohmann::json doc;                 ///< delphi.json
  OutputSet outputs{""};              ///< delphi.json, delphi_items.csv, delphi_panel.csv
};

/// Runs the expert-consultation analysis of `cikit delphi`.
/// @throws InvalidInput if the spec has no `delphi:` key, for a bad Delphi file or option
///         (permutations < 0, threads < 0).
[[nodiscard]] DelphiRun run_delphi(const DelphiOptions& options);

}  // namespace cikit::pipeline
