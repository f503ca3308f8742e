// Tests of methods/weighting/dematel: base-R reference (validation/weighting/dematel), the file
// format's errors (diagonal, size) naming the line, the cause/effect SVG.

#include "methods/weighting/dematel.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "methods/core/error.hpp"
#include "methods/report/dematel_svg.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

TEST_CASE("dematel matches base R on two experts", "[weighting][dematel][reference]") {
  const std::string d = cikit_test::validation_dir() + "/weighting/dematel";
  const auto in = cikit::read_dematel(d + "/input.csv");
  REQUIRE(in.experts.size() == 2);
  const auto r = cikit::dematel(in.matrices, in.ids, in.experts);
  const auto t = cikit_test::read_table(d + "/ref_dematel.csv");
  // 1e-12 absolute: a 4 x 4 solve, both sides at round-off.
  for (Eigen::Index i = 0; i < 4; ++i) {
    const auto& row = t.at(static_cast<std::size_t>(i) + 1);
    for (Eigen::Index j = 0; j < 4; ++j)
      REQUIRE_THAT(r.total(i, j), WithinAbs(cikit_test::ref_number(row.at(static_cast<std::size_t>(j) + 1)), 1e-12));
    REQUIRE_THAT(r.given(i), WithinAbs(cikit_test::ref_number(row.at(5)), 1e-12));
    REQUIRE_THAT(r.received(i), WithinAbs(cikit_test::ref_number(row.at(6)), 1e-12));
    REQUIRE_THAT(r.prominence(i), WithinAbs(cikit_test::ref_number(row.at(7)), 1e-12));
    REQUIRE_THAT(r.relation(i), WithinAbs(cikit_test::ref_number(row.at(8)), 1e-12));
    REQUIRE_THAT(r.weights(i), WithinAbs(cikit_test::ref_number(row.at(9)), 1e-12));
  }
  const std::string svg = cikit::report::dematel_svg(r, {"Prominence D + R", "Relation D − R", "cause", "effect"});
  REQUIRE(svg.rfind("<svg", 0) == 0);
  REQUIRE(svg.find(">c4<") != std::string::npos);
}

TEST_CASE("dematel: bad files and matrices name the line", "[weighting][dematel][error]") {
  const std::string head = "expert,criterion,a,b,c\n";
  REQUIRE_THROWS_WITH(cikit::parse_dematel(head + "E1,a,0,1,2\nE1,b,1,3,2\nE1,c,1,1,0\n", "d.csv"),
                      Contains("d.csv:3") && Contains("diagonal cell of 'b'"));
  REQUIRE_THROWS_WITH(cikit::parse_dematel(head + "E1,a,0,1,2\nE1,b,1,0,2\n", "d.csv"),
                      Contains("d.csv:2") && Contains("no row for criterion 'c'") && Contains("3 × 3"));
  REQUIRE_THROWS_WITH(cikit::parse_dematel(head + "E1,a,0,1,2\nE1,d,1,0,2\n", "d.csv"), Contains("'d' is not a criterion"));
  REQUIRE_THROWS_WITH(cikit::parse_dematel(head + "E1,a,0,x,2\n", "d.csv"), Contains("'x' is not a number"));
  Eigen::MatrixXd a(2, 2), b(3, 3);
  a << 0, 1, 1, 0;
  b.setZero();
  REQUIRE_THROWS_WITH(cikit::dematel({a, b}, {}, {"E1", "E2"}), Contains("expert 'E2' is 3 × 3"));
  a(0, 0) = 1;
  REQUIRE_THROWS_WITH(cikit::dematel({a}, {"p", "q"}, {"E1"}), Contains("diagonal cell of 'p'"));
}

TEST_CASE("dematel: Celikbilek (2018) 10-criterion matrix, weights as JMcDM documents them",
          "[weighting][dematel][reference]") {
  // validation/weighting/dematel/input_celikbilek.csv: the 10 x 10 direct-influence matrix of
  // Celikbilek, Cok Kriterli Karar Verme Yontemleri (Nobel, Ankara 2018), as printed in the
  // docstring of JMcDM's dematel (Julia; same normalisation max(row sums, column sums) and weight
  // formula), with the weights it prints (numbers only). Base R gives the same to ~1e-16.
  // Tolerance 1e-12: a 10 x 10 solve.
  const auto in = cikit::read_dematel(cikit_test::validation_dir() + "/weighting/dematel/input_celikbilek.csv");
  const auto r = cikit::dematel(in.matrices, in.ids, in.experts);
  const double want[] = {0.1686568559124561,  0.07991375718719543, 0.14006200243438863, 0.10748052790517183,
                         0.08789022388276985, 0.12526272598854982, 0.03067915023486491, 0.10489168834828348,
                         0.092654758940811,   0.06250830916550884};
  for (Eigen::Index i = 0; i < 10; ++i) REQUIRE_THAT(r.weights(i), WithinAbs(want[i], 1e-12));
}
