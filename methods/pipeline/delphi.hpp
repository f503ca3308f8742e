#pragma once
/// \file delphi.hpp
/// Pipeline of `cikit delphi`: reads the spec and its expert-consultation (Delphi) file, applies
/// the permutation/seed overrides, runs analyse_delphi() and builds the JSON document and the CSV
/// files. The front ends (cli/, python/) render the per-round tables and write the files.

#include <cstdint>
#include <filesystem>
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
  std::string write_spec;                  ///< "" = none; else the screened spec's path (screened_spec_files)
};

/// A file of `--write-spec`: where it goes and its text (the front end writes it).
struct SpecFile {
  std::filesystem::path path;
  std::string content;
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
  std::vector<SpecFile> spec_files;   ///< --write-spec: the screened spec (and its judgments)
};

/// The files of `cikit delphi --write-spec OUT`: OUT, the spec's own text with the indicators
/// the consultation screened out (spec.delphi_screened_out, whatever `delphi.apply` says) and
/// the groups left empty removed from the tree, a comment at the top listing them with the round
/// that dropped them, the `delphi:` key commented out (the file is the final system) and the
/// data path made relative to OUT's folder; and, when the spec has `judgments:`, the judgments
/// restated for the screened tree (judgments_for_tree) as OUT-stem_judgments.yaml beside it.
/// Reading OUT back gives the same tree, data and weights as the spec with delphi.apply: true.
/// @throws InvalidInput when a removed node is not a block-style list item (`- id: ...`).
[[nodiscard]] std::vector<SpecFile> screened_spec_files(const Spec& spec, const DelphiResult& result,
                                                        const std::filesystem::path& out);

/// Runs the expert-consultation analysis of `cikit delphi`.
/// @throws InvalidInput if the spec has no `delphi:` key, for a bad Delphi file or option
///         (permutations < 0, threads < 0).
[[nodiscard]] DelphiRun run_delphi(const DelphiOptions& options);

}  // namespace cikit::pipeline
