#pragma once
/// \file reliability.hpp
/// Pipeline of `cikit reliability`: reads the spec and its data, runs alpha_by_node() (with
/// split-half and omega) and builds the machine-readable outputs (JSON document, CSV files).
/// The front ends (cli/, python/) render the human tables from the result and write the files.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "methods/core/random.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/reliability/tree_alpha.hpp"

namespace cikit::pipeline {

/// What `cikit reliability` takes (plain data; no front-end types). The outputs hold both
/// languages' labels, so there is no language option; the front end renders in one.
struct ReliabilityOptions {
  std::string spec;                   ///< SPEC.yaml
  std::string out;                    ///< folder of the output files ("" = none written)
  int bootstrap = 0;                  ///< bootstrap replicates of raw alpha's CIs (0 = none)
  std::uint64_t seed = kDefaultSeed;  ///< master seed of the bootstrap streams
  std::string missing = "pairwise";   ///< pairwise (psych) or listwise
  /// The statistics computed per node: "alpha" (required: α and its companions, the item
  /// statistics, α if dropped, the CIs: reliability.csv), "split-half" and "omega" (the two
  /// behind split_half_omega.csv). Default all three. Leaving one out leaves its JSON keys, its
  /// split_half_omega.csv columns (the file, when both are left out) and its time out; what is
  /// computed is the same to the bit as in the full run.
  std::vector<std::string> statistics = {"alpha", "split-half", "omega"};
};

/// What it produces.
struct ReliabilityRun {
  Spec spec;                          ///< the spec as read
  std::vector<NodeAlpha> nodes;       ///< alpha_by_node(), root first
  std::vector<std::string> warnings;  ///< "node 'id': ..." (also in the JSON document)
  TextTable csv;                      ///< reliability.csv (both labels, full precision)
  TextTable split_half_csv;           ///< split_half_omega.csv (no header when neither was asked for)
  bool split_half = true;             ///< split-half was asked for (ReliabilityOptions::statistics)
  bool omega = true;                  ///< omega was asked for
  nlohmann::json doc;                 ///< reliability.json
  OutputSet outputs{""};              ///< reliability.csv, reliability.json, split_half_omega.csv (if asked for)
};

/// Runs the reliability analysis of `cikit reliability`.
/// @throws InvalidInput for a bad spec, data file or option (`missing` not pairwise/listwise,
///         `bootstrap` < 0, a statistic other than alpha/split-half/omega, or none named alpha),
///         DomainError for degenerate data.
[[nodiscard]] ReliabilityRun run_reliability(const ReliabilityOptions& options);

}  // namespace cikit::pipeline
