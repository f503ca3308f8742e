// Tests of the per-level aggregation inputs (`uncertainty: aggregate: {level: [..]}`) and the
// imputation input (`uncertainty: impute: [..]`): parsing and located errors, hand-checkable
// Sobol' indices (an input that cannot change a rank gets exactly 0, the only influential one
// about 1), the pre-flight naming the level, and determinism for 1 and 2 threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/sensitivity/index_sensitivity.hpp"
#include "sens_support.hpp"

using Catch::Matchers::WithinAbs;
using sens_test::MessageContains;
using sens_test::spec_with;

namespace {

// spec_with(): `uncertainty:` is line 12, its first key line 13.

cikit::Dataset make_data(const std::vector<std::string>& units, const Eigen::MatrixXd& values) {
  cikit::Dataset d;
  d.unit_ids = units;
  d.indicator_ids = {"x1", "x2", "x3", "x4"};
  d.values = values;
  return d;
}

// x1 = x2 and x3 = x4: every mean of a dimension's two (equal) min-max scores is that score, so
// the aggregation of the indicators cannot change a rank. Min-max onto [1, 100] (x1 and x3 both
// span 0..100, y = 1 + 0.99 x): dimension scores A (1, 100), B (50.5, 45.55), C (100, 20.8),
// D (30.7, 1); arithmetic index (50.5, 48.025, 60.4, 15.85) -> ranks (2, 3, 1, 4);
// geometric index (10, 47.96, 45.61, 5.54) -> ranks (3, 1, 2, 4).
cikit::Dataset level_data() {
  Eigen::MatrixXd v(4, 4);
  v << 0, 0, 100, 100,  //
      50, 50, 45, 45,   //
      100, 100, 20, 20, //
      30, 30, 0, 0;
  return make_data({"A", "B", "C", "D"}, v);
}

// x1 of A is missing; available x1 = (0, 10, 20, 100): mean 32.5, median 15 (R median).
// Min-max 0-100, equal weights, arithmetic (d1 of A averages what it has):
// none   -> index (79.86, 0, 53.06, 52.5, 59.44), ranks (1, 5, 3, 4, 2);
// mean   -> A = 62.99, ranks (1, 5, 3, 4, 2);
// median -> A = 58.61, ranks (2, 5, 3, 4, 1).
cikit::Dataset impute_data() {
  const double na = std::numeric_limits<double>::quiet_NaN();
  Eigen::MatrixXd v(5, 4);
  v << na, 60, 50, 55,  //
      0, 10, 20, 35,    //
      10, 50, 60, 45,   //
      20, 30, 40, 80,   //
      100, 40, 20, 70;
  return make_data({"A", "B", "C", "D", "E"}, v);
}

// Monte Carlo only (no bootstrap over units, no leave-one-out).
cikit::SensitivityOptions mc_options(Eigen::Index n, int sobol_bootstrap, std::uint64_t seed) {
  cikit::SensitivityOptions o;
  o.sobol_n = n;
  o.sobol_bootstrap = sobol_bootstrap;
  o.bootstrap = 0;
  o.leave_one_out = false;
  o.seed = seed;
  return o;
}

int input_index(const cikit::MonteCarloResult& mc, const std::string& name) {
  const auto it = std::find(mc.input_names.begin(), mc.input_names.end(), name);
  REQUIRE(it != mc.input_names.end());
  return static_cast<int>(it - mc.input_names.begin());
}

}  // namespace

TEST_CASE("uncertainty block: aggregation per level and imputation are parsed into inputs",
          "[sensitivity][spec][levels]") {
  const auto s = spec_with(R"(uncertainty:
  impute: [none, mean, median]
  aggregate:
    indicators: [arithmetic, geometric]
    dimensions: [arithmetic, harmonic, power]
)");
  const auto& b = s.uncertainty;
  CHECK(b.impute.names == std::vector<std::string>{"none", "mean", "median"});
  CHECK_FALSE(b.aggregate.given);
  REQUIRE(b.aggregate_levels.size() == 2);
  CHECK(b.aggregate_levels[0].key == "indicators");
  CHECK(b.aggregate_levels[0].level == cikit::kIndicatorLevel);
  CHECK(b.aggregate_levels[1].level == 1);
  const auto in = cikit::uncertainty_inputs(b, s.tree);
  REQUIRE(in.inputs.size() == 3);
  CHECK(in.inputs[0].name == "impute");
  CHECK(in.inputs[1].name == "aggregate.indicators");
  CHECK(in.inputs[1].nodes == std::vector<std::string>{"d1", "d2"});  // the indicators' parents
  CHECK(in.inputs[2].name == "aggregate.dimensions");
  CHECK(in.inputs[2].nodes == std::vector<std::string>{"t"});  // the index aggregates the dimensions
  CHECK(in.inputs[2].labels == std::vector<std::string>{"arithmetic", "harmonic", "power"});
  // levelN keys: level2 is the indicators' level of this two-level tree.
  const auto s2 = spec_with("uncertainty:\n  aggregate: {level2: [geometric], level1: [arithmetic]}\n");
  const auto in2 = cikit::uncertainty_inputs(s2.uncertainty, s2.tree);
  REQUIRE(in2.inputs.size() == 2);
  CHECK(in2.inputs[0].name == "aggregate.level2");
  CHECK(in2.inputs[0].nodes == std::vector<std::string>{"d1", "d2"});
  CHECK(in2.inputs[1].nodes == std::vector<std::string>{"t"});
  CHECK(cikit::aggregate_level_of_key("level12") == 12);
  CHECK(cikit::aggregate_level_of_key("level0") == 0);
  CHECK(cikit::aggregate_level_of_key("level") == 0);
  CHECK(cikit::aggregate_level_of_key("level1x") == 0);
}

TEST_CASE("uncertainty block: bad level and imputation sets name file:line:column",
          "[sensitivity][spec][levels][error]") {
  using cikit::InvalidInput;
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  aggregate:\n    regions: [arithmetic]\n"), InvalidInput,
                       MessageContains("t.yaml:14:5: unknown level 'regions' in uncertainty.aggregate"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  aggregate:\n    dimensions: []\n"), InvalidInput,
                       MessageContains("t.yaml:14:5: uncertainty: uncertainty.aggregate.dimensions is an empty set"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  aggregate:\n    dimensions: [arithmetic, magic]\n"), InvalidInput,
                       MessageContains("t.yaml:14:30: uncertainty: unknown aggregation method 'magic' in "
                                       "uncertainty.aggregate.dimensions"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  aggregate:\n    dimensions: [geometric]\n    level1: [arithmetic]\n"),
                       InvalidInput, MessageContains("t.yaml:15:5: uncertainty: uncertainty.aggregate: 'dimensions' "
                                                     "and 'level1' name the same level"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  aggregate: {}\n"), InvalidInput,
                       MessageContains("uncertainty.aggregate is an empty mapping"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  impute: [mean, mode]\n"), InvalidInput,
                       MessageContains("t.yaml:13:18: uncertainty: unknown imputation method 'mode' in "
                                       "uncertainty.impute (accepted: none, mean, median, group_mean)"));
  CHECK_THROWS_MATCHES(spec_with("uncertainty:\n  impute: []\n"), InvalidInput,
                       MessageContains("uncertainty.impute is an empty set"));
  // Checked against the tree (uncertainty_inputs): too deep, the same level twice, group_mean.
  const auto deep = spec_with("uncertainty:\n  aggregate:\n    level3: [arithmetic]\n");
  CHECK_THROWS_MATCHES(cikit::uncertainty_inputs(deep.uncertainty, deep.tree), InvalidInput,
                       MessageContains("t.yaml:14:5: uncertainty: uncertainty.aggregate.level3: the tree has 2 "
                                       "level(s) below the index"));
  const auto twice = spec_with("uncertainty:\n  aggregate:\n    indicators: [arithmetic]\n    level2: [geometric]\n");
  CHECK_THROWS_MATCHES(cikit::uncertainty_inputs(twice.uncertainty, twice.tree), InvalidInput,
                       MessageContains("t.yaml:15:5: uncertainty: uncertainty.aggregate: 'indicators' and 'level2' "
                                       "name the same level (2)"));
  const auto gm = spec_with("uncertainty:\n  impute: [mean, group_mean]\n");
  CHECK_THROWS_MATCHES(cikit::uncertainty_inputs(gm.uncertainty, gm.tree), InvalidInput,
                       MessageContains("t.yaml:13:18: uncertainty: 'group_mean' in uncertainty.impute needs the unit "
                                       "groups"));
}

TEST_CASE("uncertainty: 'indicators' needs every indicator at the same depth", "[sensitivity][levels][error]") {
  // x3 hangs directly under the index (depth 1), x1 and x2 under d1 (depth 2).
  const auto s = cikit::parse_spec(R"(index: {id: t, label: T}
data: {file: t.csv, unit: id}
tree:
  - id: d1
    children:
      - {id: x1, direction: "+"}
      - {id: x2, direction: "+"}
  - {id: x3, direction: "+"}
uncertainty:
  aggregate: {indicators: [arithmetic, geometric]}
)",
                                   "u.yaml", ".");
  CHECK_THROWS_MATCHES(cikit::uncertainty_inputs(s.uncertainty, s.tree), cikit::InvalidInput,
                       MessageContains("u.yaml:10:15: uncertainty: 'indicators' in uncertainty.aggregate needs every "
                                       "indicator at the same depth"));
  // By depth it works: level 2 is d1 aggregating x1, x2; level 1 the index over d1 and x3.
  cikit::UncertaintyBlock b = s.uncertainty;
  b.aggregate_levels[0].key = "level2";
  b.aggregate_levels[0].level = 2;
  const auto in = cikit::uncertainty_inputs(b, s.tree);
  REQUIRE(in.inputs.size() == 1);
  CHECK(in.inputs[0].nodes == std::vector<std::string>{"d1"});
}

TEST_CASE("run_uncertainty: only the level whose choice changes ranks gets a Sobol' index",
          "[sensitivity][levels]") {
  const auto s = spec_with(R"(uncertainty:
  aggregate:
    indicators: [arithmetic, geometric, harmonic]
    dimensions: [arithmetic, geometric]
)");
  cikit::IndexConfig cfg;
  cfg.range_lo = 1.0;  // scores > 0: the geometric and harmonic means are defined
  const cikit::Dataset data = level_data();
  const auto inputs = cikit::uncertainty_inputs(s.uncertainty, s.tree, cfg);
  const cikit::SensitivityOptions o = mc_options(256, 100, 5);
  const auto a = cikit::analyse_sensitivity(data, s.tree, cfg, {}, inputs, o);
  CHECK(a.nominal_ranks == Eigen::Vector4i(2, 3, 1, 4));
  REQUIRE(a.monte_carlo);
  const auto& mc = *a.monte_carlo;
  CHECK(mc.failures.empty());
  // Every run ranks as the arithmetic or as the geometric index over the dimensions, and the
  // geometric ranking comes up (the level-1 choice matters).
  int geometric_runs = 0;
  for (Eigen::Index r = 0; r < mc.run_ranks.rows(); ++r) {
    const Eigen::VectorXi ranks = mc.run_ranks.row(r).transpose();
    const bool am = ranks == Eigen::Vector4i(2, 3, 1, 4), gm = ranks == Eigen::Vector4i(3, 1, 2, 4);
    CHECK((am || gm));
    geometric_runs += gm ? 1 : 0;
  }
  CHECK(geometric_runs > 0);
  REQUIRE(mc.sobol_rank_shift);
  const auto& si = *mc.sobol_rank_shift;
  const int ind = input_index(mc, "aggregate.indicators"), dim = input_index(mc, "aggregate.dimensions");
  // f(A_B^(ind)) = f(A) in every row, so both estimators are exactly 0 for the indicators' level.
  CHECK_THAT(si.first(ind, 0), WithinAbs(0.0, 1e-12));
  CHECK_THAT(si.total(ind, 0), WithinAbs(0.0, 1e-12));
  // R̄s depends on the dimensions' choice alone: S = S_T = 1 in theory; the estimate's Monte
  // Carlo error at N = 256 is below 0.07 (binomial sd of the share of rows where A and B
  // disagree, for i.i.d. points), so 0.2 is about 3 sd.
  CHECK_THAT(si.total(dim, 0), WithinAbs(1.0, 0.2));
  CHECK_THAT(si.first(dim, 0), WithinAbs(1.0, 0.2));
}

TEST_CASE("run_uncertainty: the pre-flight names the level and the imputation of a failing combination",
          "[sensitivity][levels][error]") {
  const auto s = spec_with("uncertainty:\n  impute: [none, mean]\n  aggregate: {indicators: [arithmetic, geometric]}\n");
  const cikit::IndexConfig cfg;  // min-max onto [0, 100]: an indicator can be 0
  const auto inputs = cikit::uncertainty_inputs(s.uncertainty, s.tree, cfg);
  cikit::MonteCarloOptions mo;
  mo.n = 8;
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(impute_data(), s.tree, cfg, inputs, mo), cikit::InvalidInput,
                       MessageContains("pre-flight: exclude = none, impute = none, normalize = minmax, weights = "
                                       "equal, aggregate.indicators = geometric cannot be computed"));
  // A node set by two inputs, and a per-level input without nodes.
  cikit::UncertaintySpec bad = inputs;
  bad.inputs.push_back(bad.inputs[1]);
  bad.inputs.back().name = "aggregate.again";
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(impute_data(), s.tree, cfg, bad, mo), cikit::InvalidInput,
                       MessageContains("the aggregation of node 'd1' is set by two inputs"));
  bad.inputs.back().nodes.clear();
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(impute_data(), s.tree, cfg, bad, mo), cikit::InvalidInput,
                       MessageContains("no node: give the ids of the inner nodes"));
}

TEST_CASE("run_uncertainty: the imputation method as an uncertain input", "[sensitivity][impute]") {
  const auto s = spec_with("uncertainty:\n  impute: [none, mean, median]\n");
  const cikit::IndexConfig cfg;
  const cikit::Dataset data = impute_data();
  // The hand-computed ranks of each choice (see impute_data).
  const std::vector<std::pair<cikit::ImputeMethod, Eigen::VectorXi>> expected{
      {cikit::ImputeMethod::None, (Eigen::VectorXi(5) << 1, 5, 3, 4, 2).finished()},
      {cikit::ImputeMethod::Mean, (Eigen::VectorXi(5) << 1, 5, 3, 4, 2).finished()},
      {cikit::ImputeMethod::Median, (Eigen::VectorXi(5) << 2, 5, 3, 4, 1).finished()}};
  for (const auto& [m, ranks] : expected) {
    cikit::IndexConfig c = cfg;
    c.treat.impute = m;
    CHECK(cikit::build_index(data, s.tree, c).ranks.col(0) == ranks);
  }
  const auto inputs = cikit::uncertainty_inputs(s.uncertainty, s.tree, cfg);
  const cikit::SensitivityOptions o = mc_options(256, 100, cikit::kDefaultSeed);
  const auto a = cikit::analyse_sensitivity(data, s.tree, cfg, {}, inputs, o);
  REQUIRE(a.monte_carlo);
  const auto& mc = *a.monte_carlo;
  CHECK(mc.input_names == std::vector<std::string>{"impute"});
  // R̄s is 0.4 when the median is drawn (A and E swap), else 0: mean R̄s about 0.4/3.
  CHECK_THAT(mc.mean_rank_shift, WithinAbs(0.4 / 3.0, 0.03));
  REQUIRE(mc.sobol_rank_shift);
  // The only input: S = S_T = 1 in theory (tolerance as in the level test).
  CHECK_THAT(mc.sobol_rank_shift->total(0, 0), WithinAbs(1.0, 0.2));
  CHECK(mc.sobol_rank_shift->total_lower(0, 0) > 0.5);
  CHECK(std::none_of(mc.warnings.begin(), mc.warnings.end(),
                     [](const std::string& w) { return w.find("no missing value") != std::string::npos; }));

  // Complete data: the input is kept, cannot change anything, and a warning says so.
  cikit::Dataset full = data;
  full.values(0, 0) = 5;
  const auto b = cikit::analyse_sensitivity(full, s.tree, cfg, {}, inputs, o);
  REQUIRE(b.monte_carlo);
  CHECK_THAT(b.monte_carlo->sobol_rank_shift->total(0, 0), WithinAbs(0.0, 0.0));
  CHECK(std::any_of(b.monte_carlo->warnings.begin(), b.monte_carlo->warnings.end(), [](const std::string& w) {
    return w.find("impute: the data have no missing value") != std::string::npos;
  }));
}

TEST_CASE("analyse_sensitivity with level and imputation inputs: identical for 1 and 2 threads",
          "[sensitivity][levels][threads]") {
  const auto s = spec_with(R"(uncertainty:
  impute: [none, mean, median]
  normalize: [minmax, rank]
  aggregate:
    indicators: [arithmetic, geometric]
    dimensions: [arithmetic, harmonic]
  exclude: any
  weight_noise: {percent: 20}
)");
  cikit::IndexConfig cfg;
  cfg.range_lo = 1.0;
  const auto inputs = cikit::uncertainty_inputs(s.uncertainty, s.tree, cfg);
  cikit::SensitivityOptions o = mc_options(32, 40, 17);
  std::vector<cikit::SensitivityAnalysis> runs;
  for (int t : {1, 2}) {
    o.threads = t;
    runs.push_back(cikit::analyse_sensitivity(impute_data(), s.tree, cfg, {}, inputs, o));
  }
  const auto& a = *runs[0].monte_carlo;
  const auto& b = *runs[1].monte_carlo;
  CHECK(a.input_names == std::vector<std::string>{"impute", "normalize", "aggregate.indicators",
                                                  "aggregate.dimensions", "exclude", "weight_noise"});
  CHECK(a.failures.empty());
  CHECK(a.run_ranks == b.run_ranks);
  REQUIRE(a.sobol_rank_shift);
  REQUIRE(b.sobol_rank_shift);
  CHECK(a.sobol_rank_shift->first == b.sobol_rank_shift->first);
  CHECK(a.sobol_rank_shift->total == b.sobol_rank_shift->total);
  CHECK(a.sobol_rank_shift->total_upper == b.sobol_rank_shift->total_upper);
}
