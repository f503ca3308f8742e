// Tests of methods/weighting/data_weights (data-driven weights per tree node) and their use in
// build_index: base-R pipeline reference (validation/weighting/tree on the simulator's sim1),
// consistency of the two entry points, errors.

#include "methods/weighting/data_weights.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/entropy.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::WeightMethod;

namespace {

cikit::Spec sim1_spec() {
  return cikit::read_spec(cikit_test::validation_dir() + "/weighting/pca/sim1/spec.yaml");
}

/// (case, quantity, id) -> value from validation/weighting/tree/ref_tree.csv.
std::map<std::string, double> tree_ref(const std::string& c, const std::string& quantity) {
  std::map<std::string, double> out;
  for (const auto& row : cikit_test::read_table(cikit_test::validation_dir() + "/weighting/tree/ref_tree.csv"))
    if (row.at(0) == c && row.at(1) == quantity) out[row.at(2)] = cikit_test::ref_number(row.at(3));
  return out;
}

}  // namespace

TEST_CASE("build_index with data-driven weights equals the base-R pipeline", "[weighting][data_weights][reference]") {
  const auto spec = sim1_spec();
  const auto data = cikit::load_data(spec);
  const auto& t = spec.tree;
  struct Case {
    std::string name;
    WeightMethod weights;
    cikit::AggregateMethod aggregate;
    double lo;
  };
  for (const auto& c : {Case{"entropy", WeightMethod::Entropy, cikit::AggregateMethod::Arithmetic, 0.0},
                        Case{"sd", WeightMethod::SD, cikit::AggregateMethod::Arithmetic, 0.0},
                        Case{"critic", WeightMethod::Critic, cikit::AggregateMethod::Arithmetic, 0.0},
                        Case{"entropy_geometric", WeightMethod::Entropy, cikit::AggregateMethod::Geometric, 1.0}}) {
    SECTION(c.name) {
      cikit::IndexConfig cfg = spec.config;
      cfg.weights = c.weights;
      cfg.aggregate = c.aggregate;
      cfg.range_lo = c.lo;
      const auto r = cikit::build_index(data, t, cfg);
      // Closed forms composed over two levels (min-max, sums of logs/sds/correlations): 1e-12.
      for (const auto& [id, want] : tree_ref(c.name, "weight"))
        REQUIRE_THAT(r.weights.local(*t.find(id)), WithinRel(want, 1e-12));
      const auto idx = tree_ref(c.name, "index");
      REQUIRE(idx.size() == 200);
      for (Eigen::Index u = 0; u < data.n_units(); ++u)
        REQUIRE_THAT(r.scores(u, 0), WithinRel(idx.at(data.unit_ids[static_cast<std::size_t>(u)]), 1e-12));
      // Global weights of the leaves sum to 1; the listwise drops are reported per node.
      double sum = 0;
      for (int leaf : t.leaves()) sum += r.weights.global(leaf);
      REQUIRE_THAT(sum, WithinAbs(1.0, 1e-14));
      bool reported = false;
      for (const auto& w : r.warnings) reported = reported || w.find("node 'd1': ") != std::string::npos;
      CHECK(reported);
    }
  }
}

TEST_CASE("tree_weights from node scores equals the weights build_index used", "[weighting][data_weights][property]") {
  const auto spec = sim1_spec();
  const auto data = cikit::load_data(spec);
  for (WeightMethod m : {WeightMethod::Entropy, WeightMethod::CV, WeightMethod::SD, WeightMethod::Critic,
                         WeightMethod::Pca}) {
    cikit::IndexConfig cfg = spec.config;
    cfg.weights = m;
    const auto r = cikit::build_index(data, spec.tree, cfg);
    const auto w = cikit::tree_weights(spec.tree, m, r.scores);
    for (int i = 0; i < spec.tree.size(); ++i) {
      REQUIRE_THAT(w.local(i), WithinRel(r.weights.local(i), 1e-15));
      REQUIRE_THAT(w.global(i), WithinRel(r.weights.global(i), 1e-15));
    }
  }
  // Equal and Given ignore the scores.
  const auto e = cikit::tree_weights(spec.tree, WeightMethod::Equal, Eigen::MatrixXd());
  REQUIRE_THAT(e.local(*spec.tree.find("x01")), WithinRel(0.25, 1e-15));
}

TEST_CASE("node_data_weights: one method call per node", "[weighting][data_weights][property]") {
  Eigen::MatrixXd x(5, 2);
  x << 1, 5, 2, 3, 3, 4, 4, 1, 9, 2;
  const auto nw = cikit::node_data_weights(WeightMethod::Entropy, x, {"p", "q"}, "g");
  cikit::EntropyOptions o;
  o.variant = cikit::EntropyVariant::MinMax;
  const auto direct = cikit::entropy_weights(x, o);
  for (Eigen::Index j = 0; j < 2; ++j) REQUIRE_THAT(nw.weights(j), WithinRel(direct.weights(j), 1e-15));
  // A single child gets weight 1 whatever the method.
  REQUIRE_THAT(cikit::node_data_weights(WeightMethod::Critic, x.leftCols(1), {"p"}, "g").weights(0),
               WithinRel(1.0, 1e-15));
}

TEST_CASE("data-driven weights: errors", "[weighting][data_weights][error]") {
  const auto spec = sim1_spec();
  SECTION("tree_weights without data") {
    REQUIRE_THROWS_AS(cikit::tree_weights(spec.tree, WeightMethod::Entropy), cikit::InvalidInput);
    REQUIRE_THROWS_WITH(cikit::tree_weights(spec.tree, WeightMethod::Pca), Contains("computed from the data"));
    REQUIRE_THROWS_WITH(cikit::tree_weights(spec.tree, WeightMethod::Pca, Eigen::MatrixXd(3, 2)),
                        Contains("2 columns but the tree has"));
  }
  SECTION("a non-data method in node_data_weights") {
    REQUIRE_THROWS_AS(cikit::node_data_weights(WeightMethod::Equal, Eigen::MatrixXd::Ones(3, 2), {"a", "b"}, "g"),
                      cikit::InvalidInput);
  }
  SECTION("the method's error names the node") {
    Eigen::MatrixXd x(4, 2);
    x << 1, 7, 2, 7, 3, 7, 4, 7;
    REQUIRE_THROWS_AS(cikit::node_data_weights(WeightMethod::Critic, x, {"a", "b"}, "governance"),
                      cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::node_data_weights(WeightMethod::Critic, x, {"a", "b"}, "governance"),
                        Contains("node 'governance': weights (critic): ") && Contains("'b' is constant"));
  }
  SECTION("geometric aggregation of min-max scores (0 = the minimum) is refused before building, naming node and indicator") {
    const auto data = cikit::load_data(spec);
    cikit::IndexConfig cfg = spec.config;
    cfg.aggregate = cikit::AggregateMethod::Geometric;
    REQUIRE_THROWS_AS(cikit::build_index(data, spec.tree, cfg), cikit::DomainError);
    REQUIRE_THROWS_WITH(cikit::build_index(data, spec.tree, cfg), Contains("preflight") && Contains("can be 0"));
  }
}
