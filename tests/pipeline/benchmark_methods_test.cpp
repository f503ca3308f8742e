// The benchmark-methods pipeline (methods/pipeline/benchmark_methods): overrides of the
// scenarios file, the outputs built.

#include "methods/pipeline/benchmark_methods.hpp"

#include <catch2/catch.hpp>

#include "pipeline_support.hpp"

using cikit_test::case_file;
using cikit_test::file_content;
using cikit_test::file_names;
using cikit_test::lines;
namespace pipeline = cikit::pipeline;

TEST_CASE("benchmark-methods pipeline: study on a small scenarios file", "[pipeline][benchmark_methods]") {
  pipeline::BenchmarkMethodsOptions o;
  o.scenarios = case_file("study_small.yaml");
  o.replicates = 1;
  o.bootstrap = 0;
  o.seed = 3;
  o.threads = 1;
  const pipeline::BenchmarkMethodsRun run = pipeline::run_benchmark_methods(o);
  REQUIRE(run.result.options.replicates == 1);
  REQUIRE(run.result.options.seed == 3);
  REQUIRE(run.files.files().empty());  // no folder, no files built
  REQUIRE(run.json["command"] == "benchmark-methods");
  REQUIRE(run.json["seed"] == 3);
  REQUIRE(run.json["summary"].size() == run.result.summary.size());
  REQUIRE(lines(run.csv)[0].rfind("scenario,method,normalize,weights,aggregate,n_ok,", 0) == 0);
  REQUIRE(run.markdown.find("scenarios: " + o.scenarios) != std::string::npos);
  o.out = "unused-dir";
  const pipeline::BenchmarkMethodsRun with_files = pipeline::run_benchmark_methods(o);
  const auto names = file_names(with_files.files);
  REQUIRE(names.size() > 4);
  REQUIRE(std::vector<std::string>(names.begin(), names.begin() + 4) ==
          std::vector<std::string>{"cells.csv", "summary.csv", "summary.md", "summary.json"});
  REQUIRE(file_content(with_files.files, "summary.csv") == with_files.csv);
}
