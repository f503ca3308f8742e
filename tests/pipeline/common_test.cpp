// Shared pipeline steps (methods/pipeline/common): method overrides by name, AHP overrides,
// node kinds.

#include "methods/pipeline/common.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "pipeline_support.hpp"

using Catch::Matchers::Contains;
namespace pipeline = cikit::pipeline;

TEST_CASE("pipeline common: method overrides by name", "[pipeline][common]") {
  cikit::NormalizeMethod m = cikit::NormalizeMethod::MinMax;
  pipeline::override_method("", cikit::normalize_methods(), m);
  REQUIRE(m == cikit::NormalizeMethod::MinMax);
  pipeline::override_method("zscore", cikit::normalize_methods(), m);
  REQUIRE(m == cikit::NormalizeMethod::ZScore);
  REQUIRE_THROWS_AS(pipeline::override_method("nope", cikit::normalize_methods(), m), cikit::InvalidInput);
  REQUIRE_THROWS_WITH(pipeline::override_method("nope", cikit::normalize_methods(), m), Contains("unknown method 'nope'"));
  REQUIRE(pipeline::method_list(cikit::weight_methods(), {"entropy", "equal"}) ==
          std::vector<cikit::WeightMethod>{cikit::WeightMethod::Entropy, cikit::WeightMethod::Equal});

  const cikit::Spec spec = pipeline::read_spec_with(cikit_test::governance_spec(), {.weights = "cv", .missing = "error"});
  REQUIRE(spec.config.weights == cikit::WeightMethod::CV);
  REQUIRE(spec.config.missing == cikit::MissingPolicy::Error);
  REQUIRE(pipeline::node_kind(spec.tree, spec.tree.root()) == "index");
  REQUIRE(pipeline::node_kind(spec.tree, spec.tree.leaves()[0]) == "indicator");
  REQUIRE(pipeline::node_kind(spec.tree, spec.tree.node(spec.tree.root()).children[0]) == "group");
}

TEST_CASE("pipeline common: AHP overrides", "[pipeline][common]") {
  const cikit::WeightInputs in = pipeline::override_ahp({"aip-arithmetic", "saaty2005"}, {});
  REQUIRE(in.ahp.group == cikit::GroupAggregation::AIPArithmetic);
  REQUIRE(in.ahp.ahp.random_index == cikit::RandomIndexTable::Saaty2005);
  REQUIRE(pipeline::override_ahp({}, in).ahp.group == cikit::GroupAggregation::AIPArithmetic);
  REQUIRE_THROWS_AS(pipeline::override_ahp({"nope", ""}, {}), cikit::InvalidInput);
}
