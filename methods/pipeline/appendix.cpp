#include "methods/pipeline/appendix.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/screening.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <optional>
#include <set>

#include "cikit/build_info.hpp"
#include "methods/aggregate/build_index.hpp"
#include "methods/compare/compare.hpp"
#include "methods/compare/weights_report.hpp"
#include "methods/core/criteria.hpp"
#include "methods/core/error.hpp"
#include "methods/core/sha256.hpp"
#include "methods/stats/numeric.hpp"
#include "methods/core/text.hpp"
#include "methods/delphi/delphi_analysis.hpp"
#include "methods/describe/describe.hpp"
#include "methods/report/compare_tables.hpp"
#include "methods/report/convert.hpp"
#include "methods/report/delphi_tables.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/notices.hpp"
#include "methods/report/numbering.hpp"
#include "methods/report/tidy.hpp"
#include "methods/report/docx.hpp"
#include "methods/report/sensitivity_tables.hpp"
#include "methods/report/tables.hpp"
#include "methods/report/validity_summary.hpp"
#include "methods/report/validity_tables.hpp"
#include "methods/report/weights_tables.hpp"
#include "methods/pipeline/sensitivity.hpp"
#include "methods/pipeline/appendix_analyses.hpp"
#include "methods/pipeline/appendix_audit.hpp"
#include "methods/pipeline/appendix_spatial.hpp"
#include "methods/core/panel_data.hpp"
#include "methods/pipeline/appendix_panel.hpp"
#include "methods/pipeline/appendix_cfa.hpp"
#include "methods/pipeline/appendix_parts.hpp"
#include "methods/sensitivity/spec_sensitivity.hpp"
#include "methods/weighting/judgments.hpp"

namespace cikit::pipeline {

namespace {

using report::msg;
using report::msgf;

/// The configuration from the options (no --config file).
report::AppendixConfig config_from_options(const AppendixOptions& o) {
  if (o.spec.empty()) throw InvalidInput("run_appendix: spec is empty, but a spec or a config file is required");
  report::AppendixConfig c;
  c.spec = o.spec;
  c.lang = o.lang;
  c.pstyle = o.pstyle;
  c.formats.clear();
  for (const auto& f : o.formats) {
    const auto& all = report::appendix_formats();
    if (std::find(all.begin(), all.end(), f) == all.end())
      throw InvalidInput("run_appendix: formats: unknown format '" + f +
                         "' (accepted: md, html, tex, csv, xlsx, svg, docx)");
    c.formats.push_back(f);
  }
  if (o.missing != "pairwise" && o.missing != "listwise")
    throw InvalidInput("run_appendix: missing is '" + o.missing + "', but must be pairwise or listwise");
  c.evidence.bootstrap_replicates = o.bootstrap;
  c.evidence.parallel_replicates = o.parallel;
  c.evidence.missing = o.missing == "listwise" ? MissingRule::Listwise : MissingRule::Pairwise;
  c.sensitivity = {o.replicates, o.sobol, o.sensitivity_bootstrap, o.sobol_bootstrap};
  return c;
}

/// The run's configuration: from the config file, or from the spec and the options. Reads the
/// spec into run.spec and applies the configuration's methods and seed to it.
void configure(const AppendixOptions& o, AppendixRun& run) {
  if (!o.config.empty() && !o.spec.empty())
    throw InvalidInput("run_appendix: config cannot be combined with spec (the file holds the whole configuration)");
  if (!o.config.empty() && o.quick)
    throw InvalidInput("run_appendix: quick cannot be combined with config (the file holds the resampling sizes)");
  report::AppendixConfig c = o.config.empty() ? config_from_options(o) : report::read_appendix_config(o.config);
  run.spec = read_spec_with(c.spec);
  Spec& spec = run.spec;
  if (!c.spec_sha256.empty() && c.spec_sha256 != spec.hash)
    run.config_warnings.push_back(fmt::format("the spec '{}' has changed since the configuration was printed "
                                              "(SHA-256 {} there, {} now)", c.spec, c.spec_sha256, spec.hash));
  c.spec_sha256 = spec.hash;
  const std::uint64_t seed = c.seed_given ? c.index.seed : (o.seed ? *o.seed : spec.config.seed);
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
  // print_config records what runs.
  cikit::SensitivityOptions so;
  apply_design_sizes(so, spec.uncertainty, {c.sensitivity.replicates, c.sensitivity.sobol, c.sensitivity.bootstrap});
  if (o.quick) quick_sizes(o, spec, c, so, run);
  c.sensitivity.replicates = static_cast<long>(so.replicates);
  c.sensitivity.sobol = static_cast<long>(so.sobol_n);
  c.sensitivity.bootstrap = so.bootstrap;
  run.config = c;
}

std::string utc_now() {
  return fmt::format("{:%Y-%m-%d %H:%M} UTC",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
}

/// What the parts of the appendix share while it is built.
struct Build {
  const AppendixOptions& o;
  AppendixRun& run;
  const Spec& spec;
  const Dataset& data;
  Lang lang;
  std::vector<report::Block>& blocks;
  std::vector<std::string> omitted;  ///< parts left out, with the reason (the document lists them)
  int n_rotated = 0;                 ///< rotated components of A7
  WeightInputs all_inputs;           ///< of every weighting method (A9-A11)
  Judgments all_judgments;
  std::vector<WeightMethod> all_methods;  ///< the weighting methods of A10 that the data support
  std::string sensitivity_line;      ///< reproducibility line of A12-A14
  std::vector<Notice>* adjustments = nullptr;  ///< the run's adjustments (notes under the tables, B2)
  const IndexResult* index = nullptr;          ///< the index the appendix reports (criterion validity)
  std::size_t section_at = 0;        ///< index in blocks of the open section's heading
  std::vector<std::string> section_omitted;  ///< parts of the open section left out

  void stage(const std::string& s) const {
    if (o.stage) o.stage(s);
  }
  void omit(const std::string& note) {
    omitted.push_back(note);
    section_omitted.push_back(note);
  }
  void left_out(const std::string& warning, const std::string& note) {
    run.warnings.push_back(warning);
    omit(note);
  }
};

/// The tables (by id) under which each kind of adjustment is noted.
const std::vector<std::pair<std::string, std::vector<std::string>>>& notes_by_table() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> map = {
      {"A1_indicator_system", {"combine.negative", "weights.units_dropped"}},
      {"A2_descriptive_statistics", {"treat.imputed", "treat.winsorised", "treat.transformed"}},
      {"A10_local_weights", {"combine.negative"}},
      {"A12_rank_intervals", {"design.random"}},
      {"index_scores", {"units.no_score", "units.dropped_listwise", "missing.available"}}};
  return map;
}

/// The table with numbered notes for the adjustments noted under it (those known when it is
/// built: the sensitivity fallback is added before A12 is).
report::Table noted(const Build& b, report::Table t) {
  for (const auto& [id, keys] : notes_by_table())
    if (id == t.id) report::add_notice_notes(t, *b.adjustments, keys, b.spec.tree, &b.data, b.lang);
  // What reading the data changed, in the document's language: denominators zero or missing
  // under A1 (which shows the denominators), Excel error values and full-width digits read as
  // missing or numbers under A2 (the data).
  const std::string prefix = t.id == "A1_indicator_system"         ? "indicator '"
                             : t.id == "A2_descriptive_statistics" ? "column '"
                                                                   : "";
  // Cells are located by the data file's name only (the folder it was read from is the user's).
  const std::string path = b.spec.data.file.string(), name = b.spec.data.file.filename().string();
  if (!prefix.empty())
    for (const auto& w : b.data.warnings)
      if (w.rfind(prefix, 0) == 0) {
        std::string note = report::localised_warnings({w}, {}, b.spec.tree, &b.data, b.lang).front();
        for (std::size_t at = 0; !path.empty() && (at = note.find(path, at)) != std::string::npos; at += name.size())
          note.replace(at, path.size(), name);
        t.notes.push_back(std::move(note));
      }
  return t;
}

/// Table B2: every adjustment, one row each, with the numbers of the tables that note it.
void adjustments_block(Build& b) {
  std::map<std::string, std::string> number_of;
  for (const auto* t : b.run.document.tables()) number_of[t->id] = t->number;
  const auto noted_under = [&](const std::string& key) {
    std::string out;
    for (const auto& [id, keys] : notes_by_table())
      if (number_of.count(id) && std::find(keys.begin(), keys.end(), key) != keys.end())
        out += (out.empty() ? "" : msg("interp.list_sep", b.lang)) + number_of[id];
    return out;
  };
  b.blocks.emplace_back(report::adjustments_table(*b.adjustments, b.spec.tree, &b.data, b.lang, noted_under));
}

/// B2's "noted under" column holds the builders' provisional table numbers: give them the
/// numbers number_by_section() assigned.
void renumber_adjustments(report::Document& doc, const report::Renumbering& renumbered, Lang lang) {
  const std::string sep = msg("interp.list_sep", lang);
  for (auto& block : doc.blocks) {
    auto* t = std::get_if<report::Table>(&block);
    if (t == nullptr || t->id != "B2_adjustments") continue;
    for (auto& row : t->rows) {
      if (row.empty()) continue;
      std::string& cell = row.back().text;
      std::string out;
      for (std::size_t start = 0; start <= cell.size() && !cell.empty();) {
        const std::size_t end = std::min(cell.find(sep, start), cell.size());
        const std::string num = cell.substr(start, end - start);
        const auto it = renumbered.tables.find(num);
        out += (out.empty() ? "" : sep) + (it != renumbered.tables.end() ? it->second : num);
        start = end + sep.size();
      }
      cell = out;
    }
  }
}


/// Closes the open section: one without tables or figures says why under its heading.
void close_section(Build& b) {
  if (b.blocks.empty()) return;
  if (b.section_at + 1 == b.blocks.size()) {
    auto& s = std::get<report::Section>(b.blocks[b.section_at]);
    for (const auto& why : b.section_omitted) s.text.push_back(msgf("section.empty", b.lang, why));
  }
  b.section_omitted.clear();
}

/// Opens the next numbered section (its number is set by number_by_section()).
void open_section(Build& b, const char* key) {
  close_section(b);
  report::Section s;
  s.key = key;
  s.title = msg(str_cat("section.", key), b.lang);
  s.lang = b.lang;
  b.section_at = b.blocks.size();
  b.blocks.emplace_back(std::move(s));
}

/// The Delphi tables D1-D3 (expert consultation).
void delphi_blocks(Build& b, const DelphiInput& in, const DelphiResult& delphi) {
  std::vector<std::string> final_ids;  // the final system's indicators (content validity of the final system)
  for (int i : b.spec.tree.leaves()) final_ids.push_back(b.spec.tree.node(i).id);
  for (auto& t : report::delphi_tables(delphi, in, proposed_tree(b.spec), b.lang, final_ids))
    b.blocks.emplace_back(std::move(t));
}

/// The construction of the indicator system (S1, S2), before A1: proposed system, each round's
/// deletions and revisions with their reasons, final system (or why the screening is not applied).
void construction_story_blocks(Build& b, const DelphiInput& in, const DelphiResult& res) {
  const DelphiKey key = delphi_key(b.spec);
  const report::ConstructionInput c{proposed_tree(b.spec), b.spec.tree, key.screened_out, key.apply, key.reason};
  for (auto& t : report::construction_tables(res, in, c, b.lang)) b.blocks.emplace_back(std::move(t));
}

/// Criterion validity of the index and its first-level dimensions (the spec's `criteria:`),
/// on the scores of the index the appendix reports, as `cikit validity` computes it.
std::vector<CriterionCorrelation> criterion_correlations(const Build& b) {
  if (b.spec.criteria.empty()) return {};
  const Dataset crit = load_criteria(b.spec);
  const IndicatorTree& tree = b.spec.tree;
  const auto& dims = tree.node(tree.root()).children;
  Eigen::MatrixXd scores(b.data.n_units(), static_cast<Eigen::Index>(dims.size()) + 1);
  std::vector<std::string> names = {b.spec.id};
  scores.col(0) = b.index->scores.col(tree.root());
  for (std::size_t d = 0; d < dims.size(); ++d) {
    scores.col(static_cast<Eigen::Index>(d) + 1) = b.index->scores.col(dims[d]);
    names.push_back(tree.node(dims[d]).id);
  }
  return criterion_validity(scores, names, crit.values, crit.indicator_ids);
}

/// A8-3 criterion validity (when the spec names criteria) and the overall conclusion on
/// structural validity under the last validity table.
void validity_close(Build& b, const report::Evidence& ev) {
  const std::vector<CriterionCorrelation> crit = criterion_correlations(b);
  const auto conclusion = report::validity_conclusion(ev, b.spec.tree, b.spec.thresholds, crit, b.spec.criteria,
                                                      b.spec.id, b.lang);
  if (!crit.empty()) {
    report::Table t = report::criterion_table(crit, b.spec.criteria, b.spec.tree, b.spec.id, b.spec.thresholds, b.lang);
    t.interpretation.insert(t.interpretation.end(), conclusion.begin(), conclusion.end());
    b.blocks.emplace_back(std::move(t));
    return;
  }
  for (auto it = b.blocks.rbegin(); it != b.blocks.rend(); ++it)
    if (auto* t = std::get_if<report::Table>(&*it)) {
      t->interpretation.insert(t->interpretation.end(), conclusion.begin(), conclusion.end());
      return;
    }
}

/// The evidence of A3-A8 (reliability and validity), or nothing when the data cannot give it
/// (too few units per pair, a constant indicator): the rest of the appendix is still written.
std::optional<report::Evidence> compute_evidence(Build& b) {
  const Lang lang = b.lang;
  try {
    report::Evidence ev = report::compute_evidence(b.data, b.spec.tree, b.run.config.evidence);
    b.n_rotated = static_cast<int>(ev.structure.system_varimax.loadings.cols());
    b.run.warnings.insert(b.run.warnings.end(), ev.warnings.begin(), ev.warnings.end());
    return ev;
  } catch (const InvalidInput& e) {
    b.left_out(str_cat("reliability and validity tables (A3-A8) left out: ", e.what()), msgf("omit.evidence", lang, report::localised_reason(e.what(), lang)));
  } catch (const DomainError& e) {
    b.left_out(str_cat("reliability and validity tables (A3-A8) left out: ", e.what()), msgf("omit.evidence", lang, report::localised_reason(e.what(), lang)));
  }
  return std::nullopt;
}

/// Section 1: the construction of the indicator system. The final system with its weights (A1),
/// then the expert consultation that screened it (Delphi tables D1-D3). The construction story
/// (proposed system -> each round's deletions and modifications -> final system) opens the
/// section, before A1.
void construction_blocks(Build& b, const IndexResult& r, const std::string& weight_method) {
  if (b.spec.delphi.empty()) {
    b.blocks.emplace_back(noted(b, report::indicator_system_table(b.spec.tree, r.weights, weight_method, b.lang)));
    add_method_notes(b.spec, std::get<report::Table>(b.blocks.back()), b.lang);
    b.omit(msg("omit.delphi", b.lang));
    return;
  }
  // The consultation rates the proposed system; read and analysed once for the story and D1-D3.
  const IndicatorTree& proposed = proposed_tree(b.spec);
  const DelphiInput in = read_delphi(b.spec.delphi, proposed);
  const DelphiResult delphi = analyse_delphi(in, proposed);
  construction_story_blocks(b, in, delphi);
  b.blocks.emplace_back(noted(b, report::indicator_system_table(b.spec.tree, r.weights, weight_method, b.lang)));
  add_method_notes(b.spec, std::get<report::Table>(b.blocks.back()), b.lang);
  delphi_blocks(b, in, delphi);
}

/// A3 reliability and A4 item analysis.
void reliability_blocks(Build& b, const report::Evidence& ev) {
  const Lang lang = b.lang;
  const IndicatorTree& tree = b.spec.tree;
  report::Table a3 = report::reliability_table(ev, tree, lang);
  a3.interpretation = report::reliability_interpretation(ev, tree, b.spec.thresholds, lang);
  b.blocks.emplace_back(std::move(a3));
  report::Table a4 = report::item_analysis_table(ev, tree, lang);
  a4.interpretation = report::reliability_conclusion(ev, tree, b.spec.thresholds, lang);
  b.blocks.emplace_back(std::move(a4));
}

/// A15 CFA fit, A16 CFA loadings with CR/AVE, and the CFA variant of A8 (appendix_cfa.hpp).
void cfa_blocks(Build& b) {
  for (const auto& [warning, note] : append_cfa_blocks(b.blocks, b.spec, b.data, *b.index, b.lang, b.run.warnings))
    b.left_out(warning, note);
}

/// A5-A8 validity, with the heatmap and scree figures, then the CFA tables (A15, A16, A8 CFA).
void validity_blocks(Build& b, const report::Evidence& ev) {
  const Lang lang = b.lang;
  const IndicatorTree& tree = b.spec.tree;
  const VerdictTable& verdicts = b.spec.thresholds;
  report::Table a5 = report::factorability_table(ev, tree, lang);
  a5.interpretation = report::factorability_interpretation(ev, tree, verdicts, lang);
  b.blocks.emplace_back(std::move(a5));
  b.blocks.emplace_back(report::heatmap_figure(ev, tree, lang, "1"));
  report::Table a6 = report::variance_table(ev, lang, "2");
  a6.interpretation = report::variance_interpretation(ev, verdicts, lang);
  b.blocks.emplace_back(std::move(a6));
  b.blocks.emplace_back(report::scree_figure(ev, lang, "2"));
  b.blocks.emplace_back(report::dimension_parallel_table(ev, tree, lang));
  b.blocks.emplace_back(report::loadings_table(ev, tree, lang));
  auto a8 = report::convergent_tables(ev, tree, lang);
  if (a8.size() == 2) {
    a8[0].interpretation = report::convergent_interpretation(ev, tree, verdicts, lang);
    a8[1].interpretation = report::htmt_interpretation(ev, tree, verdicts, lang);
  }
  for (auto& t : a8) b.blocks.emplace_back(std::move(t));
  cfa_blocks(b);
  validity_close(b, ev);
}

/// A9 AHP consistency, A10 weights compared (with the weights-by-method figure).
void weights_blocks(Build& b) {
  const Lang lang = b.lang;
  const IndexConfig& cfg = b.spec.config;
  // Every method the spec allows; one the data cannot support (e.g. CRITIC with a constant
  // indicator) is left out of A10/A11 with a warning instead of stopping the appendix.
  std::vector<WeightMethod>& all_methods = b.all_methods;
  WeightsReport wr;
  for (const WeightMethod m : select_weight_methods(b.spec, {}, b.all_inputs, b.all_judgments)) {
    try {
      wr.methods.push_back(std::move(weights_report(b.data, b.spec.tree, cfg, {m}, b.all_inputs).methods.front()));
      all_methods.push_back(m);
    } catch (const InvalidInput& e) {
      b.left_out(str_cat("weights compared (A10, A11): method left out: ", e.what()), msgf("omit.method", lang, report::localised_reason(e.what(), lang)));
    } catch (const DomainError& e) {
      b.left_out(str_cat("weights compared (A10, A11): method left out: ", e.what()), msgf("omit.method", lang, report::localised_reason(e.what(), lang)));
    }
  }
  const auto& consistency = report::ahp_consistency(wr);
  if (!consistency.empty()) b.blocks.emplace_back(report::ahp_consistency_table(consistency, b.spec.tree, lang));
  else b.left_out("AHP consistency table (A9) left out: the spec names no judgments", msg("omit.ahp", lang));
  if (!wr.methods.empty()) {
    for (auto& t : report::weights_compared_tables(wr, b.spec.tree, lang)) b.blocks.emplace_back(noted(b, std::move(t)));
    for (auto& f : report::weights_figures(wr, b.spec.tree, lang, "3")) b.blocks.emplace_back(std::move(f));
  }
}

/// A11 rankings compared across the weighting methods of A10, the spec's method as the reference.
void rankings_blocks(Build& b) {
  const Lang lang = b.lang;
  const IndexConfig& cfg = b.spec.config;
  const std::vector<WeightMethod>& all_methods = b.all_methods;
  if (all_methods.size() >= 2) {
    const std::vector<CompareScheme> schemes = compare_schemes(cfg, all_methods, {}, {});
    cikit::CompareOptions co;  // the library's, not a pipeline options struct
    const auto ref = std::find(all_methods.begin(), all_methods.end(), cfg.weights);
    co.reference = ref == all_methods.end() ? 0 : static_cast<int>(ref - all_methods.begin());
    const CompareResult cr = compare_index(b.data, b.spec.tree, schemes, b.all_inputs, co);
    for (auto& t : report::ranking_comparison_tables(cr, b.data, lang)) b.blocks.emplace_back(std::move(t));
  } else {
    b.left_out("rankings compared (A11) left out: fewer than 2 weighting methods apply to this spec",
               msg("omit.rankings", lang));
  }
}

/// The analysis of A12-A14 and its tables (the spec's uncertainty block, run as `cikit
/// sensitivity` runs it).
void run_sensitivity_part(Build& b, const cikit::SensitivityOptions& so) {
  const Lang lang = b.lang;
  const IndexConfig& cfg = b.spec.config;
  Judgments sens_judgments;
  const WeightInputs sens_inputs =
      spec_weight_inputs(b.spec, uncertainty_weight_methods(cfg.weights, b.spec.uncertainty), sens_judgments);
  // The bootstrap over units runs below, not inside analyse_sensitivity: A12 reports only its
  // rank intervals, so the per-node alpha/KMO intervals (23 % of the bootstrap's time on the
  // example) are not computed. Same replicates (stream (seed, Bootstrap, b)), same ranks.
  cikit::SensitivityOptions without_bootstrap = so;
  without_bootstrap.bootstrap = 0;
  SensitivityAnalysis sa = analyse_sensitivity(b.data, b.spec.tree, cfg, sens_inputs,
                                               uncertainty_inputs(b.spec.uncertainty, b.spec.tree), without_bootstrap);
  if (so.bootstrap > 0) {
    IndexBootstrapOptions bo;
    bo.replicates = so.bootstrap;
    bo.seed = so.seed;
    bo.threads = so.threads;
    bo.reliability = false;
    bo.omega = false;
    bo.progress = so.bootstrap_progress;
    sa.bootstrap = bootstrap_index(b.data, b.spec.tree, cfg, sens_inputs, bo);
  }
  b.run.warnings.insert(b.run.warnings.end(), sa.warnings.begin(), sa.warnings.end());
  b.adjustments->insert(b.adjustments->end(), sa.notices.begin(), sa.notices.end());
  if (sa.monte_carlo) {
    const MonteCarloResult& mc = *sa.monte_carlo;
    for (const auto& w : mc.warnings) b.run.warnings.push_back("Monte Carlo: " + w);
    if (std::string n = design_note(mc, so, lang); !n.empty()) b.run.notices.push_back(std::move(n));
    b.blocks.emplace_back(noted(b, report::rank_interval_table(sa, b.data, b.spec.tree, lang)));
    for (auto& f : report::rank_intervals_figures(sa, b.data, lang, "4")) b.blocks.emplace_back(std::move(f));
    auto a13 = report::sobol_tables(sa, lang);
    if (a13.empty())
      b.omit(msgf("omit.sobol", lang, mc.warnings.empty() ? std::string("-") : report::localised_reason(mc.warnings.front(), lang)));
    for (auto& t : a13) b.blocks.emplace_back(std::move(t));
    b.sensitivity_line = msgf("repro.sensitivity", lang, mc.runs, mc.n,
                              msg(sa.design == DesignKind::Sobol ? "a12.design.sobol" : "a12.design.random", lang),
                              so.sobol_bootstrap, so.bootstrap);
  }
  if (sa.leave_one_out) b.blocks.emplace_back(report::leave_one_out_table(sa, b.spec.tree, lang));
}

/// A12 rank intervals (with their figure), A13 Sobol' indices, A14 leave-one-out.
void sensitivity_blocks(Build& b) {
  const Lang lang = b.lang;
  b.sensitivity_line = msg("repro.sensitivity.none", lang);
  if (!b.spec.uncertainty.present) {
    b.omit(msg("a12.omitted", lang));
    return;
  }
  const report::AppendixConfig& c = b.run.config;
  cikit::SensitivityOptions so;
  so.seed = b.spec.config.seed;
  so.replicates = c.sensitivity.replicates;
  so.sobol_n = c.sensitivity.sobol;
  so.bootstrap = static_cast<int>(c.sensitivity.bootstrap);
  so.sobol_bootstrap = c.sensitivity.sobol_bootstrap;
  so.unit_sobol = false;  // per-unit indices are not part of the appendix
  so.progress = b.o.progress;
  so.bootstrap_progress = b.o.bootstrap_progress;
  b.stage(msgf("cli.stage.sensitivity", lang, so.replicates, so.bootstrap));
  try {
    run_sensitivity_part(b, so);
  } catch (const InvalidInput& e) {
    b.left_out(str_cat("uncertainty and sensitivity (A12-A14) left out: ", e.what()),
               msgf("omit.sensitivity", lang, report::localised_reason(e.what(), lang)));
  } catch (const DomainError& e) {
    b.left_out(str_cat("uncertainty and sensitivity (A12-A14) left out: ", e.what()),
               msgf("omit.sensitivity", lang, report::localised_reason(e.what(), lang)));
  }
}

/// A file of the run as a path relative to the spec's folder (the spec itself: its file name),
/// so that the reproducibility block holds no local absolute path.
std::string spec_relative(const Spec& spec, const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path spec_dir = fs::absolute(fs::path(spec.path), ec).parent_path();
  const fs::path abs = fs::absolute(file, ec);
  fs::path rel = abs.lexically_normal().lexically_relative(spec_dir.lexically_normal());
  if (ec || rel.empty()) rel = file.filename();
  return rel.generic_string();
}

/// The document information: language, p style, title and the reproducibility record.
void document_info(Build& b, const std::string& methods_line, bool converted) {
  const Lang lang = b.lang;
  const report::AppendixConfig& c = b.run.config;
  const Spec& spec = b.spec;
  const IndexConfig& cfg = spec.config;
  report::DocumentInfo& info = b.run.document.info;
  info.lang = lang;
  info.pstyle = c.pstyle == "apa" || (c.pstyle == "auto" && lang == Lang::En) ? report::PStyle::Apa
                                                                             : report::PStyle::Chinese;
  info.latex_figures = converted;
  info.title = msgf("doc.title", lang, spec.label.get(lang, spec.id));
  const std::string missing_word = msg(c.evidence.missing == MissingRule::Listwise ? "repro.missing.listwise"
                                                                                   : "repro.missing.pairwise", lang);
  info.reproducibility = {
      msgf("repro.version", lang, CIKIT_VERSION, kGitCommit),
      msgf("repro.spec", lang, spec_relative(spec, spec.path), spec.hash),
      msgf("repro.data", lang, spec_relative(spec, spec.data.file), sha256_file(spec.data.file), b.data.n_units(),
           b.data.n_indicators())};
  std::string denominators;
  for (int i : spec.tree.leaves()) {
    const Node& n = spec.tree.node(i);
    if (n.denominator.empty()) continue;
    denominators += fmt::format("{}{} = {} / ({} / {:g})", denominators.empty() ? "" : "; ", n.id, n.column,
                                n.denominator, n.scale);
  }
  if (!denominators.empty()) info.reproducibility.push_back(msgf("repro.denominators", lang, denominators));
  if (b.all_inputs.judgments != nullptr || cfg.weights == WeightMethod::Ahp)
    info.reproducibility.push_back(msgf("repro.judgments", lang, spec_relative(spec, spec.judgments), sha256_file(spec.judgments)));
  if (!spec.delphi.empty())
    info.reproducibility.push_back(msgf("repro.delphi", lang, spec_relative(spec, spec.delphi), sha256_file(spec.delphi)));
  info.reproducibility.push_back(msgf("repro.seed", lang, cfg.seed));
  info.reproducibility.push_back(methods_line);
  info.reproducibility.push_back(msgf("repro.reliability", lang,
                                      msg(c.evidence.standardize ? "repro.standardized" : "repro.raw", lang),
                                      missing_word, 100.0 * c.evidence.level, c.evidence.bootstrap_replicates));
  info.reproducibility.push_back(msgf("repro.validity", lang, missing_word, c.evidence.parallel_replicates,
                                      100.0 * c.evidence.parallel_quantile, b.n_rotated));
  info.reproducibility.push_back(b.sensitivity_line);
  info.omitted = b.omitted;
  info.reproducibility.push_back(
      msgf("repro.output", lang, lang_code(lang), info.pstyle == report::PStyle::Apa ? "APA" : "chinese",
           msg(converted ? "repro.figures.pdf" : "repro.figures.none", lang)));
  if (!b.run.quick_note.empty()) info.reproducibility.push_back(b.run.quick_note);
  info.reproducibility.push_back(msgf("repro.date", lang, utc_now()));
}

/// Figures as PDF for LaTeX (rendered in-process by librsvg: report::svg_to_pdf), when the
/// LaTeX file is asked for.
std::vector<std::pair<std::string, std::string>> figure_pdfs(Build& b, const std::set<std::string>& formats) {
  std::vector<std::pair<std::string, std::string>> pdfs;
  const auto figures = b.run.document.figures();
  if (figures.empty() || !formats.count("tex")) return pdfs;
  const std::vector<std::string> rendered = figures_as_pdf(figures);
  for (std::size_t i = 0; i < figures.size(); ++i) pdfs.emplace_back(figures[i]->id + ".pdf", rendered[i]);
  return pdfs;
}

/// The rendered files of the formats asked for.
void render_outputs(AppendixRun& run, const std::set<std::string>& formats,
                    std::vector<std::pair<std::string, std::string>> pdfs, bool csv_bom) {
  // Excel on Chinese (and other non-UTF-8) Windows reads a CSV file as UTF-8 only after a BOM.
  const std::string bom = csv_bom ? "\xEF\xBB\xBF" : "";
  const report::Document& doc = run.document;
  OutputSet& out = run.outputs;
  if (formats.count("md")) out.add("appendix.md", report::render_markdown(doc));
  if (formats.count("html")) out.add("appendix.html", report::render_html(doc));
  if (formats.count("tex")) {
    out.add("appendix.tex", report::render_latex(doc));
    for (auto& [file, bytes] : pdfs) out.add(file, std::move(bytes));
  }
  if (formats.count("csv"))
    for (const auto* t : doc.tables()) out.add(t->id + ".csv", bom + report::render_csv(*t));
  if (formats.count("svg") || formats.count("md") || run.docx)
    for (const auto* f : doc.figures()) out.add(f->id + ".svg", f->svg);
  if (run.docx) {  // native Word: figures as PNG rendered from the SVG (kept next to it and inside)
    const auto figures = doc.figures();
    const std::vector<report::RasterImage> pngs = figures_as_png(figures);
    out.add("appendix.docx", report::render_docx(doc, pngs));
  }
}

}  // namespace

AppendixRun run_appendix(const AppendixOptions& o) {
  AppendixRun run;
  configure(o, run);
  if (o.print_config) {
    run.config_yaml = report::appendix_config_yaml(run.config, CIKIT_VERSION, kGitCommit);
    return run;
  }
  if (o.out.empty()) throw InvalidInput("run_appendix: out is empty, but the appendix needs an output folder");
  const std::set<std::string> formats(run.config.formats.begin(), run.config.formats.end());
  run.xlsx = formats.count("xlsx") > 0;
  run.docx = formats.count("docx") > 0;
  const Lang lang = run.config.lang;
  const Spec& spec = run.spec;
  const IndexConfig& cfg = spec.config;
  if (!run.quick_note.empty()) run.notices.push_back(run.quick_note);

  const Dataset data = load_data(spec);
  Judgments judgments;
  const WeightInputs inputs = spec_weight_inputs(spec, {cfg.weights}, judgments);
  // A panel spec (data.time): the latest period as the panel builds it (pooled or reference
  // constants and weights), so that its table of scores agrees with table P1.
  const IndexResult r =
      is_panel(spec) ? panel_latest_index(spec, inputs) : build_index(data, spec.tree, cfg, inputs);
  const DescribeResult d = describe(data);
  const auto name = [lang](const auto& m) { return std::string(lang == Lang::Zh ? m.zh : m.en); };
  const auto& wm = method_info(weight_methods(), cfg.weights);
  const std::string methods_line =
      msgf("repro.methods", lang, name(method_info(normalize_methods(), cfg.normalize)), cfg.range_lo, cfg.range_hi,
           name(wm), name(method_info(aggregate_methods(), cfg.aggregate)),
           name(method_info(missing_policies(), cfg.missing)));

  run.adjustments = r.notices;
  run.warnings = data.warnings;  // reading the data (Excel errors, full-width digits, denominators)
  run.warnings.insert(run.warnings.end(), r.warnings.begin(), r.warnings.end());  // the index's own
  Build b{o, run, spec, data, lang, run.document.blocks};
  b.adjustments = &run.adjustments;
  b.index = &r;
  // One numbered section per step of the method (a methods chapter); number_by_section()
  // numbers the tables and figures within them.
  open_section(b, "construction");
  construction_blocks(b, r, name(wm));
  open_section(b, "data");
  b.blocks.emplace_back(noted(b, report::descriptive_table(spec.tree, d, lang)));
  b.stage(msg("cli.stage.evidence", lang));
  const std::optional<report::Evidence> ev = compute_evidence(b);
  open_section(b, "reliability");
  if (ev) reliability_blocks(b, *ev);
  else b.section_omitted = {b.omitted.back()};
  open_section(b, "validity");
  if (ev) {
    validity_blocks(b, *ev);
  } else {
    b.section_omitted = {b.omitted.back()};
    cfa_blocks(b);
  }
  b.stage(msg("cli.stage.weights", lang));
  open_section(b, "weights");
  weights_blocks(b);
  open_section(b, "robustness");
  rankings_blocks(b);
  sensitivity_blocks(b);
  // The statistical-coherence audit (C1-C4, its figure) closes the robustness section.
  b.stage(msg("cli.stage.audit", lang));
  for (const auto& [warning, note] : append_audit_blocks(b.blocks, spec, data, r, lang)) b.left_out(warning, note);
  b.stage(msg("cli.stage.analyses", lang));
  open_section(b, "results");
  b.blocks.emplace_back(noted(b, report::index_table(data, spec.tree, r, methods_line, lang)));
  // Panel data (data.time): every period's scores, trends and α after the latest period's results.
  for (const auto& [warning, note] : append_panel_blocks(b.blocks, spec, lang)) b.left_out(warning, note);
  adjustments_block(b);
  // The analyses of the index: disparity, density and spatial autocorrelation (E1-E6) when the
  // configuration names them, then coupling coordination (K1, K2) and obstacle degree (O1, O2).
  open_section(b, "analyses");
  for (const auto& [warning, note] : append_spatial_blocks(b.blocks, spec, data, r, run.config.analyses, lang))
    b.left_out(warning, note);
  for (const auto& [warning, note] : append_analysis_blocks(b.blocks, spec, data, r, run.config.analyses, lang))
    b.left_out(warning, note);
  close_section(b);
  const report::Renumbering renumbered = report::number_by_section(run.document);
  renumber_adjustments(run.document, renumbered, lang);
  for (auto& block : run.document.blocks)
    if (auto* t = std::get_if<report::Table>(&block)) report::tidy_for_reading(*t);
  b.stage(msg("cli.stage.figures", lang));
  auto pdfs = figure_pdfs(b, formats);
  b.stage(msg("cli.stage.write", lang));
  document_info(b, methods_line, !pdfs.empty());
  run.outputs = OutputSet(o.out);
  render_outputs(run, formats, std::move(pdfs), o.csv_bom);
  run.warnings_shown = report::localised_warnings(run.warnings, run.adjustments, spec.tree, &data, lang);
  return run;
}

std::vector<std::string> write_appendix(const AppendixRun& run) {
  run.outputs.write();
  const std::filesystem::path dir(run.outputs.dir());
  if (run.xlsx) report::write_xlsx(dir / "appendix.xlsx", run.document);
  return {};
}

}  // namespace cikit::pipeline
