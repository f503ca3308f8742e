#include "methods/report/delphi_tables.hpp"

#include <fmt/format.h>

namespace cikit::report {

namespace {
const char* tr(Lang lang, const char* en, const char* zh) { return lang == Lang::Zh ? zh : en; }

std::string verdict_text(Verdict v, Lang lang) {
  switch (v) {
    case Verdict::Keep:
      return tr(lang, "keep", "保留");
    case Verdict::Revise:
      return tr(lang, "revise", "修改");
    case Verdict::Drop:
      return tr(lang, "drop", "删除");
  }
  return "";
}

std::string aspect_text(const std::string& aspect, Lang lang) {
  if (aspect == "importance") return tr(lang, "importance", "重要性");
  if (aspect == "feasibility") return tr(lang, "feasibility", "可操作性");
  return aspect;
}

std::string label_of(const IndicatorTree& tree, const std::string& id, Lang lang) {
  const auto k = tree.find(id);
  return k ? tree.node(*k).label.get(lang, id) : id;
}
}  // namespace

std::vector<Table> delphi_tables(const DelphiResult& result, const DelphiInput& input, const IndicatorTree& tree,
                                 Lang lang) {
  std::vector<Table> out;

  Table panel;
  panel.id = "D1_delphi_panel";
  panel.number = "D1";
  panel.lang = lang;
  panel.title = tr(lang, "Expert consultation: response and authority of the panel",
                   "专家咨询基本情况（专家积极系数与权威系数）");
  panel.header = {tr(lang, "Round", "轮次"), tr(lang, "Sent", "发放"), tr(lang, "Returned", "回收"),
                  tr(lang, "Positive coefficient", "专家积极系数"), tr(lang, "Judgment basis Ca", "判断系数Ca"),
                  tr(lang, "Familiarity Cs", "熟悉程度Cs"), tr(lang, "Authority Cr", "权威系数Cr")};
  for (const auto& r : result.rounds) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    panel.rows.push_back({Cell::integer(r.round), Cell::integer(r.sent), Cell::integer(r.returned),
                          Cell::percent(r.positive_coefficient, 1),
                          Cell::number(r.authority ? r.authority->ca_mean : nan, 3),
                          Cell::number(r.authority ? r.authority->cs_mean : nan, 3),
                          Cell::number(r.authority ? r.authority->cr_mean : nan, 3)});
  }
  panel.notes.push_back(tr(lang,
                           "Positive coefficient = questionnaires returned / sent; Cr = (Ca + Cs)/2, acceptable when "
                           "Cr ≥ 0.70.",
                           "专家积极系数 = 回收问卷数 / 发放问卷数；权威系数 Cr = (Ca + Cs)/2，Cr ≥ 0.70 视为可接受。"));
  if (!input.note.empty()) panel.notes.push_back(input.note);
  out.push_back(std::move(panel));

  Table w;
  w.id = "D2_delphi_concordance";
  w.number = "D2";
  w.lang = lang;
  w.title = tr(lang, "Concordance of expert ratings (Kendall's W)", "专家意见协调程度（Kendall协调系数W）");
  w.header = {tr(lang, "Round", "轮次"), tr(lang, "Aspect", "评价维度"), tr(lang, "Indicators", "指标数"),
              tr(lang, "Experts", "专家数"), "W", "χ²", "df", "P"};
  for (const auto& r : result.rounds)
    for (const auto& g : r.groups) {
      if (!g.kendall) continue;
      const auto& k = *g.kendall;
      w.rows.push_back({Cell::integer(r.round), Cell::txt(aspect_text(g.aspect, lang)),
                        Cell::integer(static_cast<long long>(g.indicators.size())), Cell::integer(g.n_used),
                        Cell::number(k.w, 3), Cell::number(k.chi2, 3), Cell::integer(k.df), Cell::pvalue(k.p)});
    }
  w.notes.push_back(tr(lang,
                       "W with the correction for tied ratings (as SPSS); χ² = m(n − 1)W with df = n − 1.",
                       "W 为经同分（相同评分）校正后的协调系数（同 SPSS）；χ² = m(n − 1)W，自由度 df = n − 1。"));
  out.push_back(std::move(w));

  for (const auto& r : result.rounds) {
    const DelphiGroup* g = nullptr;
    for (const auto& cand : r.groups)
      if (!result.aspects.empty() && cand.aspect == result.aspects.front()) {
        g = &cand;
        break;
      }
    if (g == nullptr) continue;
    Table s;
    s.id = fmt::format("D3_delphi_screening_round{}", r.round);
    s.number = fmt::format("D3-{}", r.round);
    s.lang = lang;
    s.title = lang == Lang::Zh ? fmt::format("第{}轮专家咨询指标筛选结果（{}）", r.round, aspect_text(g->aspect, lang))
                               : fmt::format("Indicator screening, round {} ({})", r.round, aspect_text(g->aspect, lang));
    s.header = {tr(lang, "Indicator", "指标"), tr(lang, "Mean", "均数"), tr(lang, "SD", "标准差"),
                tr(lang, "CV", "变异系数"), tr(lang, "Full-score ratio", "满分比"), tr(lang, "Verdict", "结论")};
    for (std::size_t j = 0; j < g->indicators.size(); ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      s.rows.push_back({Cell::txt(label_of(tree, g->indicators[j], lang)), Cell::number(g->stats.mean(jj), 3),
                        Cell::number(g->stats.sd(jj), 3), Cell::number(g->stats.cv(jj), 3),
                        Cell::number(g->stats.full_score_ratio(jj), 3),
                        Cell::txt(j < g->screening.verdict.size() ? verdict_text(g->screening.verdict[j], lang) : "")});
    }
    const auto& th = g->screening.thresholds;
    s.notes.push_back(lang == Lang::Zh
                          ? fmt::format("界值法阈值：均数 > {:.3f}，满分比 > {:.3f}，变异系数 < {:.3f}；固定标准：均数 ≥ {}，变异系数 < {}。"
                                        "全部界值或全部固定标准不满足者删除，部分不满足者修改。",
                                        th.mean, th.full_score, th.cv, input.screening.min_mean, input.screening.max_cv)
                          : fmt::format("Boundary-value thresholds: mean > {:.3f}, full-score ratio > {:.3f}, CV < "
                                        "{:.3f}; fixed cut-offs: mean ≥ {}, CV < {}. An indicator failing every "
                                        "boundary criterion or every fixed cut-off is dropped; failing some, revised.",
                                        th.mean, th.full_score, th.cv, input.screening.min_mean, input.screening.max_cv));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace cikit::report
