// Panel data (methods/panel, methods/pipeline/panel, data.time in methods/core/spec.cpp):
// pooled and reference normalisation, fixed weights and trends against plain-R references
// (validation/panel/generate.R), and the documented errors and warnings.

#include "methods/panel/panel.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/pipeline/example.hpp"
#include "methods/pipeline/index.hpp"
#include "methods/pipeline/panel.hpp"
#include "../pipeline/pipeline_support.hpp"

namespace fs = std::filesystem;
namespace pipeline = cikit::pipeline;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

std::string vdir() { return cikit_test::validation_dir() + "/panel"; }

/// A fresh folder under the system temp directory holding a copy of validation/panel's case1.yaml
/// (with `edit` applied to its text) and the given data.
fs::path scratch(const std::string& name, const std::string& csv, const std::string& from = "",
                 const std::string& to = "") {
  const fs::path dir = fs::temp_directory_path() / ("cikit_panel_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ifstream in(vdir() + "/case1.yaml");
  std::string spec((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!from.empty()) {
    const auto at = spec.find(from);
    REQUIRE(at != std::string::npos);
    spec.replace(at, from.size(), to);
  }
  std::ofstream(dir / "spec.yaml") << spec;
  std::ofstream(dir / "panel_data.csv") << csv;
  return dir / "spec.yaml";
}

const char* kSmall =
    "unit,year,x1,x2,x3,x4\n"
    "a,2020,1,5,2,7\nb,2020,2,4,3,6\nc,2020,3,3,1,9\n"
    "a,2019,2,6,2,5\nb,2019,1,3,4,8\nc,2019,4,2,2,6\n"
    "a,2021,3,2,5,7\nb,2021,2,5,3,9\nc,2021,5,1,4,8\n";

pipeline::PanelBuild build(const std::string& spec_path) {
  const cikit::Spec spec = pipeline::read_spec_with(spec_path);
  cikit::WeightInputs in;
  return pipeline::build_panel(spec, in);
}

/// Compares every period's leaf, dimension and index scores and the local weights with the R
/// reference of a case. Tolerance 1e-10 relative (closed forms; sums taken in another order),
/// or 1e-9 absolute near 0 (a min-max score of exactly 0 and z-scores near 0).
void compare_case(int c) {
  const std::string spec = vdir() + "/case" + std::to_string(c) + ".yaml";
  const pipeline::PanelBuild b = build(spec);
  const cikit::Spec sp = pipeline::read_spec_with(spec);
  const auto ref = cikit_test::read_table(vdir() + "/ref_scores_case" + std::to_string(c) + ".csv");
  REQUIRE(ref.size() == 41);  // header + 10 units × 4 periods
  const std::vector<std::string> cols{"x1", "x2", "x3", "x4", "A", "B", "index"};
  for (std::size_t r = 1; r < ref.size(); ++r) {
    const std::string& period = ref[r][0];
    const std::string& unit = ref[r][1];
    const auto p = static_cast<std::size_t>(std::find(b.data.periods.begin(), b.data.periods.end(), period) -
                                            b.data.periods.begin());
    REQUIRE(p < b.data.periods.size());
    const auto& ids = b.data.sections[p].unit_ids;
    const auto i = static_cast<Eigen::Index>(std::find(ids.begin(), ids.end(), unit) - ids.begin());
    REQUIRE(i < static_cast<Eigen::Index>(ids.size()));
    for (std::size_t k = 0; k < cols.size(); ++k) {
      const int node = cols[k] == "index" ? sp.tree.root() : *sp.tree.find(cols[k]);
      const double want = cikit_test::ref_number(ref[r][2 + k]);
      INFO("case " << c << " period " << period << " unit " << unit << " " << cols[k]);
      REQUIRE_THAT(b.result.results[p].scores(i, node), WithinRel(want, 1e-10) || WithinAbs(want, 1e-9));
    }
  }
  const auto w = cikit_test::read_table(vdir() + "/ref_weights_case" + std::to_string(c) + ".csv");
  for (std::size_t r = 1; r < w.size(); ++r) {
    INFO("case " << c << " weight of " << w[r][0]);
    const double want = cikit_test::ref_number(w[r][1]);
    REQUIRE_THAT(b.result.weights.local(*sp.tree.find(w[r][0])), WithinRel(want, 1e-10));
    for (const auto& res : b.result.results)  // fixed: every period uses them
      REQUIRE_THAT(res.weights.local(*sp.tree.find(w[r][0])), WithinRel(want, 1e-10));
  }
}

}  // namespace

TEST_CASE("panel: pooled min-max and pooled entropy weights equal the R reference (case 1)",
          "[panel][reference]") {
  compare_case(1);
}

TEST_CASE("panel: reference-period min-max and entropy weights equal the R reference (case 2)",
          "[panel][reference]") {
  compare_case(2);
  // Values beyond 2021's range score outside [0, 100] and are counted in a warning.
  const pipeline::PanelBuild b = build(vdir() + "/case2.yaml");
  bool warned = false;
  for (const auto& w : b.result.warnings) warned = warned || w.find("outside the reference period 2021") != std::string::npos;
  REQUIRE(warned);
}

TEST_CASE("panel: pooled min-max equals COINr 1.1.14's purse with global normalisation", "[panel][reference]") {
  // validation/panel/coinr_purse.R: Normalise(purse, global = TRUE) (n_minmax to [0, 100]) and
  // Aggregate(a_amean) with equal weights, written by COINr itself; cikit spec coinr.yaml.
  const std::string spec = vdir() + "/coinr.yaml";
  const pipeline::PanelBuild b = build(spec);
  const cikit::Spec sp = pipeline::read_spec_with(spec);
  const auto ref = cikit_test::read_table(vdir() + "/ref_coinr_pooled.csv");
  REQUIRE(ref.size() == 41);
  const std::vector<std::string> cols{"x1", "x2", "x3", "x4", "A", "B", "index"};
  for (std::size_t r = 1; r < ref.size(); ++r) {
    const auto p = static_cast<std::size_t>(std::find(b.data.periods.begin(), b.data.periods.end(), ref[r][0]) -
                                            b.data.periods.begin());
    REQUIRE(p < b.data.periods.size());
    const auto& ids = b.data.sections[p].unit_ids;
    const auto i = static_cast<Eigen::Index>(std::find(ids.begin(), ids.end(), ref[r][1]) - ids.begin());
    REQUIRE(i < static_cast<Eigen::Index>(ids.size()));
    for (std::size_t k = 0; k < cols.size(); ++k) {
      const int node = cols[k] == "index" ? sp.tree.root() : *sp.tree.find(cols[k]);
      const double want = cikit_test::ref_number(ref[r][2 + k]);
      INFO("COINr period " << ref[r][0] << " unit " << ref[r][1] << " " << cols[k]);
      REQUIRE_THAT(b.result.results[p].scores(i, node), WithinRel(want, 1e-10) || WithinAbs(want, 1e-9));
    }
  }
}

TEST_CASE("panel: reference-period z-scores with equal weights equal the R reference (case 3)", "[panel][reference]") {
  compare_case(3);
}

TEST_CASE("panel: trends, change and CAGR of the index equal R lm (case 1)", "[panel][reference]") {
  const pipeline::PanelBuild b = build(vdir() + "/case1.yaml");
  const cikit::PanelTrajectories t = cikit::panel_trajectories(b.data, b.result, 0);
  const std::vector<cikit::UnitTrend> tr = cikit::panel_trends(t.scores, b.data.period_values, t.units);
  const auto ref = cikit_test::read_table(vdir() + "/ref_trends_case1.csv");
  REQUIRE(ref.size() == 11);
  for (std::size_t r = 1; r < ref.size(); ++r) {
    const auto u = static_cast<std::size_t>(std::find(t.units.begin(), t.units.end(), ref[r][0]) - t.units.begin());
    REQUIRE(u < tr.size());
    INFO("unit " << ref[r][0]);
    const auto& x = tr[u];
    REQUIRE(x.n == 4);
    // 1e-10 relative for the closed forms; the slope's se and p 1e-8 (p through the t
    // distribution's tail in Boost vs R's pt).
    REQUIRE_THAT(x.change, WithinRel(cikit_test::ref_number(ref[r][1]), 1e-10));
    REQUIRE_THAT(x.cagr, WithinRel(cikit_test::ref_number(ref[r][2]), 1e-10));
    REQUIRE_THAT(x.slope, WithinRel(cikit_test::ref_number(ref[r][3]), 1e-10));
    REQUIRE_THAT(x.intercept, WithinRel(cikit_test::ref_number(ref[r][4]), 1e-8));
    REQUIRE_THAT(x.slope_se, WithinRel(cikit_test::ref_number(ref[r][5]), 1e-8));
    REQUIRE_THAT(x.p_value, WithinRel(cikit_test::ref_number(ref[r][6]), 1e-8));
    REQUIRE_THAT(x.r_squared, WithinRel(cikit_test::ref_number(ref[r][7]), 1e-8));
    REQUIRE(x.direction == (x.slope > 0 ? "up" : "down"));
  }
}

TEST_CASE("panel: CAGR is refused for a non-positive score; a single period has no slope", "[panel][property]") {
  Eigen::MatrixXd y(3, 3);
  y << 0, 1, 2,  //
      1, 2, 4,   //
      -1, 1, std::numeric_limits<double>::quiet_NaN();
  const auto tr = cikit::panel_trends(y, {2019, 2020, 2021}, {"a", "b", "c"});
  REQUIRE(std::isnan(tr[0].cagr));
  REQUIRE_THAT(tr[0].cagr_note, Contains("not > 0"));
  REQUIRE_THAT(tr[1].cagr, WithinRel(1.0, 1e-15));  // (4/1)^(1/2) - 1
  REQUIRE_THAT(tr[1].slope, WithinRel(1.5, 1e-15));
  REQUIRE(std::isnan(tr[2].cagr));
  REQUIRE(tr[2].n == 2);
  REQUIRE(std::isnan(tr[2].slope_se));  // n < 3
  REQUIRE_THROWS_AS(cikit::panel_trends(y, {2019, 2021, 2020}, {"a", "b", "c"}), cikit::InvalidInput);
}

TEST_CASE("panel: periods sort numerically; labels keep their order of first appearance", "[panel][property]") {
  const pipeline::PanelBuild b = build(scratch("sort", kSmall).string());
  REQUIRE(b.data.periods == std::vector<std::string>{"2019", "2020", "2021"});
  REQUIRE(b.data.numeric_periods);
  std::string labels = kSmall;
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{"2020", "spring"}, {"2019", "autumn"}, {"2021", "winter"}})
    for (auto at = labels.find(from); at != std::string::npos; at = labels.find(from)) labels.replace(at, from.size(), to);
  const pipeline::PanelBuild l = build(scratch("labels", labels).string());
  REQUIRE(l.data.periods == std::vector<std::string>{"spring", "autumn", "winter"});
  REQUIRE_FALSE(l.data.numeric_periods);
}

TEST_CASE("panel: a duplicated (unit, period) row is a located error", "[panel][error]") {
  const std::string csv = std::string(kSmall) + "b,2020,9,9,9,9\n";
  REQUIRE_THROWS_AS(build(scratch("dup", csv).string()), cikit::InvalidInput);
  REQUIRE_THROWS_WITH(build(scratch("dup", csv).string()),
                      Contains("panel_data.csv:11") && Contains("duplicate row for unit 'b' in period '2020'") &&
                          Contains("already on line 3"));
}

TEST_CASE("panel: a unit absent from a period is built without it, with a warning naming both", "[panel][error]") {
  std::string csv = kSmall;
  csv.erase(csv.find("b,2021,2,5,3,9\n"), std::string("b,2021,2,5,3,9\n").size());
  const pipeline::PanelBuild b = build(scratch("gap", csv).string());
  REQUIRE(b.data.sections[2].n_units() == 2);
  REQUIRE(b.data.absent[2] == std::vector<std::string>{"b"});
  REQUIRE_THAT(b.data.warnings.at(0), Contains("unbalanced panel") && Contains("2021: b"));
  const cikit::PanelTrajectories t = cikit::panel_trajectories(b.data, b.result, 0);
  REQUIRE(std::isnan(t.scores(1, 2)));
  REQUIRE(t.ranks(1, 2) == 0);
}

TEST_CASE("panel: unknown or missing reference period, rank under reference, panel without data.time",
          "[panel][error]") {
  REQUIRE_THROWS_MATCHES(
      build(scratch("ref", kSmall, "panel: {normalize: pooled, weights: pooled}",
                    "panel: {normalize: reference, reference: 1999}")
                .string()),
      cikit::InvalidInput, Catch::Matchers::Predicate<cikit::InvalidInput>([](const cikit::InvalidInput& e) {
        return std::string(e.what()).find("panel.reference is '1999', which is not a period") != std::string::npos;
      }));
  REQUIRE_THROWS_WITH(build(scratch("noref", kSmall, "panel: {normalize: pooled, weights: pooled}",
                                    "panel: {normalize: reference}")
                                .string()),
                      Contains("panel.reference (the reference period) is not given"));
  // Rank normalisation: pooled ranks every unit-period together; reference has no constants.
  REQUIRE_NOTHROW(build(scratch("rank", kSmall, "normalize: minmax", "normalize: rank").string()));
  const std::string rank_ref = scratch("rankref", kSmall, "panel: {normalize: pooled, weights: pooled}",
                                       "panel: {normalize: reference, reference: 2020}")
                                   .string();
  {
    std::ifstream in(rank_ref);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("normalize: minmax"), 17, "normalize: rank");
    std::ofstream(rank_ref) << text;
  }
  REQUIRE_THROWS_WITH(build(rank_ref), Contains("no constants to carry"));
  REQUIRE_THROWS_WITH(build(scratch("notime", kSmall, ", time: year", "").string()), Contains("no data.time"));
}

TEST_CASE("panel: per_period normalisation warns that scores are not comparable over time", "[panel][error]") {
  const pipeline::PanelBuild b = build(scratch("per", kSmall, "panel: {normalize: pooled, weights: pooled}",
                                               "panel: {normalize: per_period, weights: per_period}")
                                           .string());
  bool norm = false, weights = false;
  for (const auto& w : b.result.warnings) {
    norm = norm || w.find("NOT over time") != std::string::npos;
    weights = weights || w.find("panel.weights: per_period") != std::string::npos;
  }
  REQUIRE(norm);
  REQUIRE(weights);
  REQUIRE_FALSE(b.result.weights_fixed);
  // Each period is then a cross-section: min-max 0 and 100 reached in every period.
  const int x1 = *pipeline::read_spec_with(vdir() + "/case1.yaml").tree.find("x1");
  for (const auto& r : b.result.results) {
    REQUIRE_THAT(r.scores.col(x1).minCoeff(), WithinAbs(0.0, 1e-12));
    REQUIRE_THAT(r.scores.col(x1).maxCoeff(), WithinRel(100.0, 1e-12));
  }
}

TEST_CASE("panel: cikit index writes scores per unit and period; other commands read the latest period",
          "[panel][pipeline]") {
  const std::string spec = vdir() + "/case1.yaml";
  pipeline::IndexOptions o;
  o.spec = spec;
  o.out = (fs::temp_directory_path() / "cikit_panel_test_index").string();
  const pipeline::IndexRun run = pipeline::run_index(o);
  REQUIRE(run.periods == std::vector<std::string>{"2019", "2020", "2021", "2022"});
  const auto rows = cikit_test::lines(cikit_test::file_content(run.files, "scores.csv"));
  REQUIRE(rows.size() == 41);  // header + 40 unit-periods
  REQUIRE(rows[0].rfind("period,unit_id,", 0) == 0);
  const auto& periods = run.json.at("periods");
  REQUIRE(periods.size() == 4);
  REQUIRE(periods[3].at("period") == "2022");
  REQUIRE(periods[3].at("units").size() == 10);
  REQUIRE(run.json.at("panel").at("normalize") == "pooled");
  // The JSON index score of a unit equals the panel build's.
  const pipeline::PanelBuild b = build(spec);
  const auto& u0 = periods[0].at("units")[0];
  const auto& ids = b.data.sections[0].unit_ids;
  const auto i = std::find(ids.begin(), ids.end(), u0.at("id").get<std::string>()) - ids.begin();
  REQUIRE_THAT(u0.at("score").get<double>(), WithinRel(b.result.results[0].scores(i, 0), 1e-15));
  // load_data (every cross-section command) reads the latest period and says so.
  const cikit::Dataset latest = cikit::load_data(pipeline::read_spec_with(spec));
  REQUIRE(latest.n_units() == 10);
  REQUIRE_THAT(latest.warnings.at(0), Contains("uses the latest period, 2022"));
}

TEST_CASE("panel: the bundled panel example is deterministic and runs through cikit panel", "[panel][pipeline]") {
  const auto files = pipeline::governance_panel_files(cikit::kDefaultSeed);
  REQUIRE(files.size() == 3);
  REQUIRE(files == pipeline::governance_panel_files(cikit::kDefaultSeed));
  REQUIRE_THAT(files[0].second, Contains("SYNTHETIC") && Contains("time: year"));
  // The committed copies in datasets/governance are what the generator writes.
  for (const auto& [name, content] : files)
    REQUIRE(content == cikit::read_file(cikit_test::source_dir() + "/datasets/governance/" + name));
  const fs::path dir = fs::temp_directory_path() / "cikit_panel_test_example";
  fs::remove_all(dir);
  pipeline::ExampleOptions eo;
  eo.dir = dir.string();
  eo.panel = true;
  pipeline::run_example(eo).files.write();
  pipeline::PanelOptions po;
  po.spec = (dir / "governance_panel.yaml").string();
  const pipeline::PanelRun run = pipeline::run_panel(po);
  REQUIRE(run.panel.data.periods == std::vector<std::string>{"2019", "2020", "2021", "2022", "2023"});
  REQUIRE(run.panel.data.units.size() == 119);
  REQUIRE(run.trends.size() == 119);
  // The simulated general factor grows in every region: most cities' index rises.
  int up = 0;
  for (const auto& t : run.trends) up += t.direction == "up";
  REQUIRE(up > 119 / 2);
  REQUIRE(run.figure_svg.rfind("<svg", 0) == 0);
  REQUIRE(run.alpha.alpha.cols() == 5);
}

TEST_CASE("panel: results are identical at 1, 2 and 4 threads", "[panel][property]") {
  cikit::Spec spec = pipeline::read_spec_with(vdir() + "/case1.yaml");
  cikit::WeightInputs in;
  std::vector<pipeline::PanelBuild> runs;
  for (int threads : {1, 2, 4}) {
    spec.config.threads = threads;
    runs.push_back(pipeline::build_panel(spec, in));
  }
  for (std::size_t k = 1; k < runs.size(); ++k)
    for (std::size_t p = 0; p < runs[0].result.results.size(); ++p) {
      // Bitwise: no random stream and no reduction order depends on the thread count.
      REQUIRE(cikit_test::same_values(runs[k].result.results[p].scores, runs[0].result.results[p].scores));
      REQUIRE(runs[k].result.results[p].ranks == runs[0].result.results[p].ranks);
    }
}

TEST_CASE("panel: a relative aggregation (TOPSIS, VIKOR, ...) built per period is warned about, an absolute one is not",
          "[panel][error]") {
  const auto warned = [](const pipeline::PanelBuild& b) {
    for (const auto& w : b.result.warnings)
      if (w.find("relative to the units of each period") != std::string::npos) return w;
    return std::string();
  };
  const pipeline::PanelBuild topsis =
      build(scratch("topsis", kSmall, "aggregate: arithmetic", "aggregate: topsis").string());
  const std::string w = warned(topsis);
  REQUIRE_FALSE(w.empty());
  CHECK(w.find("idx (topsis)") != std::string::npos);
  CHECK(w.find("A (topsis)") != std::string::npos);
  CHECK(warned(build(scratch("arith", kSmall).string())).empty());
}
