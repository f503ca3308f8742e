#include "methods/pipeline/benchmark_methods.hpp"

#include <Eigen/Core>
#include <fmt/format.h>

#include "methods/core/fileio.hpp"
#include "methods/study/study_report.hpp"

namespace cikit::pipeline {

namespace {

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

/// The header lines of summary.md: version, compiler, Eigen; the scenarios file.
std::vector<std::string> markdown_header(const std::string& scenarios) {
  return {fmt::format("cikit {} ({} {}.{}), Eigen {}.{}.{}", CIKIT_VERSION,
#if defined(__clang__)
                      "clang", __clang_major__, __clang_minor__,
#else
                      "gcc", __GNUC__, __GNUC_MINOR__,
#endif
                      EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION),
          fmt::format("scenarios: {}", scenarios.empty() ? "built-in (= benchmarks/methods/scenarios.yaml)" : scenarios)};
}

}  // namespace

BenchmarkMethodsRun run_benchmark_methods(const BenchmarkMethodsOptions& o) {
  StudyOptions opt;
  const std::string text = o.scenarios.empty() ? default_study_scenarios_yaml() : read_file(o.scenarios);
  const auto scenarios = parse_study_scenarios(text, o.scenarios.empty() ? "(built-in scenarios)" : o.scenarios, opt);
  if (o.replicates) opt.replicates = *o.replicates;
  if (o.bootstrap) opt.bootstrap = *o.bootstrap;
  if (o.seed) opt.seed = *o.seed;
  if (o.threads) opt.threads = *o.threads;
  BenchmarkMethodsRun run;
  run.result = run_method_study(scenarios, opt);
  const StudyResult& r = run.result;
  run.markdown = study_markdown(r, markdown_header(o.scenarios));
  run.json = summary_json(r);
  run.csv = study_summary_csv(r);
  run.files = OutputSet(o.out);
  if (run.files.enabled()) {
    run.files.add("cells.csv", study_cells_csv(r));
    run.files.add("summary.csv", run.csv);
    run.files.add("summary.md", run.markdown);
    run.files.add("summary.json", run.json.dump(2) + "\n");
    for (auto& [name, svg] : study_svgs(r)) run.files.add(name, svg);
  }
  return run;
}

}  // namespace cikit::pipeline
