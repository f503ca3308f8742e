// The simulate pipeline (methods/pipeline/simulate): the files of each preset, seeded.

#include "methods/pipeline/simulate.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "pipeline_support.hpp"

using cikit_test::file_content;
using cikit_test::file_names;
using cikit_test::lines;
namespace pipeline = cikit::pipeline;

TEST_CASE("simulate pipeline: the files of each preset", "[pipeline][simulate]") {
  pipeline::SimulateOptions o;
  o.out = "unused-dir";
  o.sim.units = 30;
  o.sim.indicators = 6;
  o.sim.dimensions = 2;
  const pipeline::SimulateRun generic = pipeline::run_simulate(o);
  REQUIRE(file_names(generic.files) == std::vector<std::string>{"spec.yaml", "data.csv", "truth.csv"});
  const auto data = lines(file_content(generic.files, "data.csv"));
  REQUIRE(data.size() == 31);
  REQUIRE(data[0].rfind("unit_id,", 0) == 0);
  // Seeded: the same options give the same files.
  REQUIRE(file_content(pipeline::run_simulate(o).files, "data.csv") == file_content(generic.files, "data.csv"));
  o.preset = "scenario";
  REQUIRE(file_names(pipeline::run_simulate(o).files) ==
          std::vector<std::string>{"spec.yaml", "data.csv", "truth.csv", "true_weights.csv"});
  o.preset = "governance";
  const auto gov = file_names(pipeline::run_simulate(o).files);
  REQUIRE(gov.back() == "truth.csv");
  o.preset = "nope";
  REQUIRE_THROWS_AS(pipeline::run_simulate(o), cikit::InvalidInput);
}
