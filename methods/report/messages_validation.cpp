/// \file messages_validation.cpp
/// Catalogue entries of the indicator system and its validation: tables A1–A8 (indicator
/// system, descriptive statistics, reliability, item analysis, KMO and Bartlett, variance
/// explained, rotated loadings, convergent and discriminant validity), the scree plot and the
/// correlation heat map, and the interpretation sentences of those tables.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& validation_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- A1 indicator system -----------------------------------------------------------
    {"a1.title", "Indicator system and weights", "指标体系及权重"},
    {"a1.h.level", "Level", "层级"},
    {"a1.h.node", "Dimension / indicator", "维度 / 指标"},
    {"a1.h.unit", "Unit", "单位"},
    {"a1.h.direction", "Direction", "属性"},
    {"a1.h.local", "Local weight", "局部权重"},
    {"a1.h.global", "Global weight", "综合权重"},
    {"a1.h.source", "Source", "数据来源"},
    {"a1.h.id", "ID", "ID"},
    {"a1.level.index", "Index", "目标层"},
    {"a1.level.indicator_n", "Indicator {}", "指标{}"},
    {"a1.level.n", "Level {}", "{}级维度"},
    {"a1.direction.positive", "+ (more is better)", "正向"},
    {"a1.direction.negative", "− (less is better)", "负向"},
    {"a1.note.denominator", "{} is divided by the data column {}{} before treatment.",
     "{}为原始数据除以数据列{}{}后的值（在数据处理前计算）。"},
    {"a1.note.scale", " (× {})", "（× {}）"},
    {"a1.note",
     "Weights: {}. Local weights sum to 1 within each group; a global weight is the product of the local weights "
     "from the index down to the node. The nodes' ids in the spec are in the file A1_indicator_system.csv.",
     "权重方法：{}。局部权重在每个上级维度内之和为 1；综合权重为自目标层至该节点各级局部权重之积。各节点在指标体系文件中的"
     "标识（id）见 A1_indicator_system.csv 文件。"},

    // ---- A2 descriptive statistics -----------------------------------------------------
    {"a2.title", "Descriptive statistics and data quality", "描述性统计与数据质量"},
    {"a2.h.indicator", "Indicator", "指标"},
    {"a2.h.unit", "Unit", "单位"},
    {"a2.h.n", "n", "n"},
    {"a2.h.missing", "Missing", "缺失"},
    {"a2.h.mean", "Mean", "均值"},
    {"a2.h.sd", "SD", "标准差"},
    {"a2.h.min", "Min", "最小值"},
    {"a2.h.max", "Max", "最大值"},
    {"a2.h.skewness", "Skewness", "偏度"},
    {"a2.h.kurtosis", "Kurtosis", "峰度"},
    {"a2.h.flag", "Flag", "标记"},
    {"a2.flag.all_missing", "all missing", "全部缺失"},
    {"a2.flag.constant", "constant", "常数"},
    {"a2.flag.outliers", "outliers", "异常值"},
    {"a2.note",
     "{} units; {} missing values ({:.1f}% of cells). SD with divisor n−1; skewness and excess kurtosis are the "
     "sample statistics G1 and G2 (as SPSS and Excel). Outlier flag: |skewness| > 2 and kurtosis > 3.5 (OECD/JRC "
     "2008); {} indicator(s) flagged.",
     "共 {} 个单位；缺失值 {} 个（占 {:.1f}%）。标准差按 n−1 计算；偏度与峰度为样本统计量 G1、G2（与 SPSS、Excel "
     "一致，峰度为超额峰度）。异常值标记：|偏度|>2 且峰度>3.5（OECD/JRC 2008），共 {} 个指标。"},

    // ---- A3 reliability ----------------------------------------------------------------
    {"a3.title", "Reliability by dimension (internal consistency)", "各维度信度检验结果"},
    {"a3.h.dimension", "Dimension", "维度"},
    {"a3.h.k", "No. of indicators", "指标数"},
    {"a3.h.n", "N", "样本数"},
    {"a3.h.alpha", "Cronbach's α", "Cronbach's α系数"},
    {"a3.h.std_alpha", "Standardized α", "标准化α系数"},
    {"a3.h.feldt", "95% CI (Feldt)", "95%置信区间（Feldt）"},
    {"a3.h.bca", "95% CI (bootstrap BCa)", "95%置信区间（Bootstrap BCa）"},
    {"a3.h.omega", "McDonald's ω", "McDonald's ω系数"},
    {"a3.h.split_half", "Split-half (Spearman–Brown)", "折半信度（Spearman-Brown）"},
    {"a3.h.lambda4", "Guttman λ4 (max)", "Guttman λ4（最大值）"},
    {"a3.g.alpha", "Cronbach's α", "Cronbach's α系数"},
    {"a3.note.method",
     "Indicators with direction “−” are reversed (x → −x). α as psych::alpha 2.2.9 with {} covariances, N = all "
     "units; Feldt CI (Feldt, Woodruff & Salih 1987); BCa CI from B = {} bootstrap resamples of units (boot.ci rule).",
     "方向为“−”的指标先取相反数（x → −x）。α 系数算法同 psych::alpha 2.2.9，协方差按{}删除计算，N 为全部单位；Feldt "
     "置信区间（Feldt, Woodruff & Salih 1987）；BCa 置信区间基于对评价单位的 B = {} 次 Bootstrap 重复抽样（boot.ci 规则）。"},
    {"a3.note.method_z",
     "Indicators are direction-aligned and z-scored (they have different units), so α is the standardised α; "
     "α as psych::alpha 2.2.9 with {} covariances, N = all units; Feldt CI (Feldt, Woodruff & Salih 1987); BCa "
     "CI from B = {} bootstrap resamples of units (boot.ci rule).",
     "各指标先按方向统一并作 Z-score 标准化（各指标量纲不同），故 α 即标准化 α 系数；算法同 psych::alpha 2.2.9，协方差按{}"
     "删除计算，N 为全部单位；Feldt 置信区间（Feldt, Woodruff & Salih 1987）；BCa 置信区间基于对评价单位的 B = {} 次 "
     "Bootstrap 重复抽样（boot.ci 规则）。"},
    {"a3.note.omega",
     "ω: one-factor minres model, ω = 1 − Σθ/ΣR (McDonald 1999; psych::omega with one factor). Split-half: "
     "indicators split odd–even in tree order, standardised, Spearman–Brown corrected; λ4 (max): best of all "
     "splits into halves, computed up to {} indicators (“—” above).",
     "ω 系数：单因子 minres 模型，ω = 1 − Σθ/ΣR（McDonald 1999；同 psych::omega 单因子结果）。折半信度：按指标体系顺序"
     "奇偶分半，基于标准化指标并经 Spearman-Brown 公式校正；λ4（最大值）为全部分半方式中的最大值，仅在指标数不超过 {} "
     "时计算（否则记为“—”）。"},
    {"a3.note.failed", "Not computable for {}: {}.", "{}无法计算：{}。"},
    {"a3.note.omega_missing", "ω needs at least 3 indicators: not computed for {}.", "ω 系数至少需要 3 项指标，{}未计算。"},

    // ---- A4 item analysis --------------------------------------------------------------
    {"a4.title", "Item analysis: corrected item–total correlation and α if item deleted",
     "项目分析（校正项总计相关性与项已删除的α系数）"},
    {"a4.h.dimension", "Dimension", "维度"},
    {"a4.h.indicator", "Indicator", "指标"},
    {"a4.h.citc", "Corrected item–total correlation (CITC)", "校正项总计相关性（CITC）"},
    {"a4.h.alpha_deleted", "α if item deleted", "项已删除的α系数"},
    {"a4.h.alpha", "Cronbach's α", "Cronbach's α系数"},
    {"a4.note",
     "Per first-level dimension, on direction-aligned indicators. CITC: correlation of the indicator with the sum "
     "of the other indicators of its dimension (psych r.drop); α if item deleted: raw α of the dimension without "
     "the indicator; the dimension's α is printed on its first row.",
     "按一级维度分别计算，指标已按方向统一。CITC 为该指标与所属维度其余指标之和的相关系数（psych 的 r.drop）；"
     "项已删除的α系数为删除该指标后所属维度的原始 α 系数；各维度的 α 系数列于该维度首行。"},

    // ---- A5 KMO and Bartlett -----------------------------------------------------------
    {"a5.title", "KMO and Bartlett's test", "KMO和Bartlett的检验"},
    {"a5.h.scope", "Scope", "范围"},
    {"a5.h.k", "No. of indicators", "指标数"},
    {"a5.h.kmo", "KMO", "KMO值"},
    {"a5.h.min_msa", "Lowest MSA", "最小MSA值"},
    {"a5.h.min_msa_item", "Indicator with lowest MSA", "MSA最小的指标"},
    {"a5.h.chi2", "Approx. χ²", "近似卡方"},
    {"a5.h.df", "df", "df"},
    {"a5.h.p", "p", "p值"},
    {"a5.g.bartlett", "Bartlett's test of sphericity", "Bartlett球形度检验"},
    {"a5.note",
     "Pearson correlations of direction-aligned indicators ({}). KMO and per-indicator MSA as psych::KMO (Kaiser "
     "1974); Bartlett's χ² = −ln|R|·(n − 1 − (2p + 5)/6), df = p(p − 1)/2 (Bartlett 1951), n = {}.",
     "基于方向统一后指标的 Pearson 相关矩阵（{}删除）。KMO 值及各指标 MSA 值算法同 psych::KMO（Kaiser 1974）；Bartlett "
     "球形度检验 χ² = −ln|R|·(n − 1 − (2p + 5)/6)，df = p(p − 1)/2（Bartlett 1951），n = {}。"},
    {"a5.note.singular", "R is singular for {}: KMO is not defined there (psych then reports 0.5).",
     "{}的相关矩阵奇异，KMO 值无定义（psych 此时给出 0.5）。"},
    {"a5.note.bartlett_failed", "Bartlett's test not computable for {}: {}.", "{}无法进行 Bartlett 球形度检验：{}。"},

    // ---- A6 total variance explained ---------------------------------------------------
    {"a6.title", "Total variance explained: principal components and parallel analysis",
     "总方差解释（主成分分析与平行分析）"},
    {"a6.h.component", "Component", "成分"},
    {"a6.h.eigen", "Eigenvalue", "特征根"},
    {"a6.h.pct", "% of variance", "方差解释率%"},
    {"a6.h.cum", "Cumulative %", "累积%"},
    {"a6.h.rot_ss", "Rotated SS loadings", "旋转后特征根"},
    {"a6.h.rot_pct", "% of variance", "旋转后方差解释率%"},
    {"a6.h.rot_cum", "Cumulative %", "旋转后累积%"},
    {"a6.h.rand_mean", "Random mean", "随机特征根均值"},
    {"a6.h.rand_q", "Random {}th percentile", "随机特征根第{}百分位数"},
    {"a6.g.initial", "Initial eigenvalues", "初始特征值"},
    {"a6.g.rotated", "Rotation sums of squared loadings", "旋转载荷平方和"},
    {"a6.g.parallel", "Parallel analysis", "平行分析"},
    {"a6.note.method",
     "PCA of the Pearson correlation matrix of all {} direction-aligned indicators; components 1–{} of {} shown "
     "(all in Figure {}). Kaiser criterion (eigenvalue > 1): {} components; parallel analysis (Horn 1965; B = {} "
     "random normal data sets, {}th percentile as psych::fa.parallel): {} components.",
     "对全部 {} 项方向统一后指标的 Pearson 相关矩阵作主成分分析；列出第 1–{} 个成分（共 {} 个，全部见图{}）。"
     "特征根大于 1 的成分（Kaiser 准则）：{} 个；平行分析（Horn 1965；B = {} 个随机正态数据集，取第 {} 百分位数，同 "
     "psych::fa.parallel）保留 {} 个。"},
    {"a6.note.rotation",
     "Rotation: varimax with Kaiser normalisation (stats::varimax) of m = {} components, the number of declared "
     "first-level dimensions.",
     "旋转方法：凯撒正态化最大方差法（同 stats::varimax），旋转成分数 m = {}，即预设一级维度数。"},

    // ---- A7 rotated loadings -----------------------------------------------------------
    {"a7.title", "Rotated component loadings and the declared structure", "旋转后因子载荷系数与结构检验"},
    {"a7.h.indicator", "Indicator", "指标"},
    {"a7.h.declared", "Declared dimension", "所属维度"},
    {"a7.h.communality", "Communality", "共同度"},
    {"a7.h.highest", "Highest loading", "最大载荷成分"},
    {"a7.h.matches", "Matches declared", "与预设维度一致"},
    {"a7.g.loadings", "Loadings", "因子载荷系数"},
    {"a7.note.method",
     "Extraction: principal components; rotation: varimax with Kaiser normalisation (psych sort and sign "
     "conventions). Communality: sum of squared loadings on the {} retained components.",
     "提取方法：主成分分析法；旋转方法：凯撒正态化最大方差法（成分排序与符号同 psych）。共同度为各指标在保留的 {} "
     "个成分上载荷的平方和。"},
    {"a7.note.map", "Component ↔ dimension (the dimension most of its highest-loading indicators belong to): {}.",
     "成分与维度对应关系（按最大载荷落在该成分上的指标多数所属维度确定）：{}。"},
    {"a7.note.count", "{0} of {1} indicators load highest on the component of their declared dimension.",
     "{1} 项指标中有 {0} 项在其所属维度对应的成分上载荷最大。"},

    // ---- A8 convergent and discriminant validity ---------------------------------------
    {"a8.title", "Convergent and discriminant validity: composite reliability, AVE and the Fornell–Larcker criterion",
     "收敛效度与区分效度（组合信度、AVE与Fornell-Larcker准则）"},
    {"a8.h.dimension", "Dimension", "维度"},
    {"a8.h.k", "No. of indicators", "指标数"},
    {"a8.h.cr", "Composite reliability (CR)", "组合信度（CR）"},
    {"a8.h.ave", "AVE", "AVE"},
    {"a8.h.sqrt_ave", "√AVE", "√AVE"},
    {"a8.h.fl_ok", "√AVE > |r|", "√AVE > |r|"},
    {"a8.g.correlations", "Correlations of dimension scores (diagonal: √AVE)", "维度得分相关系数（对角线为√AVE）"},
    {"a8.note",
     "Shown: the exploratory variant. CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)) and AVE = Σλ²/k from standardised one-factor "
     "minres loadings λ of each dimension (Fornell & Larcker 1981). Dimension score: mean of the z-scored "
     "indicators; below the diagonal the Pearson r of the scores. When a confirmatory model is estimable, the "
     "CFA-based variant (CFA loadings, latent correlations) follows the CFA tables.",
     "本表为探索性版本。组合信度 CR = (Σλ)²/((Σλ)² + Σ(1 − λ²))，平均方差抽取量 AVE = Σλ²/k，λ 为各维度单因子 minres 模型的标准化载荷"
     "（Fornell & Larcker 1981）。维度得分为该维度标准化指标的均值，对角线下方为维度得分间的 Pearson 相关系数。"
     "验证性因子分析模型可估计时，基于CFA的版本（CFA载荷、潜变量相关）列于CFA各表之后。"},
    {"a8b.title", "Discriminant validity: heterotrait–monotrait ratio (HTMT)", "区分效度（异质-单质比率HTMT）"},
    {"a8b.note",
     "Below the diagonal HTMT (arithmetic means of |r|; Henseler, Ringle & Sarstedt 2015), above it HTMT2 "
     "(geometric means; Roemer, Schuberth & Henseler 2021), {} correlations.",
     "对角线下方为 HTMT（|r| 的算术平均；Henseler, Ringle & Sarstedt 2015），上方为 HTMT2（几何平均；Roemer, "
     "Schuberth & Henseler 2021），相关系数按{}删除计算。"},

    // ---- figures: scree plot and correlation heat map ------------------------------
    {"fig.scree.title", "Scree plot with parallel analysis (all indicators)", "碎石图与平行分析（全部指标）"},
    {"fig.scree.x", "Component", "成分"},
    {"fig.scree.y", "Eigenvalue", "特征根"},
    {"fig.scree.observed", "Observed eigenvalues", "实际数据特征根"},
    {"fig.scree.random", "Random data, {}th percentile", "随机数据第{}百分位数"},
    {"fig.scree.kaiser", "Eigenvalue = 1", "特征根 = 1"},
    {"fig.scree.note",
     "Eigenvalues of the correlation matrix of the {} direction-aligned indicators; dashed: parallel analysis "
     "(B = {}); dotted: Kaiser criterion.",
     "{} 项方向统一后指标相关矩阵的特征根；虚线为平行分析结果（B = {}）；点线为 Kaiser 准则。"},
    {"fig.heatmap.title", "Correlations of the indicators, ordered by dimension", "指标相关系数热力图（按维度排列）"},
    {"fig.heatmap.note",
     "Pearson correlations of the {} direction-aligned indicators ({}); the axis numbers are the indicator numbers "
     "of Table A1 (Indicator 1, 2, …); boxes mark the first-level dimensions. Colour scale from −1 (blue) to +1 (red).",
     "{} 项方向统一后指标的 Pearson 相关系数（{}删除）；坐标轴编号即表A1中的指标序号（指标1、指标2……）；方框为一级维度。"
     "颜色自 −1（蓝）至 +1（红）。"},

    // ---- interpretation sentences (verdict rules: methods/core/verdicts.hpp) -------------
    {"interp.alpha.ci",
     "α = {1:.3f} ({2}% CI {3:.3f}–{4:.3f}) for {0} indicates {5} internal consistency ({6}; {7}).",
     "{0}的Cronbach's α为{1:.3f}（{2}%置信区间：{3:.3f}–{4:.3f}），内部一致性{5}（{6}；{7}）。"},
    {"interp.alpha", "α = {1:.3f} for {0} indicates {2} internal consistency ({3}; {4}).",
     "{0}的Cronbach's α为{1:.3f}，内部一致性{2}（{3}；{4}）。"},
    {"interp.alpha.ci_below",
     " The lower {0}% confidence limit ({1:.3f}) is below {2:g}, so this level is not established with {0}% confidence.",
     "但其{0}%置信区间下限（{1:.3f}）低于{2:g}，该等级在{0}%置信水平下尚不能确认。"},
    {"interp.kmo", "For {0}, KMO = {1:.3f} is {2} ({3}; {4})", "{0}的KMO值为{1:.3f}，{2}（{3}；{4}）"},
    {"interp.bartlett.sig", " and Bartlett's test of sphericity is significant (χ²({0}) = {1:.2f}, p {2}; {3})",
     "；Bartlett球形度检验显著（χ²({0}) = {1:.2f}，p {2}；{3}）"},
    {"interp.bartlett.ns", " but Bartlett's test of sphericity is not significant (χ²({0}) = {1:.2f}, p {2}; {3})",
     "；但Bartlett球形度检验不显著（χ²({0}) = {1:.2f}，p {2}；{3}）"},
    {"interp.factorable.yes", ": the indicators are suitable for factor analysis.", "，适合进行因子分析。"},
    {"interp.factorable.no", ": suitability for factor analysis is not established.", "，是否适合进行因子分析尚不能确认。"},
    {"interp.period", ".", "。"},
    {"interp.list_sep", ", ", "、"},
    {"interp.kmo.low", "KMO is below the acceptable level of {0:g} for: {1}.", "以下维度的KMO值低于可接受水平{0:g}：{1}。"},
    {"interp.components",
     "Parallel analysis retains {0} component(s); the Kaiser criterion (eigenvalue > 1) retains {1}.",
     "平行分析保留{0}个成分，Kaiser准则（特征根 > 1）保留{1}个成分。"},
    {"interp.cumvar",
     "The {0} rotated components explain {1:.1f}% of the variance: {2} ({3}; {4}).",
     "{0}个旋转后成分累计解释{1:.1f}%的方差，累积方差解释率{2}（{3}；{4}）。"},
    {"interp.cr_ave",
     "For {0}, CR = {1:.3f} is {2} ({3}; {7}) and AVE = {4:.3f} is {5} ({6}; {8}).",
     "{0}的组合信度CR为{1:.3f}，{2}（{3}；{7}）；平均方差提取量AVE为{4:.3f}，{5}（{6}；{8}）。"},
    {"interp.htmt",
     "The largest HTMT is {0:.3f} ({2} vs {3}): discriminant validity is {1} ({4}; {5}).",
     "最大的HTMT值为{0:.3f}（{2}与{3}之间），区分效度{1}（{4}；{5}）。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
