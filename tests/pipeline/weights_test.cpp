// The weights pipeline (methods/pipeline/weights): same weights as weights_report called
// directly, the files and JSON it builds, the method selection.

#include "methods/pipeline/weights.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/weighting/judgments.hpp"
#include "pipeline_support.hpp"

using Catch::Matchers::WithinRel;
using cikit_test::file_content;
using cikit_test::file_names;
using cikit_test::governance_spec;
using cikit_test::lines;
using cikit_test::same_values;
namespace pipeline = cikit::pipeline;

TEST_CASE("weights pipeline: the requested methods, as weights_report computes them", "[pipeline][weights]") {
  const pipeline::WeightsRun run = pipeline::run_weights({governance_spec(), {"equal", "entropy"}, "unused-dir"});
  REQUIRE(run.report.methods.size() == 2);
  REQUIRE(run.report.methods[0].name == "equal");
  REQUIRE(run.report.methods[1].name == "entropy");
  // The spec as every pipeline reads it: with the Delphi screening applied (screening.hpp).
  const cikit::Spec spec = pipeline::read_spec_with(governance_spec());
  const cikit::Dataset data = cikit::load_data(spec);
  const cikit::WeightsReport direct = cikit::weights_report(
      data, spec.tree, spec.config, {cikit::WeightMethod::Equal, cikit::WeightMethod::Entropy}, {});
  for (std::size_t m = 0; m < 2; ++m) {
    REQUIRE(same_values(run.report.methods[m].weights.local, direct.methods[m].weights.local));
    REQUIRE(same_values(run.report.methods[m].weights.global, direct.methods[m].weights.global));
  }
  // Equal weights: 1 / (number of siblings) for every non-root node.
  const auto& tree = run.spec.tree;
  for (int i : tree.preorder())
    if (i != tree.root())
      REQUIRE_THAT(run.report.methods[0].weights.local(i),  // 1/m, up to one rounding
                   WithinRel(1.0 / static_cast<double>(tree.node(tree.node(i).parent).children.size()), 1e-15));

  // Files: no AHP method, so no consistency table; one weights.csv row per method and node.
  REQUIRE(file_names(run.files) == std::vector<std::string>{"weights.csv", "weights_diagnostics.csv", "weights.json"});
  const auto csv = lines(file_content(run.files, "weights.csv"));
  REQUIRE(csv[0] == "method,variant,node_id,parent_id,level,kind,local_weight,global_weight");
  REQUIRE(csv.size() == 2 * static_cast<std::size_t>(tree.size()) + 1);
  REQUIRE(csv[1].rfind("equal,,cggi,,0,index,1,1", 0) == 0);
  REQUIRE(lines(file_content(run.files, "weights_diagnostics.csv"))[0] == "method,node_id,child_id,quantity,value");
  REQUIRE(run.json["methods"].size() == 2);
  REQUIRE(run.json["methods"][1]["method"] == "entropy");
  REQUIRE(run.json["methods"][1]["diagnostics"].size() > 0);
  REQUIRE(file_content(run.files, "weights.json") == run.json.dump(2) + "\n");
  REQUIRE(run.csv == file_content(run.files, "weights.csv"));
}

TEST_CASE("weights pipeline: default methods include AHP with its consistency table", "[pipeline][weights]") {
  const pipeline::WeightsRun run = pipeline::run_weights({.spec = governance_spec(), .out = "unused-dir"});
  REQUIRE(run.report.methods.size() > 2);
  REQUIRE(file_names(run.files) == std::vector<std::string>{"weights.csv", "weights_diagnostics.csv",
                                                            "weights_ahp_consistency.csv", "weights.json"});
  REQUIRE_THROWS_AS(pipeline::run_weights({governance_spec(), {"no-such-method"}, ""}), cikit::InvalidInput);
}
