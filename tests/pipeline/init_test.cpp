// cikit init (methods/pipeline/init): starter spec from a workbook or CSV header, then check and
// index run on it at once; and the scores from a workbook equal those from the same data as CSV.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <yaml-cpp/yaml.h>

#include "methods/core/error.hpp"
#include "methods/pipeline/check.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/pipeline/init.hpp"
#include "pipeline_support.hpp"

using namespace cikit;  // NOLINT(google-build-using-namespace)

namespace {
namespace fs = std::filesystem;
std::string xdir() { return cikit_test::validation_dir() + "/core/xlsx/"; }
fs::path fresh(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("cikit_init_test_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST_CASE("init -> check -> index on a fresh workbook", "[init][xlsx]") {
  const fs::path dir = fresh("wb");
  fs::copy_file(xdir() + "cells.xlsx", dir / "cells.xlsx");
  const std::string spec = (dir / "spec.yaml").string();
  const pipeline::InitRun run = pipeline::run_init({.data = (dir / "cells.xlsx").string(), .out = spec});
  run.files.write();
  CHECK(run.unit_column == "city_id");
  CHECK(run.indicators == std::vector<std::string>{"x1", "x2", "x3", "x4", "pop", "flag", "day"});
  CHECK(run.other == std::vector<std::string>{"name_zh"});
  CHECK_THAT(run.yaml, Catch::Contains("header_row: 2") && Catch::Contains("names: \"name_zh\"") &&
                           Catch::Contains("CONFIRM") && Catch::Contains("GUESSED unit id column"));
  const pipeline::CheckRun check = pipeline::run_check({.spec = spec});
  CHECK(check.problems.empty());
  CHECK(check.data.n_units() == 40);
  const pipeline::IndexRun index = pipeline::run_index({.spec = spec});
  CHECK(index.result.scores.rows() == 40);
  CHECK_THROWS_AS(pipeline::run_init({.data = (dir / "cells.xlsx").string(), .out = spec}), InvalidInput);  // exists
  fs::remove_all(dir);
}

TEST_CASE("init groups indicators by a shared column-name prefix and switches on messy-number options", "[init]") {
  const fs::path dir = fresh("csv");
  std::ofstream(dir / "d.csv") << "code,region,econ_gdp,econ_inv,soc_edu,soc_health,green\n"
                                  "a,north,\"1,200\",3,12%,4,1\nb,south,900,2,15%,5,2\nc,north,1000,4,9%,6,#DIV/0!\n";
  const pipeline::InitRun run = pipeline::run_init({.data = (dir / "d.csv").string(), .out = (dir / "s.yaml").string()});
  run.files.write();
  CHECK(run.unit_column == "code");
  CHECK(run.dimensions == std::vector<std::string>{"econ", "soc"});
  CHECK(run.other == std::vector<std::string>{"region"});
  CHECK_THAT(run.yaml, Catch::Contains("thousands: \",\"") && Catch::Contains("percent: true") &&
                           Catch::Contains("excel_errors: missing") && Catch::Contains("id: \"other\""));
  const pipeline::CheckRun check = pipeline::run_check({.spec = (dir / "s.yaml").string()});
  CHECK(check.data.values(0, 0) > 1199.999);
  CHECK(check.data.values(0, 0) < 1200.001);
  CHECK(check.data.values(0, 2) > 11.999);
  CHECK(check.data.values(0, 2) < 12.001);
  fs::remove_all(dir);
}

TEST_CASE("scores from the .xlsx equal those from the same data as CSV, exactly", "[init][xlsx]") {
  const fs::path dir = fresh("same");
  auto spec = [&](const std::string& name, const std::string& data) {
    std::ofstream(dir / name) << "index: {id: t}\n"
                                 "data: {file: " << data << ", unit: city_id}\n"
                                 "methods: {normalize: minmax, weights: entropy, aggregate: arithmetic}\n"
                                 "tree:\n"
                                 "  - {id: d1, children: [{id: x1, direction: \"+\"}, {id: x2, direction: \"-\"}]}\n"
                                 "  - {id: d2, children: [{id: x4, direction: \"+\"}, {id: pop, direction: \"+\"}, "
                                 "{id: day, direction: \"+\"}]}\n";
    return (dir / name).string();
  };
  const pipeline::IndexRun a = pipeline::run_index({.spec = spec("a.yaml", xdir() + "cells.xlsx")});
  const pipeline::IndexRun b = pipeline::run_index({.spec = spec("b.yaml", xdir() + "cells.csv")});
  REQUIRE(a.result.scores.rows() == 40);
  REQUIRE(a.result.scores.cols() == b.result.scores.cols());
  for (Eigen::Index j = 0; j < a.result.scores.cols(); ++j)
    for (Eigen::Index i = 0; i < a.result.scores.rows(); ++i) REQUIRE(std::memcmp(&a.result.scores(i, j), &b.result.scores(i, j), sizeof(double)) == 0);
  fs::remove_all(dir);
}
