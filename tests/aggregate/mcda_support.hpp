#pragma once
// Shared helpers of the MCDA aggregation tests (gra, vikor, promethee, copras, edas, rsr): the
// R reference input of validation/aggregate/mcda_input.R and a column-by-column comparison.
#include <Eigen/Core>

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "../weighting/matrix_csv.hpp"
#include "methods/aggregate/mcda_common.hpp"
#include "support.hpp"

namespace cikit_test {

/// validation/aggregate/<method>/input.csv: 14 units x 5 criteria, u05 has a missing c4.
inline Eigen::MatrixXd mcda_input(const std::string& method) {
  return read_matrix(validation_dir() + "/aggregate/" + method + "/input.csv");
}
/// The weights and directions of mcda_input.R (c2, c5 cost).
inline Eigen::VectorXd mcda_weights() {
  Eigen::VectorXd w(5);
  w << 0.25, 0.2, 0.15, 0.25, 0.15;
  return w;
}
template <class O>
O mcda_columns() {
  O o;
  using cikit::Direction;
  o.directions = {Direction::Positive, Direction::Negative, Direction::Positive, Direction::Positive,
                  Direction::Negative};
  o.ids = {"c1", "c2", "c3", "c4", "c5"};
  return o;
}

/// Compares `got` with column `name` of the reference table: NaN where the reference is NA,
/// else |got - want| <= tol * max(1, |want|).
inline void check_column(const std::vector<std::vector<std::string>>& ref, const std::string& name,
                         const Eigen::VectorXd& got, double tol) {
  const std::size_t c = column(ref, name);
  REQUIRE(static_cast<std::size_t>(got.size()) + 1 == ref.size());
  for (Eigen::Index i = 0; i < got.size(); ++i) {
    INFO(name << " row " << i + 1);
    const double want = ref_number(ref[static_cast<std::size_t>(i) + 1].at(c));
    if (std::isnan(want)) {
      CHECK(std::isnan(got(i)));
      continue;
    }
    CHECK(std::abs(got(i) - want) <= tol * std::max(1.0, std::abs(want)));
  }
}

/// |got_i - want_i| <= half a unit of the last printed decimal (a published table).
inline void check_printed(const Eigen::VectorXd& got, const std::vector<double>& want, int decimals) {
  REQUIRE(static_cast<std::size_t>(got.size()) == want.size());
  const double tol = 0.5 * std::pow(10.0, -decimals) + 1e-12;
  for (Eigen::Index i = 0; i < got.size(); ++i) {
    INFO("alternative " << i + 1 << ": " << got(i) << " vs printed " << want[static_cast<std::size_t>(i)]);
    CHECK(std::abs(got(i) - want[static_cast<std::size_t>(i)]) <= tol);
  }
}

}  // namespace cikit_test
