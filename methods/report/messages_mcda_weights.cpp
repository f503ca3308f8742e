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
    {"dematel.title", "DEMATEL cause/effect diagram", "DEMATEL因果关系图"},
    {"dematel.x", "Prominence D + R", "中心度 D + R"},
    {"dematel.y", "Relation D − R", "原因度 D − R"},
    {"dematel.cause", "cause group", "原因组"},
    {"dematel.effect", "effect group", "结果组"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
