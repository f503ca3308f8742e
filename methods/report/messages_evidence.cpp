/// \file messages_evidence.cpp
/// Catalogue entries of the evidence added after A3–A8 (validity_summary.hpp): A6-2
/// per-dimension parallel analysis, A8-3 criterion validity, and the overall conclusions on
/// reliability and structural validity.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& evidence_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- A6-2 ------------------------------------------------------------------------------
    {"a62.title", "Principal components and parallel analysis per dimension", "各维度主成分分析与平行分析"},
    {"a62.h.scope", "Scope", "范围"},
    {"a62.h.k", "Indicators", "指标数"},
    {"a62.h.ratio", "n : k", "样本量与指标数之比"},
    {"a62.h.eigen1", "First eigenvalue", "第一特征根"},
    {"a62.h.share1", "Variance of PC1", "第一主成分方差解释率"},
    {"a62.h.kaiser", "Eigenvalues > 1", "特征根大于1的个数"},
    {"a62.h.parallel", "Retained by parallel analysis", "平行分析保留的成分数"},
    {"a62.note",
     "Principal components of each block's correlation matrix; parallel analysis (Horn 1965) keeps the leading components whose eigenvalue exceeds that of random data of the same size ({0} data sets, {1:g}th percentile).",
     "各范围指标相关矩阵的主成分分析；平行分析（Horn 1965）保留特征根大于{0}组同规模随机数据特征根第{1:g}百分位数的前若干成分。"},
    {"a62.interp.uni",
     "Parallel analysis retains one component in every dimension: each dimension is unidimensional, as its use as one score assumes.",
     "由表A6-2可知，平行分析在各维度内均只保留1个成分，各维度均为单维结构，与将其合成为一个得分的做法一致。"},
    {"a62.interp.multi",
     "Parallel analysis retains more than one component in {}: these dimensions are not unidimensional, and their scores combine distinct facets.",
     "由表A6-2可知，平行分析在{}中保留了1个以上的成分，这些维度并非单维结构，其得分合成了不同的侧面。"},
    // ---- A8-3 ------------------------------------------------------------------------------
    {"a83.title", "Criterion validity: correlations with external criteria", "效标效度：与外部效标的相关分析"},
    {"a83.h.criterion", "Criterion", "效标"},
    {"a83.h.unit", "Unit", "单位"},
    {"a83.h.score", "Score", "得分"},
    {"a83.h.n", "n", "样本量"},
    {"a83.h.r", "Pearson r", "Pearson相关系数"},
    {"a83.h.ci", "95% CI", "95%置信区间"},
    {"a83.h.p", "p", "p值"},
    {"a83.h.rho", "Spearman ρ", "Spearman秩相关系数"},
    {"a83.h.verdict", "Verdict (Pearson)", "评价（Pearson）"},
    {"a83.index", "Index", "综合指数"},
    {"a83.note",
     "Pairwise-complete units; Pearson CI by Fisher's z, Spearman CI by Bonett & Wright (2000); verdict by the spec's criterion_r rule (Cohen 1988).",
     "按成对完整单位计算；Pearson相关系数的置信区间采用Fisher z变换，Spearman秩相关系数的置信区间采用Bonett与Wright（2000）方法；评价依据Cohen（1988）的效应量标准。"},
    {"a83.interp",
     "The index correlates with {0} at r = {1:.3f} (95% CI [{2:.3f}, {3:.3f}], p {4}): {5} criterion validity ({6}; {7}).",
     "由表A8-3可知，综合指数与{0}的Pearson相关系数为{1:.3f}（95%置信区间[{2:.3f}, {3:.3f}]，p {4}），效标效度{5}（{6}；{7}）。"},
    // ---- overall conclusion: reliability ---------------------------------------------------
    {"concl.rel.head", "Reliability as a whole: ", "信度总体评价："},
    {"concl.rel.whole", "α of all indicators is {:.3f} ({}); ", "全部指标的α系数为{:.3f}（{}）；"},
    {"concl.rel.dims", "the dimensions' α range from {:.3f} to {:.3f}; ", "各维度α系数介于{:.3f}～{:.3f}之间；"},
    {"concl.rel.no_poor", "no dimension is rated poor or questionable; ", "没有维度的信度被评为较差或存疑；"},
    {"concl.rel.poor", "rated below acceptable: {}; ", "低于可接受水平的维度：{}；"},
    {"concl.rel.citc_ok", "every corrected item–total correlation is at least {}; ", "各指标的校正项总计相关性（CITC）均不低于{}；"},
    {"concl.rel.citc", "corrected item–total correlation below {}: {}; ", "校正项总计相关性（CITC）低于{}的指标：{}；"},
    {"concl.rel.rise_ok", "deleting no indicator raises its dimension's α by more than {}. ", "删除任一指标均不会使所在维度的α系数上升超过{}。"},
    {"concl.rel.rise", "deleting these indicators raises their dimension's α by more than {}: {}. ", "删除以下指标会使所在维度的α系数上升超过{}：{}。"},
    {"concl.rel.good", "The internal consistency of the indicator system is adequate.", "综上所述，指标体系的内部一致性信度良好。"},
    {"concl.rel.mixed",
     "The internal consistency is adequate as a whole, with the indicators and dimensions named above as exceptions to be reviewed.",
     "综上所述，指标体系的内部一致性信度总体可以接受，但上述指标和维度有待进一步审视。"},
    // ---- overall conclusion: structural validity -------------------------------------------
    {"concl.val.head", "Structural validity as a whole: ", "结构效度总体评价："},
    {"concl.val.ratio.low",
     "the factor analyses use n = {:.0f} units for k = {:.0f} indicators ({:.1f} : 1), below the usual {:g} : 1 (Gorsuch 1983), so the whole-system results (Tables A5–A8) are exploratory and their loadings unstable; ",
     "全部指标的因子分析以{:.0f}个单位分析{:.0f}项指标（样本量与指标数之比为{:.1f} : 1），低于通常要求的{:g} : 1（Gorsuch 1983），因此全部指标层面的结果（表A5–A8）只具探索性，载荷估计不够稳定；"},
    {"concl.val.ratio.ok",
     "the factor analyses use n = {:.0f} units for k = {:.0f} indicators ({:.1f} : 1, at least {:g} : 1; Gorsuch 1983); ",
     "全部指标的因子分析以{:.0f}个单位分析{:.0f}项指标（样本量与指标数之比为{:.1f} : 1，不低于{:g} : 1；Gorsuch 1983）；"},
    {"concl.val.msa_ok", "every indicator's MSA is at least {}; ", "各指标的MSA值均不低于{}；"},
    {"concl.val.msa",
     "MSA below {} (unacceptable for factor analysis; Kaiser 1974): {}; ",
     "MSA值低于{}（不适合因子分析；Kaiser 1974）的指标：{}；"},
    {"concl.val.load_ok", "every indicator loads at least {} on some rotated component; ", "各指标在某一旋转成分上的最大载荷均不低于{}；"},
    {"concl.val.load",
     "highest rotated loading below {}: {}; ",
     "最大旋转载荷低于{}的指标：{}；"},
    {"concl.val.comm", "{} of {} communalities are below {}; ", "{}项（共{}项）指标的共同度低于{}；"},
    {"concl.val.match_ok", "every indicator loads highest on its declared dimension's component; ", "各指标均在其所属维度对应的成分上载荷最高；"},
    {"concl.val.match",
     "{} of {} indicators load highest on another dimension's component ({}); ",
     "{}项（共{}项）指标在其他维度对应的成分上载荷最高（{}）；"},
    {"concl.val.ave_ok", "every dimension's AVE is acceptable; ", "各维度的AVE均达到可接受水平；"},
    {"concl.val.ave", "AVE rated poor: {}; ", "AVE被评为不佳的维度：{}；"},
    {"concl.val.htmt", "the largest HTMT is {:.3f} ({}, {}); ", "HTMT最大值为{:.3f}（{}，{}）；"},
    {"concl.val.criterion", "the index correlates with {} at r = {:.3f} ({}); ", "综合指数与{}的相关系数为{:.3f}（{}）；"},
    {"concl.val.good", "The evidence supports the declared structure.", "综上所述，证据支持所设定的维度结构，指标体系具有良好的结构效度。"},
    {"concl.val.mixed",
     "The evidence supports the declared structure only in part: the items named above weaken it, and the structure should be read with these limits.",
     "综上所述，证据仅部分支持所设定的维度结构：上述各项削弱了结构效度，解读维度结构时应注意这些局限。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
