#pragma once
/// \file dematel.hpp
/// DEMATEL (Decision-Making Trial and Evaluation Laboratory): cause-effect structure of n
/// criteria from experts' direct-influence matrices, and DEMATEL-based weights.
///
///   A = mean of the experts' matrices (a_ij = influence of i on j, 0..4 scale, diagonal 0),
///   N = A / s,  s = max(max_i sum_j a_ij, max_j sum_i a_ij),
///   T = N (I - N)^{-1}                      (total-relation matrix),
///   D_i = sum_j t_ij (given),  R_j = sum_i t_ij (received),
///   prominence D + R, relation D - R (> 0: net cause, < 0: net effect),
///   w_i = sqrt((D_i + R_i)^2 + (D_i - R_i)^2) / sum_k (same).
/// References: Fontela & Gabus (1976), The DEMATEL observer, Battelle Geneva; Tzeng, Chiang &
/// Li (2007), Expert Systems with Applications 32:1028-1044, doi:10.1016/j.eswa.2006.02.004
/// (normalisation, T); the weight formula as in Dalalah, Hayajneh & Batieha (2011), Expert
/// Systems with Applications 38:8384-8391.
///
/// File format (CSV, read_dematel): a header `expert,criterion,ID_1,...,ID_n`, then for each
/// expert n rows `EXPERT,ID_i,a_i1,...,a_in` (rows in any order, each criterion once per
/// expert). Several experts are averaged with equal weights.

#include <Eigen/Core>
#include <filesystem>
#include <string>
#include <vector>

namespace cikit {

struct DematelInput {
  std::string file;
  std::vector<std::string> ids;       ///< criteria, in header order
  std::vector<std::string> experts;   ///< in file order
  std::vector<Eigen::MatrixXd> matrices;  ///< one n × n matrix per expert (header order)
};

struct DematelResult {
  std::vector<std::string> ids;
  Eigen::MatrixXd direct;      ///< A, the experts' mean
  Eigen::MatrixXd normalized;  ///< N
  Eigen::MatrixXd total;       ///< T
  Eigen::VectorXd given;       ///< D (row sums of T)
  Eigen::VectorXd received;    ///< R (column sums of T)
  Eigen::VectorXd prominence;  ///< D + R
  Eigen::VectorXd relation;    ///< D - R
  Eigen::VectorXd weights;     ///< sum 1
};

/// DEMATEL from one or more n × n matrices.
/// @throws InvalidInput for no matrix, n < 2, different sizes, a non-square matrix, a negative
///         or non-finite entry, a non-zero diagonal (expert and criterion named), or all zeros.
[[nodiscard]] DematelResult dematel(const std::vector<Eigen::MatrixXd>& matrices, const std::vector<std::string>& ids,
                                    const std::vector<std::string>& experts = {});

/// Parses the CSV format above. @throws InvalidInput naming file and line: header not
/// `expert,criterion,...`, an unknown or repeated criterion row, an expert with a wrong number
/// of rows (wrong size), a cell that is not a number >= 0, a non-zero diagonal cell.
[[nodiscard]] DematelInput parse_dematel(const std::string& text, const std::string& file_label);
/// Reads and parses a file (parse_dematel).
[[nodiscard]] DematelInput read_dematel(const std::filesystem::path& path);

}  // namespace cikit
