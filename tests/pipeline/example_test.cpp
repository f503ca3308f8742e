// The example pipeline (methods/pipeline/example): the bundled example equal to
// datasets/governance, overwrite protection, GB18030 encoding.

#include "methods/pipeline/example.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "pipeline_support.hpp"

using cikit_test::file_content;
namespace pipeline = cikit::pipeline;

TEST_CASE("example pipeline: the bundled example's files", "[pipeline][example]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "cikit_pipeline_example_test";
  fs::remove_all(dir);
  const pipeline::ExampleRun run = pipeline::run_example({.dir = dir.string()});
  REQUIRE(run.files.dir() == dir.string());
  // The regenerated data, judgments and consultation are the files in datasets/governance.
  for (const char* name : {"governance.yaml", "SOURCE.md", "cities.csv", "ahp_judgments.yaml", "delphi.yaml",
                           "delphi_experts.csv", "delphi_ratings.csv"})
    REQUIRE(file_content(run.files, name) == cikit::read_file(cikit_test::source_dir() + "/datasets/governance/" + name));
  REQUIRE(run.files.files().size() == 7);
  // An existing file is kept unless force is set.
  run.files.write();
  REQUIRE_THROWS_AS(pipeline::run_example({.dir = dir.string()}), cikit::InvalidInput);
  const pipeline::ExampleRun gbk = pipeline::run_example({.dir = dir.string(), .gbk = true, .force = true});
  REQUIRE(file_content(gbk.files, "cities.csv") != file_content(run.files, "cities.csv"));
  fs::remove_all(dir);
}
