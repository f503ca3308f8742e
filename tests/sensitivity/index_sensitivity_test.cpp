// Tests of methods/sensitivity/index_sensitivity and the `uncertainty:` block: parsing and bad
// configurations (located errors), leave-one-out on a hand-computed case, AHP judgment
// perturbation, the bootstrap over units, and bitwise determinism for 1, 2 and 8 threads.
#include "methods/sensitivity/index_sensitivity.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <string>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/reliability/alpha.hpp"
#include "methods/reliability/omega.hpp"
#include "methods/simulate/simulate.hpp"
#include "methods/weighting/ahp.hpp"
#include "sens_support.hpp"

using Catch::Matchers::WithinAbs;
using sens_test::MessageContains;
using sens_test::spec_with;

namespace {

// The hand-computed case: 4 units, two dimensions of two indicators, min-max, equal, arithmetic.
cikit::Dataset hand_data() {
  cikit::Dataset d;
  d.unit_ids = {"A", "B", "C", "D"};
  d.indicator_ids = {"x1", "x2", "x3", "x4"};
  d.values.resize(4, 4);
  d.values << 0, 4, 0, 2,  //
      1, 0, 4, 0,          //
      2, 2, 2, 4,          //
      4, 1, 1, 1;
  return d;
}

struct Sim {
  cikit::Dataset data;
  cikit::IndicatorTree tree;
};
Sim small_system() {
  cikit::SimulationOptions o;
  o.units = 40;
  o.indicators = 8;
  o.dimensions = 2;
  o.missing_rate = 0.0;
  o.seed = 11;
  auto sim = cikit::simulate(o);
  auto spec = cikit::parse_spec(sim.spec_yaml, "sim.yaml", ".");
  return {sim.data, spec.tree};
}

}  // namespace

TEST_CASE("uncertainty block: parsed from the spec", "[sensitivity][spec]") {
  const auto s = spec_with(R"(uncertainty:
  normalize: [minmax, zscore]
  weights: equal
  aggregate: [arithmetic, geometric]
  exclude: any
  weight_noise: {dirichlet: 50}
  ahp: {steps: 2, reject_cr: 0.1}
  replicates: 5000
  sobol: 256
  bootstrap: 200
)");
  const auto& b = s.uncertainty;
  REQUIRE(b.present);
  CHECK(b.normalize.names == std::vector<std::string>{"minmax", "zscore"});
  CHECK(b.weights.names == std::vector<std::string>{"equal"});
  CHECK(b.aggregate.names.size() == 2);
  CHECK(b.exclude_any);
  CHECK(b.weight_noise.kind == cikit::WeightNoiseKind::Dirichlet);
  CHECK_THAT(b.weight_noise.concentration, WithinAbs(50.0, 0.0));
  CHECK(b.ahp.enabled);
  CHECK(b.ahp.steps == 2);
  CHECK_THAT(b.ahp.reject_cr, WithinAbs(0.1, 0.0));
  CHECK(b.replicates == 5000);
  CHECK(b.sobol == 256);
  CHECK(b.bootstrap == 200);
  const auto in = cikit::uncertainty_inputs(b, s.tree);
  REQUIRE(in.inputs.size() == 6);
  CHECK(in.inputs[3].name == "exclude");
  CHECK(in.inputs[3].labels == std::vector<std::string>{"none", "x1", "x2", "x3", "x4"});
  CHECK(in.inputs[4].kind == cikit::UncertainKind::WeightDirichlet);
  CHECK(in.inputs[5].kind == cikit::UncertainKind::JudgmentPerturbation);
  CHECK_FALSE(spec_with("").uncertainty.present);
}

TEST_CASE("uncertainty block: bad configurations name file:line:column", "[sensitivity][spec][error]") {
  using cikit::InvalidInput;
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  normalize: []\n"), InvalidInput,
                       MessageContains("t.yaml:13:3: uncertainty: uncertainty.normalize is an empty set"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  weights: [equal, magic]\n"), InvalidInput,
                       MessageContains("t.yaml:13:20: uncertainty: unknown weighting method 'magic'"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  aggregate: [arithmetic, arithmetic]\n"), InvalidInput,
                       MessageContains("'arithmetic' appears twice in uncertainty.aggregate"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  weight_noise: {percent: 100}\n"), InvalidInput,
                       MessageContains("t.yaml:13:27: uncertainty: weight perturbation is 100%"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  weight_noise: {percent: 120}\n"), InvalidInput,
                       MessageContains("weight perturbation is 120%, but must be in (0, 100)"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  weight_noise: {dirichlet: 0}\n"), InvalidInput,
                       MessageContains("Dirichlet concentration is 0"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  weight_noise: {percent: 10, dirichlet: 5}\n"), InvalidInput,
                       MessageContains("takes one of percent"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  colour: red\n"), InvalidInput,
                       MessageContains("t.yaml:13:3: unknown key 'colour' in uncertainty"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  ahp: {steps: 9}\n"), InvalidInput,
                       MessageContains("ahp.steps is 9, but must be 1..8"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  replicates: 0\n"), InvalidInput,
                       MessageContains("uncertainty.replicates must be an integer >= 1"));
  const auto s = spec_with("uncertainty:\n  exclude: [none, zz]\n");
  CHECK_THROWS_MATCHES(cikit::uncertainty_inputs(s.uncertainty, s.tree), InvalidInput,
                       MessageContains("t.yaml:13:19: uncertainty: 'zz' in uncertainty.exclude is not an indicator"));
}

TEST_CASE("uncertainty block: an empty exclude set is an error", "[sensitivity][spec][error]") {
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  exclude: []\n"), cikit::InvalidInput,
                       MessageContains("uncertainty.exclude is an empty set"));
}

TEST_CASE("leave-one-out: hand-computed 4 x 4 case", "[sensitivity][loo]") {
  // Min-max: x1 (0,25,50,100), x2 (100,0,50,25), x3 (0,100,50,25), x4 (50,0,100,25).
  // d1 = (50,12.5,50,62.5), d2 = (25,50,75,25), index = (37.5,31.25,62.5,43.75): ranks (3,4,1,2).
  // Without x1: index (62.5,25,62.5,25) -> ranks (1,3,1,3), R̄s = (2+1+0+1)/4 = 1, max 2.
  // Without x2: (12.5,37.5,62.5,62.5) -> (4,3,1,1), R̄s = 0.75, max 1.
  // Without x3: (50,6.25,75,43.75) -> (2,4,1,3), R̄s = 0.5, max 1.
  // Without x4: (25,56.25,50,43.75) -> (4,1,2,3), R̄s = 1.5, max 3.
  // Without d1: index = d2 -> (3,2,1,3), R̄s = 0.75, max 2.  Without d2: index = d1 -> (2,4,2,1), R̄s = 0.75, max 1.
  const auto s = spec_with("");
  const auto r = cikit::leave_one_out(hand_data(), s.tree, cikit::IndexConfig{}, {}, 2);
  CHECK(r.nominal == Eigen::Vector4i(3, 4, 1, 2));
  REQUIRE(r.rows.size() == 6);
  const std::vector<std::string> ids{"x1", "x2", "x3", "x4", "d1", "d2"};
  const std::vector<Eigen::Vector4i> ranks{{1, 3, 1, 3}, {4, 3, 1, 1}, {2, 4, 1, 3},
                                           {4, 1, 2, 3}, {3, 2, 1, 3}, {2, 4, 2, 1}};
  const std::vector<double> shift{1.0, 0.75, 0.5, 1.5, 0.75, 0.75};
  const std::vector<int> max_shift{2, 1, 1, 3, 2, 1};
  for (std::size_t i = 0; i < 6; ++i) {
    INFO(ids[i]);
    REQUIRE(r.rows[i].computed);
    CHECK(r.rows[i].id == ids[i]);
    CHECK(r.rows[i].kind == (i < 4 ? "indicator" : "dimension"));
    CHECK(r.rows[i].ranks == ranks[i]);
    CHECK_THAT(r.rows[i].mean_abs_rank_shift, WithinAbs(shift[i], 1e-15));
    CHECK(r.rows[i].max_abs_rank_shift == max_shift[i]);
  }
  // Per unit, the removal moving it most (first on ties): A x1 (-2), B x4 (-3), C x4 (+1), D x1 (+1).
  CHECK(r.most_moving_row == std::vector<int>{0, 3, 3, 0});
  CHECK(r.most_moving_shift == Eigen::Vector4i(-2, -3, 1, 1));
}

TEST_CASE("AHP judgment perturbation: one Saaty step, reciprocity kept", "[sensitivity][ahp]") {
  cikit::Judgments j;
  j.experts.resize(1);
  cikit::NodeJudgments nj;
  nj.node = 0;
  nj.node_id = "r";
  nj.matrix.resize(3, 3);
  nj.matrix << 1, 3, 1.0 / 9, 1.0 / 3, 1, 2.5, 9, 1 / 2.5, 1;
  j.experts[0].nodes.push_back(nj);
  const std::vector<double> scale{1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3, 1.0 / 2, 1,
                                  2, 3, 4, 5, 6, 7, 8, 9};
  const auto pos = [&](double v) {
    for (std::size_t i = 0; i < scale.size(); ++i)
      if (std::abs(std::log(v / scale[i])) < 1e-12) return static_cast<int>(i);
    return -100;
  };
  int moved = 0;
  for (std::uint64_t b = 0; b < 200; ++b) {
    auto g = cikit::make_stream(7, cikit::StreamTag::AhpPerturbation, b);
    const auto p = cikit::perturb_judgments(j, 1, g);
    const Eigen::MatrixXd& m = p.experts[0].nodes[0].matrix;
    for (int a = 0; a < 3; ++a) {
      CHECK_THAT(m(a, a), WithinAbs(1.0, 0.0));
      for (int c = 0; c < 3; ++c) CHECK_THAT(m(a, c) * m(c, a), WithinAbs(1.0, 1e-15));
    }
    // 3 -> 2, 3 or 4; 1/9 -> 1/9 (clamped) or 1/8; 2.5 (off scale, nearest 3... or 2) stays or moves one step.
    const int p01 = pos(m(0, 1));
    CHECK((p01 >= 9 && p01 <= 11));
    const int p02 = pos(m(0, 2));
    CHECK((p02 == 0 || p02 == 1));
    if (std::abs(m(1, 2) - 2.5) > 0.0) {
      CHECK(pos(m(1, 2)) >= 0);
      ++moved;
    }
  }
  CHECK(moved > 100);  // two of three draws move it (binomial(200, 2/3): P(<= 100) < 1e-5)
}

TEST_CASE("bootstrap_index: ranks of every unit, weights and reliability intervals", "[sensitivity][bootstrap]") {
  const Sim s = small_system();
  cikit::IndexConfig cfg;
  cfg.weights = cikit::WeightMethod::Entropy;
  cikit::IndexBootstrapOptions bo;
  bo.replicates = 60;
  bo.seed = 3;
  const auto r = cikit::bootstrap_index(s.data, s.tree, cfg, {}, bo);
  REQUIRE(r.ranks);
  const Eigen::VectorXi nominal = cikit::build_index(s.data, s.tree, cfg).ranks.col(0);
  CHECK(r.ranks->nominal == nominal);
  CHECK(r.failures.empty());
  CHECK((r.ranks->n_runs.array() == 60).all());  // every unit scored in every replicate
  CHECK((r.ranks->lower.array() <= r.ranks->upper.array()).all());
  CHECK(r.weights.size() == static_cast<std::size_t>(s.tree.size() - 1));
  for (const auto& w : r.weights) {
    CHECK(w.interval.replicates_used == 60);
    CHECK(w.interval.percentile_lower <= w.interval.percentile_upper);
  }
  // alpha of the root on all (direction-corrected) indicators, as tree_alpha does.
  REQUIRE_FALSE(r.reliability.empty());
  CHECK(r.reliability[0].statistic == "alpha");
  CHECK(r.reliability[0].node_id == s.tree.node(0).id);
  Eigen::MatrixXd x = s.data.values;
  for (std::size_t j = 0; j < s.tree.leaves().size(); ++j)
    if (s.tree.node(s.tree.leaves()[j]).direction == cikit::Direction::Negative) x.col(static_cast<Eigen::Index>(j)) *= -1.0;
  CHECK_THAT(r.reliability[0].interval.estimate, WithinAbs(cikit::raw_alpha(x), 1e-12));
  CHECK(r.reliability[1].statistic == "kmo");
  CHECK(r.scoring_rule.find("goalposts") != std::string::npos);
}

TEST_CASE("analyse_sensitivity: bitwise identical for 1, 2 and 8 threads", "[sensitivity][threads]") {
  const Sim s = small_system();
  const auto spec = cikit::parse_spec("index: {id: i, label: I}\ndata: {file: x.csv, unit: id}\ntree:\n"
                                      "  - {id: a, children: [{id: a1, direction: '+'}, {id: a2, direction: '+'}]}\n"
                                      "  - {id: b, children: [{id: b1, direction: '+'}, {id: b2, direction: '+'}]}\n"
                                      "uncertainty:\n  normalize: [minmax, zscore]\n  weights: [equal, entropy]\n"
                                      "  exclude: any\n  weight_noise: {percent: 25}\n",
                                      "u.yaml", ".");
  const auto inputs = cikit::uncertainty_inputs(spec.uncertainty, s.tree);
  cikit::SensitivityOptions o;
  o.sobol_n = 32;
  o.sobol_bootstrap = 50;
  o.bootstrap = 30;
  o.seed = 9;
  std::vector<cikit::SensitivityAnalysis> runs;
  for (int t : {1, 2, 8}) {
    o.threads = t;
    runs.push_back(cikit::analyse_sensitivity(s.data, s.tree, cikit::IndexConfig{}, {}, inputs, o));
  }
  for (std::size_t i = 1; i < runs.size(); ++i) {
    const auto& a = runs[0];
    const auto& b = runs[i];
    REQUIRE(a.monte_carlo);
    REQUIRE(b.monte_carlo);
    CHECK(a.design == cikit::DesignKind::Sobol);  // 3 + 10 coordinates (one per non-root node for the noise)
    CHECK(a.monte_carlo->run_ranks == b.monte_carlo->run_ranks);
    CHECK(a.monte_carlo->rank_stats.mean == b.monte_carlo->rank_stats.mean);
    REQUIRE(a.monte_carlo->sobol_rank_shift);
    CHECK(a.monte_carlo->sobol_rank_shift->first == b.monte_carlo->sobol_rank_shift->first);
    CHECK(a.monte_carlo->sobol_rank_shift->total_upper == b.monte_carlo->sobol_rank_shift->total_upper);
    CHECK(a.monte_carlo->sobol_unit_ranks->total == b.monte_carlo->sobol_unit_ranks->total);
    CHECK(a.bootstrap->ranks->lower == b.bootstrap->ranks->lower);
    CHECK(a.bootstrap->ranks->upper == b.bootstrap->ranks->upper);
    for (std::size_t k = 0; k < a.bootstrap->reliability.size(); ++k)
      CHECK(std::memcmp(&a.bootstrap->reliability[k].interval.bca_lower, &b.bootstrap->reliability[k].interval.bca_lower, sizeof(double)) == 0);
    CHECK(a.leave_one_out->most_moving_row == b.leave_one_out->most_moving_row);
  }
}

TEST_CASE("design_base_size: smallest power of 2 with N(k + 2) >= R", "[sensitivity]") {
  CHECK(cikit::design_base_size(10000, 5) == 2048);  // 1024 * 7 = 7168 < 10000 <= 14336
  CHECK(cikit::design_base_size(7168, 5) == 1024);
  CHECK(cikit::design_base_size(1, 1) == 4);
  CHECK_THROWS_AS(cikit::design_base_size(0, 3), cikit::InvalidInput);
}

TEST_CASE("bootstrap_index: omega_total per node on request", "[sensitivity][bootstrap]") {
  const Sim s = small_system();
  cikit::IndexConfig cfg;
  cfg.normalize = cikit::NormalizeMethod::MinMax;
  cikit::IndexBootstrapOptions o;
  o.replicates = 30;
  const auto without = cikit::bootstrap_index(s.data, s.tree, cfg, {}, o);
  for (const auto& r : without.reliability) CHECK(r.statistic != "omega");
  o.omega = true;
  const auto with = cikit::bootstrap_index(s.data, s.tree, cfg, {}, o);
  Eigen::MatrixXd x = s.data.values;
  for (std::size_t j = 0; j < s.tree.leaves().size(); ++j)
    if (s.tree.node(s.tree.leaves()[j]).direction == cikit::Direction::Negative) x.col(static_cast<Eigen::Index>(j)) *= -1.0;
  int found = 0;
  for (const auto& r : with.reliability)
    if (r.statistic == "omega" && r.node_id == s.tree.node(0).id) {
      ++found;
      CHECK_THAT(r.interval.estimate, WithinAbs(cikit::omega_one_factor(x).omega_observed, 1e-12));
      CHECK(r.interval.replicates_used + static_cast<int>(r.failures.size()) == 30);
      CHECK(r.interval.percentile_lower <= r.interval.percentile_upper);
    }
  CHECK(found == 1);
}
