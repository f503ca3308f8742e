// Tests of methods/pipeline/sensitivity (run_sensitivity): the pipeline of `cikit sensitivity`
// on the bundled governance example, with few replicates so that it is fast.

#include "methods/pipeline/sensitivity.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "methods/core/error.hpp"

#include "support.hpp"

namespace {
cikit::pipeline::SensitivityOptions small(int threads) {
  cikit::pipeline::SensitivityOptions o;
  o.spec = cikit_test::source_dir() + "/datasets/governance/governance.yaml";
  o.replicates = 64;
  o.bootstrap = 20;
  o.sobol_bootstrap = 20;
  o.seed = 11;
  o.threads = threads;
  return o;
}
}  // namespace

TEST_CASE("run_sensitivity: a fixed seed gives identical outputs at 1 and 2 threads",
          "[pipeline][sensitivity][property]") {
  std::ptrdiff_t calls = 0, last_done = 0, last_total = 0;
  auto o1 = small(1);
  o1.progress = [&](std::ptrdiff_t done, std::ptrdiff_t total) {
    ++calls;
    last_done = done;
    last_total = total;
  };
  const auto one = cikit::pipeline::run_sensitivity(o1);
  const auto two = cikit::pipeline::run_sensitivity(small(2));
  REQUIRE(one.analysis.seed == 11);
  REQUIRE(one.spec.config.seed == 11);
  REQUIRE(one.analysis.monte_carlo.has_value());
  REQUIRE(one.doc.dump() == two.doc.dump());
  REQUIRE(one.units_csv.csv() == two.units_csv.csv());
  REQUIRE(one.outputs.files() == two.outputs.files());
  // The progress callback saw the Monte Carlo runs to the end.
  REQUIRE(calls > 0);
  REQUIRE(last_total == one.analysis.monte_carlo->runs);
  REQUIRE(last_done == last_total);
}

TEST_CASE("run_sensitivity: units, tables and files", "[pipeline][sensitivity][property]") {
  const auto run = cikit::pipeline::run_sensitivity(small(0));
  const auto n = static_cast<std::size_t>(run.data.n_units());
  REQUIRE(run.order.size() == n);
  REQUIRE(run.units_csv.rows.size() == n);
  REQUIRE(run.doc["units"].size() == n);
  // Units in rank order: the first row holds nominal rank 1.
  REQUIRE(run.units_csv.rows.front()[3] == "1");
  REQUIRE(run.analysis.nominal_ranks(run.order.front()) == 1);
  REQUIRE(run.doc["n_units"] == run.data.n_units());
  REQUIRE(run.dominant.size() == n);  // unit Sobol' indices are on by default
  REQUIRE(run.doc["inputs"].size() == run.inputs.inputs.size());
  std::set<std::string> names;
  for (const auto& f : run.outputs.files()) names.insert(f.first);
  REQUIRE(names == std::set<std::string>{"sensitivity.json", "rank_intervals.csv", "sobol.csv", "sobol_convergence.csv",
                                         "sobol_unit_ranks.csv", "bootstrap_statistics.csv", "leave_one_out.csv",
                                         "failures.csv"});
}

TEST_CASE("run_sensitivity: options on top of the spec's block", "[pipeline][sensitivity][property]") {
  auto o = small(0);
  o.weights_set = {"equal", "entropy"};
  o.leave_one_out = false;
  o.bootstrap = 0;
  const auto run = cikit::pipeline::run_sensitivity(o);
  REQUIRE_FALSE(run.analysis.leave_one_out.has_value());
  REQUIRE_FALSE(run.analysis.bootstrap.has_value());
  REQUIRE(run.doc["leave_one_out"].is_null());
  bool weights_input = false;
  for (const auto& in : run.inputs.inputs)
    if (in.labels == std::vector<std::string>{"equal", "entropy"}) weights_input = true;
  REQUIRE(weights_input);
}

TEST_CASE("run_sensitivity: mixed forms of aggregate_set", "[pipeline][sensitivity][error]") {
  REQUIRE(cikit::pipeline::aggregate_set_error({"arithmetic", "geometric"}).empty());
  REQUIRE(cikit::pipeline::aggregate_set_error({"dimensions=arithmetic", "geometric"}).empty());
  REQUIRE_FALSE(cikit::pipeline::aggregate_set_error({"arithmetic", "dimensions=geometric"}).empty());
  auto o = small(0);
  o.aggregate_set = {"arithmetic", "dimensions=geometric"};
  REQUIRE_THROWS_AS(cikit::pipeline::run_sensitivity(o), cikit::InvalidInput);
  REQUIRE_THROWS_WITH(cikit::pipeline::run_sensitivity(o), Catch::Matchers::Contains("aggregate_set: either METHOD"));
}

TEST_CASE("run_sensitivity: a replicate count that is not N(k + 2) is rounded up with a note",
          "[pipeline][sensitivity][property]") {
  // k = 4 inputs in the bundled spec: R = 64 -> the smallest power of 2 with 6N >= 64 is N = 16,
  // 96 runs (as R = 2000 gives N = 512, 3072 runs).
  auto o = small(0);
  o.leave_one_out = false;
  o.bootstrap = 0;
  for (const cikit::Lang lang : {cikit::Lang::En, cikit::Lang::Zh}) {
    o.lang = lang;
    const auto run = cikit::pipeline::run_sensitivity(o);
    REQUIRE(run.analysis.monte_carlo->n == 16);
    REQUIRE(run.analysis.monte_carlo->runs == 96);
    REQUIRE(run.notes.size() == 1);
    REQUIRE(run.doc["notes"].size() == 1);
    const std::string& note = run.notes.front();
    const bool has = lang == cikit::Lang::En
                         ? note.find("64 model runs were requested") != std::string::npos &&
                               note.find("N = 16 and 96 model runs were made") != std::string::npos
                         : note.find("请求 64 次模型运行") != std::string::npos &&
                               note.find("实际取 N = 16，共运行 96 次模型") != std::string::npos;
    CHECK(has);
  }
  // An exact design (R = N(k + 2)) or N given directly: no note.
  o.replicates = 96;
  CHECK(cikit::pipeline::run_sensitivity(o).notes.empty());
  o.replicates = -1;
  o.sobol = 16;
  CHECK(cikit::pipeline::run_sensitivity(o).notes.empty());
}

TEST_CASE("run_sensitivity: the convergence tolerance is an option and reaches the JSON",
          "[pipeline][sensitivity][property]") {
  auto o = small(0);
  o.leave_one_out = false;
  o.bootstrap = 0;
  o.sobol_tolerance = 0.5;  // loose: at N = 16 some index passes that fails 0.05
  const auto loose = cikit::pipeline::run_sensitivity(o);
  const auto& rule = loose.doc["monte_carlo"]["sobol_mean_abs_rank_shift"]["convergence_rule"];
  CHECK(rule["tolerance"] == 0.5);
  o.sobol_tolerance = 0.05;
  const auto strict = cikit::pipeline::run_sensitivity(o);
  CHECK(strict.doc["monte_carlo"]["sobol_mean_abs_rank_shift"]["convergence_rule"]["not_converged"].get<int>() >=
        rule["not_converged"].get<int>());
  o.sobol_tolerance = 0.0;
  CHECK_THROWS_AS(cikit::pipeline::run_sensitivity(o), cikit::InvalidInput);
}
