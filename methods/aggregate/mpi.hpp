#pragma once
/// \file mpi.hpp
/// Mazziotta–Pareto Index (MPI): a non-compensatory composite that penalises units whose
/// standardised indicators are unbalanced. Rows = units, cols = indicators (raw data: MPI
/// standardises them itself).

#include <Eigen/Core>
#include <string>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/weighting/objective_common.hpp"

namespace cikit {

/// Sign of the penalty.
enum class MpiPenalty {
  Negative,  ///< MPI- = M - S cv: "positive"/increasing index (well-being, development). Default.
  Positive,  ///< MPI+ = M + S cv: "negative"/decreasing index (poverty, deprivation)
};

/// Divisor of the standard deviations (both the per-indicator S_j and the per-unit S_zi).
enum class MpiSd {
  Population,  ///< divide by n (resp. m): Mazziotta & Pareto's formulas (De Muro et al. 2011)
  Sample,      ///< divide by n - 1 (resp. m - 1): R Compind (normalise_ci + ci_mpi, uses sd/var)
};

struct MpiOptions {
  std::vector<Direction> directions;  ///< polarity per indicator; empty = all positive
  MpiPenalty penalty = MpiPenalty::Negative;
  MpiSd sd = MpiSd::Population;
  double mean = 100.0;   ///< standardised mean (100 in the MPI)
  double scale = 10.0;   ///< standardised sd (10 in the MPI)
  CompleteCaseRule missing = CompleteCaseRule::Listwise;  ///< dropped units score NaN
  std::vector<std::string> ids;  ///< indicator ids for messages
  /// A column whose range is <= this * max(1, max|x|) is constant (an error).
  double zero_range_tol = 1e-12;
};

struct MpiResult {
  Eigen::VectorXd score;  ///< MPI per unit (NaN for dropped units)
  Eigen::VectorXd mean_z; ///< M_zi: mean of the unit's standardised values
  Eigen::VectorXd sd_z;   ///< S_zi
  Eigen::VectorXd cv_z;   ///< cv_i = S_zi / M_zi
  Eigen::MatrixXd z;      ///< standardised values (NaN rows for dropped units)
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// Mazziotta–Pareto Index:
/// z_ij = mean ± scale (x_ij - M_j)/S_j (+ for positive polarity, - for negative), with M_j,
/// S_j the column mean and sd; per unit M_zi = mean_j z_ij, S_zi = sd_j z_ij, cv_i = S_zi/M_zi;
/// MPI-_i = M_zi - S_zi cv_i (penalty Negative) or MPI+_i = M_zi + S_zi cv_i (Positive).
/// Unweighted, as the original. Conventions: rows = units; sd divisor per `sd` (Population =
/// the authors' formulas, Sample = R Compind); complete data (listwise or error).
/// @throws InvalidInput (sizes; scale <= 0; rule Error and a missing value); DomainError if
///         fewer than 2 complete units or 2 indicators, or a constant column; a unit with
///         M_zi <= 0 (cv undefined) is a DomainError naming the row.
/// Reference: De Muro, Mazziotta & Pareto (2011), Composite indices of development and poverty:
///   an application to MDGs, Soc. Indic. Res. 104(1):1–18, doi:10.1007/s11205-010-9727-z;
///   Mazziotta & Pareto (2016) Soc. Indic. Res. 127:983–1003.
[[nodiscard]] MpiResult mazziotta_pareto(const Eigen::MatrixXd& x, const MpiOptions& options = {});

}  // namespace cikit
