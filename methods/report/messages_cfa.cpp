/// \file messages_cfa.cpp
/// Catalogue entries of the confirmatory factor analysis tables (cfa_tables.hpp): A15 fit, A16
/// loadings, the CFA variant of A8, and why a CFA is left out of the appendix.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& cfa_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- A15 fit ----------------------------------------------------------------------
    {"cfa.a15.title", "Confirmatory factor analysis: model fit", "验证性因子分析：模型拟合指标"},
    {"cfa.h.index", "Fit index", "拟合指标"},
    {"cfa.h.value", "Value", "数值"},
    {"cfa.h.criterion", "Criterion", "判断标准"},
    {"cfa.h.verdict", "Verdict", "评价"},
    {"cfa.row.chisq_scaled", "χ² (Yuan–Bentler scaled)", "校正χ²（Yuan-Bentler）"},
    {"cfa.row.scaling", "Scaling factor", "校正因子"},
    {"cfa.row.p_scaled", "p (scaled)", "p（校正）"},
    {"cfa.row.chisq_df_scaled", "χ²/df (scaled)", "χ²/df（校正）"},
    {"cfa.row.cfi_robust", "CFI (robust)", "CFI（稳健）"},
    {"cfa.row.tli_robust", "TLI (robust)", "TLI（稳健）"},
    {"cfa.row.rmsea_robust", "RMSEA (robust)", "RMSEA（稳健）"},
    {"cfa.row.rmsea_ci", "RMSEA 90% CI", "RMSEA 90%置信区间"},
    {"cfa.row.rmsea_p", "p (RMSEA ≤ 0.05)", "p（RMSEA ≤ 0.05）"},
    {"cfa.verdict.invalid", "not valid", "无效"},
    {"cfa.estimator.ml", "maximum likelihood (ML)", "极大似然估计（ML）"},
    {"cfa.estimator.mlr", "robust maximum likelihood (MLR: Huber–White standard errors, Yuan–Bentler scaled χ²)",
     "稳健极大似然估计（MLR：Huber-White稳健标准误，Yuan-Bentler校正χ²）"},
    {"cfa.missing.listwise", "listwise deletion", "列删除"},
    {"cfa.missing.fiml", "full-information ML on the incomplete data", "全信息极大似然（FIML）"},
    {"cfa.converged", "converged in {} iterations", "经{}次迭代收敛"},
    {"cfa.not_converged", "NOT converged after {} iterations", "经{}次迭代仍未收敛"},
    {"cfa.a15.note.model",
     "{} Estimator: {}; missing values: {}; N = {} of {} units; {}. Conventions of lavaan 0.6 cfa() (first loading of each factor fixed to 1, likelihood with divisor N); cikit's fit agrees with lavaan to 1e-6.",
     "{}估计方法：{}；缺失值处理：{}；样本量N = {}（共{}个评价单位）；{}。采用lavaan 0.6 cfa()的约定（各因子首个载荷固定为1，似然以N为除数），cikit的结果与lavaan一致（相对误差≤1e-6）。"},
    {"cfa.a15.note.rules", "Criteria: {}.", "判断标准：{}。"},
    {"cfa.a15.note.robust",
     "Verdicts under MLR use the scaled χ² and the robust CFI, TLI and RMSEA (Brosseau-Liard, Savalei & Li 2012; Savalei 2018).",
     "MLR下的评价依据校正χ²及稳健CFI、TLI、RMSEA（Brosseau-Liard, Savalei & Li 2012；Savalei 2018）。"},
    {"cfa.sep", "; ", "；"},
    // ---- inadmissible solutions -------------------------------------------------------
    {"cfa.bad.not_converged", "the estimation did not converge ({} iterations)", "估计未收敛（{}次迭代）"},
    {"cfa.bad.residual", "negative residual variance of {} ({:.4g}; Heywood case)", "{}的残差方差为负（{:.4g}；Heywood个案）"},
    {"cfa.bad.factor", "negative variance of factor {} (Heywood case)", "因子{}的方差为负（Heywood个案）"},
    {"cfa.bad.correlation", "a latent correlation lies beyond ±1, the latent covariance matrix is not positive definite",
     "存在绝对值大于1的潜变量相关，潜变量协方差矩阵非正定"},
    {"cfa.interp.invalid",
     "WARNING: the solution is not admissible ({}). Its fit indices and loadings are NOT valid evidence and must not be reported as such; revise the model (e.g. fewer factors, parcels, or more units).",
     "警告：该解不可接受（{}）。其拟合指标与载荷不能作为有效证据报告；请修订模型（如减少因子、采用题目打包或增加样本）。"},
    // ---- A15 interpretation -----------------------------------------------------------
    {"cfa.interp.part", "{} = {:.3f} ({})", "{} = {:.3f}（{}）"},
    {"cfa.interp.fit", "Table {} gives the fit of the confirmatory factor analysis: {}.", "由表{}可知，验证性因子分析的拟合指标为：{}。"},
    {"cfa.interp.good",
     "CFI, TLI, RMSEA and SRMR all meet the criteria of Hu & Bentler (1999): the declared structure fits the data well.",
     "CFI、TLI、RMSEA与SRMR均达到Hu & Bentler（1999）的标准，说明所设定的结构与数据拟合良好。"},
    {"cfa.interp.acceptable",
     "Not every Hu & Bentler (1999) criterion is met, but χ²/df < 3 and CFI ≥ 0.90: the fit is acceptable.",
     "并非所有指标均达到Hu & Bentler（1999）的标准，但χ²/df < 3且CFI ≥ 0.90，模型拟合可以接受。"},
    {"cfa.interp.poor",
     "χ²/df or CFI misses the acceptable band (χ²/df < 3, CFI ≥ 0.90): the data do not support the declared structure as it stands.",
     "χ²/df或CFI未达到可接受标准（χ²/df < 3，CFI ≥ 0.90），数据不支持当前设定的结构。"},
    // ---- A16 loadings -----------------------------------------------------------------
    {"cfa.a16.title", "Confirmatory factor analysis: loadings, composite reliability and AVE",
     "验证性因子分析：因子载荷、组合信度与平均方差抽取量"},
    {"cfa.h.factor", "Factor", "因子"},
    {"cfa.h.observed", "Observed variable", "观测变量"},
    {"cfa.h.est", "Unstd. estimate", "非标准化载荷"},
    {"cfa.h.se", "SE", "标准误"},
    {"cfa.h.std", "Std. loading", "标准化载荷"},
    {"cfa.a16.note",
     "Unstandardised estimate with its standard error, z = estimate / SE and two-sided p; — = fixed to 1 (the factor's scale). Std. loading: lavaan std.all. R² = 1 − residual variance / model-implied variance. CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)) and AVE = Σλ²/k from the standardised loadings λ of the factor (Fornell & Larcker 1981), on its first row.",
     "非标准化载荷及其标准误，z = 估计值/标准误，p为双侧检验；— 表示固定为1（设定因子尺度）。标准化载荷即lavaan的std.all。R² = 1 − 残差方差/模型隐含方差。组合信度 CR = (Σλ)²/((Σλ)² + Σ(1 − λ²))，平均方差抽取量 AVE = Σλ²/k，λ 为该因子的标准化载荷（Fornell & Larcker 1981），列于各因子首行。"},
    {"cfa.interp.loadings", "All standardised loadings lie between {:.3f} and {:.3f} (≥ 0.5).",
     "各标准化载荷介于{:.3f}与{:.3f}之间，均不低于0.5。"},
    {"cfa.interp.loadings_weak", "The standardised loadings lie between {:.3f} and {:.3f}; {} below 0.5: {}.",
     "各标准化载荷介于{:.3f}与{:.3f}之间，其中{}个低于0.5：{}。"},
    {"cfa.interp.cr_ave", "{}: CR = {:.3f} ({}, {}), AVE = {:.3f} ({}, {}).",
     "{}：CR = {:.3f}（{}，{}），AVE = {:.3f}（{}，{}）。"},
    // ---- A8 CFA variant ---------------------------------------------------------------
    {"cfa.a8.title",
     "Convergent and discriminant validity from the confirmatory factor analysis: CR, AVE and the Fornell–Larcker criterion",
     "基于验证性因子分析的收敛效度与区分效度（组合信度、AVE与Fornell-Larcker准则）"},
    {"cfa.a8.g.correlations", "Latent correlations (diagonal: √AVE)", "潜变量相关系数（对角线为√AVE）"},
    {"cfa.a8.note",
     "Shown: the CFA-based variant. CR and AVE from the standardised CFA loadings; below the diagonal the correlations of the latent factors estimated by the CFA (not of observed scores). The exploratory variant (one-factor minres loadings, correlations of the dimension scores) is the earlier convergent-validity table of this section.",
     "本表为基于验证性因子分析的版本：CR与AVE由CFA标准化载荷计算，对角线下方为CFA估计的潜变量间相关系数（而非观测得分的相关）。探索性版本（单因子minres载荷、维度得分相关）见本节前面的收敛效度表。"},
    {"cfa.interp.fl_ok", "For every factor √AVE exceeds its latent correlations with the other factors (Fornell & Larcker 1981): discriminant validity is supported.",
     "各因子的√AVE均大于其与其他因子的潜变量相关系数（Fornell & Larcker 1981），区分效度得到支持。"},
    {"cfa.interp.fl_failed", "For {} factor(s) √AVE does not exceed every latent correlation (Fornell & Larcker 1981): {}.",
     "有{}个因子的√AVE未大于其与其他因子的全部潜变量相关系数（Fornell & Larcker 1981）：{}。"},
    // ---- which model; left out --------------------------------------------------------
    {"cfa.model.indicators", "Model: every indicator loads on its group at tree level {} ({} factors, {} indicators).",
     "模型：各指标载荷于其所属的第{}层分组（{}个因子，{}个指标）。"},
    {"cfa.model.parents", "Model: every indicator loads on its parent group ({} factors, {} indicators).",
     "模型：各指标载荷于其上级分组（{}个因子，{}个指标）。"},
    {"cfa.model.parcels",
     "Model (parcels): the {0} factors of tree level {1} are each measured by the scores of the {2} nodes one level below them, computed as the index (normalised, direction-oriented, aggregated).",
     "模型（题目打包）：第{1}层的{0}个因子分别以其下一层共{2}个节点的得分为观测变量，得分与指数的计算方式相同（标准化、方向统一、加权合成）。"},
    {"cfa.model.custom", "Model: the factor assignment of the spec's cfa block ({} factors, {} observed variables).",
     "模型：按指标体系文件cfa部分设定的因子结构（{}个因子，{}个观测变量）。"},
    {"cfa.model.second", " A second-order factor ({}) loads on the first-order factors.", "另设二阶因子（{}）载荷于各一阶因子。"},
    {"cfa.model.fallback",
     "The indicator-level model is not estimable ({}), so the parcel model is shown.",
     "指标层面的模型无法估计（{}），故报告题目打包模型。"},
    {"cfa.why.few",
     "group {} has {} observed variable(s), but a factor needs at least {}",
     "分组{}仅有{}个观测变量，而一个因子至少需要{}个"},
    {"cfa.why.units", "{} units for {} free parameters (more units than free parameters are needed)",
     "{}个评价单位少于{}个待估参数（样本量须多于待估参数）"},
    {"omit.cfa", "Confirmatory factor analysis: no estimable model ({}).", "验证性因子分析：无可估计的模型（{}）。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
