#pragma once
/// \file edas.hpp
/// EDAS (Evaluation based on Distance from Average Solution). Rows = units, cols = criteria.

#include <Eigen/Core>

#include "methods/aggregate/mcda_common.hpp"

namespace cikit {

struct EdasResult {
  Eigen::VectorXd sp, sn;    ///< weighted positive / negative distances from average (NaN dropped)
  Eigen::VectorXd nsp, nsn;  ///< SP / max SP and 1 - SN / max SN
  Eigen::VectorXd as;        ///< appraisal score (NSP + NSN)/2 in [0, 1] (cikit's score)
  Eigen::Index n_dropped = 0;
  std::vector<std::string> warnings;
};

/// EDAS (Keshavarz Ghorabaee, Zavadskas, Olfat & Turskis 2015):
/// AV_j = mean_i x_ij; benefit: PDA_ij = max(0, x_ij - AV_j)/AV_j, NDA_ij = max(0, AV_j - x_ij)/AV_j;
/// cost: PDA_ij = max(0, AV_j - x_ij)/AV_j, NDA_ij = max(0, x_ij - AV_j)/AV_j;
/// SP_i = sum_j w_j PDA_ij, SN_i = sum_j w_j NDA_ij (w renormalised to sum 1);
/// NSP_i = SP_i / max SP, NSN_i = 1 - SN_i / max SN; AS_i = (NSP_i + NSN_i)/2. Rank by AS
/// descending (score = AS).
/// @throws InvalidInput (sizes, weights); DomainError (fewer than 2 complete units; an
///         average AV_j <= 0, criterion named; every unit equal on every criterion, max SP = 0).
/// Reference: Keshavarz Ghorabaee, M., Zavadskas, E.K., Olfat, L., Turskis, Z. (2015)
///   Multi-criteria inventory classification using a new method of evaluation based on distance
///   from average solution (EDAS). Informatica 26(3), 435-451, doi:10.15388/Informatica.2015.57.
[[nodiscard]] EdasResult edas(const Eigen::MatrixXd& x, const Eigen::VectorXd& w, const McdaColumns& options = {});

}  // namespace cikit
