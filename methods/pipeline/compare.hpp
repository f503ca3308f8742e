#pragma once
/// \file compare.hpp
/// The `compare` command's pipeline: the index under several weighting (x normalisation x
/// aggregation) schemes side by side (methods/compare compare_index), optionally with the
/// bootstrap stability of each scheme's weights and ranks (weight_stability), as compare.json
/// and compare_*.csv / stability_*.csv.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/compare/compare.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/random.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

/// Named CompareRunOptions (not CompareOptions) because cikit::CompareOptions is the compare
/// family's own options struct.
struct CompareRunOptions {
  std::string spec;                    ///< SPEC.yaml
  std::vector<std::string> methods;    ///< weight_methods() names; empty = every method the spec allows
  std::vector<std::string> normalize;  ///< normalisations crossed with the weights; empty = the spec's
  std::vector<std::string> aggregate;  ///< aggregations crossed with the weights; empty = the spec's
  /// Reference scheme by name; "" = the spec's own scheme (its methods.weights, normalize and
  /// aggregate, e.g. the combined scheme the appendix uses), else the first with a warning.
  std::string reference;
  int top = 10;                        ///< N of the top-N overlap
  int movers = 10;                     ///< units whose rank moves most to list
  bool stability = false;              ///< add the bootstrap stability of weights and ranks
  int replicates = 200;                ///< bootstrap replicates (stability)
  std::uint64_t seed = kDefaultSeed;   ///< master seed of the bootstrap streams (stability)
  int threads = 0;                     ///< OpenMP threads, 0 = default; results do not depend on it
  std::string out;                     ///< folder of the output files; "" = none
};

struct CompareRun {
  Spec spec;
  Dataset data;
  CompareResult result;
  std::vector<SchemeStability> stability;  ///< one per scheme when asked for, else empty
  nlohmann::json json;                     ///< compare.json
  std::string csv;                         ///< compare_summary.csv
  OutputSet files{""};
  /// The schemes' warnings and failed bootstrap replicates.
  std::vector<std::string> warnings;
};

/// Runs the compare pipeline.
/// @throws InvalidInput if `reference` names no scheme, for an unknown method name, and as
///         read_spec, load_data, compare_index; DomainError as compare_index.
[[nodiscard]] CompareRun run_compare(const CompareRunOptions& o);

}  // namespace cikit::pipeline
