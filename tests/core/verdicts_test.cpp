// Verdicts (methods/core/verdicts): the default cited thresholds, the band logic at the
// cut-points, and the spec's `thresholds:` overrides with located errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/verdicts.hpp"

using namespace cikit;
using Catch::Contains;

namespace {
const std::string kHead = R"(index: {id: t, label: {en: T}}
data: {file: d.csv, unit: id}
tree:
  - {id: a, label: {en: A}, direction: "+"}
)";
}

TEST_CASE("verdicts: default bands at and around the cut-points", "[core][verdicts]") {
  const VerdictTable t;
  CHECK(t.judge("alpha", 0.95)->level == VerdictLevel::Excellent);
  CHECK(t.judge("alpha", 0.9)->level == VerdictLevel::Excellent);  // cut-point belongs to the band
  CHECK(t.judge("alpha", 0.8999)->level == VerdictLevel::Good);
  CHECK(t.judge("alpha", 0.7)->level == VerdictLevel::Acceptable);
  CHECK(t.judge("alpha", 0.65)->level == VerdictLevel::Questionable);
  const auto poor = t.judge("alpha", 0.55);
  CHECK(poor->level == VerdictLevel::Poor);
  CHECK(poor->rule == "< 0.6");
  const auto acc = t.judge("alpha", 0.75);
  CHECK(acc->text(Lang::En) == "acceptable (≥ 0.7; George & Mallery 2003; Nunnally 1978)");
  CHECK(acc->text(Lang::Zh) == "可接受（≥ 0.7；George & Mallery 2003; Nunnally 1978）");
  CHECK(acc->id() == "acceptable");
  // Kaiser (1974): 0.6 is the bar for "acceptable", below 0.5 unacceptable.
  CHECK(t.judge("kmo", 0.6)->level == VerdictLevel::Acceptable);
  CHECK(t.judge("kmo", 0.55)->level == VerdictLevel::Questionable);
  CHECK(t.judge("kmo", 0.49)->level == VerdictLevel::Poor);
  CHECK(t.judge("kmo", 0.49)->citation == "Kaiser 1974");
  // Lower is better: HTMT and Bartlett's p.
  CHECK(t.judge("htmt", 0.84)->level == VerdictLevel::Acceptable);
  CHECK(t.judge("htmt", 0.85)->level == VerdictLevel::Questionable);
  CHECK(t.judge("htmt", 0.85)->rule == "< 0.9");
  const auto ht = t.judge("htmt", 0.95);
  CHECK(ht->level == VerdictLevel::Poor);
  CHECK(ht->rule == "≥ 0.9");
  CHECK(t.judge("bartlett_p", 0.001)->level == VerdictLevel::Acceptable);
  CHECK(t.judge("bartlett_p", 0.05)->level == VerdictLevel::Poor);
  CHECK(t.judge("cr", 0.7)->level == VerdictLevel::Acceptable);
  CHECK(t.judge("ave", 0.49)->level == VerdictLevel::Poor);
  CHECK(t.judge("item_total_r", 0.3)->level == VerdictLevel::Acceptable);
  CHECK_FALSE(t.judge("alpha", std::numeric_limits<double>::quiet_NaN()).has_value());
  CHECK_THROWS_AS(t.judge("no_such_statistic", 0.5), InternalError);
  // Every rule is cited and ordered.
  for (const auto& r : t.rules()) {
    CHECK_FALSE(r.citation.empty());
    CHECK_FALSE(r.name.zh.empty());
    CHECK_FALSE(r.name.en.empty());
    CHECK_NOTHROW(VerdictTable().set(r));
  }
  CHECK(verdict_level_label(VerdictLevel::Questionable).zh == "存疑");
}

TEST_CASE("verdicts: spec thresholds override the defaults", "[core][verdicts][spec]") {
  const Spec s = parse_spec(kHead + R"y(thresholds:
  alpha: {acceptable: 0.8, good: 0.9, citation: "Nunnally 1978 (basic research)"}
  kmo: {acceptable: 0.5}
)y",
                            "t.yaml", ".");
  const auto& a = s.thresholds.rule("alpha");
  REQUIRE(a.bands.size() == 2);
  CHECK(a.bands[0].level == VerdictLevel::Good);  // sorted best first
  CHECK(s.thresholds.judge("alpha", 0.75)->level == VerdictLevel::Poor);
  CHECK(s.thresholds.judge("alpha", 0.85)->text(Lang::En) == "acceptable (≥ 0.8; Nunnally 1978 (basic research))");
  CHECK(s.thresholds.judge("kmo", 0.55)->citation == "spec thresholds");
  CHECK(s.thresholds.judge("kmo", 0.55)->level == VerdictLevel::Acceptable);
  // Untouched rules keep their defaults.
  CHECK(s.thresholds.judge("htmt", 0.8)->citation == "Henseler et al. 2015");
  // No `thresholds:` key: the defaults.
  CHECK(parse_spec(kHead, "t.yaml", ".").thresholds.judge("alpha", 0.75)->level == VerdictLevel::Acceptable);
}

TEST_CASE("verdicts: bad thresholds are located errors", "[core][verdicts][spec][error]") {
  auto fails = [](const std::string& block, const std::string& what) {
    CHECK_THROWS_WITH(parse_spec(kHead + block, "t.yaml", "."), Contains(what) && Contains("t.yaml:"));
  };
  fails("thresholds:\n  alfa: {acceptable: 0.7}\n", "unknown key 'alfa' in thresholds");
  fails("thresholds:\n  alpha: {poor: 0.5}\n", "unknown key 'poor'");
  fails("thresholds:\n  alpha: {good: 0.7, acceptable: 0.8}\n", "must be higher than that of 'acceptable'");
  fails("thresholds:\n  htmt: {acceptable: 0.9, questionable: 0.85}\n", "must be lower");
  fails("thresholds:\n  alpha: {acceptable: high}\n", "must be a finite number");
  fails("thresholds: [0.7]\n", "thresholds must be a mapping");
}

TEST_CASE("verdicts: a rule described for table notes", "[core][verdicts]") {
  const VerdictTable t;
  CHECK(t.rule("kmo").describe(Lang::En) ==
        "Kaiser-Meyer-Olkin MSA: ≥ 0.9 excellent, ≥ 0.8 good, ≥ 0.6 acceptable, ≥ 0.5 questionable, otherwise poor "
        "(Kaiser 1974)");
  CHECK(t.rule("htmt").describe(Lang::Zh) == "HTMT：< 0.85 可接受，< 0.9 存疑，否则不佳（Henseler et al. 2015）");
  CHECK(t.rule("cr").cut(VerdictLevel::Acceptable) == Approx(0.7));
  CHECK(std::isnan(t.rule("cr").cut(VerdictLevel::Excellent)));
}
