#pragma once
/// \file sensitivity.hpp
/// Pipeline of `cikit sensitivity`: reads the spec and its data, applies the options on top of
/// the spec's `uncertainty:` block, runs analyse_sensitivity() (Monte Carlo with Sobol'
/// indices, bootstrap over units, leave-one-out) and builds the JSON document and the CSV
/// files. The front ends (cli/, python/) render the human tables, show progress and write.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "methods/core/dataset.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/sensitivity/index_sensitivity.hpp"
#include "methods/sensitivity/sobol_convergence.hpp"

namespace cikit::pipeline {

/// What `cikit sensitivity` takes (plain data; no front-end types). Empty sets and absent
/// values leave the spec's `uncertainty:` block as it is.
struct SensitivityOptions {
  std::string spec;                     ///< SPEC.yaml
  std::string out;                      ///< folder of the output files ("" = none written)
  long replicates = -1;                 ///< model runs R (-1 = uncertainty.replicates or 10000)
  long sobol = -1;                      ///< base size N of the Saltelli design (-1 = from R)
  long bootstrap = -1;                  ///< bootstrap resamples over units (-1 = spec or 1000; 0 = none)
  int sobol_bootstrap = 1000;           ///< bootstrap resamples of the Sobol' indices' CIs
  int unit_sobol_bootstrap = 0;         ///< bootstrap resamples of every unit's Sobol' CIs (0 = none)
  std::optional<std::uint64_t> seed;    ///< master seed (default: methods.seed of the spec)
  int threads = 0;                      ///< threads (0 = all); results do not depend on it
  std::vector<std::string> impute_set;     ///< imputations to vary (registry names)
  std::vector<std::string> normalize_set;  ///< normalisations to vary
  std::vector<std::string> weights_set;    ///< weighting schemes to vary
  /// Aggregations to vary: METHOD,... (every level) or LEVEL=METHOD followed by METHOD tokens
  /// of the same level (dimensions, indicators, levelN); not both forms.
  std::vector<std::string> aggregate_set;
  std::vector<std::string> exclude;        ///< {"any"} or a list of "none" and indicator ids
  std::optional<double> weight_noise;      ///< uniform ±P % weight perturbation
  std::optional<double> dirichlet;         ///< Dirichlet weight perturbation with this concentration
  bool ahp_perturb = false;                ///< perturb every AHP judgment by ±ahp_steps
  int ahp_steps = 1;                       ///< steps of ahp_perturb on Saaty's scale (1..8)
  std::optional<double> ahp_reject_cr;     ///< redraw perturbed judgments with a CR above this
  bool leave_one_out = true;               ///< leave-one-out structure checks
  bool bootstrap_omega = false;            ///< also bootstrap omega_total per node (slow)
  Lang lang = Lang::En;                    ///< language of SensitivityRun::notes
  /// Tolerance τ of the Sobol' convergence rule (sobol_convergence.hpp): CI half-width and
  /// change from N/2 to N; > 0.
  double sobol_tolerance = kSobolTolerance;
  /// Progress of the Monte Carlo runs (done, total); optional, never affects the results.
  std::function<void(std::ptrdiff_t done, std::ptrdiff_t total)> progress;
  /// Progress of the bootstrap over units (done, B); optional, never affects the results.
  std::function<void(std::ptrdiff_t done, std::ptrdiff_t total)> bootstrap_progress;
};

/// What it produces.
struct SensitivityRun {
  Spec spec;                         ///< the spec as read, methods.seed set to the seed used
  Dataset data;                      ///< its data (unit ids and names for the tables)
  UncertaintySpec inputs;            ///< the uncertain inputs of the Monte Carlo analysis (may be empty)
  SensitivityAnalysis analysis;      ///< analyse_sensitivity()
  std::vector<Eigen::Index> order;   ///< units by nominal rank (unranked last)
  std::vector<int> dominant;         ///< per unit the input with the largest S_T (-1 none); empty without unit Sobol'
  std::vector<std::string> warnings; ///< every warning of the run (also in the JSON document)
  /// Notes for the user in options.lang (e.g. the runs actually made when the requested number
  /// of replicates was rounded up to a Saltelli design; also in the JSON document as "notes").
  std::vector<std::string> notes;
  double sobol_tolerance = kSobolTolerance;  ///< the convergence rule's τ used in the outputs
  TextTable units_csv;               ///< rank_intervals.csv, units in `order`
  TextTable sobol_csv;               ///< sobol.csv
  TextTable convergence_csv;         ///< sobol_convergence.csv
  TextTable unit_sobol_csv;          ///< sobol_unit_ranks.csv
  TextTable bootstrap_csv;           ///< bootstrap_statistics.csv
  TextTable leave_one_out_csv;       ///< leave_one_out.csv
  TextTable failures_csv;            ///< failures.csv
  nlohmann::json doc;                ///< sensitivity.json
  OutputSet outputs{""};             ///< sensitivity.json and the CSV files above that apply
};

/// Runs the sensitivity analysis of `cikit sensitivity`.
/// @throws InvalidInput for a bad spec, data file or option (an unknown method name, mixed
///         forms of aggregate_set, a set that cannot be computed), DomainError for degenerate data.
[[nodiscard]] SensitivityRun run_sensitivity(const SensitivityOptions& options);

/// Why the aggregate_set tokens are malformed ("" if they are not): both METHOD tokens for every
/// level and LEVEL=METHOD tokens. Front ends may check this while parsing.
[[nodiscard]] std::string aggregate_set_error(const std::vector<std::string>& tokens);

/// The note stating the runs actually made when the design's N came from a replicate count R
/// (so.sobol_n = 0) and N(k + 2) != R ("" otherwise), in `lang`.
[[nodiscard]] std::string design_note(const MonteCarloResult& mc, const cikit::SensitivityOptions& so, Lang lang);

/// One line describing an uncertain input: "{minmax, zscore}", "each local weight ±20% ...".
[[nodiscard]] std::string input_description(const UncertainInput& in);

}  // namespace cikit::pipeline
