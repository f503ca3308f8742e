// Scenario simulator: true weights, true composite, determinism, and that each knob acts.
#include <catch2/catch.hpp>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/simulate/scenario.hpp"
#include "methods/weighting/ahp_tree.hpp"

using Catch::Matchers::WithinAbs;

namespace {
double corr(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  const Eigen::ArrayXd x = a.array() - a.mean(), y = b.array() - b.mean();
  return (x * y).sum() / std::sqrt((x * x).sum() * (y * y).sum());
}
double missing_share(const Eigen::MatrixXd& v) {
  return static_cast<double>(v.array().isNaN().count()) / static_cast<double>(v.size());
}
double skewness(const Eigen::VectorXd& x) {
  const Eigen::ArrayXd c = x.array() - x.mean();
  const double m2 = (c * c).mean(), m3 = (c * c * c).mean();
  return m3 / std::pow(m2, 1.5);
}
}  // namespace

TEST_CASE("scenario: true weights sum to 1, equal at spread 0, composite = sum w T", "[simulate][scenario]") {
  cikit::ScenarioOptions o;
  o.units = 50;
  o.dimensions = 3;
  o.indicators_per_dimension = 4;
  o.weight_spread = 1.0;
  const auto s = cikit::simulate_scenario(o);
  REQUIRE(s.sim.true_weights.size() == 12);
  CHECK_THAT(s.sim.true_weights.sum(), WithinAbs(1.0, 1e-12));
  CHECK_THAT(s.dimension_weights.sum(), WithinAbs(1.0, 1e-12));
  CHECK(s.sim.true_weights.maxCoeff() > 1.5 * s.sim.true_weights.minCoeff());
  // The composite is sum_j w_j T_ij, and the dimension scores sum to it with v_d.
  const Eigen::VectorXd c = s.true_indicators * s.sim.true_weights;
  CHECK((c - s.sim.true_index).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((s.sim.true_dimensions * s.dimension_weights - s.sim.true_index).cwiseAbs().maxCoeff() < 1e-12);
  o.weight_spread = 0;
  const auto e = cikit::simulate_scenario(o);
  CHECK((e.sim.true_weights.array() - 1.0 / 12).abs().maxCoeff() < 1e-15);
}

TEST_CASE("scenario: deterministic by seed, unit i independent of n", "[simulate][scenario]") {
  cikit::ScenarioOptions o;
  o.units = 120;
  o.missing_rate = 0.1;
  o.seed = 5;
  const auto a = cikit::simulate_scenario(o), b = cikit::simulate_scenario(o);
  CHECK(cikit::simulation_csv(a.sim, "unit") == cikit::simulation_csv(b.sim, "unit"));
  CHECK(cikit::truth_csv(a.sim) == cikit::truth_csv(b.sim));
  o.units = 20;
  const auto c = cikit::simulate_scenario(o);
  CHECK(cikit::truth_csv(c.sim) == cikit::truth_csv(a.sim).substr(0, cikit::truth_csv(c.sim).size()));
  o.seed = 6;
  const auto d = cikit::simulate_scenario(o);
  CHECK(cikit::truth_csv(d.sim) != cikit::truth_csv(c.sim));
}

TEST_CASE("scenario: knobs have their effect", "[simulate][scenario]") {
  cikit::ScenarioOptions o;
  o.units = 2000;
  o.dimensions = 2;
  o.indicators_per_dimension = 5;
  SECTION("missing rate within binomial tolerance") {
    o.missing_rate = 0.15;
    const auto s = cikit::simulate_scenario(o);
    // 20,000 cells: sd of the share = sqrt(0.15 * 0.85 / 20000) = 0.0025; 4 sd.
    CHECK_THAT(missing_share(s.sim.data.values), WithinAbs(0.15, 0.01));
    o.missing_rate = 0;
    CHECK(missing_share(cikit::simulate_scenario(o).sim.data.values) <= 0.0);
  }
  SECTION("negative indicators correlate negatively with the truth") {
    o.negative_share = 0.4;
    const auto s = cikit::simulate_scenario(o);
    int neg = 0;
    for (Eigen::Index j = 0; j < 10; ++j) {
      const double r = corr(s.sim.data.values.col(j), s.sim.true_index);
      if (s.sim.indicator_negative[static_cast<std::size_t>(j)]) {
        ++neg;
        CHECK(r < -0.3);
      } else {
        CHECK(r > 0.3);
      }
    }
    CHECK(neg == 4);
  }
  SECTION("loading and noise set the indicator-truth correlation") {
    // corr(z_j, F_d) = a / sqrt(1 + sigma^2) in the population.
    o.loading = 0.9;
    o.noise = 0.5;
    o.dimension_correlation = 0;
    const auto s = cikit::simulate_scenario(o);
    CHECK_THAT(corr(s.sim.data.values.col(0), s.true_indicators.col(0)), WithinAbs(1 / std::sqrt(1.25), 0.03));
    CHECK_THAT(corr(s.true_indicators.col(0), s.true_indicators.col(1)), WithinAbs(0.81, 0.04));
    o.noise = 2.0;
    const auto t = cikit::simulate_scenario(o);
    CHECK_THAT(corr(t.sim.data.values.col(0), t.true_indicators.col(0)), WithinAbs(1 / std::sqrt(5.0), 0.04));
  }
  SECTION("dimension correlation") {
    o.dimension_correlation = 0.8;
    o.loading = 1.0;  // T = F exactly
    const auto s = cikit::simulate_scenario(o);
    CHECK_THAT(corr(s.true_indicators.col(0), s.true_indicators.col(5)), WithinAbs(0.8, 0.03));
  }
  SECTION("skewness and outliers") {
    o.skewed_share = 1.0;
    o.skewness = 0.8;
    const auto s = cikit::simulate_scenario(o);
    CHECK(skewness(s.sim.data.values.col(0)) > 1.5);
    o.skewed_share = 0;
    CHECK(std::abs(skewness(cikit::simulate_scenario(o).sim.data.values.col(0))) < 0.2);
    o.outlier_rate = 0.05;
    o.outlier_shift = 6;
    const auto out = cikit::simulate_scenario(o);
    const Eigen::ArrayXd x = out.sim.data.values.col(0).array();
    // Share of values beyond 50 + 10 * 4.5 (about 0 without outliers): about 5% · P(z + 6 > 4.5).
    const double share = static_cast<double>((x > 95).count()) / 2000.0;
    CHECK(share > 0.03);
    CHECK(share < 0.07);
  }
}

TEST_CASE("scenario: judgments from the true weights recover them", "[simulate][scenario][ahp]") {
  cikit::ScenarioOptions o;
  o.units = 20;
  o.weight_spread = 1.0;
  const auto s = cikit::simulate_scenario(o);
  const auto exact = cikit::scenario_judgments(s.tree, 1, 0.0, 1);
  REQUIRE(exact.experts.size() == 1);
  const auto r = cikit::ahp_tree_weights(s.tree, exact);
  // Saaty rounding only: global weights close to the truth.
  const auto& leaves = s.tree.leaves();
  Eigen::VectorXd w(static_cast<Eigen::Index>(leaves.size()));
  for (std::size_t j = 0; j < leaves.size(); ++j) w(static_cast<Eigen::Index>(j)) = r.weights.global(leaves[j]);
  CHECK((w - s.sim.true_weights).cwiseAbs().maxCoeff() < 0.04);
  CHECK(corr(w, s.sim.true_weights) > 0.95);
  const auto a = cikit::scenario_judgments(s.tree, 3, 0.3, 9), b = cikit::scenario_judgments(s.tree, 3, 0.3, 9);
  CHECK(a.experts[2].nodes[1].matrix == b.experts[2].nodes[1].matrix);
  CHECK_THROWS_AS(cikit::scenario_judgments(s.tree, 0, 0.3, 9), cikit::InvalidInput);
}

TEST_CASE("scenario: bad options are named", "[simulate][scenario][bad-input]") {
  cikit::ScenarioOptions o;
  o.indicators_per_dimension = 1;
  CHECK_THROWS_WITH(cikit::simulate_scenario(o), Catch::Contains("indicators per dimension"));
  o = {};
  o.missing_rate = 0.6;
  CHECK_THROWS_WITH(cikit::simulate_scenario(o), Catch::Contains("missing rate"));
  o = {};
  o.units = 5;
  CHECK_THROWS_WITH(cikit::simulate_scenario(o), Catch::Contains("units"));
}
