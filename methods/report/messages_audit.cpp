/// \file messages_audit.cpp
/// Catalogue entries of the statistical-coherence audit (audit_tables.hpp, `cikit audit`):
/// tables C1–C4, the importance figure, flags and verdicts.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& audit_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- C1 correlations --------------------------------------------------------------
    {"audit.c1.title", "Correlation structure of the built index", "指标与上级、总指数的相关结构"},
    {"audit.col.node", "Indicator / dimension", "指标/维度"},
    {"audit.col.r_parent", "r with parent", "与上级的r"},
    {"audit.col.r_index", "r with index", "与总指数的r"},
    {"audit.col.rho_parent", "ρ with parent", "与上级的ρ"},
    {"audit.col.rho_index", "ρ with index", "与总指数的ρ"},
    {"audit.col.n", "N", "样本数"},
    {"audit.col.flags", "Flags", "标记"},
    {"audit.c1.note",
     "Pearson correlations (Spearman ρ where shown) on the built index: normalised, direction-oriented indicators and aggregated scores, units with both scores. Flags: negative = r < 0 with the parent; weak = 0 ≤ r < {:.2f} with the parent; redundant = |r| > {:.2f} with a sibling (JRC practice).",
     "基于已构建指数计算的 Pearson 相关系数（列出时另附 Spearman ρ）：标准化且方向统一后的指标与合成得分，取两者均有值的单位。标记：负相关 = 与上级 r < 0；弱相关 = 与上级 0 ≤ r < {:.2f}；冗余 = 与同级指标 |r| > {:.2f}（JRC 惯例）。"},
    {"audit.c1.redundant", "Redundant pairs (|r| > {:.2f}): {}.", "冗余指标对（|r| > {:.2f}）：{}。"},
    {"audit.c1.none", "No indicator or dimension is negatively or weakly correlated with its parent, and no siblings are redundant.",
     "没有指标或维度与其上级负相关或弱相关，同级之间也不存在冗余。"},
    {"audit.c1.some", "{} of {} nodes carry a flag: {}.", "{}个节点（共{}个）带有标记：{}。"},
    // ---- flags ------------------------------------------------------------------------
    {"audit.flag.negative", "negative", "负相关"},
    {"audit.flag.weak", "weak", "弱相关"},
    {"audit.flag.redundant", "redundant", "冗余"},
    {"audit.flag.divergent", "importance ≠ weight", "重要性与权重不符"},
    {"audit.flag.sep", "; ", "；"},
    // ---- C2 importance ----------------------------------------------------------------
    {"audit.c2.title", "Effective importance versus nominal weights", "有效重要性与名义权重对比"},
    {"audit.col.weight", "Nominal weight", "名义权重"},
    {"audit.col.s_parent", "S_i on parent", "对上级的S_i"},
    {"audit.col.importance", "Normalised importance", "归一化重要性"},
    {"audit.col.ratio", "Importance / weight", "重要性/权重"},
    {"audit.col.s_index", "S_i on index", "对总指数的S_i"},
    {"audit.col.ci", "95% CI of S_i on index", "对总指数S_i的95%置信区间"},
    {"audit.col.r2", "r² with parent", "与上级的r²"},
    {"audit.c2.note",
     "S_i = V(E[y | x_i]) / V(y), the first-order effect of node x_i on its parent or the index y, estimated as the R² of a least-squares cubic B-spline fit (df = {}, interior knots at quantiles; R lm(y ~ splines::bs(x, df))). Normalised importance = S_i on the parent divided by the siblings' sum; nominal weights likewise normalised within the parent. Flag where the ratio lies outside [{:.2f}, {:.2f}] (Paruolo, Saisana & Saltelli 2013).",
     "S_i = V(E[y | x_i]) / V(y)，即节点 x_i 对其上级或总指数 y 的一阶效应，以三次 B 样条最小二乘拟合的 R² 估计（自由度 df = {}，内部节点取分位数；同 R 的 lm(y ~ splines::bs(x, df))）。归一化重要性 = 对上级的 S_i 除以同级之和；名义权重同样在上级内归一化。比值在 [{:.2f}, {:.2f}] 之外时标记（Paruolo, Saisana & Saltelli 2013）。"},
    {"audit.c2.ci", "Percentile intervals from {} bootstrap resamples of the units (seed {}).", "置信区间为对评价单位 {} 次自助重抽样的百分位区间（种子 {}）。"},
    {"audit.c2.none", "Every node's importance is within the tolerated range of its nominal weight.", "各节点的有效重要性均与其名义权重相符。"},
    {"audit.c2.some", "The importance of {} node(s) departs from the nominal weight: {}.", "{}个节点的有效重要性偏离名义权重：{}。"},
    // ---- C3 optimisation --------------------------------------------------------------
    {"audit.c3.title", "Weights optimised towards target importances", "面向目标重要性的权重优化"},
    {"audit.col.nominal", "Nominal weight", "原权重"},
    {"audit.col.optimised", "Optimised weight", "优化权重"},
    {"audit.col.desired", "Desired share", "目标占比"},
    {"audit.col.obtained_nominal", "Obtained share (nominal)", "原权重下占比"},
    {"audit.col.obtained", "Obtained share (optimised)", "优化后占比"},
    {"audit.c3.target.equal", "equal shares", "等份"},
    {"audit.c3.target.nominal", "the nominal weights", "名义权重"},
    {"audit.c3.target.file", "the shares of the target file", "目标文件中的占比"},
    {"audit.c3.note",
     "Shares = each node's correlation with the index divided by their sum; target: {}. Objective (COINr \"balance\") log(mean((target − share)²)) = {:.4f} at the optimised weights, {:.4f} at the nominal ones; NLopt BOBYQA, weights bounded to [0.001, 1], {} starts, {} evaluations, stop: {}. Weights are local (siblings sum to 1). Rank changes of the index: mean |Δ| = {:.2f}, max |Δ| = {} (Becker et al. 2017).",
     "占比 = 各节点与总指数的相关系数除以其总和；目标：{}。目标函数（COINr “balance”）log(mean((目标 − 占比)²)) 在优化权重下为 {:.4f}，原权重下为 {:.4f}；NLopt BOBYQA 算法，权重限定于 [0.001, 1]，{} 个起点，共 {} 次函数求值，终止：{}。权重为上级内的局部权重（同级之和为 1）。指数排名变化：平均 |Δ| = {:.2f}，最大 |Δ| = {}（Becker et al. 2017）。"},
    {"audit.c3.note.infomax",
     "Objective (COINr \"infomax\") −Σ r = {:.4f} at the optimised weights, {:.4f} at the nominal ones; NLopt BOBYQA, weights bounded to [0.001, 1], {} starts, {} evaluations, stop: {}. Weights are local (siblings sum to 1). Rank changes of the index: mean |Δ| = {:.2f}, max |Δ| = {} (Becker et al. 2017).",
     "目标函数（COINr “infomax”）−Σ r 在优化权重下为 {:.4f}，原权重下为 {:.4f}；NLopt BOBYQA 算法，权重限定于 [0.001, 1]，{} 个起点，共 {} 次函数求值，终止：{}。权重为上级内的局部权重（同级之和为 1）。指数排名变化：平均 |Δ| = {:.2f}，最大 |Δ| = {}（Becker et al. 2017）。"},
    {"audit.c3.level", "Weights optimised at level {} (depth below the index)", "第{}层（自总指数向下）的权重优化"},
    // ---- C4 summary -------------------------------------------------------------------
    {"audit.c4.title", "Statistical coherence audit summary", "统计一致性审查汇总"},
    {"audit.col.group", "Dimension", "维度"},
    {"audit.col.k", "No. of indicators", "指标数"},
    {"audit.col.alpha", "Cronbach's α", "Cronbach's α系数"},
    {"audit.col.std_alpha", "Standardised α", "标准化α系数"},
    {"audit.col.eigen", "First eigenvalue share", "第一特征值方差占比"},
    {"audit.col.nflags", "Flags", "标记数"},
    {"audit.col.verdict", "Verdict", "结论"},
    {"audit.verdict.coherent", "coherent", "一致"},
    {"audit.verdict.review", "review ({})", "需复核（{}）"},
    {"audit.reason.alpha", "low α", "α偏低"},
    {"audit.reason.eigen_share", "weak first component", "第一主成分偏弱"},
    {"audit.reason.negative", "negative r", "负相关"},
    {"audit.reason.weak", "weak r", "弱相关"},
    {"audit.reason.redundant", "redundancy", "冗余"},
    {"audit.reason.divergent", "importance ≠ weight", "重要性与权重不符"},
    {"audit.reason.single_indicator", "single indicator", "仅含一个指标"},
    {"audit.verdict.not_applicable", "not applicable ({})", "不适用（{}）"},
    {"audit.c3.bound", " At the lower bound (the target is met only by almost removing them): {}.", "以下节点的权重停在下限（只有几乎剔除它们才能达到目标）：{}。"},
    {"audit.reason.alpha_undefined", "α undefined", "α无法计算"},
    {"audit.reason.eigen_share_undefined", "PCA undefined", "主成分无法计算"},
    {"audit.c4.note",
     "α and the first-eigenvalue share (PCA of the correlation matrix, eigenvalue / k) on the normalised indicators under each dimension. Verdict \"coherent\" when standardised α ≥ {:.2f}, the share ≥ {:.2f} and none of its children is flagged in the correlation or importance tables; otherwise \"review\" with the reasons (OECD/JRC 2008, step 4).",
     "α系数与第一特征值方差占比（相关矩阵主成分分析，特征值/k）基于各维度下标准化后的指标计算。标准化α ≥ {:.2f}、占比 ≥ {:.2f} 且其下级在相关与重要性表中均无标记时判为“一致”，否则判为“需复核”并列出原因（OECD/JRC 2008，第4步）。"},
    // ---- figure -----------------------------------------------------------------------
    {"audit.fig.title", "Nominal weight versus effective importance within each dimension", "各维度内名义权重与有效重要性对比"},
    {"audit.fig.title.panel", "Nominal weight versus effective importance: {}", "名义权重与有效重要性对比：{}"},
    {"audit.fig.weight", "Nominal weight (normalised)", "名义权重（归一化）"},
    {"audit.fig.importance", "Effective importance (normalised S_i)", "有效重要性（归一化S_i）"},
    {"audit.fig.note", "Bars: each node's normalised nominal weight and normalised first-order importance S_i on its parent, grouped by parent.",
     "条形为各节点在上级内归一化的名义权重与对上级的归一化一阶重要性 S_i，按上级分组。"},
    {"audit.omit.optimisation", "weight optimisation (statistical coherence audit): {}", "权重优化（统计一致性审查）：{}"},
    {"audit.omit.audit", "statistical coherence audit: {}", "统计一致性审查：{}"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
