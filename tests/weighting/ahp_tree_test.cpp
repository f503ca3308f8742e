// Tests of methods/weighting/ahp_tree (AHP weights over the indicator tree) and of
// tree_weights / build_index with WeightMethod::Ahp on the bundled governance example.
// Reference: validation/weighting/ahp/ref_group.csv (base R, AIJ and AIP per node).

#include "methods/weighting/ahp_tree.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const cikit::Spec& governance() {
  static const cikit::Spec spec = cikit::read_spec(cikit_test::source_dir() + "/datasets/governance/governance.yaml");
  return spec;
}
const cikit::Judgments& judgments() {
  static const cikit::Judgments j = cikit::read_judgments(governance().judgments, governance().tree);
  return j;
}

}  // namespace

TEST_CASE("ahp_tree: local weights per node equal R's AIJ / AIP on the bundled judgments",
          "[weighting][ahp_tree][reference]") {
  const auto t = cikit_test::read_table(cikit_test::validation_dir() + "/weighting/ahp/ref_group.csv");
  // node -> method -> index -> value (equal expert weights)
  std::map<std::string, std::map<std::string, std::map<long, double>>> ref;
  for (std::size_t r = 1; r < t.size(); ++r)
    if (t[r][1] == "equal" && t[r][3] == "weight") ref[t[r][0]][t[r][2]][std::stol(t[r][4])] = cikit_test::ref_number(t[r][5]);
  const auto& tree = governance().tree;
  const std::vector<std::pair<cikit::GroupAggregation, std::string>> rules{
      {cikit::GroupAggregation::AIJ, "aij_em"},
      {cikit::GroupAggregation::AIPGeometric, "aip_geometric_em"},
      {cikit::GroupAggregation::AIPArithmetic, "aip_arithmetic_em"}};
  for (const auto& [rule, name] : rules) {
    cikit::AhpTreeOptions o;
    o.group = rule;
    const auto r = cikit::ahp_tree_weights(tree, judgments(), o);
    int checked = 0;
    for (int i : tree.preorder()) {
      const auto& node = tree.node(i);
      if (node.children.size() < 2) continue;
      INFO(name << " node " << node.id);
      REQUIRE(ref.count(node.id));
      for (std::size_t c = 0; c < node.children.size(); ++c) {
        // Eigenvector-based: 1e-9 relative (iterative, see validation/weighting/ahp/README.md).
        REQUIRE_THAT(r.weights.local(node.children[c]),
                     WithinRel(ref[node.id][name].at(static_cast<long>(c) + 1), 1e-9));
        ++checked;
      }
    }
    REQUIRE(checked == 83);  // every child of every inner node with >= 2 children
    REQUIRE(r.nodes.size() == ref.size());
    // Global weights of the indicators sum to 1.
    double s = 0;
    for (int leaf : tree.leaves()) s += r.weights.global(leaf);
    REQUIRE_THAT(s, WithinAbs(1.0, 1e-12));
    // Consistency: 3 experts + the group per node.
    REQUIRE(r.weights.consistency.size() == 4 * r.nodes.size());
    REQUIRE(r.weights.consistency[3].expert_id.empty());
  }
}

TEST_CASE("ahp_tree: tree_weights and build_index with weights: ahp", "[weighting][ahp_tree][property]") {
  const auto& spec = governance();
  cikit::WeightInputs in;
  in.judgments = &judgments();
  const auto tw = cikit::tree_weights(spec.tree, cikit::WeightMethod::Ahp, in);
  const auto direct = cikit::ahp_tree_weights(spec.tree, judgments());
  REQUIRE((tw.local - direct.weights.local).cwiseAbs().maxCoeff() <= 0);
  cikit::IndexConfig cfg = spec.config;
  cfg.weights = cikit::WeightMethod::Ahp;
  const auto data = cikit::load_data(spec);
  const auto r = cikit::build_index(data, spec.tree, cfg, in);
  REQUIRE((r.weights.global - direct.weights.global).cwiseAbs().maxCoeff() <= 0);
  REQUIRE_FALSE(r.weights.consistency.empty());
  REQUIRE_THROWS_WITH(cikit::tree_weights(spec.tree, cikit::WeightMethod::Ahp), Contains("ahp needs pairwise judgments"));
  REQUIRE(std::string(cikit::method_info(cikit::weight_methods(), cikit::WeightMethod::Ahp).name) == "ahp");
}

TEST_CASE("ahp_tree: partial judgments, warnings and errors", "[weighting][ahp_tree][error]") {
  // A small tree: index -> a (a1, a2, a3), b (b1, b2).
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
  // Expert A: root, a (pairs, one missing), b. Expert B (weight 3): root and an inconsistent a; no b.
  const std::string text =
      "experts:\n"
      "  - id: A\n"
      "    weight: 1\n"
      "    matrices:\n"
      "      mini: {pairs: [[a, b, 2]]}\n"
      "      a: {pairs: [[a1, a2, 2], [a2, a3, 2]]}\n"
      "      b: {order: [b2, b1], matrix: [[1, 3], [1/3, 1]]}\n"
      "  - id: B\n"
      "    weight: 3\n"
      "    matrices:\n"
      "      mini: {order: [a, b], matrix: [[1, 2], [1/2, 1]]}\n"
      "      a: {order: [a1, a2, a3], matrix: [[1, 9, 1/9], [1/9, 1, 9], [9, 1/9, 1]]}\n";
  const auto j = cikit::parse_judgments(text, "p.yaml", tree);
  const auto r = cikit::ahp_tree_weights(tree, j);
  const auto& w = r.weights;
  auto local = [&](const char* id) { return w.local(*tree.find(id)); };
  REQUIRE_THAT(local("a"), WithinRel(2.0 / 3, 1e-12));   // both experts: a = 2 b
  REQUIRE_THAT(local("b1"), WithinRel(0.25, 1e-12));     // only A judged b: b2 = 3 b1
  // a: AIJ with weights .25/.75; A's a1-a3 is completed in the aggregate from B's 1/9 alone
  // (the only expert who judged that pair), A's own matrix by the optimal completion (4).
  const Eigen::MatrixXd& agg = r.nodes[1].group.aggregated_matrix;
  REQUIRE_THAT(agg(0, 2), WithinRel(1.0 / 9, 1e-12));
  REQUIRE_THAT(agg(0, 1), WithinRel(std::exp(0.25 * std::log(2.0) + 0.75 * std::log(9.0)), 1e-12));
  REQUIRE_THAT(r.nodes[1].group.experts[0].completed(0, 2), WithinRel(4.0, 1e-9));
  // Warnings: B did not judge b; B's CR at 'a'; the aggregate's CR at 'a'; A's completion.
  auto has = [&](const std::string& s) {
    for (const auto& x : w.warnings)
      if (x.find(s) != std::string::npos) return true;
    return false;
  };
  REQUIRE(has("node 'b': no judgments from expert(s) B; aggregated over the other 1"));
  REQUIRE(has("node 'a', expert 'B': consistency ratio CR = "));
  REQUIRE(has("node 'a': the aggregated judgments have CR = "));
  REQUIRE(has("node 'a', expert 'A': 1 missing judgment(s) completed"));
  REQUIRE_FALSE(has("expert 'A': consistency ratio"));
  // Consistency table: node mini (2 experts + group), a (2 + group), b (1 + group).
  REQUIRE(w.consistency.size() == 8);
  double s = 0;
  for (int leaf : tree.leaves()) s += w.global(leaf);
  REQUIRE_THAT(s, WithinAbs(1.0, 1e-12));

  SECTION("a node nobody judged is an error naming it and its place in the spec") {
    const auto j2 = cikit::parse_judgments("experts:\n  - id: A\n    matrices:\n      mini: {pairs: [[a, b, 2]]}\n",
                                           "p.yaml", tree);
    REQUIRE_THROWS_WITH(cikit::ahp_tree_weights(tree, j2),
                        Contains("mini.yaml:4:") && Contains("no expert judged the 3 children of node 'a'"));
  }
  SECTION("a disconnected expert matrix names the expert") {
    const auto j3 = cikit::parse_judgments(
        "experts:\n  - id: A\n    matrices:\n      mini: {pairs: [[a, b, 2]]}\n"
        "      a: {pairs: [[a1, a2, 2]]}\n      b: {pairs: [[b1, b2, 2]]}\n",
        "p.yaml", tree);
    REQUIRE_THROWS_MATCHES(cikit::ahp_tree_weights(tree, j3), cikit::DomainError,
                           Catch::Matchers::Predicate<cikit::DomainError>([](const cikit::DomainError& e) {
                             const std::string m = e.what();
                             return m.find("expert 'A'") != std::string::npos &&
                                    m.find("element 3 is not compared") != std::string::npos;
                           }));
  }
}
