/// \file messages_delphi.cpp
/// Catalogue entries of the expert consultation (Delphi) tables D1–D3 and their verdict words.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& delphi_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- D expert consultation ---------------------------------------------------------
    {"d.verdict.keep", "keep", "保留"},
    {"d.verdict.revise", "revise", "修改"},
    {"d.verdict.drop", "drop", "删除"},
    {"d.aspect.importance", "importance", "重要性"},
    {"d.aspect.feasibility", "feasibility", "可操作性"},
    {"d1.title", "Expert consultation: response and authority of the panel", "专家咨询基本情况（专家积极系数与权威系数）"},
    {"d1.h.round", "Round", "轮次"},
    {"d1.h.sent", "Sent", "发放"},
    {"d1.h.returned", "Returned", "回收"},
    {"d1.h.positive", "Positive coefficient", "专家积极系数"},
    {"d1.h.ca", "Judgment basis Ca", "判断系数Ca"},
    {"d1.h.cs", "Familiarity Cs", "熟悉程度Cs"},
    {"d1.h.cr", "Authority Cr", "权威系数Cr"},
    {"d1.note", "Positive coefficient = questionnaires returned / sent; Cr = (Ca + Cs)/2, acceptable when Cr ≥ 0.70.",
     "专家积极系数 = 回收问卷数 / 发放问卷数；权威系数 Cr = (Ca + Cs)/2，Cr ≥ 0.70 视为可接受。"},
    {"d2.title", "Concordance of expert ratings (Kendall's W)", "专家意见协调程度（Kendall协调系数W）"},
    {"d2.h.round", "Round", "轮次"},
    {"d2.h.aspect", "Aspect", "评价维度"},
    {"d2.h.indicators", "Indicators", "指标数"},
    {"d2.h.experts", "Experts", "专家数"},
    {"d2.h.w", "W", "W"},
    {"d2.h.chi2", "χ²", "χ²"},
    {"d2.h.df", "df", "df"},
    {"d2.h.p", "p", "P"},
    {"d2.note", "W with the correction for tied ratings (as SPSS); χ² = m(n − 1)W with df = n − 1.",
     "W 为经同分（相同评分）校正后的协调系数（同 SPSS）；χ² = m(n − 1)W，自由度 df = n − 1。"},
    {"d3.title", "Indicator screening, round {} ({})", "第{}轮专家咨询指标筛选结果（{}）"},
    {"d3.h.indicator", "Indicator", "指标"},
    {"d3.h.mean", "Mean", "均数"},
    {"d3.h.sd", "SD", "标准差"},
    {"d3.h.cv", "CV", "变异系数"},
    {"d3.h.full", "Full-score ratio", "满分比"},
    {"d3.h.verdict", "Verdict", "结论"},
    {"d3.note",
     "Boundary-value thresholds: mean > {:.3f}, full-score ratio > {:.3f}, CV < {:.3f}; fixed cut-offs: mean ≥ {}, "
     "CV < {}. An indicator failing every boundary criterion or every fixed cut-off is dropped; failing some, revised.",
     "界值法阈值：均数 > {:.3f}，满分比 > {:.3f}，变异系数 < {:.3f}；固定标准：均数 ≥ {}，变异系数 < {}。"
     "全部界值或全部固定标准不满足者删除，部分不满足者修改。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
