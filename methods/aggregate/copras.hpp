#pragma once
/// \file copras.hpp
/// COPRAS (COmplex PRoportional ASsessment). Rows = units (alternatives), cols = criteria.

#include <Eigen/Core>

#include "methods/aggregate/mcda_common.hpp"

namespace cikit {

struct CoprasResult {
  Eigen::VectorXd s_plus, s_minus;  ///< weighted sums over benefit / cost criteria (NaN dropped)
  Eigen::VectorXd q;                ///< relative significance Q_i (cikit's score)
  Eigen::VectorXd utility;          ///< N_i = Q_i / max Q, a fraction in (0, 1]
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// COPRAS (Zavadskas, Kaklauskas & Šarka 1994):
/// d_ij = w_j x_ij / sum_k x_kj (sum normalisation, w renormalised to sum 1);
/// S+_i = sum over benefit criteria of d_ij, S-_i = sum over cost criteria;
/// Q_i = S+_i + sum_k S-_k / (S-_i sum_k (1/S-_k)) (the published form
/// S+_i + S-_min sum S- / (S-_i sum (S-_min/S-_k)), S-_min cancelled), Q_i = S+_i without cost
/// criteria; utility N_i = Q_i / max_k Q_k. Rank by Q descending (score = Q).
/// Values must be >= 0 with a positive column sum; with cost criteria every S-_i must be > 0.
/// @throws InvalidInput (sizes, weights); DomainError (fewer than 2 complete units; a negative
///         value or a zero column sum, criterion named; S-_i = 0, unit named).
/// Reference: Zavadskas, E.K., Kaklauskas, A., Šarka, V. (1994) The new method of multicriteria
///   complex proportional assessment of projects. Technological and Economic Development of
///   Economy 1(3), 131-139.
[[nodiscard]] CoprasResult copras(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const McdaColumns& options = {});

}  // namespace cikit
