#pragma once
// Helpers for the objective-weighting and aggregation tests: numeric matrices and published
// value lists from reference CSVs (built on cikit_test::read_table, independent of cikit's
// own CSV reader).
#include <Eigen/Core>

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace cikit_test {

/// All columns but the first `skip` of a CSV with a header row, as a matrix ("NA" -> NaN).
inline Eigen::MatrixXd read_matrix(const std::string& path, std::size_t skip = 1) {
  const auto t = read_table(path);
  const auto rows = static_cast<Eigen::Index>(t.size() - 1);
  const auto cols = static_cast<Eigen::Index>(t.at(0).size() - skip);
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j)
      m(i, j) = ref_number(t.at(static_cast<std::size_t>(i) + 1).at(static_cast<std::size_t>(j) + skip));
  return m;
}

/// The header names after the first `skip` columns.
inline std::vector<std::string> read_header(const std::string& path, std::size_t skip = 1) {
  const auto t = read_table(path);
  return {t.at(0).begin() + static_cast<std::ptrdiff_t>(skip), t.at(0).end()};
}

/// "0.4630;0.3992" -> {0.4630, 0.3992}.
inline std::vector<double> split_values(const std::string& s) {
  std::vector<double> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ';')) out.push_back(std::stod(item));
  return out;
}

/// Row of a long-format reference table whose first two cells are (case, quantity); returns
/// the numbers in the remaining cells.
inline std::vector<double> ref_row(const std::vector<std::vector<std::string>>& t, const std::string& c,
                                   const std::string& quantity) {
  for (std::size_t r = 1; r < t.size(); ++r)
    if (t[r].at(0) == c && t[r].at(1) == quantity) {
      std::vector<double> v;
      for (std::size_t k = 2; k < t[r].size(); ++k) v.push_back(ref_number(t[r][k]));
      return v;
    }
  FAIL("no reference row " << c << "/" << quantity);
  return {};
}

}  // namespace cikit_test
