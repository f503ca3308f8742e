#pragma once
/// \file treat.hpp
/// Data treatment before normalisation: imputation of missing values, log transforms and the
/// JRC/COINr outlier treatment (winsorisation, then a log fallback). Rows = units, cols =
/// indicators (raw values, before direction handling). Every changed value is reported.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/registry.hpp"

namespace cikit {

/// One treated value: which unit and indicator, what was done, the value before and after.
struct TreatedPoint {
  Eigen::Index row = 0;  ///< unit (row of x)
  Eigen::Index col = 0;  ///< indicator (column of x)
  /// "impute_mean", "impute_median", "impute_group_mean", "winsorise_high", "winsorise_low",
  /// "log" or "log_ct".
  std::string action;
  double before = 0;  ///< NaN for imputed values
  double after = 0;
};

/// What happened to one indicator.
struct ColumnTreatment {
  std::string id;
  Eigen::Index n_imputed = 0;
  /// Skewness G1 and excess kurtosis G2 (e1071 type 2) after imputation, before outlier
  /// treatment, and at the end; NaN when undefined (fewer than 4 values or constant).
  double skew_before = 0, kurt_before = 0, skew_after = 0, kurt_after = 0;
  bool flagged_before = false;  ///< |skew| > threshold and kurtosis > threshold, before
  bool flagged_after = false;   ///< the same rule at the end
  Eigen::Index n_winsorised_low = 0, n_winsorised_high = 0;  ///< distinct units changed
  TransformMethod transform = TransformMethod::None;         ///< log transform applied, if any
  std::string summary;  ///< e.g. "winsorised 2 points (high)", "log_ct (winsorising 5 points did not clear the flag)"
};

struct TreatResult {
  Eigen::MatrixXd values;               ///< treated data, same shape as the input
  std::vector<ColumnTreatment> columns;  ///< one per column
  std::vector<TreatedPoint> points;      ///< every changed value, by column then row
  std::vector<std::string> warnings;
};

/// Plain natural log, y = ln(x). Missing values stay missing.
/// @throws DomainError naming the unit and the indicator for the first value <= 0.
[[nodiscard]] Eigen::VectorXd log_transform(const Eigen::VectorXd& x, const std::string& indicator,
                                            const std::vector<std::string>& unit_ids);

/// COINr's "COIN Tool" log, safe for zeros and negatives:
/// \f[ y_i = \ln\big(x_i - \min_u x_u + 0.01(\max_u x_u - \min_u x_u)\big) \f]
/// (min/max over available values). The minimum maps to ln(0.01 range); order is preserved.
/// @throws DomainError naming the indicator when it is constant (range 0: ln 0 undefined) or has
///         no available value.
/// Reference: COINr `log_CT()` (R/treat.R: "log(x - min(x) + a), where a <- 0.01*(max(x)-min(x))"),
///   Becker et al. (2022) JOSS 7(78):4567, doi:10.21105/joss.04567.
[[nodiscard]] Eigen::VectorXd log_ct_transform(const Eigen::VectorXd& x, const std::string& indicator);

/// Treats every column of `x` in this order:
/// 1. imputation (`config.impute`): missing values <- the column's mean or median (R `median`:
///    mean of the two middle values for even n) over the available units, or the mean of the
///    available units of the same group (`groups[i]`, one label per row); a group without any
///    available value leaves its missing values missing (a warning names it);
/// 2. per-indicator transform (`config.transform_by_indicator`): `log` / `log_ct` is applied and the
///    outlier procedure is skipped for that indicator; `none` leaves it untreated;
/// 3. outliers (`config.outliers == Winsorise`; JRC/COINr): while |G1| > config.skew and
///    G2 > config.kurtosis (G1, G2 the bias-adjusted skewness and excess kurtosis, e1071 type 2)
///    and fewer than config.winmax units have been changed: if G1 >= 0 every unit at the current
///    maximum gets the next lower distinct value, else every unit at the minimum gets the next
///    higher one (ties move together, so one step can change several units); recompute G1, G2.
///    If the flag is still raised when winmax is reached, the winsorisation is discarded and
///    `config.fallback` is applied to the imputed values (COINr's `combine_treat = FALSE`);
///    with fallback `none` the winsorised values are kept with a warning.
/// Columns with fewer than 4 available values are not checked (warning).
/// @param unit_ids one per row (messages and reports); @param groups one per row or empty.
/// @throws InvalidInput for mismatched sizes, winmax < 0, non-finite/negative thresholds, or
///         group_mean without groups; DomainError from the log transforms (unit and indicator named).
/// Reference: OECD/JRC (2008) Handbook on Constructing Composite Indicators §1.5 and Step 3;
///   COINr `Treat()`/`winsorise()`/`check_SkewKurt()` (R/treat.R) and COINr 0.x `coin_win()`;
///   Joanes & Gill (1998) JRSS-D 47:183 (G1, G2).
[[nodiscard]] TreatResult treat(const Eigen::MatrixXd& x, const std::vector<std::string>& indicator_ids,
                                const std::vector<std::string>& unit_ids, const TreatConfig& config,
                                const std::vector<std::string>& groups = {});

/// True when the configuration changes anything (imputation, outliers or a per-indicator transform).
[[nodiscard]] bool treatment_requested(const TreatConfig& config);

}  // namespace cikit
