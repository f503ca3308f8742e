// cikit delphi SPEC: expert-consultation (Delphi) validity per round (methods/delphi).
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/core/error.hpp"
#include "methods/core/spec.hpp"
#include "methods/delphi/delphi_analysis.hpp"

namespace cikit::cli {

namespace {

struct DelphiCliOptions {
  CommonOptions common;
  int permutations = -1;  ///< -1 = from the Delphi file
  long long seed = -1;    ///< -1 = from the Delphi file
  int threads = 0;
  bool agreement = false;
};

std::string pval(double p) {
  if (std::isnan(p)) return "NA";
  if (p < 0.001) return "< 0.001";
  return fmt::format("= {:.3f}", p);
}

std::string pcell(double p) {
  if (std::isnan(p)) return "NA";
  return p < 0.001 ? "<0.001" : fmt::format("{:.3f}", p);
}

std::string pct(double x) { return std::isnan(x) ? "NA" : fmt::format("{:.1f}%", 100 * x); }

const char* verdict_label(Lang lang, Verdict v) {
  switch (v) {
    case Verdict::Keep: return tr(lang, "keep", "保留");
    case Verdict::Revise: return tr(lang, "revise", "修改");
    case Verdict::Drop: return tr(lang, "drop", "删除");
  }
  return "?";
}

std::string aspect_label(Lang lang, const std::string& a) {
  if (lang == Lang::Zh) {
    if (a == "importance") return "重要性";
    if (a == "feasibility") return "可行性";
    if (a == "sensitivity") return "敏感性";
  }
  return a;
}

const std::string& label_of(const IndicatorTree& tree, const std::string& id, Lang lang) {
  return tree.node(*tree.find(id)).label.get(lang, id);
}

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

void run_delphi(const DelphiCliOptions& o) {
  const Spec spec = read_spec(o.common.spec);
  if (spec.delphi.empty())
    throw InvalidInput(fmt::format("{}: the spec has no 'delphi:' key naming the expert-consultation file (see "
                                   "docs/spec.md)",
                                   spec.path));
  DelphiInput in = read_delphi(spec.delphi, spec.tree);
  if (o.permutations >= 0) in.permutations = o.permutations;
  if (o.seed >= 0) in.seed = static_cast<std::uint64_t>(o.seed);
  const DelphiResult res = analyse_delphi(in, spec.tree, {.threads = o.threads});
  const Lang lang = o.common.language();

  // ---- JSON document and CSV tables ----
  nlohmann::json doc = json_header("delphi", spec);
  doc["delphi_file"] = in.file;
  doc["note"] = in.note;
  doc["conventions"] = {
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
  TextTable items_csv;
  items_csv.header = {"round", "aspect", "level", "indicator", "n", "mean", "sd", "cv", "full_score_ratio", "rank_sum",
                      "i_cvi", "kappa_star", "cvr", "cvr_critical", "fails", "verdict_aspect"};
  TextTable panel_csv;
  panel_csv.header = {"round", "sent", "returned", "positive_coefficient", "commented", "comment_rate", "ca", "cs",
                      "cr", "aspect", "level", "n_indicators", "n_experts_used", "n_dropped", "W", "W_uncorrected",
                      "chi2", "df", "p", "F", "p_F", "p_permutation", "s_cvi_ave", "s_cvi_ua"};
  nlohmann::json jrounds = nlohmann::json::array();
  for (const auto& R : res.rounds) {
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
      nlohmann::json ji = nlohmann::json::array();
      for (std::size_t j = 0; j < g.indicators.size(); ++j) {
        const auto jj = static_cast<Eigen::Index>(j);
        const auto& s = g.screening;
        std::vector<std::string> fails;
        if (s.fail_mean[j]) fails.emplace_back("mean");
        if (s.fail_cv[j]) fails.emplace_back("cv");
        if (s.fail_full_score[j]) fails.emplace_back("full_score");
        if (s.fail_boundary_mean[j]) fails.emplace_back("boundary_mean");
        if (s.fail_boundary_full_score[j]) fails.emplace_back("boundary_full_score");
        if (s.fail_boundary_cv[j]) fails.emplace_back("boundary_cv");
        std::string fail_list;
        for (const auto& f : fails) {
          if (!fail_list.empty()) fail_list += ';';
          fail_list += f;
        }
        ji.push_back({{"id", g.indicators[j]},
                      {"label", json_labels(spec.tree.node(*spec.tree.find(g.indicators[j])).label)},
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
        items_csv.rows.push_back({std::to_string(R.round), g.aspect, std::to_string(g.level), g.indicators[j],
                                  fmt::format("{}", g.stats.n(jj)), fmt::format("{:.17g}", g.stats.mean(jj)),
                                  fmt::format("{:.17g}", g.stats.sd(jj)), fmt::format("{:.17g}", g.stats.cv(jj)),
                                  fmt::format("{:.17g}", g.stats.full_score_ratio(jj)),
                                  fmt::format("{:.17g}", g.rank_sums(jj)), fmt::format("{:.17g}", g.cvi.i_cvi(jj)),
                                  fmt::format("{:.17g}", g.cvi.kappa(jj)), fmt::format("{:.17g}", g.cvr.cvr(jj)),
                                  fmt::format("{:.17g}", g.cvr.cvr_critical(jj)), fail_list,
                                  verdict_name(s.verdict[j])});
      }
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
                               {"lawshe_cvi", json_num(g.cvr.cvi)},
                               {"indicators", ji}};
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
      jg.push_back(jgroup);
      const auto* k = g.kendall ? &*g.kendall : nullptr;
      const double nan = std::nan("");
      panel_csv.rows.push_back(
          {std::to_string(R.round), std::to_string(R.sent), std::to_string(R.returned),
           fmt::format("{:.17g}", R.positive_coefficient), std::to_string(R.commented),
           fmt::format("{:.17g}", R.comment_rate), fmt::format("{:.17g}", R.authority ? R.authority->ca_mean : nan),
           fmt::format("{:.17g}", R.authority ? R.authority->cs_mean : nan),
           fmt::format("{:.17g}", R.authority ? R.authority->cr_mean : nan), g.aspect, std::to_string(g.level),
           std::to_string(g.indicators.size()), std::to_string(g.n_used), std::to_string(g.n_dropped),
           fmt::format("{:.17g}", k ? k->w : nan), fmt::format("{:.17g}", k ? k->w_uncorrected : nan),
           fmt::format("{:.17g}", k ? k->chi2 : nan), k ? std::to_string(k->df) : "NA",
           fmt::format("{:.17g}", k ? k->p : nan), fmt::format("{:.17g}", k ? k->f : nan),
           fmt::format("{:.17g}", k ? k->p_f : nan), fmt::format("{:.17g}", k ? k->p_permutation : nan),
           fmt::format("{:.17g}", g.cvi.s_cvi_ave), fmt::format("{:.17g}", g.cvi.s_cvi_ua)});
    }
    jr["groups"] = jg;
    nlohmann::json jv = nlohmann::json::array();
    for (const auto& v : R.verdicts)
      jv.push_back({{"id", v.indicator}, {"verdict", verdict_name(v.verdict)}, {"failed", v.failed}});
    jr["verdicts"] = jv;
    jrounds.push_back(jr);
  }
  doc["rounds"] = jrounds;
  nlohmann::json jc = nlohmann::json::array();
  for (const auto& c : res.changes)
    jc.push_back({{"id", c.indicator}, {"from_round", c.from_round}, {"to_round", c.to_round},
                  {"verdict_from", verdict_name(c.from)},
                  {"verdict_to", c.to ? nlohmann::json(verdict_name(*c.to)) : nlohmann::json(nullptr)},
                  {"rated_in_next_round", c.to.has_value()}, {"aspect", c.aspect}, {"mean_from", json_num(c.mean_from)},
                  {"mean_to", json_num(c.mean_to)}});
  doc["changes"] = jc;
  doc["warnings"] = res.warnings;

  OutputSet out(o.common.out);
  out.add("delphi.json", doc.dump(2) + "\n");
  out.add("delphi_items.csv", items_csv.csv());
  out.add("delphi_panel.csv", panel_csv.csv());

  if (o.common.format == "json") {
    std::cout << doc.dump(2) << "\n";
  } else if (o.common.format == "csv") {
    std::cout << items_csv.csv();
  } else {
    std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id),
                             tr(lang, "expert consultation (Delphi)", "专家咨询（德尔菲法）"));
    if (!in.note.empty()) std::cout << in.note << "\n";
    for (const auto& R : res.rounds) {
      std::cout << "\n" << trf(lang, "== Round {} ==\n", "== 第{}轮 ==\n", R.round);
      if (R.sent > 0)
        std::cout << trf(lang,
                         "Expert positive coefficient {} ({}/{} returned); suggestions from {} ({}/{})\n",
                         "专家积极系数 {}（回收 {}/{}）；专家意见提出率 {}（{}/{}）\n",
                         pct(R.positive_coefficient), R.returned, R.sent, pct(R.comment_rate), R.commented,
                         R.returned);
      if (R.authority)
        std::cout << trf(lang, "Authority: Ca = {:.3f}, Cs = {:.3f}, Cr = (Ca + Cs)/2 = {:.3f} ({} {:.2f})\n",
                         "权威系数：判断系数Ca = {:.3f}，熟悉系数Cs = {:.3f}，Cr = (Ca + Cs)/2 = {:.3f}（{} {:.2f}）\n",
                         R.authority->ca_mean, R.authority->cs_mean, R.authority->cr_mean,
                         R.authority->acceptable ? tr(lang, "acceptable, >=", "≥") : tr(lang, "below", "低于"),
                         in.authority.min_cr);
      for (const auto& g : R.groups) {
        std::cout << "\n"
                  << trf(lang, "{} (level {}): {} indicators, {} experts used ({} incomplete dropped)\n",
                         "{}（第{}层）：{} 个指标，有效专家 {} 名（剔除不完整 {} 名）\n", aspect_label(lang, g.aspect),
                         g.level, g.indicators.size(), g.n_used, g.n_dropped);
        if (g.kendall) {
          const auto& k = *g.kendall;
          std::cout << trf(lang,
                           "Kendall's W = {:.3f} (tie-corrected; uncorrected {:.3f}), chi2({}) = {:.3f}, p {}; "
                           "F = {:.3f}, p {}; permutation p = {} (B = {})\n",
                           "Kendall协调系数 W = {:.3f}（结校正；未校正 {:.3f}），χ²({}) = {:.3f}，P {}；"
                           "F = {:.3f}，P {}；置换检验 P = {}（B = {}）\n",
                           k.w, k.w_uncorrected, k.df, k.chi2, pval(k.p), k.f, pval(k.p_f),
                           k.permutations > 0 ? fmt::format("{:.4f}", k.p_permutation) : "NA", k.permutations);
        }
        std::cout << trf(lang, "S-CVI/Ave = {:.3f}, S-CVI/UA = {:.3f} (relevant: score >= {})\n",
                         "S-CVI/Ave = {:.3f}，S-CVI/UA = {:.3f}（相关：评分 ≥ {}）\n", g.cvi.s_cvi_ave, g.cvi.s_cvi_ua,
                         in.scale.relevant);
        if (in.screening.boundary && !std::isnan(g.screening.thresholds.mean))
          std::cout << trf(lang,
                           "Boundary values: mean > {:.3f}, full-score ratio > {:.3f}, CV < {:.3f}; fixed: mean >= {}, "
                           "CV < {}\n",
                           "界值：均数 > {:.3f}，满分比 > {:.3f}，变异系数 < {:.3f}；固定标准：均数 ≥ {}，变异系数 < {}\n",
                           g.screening.thresholds.mean, g.screening.thresholds.full_score, g.screening.thresholds.cv,
                           in.screening.min_mean, in.screening.max_cv);
        TextTable t;
        t.header = {tr(lang, "Indicator", "指标"), tr(lang, "Mean", "均数"), tr(lang, "SD", "标准差"),
                    tr(lang, "CV", "变异系数"), tr(lang, "Full-score", "满分比"), tr(lang, "Rank sum", "等级和"),
                    "I-CVI", tr(lang, "Verdict", "结论")};
        t.right_align = {false, true, true, true, true, true, true, false};
        for (std::size_t j = 0; j < g.indicators.size(); ++j) {
          const auto jj = static_cast<Eigen::Index>(j);
          t.rows.push_back({label_of(spec.tree, g.indicators[j], lang), num(g.stats.mean(jj), 3),
                            num(g.stats.sd(jj), 3), num(g.stats.cv(jj), 3), num(g.stats.full_score_ratio(jj), 3),
                            num(g.rank_sums(jj), 1), num(g.cvi.i_cvi(jj), 3),
                            verdict_label(lang, g.screening.verdict[j])});
        }
        std::cout << t.render();
        if (o.agreement) {
          if (g.icc) {
            TextTable a;
            a.header = {"Shrout-Fleiss", "McGraw-Wong", "ICC", "F", "df1", "df2", "p", tr(lang, "95% CI", "95%置信区间")};
            a.right_align = {false, false, true, true, true, true, true, false};
            for (const auto& v : g.icc->icc)
              a.rows.push_back({v.shrout_fleiss, v.mcgraw_wong, num(v.value, 3), num(v.f, 3), num(v.df1, 0),
                                num(v.df2, 0), pcell(v.p), fmt::format("[{:.3f}, {:.3f}]", v.lower, v.upper)});
            std::cout << a.render();
          }
          if (g.fleiss)
            std::cout << trf(lang, "Fleiss' kappa = {:.3f} (z = {:.3f}, p {})\n", "Fleiss κ = {:.3f}（z = {:.3f}，P {}）\n",
                             g.fleiss->kappa, g.fleiss->z, pval(g.fleiss->p));
          std::cout << trf(lang, "Krippendorff's alpha: nominal {}, ordinal {}, interval {}\n",
                           "Krippendorff α：名义 {}，顺序 {}，等距 {}\n", num(g.alpha_nominal, 3),
                           num(g.alpha_ordinal, 3), num(g.alpha_interval, 3));
        }
      }
      TextTable v;
      v.header = {tr(lang, "Indicator", "指标"), tr(lang, "Verdict", "结论"), tr(lang, "Rules failed", "未通过的标准")};
      // Failed rules per indicator, localised: "importance: mean < 3.5, boundary mean, boundary CV".
      std::map<std::string, std::string> failed;
      for (const auto& g : R.groups)
        for (std::size_t j = 0; j < g.indicators.size(); ++j) {
          const auto& sc = g.screening;
          std::vector<std::string> parts;
          if (sc.fail_mean[j]) parts.push_back(trf(lang, "mean < {}", "均数 < {}", in.screening.min_mean));
          if (sc.fail_cv[j]) parts.push_back(trf(lang, "CV >= {}", "变异系数 ≥ {}", in.screening.max_cv));
          if (sc.fail_full_score[j])
            parts.push_back(trf(lang, "full-score < {}", "满分比 < {}", in.screening.min_full_score));
          std::string b;
          auto add_b = [&](bool f, const char* en, const char* zh) {
            if (!f) return;
            if (!b.empty()) b += "/";
            b += tr(lang, en, zh);
          };
          add_b(sc.fail_boundary_mean[j], "mean", "均数");
          add_b(sc.fail_boundary_full_score[j], "full-score", "满分比");
          add_b(sc.fail_boundary_cv[j], "CV", "变异系数");
          if (!b.empty()) parts.push_back(trf(lang, "boundary {}", "界值({})", b));
          if (parts.empty()) continue;
          std::string line = aspect_label(lang, g.aspect) + tr(lang, ": ", "：");
          for (std::size_t q = 0; q < parts.size(); ++q) line += (q ? tr(lang, ", ", "、") : "") + parts[q];
          auto& f = failed[g.indicators[j]];
          if (!f.empty()) f += tr(lang, "; ", "；");
          f += line;
        }
      for (const auto& x : R.verdicts) {
        if (x.verdict == Verdict::Keep) continue;
        v.rows.push_back({label_of(spec.tree, x.indicator, lang), verdict_label(lang, x.verdict), failed[x.indicator]});
      }
      std::cout << "\n"
                << trf(lang, "Round {} verdicts (indicators not kept; worst over aspects):\n",
                       "第{}轮筛选结论（未保留的指标；各维度取最严结论）：\n", R.round);
      std::cout << (v.rows.empty() ? std::string(tr(lang, "  all indicators kept\n", "  全部保留\n")) : v.render());
    }
    if (!res.changes.empty()) {
      TextTable c;
      c.header = {tr(lang, "Indicator", "指标"), tr(lang, "From", "前一轮"), tr(lang, "To", "后一轮"),
                  tr(lang, "Mean before", "前均数"), tr(lang, "Mean after", "后均数")};
      c.right_align = {false, false, false, true, true};
      for (const auto& x : res.changes) {
        if (x.from == Verdict::Keep && x.to && *x.to == Verdict::Keep) continue;
        c.rows.push_back({label_of(spec.tree, x.indicator, lang),
                          fmt::format("R{} {}", x.from_round, verdict_label(lang, x.from)),
                          x.to ? fmt::format("R{} {}", x.to_round, verdict_label(lang, *x.to))
                               : trf(lang, "R{} not rated", "第{}轮未评", x.to_round),
                          num(x.mean_from, 3), num(x.mean_to, 3)});
      }
      std::cout << "\n"
                << trf(lang, "Changes between rounds ({} means):\n", "轮次间变化（{}均数）：\n",
                       aspect_label(lang, res.aspects.front()));
      std::cout << c.render();
    }
    std::cout << tr(lang,
                    "SD with n-1; CV = SD/mean; full score = scale maximum; W tie-corrected (SPSS), chi2 df = n-1; "
                    "verdict: drop if every boundary criterion or every fixed cut-off fails, revise if some fail.\n",
                    "标准差按 n-1 计算；变异系数 = 标准差/均数；满分为量表最高分；W 经结校正（同 SPSS），χ² 自由度 = n-1；"
                    "结论：全部界值标准或全部固定标准未通过为删除，部分未通过为修改。\n");
  }
  print_warnings("delphi", res.warnings);
  out.write();
}

}  // namespace

void setup_delphi(CLI::App& app) {
  auto opt = std::make_shared<DelphiCliOptions>();
  auto* sub = app.add_subcommand(
      "delphi",
      "Expert-consultation (Delphi) validity of the indicator system: per round the experts' positive and "
      "authority coefficients, per indicator mean, SD, CV, full-score ratio and the screening verdict, "
      "Kendall's W with chi-squared test, content validity (CVI, CVR). Needs `delphi: FILE` in the spec.");
  add_common_options(*sub, opt->common);
  sub->add_option("--permutations", opt->permutations, "Permutation replicates for W (default: from the Delphi file)")
      ->check(CLI::Range(0, 10000000));
  sub->add_option("--seed", opt->seed, "Seed of the permutation test (default: from the Delphi file)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--threads", opt->threads, "OpenMP threads (0 = default); results do not depend on it")
      ->check(CLI::NonNegativeNumber);
  sub->add_flag("--agreement", opt->agreement, "Also print ICC, Fleiss' kappa and Krippendorff's alpha");
  sub->callback([opt] { run_delphi(*opt); });
}

}  // namespace cikit::cli
