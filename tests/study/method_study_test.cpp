// Method-comparison study: structure of the output, determinism across thread counts, the
// oracle and basic sanity of the metrics, the scenarios file.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "methods/core/error.hpp"
#include "methods/study/method_study.hpp"
#include "methods/study/study_report.hpp"

namespace {
std::vector<cikit::StudyScenario> two_scenarios() {
  cikit::StudyScenario a, b;
  a.id = "a";
  a.options.units = 40;
  a.options.dimensions = 2;
  a.options.indicators_per_dimension = 3;
  a.options.weight_spread = 0.8;
  b.id = "b";
  b.options = a.options;
  b.options.missing_rate = 0.1;
  b.options.skewed_share = 0.5;
  return {a, b};
}
cikit::StudyOptions small_options(int threads) {
  cikit::StudyOptions o;
  o.replicates = 3;
  o.bootstrap = 4;
  o.normalize = {"minmax", "zscore"};
  o.aggregate = {"arithmetic", "geometric"};
  o.threads = threads;
  return o;
}
/// The cells CSV without the (non-deterministic) seconds column.
std::string without_seconds(const std::string& csv) {
  std::istringstream in(csv);
  std::string line, out;
  while (std::getline(in, line)) {
    // seconds is the 15th field; no earlier field contains a comma (ids are plain).
    std::size_t pos = 0;
    for (int k = 0; k < 14; ++k) pos = line.find(',', pos) + 1;
    const std::size_t end = line.find(',', pos);
    out += line.substr(0, pos) + line.substr(end) + "\n";
  }
  return out;
}
}  // namespace

TEST_CASE("method study: structure and determinism across thread counts", "[study]") {
  const auto one = cikit::run_method_study(two_scenarios(), small_options(1));
  const auto two = cikit::run_method_study(two_scenarios(), small_options(2));
  const std::size_t W = cikit::weight_methods().size();
  REQUIRE(one.methods.size() == 2 * W * 2);
  REQUIRE(one.cells.size() == 2 * 3 * one.methods.size());
  REQUIRE(one.summary.size() == 2 * one.methods.size());
  CHECK(without_seconds(cikit::study_cells_csv(one)) == without_seconds(cikit::study_cells_csv(two)));
  const std::string csv = cikit::study_cells_csv(one);
  CHECK(csv.rfind("scenario,method,normalize,weights,aggregate,replicate,ok,weight_mae,spearman", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == static_cast<long>(one.cells.size() + 1));

  for (const auto& c : one.cells) {
    const auto& m = one.methods[static_cast<std::size_t>(c.method)];
    // z-scores are negative (no geometric mean): the method fails, with cikit's own error
    // message as the note. Their mean is 0, so CV weights fail too unless missing values make
    // the node means differ from 0.
    if (m.normalize == cikit::NormalizeMethod::ZScore && m.aggregate == cikit::AggregateMethod::Geometric)
      CHECK_FALSE(c.ok);
    if (!c.ok) {
      CHECK_FALSE(c.note.empty());
      CHECK(m.normalize == cikit::NormalizeMethod::ZScore);
      continue;
    }
    CHECK(c.spearman >= -1);
    CHECK(c.spearman <= 1);
    CHECK(c.top10 >= 0);
    CHECK(c.top10 <= 1);
    CHECK(c.weight_mae >= 0);
    CHECK(c.outlier_shift >= 0);
    if (m.weights == cikit::WeightMethod::Given) {
      CHECK(c.weight_mae < 1e-12);  // the oracle: the true weights
    }
    if (!cikit::is_data_driven(m.weights)) {
      CHECK(c.weight_cv <= 0.0);
      CHECK(c.rank_width <= 0.0);
    } else {
      CHECK(c.weight_cv > 0);
      CHECK(c.rank_width > 0);
    }
  }
  // Markdown and SVGs are produced and name every scenario.
  const std::string md = cikit::study_markdown(one, {"test"});
  CHECK(md.find("| a |") != std::string::npos);
  const auto svgs = cikit::study_svgs(one);
  REQUIRE(svgs.size() == 6);
  for (const auto& [name, svg] : svgs) {
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
    CHECK(svg.find("</svg>") != std::string::npos);
  }
}

TEST_CASE("method study: recovers the truth when the data are clean", "[study]") {
  auto sc = two_scenarios();
  sc.resize(1);
  sc[0].options.units = 300;
  sc[0].options.noise = 0.2;
  auto o = small_options(0);
  o.normalize = {"minmax"};
  o.aggregate = {"arithmetic"};
  o.weights = {"given", "equal"};
  o.bootstrap = 0;
  o.inject_rate = 0;
  const auto r = cikit::run_method_study(sc, o);
  for (const auto& s : r.summary) {
    CHECK(s.n_ok == 3);
    CHECK(std::isnan(s.weight_cv));
    CHECK(std::isnan(s.outlier_shift));
  }
  // Low noise: the true weights give an index close to the truth; equal weights less so.
  CHECK(r.summary[0].spearman > 0.97);
  CHECK(r.summary[1].spearman > 0.8);
  CHECK(r.summary[0].spearman > r.summary[1].spearman);
  // The oracle beats equal weights on weight error (equal's error is the true weights' spread).
  CHECK(r.summary[0].weight_mae < r.summary[1].weight_mae);
}

TEST_CASE("method study: scenarios file", "[study][bad-input]") {
  std::ifstream in(std::string(CIKIT_SOURCE_DIR) + "/benchmarks/methods/scenarios.yaml", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str() == cikit::default_study_scenarios_yaml());
  cikit::StudyOptions o;
  const auto sc = cikit::parse_study_scenarios(cikit::default_study_scenarios_yaml(), "scenarios.yaml", o);
  CHECK(sc.size() >= 8);
  CHECK(o.replicates == 10);
  CHECK_FALSE(o.stability_all);
  CHECK(o.power_order == Approx(0.5));
  cikit::StudyOptions p;
  CHECK_THROWS_WITH(cikit::parse_study_scenarios("scenarios:\n  - id: x\n    unitz: 3\n", "f.yaml", p),
                    Catch::Contains("f.yaml:3:5") && Catch::Contains("unknown key 'unitz'"));
  CHECK_THROWS_WITH(cikit::parse_study_scenarios("scenarios:\n  - id: x\n    missing_rate: 0.7\n", "f.yaml", p),
                    Catch::Contains("missing rate"));
  CHECK_THROWS_WITH(cikit::parse_study_scenarios("methods: {weights: [magic]}\nscenarios:\n  - id: x\n", "f.yaml", p),
                    Catch::Contains("unknown weighting method 'magic'"));
}

TEST_CASE("method study: stability set and power order", "[study]") {
  auto sc = two_scenarios();
  sc.resize(1);
  auto o = small_options(1);
  o.replicates = 2;
  o.normalize = {"minmax", "rank"};
  o.weights = {"entropy"};
  o.aggregate = {"arithmetic", "power"};
  o.inject_rate = 0;
  {
    // Weights that do not use the data are exactly stable, in or outside the core set.
    auto e = o;
    e.weights = {"equal"};
    for (const auto& s : cikit::run_method_study(sc, e).summary) {
      CHECK(s.weight_cv == Approx(0.0).margin(0));
      CHECK(s.rank_width == Approx(0.0).margin(0));
    }
  }
  // Default: the core set only (minmax × arithmetic here); the others are NaN.
  const auto core = cikit::run_method_study(sc, o);
  REQUIRE(core.methods.size() == 4);
  for (std::size_t k = 0; k < core.methods.size(); ++k) {
    const auto& s = core.summary[k];
    REQUIRE(s.n_ok == 2);
    const bool in_core = cikit::is_core_method(core.methods[k]);
    CHECK(in_core == (core.methods[k].name == "minmax/entropy/arithmetic"));
    CHECK(std::isfinite(s.weight_cv) == in_core);
    CHECK(std::isfinite(s.rank_width) == in_core);
    if (in_core) CHECK(s.weight_cv > 0);
  }
  // stability: all computes them for every method, and the core method's values do not change.
  o.stability_all = true;
  const auto all = cikit::run_method_study(sc, o);
  for (std::size_t k = 0; k < all.methods.size(); ++k) {
    CHECK(std::isfinite(all.summary[k].weight_cv));
    CHECK(all.summary[k].spearman == Approx(core.summary[k].spearman).margin(0));
  }
  CHECK(all.summary[0].weight_cv == Approx(core.summary[0].weight_cv).margin(0));
  // power_order = 1 repeats the arithmetic mean; the default 0.5 does not.
  REQUIRE(core.methods[1].aggregate == cikit::AggregateMethod::Power);
  CHECK(std::abs(core.summary[1].spearman - core.summary[0].spearman) > 1e-6);
  o.power_order = 1.0;
  const auto p1 = cikit::run_method_study(sc, o);
  CHECK(p1.summary[1].spearman == Approx(p1.summary[0].spearman).margin(1e-12));
  // File keys.
  cikit::StudyOptions f;
  (void)cikit::parse_study_scenarios("stability: all\npower_order: 2\nscenarios:\n  - id: x\n", "f.yaml", f);
  CHECK(f.stability_all);
  CHECK(f.power_order == Approx(2.0));
  CHECK_THROWS_WITH(cikit::parse_study_scenarios("stability: some\nscenarios:\n  - id: x\n", "f.yaml", f),
                    Catch::Contains("f.yaml:1:12") && Catch::Contains("stability must be `core` or `all`"));
}
