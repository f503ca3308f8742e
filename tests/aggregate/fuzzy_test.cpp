// Tests of methods/aggregate/fuzzy (fuzzy comprehensive evaluation): R reference for the four
// operators and both grade rules (validation/aggregate/fuzzy, base R 4.2 from the textbook
// formulas), hand-computed memberships, the spec keys, the index details and the errors.

#include "methods/aggregate/fuzzy.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "mcda_support.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

Eigen::MatrixXd thresholds() {  // validation/aggregate/fuzzy/thresholds.csv
  Eigen::MatrixXd v(5, 4);
  v << 30, 45, 60, 75, 3, 4, 6, 8, 1, 2, 4, 5, 4, 6, 9, 12, 3, 4.5, 6, 7.5;
  return v;
}

}  // namespace

TEST_CASE("fuzzy evaluation matches the R reference (four operators, two grade rules)",
          "[aggregate][fuzzy][reference]") {
  const Eigen::MatrixXd x = cikit_test::mcda_input("fuzzy");
  const auto ref = cikit_test::read_table(cikit_test::validation_dir() + "/aggregate/fuzzy/ref_fuzzy.csv");
  const Eigen::MatrixXd v = cikit_test::read_matrix(cikit_test::validation_dir() + "/aggregate/fuzzy/thresholds.csv");
  REQUIRE_THAT((v - thresholds()).cwiseAbs().maxCoeff(), WithinAbs(0.0, 0.0));
  for (const auto& m : cikit::fuzzy_operators()) {
    const std::string op(m.name);
    auto o = cikit_test::mcda_columns<cikit::FuzzyOptions>();
    o.op = m.value;
    o.thresholds = v;
    const auto r = cikit::fuzzy_evaluation(x, cikit_test::mcda_weights(), o);
    CHECK(r.n_dropped == 1);
    // Piecewise-linear memberships, a 5-term min/max/sum and one division: 1e-12.
    for (Eigen::Index k = 0; k < 4; ++k)
      cikit_test::check_column(ref, op + "_b" + std::to_string(k + 1), r.membership.col(k), 1e-12);
    cikit_test::check_column(ref, op + "_score", r.score, 1e-12);
    cikit_test::check_column(ref, op + "_grade_max", r.grade, 0);
    // The nearest-score grade, except where the score is within 1e-9 of a midpoint between
    // two grade scores (u03 under M(.,+) scores exactly 1.5: a tie whose side depends on the
    // last bit of a sum; both implementations take the lower grade when exact).
    o.grade_rule = cikit::FuzzyGradeRule::Score;
    const auto rs = cikit::fuzzy_evaluation(x, cikit_test::mcda_weights(), o);
    const std::size_t col = cikit_test::column(ref, op + "_grade_score");
    for (Eigen::Index i = 0; i < rs.grade.size(); ++i) {
      const double want = cikit_test::ref_number(ref[static_cast<std::size_t>(i) + 1].at(col));
      if (std::isnan(want)) continue;
      const double frac = rs.score(i) - std::floor(rs.score(i));
      if (std::abs(frac - 0.5) < 1e-9) continue;
      INFO(op << " unit " << i + 1);
      CHECK_THAT(rs.grade(i), WithinAbs(want, 0.0));
    }
  }
}

TEST_CASE("fuzzy membership by hand: semi-trapezoids at the ends, triangles inside", "[aggregate][fuzzy][property]") {
  const Eigen::RowVector4d v(10, 20, 40, 50);
  CHECK(cikit::grade_membership(5, v).isApprox(Eigen::RowVector4d(1, 0, 0, 0)));
  CHECK(cikit::grade_membership(10, v).isApprox(Eigen::RowVector4d(1, 0, 0, 0)));
  CHECK(cikit::grade_membership(15, v).isApprox(Eigen::RowVector4d(0.5, 0.5, 0, 0)));
  CHECK(cikit::grade_membership(25, v).isApprox(Eigen::RowVector4d(0, 0.75, 0.25, 0)));
  CHECK(cikit::grade_membership(40, v).isApprox(Eigen::RowVector4d(0, 0, 1, 0)));
  CHECK(cikit::grade_membership(60, v).isApprox(Eigen::RowVector4d(0, 0, 0, 1)));
  // A cost criterion: the same increasing values, grade order reversed.
  CHECK(cikit::grade_membership(25, v, true).isApprox(Eigen::RowVector4d(0, 0.25, 0.75, 0)));
  // Memberships sum to 1 everywhere.
  for (double x = 0; x <= 60; x += 0.7) CHECK_THAT(cikit::grade_membership(x, v).sum(), WithinAbs(1.0, 1e-15));
  // One unit, two criteria with weights 0.6/0.4, memberships (0.5, 0.5, 0, 0) and (0, 0, 1, 0):
  // M(.,+) b = (0.3, 0.3, 0.4, 0), score = 0.3 + 0.6 + 1.2 = 2.1; max-membership grade 3.
  Eigen::MatrixXd x(1, 2);
  x << 15, 40;
  cikit::FuzzyOptions o;
  o.thresholds.resize(2, 4);
  o.thresholds << v, v;
  const auto r = cikit::fuzzy_evaluation(x, Eigen::Vector2d(0.6, 0.4), o);
  CHECK_THAT(r.score(0), WithinAbs(2.1, 1e-15));
  CHECK_THAT(r.grade(0), WithinAbs(3.0, 0.0));
  // M(^,v): b = (max(min(.6,.5), 0), 0.5, 0.4, 0) = (0.5, 0.5, 0.4, 0) / 1.4.
  o.op = cikit::FuzzyOperator::MinMax;
  const auto m = cikit::fuzzy_evaluation(x, Eigen::Vector2d(0.6, 0.4), o);
  CHECK_THAT(m.membership(0, 0), WithinAbs(0.5 / 1.4, 1e-15));
  CHECK_THAT(m.membership(0, 2), WithinAbs(0.4 / 1.4, 1e-15));
  CHECK_THAT(m.grade(0), WithinAbs(1.0, 0.0));  // tie between grades 1 and 2: the lower grade
}

TEST_CASE("fuzzy evaluation errors", "[aggregate][fuzzy][error]") {
  Eigen::MatrixXd x(2, 2);
  x << 1, 2, 3, 4;
  cikit::FuzzyOptions o;
  o.ids = {"a", "b"};
  o.node = "g";
  o.thresholds.resize(2, 3);
  o.thresholds << 1, 2, 3, 1, 3, 3;  // b: not strictly increasing
  CHECK_THROWS_WITH(cikit::fuzzy_evaluation(x, Eigen::Vector2d(0.5, 0.5), o),
                    Contains("node 'g'") && Contains("'b'") && Contains("strictly increasing"));
  o.thresholds.resize(1, 3);
  CHECK_THROWS_AS(cikit::fuzzy_evaluation(x, Eigen::Vector2d(0.5, 0.5), o), cikit::InvalidInput);
  CHECK_THROWS_AS(cikit::grade_membership(1, Eigen::RowVectorXd::Constant(1, 1.0)), cikit::InvalidInput);
}

namespace {
const std::string kSpec = R"(index: {id: mini, label: {en: Mini}}
data: {file: good.csv, unit: id}
methods:
  normalize: none
  aggregate:
    method: fuzzy
    fuzzy:
      grades: [poor, fair, good]
      operator: min_max
      grade: score
      thresholds:
        a1: [10, 30, 50]
        a2: [1, 3, 5]
tree:
  - {id: a1, direction: "+"}
  - {id: a2, direction: "-"}
)";
cikit::Spec parse(const std::string& text) { return cikit::parse_spec(text, "t.yaml", "/base"); }
}  // namespace

TEST_CASE("fuzzy in the spec and the index: keys, details, located errors", "[aggregate][fuzzy][spec]") {
  const cikit::Spec s = parse(kSpec);
  const auto& f = s.config.aggregate_params.fuzzy;
  CHECK(s.config.aggregate == cikit::AggregateMethod::Fuzzy);
  CHECK(f.op == cikit::FuzzyOperator::MinMax);
  CHECK(f.grade == cikit::FuzzyGradeRule::Score);
  CHECK(f.grades == std::vector<std::string>{"poor", "fair", "good"});
  CHECK(f.thresholds.at("a2") == std::vector<double>{1, 3, 5});
  cikit::Dataset d;
  d.unit_ids = {"u1", "u2", "u3"};
  d.indicator_ids = {"a1", "a2"};
  d.values.resize(3, 2);
  d.values << 10, 5, 40, 2, 60, 1;
  const cikit::IndexResult r = cikit::build_index(d, s.tree, s.config);
  const auto& det = r.details[static_cast<std::size_t>(s.tree.root())];
  REQUIRE(det.names == std::vector<std::string>{"membership/poor", "membership/fair", "membership/good", "grade"});
  // u1: a1 = 10 -> poor 1; a2 = 5 (cost, 5 = v_3 = the worst grade's value) -> poor 1: b = (1, 0, 0).
  CHECK_THAT(det.values(0, 0), WithinAbs(1.0, 1e-15));
  CHECK_THAT(r.scores(0, s.tree.root()), WithinAbs(1.0, 1e-15));
  // u3: a1 = 60 -> good 1, a2 = 1 -> good 1: score 3 (best).
  CHECK_THAT(r.scores(2, s.tree.root()), WithinAbs(3.0, 1e-15));
  CHECK(r.ranks(2, s.tree.root()) == 1);

  // Bad input: non-increasing thresholds (file line), a row for an unknown node, a child the
  // table does not cover (node and indicator named), wrong length.
  std::string bad = kSpec;
  bad.replace(bad.find("[1, 3, 5]"), 9, "[1, 3, 3]");
  CHECK_THROWS_WITH(parse(bad), Contains("t.yaml:13") && Contains("strictly increasing"));
  bad = kSpec;
  bad.replace(bad.find("a2: [1, 3, 5]"), 13, "zz: [1, 3, 5]");
  CHECK_THROWS_WITH(parse(bad), Contains("'zz' is not an indicator or group"));
  bad = kSpec;
  bad.replace(bad.find("        a2: [1, 3, 5]\n"), 22, "");
  const cikit::Spec uncovered = parse(bad);
  CHECK_THROWS_WITH(cikit::build_index(d, uncovered.tree, uncovered.config),
                    Contains("node 'mini'") && Contains("no thresholds for 'a2'"));
  bad = kSpec;
  bad.replace(bad.find("[1, 3, 5]"), 9, "[1, 3]");
  CHECK_THROWS_WITH(parse(bad), Contains("t.yaml:13") && Contains("2 values, but there are 3 grades"));
  bad = kSpec;
  bad.replace(bad.find("      grades: [poor, fair, good]\n"), 33, "");
  CHECK_THROWS_WITH(parse(bad), Contains("needs grades"));
}
