// cikit benchmark-methods: the method-comparison study on simulated scenarios (docs/cli.md).
#include <Eigen/Core>
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/core/fileio.hpp"
#include "methods/study/method_study.hpp"
#include "methods/study/study_report.hpp"

namespace cikit::cli {

namespace {

struct BenchmarkMethodsOptions {
  CommonOptions common;
  std::string scenarios;  // "" = built-in default
  std::optional<int> replicates, bootstrap, threads;
  std::optional<std::uint64_t> seed;
};

nlohmann::json summary_json(const StudyResult& r) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& s : r.summary) {
    const auto& m = r.methods[static_cast<std::size_t>(s.method)];
    rows.push_back({{"scenario", r.scenarios[static_cast<std::size_t>(s.scenario)].id},
                    {"method", m.name},
                    {"n_ok", s.n_ok},
                    {"weight_mae", json_num(s.weight_mae)},
                    {"spearman", json_num(s.spearman)},
                    {"spearman_sd", json_num(s.spearman_sd)},
                    {"kendall", json_num(s.kendall)},
                    {"top10", json_num(s.top10)},
                    {"weight_cv", json_num(s.weight_cv)},
                    {"rank_width", json_num(s.rank_width)},
                    {"outlier_shift", json_num(s.outlier_shift)},
                    {"seconds", json_num(s.seconds)},
                    {"note", s.note}});
  }
  nlohmann::json sc = nlohmann::json::array();
  for (const auto& s : r.scenarios) sc.push_back({{"id", s.id}, {"description", s.description}, {"units", s.options.units}});
  return {{"cikit_version", CIKIT_VERSION}, {"command", "benchmark-methods"},   {"seed", r.options.seed},
          {"replicates", r.options.replicates}, {"bootstrap", r.options.bootstrap},
          {"stability", r.options.stability_all ? "all" : "core"}, {"power_order", r.options.power_order}, {"scenarios", sc},
          {"summary", rows}};
}

void run_benchmark_methods(const BenchmarkMethodsOptions& o) {
  StudyOptions opt;
  const std::string text = o.scenarios.empty() ? default_study_scenarios_yaml() : read_file(o.scenarios);
  const auto scenarios = parse_study_scenarios(text, o.scenarios.empty() ? "(built-in scenarios)" : o.scenarios, opt);
  if (o.replicates) opt.replicates = *o.replicates;
  if (o.bootstrap) opt.bootstrap = *o.bootstrap;
  if (o.seed) opt.seed = *o.seed;
  if (o.threads) opt.threads = *o.threads;
  const StudyResult r = run_method_study(scenarios, opt);
  const std::vector<std::string> header{
      fmt::format("cikit {} ({} {}.{}), Eigen {}.{}.{}", CIKIT_VERSION,
#if defined(__clang__)
                  "clang", __clang_major__, __clang_minor__,
#else
                  "gcc", __GNUC__, __GNUC_MINOR__,
#endif
                  EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION),
      fmt::format("scenarios: {}", o.scenarios.empty() ? "built-in (= benchmarks/methods/scenarios.yaml)" : o.scenarios)};
  const std::string md = study_markdown(r, header);
  OutputSet out(o.common.out);
  if (out.enabled()) {
    out.add("cells.csv", study_cells_csv(r));
    out.add("summary.csv", study_summary_csv(r));
    out.add("summary.md", md);
    out.add("summary.json", summary_json(r).dump(2) + "\n");
    for (auto& [name, svg] : study_svgs(r)) out.add(name, svg);
    out.write();
  }
  if (o.common.format == "json") std::cout << summary_json(r).dump(2) << "\n";
  else if (o.common.format == "csv") std::cout << study_summary_csv(r);
  else std::cout << md;
}

}  // namespace

void setup_benchmark_methods(CLI::App& app) {
  auto opt = std::make_shared<BenchmarkMethodsOptions>();
  auto* sub = app.add_subcommand(
      "benchmark-methods",
      "Compare every normalisation x weighting x aggregation on SYNTHETIC scenarios with a known truth "
      "(weight error, agreement with the true composite, bootstrap stability, outlier sensitivity, time)");
  add_common_options(*sub, opt->common, false);
  sub->add_option("--scenarios", opt->scenarios, "Scenarios file (YAML); default: the built-in set "
                                                 "(benchmarks/methods/scenarios.yaml)")
      ->check(CLI::ExistingFile);
  sub->add_option("--replicates,-R", opt->replicates, "Replicates per scenario (overrides the file)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--bootstrap,-B", opt->bootstrap, "Bootstrap resamples per replicate, 0 = none (overrides the file)")
      ->check(CLI::Range(0, 100000));
  sub->add_option("--seed", opt->seed, "Master seed (overrides the file; default 20221219)");
  sub->add_option("--threads", opt->threads, "OpenMP threads (results other than timings never depend on it)")
      ->check(CLI::Range(1, 1024));
  sub->callback([opt] { run_benchmark_methods(*opt); });
}

}  // namespace cikit::cli
