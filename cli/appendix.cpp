// cikit appendix SPEC --out DIR: the methodology appendix as publication tables and figures, in
// every format. Thin: reads the configuration, runs the library's analyses, converts them to
// tables (methods/report) and writes the files together at the end.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "cikit/build_info.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/compare/compare.hpp"
#include "methods/core/error.hpp"
#include "methods/core/sha256.hpp"
#include "methods/core/text.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/describe/describe.hpp"
#include "methods/report/compare_tables.hpp"
#include "methods/report/config.hpp"
#include "methods/report/convert.hpp"
#include "methods/report/delphi_tables.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/render.hpp"
#include "methods/report/sensitivity_tables.hpp"
#include "methods/report/tables.hpp"
#include "methods/report/validity_tables.hpp"
#include "methods/report/weights_tables.hpp"
#include "methods/sensitivity/spec_sensitivity.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/compare/weights_report.hpp"

namespace cikit::cli {

namespace {

using report::msg;
using report::msgf;

struct AppendixOptions {
  CommonOptions common;
  std::string formats = "md,html,tex,csv,xlsx,svg,docx";
  std::string pstyle = "auto";
  std::uint64_t seed = 0;
  int bootstrap = 1000;
  int parallel = 100;
  std::string missing = "pairwise";
  DesignSizes sizes;         // -1 = the spec's uncertainty block, else the defaults
  int sobol_bootstrap = 1000;
  std::string config;
  bool print_config = false;
  // Options given on the command line (they may not be combined with --config).
  std::vector<std::string> given;
};

/// The run's configuration: from --config FILE, or from SPEC and the options.
report::AppendixConfig configuration(const AppendixOptions& o, const Spec*& spec_out, std::unique_ptr<Spec>& holder) {
  report::AppendixConfig c;
  if (!o.config.empty()) {
    if (!o.given.empty())
      throw CLI::ValidationError("--config", "cannot be combined with " + o.given.front() +
                                                 " (the file holds the whole configuration)");
    c = report::read_appendix_config(o.config);
  } else {
    if (o.common.spec.empty()) throw CLI::RequiredError("SPEC (or --config FILE)");
    c.spec = o.common.spec;
    c.lang = o.common.language();
    c.pstyle = o.pstyle;
    c.formats.clear();
    std::stringstream ss(o.formats);
    for (std::string f; std::getline(ss, f, ',');) {
      const auto& all = report::appendix_formats();
      if (std::find(all.begin(), all.end(), f) == all.end())
        throw CLI::ValidationError("--formats", "unknown format '" + f + "' (accepted: md, html, tex, csv, xlsx, svg, docx)");
      c.formats.push_back(f);
    }
    c.evidence.bootstrap_replicates = o.bootstrap;
    c.evidence.parallel_replicates = o.parallel;
    c.evidence.missing = o.missing == "listwise" ? MissingRule::Listwise : MissingRule::Pairwise;
    c.sensitivity = {o.sizes.replicates, o.sizes.sobol, o.sizes.bootstrap, o.sobol_bootstrap};
  }
  holder = std::make_unique<Spec>(read_spec(c.spec));
  Spec& spec = *holder;
  if (!c.spec_sha256.empty() && c.spec_sha256 != spec.hash)
    print_warnings("appendix", {fmt::format("the spec '{}' has changed since the configuration was printed "
                                            "(SHA-256 {} there, {} now)", c.spec, c.spec_sha256, spec.hash)});
  c.spec_sha256 = spec.hash;
  const std::uint64_t seed = c.seed_given ? c.index.seed : (o.seed > 0 ? o.seed : spec.config.seed);
  if (c.methods_given) {
    spec.config.normalize = c.index.normalize;
    spec.config.range_lo = c.index.range_lo;
    spec.config.range_hi = c.index.range_hi;
    spec.config.weights = c.index.weights;
    spec.config.aggregate = c.index.aggregate;
    spec.config.missing = c.index.missing;
  }
  spec.config.seed = seed;
  c.index = spec.config;
  c.evidence.seed = seed;
  // Design sizes resolved (given, else the spec's uncertainty block, else the defaults), so that
  // --print-config records what runs.
  SensitivityOptions so;
  apply_design_sizes(so, spec.uncertainty, {c.sensitivity.replicates, c.sensitivity.sobol, c.sensitivity.bootstrap});
  c.sensitivity.replicates = static_cast<long>(so.replicates);
  c.sensitivity.sobol = static_cast<long>(so.sobol_n);
  c.sensitivity.bootstrap = so.bootstrap;
  spec_out = holder.get();
  return c;
}

std::string utc_now() {
  return fmt::format("{:%Y-%m-%d %H:%M} UTC",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
}

void run_appendix(const AppendixOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  const Spec* sp = nullptr;
  std::unique_ptr<Spec> holder;
  const report::AppendixConfig c = configuration(o, sp, holder);
  const Spec& spec = *sp;
  if (o.print_config) {
    std::cout << report::appendix_config_yaml(c, CIKIT_VERSION, kGitCommit);
    return;
  }
  if (o.common.out.empty()) throw CLI::RequiredError("--out");
  const std::set<std::string> formats(c.formats.begin(), c.formats.end());
  const Lang lang = c.lang;
  const IndexConfig& cfg = spec.config;

  const Dataset data = load_data(spec);
  Judgments judgments;
  const WeightInputs inputs = spec_weight_inputs(spec, {cfg.weights}, judgments);
  const IndexResult r = build_index(data, spec.tree, cfg, inputs);
  const DescribeResult d = describe(data);

  const auto name = [lang](const auto& m) { return std::string(lang == Lang::Zh ? m.zh : m.en); };
  const auto& wm = method_info(weight_methods(), cfg.weights);
  const std::string methods_line =
      msgf("repro.methods", lang, name(method_info(normalize_methods(), cfg.normalize)), cfg.range_lo, cfg.range_hi,
           name(wm), name(method_info(aggregate_methods(), cfg.aggregate)),
           name(method_info(missing_policies(), cfg.missing)));

  std::vector<std::string> warnings;
  std::vector<std::string> omitted;  // parts left out, with the reason (the document lists them)
  report::Document doc;
  auto& blocks = doc.blocks;
  blocks.emplace_back(report::indicator_system_table(spec.tree, r.weights, name(wm), lang));
  // Expert consultation comes before the data-based evidence (issue: Delphi, item 6).
  if (!spec.delphi.empty()) {
    const DelphiInput delphi_in = read_delphi(spec.delphi, spec.tree);
    const DelphiResult delphi = analyse_delphi(delphi_in, spec.tree);
    for (auto& t : report::delphi_tables(delphi, delphi_in, spec.tree, lang)) blocks.emplace_back(std::move(t));
  } else {
    omitted.push_back(msg("omit.delphi", lang));
  }
  blocks.emplace_back(report::descriptive_table(spec.tree, d, lang));
  int n_rotated = 0;
  progress_stage("appendix", msg("cli.stage.evidence", lang));
  try {
    const report::Evidence ev = report::compute_evidence(data, spec.tree, c.evidence);
    n_rotated = static_cast<int>(ev.structure.system_varimax.loadings.cols());
    const VerdictTable& verdicts = spec.thresholds;
    report::Table a3 = report::reliability_table(ev, spec.tree, lang);
    a3.interpretation = report::reliability_interpretation(ev, spec.tree, verdicts, lang);
    blocks.emplace_back(std::move(a3));
    blocks.emplace_back(report::item_analysis_table(ev, spec.tree, lang));
    report::Table a5 = report::factorability_table(ev, spec.tree, lang);
    a5.interpretation = report::factorability_interpretation(ev, spec.tree, verdicts, lang);
    blocks.emplace_back(std::move(a5));
    blocks.emplace_back(report::heatmap_figure(ev, spec.tree, lang, "1"));
    report::Table a6 = report::variance_table(ev, lang, "2");
    a6.interpretation = report::variance_interpretation(ev, verdicts, lang);
    blocks.emplace_back(std::move(a6));
    blocks.emplace_back(report::scree_figure(ev, lang, "2"));
    blocks.emplace_back(report::loadings_table(ev, spec.tree, lang));
    auto a8 = report::convergent_tables(ev, spec.tree, lang);
    if (a8.size() == 2) {
      a8[0].interpretation = report::convergent_interpretation(ev, spec.tree, verdicts, lang);
      a8[1].interpretation = report::htmt_interpretation(ev, spec.tree, verdicts, lang);
    }
    for (auto& t : a8) blocks.emplace_back(std::move(t));
    warnings.insert(warnings.end(), ev.warnings.begin(), ev.warnings.end());
  } catch (const InvalidInput& e) {
    // Data the index can use may still be too small for these analyses (too few units per
    // pair): the rest of the appendix is still written.
    warnings.push_back(str_cat("reliability and validity tables (A3-A8) left out: ", e.what()));
    omitted.push_back(msgf("omit.evidence", lang, e.what()));
  } catch (const DomainError& e) {  // e.g. a constant indicator
    warnings.push_back(str_cat("reliability and validity tables (A3-A8) left out: ", e.what()));
    omitted.push_back(msgf("omit.evidence", lang, e.what()));
  }
  progress_stage("appendix", msg("cli.stage.weights", lang));
  // A9 AHP consistency and A10 weights compared, with the weights-by-method figure.
  Judgments all_judgments;
  WeightInputs all_inputs;
  // Every method the spec allows; one the data cannot support (e.g. CRITIC with a constant
  // indicator) is left out of A10/A11 with a warning instead of stopping the appendix.
  std::vector<WeightMethod> all_methods;
  WeightsReport wr;
  for (const WeightMethod m : select_weight_methods(spec, {}, all_inputs, all_judgments)) {
    try {
      wr.methods.push_back(std::move(weights_report(data, spec.tree, cfg, {m}, all_inputs).methods.front()));
      all_methods.push_back(m);
    } catch (const InvalidInput& e) {
      warnings.push_back(str_cat("weights compared (A10, A11): method left out: ", e.what()));
      omitted.push_back(msgf("omit.method", lang, e.what()));
    } catch (const DomainError& e) {
      warnings.push_back(str_cat("weights compared (A10, A11): method left out: ", e.what()));
      omitted.push_back(msgf("omit.method", lang, e.what()));
    }
  }
  const auto& consistency = report::ahp_consistency(wr);
  if (!consistency.empty()) blocks.emplace_back(report::ahp_consistency_table(consistency, spec.tree, lang));
  else {
    warnings.push_back("AHP consistency table (A9) left out: the spec names no judgments");
    omitted.push_back(msg("omit.ahp", lang));
  }
  if (!wr.methods.empty()) {
    for (auto& t : report::weights_compared_tables(wr, spec.tree, lang)) blocks.emplace_back(std::move(t));
    for (auto& f : report::weights_figures(wr, spec.tree, lang, "3")) blocks.emplace_back(std::move(f));
  }
  // A11 rankings compared across the weighting methods, the spec's method as the reference.
  if (all_methods.size() >= 2) {
    const std::vector<CompareScheme> schemes = compare_schemes(cfg, all_methods, {}, {});
    CompareOptions co;
    const auto ref = std::find(all_methods.begin(), all_methods.end(), cfg.weights);
    co.reference = ref == all_methods.end() ? 0 : static_cast<int>(ref - all_methods.begin());
    const CompareResult cr = compare_index(data, spec.tree, schemes, all_inputs, co);
    for (auto& t : report::ranking_comparison_tables(cr, data, lang)) blocks.emplace_back(std::move(t));
  } else {
    warnings.push_back("rankings compared (A11) left out: fewer than 2 weighting methods apply to this spec");
    omitted.push_back(msg("omit.rankings", lang));
  }
  // A12 rank intervals (with their figure), A13 Sobol' indices, A14 leave-one-out: the spec's
  // uncertainty block, run as `cikit sensitivity` runs it.
  std::string sensitivity_line = msg("repro.sensitivity.none", lang);
  if (spec.uncertainty.present) {
    SensitivityOptions so;
    so.seed = cfg.seed;
    so.replicates = c.sensitivity.replicates;
    so.sobol_n = c.sensitivity.sobol;
    so.bootstrap = static_cast<int>(c.sensitivity.bootstrap);
    so.sobol_bootstrap = c.sensitivity.sobol_bootstrap;
    so.unit_sobol = false;  // per-unit indices are not part of the appendix
    progress_stage("appendix", msgf("cli.stage.sensitivity", lang, so.replicates, so.bootstrap));
    ProgressBar bar("cikit appendix: " + msg("cli.stage.runs", lang));
    so.progress = [&bar](Eigen::Index done, Eigen::Index total) { bar(done, total); };
    try {
      Judgments sens_judgments;
      const WeightInputs sens_inputs = spec_weight_inputs(
          spec, uncertainty_weight_methods(cfg.weights, spec.uncertainty), sens_judgments);
      const SensitivityAnalysis sa = analyse_sensitivity(data, spec.tree, cfg, sens_inputs,
                                                         uncertainty_inputs(spec.uncertainty, spec.tree), so);
      warnings.insert(warnings.end(), sa.warnings.begin(), sa.warnings.end());
      if (sa.monte_carlo) {
        const MonteCarloResult& mc = *sa.monte_carlo;
        for (const auto& w : mc.warnings) warnings.push_back("Monte Carlo: " + w);
        blocks.emplace_back(report::rank_interval_table(sa, data, spec.tree, lang));
        for (auto& f : report::rank_intervals_figures(sa, data, lang, "4")) blocks.emplace_back(std::move(f));
        auto a13 = report::sobol_tables(sa, lang);
        if (a13.empty())
          omitted.push_back(msgf("omit.sobol", lang, mc.warnings.empty() ? std::string("-") : mc.warnings.front()));
        for (auto& t : a13) blocks.emplace_back(std::move(t));
        sensitivity_line = msgf("repro.sensitivity", lang, mc.runs, mc.n,
                                msg(sa.design == DesignKind::Sobol ? "a12.design.sobol" : "a12.design.random", lang),
                                so.sobol_bootstrap, so.bootstrap);
      }
      if (sa.leave_one_out) blocks.emplace_back(report::leave_one_out_table(sa, spec.tree, lang));
    } catch (const InvalidInput& e) {
      warnings.push_back(str_cat("uncertainty and sensitivity (A12-A14) left out: ", e.what()));
      omitted.push_back(msgf("omit.sensitivity", lang, e.what()));
    } catch (const DomainError& e) {
      warnings.push_back(str_cat("uncertainty and sensitivity (A12-A14) left out: ", e.what()));
      omitted.push_back(msgf("omit.sensitivity", lang, e.what()));
    }
  } else {
    omitted.push_back(msg("a12.omitted", lang));
  }
  blocks.emplace_back(report::index_table(data, spec.tree, r, methods_line, lang));
  progress_stage("appendix", msg("cli.stage.write", lang));

  // Figures as PDF for LaTeX, when rsvg-convert is available.
  const auto figures = doc.figures();
  std::vector<std::pair<std::string, std::string>> pdfs;
  bool converted = !figures.empty() && formats.count("tex");
  if (converted) {
    for (const auto* f : figures) {
      auto pdf = report::svg_to_pdf(f->svg);
      if (!pdf) {
        converted = false;
        pdfs.clear();
        std::cerr << msg("cli.no_rsvg", lang) << "\n";
        break;
      }
      pdfs.emplace_back(f->id + ".pdf", std::move(*pdf));
    }
  }

  report::DocumentInfo& info = doc.info;
  info.lang = lang;
  info.pstyle = c.pstyle == "apa" || (c.pstyle == "auto" && lang == Lang::En) ? report::PStyle::Apa
                                                                             : report::PStyle::Chinese;
  info.latex_figures = converted;
  info.title = msgf("doc.title", lang, spec.label.get(lang, spec.id));
  const std::string missing_word = msg(c.evidence.missing == MissingRule::Listwise ? "repro.missing.listwise"
                                                                                   : "repro.missing.pairwise", lang);
  info.reproducibility = {
      msgf("repro.version", lang, CIKIT_VERSION, kGitCommit),
      msgf("repro.spec", lang, spec.path, spec.hash),
      msgf("repro.data", lang, spec.data.file_as_written, sha256_file(spec.data.file), data.n_units(),
           data.n_indicators())};
  if (all_inputs.judgments != nullptr || cfg.weights == WeightMethod::Ahp)
    info.reproducibility.push_back(msgf("repro.judgments", lang, spec.judgments.filename().string(), sha256_file(spec.judgments)));
  if (!spec.delphi.empty())
    info.reproducibility.push_back(msgf("repro.delphi", lang, spec.delphi.filename().string(), sha256_file(spec.delphi)));
  info.reproducibility.push_back(msgf("repro.seed", lang, cfg.seed));
  info.reproducibility.push_back(methods_line);
  info.reproducibility.push_back(msgf("repro.reliability", lang,
                                      msg(c.evidence.standardize ? "repro.standardized" : "repro.raw", lang),
                                      missing_word, 100.0 * c.evidence.level,
                                      c.evidence.bootstrap_replicates));
  info.reproducibility.push_back(msgf("repro.validity", lang, missing_word, c.evidence.parallel_replicates,
                                      100.0 * c.evidence.parallel_quantile, n_rotated));
  info.reproducibility.push_back(sensitivity_line);
  info.omitted = omitted;
  info.reproducibility.push_back(
      msgf("repro.output", lang, lang_code(lang), info.pstyle == report::PStyle::Apa ? "APA" : "chinese",
           msg(converted ? "repro.figures.pdf" : "repro.figures.none", lang)));
  info.reproducibility.push_back(msgf("repro.date", lang, utc_now()));

  OutputSet out(o.common.out);
  const bool docx = formats.count("docx") > 0;
  if (formats.count("md") || docx) out.add("appendix.md", report::render_markdown(doc));
  if (formats.count("html")) out.add("appendix.html", report::render_html(doc));
  if (formats.count("tex")) {
    out.add("appendix.tex", report::render_latex(doc));
    for (auto& [file, bytes] : pdfs) out.add(file, std::move(bytes));
  }
  if (formats.count("csv"))
    for (const auto* t : doc.tables()) out.add(t->id + ".csv", report::render_csv(*t));
  if (formats.count("svg") || formats.count("md") || docx)
    for (const auto* f : figures) out.add(f->id + ".svg", f->svg);
  out.write();
  const std::filesystem::path dir(o.common.out);
  if (formats.count("xlsx")) report::write_xlsx(dir / "appendix.xlsx", doc);
  if (docx && !report::markdown_to_docx(dir / "appendix.md", dir / "appendix.docx"))
    std::cerr << msg("cli.no_pandoc", lang) << "\n";
  print_warnings("appendix", warnings);

  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << msgf("cli.wrote", lang, doc.tables().size(), figures.size(), o.common.out, secs) << "\n";
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) std::cout << "  " << f << "\n";
}

}  // namespace

void setup_appendix(CLI::App& app) {
  auto opt = std::make_shared<AppendixOptions>();
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
  auto* pstyle = sub->add_option("--pstyle", opt->pstyle, "p-value style: auto (zh: Chinese stars, en: APA), chinese, apa")
                     ->check(CLI::IsMember({"auto", "chinese", "apa"}))
                     ->capture_default_str();
  auto* seed = sub->add_option("--seed", opt->seed, "Master seed (default: the spec's methods.seed)");
  auto* boot = sub->add_option("--bootstrap,-B", opt->bootstrap, "Bootstrap replicates of the alpha CIs (0 = none)")
                   ->check(CLI::Range(0, 1000000))
                   ->capture_default_str();
  auto* par = sub->add_option("--parallel-replicates", opt->parallel, "Random data sets of the parallel analysis")
                  ->check(CLI::Range(2, 100000))
                  ->capture_default_str();
  auto* miss = sub->add_option("--missing", opt->missing, "Missing values in covariances and correlations")
                   ->check(CLI::IsMember({"pairwise", "listwise"}))
                   ->capture_default_str();
  auto* reps = sub->add_option("--replicates", opt->sizes.replicates,
                               "Model runs of the uncertainty analysis (A12-A13; default: uncertainty.replicates of the "
                               "spec, else 10000); the base size N is the smallest power of 2 with N(k + 2) >= R")
                   ->check(CLI::Range(1L, 1000000000L));
  auto* sobol = sub->add_option("--sobol", opt->sizes.sobol,
                                "Base size N of the Saltelli design (N(k + 2) runs; overrides --replicates)")
                    ->check(CLI::Range(2L, 1L << 24));
  auto* sboot = sub->add_option("--sensitivity-bootstrap", opt->sizes.bootstrap,
                                "Bootstrap resamples over units for the rank intervals (default: uncertainty.bootstrap "
                                "of the spec, else 1000; 0 = none)")
                    ->check(CLI::Range(0L, 1000000L));
  auto* soboot = sub->add_option("--sobol-bootstrap", opt->sobol_bootstrap,
                                 "Bootstrap resamples of the Sobol' indices' CIs (0 = none)")
                     ->check(CLI::Range(0, 100000))
                     ->capture_default_str();
  sub->add_option("--config", opt->config, "Run the configuration printed by --print-config (YAML)")
      ->check(CLI::ExistingFile);
  sub->add_flag("--print-config", opt->print_config,
                "Print the effective configuration as YAML (reproduces the run with --config) and exit");
  sub->callback([opt, sub, formats, pstyle, seed, boot, par, miss, reps, sobol, sboot, soboot] {
    opt->given.clear();
    for (const auto* op : {sub->get_option("spec"), sub->get_option("--lang"), formats, pstyle, seed, boot, par, miss,
                           reps, sobol, sboot, soboot})
      if (op->count() > 0) opt->given.push_back(op->get_name());
    run_appendix(*opt);
  });
}

}  // namespace cikit::cli
