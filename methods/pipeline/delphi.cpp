#include "methods/pipeline/delphi.hpp"

#include <fmt/format.h>

#include <cmath>

#include "methods/core/error.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/screening.hpp"

namespace cikit::pipeline {

namespace {

std::string g17(double v) { return fmt::format("{:.17g}", v); }

nlohmann::json kendall_json(const KendallResult& k) {
  return {{"orientation", "rows = experts (judges), columns = indicators; ranks within expert, mid-ranks for ties"},
          {"m_experts", k.n_experts},
          {"n_indicators", k.n_indicators},
          {"S", k.s},
          {"ties_T", k.ties},
          {"W", k.w},
          {"W_uncorrected", k.w_uncorrected},
          {"chi2", k.chi2},
          {"chi2_uncorrected", k.chi2_uncorrected},
          {"df", k.df},
          {"p", k.p},
          {"p_uncorrected", k.p_uncorrected},
          {"F", json_num(k.f)},
          {"F_df1", k.f_df1},
          {"F_df2", k.f_df2},
          {"p_F", json_num(k.p_f)},
          {"permutations", k.permutations},
          {"p_permutation", json_num(k.p_permutation)}};
}

nlohmann::json conventions_json(const DelphiInput& in) {
  return {
      {"sd", "n - 1"},
      {"cv", "SD / mean"},
      {"full_score", in.full_score == FullScoreRule::ScaleMaximum ? "scale maximum" : "observed maximum (SPSSAU)"},
      {"kendall", "tie-corrected W (SPSS, vegan); uncorrected W also given (irr default)"},
      {"missing", in.missing == DelphiMissing::DropIncompleteExperts ? "drop incomplete experts per round x aspect x level"
                                                                     : "available case (W, ICC, kappa: complete experts)"},
      {"groups", in.grouping == DelphiGrouping::Level ? "per tree level" : "all indicators together"},
      {"boundary_sd", in.screening.boundary_sd == SdConvention::Sample ? "n - 1" : "n"},
      {"fixed_cutoffs", {{"min_mean", in.screening.min_mean}, {"max_cv_exclusive", in.screening.max_cv},
                         {"min_full_score", in.screening.min_full_score < 0 ? nlohmann::json(nullptr)
                                                                            : nlohmann::json(in.screening.min_full_score)}}},
      {"verdict_rule", "drop: fails every boundary criterion or every fixed cut-off; revise: fails some; keep: none"},
      {"scale", {{"min", in.scale.min}, {"max", in.scale.max}, {"relevant", in.scale.relevant},
                 {"essential", in.scale.essential}}},
      {"seed", in.seed}};
}

/// The screening rules indicator j of a group fails, by their JSON names.
std::vector<std::string> failed_rules(const ScreeningResult& s, std::size_t j) {
  std::vector<std::string> fails;
  if (s.fail_mean[j]) fails.emplace_back("mean");
  if (s.fail_cv[j]) fails.emplace_back("cv");
  if (s.fail_full_score[j]) fails.emplace_back("full_score");
  if (s.fail_boundary_mean[j]) fails.emplace_back("boundary_mean");
  if (s.fail_boundary_full_score[j]) fails.emplace_back("boundary_full_score");
  if (s.fail_boundary_cv[j]) fails.emplace_back("boundary_cv");
  return fails;
}

/// A group's indicators: their JSON entries, and their rows of delphi_items.csv.
nlohmann::json group_indicators(const DelphiRound& R, const DelphiGroup& g, const IndicatorTree& tree, TextTable& csv) {
  nlohmann::json ji = nlohmann::json::array();
  for (std::size_t j = 0; j < g.indicators.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const auto& s = g.screening;
    const std::vector<std::string> fails = failed_rules(s, j);
    std::string fail_list;
    for (const auto& f : fails) {
      if (!fail_list.empty()) fail_list += ';';
      fail_list += f;
    }
    ji.push_back({{"id", g.indicators[j]},
                  {"label", json_labels(tree.node(*tree.find(g.indicators[j])).label)},
                  {"n", g.stats.n(jj)},
                  {"mean", json_num(g.stats.mean(jj))},
                  {"sd", json_num(g.stats.sd(jj))},
                  {"cv", json_num(g.stats.cv(jj))},
                  {"full_score_ratio", json_num(g.stats.full_score_ratio(jj))},
                  {"rank_sum", json_num(g.rank_sums(jj))},
                  {"i_cvi", g.cvi.i_cvi(jj)},
                  {"kappa_star", g.cvi.kappa(jj)},
                  {"kappa_band", g.cvi.kappa_band[j]},
                  {"cvr", g.cvr.cvr(jj)},
                  {"cvr_critical", json_num(g.cvr.cvr_critical(jj))},
                  {"cvr_meets", static_cast<bool>(g.cvr.meets[j])},
                  {"fails", fails},
                  {"verdict", verdict_name(s.verdict[j])}});
    csv.rows.push_back({std::to_string(R.round), g.aspect, std::to_string(g.level), g.indicators[j],
                        fmt::format("{}", g.stats.n(jj)), g17(g.stats.mean(jj)), g17(g.stats.sd(jj)),
                        g17(g.stats.cv(jj)), g17(g.stats.full_score_ratio(jj)), g17(g.rank_sums(jj)),
                        g17(g.cvi.i_cvi(jj)), g17(g.cvi.kappa(jj)), g17(g.cvr.cvr(jj)), g17(g.cvr.cvr_critical(jj)),
                        fail_list, verdict_name(s.verdict[j])});
  }
  return ji;
}

/// A group's JSON entry (without its indicators).
nlohmann::json group_json(const DelphiGroup& g) {
  nlohmann::json jgroup = {{"aspect", g.aspect},
                           {"level", g.level},
                           {"n_experts", g.n_experts},
                           {"n_experts_used", g.n_used},
                           {"n_experts_dropped", g.n_dropped},
                           {"boundary_thresholds",
                            {{"mean_above", json_num(g.screening.thresholds.mean)},
                             {"full_score_above", json_num(g.screening.thresholds.full_score)},
                             {"cv_below", json_num(g.screening.thresholds.cv)}}},
                           {"s_cvi_ave", g.cvi.s_cvi_ave},
                           {"s_cvi_ua", g.cvi.s_cvi_ua},
                           {"lawshe_cvi", json_num(g.cvr.cvi)}};
  if (g.kendall) jgroup["kendall"] = kendall_json(*g.kendall);
  if (g.icc) {
    nlohmann::json jicc = nlohmann::json::array();
    for (const auto& v : g.icc->icc)
      jicc.push_back({{"shrout_fleiss", v.shrout_fleiss}, {"mcgraw_wong", v.mcgraw_wong}, {"value", v.value},
                      {"F", v.f}, {"df1", v.df1}, {"df2", v.df2}, {"p", v.p}, {"lower95", v.lower},
                      {"upper95", v.upper}});
    jgroup["icc"] = {{"method", "two-way ANOVA mean squares (psych::ICC lmer = FALSE)"},
                     {"MSB", g.icc->msb}, {"MSW", g.icc->msw}, {"MSJ", g.icc->msj}, {"MSE", g.icc->mse},
                     {"values", jicc}};
  }
  if (g.fleiss)
    jgroup["fleiss_kappa"] = {{"kappa", g.fleiss->kappa}, {"z", g.fleiss->z}, {"p", g.fleiss->p},
                              {"categories", g.fleiss->n_categories}};
  jgroup["krippendorff_alpha"] = {{"nominal", json_num(g.alpha_nominal)},
                                  {"ordinal", json_num(g.alpha_ordinal)},
                                  {"interval", json_num(g.alpha_interval)}};
  jgroup["warnings"] = g.warnings;
  return jgroup;
}

/// A group's row of delphi_panel.csv.
std::vector<std::string> panel_row(const DelphiRound& R, const DelphiGroup& g) {
  const auto* k = g.kendall ? &*g.kendall : nullptr;
  const double nan = std::nan("");
  return {std::to_string(R.round), std::to_string(R.sent), std::to_string(R.returned), g17(R.positive_coefficient),
          std::to_string(R.commented), g17(R.comment_rate), g17(R.authority ? R.authority->ca_mean : nan),
          g17(R.authority ? R.authority->cs_mean : nan), g17(R.authority ? R.authority->cr_mean : nan), g.aspect,
          std::to_string(g.level), std::to_string(g.indicators.size()), std::to_string(g.n_used),
          std::to_string(g.n_dropped), g17(k ? k->w : nan), g17(k ? k->w_uncorrected : nan), g17(k ? k->chi2 : nan),
          k ? std::to_string(k->df) : "NA", g17(k ? k->p : nan), g17(k ? k->f : nan), g17(k ? k->p_f : nan),
          g17(k ? k->p_permutation : nan), g17(g.cvi.s_cvi_ave), g17(g.cvi.s_cvi_ua)};
}

/// A round's JSON entry; its groups' rows go into the CSV tables.
nlohmann::json round_json(const DelphiRound& R, const DelphiInput& in, const IndicatorTree& tree, DelphiRun& run) {
  nlohmann::json jr = {{"round", R.round},
                       {"sent", R.sent},
                       {"returned", R.returned},
                       {"positive_coefficient", json_num(R.positive_coefficient)},
                       {"commented", R.commented},
                       {"comment_rate", json_num(R.comment_rate)}};
  nlohmann::json jpanel = nlohmann::json::array();
  for (const auto& e : in.experts)
    if (e.round == R.round)
      jpanel.push_back({{"expert", e.id}, {"returned", e.returned}, {"commented", e.commented},
                        {"weight", json_num(e.weight)}});
  jr["experts"] = jpanel;
  if (R.authority) {
    nlohmann::json je = nlohmann::json::array();
    for (std::size_t i = 0; i < R.authority_experts.size(); ++i) {
      const auto ii = static_cast<Eigen::Index>(i);
      je.push_back({{"expert", R.authority_experts[i]}, {"ca", R.authority->ca(ii)}, {"cs", R.authority->cs(ii)},
                    {"cr", R.authority->cr(ii)}});
    }
    jr["authority"] = {{"ca", R.authority->ca_mean}, {"cs", R.authority->cs_mean}, {"cr", R.authority->cr_mean},
                       {"min_cr", in.authority.min_cr}, {"acceptable", R.authority->acceptable}, {"experts", je}};
  }
  nlohmann::json jg = nlohmann::json::array();
  for (const auto& g : R.groups) {
    nlohmann::json jgroup = group_json(g);
    jgroup["indicators"] = group_indicators(R, g, tree, run.items_csv);
    jg.push_back(std::move(jgroup));
    run.panel_csv.rows.push_back(panel_row(R, g));
  }
  jr["groups"] = jg;
  nlohmann::json jv = nlohmann::json::array();
  for (const auto& v : R.verdicts)
    jv.push_back({{"id", v.indicator}, {"verdict", verdict_name(v.verdict)}, {"failed", v.failed}});
  jr["verdicts"] = jv;
  return jr;
}

}  // namespace

DelphiRun run_delphi(const DelphiOptions& o) {
  if (o.permutations && *o.permutations < 0)
    throw InvalidInput(fmt::format("run_delphi: permutations is {}, but must be >= 0", *o.permutations));
  if (o.threads < 0) throw InvalidInput(fmt::format("run_delphi: threads is {}, but must be >= 0", o.threads));
  DelphiRun run;
  run.spec = read_spec_with(o.spec);
  const Spec& spec = run.spec;
  if (spec.delphi.empty())
    throw InvalidInput(fmt::format("{}: the spec has no 'delphi:' key naming the expert-consultation file (see "
                                   "docs/spec.md)",
                                   spec.path));
  const IndicatorTree& proposed = proposed_tree(spec);  // the consultation rates the proposed system
  run.input = read_delphi(spec.delphi, proposed);
  DelphiInput& in = run.input;
  if (o.permutations) in.permutations = *o.permutations;
  if (o.seed) in.seed = *o.seed;
  run.result = analyse_delphi(in, proposed, {.threads = o.threads});
  const DelphiResult& res = run.result;
  run.warnings = res.warnings;

  nlohmann::json& doc = run.doc;
  doc = json_header("delphi", spec);
  doc["delphi_file"] = in.file;
  doc["note"] = in.note.get(Lang::En, "");
  doc["conventions"] = conventions_json(in);
  run.items_csv.header = {"round", "aspect", "level", "indicator", "n", "mean", "sd", "cv", "full_score_ratio",
                          "rank_sum", "i_cvi", "kappa_star", "cvr", "cvr_critical", "fails", "verdict_aspect"};
  run.panel_csv.header = {"round", "sent", "returned", "positive_coefficient", "commented", "comment_rate", "ca",
                          "cs", "cr", "aspect", "level", "n_indicators", "n_experts_used", "n_dropped", "W",
                          "W_uncorrected", "chi2", "df", "p", "F", "p_F", "p_permutation", "s_cvi_ave", "s_cvi_ua"};
  nlohmann::json jrounds = nlohmann::json::array();
  for (const auto& R : res.rounds) jrounds.push_back(round_json(R, in, proposed, run));
  doc["rounds"] = jrounds;
  nlohmann::json jc = nlohmann::json::array();
  for (const auto& c : res.changes)
    jc.push_back({{"id", c.indicator}, {"from_round", c.from_round}, {"to_round", c.to_round},
                  {"verdict_from", verdict_name(c.from)},
                  {"verdict_to", c.to ? nlohmann::json(verdict_name(*c.to)) : nlohmann::json(nullptr)},
                  {"rated_in_next_round", c.to.has_value()}, {"aspect", c.aspect}, {"mean_from", json_num(c.mean_from)},
                  {"mean_to", json_num(c.mean_to)}});
  doc["changes"] = jc;
  doc["warnings"] = run.warnings;

  if (!o.write_spec.empty()) run.spec_files = screened_spec_files(spec, res, o.write_spec);
  run.outputs = OutputSet(o.out);
  run.outputs.add("delphi.json", doc.dump(2) + "\n");
  run.outputs.add("delphi_items.csv", run.items_csv.csv());
  run.outputs.add("delphi_panel.csv", run.panel_csv.csv());
  return run;
}

}  // namespace cikit::pipeline
