#pragma once
/// \file cfa.hpp
/// Pipeline of `cikit cfa`: reads the spec and its data, builds the measurement model from the
/// tree (indicators oriented by direction; factors = the parents of the indicators, or the
/// groups of tree level `level`; `second_order` adds the next level up; the spec's `cfa:`
/// block may add residual covariances or replace the factor assignment), fits it by ML or MLR
/// (or FIML). With `observed = node_scores` (parcels) the observed variables of each factor are
/// not the raw indicators but the scores of the nodes one level below it, as the index
/// pipeline computes them (build_index: treated, normalised with direction, aggregated with
/// the spec's weights): the usual remedy in index papers when the indicator-level model has
/// more free parameters than units or groups with a single indicator
/// (Little, Cunningham, Shahar & Widaman 2002, doi:10.1207/S15328007SEM0902_1). The
/// fit (methods/cfa) is matched to lavaan cfa(); the pipeline adds CR, AVE, Fornell–Larcker and HTMT from the
/// CFA solution and the top modification indices. The front ends render the tables.
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "methods/aggregate/build_index.hpp"
#include "methods/cfa/estimate.hpp"
#include "methods/cfa/modindices.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

struct CfaOptions {
  std::string spec;                   ///< SPEC.yaml
  std::string out;                    ///< output folder ("" = none written)
  /// --observed: indicators | node_scores ("" = spec cfa.observed, else indicators).
  std::string observed;
  std::optional<int> level;           ///< --level N (else spec cfa.level, else the indicators' parents; node_scores: 1)
  std::optional<bool> second_order;   ///< --second-order (else spec cfa.second_order, else false)
  std::string estimator;              ///< ml | mlr ("" = spec cfa.estimator, else ml)
  std::string missing;                ///< listwise | fiml ("" = spec cfa.missing, else listwise)
  int top_mi = 10;                    ///< modification indices reported (largest first)
};

/// Convergent/discriminant validity of one first-order factor from the CFA solution.
struct CfaFactorValidity {
  std::string factor;
  Labels label;
  int k = 0;
  double cr = 0, ave = 0;
  bool fornell_larcker_ok = true;  ///< sqrt(AVE) > |latent r| with every other factor
};

struct CfaRun {
  Spec spec;
  std::string estimator, missing;
  std::string observed;       ///< indicators | node_scores
  int level = 0;              ///< tree depth of the factors (1 = below the index; -1 = the indicators' parents)
  bool second_order = false;
  int n_units = 0, n_used = 0;
  cfa::CfaFit fit;
  std::vector<Labels> factor_labels;     ///< first-order then second-order
  std::vector<Labels> indicator_labels;
  std::vector<CfaFactorValidity> validity;
  Eigen::MatrixXd fornell_larcker;       ///< sqrt(AVE) on the diagonal, latent correlations off it
  Eigen::MatrixXd htmt;                  ///< of the first-order factors (empty for one factor)
  std::vector<cfa::ModIndex> mi;         ///< top modification indices, largest first
  std::vector<std::string> warnings;
  TextTable fit_csv, estimates_csv;
  /// node_scores: the observed variables (unit id, then one column per model variable, the
  /// units used), written as cfa_observed.csv so that other software can refit the same model.
  TextTable observed_csv;
  nlohmann::json doc;
  OutputSet outputs{""};
};

/// Runs `cikit cfa`.
/// @throws InvalidInput for a bad spec/data/option, a factor with too few indicators, an
///         unknown indicator in `cfa:`, fewer complete units than free parameters, a constant
///         indicator or a singular covariance matrix (naming the node or indicator);
///         `missing = fiml` with `estimator = mlr` (robust FIML: not yet available).
[[nodiscard]] CfaRun run_cfa(const CfaOptions& options);

/// The CFA of a spec already read, on its loaded data (`cikit appendix` calls it). `index`: the
/// index built from `spec` and `data` (used by observed = node_scores; built here when null).
/// Writes no files unless options.out is set. @throws as run_cfa.
[[nodiscard]] CfaRun cfa_of(const Spec& spec, const Dataset& data, const IndexResult* index, const CfaOptions& options);

}  // namespace cikit::pipeline
