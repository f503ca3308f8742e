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
    {"d3.h.icvi", "I-CVI", "I-CVI"},
    {"d3.note.worst", "The verdict here is this aspect's; an indicator's decision in a round is the stricter over the aspects (Tables S1, S2).",
     "本表结论为该评价维度的结论；指标在该轮的最终处理取各评价维度中较严者（见表S1、S2）。"},
    {"d3.title.level", "Indicator screening, round {} ({}, level {})", "第{}轮专家咨询指标筛选结果（{}，第{}层）"},
    {"d3.note.icvi", "I-CVI = share of experts rating the indicator ≥ {} (relevant).", "I-CVI 为评分 ≥ {} 分（相关）的专家比例。"},
    {"dc.title", "Content validity of the indicator system (CVI)", "指标体系内容效度（内容效度指数CVI）"},
    {"dc.h.round", "Round", "轮次"},
    {"dc.h.aspect", "Aspect", "评价维度"},
    {"dc.h.items", "Indicators", "指标数"},
    {"dc.h.experts", "Experts", "专家数"},
    {"dc.h.icvi_range", "I-CVI range", "I-CVI范围"},
    {"dc.h.low", "I-CVI < 0.78", "I-CVI < 0.78的指标数"},
    {"dc.h.ave", "S-CVI/Ave", "S-CVI/Ave"},
    {"dc.h.ua", "S-CVI/UA", "S-CVI/UA"},
    {"dc.note",
     "Relevant = rated ≥ {}. I-CVI = relevant ratings / experts; S-CVI/Ave = mean I-CVI; S-CVI/UA = share of indicators "
     "with I-CVI = 1 (Polit, Beck & Owen 2007). Usual criteria: I-CVI ≥ 0.78, S-CVI/Ave ≥ 0.90, S-CVI/UA ≥ 0.80.",
     "评分 ≥ {} 分视为相关。I-CVI = 评为相关的专家数 / 专家数；S-CVI/Ave 为各指标 I-CVI 的均数；S-CVI/UA 为 I-CVI = 1 "
     "的指标所占比例（Polit, Beck & Owen 2007）。常用标准：I-CVI ≥ 0.78，S-CVI/Ave ≥ 0.90，S-CVI/UA ≥ 0.80。"},
    {"dc.verdict.ok", "Round {} ({}): S-CVI/Ave = {:.3f} and S-CVI/UA = {:.3f} meet the usual criteria.",
     "第{}轮（{}）：S-CVI/Ave = {:.3f}，S-CVI/UA = {:.3f}，均达到常用标准。"},
    {"dc.verdict.low", "Round {} ({}): S-CVI/Ave = {:.3f}, S-CVI/UA = {:.3f}; {} of the two usual criteria not met.",
     "第{}轮（{}）：S-CVI/Ave = {:.3f}，S-CVI/UA = {:.3f}，有{}项未达到常用标准。"},
    {"dc.final", "final system", "最终指标体系"},
    {"dc.verdict.final_ok", "Final system ({}, last round's ratings): S-CVI/Ave = {:.3f} and S-CVI/UA = {:.3f} meet the usual criteria.",
     "最终指标体系（{}，末轮评分）：S-CVI/Ave = {:.3f}，S-CVI/UA = {:.3f}，均达到常用标准。"},
    {"dc.verdict.final_low", "Final system ({}, last round's ratings): S-CVI/Ave = {:.3f}, S-CVI/UA = {:.3f}; {} of the two usual criteria not met.",
     "最终指标体系（{}，末轮评分）：S-CVI/Ave = {:.3f}，S-CVI/UA = {:.3f}，有{}项未达到常用标准。"},
    // ---- S construction of the indicator system ---------------------------------------
    {"s.sep", "; ", "；"},
    {"s.fail.mean", "{} mean {:.3f} < {}", "{}均数{:.3f} < {}"},
    {"s.fail.cv", "{} CV {:.3f} ≥ {}", "{}变异系数{:.3f} ≥ {}"},
    {"s.fail.full", "{} full-score ratio {:.3f} < {}", "{}满分比{:.3f} < {}"},
    {"s.fail.bmean", "{} mean {:.3f} ≤ boundary {:.3f}", "{}均数{:.3f} ≤ 界值{:.3f}"},
    {"s.fail.bfull", "{} full-score ratio {:.3f} ≤ boundary {:.3f}", "{}满分比{:.3f} ≤ 界值{:.3f}"},
    {"s.fail.bcv", "{} CV {:.3f} ≥ boundary {:.3f}", "{}变异系数{:.3f} ≥ 界值{:.3f}"},
    {"s1.title", "Construction of the indicator system: from the proposed to the final system",
     "指标体系构建过程：从拟定指标体系到最终指标体系"},
    {"s1.h.dimension", "Dimension", "一级指标"},
    {"s1.h.proposed_groups", "Proposed sub-dimensions", "拟定二级指标数"},
    {"s1.h.proposed", "Proposed indicators", "拟定指标数"},
    {"s1.h.deleted", "Deleted in round {}", "第{}轮删除"},
    {"s1.h.final_groups", "Final sub-dimensions", "最终二级指标数"},
    {"s1.h.final", "Final indicators", "最终指标数"},
    {"s1.total", "Total", "合计"},
    {"s1.round", "round {} rated {} indicators, {} deleted and {} marked for revision; ",
     "第{}轮咨询评价{}项指标，删除{}项、修改{}项；"},
    {"s1.story", "The proposed system had {} dimensions and {} indicators and was assessed in {} rounds of expert "
     "consultation (Delphi): {}",
     "拟定指标体系包含{}个一级指标、{}项指标，经{}轮德尔菲专家咨询：{}"},
    {"s1.final", "the final system, used in Table A1 and every table after it, has {} dimensions and {} indicators ({} deleted).",
     "最终形成包含{}个一级指标、{}项指标的指标体系（共删除{}项），表A1及其后各表均基于最终指标体系。"},
    {"s1.kept", "the screening deletes {} indicators, but this study keeps all {} proposed indicators in Table A1 and every "
     "table after it (the screening result is not applied). Reason: {}",
     "专家咨询筛选结果为删除{}项指标，但本研究在表A1及其后各表中保留全部{}项拟定指标（未应用筛选结果），理由：{}"},
    {"s1.no_reason", "none stated.", "未说明。"},
    {"s1.note", "Deleted: verdict 'drop' in the last round that rated the indicator (every boundary criterion or every "
     "fixed cut-off failed); revised: some criteria failed and the indicator was revised on the experts' comments "
     "(Table S2).",
     "删除：指标在其最后一轮评分中判定为删除（全部界值标准或全部固定标准不满足）；修改：部分标准不满足，依据专家意见修改（见表S2）。"},
    {"s2.title", "Indicators deleted or revised in each round of the consultation", "各轮专家咨询指标删除与修改情况"},
    {"s2.h.round", "Round", "轮次"},
    {"s2.h.indicator", "Indicator", "指标"},
    {"s2.h.dimension", "Dimension", "一级指标"},
    {"s2.h.decision", "Decision", "处理"},
    {"s2.h.basis", "Criteria not met", "未满足的标准"},
    {"s2.h.change", "What changed", "修改内容"},
    {"s2.deleted", "deleted", "删除"},
    {"s2.deleted_kept", "deleted by the screening; kept (Table S1)", "筛选结果为删除，予以保留（见表S1）"},
    {"s2.revised", "revised, rated again", "修改后进入下一轮"},
    {"s2.revised_kept", "kept, wording revised", "保留，修改表述"},
    {"s2.not_rated", "not rated in round {}", "未进入第{}轮评分"},
    {"s2.no_change_given", "not stated in the consultation record", "咨询记录未说明修改内容"},
    {"s2.note", "Criteria: the fixed cut-offs (mean, CV) and the boundary values of the round (the round's screening tables in this section), with the values "
     "of the round in which the decision was made.",
     "标准：固定标准（均数、变异系数）及该轮界值（见本节各轮筛选结果表），数值为作出处理的轮次的结果。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
