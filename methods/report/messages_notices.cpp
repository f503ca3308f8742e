/// \file messages_notices.cpp
/// Catalogue entries of the adjustments the library made on the user's behalf (notices.hpp):
/// one sentence per notice kind ("notice.<key>"), the grouped notes under the affected tables,
/// the adjustments table, and the diagnostics localised for stderr.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& notice_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- one sentence per notice: node label first where the notice has a node -------------
    {"notice.combine.negative",
     "{}: the game-theory combination coefficient of the {} weights is negative ({}); its absolute value is used (normalised α* = {})",
     "{}：博弈论组合赋权中{}权重的组合系数为负（{}），取其绝对值后归一化（α* = {}）"},
    {"notice.weights.units_dropped",
     "{}: the {} weights leave out {} of {} units with a missing value (listwise deletion)",
     "{}：计算{}权重时剔除了{}个（共{}个）含缺失值的单位（列表删除）"},
    {"notice.weights.pca_components_added",
     "{}: the PCA weights keep {} component(s) beyond the eigenvalue and share rules to reach a cumulative explained variance of {}% (>= {}%)",
     "{}：主成分权重在特征值与方差贡献率规则之外追加保留{}个主成分，使累计方差解释率达到{}%（≥ {}%）"},
    {"notice.units.no_score",
     "{}: no available indicator for {} unit(s) ({}); their score and rank are missing",
     "{}：{}个单位（{}）无可用指标，其得分和排名缺失"},
    {"notice.units.dropped_listwise",
     "{}: {} unit(s) with a missing child score are dropped (listwise) ({}); their score and rank are missing",
     "{}：{}个单位因下级得分缺失被剔除（列表删除）（{}），其得分和排名缺失"},
    {"notice.missing.available",
     "{} missing value(s) in {} unit(s): those units' group scores average the available indicators with re-normalised weights",
     "{}个缺失值分布在{}个单位中：这些单位的上级得分按可用指标计算，权重在可用指标间重新归一化"},
    {"notice.treat.imputed", "{} of {} missing value(s) imputed ({})", "{}个缺失值（共{}个）已插补（{}）"},
    {"notice.treat.winsorised", "{}: {} value(s) winsorised ({} high, {} low)",
     "{}：{}个值经缩尾处理（上端{}个，下端{}个）"},
    {"notice.treat.transformed", "{}: transformed ({})", "{}：经数据变换（{}）"},
    {"notice.design.random",
     "The uncertain inputs own {} design coordinates (more than {}): pseudo-random base points are used instead of scrambled Sobol' points",
     "不确定性输入共占{}个设计坐标（超过{}个），改用伪随机基点代替加扰Sobol'序列"},
    {"notice.whole", "whole index", "整体"},
    // ---- grouped notes under the affected tables ------------------------------------------
    {"adj.note.number", "({}) ", "（{}）"},
    {"adj.note.combine.negative",
     "At {} node(s) ({}) a game-theory combination coefficient is negative; its absolute value is used (α*_k = |α_k| / Σ|α|), as listed in the adjustments section.",
     "共{}个节点（{}）的博弈论组合系数出现负值，按其绝对值归一化处理（α*_k = |α_k| / Σ|α|），详见数据处理与方法调整说明。"},
    {"adj.note.weights.units_dropped",
     "At {} node(s) ({}) the objective weights use only the units without a missing value (listwise deletion; {} to {} units left out per node).",
     "共{}个节点（{}）的客观权重仅使用无缺失值的单位计算（列表删除，每个节点剔除{}～{}个单位）。"},
    {"adj.list.sep", ", ", "、"},
    {"adj.sentence.sep", "; ", "；"},
    {"adj.sentence.end", ".", "。"},
    // ---- the adjustments table ------------------------------------------------------------
    {"adj.title", "Adjustments to the data and methods", "数据处理与方法调整说明"},
    {"adj.h.no", "No.", "序号"},
    {"adj.h.object", "Concerns", "对象"},
    {"adj.h.what", "Adjustment", "调整内容"},
    {"adj.h.table", "Noted under", "注释所在表"},
    {"adj.note.intro",
     "Every change the software made to the data or the methods on the user's behalf; the results in the other tables include them.",
     "下表列出软件在计算中代为作出的全部数据处理与方法调整；其他各表的结果均已包含这些调整。"},
    {"adj.none", "No adjustment was made.", "计算过程中未作任何调整。"},
    // ---- diagnostics on stderr ------------------------------------------------------------
    {"diag.pairwise",
     "{}correlations use pairwise-complete units ({} to {} per pair); the matrix may not be positive semi-definite",
     "{}相关系数按成对完整单位计算（每对{}～{}个单位），相关矩阵可能不是半正定的"},
    {"diag.whole_system", "whole system: ", "整个指标体系："},
    {"diag.ave",
     "dimension '{}': AVE {} < {} (the factor explains less than half of its indicators' variance)",
     "维度“{}”：AVE为{}，低于{}（因子解释的方差不足其指标方差的一半）"},
    {"diag.mc_halfwidth",
     "Monte Carlo: {} index pair(s) have a {}% CI half-width above {}: the indices are not yet stable",
     "蒙特卡洛模拟：{}个敏感性指数的{}%置信区间半宽超过{}，指数尚未稳定"},
    {"diag.excel_errors",
     "column '{}': {} Excel error value(s) read as missing (data.excel_errors: missing): {}",
     "数据列“{}”：{}个Excel错误值按缺失值处理（data.excel_errors: missing）：{}"},
    {"diag.fullwidth",
     "column '{}': {} value(s) with full-width digits or a Unicode minus read as numbers: {}",
     "数据列“{}”：{}个含全角数字或Unicode负号的数值已按数字读取：{}"},
    {"diag.denominator",
     "indicator '{}': {} value(s) set to missing because the denominator '{}' is missing or zero: {}",
     "指标“{}”：{}个数值因分母“{}”缺失或为0而设为缺失值：{}"},
    {"diag.denominator.missing", " (missing)", "（分母缺失）"},
    {"diag.denominator.zero", " (0)", "（分母为0）"},
    {"diag.more", "; ... ($1 more)", "；……（另有$1个）"},
    {"cli.warning", "warning: ", "警告："},
    // ---- reasons of the "not included" list (localised_reason) ------------------------------
    {"reason.constant", "{} is constant", "{}为常数（无变异）"},
    {"reason.few_units", "only {} complete unit(s)", "完整单位仅{}个，不足以计算"},
    {"reason.few_indicators", "only {} indicator(s)", "指标仅{}项，不足以计算"},
    {"reason.singular", "a matrix is singular", "矩阵奇异，无法求解"},
    {"reason.perfect", "indicators are perfectly correlated", "指标间完全相关"},
    {"reason.other", "the data do not meet the method's conditions (the warning on stderr says why)",
     "数据不满足该方法的计算条件（原因详见运行时的警告信息）"},
    // ---- method variants named in notes (A10-1): the AHP random-index tables ---------------
    {"term.ri.saaty1980", "RI of Saaty (1980)", "Saaty（1980）RI表"},
    {"term.ri.saaty2005", "RI of Saaty (2005)", "Saaty（2005）RI表"},
    {"term.ri.alonso_lamata", "RI of Alonso & Lamata (2006)", "Alonso与Lamata（2006）RI表"},
    {"term.ri.alonso_lamata_fit", "RI fitted by Alonso & Lamata (2006)", "Alonso与Lamata（2006）拟合RI"},
    {"term.ri.donegan_dodd", "RI of Donegan & Dodd (1991)", "Donegan与Dodd（1991）RI表"},
    {"term.ri.chinese_textbook", "RI of Chinese textbooks", "国内教材常用RI表"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
