// Tests of methods/aggregate/mpi (Mazziotta–Pareto Index): R reference
// (validation/aggregate/mpi: the authors' population-sd formulas and R Compind's sample-sd
// version, both penalty signs), properties, errors.

#include "methods/aggregate/mpi.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "../weighting/matrix_csv.hpp"
#include "methods/core/error.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::MpiOptions;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
std::string dir() { return cikit_test::validation_dir() + "/aggregate/mpi"; }
}  // namespace

TEST_CASE("MPI matches the R reference", "[aggregate][mpi][reference]") {
  const Eigen::MatrixXd x = cikit_test::read_matrix(dir() + "/input.csv");
  const auto ref = cikit_test::read_table(dir() + "/ref_mpi.csv");
  struct Case {
    std::string name;
    cikit::MpiSd sd;
    cikit::MpiPenalty penalty;
  };
  for (const auto& c : {Case{"pop_neg", cikit::MpiSd::Population, cikit::MpiPenalty::Negative},
                        Case{"pop_pos", cikit::MpiSd::Population, cikit::MpiPenalty::Positive},
                        Case{"samp_neg", cikit::MpiSd::Sample, cikit::MpiPenalty::Negative},
                        Case{"samp_pos", cikit::MpiSd::Sample, cikit::MpiPenalty::Positive}}) {
    SECTION(c.name) {
      MpiOptions opt;
      opt.directions = {cikit::Direction::Positive, cikit::Direction::Positive, cikit::Direction::Negative,
                        cikit::Direction::Positive};
      opt.sd = c.sd;
      opt.penalty = c.penalty;
      const auto r = cikit::mazziotta_pareto(x, opt);
      const std::size_t col = cikit_test::column(ref, c.name);
      for (Eigen::Index i = 0; i < x.rows(); ++i)
        // Closed form around 100 (means and sds of 20 and 4 values): 1e-13 relative.
        REQUIRE_THAT(r.score(i), WithinRel(cikit_test::ref_number(ref[static_cast<std::size_t>(i) + 1][col]), 1e-13));
    }
  }
}

TEST_CASE("MPI: properties", "[aggregate][mpi][property]") {
  const Eigen::MatrixXd x = cikit_test::read_matrix(dir() + "/input.csv");
  const auto base = cikit::mazziotta_pareto(x);
  SECTION("MPI- <= mean z <= MPI+, equality only for balanced units") {
    MpiOptions pos;
    pos.penalty = cikit::MpiPenalty::Positive;
    const auto plus = cikit::mazziotta_pareto(x, pos);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      CHECK(base.score(i) <= base.mean_z(i));
      CHECK(plus.score(i) >= plus.mean_z(i));
      REQUIRE_THAT(base.mean_z(i) - base.score(i), WithinRel(base.sd_z(i) * base.cv_z(i), 1e-12));
    }
  }
  SECTION("standardised columns have mean 100 and population sd 10") {
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      const double m = base.z.col(j).mean();
      REQUIRE_THAT(m, WithinRel(100.0, 1e-14));
      REQUIRE_THAT(std::sqrt((base.z.col(j).array() - m).square().mean()), WithinRel(10.0, 1e-13));
    }
  }
  SECTION("invariant to positive affine maps of an indicator and to the order of units") {
    Eigen::MatrixXd y = x.colwise().reverse();
    y.col(1) = (y.col(1).array() * 4.0 + 3.0).matrix();
    const auto r = cikit::mazziotta_pareto(y);
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      REQUIRE_THAT(r.score(x.rows() - 1 - i), WithinRel(base.score(i), 1e-12));
  }
  SECTION("listwise: a unit with a missing value scores NaN, with a warning") {
    Eigen::MatrixXd y = x;
    y(3, 2) = kNaN;
    const auto r = cikit::mazziotta_pareto(y);
    CHECK(std::isnan(r.score(3)));
    CHECK(r.n_dropped == 1);
    CHECK(r.warnings.size() == 1);
  }
}

TEST_CASE("MPI: errors", "[aggregate][mpi][error]") {
  Eigen::MatrixXd x(3, 2);
  x << 1, 2, 3, 5, 5, 4;
  MpiOptions named;
  named.ids = {"a", "b"};
  SECTION("constant column") {
    Eigen::MatrixXd c = x;
    c.col(0).setConstant(2);
    REQUIRE_THROWS_WITH(cikit::mazziotta_pareto(c, named), Contains("column 1 'a' is constant"));
  }
  SECTION("too few indicators or units") {
    REQUIRE_THROWS_AS(cikit::mazziotta_pareto(x.leftCols(1)), cikit::DomainError);
    REQUIRE_THROWS_AS(cikit::mazziotta_pareto(x.topRows(1)), cikit::DomainError);
  }
  SECTION("non-positive mean standardised value") {
    MpiOptions o;
    o.mean = 0;  // centre at 0: some unit has mean z <= 0
    REQUIRE_THROWS_WITH(cikit::mazziotta_pareto(x, o), Contains("<= 0"));
  }
  SECTION("bad scale, missing under the Error rule") {
    MpiOptions o;
    o.scale = 0;
    REQUIRE_THROWS_AS(cikit::mazziotta_pareto(x, o), cikit::InvalidInput);
    Eigen::MatrixXd m = x;
    m(0, 1) = kNaN;
    MpiOptions e;
    e.missing = cikit::CompleteCaseRule::Error;
    REQUIRE_THROWS_AS(cikit::mazziotta_pareto(m, e), cikit::InvalidInput);
  }
}
