#pragma once
/// \file validity.hpp
/// Pipeline of `cikit validity`: reads the spec, its data and criterion columns, runs
/// structure_validity() and criterion_validity() (on the index as `cikit index` builds it) and
/// builds the tables (also the CSV files), the JSON document and the output files. The front
/// ends (cli/, python/) print the tables and notes and write the files.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "methods/core/random.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/validity/criterion.hpp"
#include "methods/validity/structure.hpp"

namespace cikit::pipeline {

/// What `cikit validity` takes (plain data; no front-end types).
struct ValidityOptions {
  std::string spec;                   ///< SPEC.yaml
  std::string out;                    ///< folder of the output files ("" = none written)
  Lang lang = Lang::En;               ///< language of the table labels (tables are also the CSV files)
  int replicates = 100;               ///< parallel-analysis replicates (>= 2)
  std::uint64_t seed = kDefaultSeed;  ///< master seed of the parallel analysis
  bool listwise = false;              ///< listwise deletion for correlations (default pairwise)
};

/// The tables of the report, in `lang`; each is also a CSV file (validity_<name>.csv).
struct ValidityTables {
  TextTable summary;           ///< per scope: p, KMO, Bartlett, PC1 %, Kaiser, parallel, CR, AVE, Fornell-Larcker
  TextTable eigenvalues;       ///< eigenvalues with parallel-analysis thresholds
  TextTable loadings;          ///< whole-system varimax loadings vs declared dimensions
  TextTable htmt;              ///< HTMT above, HTMT2 below the diagonal (empty without convergent validity)
  TextTable item_dimension;    ///< indicators vs dimension scores
  TextTable dimension_scores;  ///< dimension-score correlations (r below, p above)
  TextTable criterion;         ///< criterion validity (empty without `criteria:`)
};

/// What it produces.
struct ValidityRun {
  Spec spec;                                  ///< the spec as read
  Eigen::Index n_units = 0;                   ///< units of the data
  Eigen::Index n_indicators = 0;              ///< indicators of the data
  StructureValidityResult structure;          ///< structure_validity()
  std::vector<CriterionCorrelation> criteria; ///< criterion_validity() (empty without `criteria:`)
  ValidityTables tables;
  std::vector<std::string> warnings;          ///< structure.warnings (also in the JSON document)
  nlohmann::json doc;                         ///< validity.json
  OutputSet outputs{""};                      ///< validity_*.csv and validity.json
};

/// Runs the validity analysis of `cikit validity`.
/// @throws InvalidInput for a bad spec, data file or option (replicates < 2), DomainError for
///         degenerate data.
[[nodiscard]] ValidityRun run_validity(const ValidityOptions& options);

}  // namespace cikit::pipeline
