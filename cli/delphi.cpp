// cikit delphi SPEC: expert-consultation (Delphi) validity per round. Thin front end over
// pipeline::run_delphi(): parses, calls it once, prints the per-round tables, writes the files.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "methods/core/delphi_key.hpp"
#include "methods/core/fileio.hpp"
#include "methods/pipeline/delphi.hpp"

namespace cikit::cli {

namespace {

struct DelphiCliOptions {
  CommonOptions common;
  int permutations = -1;  ///< -1 = from the Delphi file
  long long seed = -1;    ///< -1 = from the Delphi file
  int threads = 0;
  bool agreement = false;
  std::string write_spec;  ///< --write-spec FILE ("" = none)
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

/// Human context of the tables: the run and the language.
struct View {
  const pipeline::DelphiRun& run;
  Lang lang;
  bool agreement;
};

void print_round_header(const View& v, const DelphiRound& R) {
  const Lang lang = v.lang;
  std::cout << "\n" << trf(lang, "== Round {} ==\n", "== 第{}轮 ==\n", R.round);
  if (R.sent > 0)
    std::cout << trf(lang, "Expert positive coefficient {} ({}/{} returned); suggestions from {} ({}/{})\n",
                     "专家积极系数 {}（回收 {}/{}）；专家意见提出率 {}（{}/{}）\n", pct(R.positive_coefficient),
                     R.returned, R.sent, pct(R.comment_rate), R.commented, R.returned);
  if (R.authority)
    std::cout << trf(lang, "Authority: Ca = {:.3f}, Cs = {:.3f}, Cr = (Ca + Cs)/2 = {:.3f} ({} {:.2f})\n",
                     "权威系数：判断系数Ca = {:.3f}，熟悉系数Cs = {:.3f}，Cr = (Ca + Cs)/2 = {:.3f}（{} {:.2f}）\n",
                     R.authority->ca_mean, R.authority->cs_mean, R.authority->cr_mean,
                     R.authority->acceptable ? tr(lang, "acceptable, >=", "≥") : tr(lang, "below", "低于"),
                     v.run.input.authority.min_cr);
}

void print_agreement(const View& v, const DelphiGroup& g) {
  const Lang lang = v.lang;
  if (g.icc) {
    TextTable a;
    a.header = {"Shrout-Fleiss", "McGraw-Wong", "ICC", "F", "df1", "df2", "p", tr(lang, "95% CI", "95%置信区间")};
    a.right_align = {false, false, true, true, true, true, true, false};
    for (const auto& x : g.icc->icc)
      a.rows.push_back({x.shrout_fleiss, x.mcgraw_wong, num(x.value, 3), num(x.f, 3), num(x.df1, 0), num(x.df2, 0),
                        pcell(x.p), fmt::format("[{:.3f}, {:.3f}]", x.lower, x.upper)});
    std::cout << a.render();
  }
  if (g.fleiss)
    std::cout << trf(lang, "Fleiss' kappa = {:.3f} (z = {:.3f}, p {})\n", "Fleiss κ = {:.3f}（z = {:.3f}，P {}）\n",
                     g.fleiss->kappa, g.fleiss->z, pval(g.fleiss->p));
  std::cout << trf(lang, "Krippendorff's alpha: nominal {}, ordinal {}, interval {}\n",
                   "Krippendorff α：名义 {}，顺序 {}，等距 {}\n", num(g.alpha_nominal, 3), num(g.alpha_ordinal, 3),
                   num(g.alpha_interval, 3));
}

void print_group(const View& v, const DelphiGroup& g) {
  const Lang lang = v.lang;
  const DelphiInput& in = v.run.input;
  std::cout << "\n"
            << trf(lang, "{} (level {}): {} indicators, {} experts used ({} incomplete dropped)\n",
                   "{}（第{}层）：{} 个指标，有效专家 {} 名（剔除不完整 {} 名）\n", aspect_label(lang, g.aspect), g.level,
                   g.indicators.size(), g.n_used, g.n_dropped);
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
              tr(lang, "CV", "变异系数"), tr(lang, "Full-score", "满分比"), tr(lang, "Rank sum", "等级和"), "I-CVI",
              tr(lang, "Verdict", "结论")};
  t.right_align = {false, true, true, true, true, true, true, false};
  for (std::size_t j = 0; j < g.indicators.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    t.rows.push_back({label_of(proposed_tree(v.run.spec), g.indicators[j], lang), num(g.stats.mean(jj), 3),
                      num(g.stats.sd(jj), 3), num(g.stats.cv(jj), 3), num(g.stats.full_score_ratio(jj), 3),
                      num(g.rank_sums(jj), 1), num(g.cvi.i_cvi(jj), 3), verdict_label(lang, g.screening.verdict[j])});
  }
  std::cout << t.render();
  if (v.agreement) print_agreement(v, g);
}

/// The rules indicator j of group g fails, localised: "importance: mean < 3.5, boundary mean/CV".
std::string failed_rules(const View& v, const DelphiGroup& g, std::size_t j) {
  const Lang lang = v.lang;
  const ScreeningOptions& so = v.run.input.screening;
  const auto& sc = g.screening;
  std::vector<std::string> parts;
  if (sc.fail_mean[j]) parts.push_back(trf(lang, "mean < {}", "均数 < {}", so.min_mean));
  if (sc.fail_cv[j]) parts.push_back(trf(lang, "CV >= {}", "变异系数 ≥ {}", so.max_cv));
  if (sc.fail_full_score[j]) parts.push_back(trf(lang, "full-score < {}", "满分比 < {}", so.min_full_score));
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
  if (parts.empty()) return "";
  std::string line = aspect_label(lang, g.aspect) + tr(lang, ": ", "：");
  for (std::size_t q = 0; q < parts.size(); ++q) line += (q ? tr(lang, ", ", "、") : "") + parts[q];
  return line;
}

void print_round_verdicts(const View& v, const DelphiRound& R) {
  const Lang lang = v.lang;
  TextTable t;
  t.header = {tr(lang, "Indicator", "指标"), tr(lang, "Verdict", "结论"), tr(lang, "Rules failed", "未通过的标准")};
  std::map<std::string, std::string> failed;  // per indicator, over the aspects
  for (const auto& g : R.groups)
    for (std::size_t j = 0; j < g.indicators.size(); ++j) {
      const std::string line = failed_rules(v, g, j);
      if (line.empty()) continue;
      auto& f = failed[g.indicators[j]];
      if (!f.empty()) f += tr(lang, "; ", "；");
      f += line;
    }
  for (const auto& x : R.verdicts) {
    if (x.verdict == Verdict::Keep) continue;
    t.rows.push_back({label_of(proposed_tree(v.run.spec), x.indicator, lang), verdict_label(lang, x.verdict), failed[x.indicator]});
  }
  std::cout << "\n"
            << trf(lang, "Round {} verdicts (indicators not kept; worst over aspects):\n",
                   "第{}轮筛选结论（未保留的指标；各维度取最严结论）：\n", R.round);
  std::cout << (t.rows.empty() ? std::string(tr(lang, "  all indicators kept\n", "  全部保留\n")) : t.render());
}

void print_changes(const View& v) {
  const Lang lang = v.lang;
  const DelphiResult& res = v.run.result;
  if (res.changes.empty()) return;
  TextTable c;
  c.header = {tr(lang, "Indicator", "指标"), tr(lang, "From", "前一轮"), tr(lang, "To", "后一轮"),
              tr(lang, "Mean before", "前均数"), tr(lang, "Mean after", "后均数")};
  c.right_align = {false, false, false, true, true};
  for (const auto& x : res.changes) {
    if (x.from == Verdict::Keep && x.to && *x.to == Verdict::Keep) continue;
    c.rows.push_back({label_of(proposed_tree(v.run.spec), x.indicator, lang),
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

void print_tables(const View& v) {
  const Lang lang = v.lang;
  const Spec& spec = v.run.spec;
  std::cout << fmt::format("{} — {}\n", spec.label.get(lang, spec.id),
                           tr(lang, "expert consultation (Delphi)", "专家咨询（德尔菲法）"));
  if (const std::string note = v.run.input.note.get(lang, ""); !note.empty()) std::cout << note << "\n";
  for (const auto& R : v.run.result.rounds) {
    print_round_header(v, R);
    for (const auto& g : R.groups) print_group(v, g);
    print_round_verdicts(v, R);
  }
  print_changes(v);
  std::cout << tr(lang,
                  "SD with n-1; CV = SD/mean; full score = scale maximum; W tie-corrected (SPSS), chi2 df = n-1; "
                  "verdict: drop if every boundary criterion or every fixed cut-off fails, revise if some fail.\n",
                  "标准差按 n-1 计算；变异系数 = 标准差/均数；满分为量表最高分；W 经结校正（同 SPSS），χ² 自由度 = n-1；"
                  "结论：全部界值标准或全部固定标准未通过为删除，部分未通过为修改。\n");
}

void run_delphi(const DelphiCliOptions& o) {
  pipeline::DelphiOptions po;
  po.spec = o.common.spec;
  po.out = o.common.out;
  if (o.permutations >= 0) po.permutations = o.permutations;
  if (o.seed >= 0) po.seed = static_cast<std::uint64_t>(o.seed);
  po.threads = o.threads;
  po.write_spec = o.write_spec;
  const pipeline::DelphiRun run = pipeline::run_delphi(po);
  if (o.common.format == "json") std::cout << run.doc.dump(2) << "\n";
  else if (o.common.format == "csv") std::cout << run.items_csv.csv();
  else print_tables({run, o.common.language(), o.agreement});
  print_warnings("delphi", run.warnings);
  run.outputs.write();
  for (const auto& f : run.spec_files) {
    write_file_atomic(f.path, f.content);
    std::cerr << trf(o.common.language(), "wrote {}\n", "已写入 {}\n", f.path.string());
  }
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
  sub->add_option("--write-spec", opt->write_spec,
                  "Write the screened spec to FILE: the tree without the indicators the consultation dropped "
                  "(and, with judgments, FILE-stem_judgments.yaml beside it)");
  sub->callback([opt] { run_delphi(*opt); });
}

}  // namespace cikit::cli
