#pragma once
/// \file cfa_tables.hpp
/// Appendix tables of the confirmatory factor analysis (methods/cfa, `cikit cfa`), in one
/// language: A15 global fit with thresholds and verdicts (Hu & Bentler 1999; χ²/df < 3 and
/// CFI ≥ 0.90 as the acceptable bands), A16 loadings (unstandardised with SE, z, p;
/// standardised; R²) with CR and AVE per factor, and the CFA-based variant of A8 (CR, AVE and
/// the Fornell–Larcker criterion with the latent correlations). A model that did not converge,
/// or whose solution is improper (Heywood case: a negative variance; a latent correlation
/// beyond ±1; a latent covariance matrix that is not positive definite), gets a loud notice
/// and no verdicts: its fit indices are never presented as valid. Every phrase comes from the
/// message catalogue (messages_cfa.cpp).

#include <string>
#include <vector>

#include <Eigen/Core>

#include "methods/cfa/estimate.hpp"
#include "methods/core/verdicts.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// What the CFA tables show, with the names already in the table's language.
struct CfaTablesInput {
  const cfa::CfaFit* fit = nullptr;
  std::string estimator = "ml";        ///< ml | mlr
  std::string missing = "listwise";    ///< listwise | fiml
  std::string observed = "indicators"; ///< indicators | node_scores
  int n_units = 0;                     ///< units in the data
  std::vector<std::string> factor_names;    ///< first-order then second-order factors, displayed
  std::vector<std::string> observed_names;  ///< observed variables in model.indicators order, displayed
  std::vector<double> cr, ave;              ///< per first-order factor (standardised CFA loadings)
  std::vector<bool> fornell_larcker_ok;     ///< per first-order factor
  Eigen::MatrixXd fornell_larcker;          ///< √AVE on the diagonal, latent correlations off it
  const VerdictTable* verdicts = nullptr;
  std::string model_note;  ///< which model was fitted (one sentence in the table's language)
};

/// The reasons (in `lang`) why the solution is not admissible: negative residual or factor
/// variances, |latent r| > 1, non-PD latent covariance, non-convergence. Empty when admissible.
[[nodiscard]] std::vector<std::string> cfa_inadmissible(const CfaTablesInput& in, Lang lang);

/// A15: χ², df, p, χ²/df, CFI, TLI, RMSEA (90% CI, p-close), SRMR, NFI, IFI, (GFI/AGFI for ML;
/// scaled/robust versions for MLR), AIC, BIC, with the rule and the verdict of each judged index;
/// notes: estimator, N, convergence, observed variables. Not converged: no values.
[[nodiscard]] Table cfa_fit_table(const CfaTablesInput& in, Lang lang);

/// A16: per loading the unstandardised estimate, SE, z, p, the standardised loading (std.all)
/// and R² of the observed variable; CR and AVE on each factor's first row.
[[nodiscard]] Table cfa_loadings_table(const CfaTablesInput& in, Lang lang);

/// A8 (CFA variant): CR, AVE, √AVE and √AVE > |r| per first-order factor, latent correlations
/// below the diagonal (√AVE on it). Empty optional-like: a table with no rows when there is one factor.
[[nodiscard]] Table cfa_convergent_table(const CfaTablesInput& in, Lang lang);

}  // namespace cikit::report
