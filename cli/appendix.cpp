// cikit appendix SPEC --out DIR: the methodology appendix as publication tables and figures, in
// every format. Thin front end over pipeline::run_appendix(): checks the option combinations,
// shows the stages and the progress bar, prints notices and warnings, and lists the files.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/pipeline/appendix.hpp"
#include "methods/report/messages.hpp"

namespace cikit::cli {

namespace {

struct AppendixCliOptions {
  CommonOptions common;
  pipeline::AppendixOptions run;   ///< the analysis options (spec, out, lang, formats from below)
  std::string formats = "md,html,tex,csv,xlsx,svg,docx";
  std::uint64_t seed = 0;          ///< 0 = the spec's methods.seed
  // Options given on the command line (they may not be combined with --config).
  std::vector<std::string> given;
};

/// The usage checks of the option combinations and the --formats list, in the order they apply.
std::vector<std::string> checked_formats(const AppendixCliOptions& o) {
  if (!o.run.config.empty()) {
    if (!o.given.empty())
      throw CLI::ValidationError("--config", "cannot be combined with " + o.given.front() +
                                                 " (the file holds the whole configuration)");
    return {};
  }
  if (o.common.spec.empty()) throw CLI::RequiredError("SPEC (or --config FILE)");
  std::vector<std::string> formats;
  std::stringstream ss(o.formats);
  for (std::string f; std::getline(ss, f, ',');) {
    const auto& all = report::appendix_formats();
    if (std::find(all.begin(), all.end(), f) == all.end())
      throw CLI::ValidationError("--formats", "unknown format '" + f + "' (accepted: md, html, tex, csv, xlsx, svg, docx)");
    formats.push_back(f);
  }
  return formats;
}

/// "Wrote the appendix (...)" and the files of the folder, sorted.
void print_written(const pipeline::AppendixRun& run, const std::string& out, double secs) {
  std::cout << report::msgf("cli.wrote", run.config.lang, run.document.tables().size(), run.document.figures().size(),
                            out, secs)
            << "\n";
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(out)))
    if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) std::cout << "  " << f << "\n";
}

void run_appendix(const AppendixCliOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  pipeline::AppendixOptions po = o.run;
  po.formats = checked_formats(o);
  po.spec = o.common.spec;
  po.out = o.common.out;
  po.lang = o.common.language();
  if (o.seed > 0) po.seed = o.seed;
  if (!po.print_config && po.out.empty()) throw CLI::RequiredError("--out");
  // The bar of the Monte Carlo runs lives from their first report to the next stage.
  std::optional<ProgressBar> bar, boot_bar;
  po.stage = [&bar, &boot_bar](const std::string& s) {
    bar.reset();
    boot_bar.reset();
    progress_stage("appendix", s);
  };
  po.progress = [&bar, &po](std::ptrdiff_t done, std::ptrdiff_t total) {
    if (!bar) bar.emplace("cikit appendix: " + report::msg("cli.stage.runs", po.lang));
    (*bar)(done, total);
  };
  po.bootstrap_progress = [&boot_bar, &po](std::ptrdiff_t done, std::ptrdiff_t total) {
    if (!boot_bar) boot_bar.emplace("cikit appendix: " + report::msg("cli.stage.bootstrap", po.lang));
    (*boot_bar)(done, total);
  };
  const pipeline::AppendixRun run = pipeline::run_appendix(po);
  print_warnings("appendix", run.config_warnings);
  if (po.print_config) {
    std::cout << run.config_yaml;
    return;
  }
  for (const auto& n : run.notices) std::cerr << n << "\n";
  for (const auto& n : pipeline::write_appendix(run)) std::cerr << n << "\n";
  print_warnings("appendix", run.warnings_shown, po.lang);
  print_written(run, o.common.out, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

/// Options of the written files only (they never change a number; allowed with --config).
void add_output_options(CLI::App& sub, pipeline::AppendixOptions& r) {
  sub.add_option("--csv-bom", r.csv_bom,
                 "Start the CSV files with a UTF-8 byte-order mark (Excel on Chinese Windows); false = plain UTF-8")
      ->capture_default_str();
}

}  // namespace

void setup_appendix(CLI::App& app) {
  auto opt = std::make_shared<AppendixCliOptions>();
  pipeline::AppendixOptions& r = opt->run;
  auto* sub = app.add_subcommand(
      "appendix",
      "Write the methodology appendix (indicator system and weights, expert consultation when the spec has "
      "'delphi:', descriptive statistics, reliability, factorability, PCA and parallel analysis, rotated loadings, "
      "convergent and discriminant validity, AHP consistency, weights and rankings compared, and with the spec's "
      "'uncertainty:' block rank intervals, Sobol' indices and leave-one-out; index table; scree plot, correlation "
      "heatmap, weights by method and rank intervals) as Markdown, HTML, "
      "LaTeX, CSV, XLSX, SVG and DOCX (via pandoc), in Chinese or English");
  sub->add_option("spec", opt->common.spec, "Indicator-system spec (YAML); not with --config")->check(CLI::ExistingFile);
  add_common_options(*sub, opt->common, false);
  auto* formats = sub->add_option("--formats", opt->formats, "Comma-separated: md, html, tex, csv, xlsx, svg, docx")
                      ->capture_default_str();
  auto* pstyle = sub->add_option("--pstyle", r.pstyle, "p-value style: auto (zh: Chinese stars, en: APA), chinese, apa")
                     ->check(CLI::IsMember({"auto", "chinese", "apa"}))
                     ->capture_default_str();
  auto* seed = sub->add_option("--seed", opt->seed, "Master seed (default: the spec's methods.seed)");
  auto* boot = sub->add_option("--bootstrap,-B", r.bootstrap, "Bootstrap replicates of the alpha CIs (0 = none)")
                   ->check(CLI::Range(0, 1000000))
                   ->capture_default_str();
  auto* par = sub->add_option("--parallel-replicates", r.parallel, "Random data sets of the parallel analysis")
                  ->check(CLI::Range(2, 100000))
                  ->capture_default_str();
  auto* miss = sub->add_option("--missing", r.missing, "Missing values in covariances and correlations")
                   ->check(CLI::IsMember({"pairwise", "listwise"}))
                   ->capture_default_str();
  auto* reps = sub->add_option("--replicates", r.replicates,
                               "Model runs of the uncertainty analysis (A12-A13; default: uncertainty.replicates of the "
                               "spec, else 10000). A Saltelli design with k inputs makes N(k + 2) runs, N a power of 2: N is the "
                               "smallest with N(k + 2) >= R, so R is rounded up (R = 2000, k = 4: N = 512, 3072 runs) "
                               "and a note on stderr states the runs made")
                   ->check(CLI::Range(1L, 1000000000L));
  auto* sobol = sub->add_option("--sobol", r.sobol,
                                "Base size N of the Saltelli design (N(k + 2) runs; overrides --replicates)")
                    ->check(CLI::Range(2L, 1L << 24));
  auto* sboot = sub->add_option("--sensitivity-bootstrap", r.sensitivity_bootstrap,
                                "Bootstrap resamples over units for the rank intervals (default: uncertainty.bootstrap "
                                "of the spec, else 1000; 0 = none)")
                    ->check(CLI::Range(0L, 1000000L));
  auto* soboot = sub->add_option("--sobol-bootstrap", r.sobol_bootstrap,
                                 "Bootstrap resamples of the Sobol' indices' CIs (0 = none)")
                     ->check(CLI::Range(0, 100000))
                     ->capture_default_str();
  auto* quick = sub->add_flag("--quick", r.quick,
                               fmt::format("Draft in a few seconds: the resampling sizes not given become alpha bootstrap "
                                           "{}, parallel analysis {}, Monte Carlo runs {}, bootstrap over units {}, "
                                           "Sobol' CI resamples {}; the appendix and stderr state what was reduced",
                                           pipeline::kQuickAlphaBootstrap, pipeline::kQuickParallel,
                                           pipeline::kQuickReplicates, pipeline::kQuickUnitsBootstrap,
                                           pipeline::kQuickSobolBootstrap));
  add_output_options(*sub, r);
  sub->add_option("--config", r.config, "Run the configuration printed by --print-config (YAML)")
      ->check(CLI::ExistingFile);
  sub->add_flag("--print-config", r.print_config,
                "Print the effective configuration as YAML (reproduces the run with --config) and exit");
  sub->callback([opt, sub, formats, pstyle, seed, boot, par, miss, reps, sobol, sboot, soboot, quick] {
    opt->given.clear();
    for (const auto* op : {sub->get_option("spec"), sub->get_option("--lang"), formats, pstyle, seed, boot, par, miss,
                           reps, sobol, sboot, soboot, quick})
      if (op->count() > 0) opt->given.push_back(op->get_name());
    run_appendix(*opt);
  });
}

}  // namespace cikit::cli
