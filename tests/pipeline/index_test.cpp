// The index pipeline (methods/pipeline/index): same numbers as build_index called directly,
// the files and JSON it builds, method overrides, --print-config (config_only).

#include "methods/pipeline/index.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

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
    // The per-unit files stream to their temporary names in the folder at once (renamed by
    // write(), which this test does not call: the temporaries go with `run`).
    const std::string dir = (std::filesystem::temp_directory_path() / ("cikit_index_test_" + std::to_string(::getpid()))).string();
    const pipeline::IndexRun run = pipeline::run_index({.spec = governance_spec(), .out = dir});
    REQUIRE(run.files.dir() == dir);
    REQUIRE(file_names(run.files) == std::vector<std::string>{"ahp_consistency.csv", "scores.csv",
                                                              "indicators_normalized.csv", "weights.csv", "index.json"});
    REQUIRE(lines(file_content(run.files, "ahp_consistency.csv"))[0] ==
            "node_id,expert_id,m,n_missing,lambda_max,ci,ri,cr,cr_threshold,acceptable");
    const auto scores = lines(file_content(run.files, "scores.csv"));
    REQUIRE(scores.size() == static_cast<std::size_t>(run.data.n_units()) + 1);
    REQUIRE(scores[0].rfind("unit_id,name_zh,name_en,cggi,cggi_rank,", 0) == 0);
    REQUIRE(lines(file_content(run.files, "weights.csv"))[0] ==
            "node_id,parent_id,level,kind,label_zh,label_en,direction,local_weight,global_weight");
    // Streamed files (no front end asked for JSON or CSV) against the same run built in memory:
    // the same bytes.
    const pipeline::IndexRun mem = pipeline::run_index({.spec = governance_spec(), .out = dir, .json = true, .csv = true});
    REQUIRE(file_names(mem.files) == file_names(run.files));
    REQUIRE(file_content(run.files, "index.json") == mem.json.dump(2) + "\n");
    REQUIRE(file_content(run.files, "index.json") == file_content(mem.files, "index.json"));
    REQUIRE(file_content(run.files, "scores.csv") == mem.csv);
    REQUIRE(file_content(run.files, "indicators_normalized.csv") == file_content(mem.files, "indicators_normalized.csv"));
    REQUIRE(run.json["units"].empty());  // the DOM holds no units when they stream
    std::filesystem::remove_all(dir);
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
  o.out = (std::filesystem::temp_directory_path() / ("cikit_index_ahp_" + std::to_string(::getpid()))).string();
  const pipeline::IndexRun ahp = pipeline::run_index(o);
  REQUIRE(ahp.json["methods"]["ahp"]["group"] == "aip_geometric");
  REQUIRE(file_names(ahp.files)[0] == "ahp_consistency.csv");
  o.methods.weights = "no-such-method";
  REQUIRE_THROWS_AS(pipeline::run_index(o), cikit::InvalidInput);
  std::filesystem::remove_all(o.out);
}

TEST_CASE("index pipeline: config_only resolves the configuration without data", "[pipeline][index]") {
  pipeline::IndexOptions o{.spec = governance_spec(), .config_only = true};
  o.methods.aggregate = "geometric";
  const pipeline::IndexRun run = pipeline::run_index(o);
  REQUIRE(run.config_yaml.rfind("# effective configuration of `cikit index " + governance_spec() + "`", 0) == 0);
  REQUIRE(run.config_yaml.find("  aggregate: {method: geometric, missing: available, zeros: error}\n") !=
          std::string::npos);
  REQUIRE(run.data.n_units() == 0);
  REQUIRE(run.files.files().empty());
}

TEST_CASE("index pipeline: the printed aggregate block carries every used method's parameters and reads back",
          "[pipeline][index]") {
  // A copy of the governance example whose methods.aggregate is `given`; --print-config's
  // `aggregate:` line, pasted back in place of it, must give the same AggregateParams.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "cikit_print_config_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(fs::path(governance_spec()).parent_path())) fs::copy(e.path(), dir / e.path().filename());
  std::stringstream text;
  text << std::ifstream(governance_spec()).rdbuf();
  const std::string original = text.str();
  const auto with_aggregate = [&](const std::string& line) {
    std::string t = original;
    const auto at = t.find("  aggregate: arithmetic\n");
    REQUIRE(at != std::string::npos);
    t.replace(at, std::string("  aggregate: arithmetic\n").size(), "  aggregate: " + line + "\n");
    std::ofstream(dir / "governance.yaml") << t;
    return (dir / "governance.yaml").string();
  };
  const std::vector<std::string> given = {
      "{method: vikor, v: 0.3}",
      "{method: gra, rho: 0.7}",
      "{method: rsr, rsr: noninteger, tiers: 4}",
      "{method: power, power: 0.5, zeros: shift, shift: 0.25}",
      "{method: topsis, topsis: minmax}",
      "{method: bod, bod: {share_min: 0.05, share_max: 0.6}}",
      "{method: fuzzy, fuzzy: {grades: [poor, fair, good], scores: [1, 3, 5], operator: min_max, grade: score, "
      "thresholds: {default: [20, 50, 80], party_org_coverage: [10, 40, 90]}}}"};
  for (const std::string& g : given) {
    INFO(g);
    const pipeline::IndexRun first = pipeline::run_index({.spec = with_aggregate(g), .config_only = true});
    const std::string& y = first.config_yaml;
    const auto at = y.find("\n  aggregate: ");
    REQUIRE(at != std::string::npos);
    const auto from = at + std::string("\n  aggregate: ").size();
    const std::string printed = y.substr(from, y.find('\n', from) - from);
    const cikit::Spec a = pipeline::read_spec_with(with_aggregate(g));
    const cikit::Spec b = pipeline::read_spec_with(with_aggregate(printed));
    const cikit::AggregateParams& p = a.config.aggregate_params;
    const cikit::AggregateParams& q = b.config.aggregate_params;
    CHECK(a.config.aggregate == b.config.aggregate);
    CHECK(p.vikor_v == Approx(q.vikor_v).margin(0));
    CHECK(p.gra_rho == Approx(q.gra_rho).margin(0));
    CHECK(p.rsr == q.rsr);
    CHECK(p.rsr_tiers == q.rsr_tiers);
    CHECK(p.power == Approx(q.power).margin(0));
    CHECK(p.zeros == q.zeros);
    CHECK(p.shift == Approx(q.shift).margin(0));
    CHECK(p.topsis == q.topsis);
    CHECK(p.bod.share_min == Approx(q.bod.share_min).margin(0));
    CHECK(p.bod.share_max == Approx(q.bod.share_max).margin(0));
    CHECK(p.fuzzy.grades == q.fuzzy.grades);
    CHECK(p.fuzzy.scores == q.fuzzy.scores);
    CHECK(p.fuzzy.op == q.fuzzy.op);
    CHECK(p.fuzzy.grade == q.fuzzy.grade);
    CHECK(p.fuzzy.thresholds == q.fuzzy.thresholds);
  }
  fs::remove_all(dir);
}
