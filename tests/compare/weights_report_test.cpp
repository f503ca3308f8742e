// Tests of combined weights read from the spec (methods.weights combine/of/alpha and the
// variant keys), NodeWeighter, and weights_report (sums, global = product, diagnostics).

#include "methods/compare/weights_report.hpp"

#include <catch2/catch.hpp>

#include <cmath>

#include "methods/aggregate/build_index.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/combine.hpp"
#include "methods/weighting/judgments.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using cikit::WeightMethod;

namespace {

const std::string kHead = R"(index: {id: t, label: t}
data: {file: d.csv, unit: u}
tree:
  - {id: a, label: a, direction: "+"}
  - {id: b, label: b, direction: "+"}
methods:
)";

cikit::Spec parse(const std::string& methods) { return cikit::parse_spec(kHead + methods, "t.yaml", "/base"); }

const cikit::Spec& governance() {
  static const cikit::Spec spec = cikit::read_spec(cikit_test::source_dir() + "/datasets/governance/governance.yaml");
  return spec;
}

}  // namespace

TEST_CASE("spec: combined weights and variants", "[weighting][combined][spec]") {
  SECTION("the short form of the issue") {
    const auto s = parse("  weights: {combine: game_theory, of: [ahp, entropy]}\n");
    CHECK(s.config.weights == WeightMethod::Combined);
    CHECK(weight_settings(s).variants.combined.rule == cikit::CombineRule::GameTheory);
    REQUIRE(weight_settings(s).variants.combined.of.size() == 2);
    CHECK(weight_settings(s).variants.combined.of[0] == WeightMethod::Ahp);
    CHECK(weight_settings(s).variants.combined.of[1] == WeightMethod::Entropy);
  }
  SECTION("linear with alpha, entropy/pca/ahp variants") {
    const auto s = parse(
        "  weights:\n    method: combined\n    combine: linear\n    of: [critic, equal]\n    alpha: 0.3\n"
        "    entropy: {variant: ratio, shift: add, delta: 0.01}\n    pca: {variant: pc1_abs}\n"
        "    ahp: {priorities: geometric_mean, random_index: donegan_dodd, group: aip_arithmetic, "
        "missing_judgments: harker}\n");
    CHECK(weight_settings(s).variants.combined.rule == cikit::CombineRule::Linear);
    CHECK(weight_settings(s).variants.combined.alpha == Approx(0.3));
    CHECK(weight_settings(s).variants.entropy == cikit::EntropyVariant::Ratio);
    CHECK(weight_settings(s).variants.entropy_shift == cikit::EntropyShift::Add);
    CHECK(weight_settings(s).variants.pca == cikit::PcaVariant::Pc1);
    CHECK(weight_settings(s).variants.pc1 == cikit::Pc1Variant::Absolute);
    CHECK(weight_settings(s).ahp.ahp.method == cikit::AhpPriorityMethod::GeometricMean);
    CHECK(weight_settings(s).ahp.ahp.random_index == cikit::RandomIndexTable::DoneganDodd1991);
    CHECK(weight_settings(s).ahp.group == cikit::GroupAggregation::AIPArithmetic);
    CHECK(weight_settings(s).ahp.ahp.missing == cikit::MissingJudgments::Harker);
  }
  SECTION("bad configurations are located errors") {
    CHECK_THROWS_WITH(parse("  weights: {combine: game_theory, of: [ahp, entropi]}\n"),
                      Contains("t.yaml:7:") && Contains("unknown weighting method 'entropi'"));
    CHECK_THROWS_WITH(parse("  weights: {combine: game_theory, of: [ahp]}\n"),
                      Contains("t.yaml:7:") && Contains("at least 2 methods"));
    CHECK_THROWS_WITH(parse("  weights: {combine: linear, of: [ahp, entropy, cv]}\n"), Contains("exactly 2"));
    CHECK_THROWS_WITH(parse("  weights: {combine: linear, of: [ahp, entropy], alpha: 1.5}\n"),
                      Contains("t.yaml:7:") && Contains("alpha is 1.5") && Contains("[0, 1]"));
    CHECK_THROWS_WITH(parse("  weights: {combine: game_theory, of: [ahp, entropy], alpha: 0.5}\n"),
                      Contains("alpha applies to combine: linear only"));
    CHECK_THROWS_WITH(parse("  weights: {combine: min_entropy, of: [combined, entropy]}\n"),
                      Contains("cannot be one of its own components"));
    CHECK_THROWS_WITH(parse("  weights: {combine: min_entropy, of: [cv, cv]}\n"), Contains("'cv' appears twice"));
    CHECK_THROWS_WITH(parse("  weights: combined\n"), Contains("needs a mapping with 'combine:'"));
    CHECK_THROWS_WITH(parse("  weights: {method: combined}\n"), Contains("needs 'combine:' and 'of:'"));
    CHECK_THROWS_WITH(parse("  weights: {of: [cv, sd]}\n"), Contains("'of' needs 'combine:"));
    CHECK_THROWS_WITH(parse("  weights: {combine: fancy, of: [cv, sd]}\n"),
                      Contains("unknown combination rule 'fancy'") && Contains("game_theory"));
    CHECK_THROWS_WITH(parse("  weights: {entropy: {shift: add}}\n"), Contains("needs delta > 0"));
    CHECK_THROWS_WITH(parse("  weights: {ahp: {random_index: saaty}}\n"), Contains("unknown random index table"));
  }
}

TEST_CASE("combined weights per node equal the combination of the components' local weights",
          "[weighting][combined]") {
  const cikit::Spec& spec = governance();
  REQUIRE(spec.config.weights == WeightMethod::Combined);  // the bundled example exercises it
  cikit::Judgments j;
  cikit::WeightInputs in = cikit::spec_weight_inputs(spec, {spec.config.weights}, j);
  REQUIRE(in.judgments != nullptr);  // combined(ahp, entropy) needs them
  const cikit::Dataset data = cikit::load_data(spec);
  const cikit::IndicatorTree& tree = spec.tree;
  const auto ahp = cikit::build_index(data, tree, [&] { auto c = spec.config; c.weights = WeightMethod::Ahp; return c; }(), in);
  for (const auto rule : {cikit::CombineRule::GameTheory, cikit::CombineRule::Linear, cikit::CombineRule::Multiplicative,
                          cikit::CombineRule::MinEntropy}) {
    in.variants.combined = {{WeightMethod::Ahp, WeightMethod::Entropy}, rule, 0.3};
    const auto comb = cikit::build_index(data, tree, spec.config, in);
    // The entropy component at a node is computed on the scores the combined index aggregates.
    for (int i : tree.inner_postorder()) {
      const auto& ch = tree.node(i).children;
      if (ch.size() < 2) continue;
      Eigen::MatrixXd x(data.n_units(), static_cast<Eigen::Index>(ch.size()));
      Eigen::VectorXd a(x.cols()), w(x.cols());
      std::vector<std::string> ids;
      for (std::size_t c = 0; c < ch.size(); ++c) {
        x.col(static_cast<Eigen::Index>(c)) = comb.scores.col(ch[c]);
        a(static_cast<Eigen::Index>(c)) = ahp.weights.local(ch[c]);
        w(static_cast<Eigen::Index>(c)) = comb.weights.local(ch[c]);
        ids.push_back(tree.node(ch[c]).id);
      }
      const Eigen::VectorXd e =
          cikit::node_data_weights(WeightMethod::Entropy, x, ids, tree.node(i).id, in.variants).weights;
      Eigen::VectorXd expect;
      switch (rule) {
        case cikit::CombineRule::GameTheory: expect = cikit::combine_game_theory({a, e}).weights; break;
        case cikit::CombineRule::Linear: expect = 0.3 * a + 0.7 * e; break;
        case cikit::CombineRule::Multiplicative: expect = a.cwiseProduct(e) / a.dot(e); break;
        case cikit::CombineRule::MinEntropy:
          expect = a.cwiseProduct(e).cwiseSqrt() / a.cwiseProduct(e).cwiseSqrt().sum();
          break;
      }
      INFO("node " << tree.node(i).id);
      CHECK((w - expect).cwiseAbs().maxCoeff() < 1e-12);
      CHECK_THAT(w.sum(), WithinAbs(1.0, 1e-12));
    }
    CHECK(!comb.weights.consistency.empty());  // the AHP component's CR per node and expert
  }
}

TEST_CASE("combined: identical components give that vector, with a warning", "[weighting][combined]") {
  cikit::Spec s = parse("  weights: {combine: game_theory, of: [equal, given]}\n");
  std::vector<cikit::Node> nodes = s.tree.nodes();
  for (std::size_t i = 1; i < nodes.size(); ++i) nodes[i].weight = 1.0;
  const cikit::IndicatorTree tree(nodes);
  cikit::WeightInputs in;
  in.variants = weight_settings(s).variants;
  const cikit::NodeWeighter nw(tree, WeightMethod::Combined, in);
  const auto r = nw.node(0, Eigen::MatrixXd::Random(5, 2), {"a", "b"});
  CHECK_THAT(r.weights(0), WithinAbs(0.5, 1e-15));
  REQUIRE(r.warnings.size() == 1);
  CHECK_THAT(r.warnings[0], Contains("same weights"));
  in.variants.combined.of.clear();
  CHECK_THROWS_WITH(cikit::NodeWeighter(tree, WeightMethod::Combined, in), Contains("combined needs its components"));
}

TEST_CASE("weights_report: every method, local sums 1 per node, global = product", "[weighting][weights_report]") {
  const cikit::Spec& spec = governance();
  cikit::Judgments j;
  cikit::WeightInputs in;
  const auto methods = cikit::select_weight_methods(spec, {}, in, j);
  const cikit::Dataset data = cikit::load_data(spec);
  const cikit::IndicatorTree& tree = spec.tree;
  // given is absent (the example has no weight: fields), bod is opt-in (by name) and bwm needs
  // `bwm:` blocks the example's judgments lack; everything else is there.
  CHECK(methods.size() == cikit::weight_methods().size() - 3);
  const auto rep = cikit::weights_report(data, tree, spec.config, methods, in);
  REQUIRE(rep.methods.size() == methods.size());
  for (const auto& m : rep.methods) {
    INFO("method " << m.name);
    for (int i : tree.inner_postorder()) {
      double sum = 0;
      for (int c : tree.node(i).children) sum += m.weights.local(c);
      CHECK_THAT(sum, WithinAbs(1.0, 1e-12));
    }
    double leaves = 0;
    for (int i : tree.preorder()) {
      const int p = tree.node(i).parent;
      const double expect = p < 0 ? 1.0 : m.weights.global(p) * m.weights.local(i);
      CHECK_THAT(m.weights.global(i), WithinAbs(expect, 1e-15));
      if (tree.node(i).children.empty()) leaves += m.weights.global(i);
    }
    CHECK_THAT(leaves, WithinAbs(1.0, 1e-12));
    // The weights are those `cikit index --weights m` uses.
    auto cfg = spec.config;
    cfg.weights = m.method;
    const auto idx = cikit::build_index(data, tree, cfg, in);
    CHECK(idx.weights.local == m.weights.local);  // bitwise
  }
  const auto find = [&](WeightMethod w) -> const cikit::MethodWeightsReport& {
    for (const auto& m : rep.methods)
      if (m.method == w) return m;
    FAIL("method missing");
    return rep.methods.front();
  };
  SECTION("entropy diagnostics: w_j = d_j / sum d, d = 1 - e") {
    const auto& e = find(WeightMethod::Entropy);
    CHECK(e.variant == "minmax");
    const int sys = *tree.find("system");
    const auto& d = e.diagnostics[static_cast<std::size_t>(sys)];
    REQUIRE(d.per_child.size() == 2);
    CHECK(d.per_child[0].first == "entropy");
    const Eigen::VectorXd div = d.per_child[1].second;
    CHECK((div - (1.0 - d.per_child[0].second.array()).matrix()).cwiseAbs().maxCoeff() < 1e-15);
    const auto& ch = tree.node(sys).children;
    for (std::size_t c = 0; c < ch.size(); ++c)
      CHECK_THAT(e.weights.local(ch[c]), WithinAbs(div(static_cast<Eigen::Index>(c)) / div.sum(), 1e-14));
  }
  SECTION("ahp: CR per node for every expert and the group; pca explained variance") {
    const auto& a = find(WeightMethod::Ahp);
    CHECK(a.variant == "eigenvector, saaty1980, aij");
    int group_rows = 0;
    for (const auto& c : a.weights.consistency) {
      if (c.expert_id.empty()) ++group_rows;
      if (c.m > 2) CHECK_THAT(c.ci, WithinAbs((c.lambda_max - c.m) / (c.m - 1), 1e-12));
    }
    int inner = 0;
    for (int i : tree.inner_postorder()) inner += tree.node(i).children.size() >= 2 ? 1 : 0;
    CHECK(group_rows == inner);  // every inner node of the example has judgments
    const auto& p = find(WeightMethod::Pca);
    const auto& pd = p.diagnostics[static_cast<std::size_t>(tree.root())].per_node;
    bool seen = false;
    for (const auto& [name, v] : pd)
      if (name == "explained_variance") {
        seen = true;
        CHECK(v > 0);
        CHECK(v <= 1);
      }
    CHECK(seen);
  }
  SECTION("errors") {
    CHECK_THROWS_WITH(cikit::weights_report(data, tree, spec.config, {WeightMethod::CV, WeightMethod::CV}, in),
                      Contains("'cv' is listed twice"));
    cikit::WeightInputs no_j = in;
    no_j.judgments = nullptr;
    CHECK_THROWS_WITH(cikit::weights_report(data, tree, spec.config, {WeightMethod::Ahp}, no_j),
                      Contains("weights ahp: ") && Contains("judgments"));
  }
}
