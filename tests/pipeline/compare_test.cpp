// The compare pipeline (methods/pipeline/compare): the schemes, the reference by name, the
// files and JSON, the bootstrap stability.

#include "methods/pipeline/compare.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "pipeline_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using cikit_test::file_content;
using cikit_test::file_names;
using cikit_test::governance_spec;
using cikit_test::lines;
namespace pipeline = cikit::pipeline;

TEST_CASE("compare pipeline: schemes, reference, files", "[pipeline][compare]") {
  pipeline::CompareRunOptions o;
  o.spec = governance_spec();
  o.methods = {"equal", "entropy"};
  o.normalize = {"minmax", "zscore"};
  o.reference = "entropy/minmax";
  o.out = "unused-dir";
  const pipeline::CompareRun run = pipeline::run_compare(o);
  // Weights crossed with normalisations: 2 x 2 schemes.
  REQUIRE(run.result.schemes.size() == 4);
  REQUIRE(run.result.reference == 2);
  REQUIRE(run.result.schemes[2].name == "entropy/minmax");
  REQUIRE(run.json["reference"] == "entropy/minmax");
  REQUIRE(run.json["scheme_names"].size() == 4);
  REQUIRE(run.json.find("stability") == run.json.end());
  // A scheme agrees with itself.
  const auto rf = static_cast<Eigen::Index>(run.result.reference);
  REQUIRE_THAT(run.result.spearman(rf, rf), WithinAbs(1.0, 1e-15));  // exact up to rounding
  REQUIRE(file_names(run.files) == std::vector<std::string>{"compare_scores.csv", "compare_summary.csv",
                                                            "compare_correlations.csv", "compare_movers.csv",
                                                            "compare.json"});
  REQUIRE(lines(file_content(run.files, "compare_summary.csv")).size() == 5);
  REQUIRE(lines(file_content(run.files, "compare_correlations.csv")).size() == 1 + 4 * 3 / 2);
  REQUIRE(lines(file_content(run.files, "compare_scores.csv")).size() == static_cast<std::size_t>(run.data.n_units()) + 1);
  REQUIRE(run.csv == file_content(run.files, "compare_summary.csv"));
  REQUIRE(file_content(run.files, "compare.json") == run.json.dump(2) + "\n");
}

TEST_CASE("compare pipeline: an unknown reference is an error naming the schemes", "[pipeline][compare][error]") {
  pipeline::CompareRunOptions o;
  o.spec = governance_spec();
  o.methods = {"equal", "entropy"};
  o.reference = "nope";
  REQUIRE_THROWS_AS(pipeline::run_compare(o), cikit::InvalidInput);
  REQUIRE_THROWS_WITH(pipeline::run_compare(o),
                      Contains("compare: --reference 'nope' is not one of the schemes (equal, entropy)"));
}

TEST_CASE("compare pipeline: bootstrap stability per scheme", "[pipeline][compare]") {
  pipeline::CompareRunOptions o;
  o.spec = governance_spec();
  o.methods = {"equal", "entropy"};
  o.stability = true;
  o.replicates = 5;
  o.seed = 7;
  o.out = "unused-dir";
  const pipeline::CompareRun run = pipeline::run_compare(o);
  REQUIRE(run.stability.size() == 2);
  REQUIRE(run.stability[1].replicates_used == 5);
  REQUIRE(run.json["stability"]["replicates"] == 5);
  REQUIRE(run.json["stability"]["seed"] == 7);
  const auto names = file_names(run.files);
  REQUIRE(names.size() == 7);
  REQUIRE(names[4] == "stability_weights.csv");
  REQUIRE(names[5] == "stability_ranks.csv");
  // Equal weights do not depend on the data: zero bootstrap SD.
  REQUIRE_THAT(run.stability[0].sd.maxCoeff(), WithinAbs(0.0, 1e-15));
}

TEST_CASE("compare pipeline: the default reference is the spec's own scheme", "[pipeline][compare]") {
  pipeline::CompareRunOptions o;
  o.spec = governance_spec();
  const pipeline::CompareRun run = pipeline::run_compare(o);  // every method the spec allows
  REQUIRE(run.result.schemes.size() > 2);
  // The bundled spec combines AHP and entropy (methods.weights: combine): the reference is that
  // scheme, not the first (equal weights).
  REQUIRE(run.spec.config.weights == cikit::WeightMethod::Combined);
  const auto& ref = run.result.schemes[static_cast<std::size_t>(run.result.reference)];
  REQUIRE(ref.config.weights == run.spec.config.weights);
  REQUIRE(ref.config.normalize == run.spec.config.normalize);
  REQUIRE(ref.config.aggregate == run.spec.config.aggregate);
  REQUIRE(run.json["reference"] == "combined");
  REQUIRE(run.json["reference_is_spec_scheme"] == true);
  REQUIRE(run.result.schemes.front().name != "combined");

  // Without the spec's scheme among those compared: the first, with a warning.
  o.methods = {"equal", "entropy"};
  const pipeline::CompareRun other = pipeline::run_compare(o);
  REQUIRE(other.result.reference == 0);
  REQUIRE(other.json["reference_is_spec_scheme"] == false);
  REQUIRE_FALSE(other.warnings.empty());
  REQUIRE_THAT(other.warnings.front(), Contains("the spec's own scheme (combined) is not among the compared schemes"));
}
