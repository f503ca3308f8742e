// Tests of methods/weighting/deviation: maximising deviation, mean deviation and independence
// weights against base R (validation/weighting/deviation), hand cases, errors.

#include "methods/weighting/deviation.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "matrix_csv.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("deviation and independence weights match base R", "[weighting][deviation][reference]") {
  const std::string d = cikit_test::validation_dir() + "/weighting/deviation";
  const Eigen::MatrixXd x = cikit_test::read_matrix(d + "/input.csv", 0);
  const auto t = cikit_test::read_table(d + "/ref_deviation.csv");
  auto row = [&](const std::string& q) {
    Eigen::VectorXd v(4);
    for (std::size_t r = 1; r < t.size(); ++r)
      if (t[r].at(0) == q)
        for (Eigen::Index j = 0; j < 4; ++j) v(j) = cikit_test::ref_number(t[r].at(static_cast<std::size_t>(j) + 1));
    return v;
  };
  // Tolerance 1e-12 relative: sums of |differences| and an OLS R^2 (lm's QR vs the inverse
  // correlation matrix here) agree to ~1e-14 (reference written with 15 significant digits).
  const auto md = cikit::max_deviation_weights(x);
  const auto me = cikit::mean_deviation_weights(x);
  const auto in = cikit::independence_weights(x);
  for (Eigen::Index j = 0; j < 4; ++j) {
    REQUIRE_THAT(md.score(j), WithinRel(row("maxdev_score")(j), 1e-12));
    REQUIRE_THAT(md.weights(j), WithinRel(row("maxdev_weight")(j), 1e-12));
    REQUIRE_THAT(me.weights(j), WithinRel(row("meandev_weight")(j), 1e-12));
    REQUIRE_THAT(in.score(j), WithinRel(row("indep_score")(j), 1e-12));
    REQUIRE_THAT(in.weights(j), WithinRel(row("indep_weight")(j), 1e-12));
  }
}

TEST_CASE("deviation weights: hand case and errors", "[weighting][deviation][error]") {
  // Column 1 = 0, 1 (D = 2); column 2 = 0, 0.5, 1 pattern after min-max; a constant column -> 0.
  Eigen::MatrixXd x(3, 3);
  x << 0, 0, 5, 1, 1, 5, 1, 2, 5;
  const auto md = cikit::max_deviation_weights(x);
  // z1 = (0, 1, 1): D = 2*(1 + 1 + 0) = 4; z2 = (0, .5, 1): D = 2*(.5 + 1 + .5) = 4; z3 constant.
  REQUIRE_THAT(md.weights(0), WithinAbs(0.5, 1e-15));
  REQUIRE_THAT(md.weights(2), WithinAbs(0.0, 1e-15));
  REQUIRE(md.warnings.size() == 1);
  Eigen::MatrixXd c(6, 3);
  c << 1, 2, 3, 2, 1, 3, 3, 5, 8, 4, 4, 8, 5, 7, 12, 6, 3, 9;  // column 3 = column 1 + column 2
  cikit::VariationOptions o;
  o.ids = {"p", "q", "r"};
  REQUIRE_THROWS_WITH(cikit::independence_weights(c, o), Contains("exact linear combination"));
  REQUIRE_THROWS_WITH(cikit::independence_weights(c.topRows(4), o), Contains("at least 5"));
  // Two children with correlation exactly -1 (b = 1 - a after min-max; the tests/cli good.csv
  // case): singular, an error naming a column, never a NaN weight.
  Eigen::MatrixXd d(5, 2);
  d << 0, 1, 0.25, 0.75, 0.75, 0.25, 1, 0, 0.375, 0.625;
  o.ids = {"b1", "b2"};
  REQUIRE_THROWS_WITH(cikit::independence_weights(d, o), Contains("exact linear combination"));
}

TEST_CASE("methods.weights max_deviation, mean_deviation, independence in build_index match base R",
          "[weighting][deviation][reference]") {
  // validation/weighting/deviation/index.R: the compare case (12 units, two groups, a cost
  // indicator), weights node by node from the children's scores, arithmetic means up the tree.
  const cikit::Spec spec = cikit::read_spec(cikit_test::validation_dir() + "/compare/spec.yaml");
  const cikit::Dataset data = cikit::load_data(spec);
  const auto t = cikit_test::read_table(cikit_test::validation_dir() + "/weighting/deviation/ref_index.csv");
  for (const std::string scheme : {"max_deviation", "mean_deviation", "independence"}) {
    cikit::IndexConfig cfg = spec.config;
    REQUIRE(cikit::parse_method(cikit::weight_methods(), scheme, cfg.weights));
    const cikit::IndexResult r = cikit::build_index(data, spec.tree, cfg);
    int checked = 0;
    for (std::size_t k = 1; k < t.size(); ++k) {
      if (t[k].at(0) != scheme) continue;
      const double ref = cikit_test::ref_number(t[k].at(3));
      // 1e-12 relative: the same closed forms on 12 units (the scores are means of 0-100 values).
      if (t[k].at(1) == "weight") {
        REQUIRE_THAT(r.weights.local(*spec.tree.find(t[k].at(2))), WithinRel(ref, 1e-12));
      } else {
        Eigen::Index u = 0;
        while (data.unit_ids[static_cast<std::size_t>(u)] != t[k].at(2)) ++u;
        REQUIRE_THAT(r.scores(u, spec.tree.root()), WithinRel(ref, 1e-12));
      }
      ++checked;
    }
    REQUIRE(checked == 7 + 12);
  }
}
