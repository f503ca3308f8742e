/// \file messages_mcda_weights.cpp
/// Catalogue entries of benefit of the doubt, the Best-Worst Method and DEMATEL (issue 18):
/// the BWM consistency table and verdicts, the DEMATEL cause/effect diagram, BoD notes.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& mcda_weights_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    {"bwm.title", "Best-Worst Method consistency per node and expert", "最优最劣法（BWM）一致性检验结果（各节点、各专家）"},
    {"bwm.h.node", "Node", "节点"},
    {"bwm.h.expert", "Expert", "专家"},
    {"bwm.h.xi_star", "ξ* (nonlinear model)", "ξ*（非线性模型）"},
    {"bwm.h.xi_linear", "ξL (linear model)", "ξL（线性模型）"},
    {"bwm.h.cr", "Consistency ratio ξ*/CI", "一致性比率 ξ*/CI"},
    {"bwm.h.input_cr", "Input-based CR", "输入型一致性比率 CR^I"},
    {"bwm.h.threshold", "Threshold", "阈值"},
    {"bwm.h.verdict", "Verdict", "结论"},
    {"bwm.verdict.acceptable", "acceptable", "可接受"},
    {"bwm.verdict.unacceptable", "not acceptable", "不可接受"},
    {"bwm.verdict.untabulated", "no threshold tabulated", "无对应阈值"},
    {"bwm.note",
     "Weights from the linear model (Rezaei 2016); ξ* from the nonlinear model (Rezaei 2015), CI from Rezaei's table; "
     "the verdict compares the input-based ratio with the thresholds of Liang, Brunelli & Rezaei (2020).",
     "权重由线性模型求得（Rezaei 2016）；ξ*由非线性模型求得（Rezaei 2015），CI取自Rezaei的一致性指数表；"
     "结论将输入型一致性比率与Liang、Brunelli和Rezaei（2020）给出的阈值比较。"},
    {"bod.note",
     "Benefit of the doubt: each unit is scored with the weights most favourable to it, no unit exceeding 1 "
     "(Cherchye et al. 2007; OECD/JRC 2008, §6.1.4); linear programmes solved with GLPK.",
     "“有利原则”（BoD）法：每个单位采用对其最有利的权重计分，且任何单位得分不超过1（Cherchye等，2007；"
     "OECD/JRC，2008，§6.1.4）；线性规划由GLPK求解。"},
    // Method sentences of the appendix (A1 notes) when the spec selects an issue-18 method.
    {"method.weights.bod",
     "Weights: benefit of the doubt (DEA) — each unit's most favourable weights, the weight of a child being its mean "
     "pie share over the units (Cherchye et al. 2007; OECD/JRC 2008, §6.1.4).",
     "权重：“有利原则”（BoD/DEA）法——每个单位采用对其最有利的权重，子指标权重取各单位饼图份额的均值（Cherchye等，2007；"
     "OECD/JRC，2008，§6.1.4）。"},
    {"method.weights.bwm",
     "Weights: Best–Worst Method, linear model (Rezaei 2016) from the experts' best-to-others and others-to-worst "
     "vectors; consistency ratio ξ*/CI of the nonlinear model (Rezaei 2015).",
     "权重：最优最劣法（BWM），由专家给出的最优-其他与其他-最劣向量按线性模型求得（Rezaei，2016）；一致性比率为非线性模型的"
     "ξ*/CI（Rezaei，2015）。"},
    {"method.weights.max_deviation",
     "Weights: maximising deviation — w_j ∝ Σ_i Σ_k |z_ij − z_kj| on the min-max rescaled children, so that an "
     "indicator separating the units more weighs more (Wang 1998).",
     "权重：离差最大化法——在极差标准化后的子指标上取 w_j ∝ Σ_i Σ_k |z_ij − z_kj|，区分各单位能力越强的指标权重越大"
     "（王应明，1998）。"},
    {"method.weights.mean_deviation",
     "Weights: mean deviation — w_j ∝ (1/n) Σ_i |z_ij − z̄_j| on the min-max rescaled children.",
     "权重：平均差法——在极差标准化后的子指标上取 w_j ∝ (1/n) Σ_i |z_ij − z̄_j|。"},
    {"method.weights.independence",
     "Weights: independence weights — w_j ∝ 1 − R_j² = 1/VIF_j, R_j² of each child regressed on the others, so "
     "that redundant indicators weigh less (苏为华 2000; Marquardt 1970).",
     "权重：独立性权数法——w_j ∝ 1 − R_j² = 1/VIF_j，R_j²为该子指标对其余子指标回归的决定系数，信息重复的指标权重较小"
     "（苏为华，2000；Marquardt，1970）。"},
    {"method.aggregate.bod",
     "Aggregation: benefit of the doubt — each unit's score with its most favourable weights, no unit above 1 "
     "(Cherchye et al. 2007); linear programmes solved with GLPK.",
     "合成：“有利原则”（BoD）法——每个单位以对其最有利的权重计分，且任何单位不超过1（Cherchye等，2007）；线性规划由GLPK求解。"},
    {"method.aggregate.gra",
     "Aggregation: grey relational analysis — grade of relation to the ideal sequence with resolution coefficient "
     "ρ = {} (Deng 1989).",
     "合成：灰色关联分析——与理想序列的加权关联度，分辨系数 ρ = {}（邓聚龙，1989）。"},
    {"method.aggregate.vikor",
     "Aggregation: VIKOR — group utility S, individual regret R and Q with v = {}; score 1 − Q, so that higher is "
     "better (Opricovic & Tzeng 2004).",
     "合成：VIKOR法——群体效用 S、个体遗憾 R 与折衷值 Q（v = {}）；得分取 1 − Q，越高越好（Opricovic和Tzeng，2004）。"},
    {"method.aggregate.promethee",
     "Aggregation: PROMETHEE II — net outranking flow φ = φ⁺ − φ⁻ with each criterion's preference function "
     "(Brans & Vincke 1985).",
     "合成：PROMETHEE II——按各准则的偏好函数计算净流量 φ = φ⁺ − φ⁻（Brans和Vincke，1985）。"},
    {"method.aggregate.copras",
     "Aggregation: COPRAS — relative significance Q from the weighted sums of benefit and cost criteria "
     "(Zavadskas, Kaklauskas & Šarka 1994).",
     "合成：COPRAS（复比例评估法）——由效益型与成本型准则的加权和求相对重要性 Q（Zavadskas、Kaklauskas和Šarka，1994）。"},
    {"method.aggregate.edas",
     "Aggregation: EDAS — appraisal score from the positive and negative distances to the average solution "
     "(Keshavarz Ghorabaee et al. 2015).",
     "合成：EDAS（基于平均解距离法）——由与平均解的正、负距离求评价值（Keshavarz Ghorabaee等，2015）。"},
    {"method.aggregate.rsr",
     "Aggregation: rank-sum ratio (RSR) — weighted mean rank / n, probit regression and grading into tiers (田凤调 1988).",
     "合成：秩和比法（RSR）——加权平均秩除以 n，经概率单位回归并分档（田凤调，1988）。"},
    {"method.aggregate.fuzzy",
     "Aggregation: fuzzy comprehensive evaluation — membership of each indicator in the grades {} from the grade "
     "thresholds (semi-trapezoids at the ends, triangles inside), operator {}, score = weighted-average grade score, "
     "grade by {} (杜栋等 2008; Zadeh 1965).",
     "合成：模糊综合评价——由等级标准值按隶属函数（两端半梯形、中间三角形）求各指标对等级 {} 的隶属度，合成算子 {}，"
     "得分为加权平均等级分，等级按{}确定（杜栋等，2008；Zadeh，1965）。"},
    {"dematel.title", "DEMATEL cause/effect diagram", "DEMATEL因果关系图"},
    {"dematel.x", "Prominence D + R", "中心度 D + R"},
    {"dematel.y", "Relation D − R", "原因度 D − R"},
    {"dematel.cause", "cause group", "原因组"},
    {"dematel.effect", "effect group", "结果组"},
    {"dematel.table.title", "DEMATEL: influence given (D), received (R), prominence, relation and weights",
     "DEMATEL分析结果：影响度（D）、被影响度（R）、中心度、原因度与权重"},
    {"dematel.total.title", "Total-relation matrix T = N(I − N)⁻¹", "综合影响矩阵 T = N(I − N)⁻¹"},
    {"dematel.h.criterion", "Criterion", "因素"},
    {"dematel.h.group", "Group", "类别"},
    {"dematel.h.weight", "Weight", "权重"},
    {"dematel.note",
     "Note: {} expert matrix(ces) averaged; N = A / max(row sums, column sums); weights w_i ∝ √((D+R)² + (D−R)²) "
     "(Fontela & Gabus 1976; Tzeng, Chiang & Li 2007).",
     "注：{}位专家的直接影响矩阵取平均；N = A / max(行和, 列和)；权重 w_i ∝ √((D+R)² + (D−R)²)"
     "（Fontela和Gabus，1976；Tzeng、Chiang和Li，2007）。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
