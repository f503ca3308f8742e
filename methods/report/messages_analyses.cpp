/// \file messages_analyses.cpp
/// Catalogue entries of the analyses of the built index in the appendix (analysis_tables.hpp):
/// coupling coordination (K1, K2 and its figure) and obstacle degree (O1, O2 and its figure).
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& analysis_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    {"section.analyses", "Analyses of the index", "指数分析"},
    {"analysis.col.unit", "Unit", "单位"},
    {"analysis.col.level", "Coordination level", "协调等级"},
    {"analysis.col.range", "Range of D", "D 区间"},
    {"analysis.col.units", "Units", "单位数"},
    {"analysis.col.share", "Share", "占比"},
    {"analysis.col.top", "Obstacle {}", "第{}障碍因子"},
    {"analysis.col.indicator", "Indicator", "指标"},
    {"analysis.col.dimension", "Dimension", "维度"},
    // ---- K1/K2 coupling coordination --------------------------------------------------
    {"analysis.coupling.title", "Coupling coordination degree of the dimensions", "各维度耦合协调度"},
    {"analysis.coupling.note.corrected",
     "U: dimension scores rescaled to [0, 1]. C: coupling degree, corrected model of Wang et al. (2021), "
     "C = √{{[1 − Σ|Ui − Uj| / Σk] · [Π(Ui / max U)]^(1/(m−1))}}; T = Σ wi·Ui (weights: {}); D = √(C·T). Units sorted by D.",
     "U：各维度得分换算到 [0, 1]。C：耦合度，采用王淑佳等（2021）修正模型 C = √{{[1 − Σ|Ui − Uj| / Σk] · [Π(Ui / max U)]^(1/(m−1))}}；"
     "T = Σ wi·Ui（权重：{}）；D = √(C·T)。按 D 由高到低排列。"},
    {"analysis.coupling.note.traditional",
     "U: dimension scores rescaled to [0, 1]. C: coupling degree, traditional model C = m·(ΠUi)^(1/m) / ΣUi; "
     "T = Σ wi·Ui (weights: {}); D = √(C·T). Units sorted by D.",
     "U：各维度得分换算到 [0, 1]。C：耦合度，采用传统模型 C = m·(ΠUi)^(1/m) / ΣUi；T = Σ wi·Ui（权重：{}）；D = √(C·T)。"
     "按 D 由高到低排列。"},
    {"analysis.coupling.undefined", "{} unit(s) with a missing dimension score (or all dimensions at 0) have no C or D.",
     "{}个单位因维度得分缺失（或各维度均为0）无法计算 C 与 D。"},
    {"analysis.coupling.interp",
     "The mean coordination degree is D = {:.3f} ({}); the most common level is {} ({} of {} units).",
     "耦合协调度均值 D = {:.3f}（{}）；最常见的协调等级为{}（{}个，共{}个单位）。"},
    {"analysis.levels.title", "Distribution of the units over the coordination levels", "耦合协调等级分布"},
    {"analysis.levels.note", "Ten equal bands of D, closed on the left ([0.9, 1] closed), from extreme imbalance to high-quality coordination.",
     "按 D 等距划分为十个等级，区间左闭右开（[0.9, 1] 为闭区间）：极度失调……优质协调。"},
    {"analysis.levels.fig", "Units per coordination level", "各耦合协调等级的单位数"},
    // ---- O1/O2 obstacle degree --------------------------------------------------------
    {"analysis.obstacles.title", "Obstacle degree of the dimensions and main obstacle indicators", "各维度障碍度与主要障碍因子"},
    {"analysis.obstacles.note",
     "Obstacle degree O = F·I / ΣF·I: F = the indicator's global weight (factor contribution), I = 1 − its normalised "
     "score on [0, 1] (deviation). A dimension's obstacle is the sum over its indicators; each unit's obstacles sum to 100%.",
     "障碍度 O = F·I / ΣF·I：F 为指标全局权重（因子贡献度），I = 1 − 指标标准化得分（[0, 1]，指标偏离度）。"
     "维度障碍度为其下指标障碍度之和，各单位障碍度合计为 100%。"},
    {"analysis.obstacles.incomplete", "{} unit(s) have missing indicators: their shares run over the available indicators.",
     "{}个单位存在缺失指标，其障碍度按可得指标计算。"},
    {"analysis.obstacles.none", "{} unit(s) are at the best value on every indicator: no obstacle.",
     "{}个单位所有指标均为最优值，不存在障碍因子。"},
    {"analysis.obstacles.interp", "On average the largest obstacle is {} ({:.1f}% of the units' shortfall).",
     "平均而言，障碍度最大的维度为{}（占各单位差距的 {:.1f}%）。"},
    {"analysis.frequency.title", "Indicators most often among the top {} obstacles", "进入前{}位障碍因子的指标及频次"},
    {"analysis.frequency.note", "Units counted: those with a shortfall ({} obstacles listed per unit; {} units).",
     "统计范围：存在差距的单位（每个单位列出前{}位障碍因子；共{}个单位）。"},
    {"analysis.frequency.interp", "The most frequent obstacles are {}.", "出现频次最高的障碍因子为{}。"},
    {"analysis.frequency.fig", "Share of units with the indicator among their top {} obstacles", "指标进入前{}位障碍因子的单位占比"},
    {"analysis.frequency.axis", "share of units (top {})", "单位占比（前{}位）"},
    {"analysis.omit.coupling", "coupling coordination (K1, K2) left out: {}", "未输出耦合协调分析（K1、K2）：{}"},
    {"analysis.omit.unbounded", "the index is not on a bounded score range (these analyses need min-max, goalposts or "
     "percentile normalisation and weighted-mean aggregation)",
     "指数得分不在有界区间内（该分析要求极差、目标值或百分位标准化及加权平均合成）"},
    {"analysis.omit.obstacles", "obstacle degree (O1, O2) left out: {}", "未输出障碍度分析（O1、O2）：{}"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
