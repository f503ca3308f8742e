#pragma once
/// \file criterion.hpp
/// Correlation tests (Pearson and Spearman with confidence intervals and p-values) and
/// criterion validity: how the index and its dimension scores correlate with external criteria
/// (spec `criteria:`).

#include <Eigen/Core>
#include <string>
#include <vector>

namespace cikit {

enum class CorrelationMethod { Pearson, Spearman };

/// One correlation with its test, on the units where both variables are present.
struct CorrelationTest {
  double r = 0;       ///< Pearson r, or Spearman's rho (Pearson r of average ranks)
  double lower = 0;   ///< confidence interval (Fisher z, see correlation_test)
  double upper = 0;
  double p_value = 0; ///< two-sided
  long n = 0;         ///< complete pairs
};

/// Tests the correlation of x and y (same length; NaN = missing, pairs with a NaN dropped, as
/// R's cor.test).
/// - Pearson: r; t = r sqrt((n-2)/(1-r^2)), two-sided p from Student's t with n-2 df; CI
///   tanh(atanh(r) -+ z_q / sqrt(n-3)), z_q the (1+level)/2 normal quantile — exactly R's
///   cor.test(method = "pearson").
/// - Spearman: rho = Pearson r of the average ranks (ties: mean rank); p from the same t
///   approximation, as R's cor.test(method = "spearman", exact = FALSE); CI by Fisher z with
///   the Bonett & Wright (2000) standard error sqrt((1 + rho^2/2)/(n-3)) (R's cor.test gives no
///   CI for Spearman).
/// |r| = 1 gives the degenerate interval [r, r] and p = 0.
/// @throws InvalidInput if sizes differ, level is not in (0, 1), or fewer than 4 complete pairs
///         (a CI needs n > 3); DomainError if x or y is constant over the pairs (named `what`).
/// References: Fisher (1921), Metron 1:3; Bonett & Wright (2000), Psychometrika 65:23,
///   doi:10.1007/BF02294183; R Core Team, stats::cor.test.
[[nodiscard]] CorrelationTest correlation_test(const Eigen::VectorXd& x, const Eigen::VectorXd& y,
                                               CorrelationMethod method, double level = 0.95,
                                               const std::string& what = "");

/// Criterion validity of one score against one criterion.
struct CriterionCorrelation {
  std::string score;      ///< score name ("index id" or a dimension id)
  std::string criterion;  ///< criterion column
  CorrelationTest pearson;
  CorrelationTest spearman;
};

/// Every score (columns of `scores`, e.g. the index and its first-level dimensions) against
/// every criterion (columns of `criteria`), Pearson and Spearman with `level` CIs
/// (correlation_test). Rows are the same units in both. Order: criterion-major (for each
/// criterion, all scores).
/// @throws InvalidInput if row counts or name counts differ; as correlation_test.
[[nodiscard]] std::vector<CriterionCorrelation> criterion_validity(const Eigen::MatrixXd& scores,
                                                                   const std::vector<std::string>& score_names,
                                                                   const Eigen::MatrixXd& criteria,
                                                                   const std::vector<std::string>& criterion_names,
                                                                   double level = 0.95);

}  // namespace cikit
