// Tests of the settings registry (methods/core/settings.hpp): a family's spec keys are parsed by
// the family's registered parser, stored in Spec::settings and read back through its accessor;
// errors keep their file:line:column; misuse of the registry is an internal error.

#include "methods/core/settings.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/weighting/weight_settings.hpp"

using Catch::Matchers::Contains;

namespace {

const std::string kHead = R"(index: {id: t, label: t}
data: {file: d.csv, unit: u}
tree:
  - {id: a, label: a, direction: "+"}
  - {id: b, label: b, direction: "+"}
)";

cikit::Spec parse(const std::string& rest) { return cikit::parse_spec(kHead + rest, "t.yaml", "/base"); }

}  // namespace

TEST_CASE("settings registry: the weighting family owns the variant keys of methods.weights", "[core][settings]") {
  const auto parsers = cikit::settings_parsers("methods.weights");
  REQUIRE(parsers.size() == 1);
  const auto& keys = parsers[0]->keys;
  for (const char* k : {"combine", "of", "alpha", "entropy", "pca", "ahp"})
    CHECK(std::find(keys.begin(), keys.end(), std::string(k)) != keys.end());
  // `method` stays core's: it is a registry name.
  CHECK(std::find(keys.begin(), keys.end(), std::string("method")) == keys.end());
  CHECK(cikit::settings_parsers("methods.nothing").empty());
}

TEST_CASE("settings registry: parsed values reach the family's accessor", "[core][settings]") {
  SECTION("no methods.weights mapping: defaults, nothing stored") {
    const auto s = parse("methods: {weights: entropy}\n");
    CHECK(s.config.weights == cikit::WeightMethod::Entropy);
    CHECK(s.settings.find<cikit::WeightSettings>("methods.weights") == nullptr);
    CHECK(weight_settings(s).variants.entropy == cikit::EntropyVariant::MinMax);
    CHECK(weight_settings(s).ahp.group == cikit::GroupAggregation::AIJ);
  }
  SECTION("a mapping: stored under the block's name") {
    const auto s = parse("methods:\n  weights: {method: entropy, entropy: {variant: ratio}, ahp: {group: aip_geometric}}\n");
    const auto* w = s.settings.find<cikit::WeightSettings>("methods.weights");
    REQUIRE(w != nullptr);
    CHECK(w->variants.entropy == cikit::EntropyVariant::Ratio);
    CHECK(w->ahp.group == cikit::GroupAggregation::AIPGeometric);
    CHECK(&weight_settings(s) == w);
  }
  SECTION("the family's parser may set core's choice: combine implies method combined") {
    const auto s = parse("methods:\n  weights: {combine: linear, of: [equal, entropy], alpha: 0.25}\n");
    CHECK(s.config.weights == cikit::WeightMethod::Combined);
    CHECK(weight_settings(s).variants.combined.alpha == Approx(0.25).margin(0));
  }
  SECTION("a modifiable accessor for specs changed in code") {
    auto s = parse("methods: {weights: equal}\n");
    weight_settings(s).variants.entropy = cikit::EntropyVariant::Ratio;
    CHECK(weight_settings(static_cast<const cikit::Spec&>(s)).variants.entropy == cikit::EntropyVariant::Ratio);
  }
}

TEST_CASE("settings registry: errors name file, line and column", "[core][settings][error]") {
  SECTION("an unknown key lists core's and the family's keys") {
    CHECK_THROWS_WITH(parse("methods:\n  weights: {method: entropy, entrop: {variant: ratio}}\n"),
                         Contains("t.yaml:7:") && Contains("unknown key 'entrop' in methods.weights") &&
                             Contains("allowed: ahp, alpha, combine, entropy, method, of, pca"));
  }
  SECTION("a bad value inside a family key") {
    CHECK_THROWS_WITH(parse("methods:\n  weights:\n    method: pca\n    pca: {variant: pc9}\n"),
                         Contains("t.yaml:9:") && Contains("unknown PCA variant 'pc9'"));
  }
  SECTION("a family rule across keys") {
    CHECK_THROWS_WITH(parse("methods:\n  weights: {method: entropy, combine: linear, of: [equal, entropy]}\n"),
                         Contains("'combine'/'of' belong to method: combined"));
  }
}

TEST_CASE("settings registry: misuse is an internal error", "[core][settings][error]") {
  SECTION("a key registered twice") {
    CHECK_THROWS_AS(cikit::register_settings_parser({"methods.weights", {"entropy"}, {}}), cikit::InternalError);
  }
  SECTION("a block read as another type") {
    cikit::SettingsStore store;
    store.get_or_create<int>("x.y") = 3;
    CHECK(*store.find<int>("x.y") == 3);
    CHECK_THROWS_AS(store.find<double>("x.y"), cikit::InternalError);
    CHECK_THROWS_AS(store.get_or_create<double>("x.y"), cikit::InternalError);
  }
}
