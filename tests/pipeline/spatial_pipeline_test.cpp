// methods/pipeline cross_sections, disparity, density, spatial: one cross-section from the
// index, the analyses' JSON keys, errors located in the data file (tests/cli/cases/spatial.yaml:
// 16 synthetic cities in 4 regions).
#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "methods/pipeline/cross_sections.hpp"
#include "methods/pipeline/density.hpp"
#include "methods/pipeline/disparity.hpp"
#include "methods/pipeline/spatial.hpp"
#include "support.hpp"

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
namespace pl = cikit::pipeline;
const std::string kCases = cikit_test::source_dir() + "/tests/cli/cases/";

}  // namespace

TEST_CASE("analysis_cross_sections: one cross-section, the index and the raw columns", "[pipeline][spatial]") {
  pl::IndexOptions io;
  io.spec = kCases + "spatial.yaml";
  const pl::IndexRun run = pl::run_index(io);
  const auto sections = pl::analysis_cross_sections(run);
  REQUIRE(sections.size() == 1);
  const pl::CrossSection& cs = sections.front();
  REQUIRE(cs.period.empty());
  REQUIRE(cs.units.size() == 16);
  REQUIRE_THAT((cs.index - run.result.scores.col(0)).cwiseAbs().maxCoeff(), WithinAbs(0.0, 0.0));
  REQUIRE_THAT((cs.node("a") - run.result.scores.col(1)).cwiseAbs().maxCoeff(), WithinAbs(0.0, 0.0));
  REQUIRE(cs.text_column("region", "--group").at(4) == "east");
  REQUIRE_THAT(cs.number_column("lon", "--coords")(0), WithinAbs(116.4, 0.0));
  REQUIRE_THROWS_WITH(cs.node("zz"), Contains("--node 'zz' is not a node"));
  REQUIRE_THROWS_WITH(cs.number_column("region", "--coords"),
                      Contains("spatial.csv:2:4, unit 'c01': --coords: unit 'c01' has 'north' in column 'region', which is "
                               "not a number"));
}

TEST_CASE("run_disparity / run_density / run_spatial: periods with the keys of issue 22", "[pipeline][spatial]") {
  pl::DisparityRunOptions d;
  d.spec = kCases + "spatial.yaml";
  d.group = "region";
  const pl::DisparityRun dr = pl::run_disparity(d);
  REQUIRE(dr.doc["periods"].size() == 1);
  for (const char* k : {"period", "gini", "gini_within", "gini_between", "gini_transvariation", "theil_t", "theil_l"})
    REQUIRE(dr.doc["periods"][0].contains(k));
  REQUIRE(dr.doc["periods"][0]["groups"][0].contains("gini"));
  REQUIRE(dr.doc["periods"][0]["pairs"][0].contains("gini"));
  d.group = "province";
  REQUIRE_THROWS_WITH(pl::run_disparity(d), Contains("--group names column 'province', which is not in"));
  pl::DensityRunOptions k;
  k.spec = kCases + "spatial.yaml";
  const pl::DensityRun kr = pl::run_density(k);
  REQUIRE(kr.doc["periods"][0]["x"].size() == 512);
  REQUIRE(kr.ridgeline_svg.find("<svg") == 0);
  pl::SpatialRunOptions s;
  s.spec = kCases + "spatial.yaml";
  s.coords = "x,y";
  s.knn = 3;
  const pl::SpatialRun sr = pl::run_spatial(s);
  for (const char* key : {"moran_i", "expectation", "variance", "z", "p_value"})
    REQUIRE(sr.doc["periods"][0]["moran"].contains(key));
  REQUIRE(sr.doc["periods"][0]["units"][0].contains("local_i"));
  REQUIRE(sr.doc["periods"][0]["units"][0].contains("quadrant"));
  s.band = 10.0;
  REQUIRE_THROWS_WITH(pl::run_spatial(s), Contains("give exactly one weight scheme"));
}
