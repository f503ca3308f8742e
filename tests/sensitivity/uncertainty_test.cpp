// Tests of methods/sensitivity/uncertainty: declaration checks, decoding design rows into
// configurations, the generic Monte Carlo runner on a toy model with a known answer, and
// run_uncertainty over build_index on a simulated system.
#include "methods/sensitivity/uncertainty.hpp"
#include "methods/sensitivity/detail/fast_index.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "methods/core/error.hpp"
#include "methods/core/random.hpp"
#include "methods/core/spec.hpp"
#include "methods/simulate/simulate.hpp"
#include "sens_support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using cikit::UncertainInput;
using cikit::UncertainKind;
using cikit::UncertaintySpec;
using sens_test::MessageContains;

namespace {

UncertainInput discrete(std::string name, std::vector<std::string> labels) {
  UncertainInput in;
  in.name = std::move(name);
  in.kind = UncertainKind::Discrete;
  in.labels = std::move(labels);
  return in;
}

UncertainInput weights_input(UncertainKind kind, Eigen::VectorXd w, std::vector<int> groups = {}) {
  // Designated initialisers: GCC 12 -O3 gives a -Wrestrict false positive on name = "w".
  return UncertainInput{.name = std::string("w"), .kind = kind, .nominal_weights = std::move(w),
                        .weight_groups = std::move(groups)};
}

struct Sim {
  cikit::Dataset data;
  cikit::IndicatorTree tree;
};
Sim small_system() {
  cikit::SimulationOptions o;
  o.units = 30;
  o.indicators = 6;
  o.dimensions = 2;
  o.missing_rate = 0.0;
  o.seed = 5;
  auto sim = cikit::simulate(o);
  auto spec = cikit::parse_spec(sim.spec_yaml, "sim.yaml", ".");
  return {sim.data, spec.tree};
}

}  // namespace

TEST_CASE("uncertainty: declaration errors", "[sensitivity][uncertainty][error]") {
  using cikit::InvalidInput;
  using cikit::validate_uncertainty_spec;
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({}), InvalidInput, MessageContains("no uncertain input"));
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{discrete("normalize", {})}}), InvalidInput,
                       MessageContains("input 'normalize' (discrete): the set of choices is empty"));
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{discrete("a", {"x", "x"})}}), InvalidInput,
                       MessageContains("label 'x' appears twice"));
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{discrete("a", {"x"}), discrete("a", {"y"})}}), InvalidInput,
                       MessageContains("declared twice"));
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{discrete("", {"x"})}}), InvalidInput, MessageContains("empty name"));
  auto p = weights_input(UncertainKind::WeightPerturbation, Eigen::Vector3d(0.2, 0.3, 0.5));
  p.percent = 100;
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{p}}), InvalidInput,
                       MessageContains("perturbation is 100%, but must be in (0, 100)"));
  p.percent = 150;
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{p}}), InvalidInput, MessageContains("perturbation is 150%"));
  auto dz = weights_input(UncertainKind::WeightDirichlet, Eigen::Vector3d(0.2, 0.3, 0.5));
  dz.concentration = 0;
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{dz}}), InvalidInput, MessageContains("concentration is 0"));
  auto neg = weights_input(UncertainKind::WeightPerturbation, Eigen::Vector3d(0.2, -0.3, 0.5));
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{neg}}), InvalidInput, MessageContains("nominal weight 2 is -0.3"));
  auto zero = weights_input(UncertainKind::WeightPerturbation, Eigen::Vector3d(0.0, 0.0, 0.5), {0, 0, 1});
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{zero}}), InvalidInput, MessageContains("group 0 sum to 0"));
  auto empty_w = weights_input(UncertainKind::WeightPerturbation, Eigen::VectorXd());
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{empty_w}}), InvalidInput, MessageContains("no nominal weights"));
  const UncertainInput c{.name = std::string("c"), .kind = UncertainKind::Continuous, .lower = 1, .upper = 1};
  CHECK_THROWS_MATCHES(validate_uncertainty_spec({{c}}), InvalidInput, MessageContains("lower < upper"));
  CHECK_THROWS_MATCHES(cikit::parse_uncertain_kind("gaussian"), InvalidInput,
                       MessageContains("unknown kind 'gaussian'; accepted: discrete, continuous, perturb, dirichlet"));
  CHECK(cikit::parse_uncertain_kind("dirichlet") == UncertainKind::WeightDirichlet);
  CHECK(cikit::uncertain_kind_name(UncertainKind::WeightPerturbation) == "perturb");
}

TEST_CASE("uncertainty: decoding a design row", "[sensitivity][uncertainty][property]") {
  const UncertainInput c{.name = std::string("c"), .kind = UncertainKind::Continuous, .lower = 2, .upper = 4};
  auto p = weights_input(UncertainKind::WeightPerturbation, Eigen::Vector4d(0.2, 0.3, 0.5, 1.0), {0, 0, 0, 1});
  p.percent = 20;
  const UncertaintySpec spec{{discrete("norm", {"minmax", "zscore", "rank"}), c, p}};
  CHECK(cikit::coordinate_groups(spec) == std::vector<int>{0, 1, 2, 2, 2, 2});
  Eigen::VectorXd row(6);
  row << 0.5, 0.25, 1.0, 0.0, 0.5, 0.9;
  const auto v = cikit::decode_design_row(spec, row);
  CHECK(v[0].choice == 1);
  CHECK(v[0].label == "zscore");
  CHECK_THAT(v[1].value, WithinRel(2.5, 1e-15));
  // Hand computation: factors 1 + 0.2(2u - 1) = 1.2, 0.8, 1.0 (group 0) and 1.16 (group 1);
  // group 0: 0.24, 0.24, 0.5 (sum 0.98) renormalised to sum 1; group 1: back to its sum 1.
  CHECK_THAT(v[2].weights(0), WithinRel(0.24 / 0.98, 1e-14));
  CHECK_THAT(v[2].weights(1), WithinRel(0.24 / 0.98, 1e-14));
  CHECK_THAT(v[2].weights(2), WithinRel(0.5 / 0.98, 1e-14));
  CHECK_THAT(v[2].weights(3), WithinRel(1.0, 1e-14));
  CHECK_THROWS_MATCHES(cikit::decode_design_row(spec, Eigen::VectorXd::Zero(5)), cikit::InvalidInput,
                       MessageContains("row has 5 coordinates, but the inputs own 6"));
}

TEST_CASE("uncertainty: Dirichlet weights average to the nominal weights", "[sensitivity][uncertainty][property]") {
  // w' ~ Dirichlet(c w): E w'_j = w_j, Var w'_j = w_j (1 - w_j)/(c + 1). Over 4096 scrambled
  // Sobol' points the sample mean is within 3 sd/sqrt(N) of w (sd = sqrt(0.5·0.5/101) = 0.05,
  // so 3 · 0.05/64 = 0.0023) and the sample variance within 10 % of the formula.
  const Eigen::Vector3d w(0.2, 0.3, 0.5);
  const Eigen::MatrixXd u = cikit::sobol_points(4096, 3);
  Eigen::MatrixXd draws(u.rows(), 3);
  for (Eigen::Index i = 0; i < u.rows(); ++i)
    draws.row(i) = cikit::perturbed_weights(UncertainKind::WeightDirichlet, w, {}, 0, 100, u.row(i).transpose())
                       .transpose();
  for (int j = 0; j < 3; ++j) {
    const double m = draws.col(j).mean();
    const double var = (draws.col(j).array() - m).square().mean();
    CHECK_THAT(m, WithinAbs(w(j), 0.0023));
    CHECK_THAT(var, WithinRel(w(j) * (1 - w(j)) / 101.0, 0.10));
  }
  CHECK((draws.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
}

TEST_CASE("uncertainty: Monte Carlo runner on a toy model with a known answer", "[sensitivity][uncertainty][reference]") {
  // 4 units with scores s = base + shift(choice of input 1); input 2 does nothing.
  // choice 0: ranks 1 2 3 4 (nominal); choice 1: units 1 and 2 swap -> R̄s = (1 + 1)/4 = 0.5.
  const UncertaintySpec spec{{discrete("order", {"keep", "swap"}), discrete("noise", {"a", "b", "c"})}};
  const cikit::RanksModel model = [](const std::vector<cikit::InputValue>& v) {
    Eigen::VectorXi r(4);
    if (v[0].choice == 0)
      r << 1, 2, 3, 4;
    else
      r << 2, 1, 3, 4;
    return r;
  };
  cikit::MonteCarloOptions o;
  o.n = 256;
  o.sobol.bootstrap_resamples = 100;
  o.sobol_of_unit_ranks = true;
  const auto r = cikit::run_monte_carlo(spec, Eigen::Vector4i(1, 2, 3, 4), model, o);
  CHECK(r.runs == 256 * 4);
  CHECK(r.failures.empty());
  CHECK(r.rank_stats_runs == 512);
  // Balanced design: exactly half of the A and B runs swap (stratified Sobol' columns), so the
  // mean rank of units 1 and 2 is 1.5 and the mean R̄s is 0.25, exactly.
  CHECK_THAT(r.rank_stats.mean(0), WithinRel(1.5, 1e-12));
  CHECK_THAT(r.mean_rank_shift, WithinRel(0.25, 1e-12));
  CHECK_THAT(r.rank_stats.lower(0), WithinRel(1.0, 1e-12));
  CHECK_THAT(r.rank_stats.upper(0), WithinRel(2.0, 1e-12));
  CHECK_THAT(r.rank_stats.upper(3), WithinRel(4.0, 1e-12));
  REQUIRE(r.sobol_rank_shift.has_value());
  // R̄s depends on input 1 only: S_1 = S_T1 = 1, S_T2 = 0 exactly (A and A_B^(2) agree).
  CHECK_THAT(r.sobol_rank_shift->first(0, 0), WithinAbs(1.0, 0.02));
  CHECK_THAT(r.sobol_rank_shift->total(0, 0), WithinAbs(1.0, 0.02));
  CHECK_THAT(r.sobol_rank_shift->total(1, 0), WithinAbs(0.0, 0.0));
  REQUIRE(r.sobol_unit_ranks.has_value());
  CHECK(r.sobol_unit_ranks->first.cols() == 4);
  CHECK(r.sobol_unit_ranks->zero_variance_outputs == std::vector<Eigen::Index>{2, 3});
  // The template form with a configuration struct gives the same ranks.
  struct Config {
    bool swap;
  };
  const auto r2 = cikit::run_monte_carlo<Config>(
      spec, Eigen::Vector4i(1, 2, 3, 4),
      std::function<Config(const std::vector<cikit::InputValue>&)>(
          [](const std::vector<cikit::InputValue>& v) { return Config{v[0].choice == 1}; }),
      std::function<Eigen::VectorXi(const Config&)>([](const Config& c) {
        Eigen::VectorXi rk(4);
        if (c.swap)
          rk << 2, 1, 3, 4;
        else
          rk << 1, 2, 3, 4;
        return rk;
      }),
      o);
  CHECK((r2.run_ranks.array() == r.run_ranks.array()).all());
}

TEST_CASE("uncertainty: failed runs are counted and Sobol' omitted", "[sensitivity][uncertainty][error]") {
  const UncertaintySpec spec{{discrete("agg", {"arithmetic", "geometric"}), discrete("x", {"a", "b"})}};
  const cikit::RanksModel model = [](const std::vector<cikit::InputValue>& v) -> Eigen::VectorXi {
    if (v[0].choice == 1 && v[1].choice == 1) throw std::domain_error("geometric mean over a zero score");
    return Eigen::Vector3i(1, 2, 3);
  };
  cikit::MonteCarloOptions o;
  o.n = 32;
  // Run 0 must succeed for the runner to start; seed chosen so that it does (checked).
  const auto r = cikit::run_monte_carlo(spec, Eigen::Vector3i(1, 2, 3), model, o);
  REQUIRE(!r.failures.empty());
  CHECK(r.failures.front().reason == "geometric mean over a zero score");
  CHECK(!r.sobol_rank_shift.has_value());
  CHECK(r.rank_stats_runs < 64);
  bool said = false;
  for (const auto& w : r.warnings) said = said || w.find("Sobol' indices omitted") != std::string::npos;
  CHECK(said);
}

TEST_CASE("uncertainty: run_uncertainty over build_index on a simulated system", "[sensitivity][uncertainty][reference]") {
  const Sim s = small_system();
  const cikit::IndexConfig nominal;
  auto noise = weights_input(UncertainKind::WeightPerturbation, Eigen::VectorXd());
  noise.name = std::string("weight_noise");
  const UncertaintySpec spec{{discrete("normalize", {"minmax", "zscore"}), discrete("exclude", {"none", "x01", "x04"}),
                              discrete("weights", {"equal"}), noise}};
  cikit::MonteCarloOptions o;
  o.n = 64;
  o.sobol.bootstrap_resamples = 100;
  std::vector<cikit::MonteCarloResult> rs;
  for (int t : {1, 2, 8}) {
    o.threads = t;
    o.sobol.threads = t;
    rs.push_back(cikit::run_uncertainty(s.data, s.tree, nominal, spec, o));
  }
  const auto& r = rs[0];
  CHECK(r.failures.empty());
  CHECK(r.runs == 64 * 6);
  CHECK(r.run_ranks.cols() == 30);
  const Eigen::VectorXi nominal_ranks = cikit::build_index(s.data, s.tree, nominal).ranks.col(0);
  CHECK((r.nominal.array() == nominal_ranks.array()).all());
  REQUIRE(r.sobol_rank_shift.has_value());
  const auto& so = *r.sobol_rank_shift;
  CHECK(so.first.rows() == 4);
  // "weights" has one label: it never varies, so S_T = 0 exactly.
  CHECK_THAT(so.total(2, 0), WithinAbs(0.0, 0.0));
  for (Eigen::Index u = 0; u < 30; ++u) {
    CHECK(r.rank_stats.lower(u) <= r.rank_stats.median(u));
    CHECK(r.rank_stats.median(u) <= r.rank_stats.upper(u));
  }
  // Bitwise identical for 1, 2 and 8 threads.
  for (std::size_t j = 1; j < rs.size(); ++j) {
    CHECK((rs[j].run_ranks.array() == r.run_ranks.array()).all());
    CHECK((rs[j].sobol_rank_shift->first.array() == so.first.array()).all());
    CHECK((rs[j].sobol_rank_shift->total_upper.array() == so.total_upper.array()).all());
    CHECK((rs[j].rank_stats.upper.array() == r.rank_stats.upper.array()).all());
  }
  // Oracle: a run's ranks equal build_index on the configuration decoded by hand.
  const auto design = cikit::saltelli_design(64, std::vector<int>{0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3}, o.design);
  for (Eigen::Index run : {Eigen::Index{0}, Eigen::Index{70}, Eigen::Index{200}, Eigen::Index{383}}) {
    const Eigen::VectorXd u = design.row(run);
    cikit::IndexConfig cfg = nominal;
    cfg.normalize = cikit::discrete_choice(u(0), 2) == 0 ? cikit::NormalizeMethod::MinMax : cikit::NormalizeMethod::ZScore;
    const int ex = cikit::discrete_choice(u(1), 3);
    cikit::IndicatorTree tree = s.tree;
    cikit::Dataset data = s.data;
    if (ex > 0) {
      const std::string id = ex == 1 ? "x01" : "x04";
      const int node = *s.tree.find(id);
      const int pos = s.tree.leaf_position(node);
      tree = cikit::tree_without_leaf(s.tree, node);
      Eigen::MatrixXd v(data.values.rows(), data.values.cols() - 1);
      for (Eigen::Index c = 0, k = 0; c < data.values.cols(); ++c)
        if (c != pos) v.col(k++) = data.values.col(c);
      data.values = v;
      data.indicator_ids.erase(data.indicator_ids.begin() + pos);
    }
    // Equal local weights × (1 + 0.25 (2u - 1)) per node, renormalised among siblings; the
    // coordinates belong to the full tree's non-root nodes in node order (3 + ... = 8 nodes).
    std::vector<cikit::Node> nodes = tree.nodes();
    const Eigen::VectorXd base = cikit::equal_tree_weights(tree).local;
    std::vector<double> f(nodes.size(), 0.0);
    for (std::size_t i = 1; i < nodes.size(); ++i) {
      const int full = *s.tree.find(nodes[i].id);
      f[i] = base(static_cast<Eigen::Index>(i)) * (1 + 0.25 * (2 * u(2 + full) - 1));
    }
    for (std::size_t i = 1; i < nodes.size(); ++i) {
      double sum = 0;
      for (int c : nodes[static_cast<std::size_t>(nodes[i].parent)].children) sum += f[static_cast<std::size_t>(c)];
      nodes[i].weight = f[i] / sum;
    }
    cfg.weights = cikit::WeightMethod::Given;
    const Eigen::VectorXi want = cikit::build_index(data, cikit::IndicatorTree(nodes), cfg).ranks.col(0);
    INFO("run " << run << " exclude " << ex);
    CHECK((r.run_ranks.row(run).transpose().array() == want.array()).all());
  }
}

TEST_CASE("uncertainty: a design with nothing uncertain reproduces the nominal ranks", "[sensitivity][uncertainty][property]") {
  const Sim s = small_system();
  const UncertaintySpec spec{{discrete("normalize", {"minmax"}), discrete("exclude", {"none"})}};
  cikit::MonteCarloOptions o;
  o.n = 8;
  o.sobol.bootstrap_resamples = 0;
  const auto r = cikit::run_uncertainty(s.data, s.tree, cikit::IndexConfig{}, spec, o);
  CHECK((r.rank_stats.median.array() == r.nominal.cast<double>().array()).all());
  CHECK_THAT(r.mean_rank_shift, WithinAbs(0.0, 0.0));
  REQUIRE(r.sobol_rank_shift.has_value());
  CHECK(r.sobol_rank_shift->zero_variance_outputs.size() == 1);
}

TEST_CASE("uncertainty: run_uncertainty errors", "[sensitivity][uncertainty][error]") {
  using cikit::InvalidInput;
  const Sim s = small_system();
  const cikit::IndexConfig nominal;
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(s.data, s.tree, nominal, {{discrete("aggregation", {"a"})}}),
                       InvalidInput, MessageContains("unknown input name"));
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(s.data, s.tree, nominal, {{discrete("normalize", {"minmax", "rankk"})}}),
                       InvalidInput, MessageContains("unknown normalisation 'rankk'"));
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(s.data, s.tree, nominal, {{discrete("weights", {"magic"})}}),
                       InvalidInput, MessageContains("unknown weighting 'magic'"));
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(s.data, s.tree, nominal, {{discrete("exclude", {"none", "d1"})}}),
                       InvalidInput, MessageContains("'d1' is not an indicator id"));
  const UncertainInput c{.name = std::string("range"), .kind = UncertainKind::Continuous};
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(s.data, s.tree, nominal, {{c}}), InvalidInput,
                       MessageContains("no continuous modelling choice"));
  auto w = weights_input(UncertainKind::WeightPerturbation, Eigen::Vector2d(0.5, 0.5));
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(s.data, s.tree, nominal, {{w}}), InvalidInput,
                       MessageContains("leave nominal_weights empty"));
  // Pre-flight: goalposts normalisation needs goalposts on every indicator, which the
  // simulated spec does not give: an error up front naming the combination.
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(s.data, s.tree, nominal, {{discrete("normalize", {"minmax", "goalposts"})}}),
                       InvalidInput, MessageContains("pre-flight: exclude = none, normalize = goalposts"));
  CHECK_THROWS_MATCHES(cikit::run_uncertainty(s.data, s.tree, nominal, {{discrete("exclude", {})}}), InvalidInput,
                       MessageContains("set of choices is empty"));
}

TEST_CASE("Monte Carlo runs: the radix rank equals rank_descending on every input", "[sensitivity][uncertainty][property]") {
  // rank_descending_radix (detail/fast_index.hpp) replaces the comparison sort in a run's ranks;
  // the ranks must be identical integers. Inputs: random sizes 0 .. 5,000 drawn from pools with
  // many ties, NaN, +-0, +-inf, subnormals, negative and large values, and plain scores.
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const double sub = std::numeric_limits<double>::denorm_min();
  const std::vector<double> pool = {0.0, -0.0, 1.0, -1.0, 0.5, 100.0, -100.0, inf, -inf, nan, sub, -sub, 1e308, -1e308,
                                    2.5e-310, 37.25, 37.25000000000001};
  auto g = cikit::make_stream(5, cikit::StreamTag::Simulate, 0);
  cikit::sensitivity_detail::RankScratch scratch;
  int cases = 0;
  for (int c = 0; c < 400; ++c) {
    const auto n = static_cast<Eigen::Index>(c < 20 ? static_cast<std::uint64_t>(c) : cikit::uniform_index(g, 5001));
    Eigen::VectorXd x(n);
    const std::uint64_t mode = cikit::uniform_index(g, 3);
    for (Eigen::Index i = 0; i < n; ++i) {
      if (mode == 0) x(i) = pool[cikit::uniform_index(g, pool.size())];
      else if (mode == 1) x(i) = std::round(100.0 * cikit::uniform01(g)) / 4.0;  // many ties
      else x(i) = 100.0 * cikit::standard_normal(g);
    }
    const Eigen::VectorXi ref = cikit::rank_descending(x);
    Eigen::VectorXi got;
    cikit::sensitivity_detail::rank_descending_radix(x.data(), n, scratch, got);
    REQUIRE(got.size() == ref.size());
    for (Eigen::Index i = 0; i < n; ++i) REQUIRE(got(i) == ref(i));
    ++cases;
  }
  REQUIRE(cases == 400);
}
