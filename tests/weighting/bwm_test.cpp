// Tests of methods/weighting/bwm and bwm_tree: R lpSolve references (validation/weighting/bwm),
// Rezaei's consistency-index table, the Liang et al. (2020) input-based ratio, the judgments
// file's `bwm:` blocks over a tree, errors.

#include "methods/weighting/bwm.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <string>

#include "matrix_csv.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/bwm_tree.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/weighting/weighting.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {
Eigen::VectorXd numbers(const std::string& s) {
  std::stringstream ss(s);
  std::vector<double> v;
  double x = 0;
  while (ss >> x) v.push_back(x);
  return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}
}  // namespace

TEST_CASE("bwm matches R lpSolve: linear-model weights and xi, nonlinear xi*", "[weighting][bwm][reference]") {
  const auto t = cikit_test::read_table(cikit_test::validation_dir() + "/weighting/bwm/ref_bwm.csv");
  REQUIRE(t.size() == 6);
  for (std::size_t r = 1; r < t.size(); ++r) {
    INFO("case " << t[r][0]);
    const Eigen::VectorXd ab = numbers(t[r][4]), aw = numbers(t[r][5]), w = numbers(t[r][6]);
    const int best = std::stoi(t[r][2]) - 1, worst = std::stoi(t[r][3]) - 1;
    const auto res = cikit::bwm(ab, aw, best, worst);
    // Linear model: a unique LP optimum; 1e-9 absolute (solver round-off ~1e-15).
    REQUIRE((res.weights - w).cwiseAbs().maxCoeff() <= 1e-9);
    REQUIRE_THAT(res.xi_linear, WithinAbs(cikit_test::ref_number(t[r][7]), 1e-9));
    // Nonlinear xi*: both sides bisect over LP feasibility; the LP solvers' feasibility
    // tolerances (~1e-7 relative) bound the agreement: 1e-5 absolute.
    REQUIRE_THAT(res.xi_star, WithinAbs(cikit_test::ref_number(t[r][8]), 1e-5));
    REQUIRE_THAT(res.weights_nonlinear.sum(), WithinAbs(1.0, 1e-12));
  }
}

TEST_CASE("bwm consistency index, ratio and Liang et al. input-based verdict", "[weighting][bwm][property]") {
  // Rezaei (2015) Table 5, printed to 2 decimals.
  const double table[] = {0.00, 0.44, 1.00, 1.63, 2.30, 3.00, 3.73, 4.47, 5.23};
  for (int a = 1; a <= 9; ++a) REQUIRE_THAT(cikit::bwm_consistency_index(a), WithinAbs(table[a - 1], 0.005));
  // A fully consistent system (a_Bj a_jW = a_BW): xi* = 0, CR = 0, CR^I = 0, weights w_B/w_j = a_Bj.
  Eigen::VectorXd ab(3), aw(3);
  ab << 1, 2, 4;
  aw << 4, 2, 1;
  const auto c = cikit::bwm(ab, aw, 0, 2);
  REQUIRE_THAT(c.xi_star, WithinAbs(0.0, 1e-9));
  REQUIRE_THAT(c.weights(0) / c.weights(1), WithinAbs(2.0, 1e-9));
  REQUIRE(c.verdict == "acceptable");
  // Input-based CR by hand: car-like case, a_BW = 8: max_j |a_Bj a_jW - 8| / 56 = |4*4 - 8| / 56.
  Eigen::VectorXd b5(5), w5(5);
  b5 << 2, 1, 4, 2, 8;
  w5 << 4, 8, 4, 4, 1;
  const auto car = cikit::bwm(b5, w5, 1, 4);
  REQUIRE_THAT(car.input_cr, WithinAbs(8.0 / 56.0, 1e-12));
  REQUIRE_THAT(car.threshold, WithinAbs(0.2958, 1e-12));  // n = 5, scale 8
  REQUIRE(car.verdict == "acceptable");
  REQUIRE_THAT(car.consistency_ratio, WithinAbs(car.xi_star / cikit::bwm_consistency_index(8), 1e-12));
  REQUIRE(std::isnan(cikit::bwm_input_threshold(10, 9)));
  REQUIRE(std::isnan(cikit::bwm_input_threshold(5, 2)));
}

TEST_CASE("bwm: bad vectors get clear errors", "[weighting][bwm][error]") {
  Eigen::VectorXd ab(3), aw(3);
  ab << 2, 3, 6;
  aw << 6, 2, 1;
  REQUIRE_THROWS_WITH(cikit::bwm(ab, aw, 0, 2, {"x", "y", "z"}), Contains("best criterion 'x' against itself is 2"));
  ab << 1, 3, 6;
  aw << 5, 2, 1;
  REQUIRE_THROWS_WITH(cikit::bwm(ab, aw, 0, 2), Contains("best-over-worst differs"));
  aw << 6, 2, 2;
  REQUIRE_THROWS_WITH(cikit::bwm(ab, aw, 0, 2), Contains("worst criterion"));
  REQUIRE_THROWS_WITH(cikit::bwm(ab, aw, 1, 1), Contains("same criterion"));
}

TEST_CASE("bwm over a tree from the judgments file, several experts", "[weighting][bwm][reference]") {
  const auto spec = cikit::parse_spec(
      "index: {id: mini, label: mini}\n"
      "data: {file: d.csv, unit: id}\n"
      "tree:\n"
      "  - id: a\n"
      "    children: [{id: a1, direction: '+'}, {id: a2, direction: '+'}, {id: a3, direction: '+'}]\n"
      "  - id: b\n"
      "    children: [{id: b1, direction: '+'}, {id: b2, direction: '+'}]\n",
      "mini.yaml", "/tmp");
  const auto& tree = spec.tree;
  const std::string text =
      "experts:\n"
      "  - id: E1\n"
      "    bwm:\n"
      "      mini: {best: a, worst: b, best_to_others: {a: 1, b: 3}, others_to_worst: {a: 3, b: 1}}\n"
      "      a:\n"
      "        best: a1\n"
      "        worst: a3\n"
      "        best_to_others: {a1: 1, a2: 2, a3: 4}\n"
      "        others_to_worst: {a1: 4, a2: 2, a3: 1}\n"
      "      b: {best: b2, worst: b1, best_to_others: {b1: 2, b2: 1}, others_to_worst: {b1: 1, b2: 2}}\n"
      "  - id: E2\n"
      "    bwm:\n"
      "      mini: {best: a, worst: b, best_to_others: {a: 1, b: 1}, others_to_worst: {a: 1, b: 1}}\n";
  const auto j = cikit::parse_judgments(text, "j.yaml", tree);
  cikit::WeightInputs in;
  in.judgments = &j;
  const auto w = cikit::tree_weights(tree, cikit::WeightMethod::Bwm, in);
  auto local = [&](const char* id) { return w.local(*tree.find(id)); };
  // mini: E1 (a = 3b: 0.75) and E2 (a = b: 0.5), equal expert weights -> 0.625.
  REQUIRE_THAT(local("a"), WithinAbs(0.625, 1e-9));
  REQUIRE_THAT(local("a1"), WithinAbs(4.0 / 7, 1e-9));
  REQUIRE_THAT(local("b2"), WithinAbs(2.0 / 3, 1e-9));
  REQUIRE(w.bwm_consistency.size() == 4);
  REQUIRE_THAT(w.global.sum() - 1 - local("a") - local("b"), WithinAbs(1.0, 1e-9));  // leaves sum 1

  // Errors name the node and the line.
  const std::string bad_best =
      "experts:\n"
      "  - id: E1\n"
      "    bwm:\n"
      "      a: {best: a1, worst: a3, best_to_others: {a1: 2, a2: 2, a3: 4}, others_to_worst: {a1: 4, a2: 2, a3: 1}}\n";
  REQUIRE_THROWS_WITH(cikit::parse_judgments(bad_best, "j.yaml", tree),
                      Contains("j.yaml:4") && Contains("node 'a'") && Contains("against itself is 2"));
  const std::string missing =
      "experts:\n"
      "  - id: E1\n"
      "    bwm:\n"
      "      a: {best: a1, worst: a3, best_to_others: {a1: 1, a3: 4}, others_to_worst: {a1: 4, a2: 2, a3: 1}}\n";
  REQUIRE_THROWS_WITH(cikit::parse_judgments(missing, "j.yaml", tree), Contains("lacks child 'a2'"));
  const auto only_a = cikit::parse_judgments(bad_best.substr(0, 0) +
                                                 "experts:\n  - id: E1\n    bwm:\n      a: {best: a1, worst: a3, "
                                                 "best_to_others: {a1: 1, a2: 2, a3: 4}, others_to_worst: {a1: 4, a2: "
                                                 "2, a3: 1}}\n",
                                             "j.yaml", tree);
  cikit::WeightInputs in2;
  in2.judgments = &only_a;
  REQUIRE_THROWS_WITH(cikit::tree_weights(tree, cikit::WeightMethod::Bwm, in2),
                      Contains("mini.yaml:6") && Contains("children of node 'b'"));
}
