// Simulator: determinism, shape, the latent structure it promises, the governance preset.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <set>

#include "methods/core/error.hpp"
#include "methods/simulate/simulate.hpp"

using Catch::Contains;
using Catch::Matchers::WithinAbs;

namespace {
double corr(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  const Eigen::ArrayXd x = a.array() - a.mean(), y = b.array() - b.mean();
  return (x * y).sum() / std::sqrt((x * x).sum() * (y * y).sum());
}
}  // namespace

TEST_CASE("simulate: deterministic, sized, labelled", "[simulate][property]") {
  cikit::SimulationOptions o;
  o.units = 300;
  o.indicators = 12;
  o.dimensions = 3;
  o.seed = 11;
  const auto a = cikit::simulate(o);
  const auto b = cikit::simulate(o);
  REQUIRE(a.data.values.rows() == 300);
  REQUIRE(a.data.values.cols() == 12);
  CHECK(cikit::simulation_csv(a, "unit") == cikit::simulation_csv(b, "unit"));
  CHECK(a.spec_yaml.find("SYNTHETIC") != std::string::npos);
  // Unit i's values do not depend on how many units are simulated.
  o.units = 10;
  const auto c = cikit::simulate(o);
  for (Eigen::Index j = 0; j < 12; ++j) {
    const double x = a.data.values(5, j), y = c.data.values(5, j);
    CHECK(((std::isnan(x) && std::isnan(y)) || std::abs(x - y) <= 0.0));
  }
}

TEST_CASE("simulate: indicators follow their dimension factor and direction", "[simulate][property]") {
  cikit::SimulationOptions o;
  o.units = 4000;
  o.indicators = 8;
  o.dimensions = 2;
  o.negative_share = 0.25;
  o.skewed_share = 0.0;
  o.missing_rate = 0.0;
  o.outlier_rate = 0.0;
  o.loading = 0.8;
  const auto s = cikit::simulate(o);
  // For Normal marginals x = 50 + 10 z and z = lambda F + ..., so corr(x, F) = +-lambda
  // (indicators are directly under their dimension). 4000 units: SE ~ 0.006; bound 0.03.
  for (Eigen::Index j = 0; j < 8; ++j) {
    const int d = s.indicator_dimension[static_cast<std::size_t>(j)];
    const double sign = s.indicator_negative[static_cast<std::size_t>(j)] ? -1.0 : 1.0;
    CHECK_THAT(corr(s.data.values.col(j), s.true_dimensions.col(d)), WithinAbs(sign * 0.8, 0.03));
  }
  // Dimension factors correlate at rho = 0.5 (SE ~ 0.012; bound 0.05).
  CHECK_THAT(corr(s.true_dimensions.col(0), s.true_dimensions.col(1)), WithinAbs(0.5, 0.05));
  int negatives = 0;
  for (int v : s.indicator_negative) negatives += v;
  CHECK(negatives == 2);
}

TEST_CASE("simulate: missing rate and options validation", "[simulate][property][error]") {
  cikit::SimulationOptions o;
  o.units = 1000;
  o.indicators = 20;
  o.missing_rate = 0.02;
  const auto s = cikit::simulate(o);
  const double rate = static_cast<double>(s.data.n_missing()) / (1000.0 * 20.0);
  CHECK_THAT(rate, WithinAbs(0.02, 0.005));  // Binomial SE 0.001; bound 5 SE
  for (Eigen::Index i = 0; i < 1000; ++i) CHECK_FALSE(s.data.values.row(i).array().isNaN().all());
  o.indicators = 3;
  o.dimensions = 2;
  REQUIRE_THROWS_WITH(cikit::simulate(o), Contains("at least 2 per dimension"));
  o.indicators = 20;
  o.units = 2;
  REQUIRE_THROWS_WITH(cikit::simulate(o), Contains("must be >= 3"));
  o.units = 10;
  o.missing_rate = 0.7;
  REQUIRE_THROWS_WITH(cikit::simulate(o), Contains("missing rate"));
}

TEST_CASE("simulate: governance preset tables", "[simulate][governance]") {
  const auto& cities = cikit::governance_cities();
  REQUIRE(cities.size() >= 100);
  const std::vector<std::string> named{"beijing",  "shanghai", "tianjin",   "chongqing", "shijiazhuang",
                                       "xiongan",  "hohhot",   "hangzhou",  "jinan",     "guangzhou",
                                       "shenzhen", "haikou",   "chengdu"};
  for (std::size_t k = 0; k < named.size(); ++k) CHECK(cities[k].id == named[k]);
  std::set<std::string> ids;
  for (const auto& c : cities) ids.insert(c.id);
  CHECK(ids.size() == cities.size());
  for (const auto& p : cikit::governance_profiles()) {
    CHECK(p.loading > 0.0);
    CHECK(p.loading < 1.0);
  }
}

TEST_CASE("simulate: AHP judgments are reciprocal Saaty matrices", "[simulate][judgments]") {
  std::vector<cikit::Node> nodes(4);
  nodes[0].id = "r";
  nodes[0].children = {1, 2, 3};
  for (int k = 1; k <= 3; ++k) {
    nodes[static_cast<std::size_t>(k)].id = "c" + std::to_string(k);
    nodes[static_cast<std::size_t>(k)].parent = 0;
  }
  const cikit::IndicatorTree t(nodes);
  const std::string y = cikit::simulate_judgments_yaml(t, 3, 5);
  CHECK(y.find("SYNTHETIC") != std::string::npos);
  CHECK(y.find("id: E3") != std::string::npos);
  CHECK(y == cikit::simulate_judgments_yaml(t, 3, 5));
  const YAML::Node doc = YAML::Load(y);
  REQUIRE(doc["experts"].size() == 3);
  const auto value = [](const std::string& cell) {
    const auto slash = cell.find('/');
    return slash == std::string::npos ? std::stod(cell) : std::stod(cell.substr(0, slash)) / std::stod(cell.substr(slash + 1));
  };
  for (const auto& e : doc["experts"]) {
    const YAML::Node m = e["matrices"]["r"]["matrix"];
    REQUIRE(m.size() == 3);
    for (std::size_t a = 0; a < 3; ++a)
      for (std::size_t b = 0; b < 3; ++b) {
        const double v = value(m[a][b].as<std::string>());
        const double inv = value(m[b][a].as<std::string>());
        CHECK_THAT(v * inv, WithinAbs(1.0, 1e-12));  // reciprocal
        // On Saaty's scale: v or 1/v in {1..9}
        const double s = v >= 1 ? v : 1 / v;
        CHECK_THAT(s, WithinAbs(std::round(s), 1e-9));
        CHECK(s <= 9.0);
      }
  }
}
