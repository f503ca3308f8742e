/// \file messages_index.cpp
/// Catalogue entries of the index and its weights: table B1 (index scores and ranks), A9 (AHP
/// consistency), A10 and its figure (weights compared), A11 (rankings compared).
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& index_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- B1 index table ----------------------------------------------------------------
    {"b1.title", "Index scores and ranks", "指数得分与排名"},
    {"b1.h.rank", "Rank", "排名"},
    {"b1.h.unit", "Unit", "单位"},
    {"b1.h.score", "Score", "得分"},
    {"b1.note.ranks", "Rank 1 = best; ties share the smallest rank.", "排名 1 为最优；得分相同者并列，取最小名次。"},

    // ---- A9 AHP consistency, A10 weights compared ----------------------------------------
    {"a9.title", "AHP consistency check per node and expert", "层次分析法一致性检验结果（各节点、各专家）"},
    {"a9.h.node", "Node", "判断矩阵（节点）"},
    {"a9.h.expert", "Expert", "专家"},
    {"a9.h.m", "Order m", "阶数m"},
    {"a9.h.missing", "Completed judgments", "补全的判断数"},
    {"a9.h.lambda", "λmax", "最大特征根λmax"},
    {"a9.h.ci", "CI", "CI值"},
    {"a9.h.ri", "RI", "RI值"},
    {"a9.h.cr", "CR", "CR值"},
    {"a9.h.passed", "Consistent", "一致性检验"},
    {"a9.group", "Group (aggregated)", "专家组（集结）"},
    {"a9.note",
     "CI = (λmax − m)/(m − 1), CR = CI/RI; a matrix is consistent when CR < {:g} (Saaty 1980). The group row uses the aggregated judgments.",
     "CI = (λmax − m)/(m − 1)，CR = CI/RI；CR < {:g} 时判断矩阵通过一致性检验（Saaty, 1980）。专家组行为集结后的判断矩阵。"},
    {"a9.note.pairs",
     "The {0} judgment matrices of order 2 at {1} nodes ({2}) are not listed: a 2 × 2 matrix is always consistent (CR is not defined).",
     "{1}个节点（{2}）的{0}个2阶判断矩阵未列出：2阶判断矩阵必然满足一致性（CR无定义）。"},
    {"a9.interp", "{0} of {1} judgment matrices of order 3 or more meet the consistency criterion (CR < {2:g}; Saaty 1980).",
     "{1}个3阶及以上判断矩阵中有{0}个通过一致性检验（CR < {2:g}；Saaty, 1980）。"},
    {"a9.interp.failed", "Not consistent: {}.", "未通过一致性检验：{}。"},
    {"a10.title.local", "Local weights compared across weighting methods", "不同赋权方法的局部权重比较"},
    {"a10.title.global", "Global weights (%) compared across weighting methods", "不同赋权方法的全局权重比较（%）"},
    {"a10.h.node", "Dimension / indicator", "维度/指标"},
    {"a10.note",
     "Local weights sum to 1 within each parent; global weight = product of the local weights from the index down. Data-driven weights are computed on the normalised data as the index uses them.",
     "局部权重在同一上级节点内合计为1；全局权重为自指数起各级局部权重之积。客观赋权法的权重基于指数所用的标准化数据计算。"},
    {"a10.note.variants", "Variants: {}.", "方法设定：{}。"},
    {"fig.weights.title", "Global weights of the indicators by weighting method", "各赋权方法下的指标全局权重"},
    {"fig.weights.title.dimension", "Global weights of the indicators by weighting method: {}",
     "各赋权方法下的指标全局权重：{}"},
    {"fig.weights.y", "Global weight (%)", "全局权重（%）"},
    {"fig.weights.note", "{} weighting methods; the values are those of Table A10-2.", "共{}种赋权方法；数值见表A10-2。"},
    // ---- A11 rankings compared ----------------------------------------------------------
    {"a11.title", "Rank correlations of the index between weighting methods", "不同赋权方法下指数排名的相关系数"},
    {"a11.h.scheme", "Method", "方法"},
    {"compare.scheme_warning", "scheme {}: {}", "方案 {}：{}"},
    {"a11.note", "Below the diagonal Spearman's ρ, above it Kendall's τ-b, of the index scores of the units scored under both methods.",
     "对角线以下为 Spearman 等级相关系数ρ，对角线以上为 Kendall τ-b 系数，基于两种方法下均有得分的单位。"},
    {"a11b.title", "Rank shifts against the reference method ({})", "相对于基准方法（{}）的排名变动"},
    {"a11b.h.rho", "Spearman's ρ", "Spearman ρ"},
    {"a11b.h.tau", "Kendall's τ-b", "Kendall τ-b"},
    {"a11b.h.mean_shift", "Mean |rank shift|", "平均绝对位次变动"},
    {"a11b.h.max_shift", "Max |rank shift|", "最大绝对位次变动"},
    {"a11b.h.top", "Top-{} overlap", "前{}名重合率"},
    {"a11b.note", "Rank shift: |rank under the method − rank under the reference|; top-{} overlap: share of the reference's top units also in the method's top units.",
     "位次变动为该方法下排名与基准方法下排名之差的绝对值；前{}名重合率为基准方法前列单位同时位于该方法前列的比例。"},
    {"a11b.interp", "Against {0}, Spearman's ρ of the other methods ranges from {1:.3f} to {2:.3f}; the mean absolute rank shift is at most {3:.2f} places.",
     "与{0}相比，其他方法的Spearman ρ介于{1:.3f}至{2:.3f}之间，平均绝对位次变动最大为{3:.2f}位。"},
    {"a11c.title", "Units whose rank moves most across weighting methods", "不同赋权方法下排名变动最大的单位"},
    {"a11c.h.unit", "Unit", "单位"},
    {"a11c.h.reference", "Reference rank", "基准排名"},
    {"a11c.h.best", "Best rank", "最好排名"},
    {"a11c.h.worst", "Worst rank", "最差排名"},
    {"a11c.h.shift", "Max |shift|", "最大位次变动"},
    {"a11c.note", "Reference method: {}; the method column names the method of the largest shift.",
     "基准方法：{}；“方法”列为位次变动最大时所用的方法。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
