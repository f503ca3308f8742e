// Correlation tests and criterion validity (methods/validity/criterion) against R
// (validation/validity/criterion/generate.R: cor.test; Spearman CI by the Bonett-Wright
// formula) on the bundled example's scores and criteria and two simulations; properties.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/validity/criterion.hpp"
#include "support.hpp"

using namespace cikit;
using namespace cikit_test;
using Catch::Matchers::WithinAbs;

namespace {

/// Named numeric columns of a CSV (read_table), NA -> NaN.
Eigen::MatrixXd columns_of(const std::vector<std::vector<std::string>>& t, const std::vector<std::string>& names) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(t.size()) - 1, static_cast<Eigen::Index>(names.size()));
  for (std::size_t k = 0; k < names.size(); ++k) {
    const auto c = column(t, names[k]);
    for (std::size_t r = 1; r < t.size(); ++r) m(static_cast<Eigen::Index>(r) - 1, static_cast<Eigen::Index>(k)) = ref_number(t[r][c]);
  }
  return m;
}

struct CriterionCase {
  std::string name;
  Eigen::MatrixXd scores, criteria;
  std::vector<std::string> score_names, criterion_names;
};

std::vector<CriterionCase> criterion_cases() {
  std::vector<CriterionCase> out;
  const std::string dir = validation_dir() + "/validity/criterion/";
  {
    CriterionCase c;
    c.name = "governance";
    const auto s = read_table(dir + "governance_scores.csv");
    c.score_names.assign(s[0].begin() + 1, s[0].end());
    c.scores = columns_of(s, c.score_names);
    const Spec spec = read_spec(source_dir() + "/datasets/governance/governance.yaml");
    const Dataset crit = load_criteria(spec);
    REQUIRE(crit.unit_ids.size() == s.size() - 1);
    for (std::size_t r = 1; r < s.size(); ++r) REQUIRE(crit.unit_ids[r - 1] == s[r][0]);
    c.criteria = crit.values;
    c.criterion_names = crit.indicator_ids;
    out.push_back(c);
  }
  for (const std::string sim : {"sim1", "sim3"}) {
    CriterionCase c;
    c.name = sim;
    const auto t = read_table(validation_dir() + "/validity/data/" + sim + "/truth.csv");
    const auto d = read_table(validation_dir() + "/validity/data/" + sim + "/data.csv");
    c.score_names = {"true_index", "true_d1", "true_d2"};
    if (sim == "sim3") c.score_names.push_back("true_d3");
    c.scores = columns_of(t, c.score_names);
    c.criterion_names = {"x01", sim == "sim1" ? "x05" : "x07"};
    c.criteria = columns_of(d, c.criterion_names);
    out.push_back(c);
  }
  return out;
}

}  // namespace

// r and CI: closed forms, 1e-12 absolute; p-values (Boost's Student t vs R's pt): 1e-9 relative.
TEST_CASE("criterion_validity: matches R (cor.test, Bonett-Wright CI)", "[validity][criterion][R]") {
  const auto t = read_table(validation_dir() + "/validity/criterion/ref_criterion.csv");
  std::map<std::string, double> ref;
  const auto cc = column(t, "case"), ck = column(t, "criterion"), cs = column(t, "score"), cq = column(t, "quantity"),
             cv = column(t, "value");
  for (std::size_t r = 1; r < t.size(); ++r) ref[t[r][cc] + "|" + t[r][ck] + "|" + t[r][cs] + "|" + t[r][cq]] = ref_number(t[r][cv]);
  double worst_r = 0, worst_ci = 0, worst_p = 0;
  std::size_t compared = 0;
  for (const auto& c : criterion_cases()) {
    const auto res = criterion_validity(c.scores, c.score_names, c.criteria, c.criterion_names);
    REQUIRE(res.size() == c.score_names.size() * c.criterion_names.size());
    for (const auto& x : res) {
      const std::string key = c.name + "|" + x.criterion + "|" + x.score + "|";
      INFO(key);
      REQUIRE(ref.count(key + "n"));
      CHECK(x.pearson.n == static_cast<long>(ref[key + "n"]));
      CHECK(x.spearman.n == x.pearson.n);
      worst_r = std::max({worst_r, std::abs(x.pearson.r - ref[key + "pearson_r"]), std::abs(x.spearman.r - ref[key + "spearman_r"])});
      worst_ci = std::max({worst_ci, std::abs(x.pearson.lower - ref[key + "pearson_lower"]),
                           std::abs(x.pearson.upper - ref[key + "pearson_upper"]),
                           std::abs(x.spearman.lower - ref[key + "spearman_lower"]),
                           std::abs(x.spearman.upper - ref[key + "spearman_upper"])});
      worst_p = std::max({worst_p, std::abs(x.pearson.p_value / ref[key + "pearson_p"] - 1),
                          std::abs(x.spearman.p_value / ref[key + "spearman_p"] - 1)});
      ++compared;
    }
  }
  CHECK(compared == 10 + 6 + 8);
  CHECK(worst_r < 1e-12);
  CHECK(worst_ci < 1e-12);
  CHECK(worst_p < 1e-9);
  WARN("largest deviation from R: r/rho " << worst_r << ", CI bounds " << worst_ci << ", p-values (rel) " << worst_p);
}

TEST_CASE("correlation_test: properties and degenerate input", "[validity][criterion][property]") {
  Eigen::VectorXd x(8), y(8);
  x << 1, 2, 3, 4, 5, 6, 7, 8;
  y << 2, 1, 4, 3, 6, 5, 8, 7;
  // Spearman = Pearson on ranks (here the values are ranks already).
  const auto p = correlation_test(x, y, CorrelationMethod::Pearson);
  const auto s = correlation_test(x, y, CorrelationMethod::Spearman);
  CHECK_THAT(s.r, WithinAbs(p.r, 1e-15));
  CHECK(s.lower < p.lower);  // Bonett-Wright SE > 1/sqrt(n - 3)
  CHECK(s.upper > p.upper);
  CHECK(p.lower < p.r);
  CHECK(p.r < p.upper);
  // Monotone transform: Spearman unchanged.
  const Eigen::VectorXd ey = y.array().exp();
  CHECK_THAT(correlation_test(x, ey, CorrelationMethod::Spearman).r, WithinAbs(s.r, 1e-15));
  // Missing pairs are dropped.
  Eigen::VectorXd ym = y;
  ym(0) = std::numeric_limits<double>::quiet_NaN();
  CHECK(correlation_test(x, ym, CorrelationMethod::Pearson).n == 7);
  // Perfect correlation: degenerate interval, p = 0.
  const auto one = correlation_test(x, 2 * x, CorrelationMethod::Pearson);
  CHECK_THAT(one.r, WithinAbs(1.0, 0.0));
  CHECK_THAT(one.lower, WithinAbs(1.0, 0.0));
  CHECK_THAT(one.p_value, WithinAbs(0.0, 0.0));
  // Too few pairs, constant variable, bad level.
  CHECK_THROWS_AS(correlation_test(x.head(3), y.head(3), CorrelationMethod::Pearson), InvalidInput);
  CHECK_THROWS_AS(correlation_test(x, Eigen::VectorXd::Constant(8, 2.0), CorrelationMethod::Spearman), DomainError);
  CHECK_THROWS_AS(correlation_test(x, y, CorrelationMethod::Pearson, 1.0), InvalidInput);
  CHECK_THROWS_AS(correlation_test(x, y.head(7), CorrelationMethod::Pearson), InvalidInput);
}

TEST_CASE("criteria: spec key and data columns", "[validity][criterion][spec]") {
  const Spec g = read_spec(source_dir() + "/datasets/governance/governance.yaml");
  REQUIRE(g.criteria.size() == 2);
  CHECK(g.criteria[0].column == "resident_satisfaction");
  CHECK(g.criteria[1].label.zh == "人均地区生产总值");
  const std::string head = "index: {id: t, label: {en: T}}\ndata: {file: d.csv, unit: id}\ntree:\n  - {id: a, direction: \"+\"}\n";
  CHECK(parse_spec(head + "criteria: [gdp]\n", "t.yaml", ".").criteria[0].label.en == "gdp");
  CHECK_THROWS_WITH(parse_spec(head + "criteria: [gdp, gdp]\n", "t.yaml", "."), Catch::Contains("listed twice"));
  CHECK_THROWS_WITH(parse_spec(head + "criteria: {gdp: 1}\n", "t.yaml", "."), Catch::Contains("non-empty list"));
  CHECK_THROWS_WITH(parse_spec(head + "criteria:\n  - {label: x}\n", "t.yaml", "."), Catch::Contains("needs 'column:'"));
  CHECK_THROWS_WITH(parse_spec(head + "criteria:\n  - {column: x, weight: 1}\n", "t.yaml", "."),
                    Catch::Contains("unknown key 'weight'"));
}
