// The index pipeline (methods/pipeline/index): same numbers as build_index called directly,
// the files and JSON it builds, method overrides, --print-config (config_only).

#include "methods/pipeline/index.hpp"

#include <catch2/catch.hpp>

#include "methods/compare/weights_report.hpp"
#include "methods/core/error.hpp"
#include "methods/weighting/judgments.hpp"
#include "pipeline_support.hpp"

using cikit_test::file_content;
using cikit_test::file_names;
using cikit_test::governance_spec;
using cikit_test::lines;
using cikit_test::same_values;
namespace pipeline = cikit::pipeline;

TEST_CASE("index pipeline: scores, ranks and weights equal build_index called directly", "[pipeline][index]") {
  const pipeline::IndexRun run = pipeline::run_index({.spec = governance_spec()});
  // The spec as every pipeline reads it: with the Delphi screening applied (screening.hpp).
  const cikit::Spec spec = pipeline::read_spec_with(governance_spec());
  cikit::Judgments j;
  const cikit::WeightInputs in = cikit::spec_weight_inputs(spec, {spec.config.weights}, j);
  const cikit::Dataset data = cikit::load_data(spec);
  const cikit::IndexResult direct = cikit::build_index(data, spec.tree, spec.config, in);
  REQUIRE(run.data.n_units() == data.n_units());
  REQUIRE(same_values(run.result.scores, direct.scores));
  REQUIRE(same_values(run.result.ranks, direct.ranks));
  REQUIRE(same_values(run.result.weights.global, direct.weights.global));
  REQUIRE(run.warnings == direct.warnings);
  // Units in rank order: ranks never decrease along `order`, unranked (0) last.
  const int root = spec.tree.root();
  REQUIRE(run.order.size() == static_cast<std::size_t>(data.n_units()));
  for (std::size_t k = 1; k < run.order.size(); ++k) {
    const int a = run.result.ranks(run.order[k - 1], root), b = run.result.ranks(run.order[k], root);
    REQUIRE((b == 0 || (a != 0 && a <= b)));
  }
  REQUIRE(run.range_scale);  // the example uses minmax and the arithmetic mean
}

TEST_CASE("index pipeline: files and JSON", "[pipeline][index]") {
  SECTION("no folder: no files, units only when asked for") {
    const pipeline::IndexRun run = pipeline::run_index({.spec = governance_spec()});
    REQUIRE(run.files.files().empty());
    REQUIRE_FALSE(run.files.enabled());
    REQUIRE(run.json["units"].empty());
    REQUIRE(run.json["command"] == "index");
    REQUIRE(lines(run.csv).size() == 1);  // header only
    const pipeline::IndexRun js = pipeline::run_index({.spec = governance_spec(), .json = true});
    REQUIRE(js.json["units"].size() == static_cast<std::size_t>(js.data.n_units()));
    REQUIRE(js.json["units"][0]["rank"] == 1);
  }
  SECTION("a folder: AHP consistency, scores, normalised indicators, weights, index.json") {
    // The example's weights combine AHP and entropy, so the AHP consistency table is written.
    const pipeline::IndexRun run = pipeline::run_index({.spec = governance_spec(), .out = "unused-dir"});
    REQUIRE(run.files.dir() == "unused-dir");
    REQUIRE(file_names(run.files) == std::vector<std::string>{"ahp_consistency.csv", "scores.csv",
                                                              "indicators_normalized.csv", "weights.csv", "index.json"});
    REQUIRE(lines(file_content(run.files, "ahp_consistency.csv"))[0] ==
            "node_id,expert_id,m,n_missing,lambda_max,ci,ri,cr,cr_threshold,acceptable");
    const auto scores = lines(file_content(run.files, "scores.csv"));
    REQUIRE(scores.size() == static_cast<std::size_t>(run.data.n_units()) + 1);
    REQUIRE(scores[0].rfind("unit_id,name_zh,name_en,cggi,cggi_rank,", 0) == 0);
    REQUIRE(lines(file_content(run.files, "weights.csv"))[0] ==
            "node_id,parent_id,level,kind,label_zh,label_en,direction,local_weight,global_weight");
    REQUIRE(file_content(run.files, "index.json") == run.json.dump(2) + "\n");
    REQUIRE(run.csv == file_content(run.files, "scores.csv"));
    REQUIRE(run.json["nodes"].size() == static_cast<std::size_t>(run.spec.tree.size()));
    REQUIRE(run.json["methods"]["normalize"] == "minmax");
    REQUIRE(run.json["methods"]["weights"] == "combined");
  }
}

TEST_CASE("index pipeline: overrides change the method", "[pipeline][index]") {
  pipeline::IndexOptions o{.spec = governance_spec()};
  const pipeline::IndexRun spec_weights = pipeline::run_index(o);  // combined (AHP with entropy)
  o.methods.weights = "entropy";
  const pipeline::IndexRun entropy = pipeline::run_index(o);
  REQUIRE(entropy.spec.config.weights == cikit::WeightMethod::Entropy);
  REQUIRE(entropy.json["methods"]["weights"] == "entropy");
  REQUIRE_FALSE(same_values(entropy.result.weights.global, spec_weights.result.weights.global));
  REQUIRE(entropy.result.weights.consistency.empty());
  o.methods.weights = "ahp";
  o.ahp.group = "aip-geometric";
  o.out = "unused-dir";
  const pipeline::IndexRun ahp = pipeline::run_index(o);
  REQUIRE(ahp.json["methods"]["ahp"]["group"] == "aip_geometric");
  REQUIRE(file_names(ahp.files)[0] == "ahp_consistency.csv");
  o.methods.weights = "no-such-method";
  REQUIRE_THROWS_AS(pipeline::run_index(o), cikit::InvalidInput);
}

TEST_CASE("index pipeline: config_only resolves the configuration without data", "[pipeline][index]") {
  pipeline::IndexOptions o{.spec = governance_spec(), .config_only = true};
  o.methods.aggregate = "geometric";
  const pipeline::IndexRun run = pipeline::run_index(o);
  REQUIRE(run.config_yaml.rfind("# effective configuration of `cikit index " + governance_spec() + "`", 0) == 0);
  REQUIRE(run.config_yaml.find("  aggregate: {method: geometric, missing: available}\n") != std::string::npos);
  REQUIRE(run.data.n_units() == 0);
  REQUIRE(run.files.files().empty());
}
