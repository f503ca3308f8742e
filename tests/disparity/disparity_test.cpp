// methods/disparity: Dagum Gini decomposition and Theil T/L against an independent R
// implementation written from Dagum (1997) and Theil (1967) with plain loops
// (validation/disparity/generate.R, R 4.2.2); identities and errors.
#include <catch2/catch.hpp>

#include <map>

#include "methods/core/error.hpp"
#include "methods/disparity/disparity.hpp"
#include "support.hpp"

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
namespace dp = cikit::disparity;

struct Input {
  Eigen::VectorXd y;
  std::vector<std::string> group, unit;
};

Input read_input(const std::string& name) {
  const auto t = cikit_test::read_table(cikit_test::validation_dir() + "/disparity/" + name);
  Input in;
  in.y.resize(static_cast<Eigen::Index>(t.size() - 1));
  for (std::size_t r = 1; r < t.size(); ++r) {
    in.unit.push_back(t[r][0]);
    in.group.push_back(t[r][1]);
    in.y(static_cast<Eigen::Index>(r - 1)) = cikit_test::ref_number(t[r][2]);
  }
  return in;
}

std::map<std::string, double> read_ref(const std::string& name) {
  const auto t = cikit_test::read_table(cikit_test::validation_dir() + "/disparity/" + name);
  std::map<std::string, double> m;
  for (std::size_t r = 1; r < t.size(); ++r) m[t[r][0]] = cikit_test::ref_number(t[r][1]);
  return m;
}

Eigen::Index group_index(const dp::DagumGini& g, const std::string& name) {
  for (std::size_t j = 0; j < g.groups.size(); ++j)
    if (g.groups[j].group == name) return static_cast<Eigen::Index>(j);
  FAIL("no group " << name);
  return -1;
}

// Closed-form sums of at most 60² terms: agreement to 1e-12 relative (summation order differs
// from R's loops); 1e-14 absolute for values that are 0 by definition.
void check_dagum(const std::string& input, const std::string& ref) {
  const Input in = read_input(input);
  const auto m = read_ref(ref);
  const dp::DagumGini g = dp::dagum_gini(in.y, in.group);
  const auto near = [](double v, double r) { REQUIRE_THAT(v, WithinRel(r, 1e-12) || WithinAbs(r, 1e-14)); };
  near(g.gini, m.at("gini"));
  near(g.within, m.at("gini_within"));
  near(g.between, m.at("gini_between"));
  near(g.transvariation, m.at("gini_transvariation"));
  near(g.within + g.between + g.transvariation, g.gini);  // Dagum's identity
  int pairs = 0;
  for (const auto& [key, value] : m) {
    if (key.rfind("group_gini:", 0) == 0) near(g.group_gini(group_index(g, key.substr(11))), value);
    const auto bar = key.find('|');
    if (bar == std::string::npos) continue;
    const auto colon = key.find(':');
    const Eigen::Index a = group_index(g, key.substr(colon + 1, bar - colon - 1)), b = group_index(g, key.substr(bar + 1));
    if (key.rfind("pair_gini:", 0) == 0) near(g.pair_gini(a, b), value), ++pairs;
    if (key.rfind("pair_d:", 0) == 0) near(g.pair_d(a, b), value);
  }
  REQUIRE(pairs == static_cast<int>(g.groups.size() * (g.groups.size() - 1) / 2));
}

void check_theil(const std::string& input, const std::string& ref) {
  const Input in = read_input(input);
  const auto m = read_ref(ref);
  const dp::TheilResult t = dp::theil(in.y, in.group);
  const auto near = [](double v, double r) { REQUIRE_THAT(v, WithinRel(r, 1e-12) || WithinAbs(r, 1e-14)); };
  near(t.t, m.at("theil_t"));
  near(t.t_within, m.at("theil_t_within"));
  near(t.t_between, m.at("theil_t_between"));
  near(t.l, m.at("theil_l"));
  near(t.l_within, m.at("theil_l_within"));
  near(t.l_between, m.at("theil_l_between"));
  near(t.t_within + t.t_between, t.t);
  near(t.l_within + t.l_between, t.l);
  for (std::size_t j = 0; j < t.groups.size(); ++j) {
    near(t.group_t(static_cast<Eigen::Index>(j)), m.at("group_theil_t:" + t.groups[j].group));
    near(t.group_l(static_cast<Eigen::Index>(j)), m.at("group_theil_l:" + t.groups[j].group));
  }
}

}  // namespace

TEST_CASE("Dagum Gini decomposition equals the R loops on 60 units in 4 regions", "[disparity][dagum][reference]") {
  check_dagum("input_regions.csv", "ref_dagum_regions.csv");
}

TEST_CASE("Dagum Gini with ties and a one-unit group equals the R loops; G_jj = 0 with a warning",
          "[disparity][dagum][reference]") {
  check_dagum("input_small.csv", "ref_dagum_small.csv");
  const Input in = read_input("input_small.csv");
  const dp::DagumGini g = dp::dagum_gini(in.y, in.group);
  REQUIRE_THAT(g.group_gini(group_index(g, "solo")), WithinAbs(0.0, 0.0));
  REQUIRE(g.warnings.size() == 1);
  REQUIRE_THAT(g.warnings[0], Contains("group 'solo' has only one unit"));
  REQUIRE_THROWS_MATCHES(dp::dagum_gini(in.y, in.group, {.allow_single_unit_groups = false}), cikit::InvalidInput,
                         Catch::Matchers::Message("dagum_gini: group 'solo' has only one unit"));
}

TEST_CASE("Theil T and L with decompositions equal the R loops", "[disparity][theil][reference]") {
  check_theil("input_regions.csv", "ref_theil_regions.csv");
  check_theil("input_small.csv", "ref_theil_small.csv");
}

TEST_CASE("Gini and Theil are invariant to scale and to the order of units", "[disparity][property]") {
  const Input in = read_input("input_regions.csv");
  const dp::DagumGini a = dp::dagum_gini(in.y, in.group);
  const dp::DagumGini b = dp::dagum_gini(in.y * 3.7, in.group);
  REQUIRE_THAT(b.gini, WithinRel(a.gini, 1e-12));
  REQUIRE_THAT(b.between, WithinRel(a.between, 1e-12));
  Eigen::VectorXd y = in.y.reverse();
  std::vector<std::string> g(in.group.rbegin(), in.group.rend());
  const dp::TheilResult t1 = dp::theil(in.y, in.group), t2 = dp::theil(y, g);
  REQUIRE_THAT(t2.t, WithinRel(t1.t, 1e-12));
  REQUIRE_THAT(t2.l_between, WithinRel(t1.l_between, 1e-12));
  // One group: no between part and no transvariation.
  const dp::DagumGini one = dp::dagum_gini(in.y, std::vector<std::string>(in.group.size(), "all"));
  REQUIRE_THAT(one.within, WithinRel(one.gini, 1e-14));
  REQUIRE_THAT(one.between, WithinAbs(0.0, 0.0));
}

TEST_CASE("Disparity errors and warnings name the problem", "[disparity][error]") {
  Eigen::VectorXd y(4);
  y << 1.0, -0.5, 3.0, 2.0;
  const std::vector<std::string> g = {"a", "a", "b", "b"};
  const dp::DagumGini r = dp::dagum_gini(y, g);  // negatives: computed, with a warning
  REQUIRE_THAT(r.warnings.at(0), Contains("1 of 4 values are negative"));
  REQUIRE_THROWS_MATCHES(dp::theil(y, g, {"u1", "u2", "u3", "u4"}), cikit::DomainError,
                         Catch::Matchers::Message(
                             "theil: 1 value(s) are <= 0, but the Theil indices need values > 0 (they take logarithms): "
                             "'u2' (-0.5)"));
  y << 1.0, -3.0, 3.0, 2.0;
  REQUIRE_THROWS_MATCHES(dp::dagum_gini(y, g), cikit::DomainError, Catch::Matchers::Message(
                             "dagum_gini: group 'a' has mean -1, but must have a mean > 0 (G_jj divides by it)"));
  y << 1.0, std::nan(""), 3.0, 2.0;
  REQUIRE_THROWS_AS(dp::dagum_gini(y, g), cikit::InvalidInput);
  REQUIRE_THROWS_AS(dp::theil(Eigen::VectorXd::Ones(3), g), cikit::InvalidInput);
}
