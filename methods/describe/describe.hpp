#pragma once
/// \file describe.hpp
/// Descriptive statistics and data checks per indicator (the `cikit check` table).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/dataset.hpp"

namespace cikit {

struct DescribeOptions {
  /// JRC/COINr outlier rule: flag when |skewness| > skew_threshold AND kurtosis > kurt_threshold
  /// (OECD/JRC Handbook 2008; COINr `check_SkewKurt`, defaults 2 and 3.5).
  double skew_threshold = 2.0;
  double kurt_threshold = 3.5;
  /// An indicator whose available values have sd <= zero_variance_tol * max(1, |mean|) is
  /// "constant" (zero variance): it cannot be normalised or correlated.
  double zero_variance_tol = 1e-12;
};

/// Statistics of one indicator over its available (non-missing) values.
struct IndicatorStats {
  std::string id;
  Eigen::Index n = 0;          ///< available values
  Eigen::Index n_missing = 0;  ///< missing values (NaN)
  /// Mean and sd (divisor n-1, R `sd`). mean is NaN when n = 0, sd when n < 2; both (and the
  /// higher moments) are NaN when a value is +-Inf (min/max are kept, with a warning).
  double mean = 0, sd = 0;
  double min = 0, max = 0;     ///< NaN when n = 0
  /// Sample skewness G1 = sqrt(n(n-1))/(n-2) * m3/m2^{3/2} (e1071 type 2, Excel SKEW, SPSS);
  /// NaN when n < 3 or sd = 0.
  double skewness = 0;
  /// Sample excess kurtosis G2 = ((n+1) g2 + 6)(n-1)/((n-2)(n-3)), g2 = m4/m2^2 - 3
  /// (e1071 type 2, Excel KURT, SPSS); NaN when n < 4 or sd = 0.
  double kurtosis = 0;
  bool outlier_flag = false;   ///< |skewness| > threshold and kurtosis > threshold
  bool zero_variance = false;  ///< constant over the available values, or n < 2 (so also when all missing)
  bool all_missing = false;    ///< n == 0
};

struct DescribeResult {
  std::vector<IndicatorStats> indicators;  ///< one per dataset column, same order
  Eigen::Index n_units = 0;
  Eigen::Index n_missing = 0;              ///< missing cells in the whole matrix
  std::vector<Eigen::Index> unit_missing;  ///< missing values per unit (row)
  std::vector<std::string> warnings;       ///< one sentence per flagged indicator
};

/// Per-indicator descriptive statistics of a dataset (rows = units, cols = indicators);
/// missing values are skipped per indicator (available-case). Never throws on degenerate
/// columns: they are flagged (all_missing, zero_variance) and warned about, and statistics
/// that are undefined are NaN (documented per field above).
/// @throws InvalidInput if indicator_ids does not match the number of columns, or an option is
///         invalid (negative or NaN tolerance, non-finite thresholds).
/// Reference: Joanes & Gill (1998), "Comparing measures of sample skewness and kurtosis",
/// JRSS-D 47:183, doi:10.1111/1467-9884.00122 (type 2 = G1, G2);
/// OECD/JRC (2008) Handbook on Constructing Composite Indicators, §1.5.
[[nodiscard]] DescribeResult describe(const Dataset& data, const DescribeOptions& options = {});

/// Statistics of one vector (NaN = missing), as in describe().
[[nodiscard]] IndicatorStats describe_column(const Eigen::Ref<const Eigen::VectorXd>& x,
                                             const DescribeOptions& options = {});

}  // namespace cikit
