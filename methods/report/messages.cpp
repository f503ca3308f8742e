#include "methods/report/messages.hpp"

#include <map>
#include <utility>

#include "methods/core/error.hpp"
#include "methods/core/text.hpp"

namespace cikit::report {

namespace {
// clang-format off
const std::vector<Message> kCatalogue = {
    // ---- document and layout -----------------------------------------------------------
    {"doc.title", "{}: methodology appendix", "{}：方法附录"},
    {"doc.repro_heading", "Reproducibility", "可重复性信息"},
    {"doc.omitted_heading", "Not included", "未收入的内容"},
    {"caption.table", "Table {}. {}", "表{}  {}"},
    {"caption.figure", "Figure {}. {}", "图{}  {}"},
    {"prefix.note", "Note. ", "注："},
    {"prefix.source", "Source: ", "资料来源："},
    {"pvalue.note.chinese", "* p < 0.05, ** p < 0.01, *** p < 0.001", "* p<0.05, ** p<0.01, *** p<0.001"},
    {"pvalue.note.apa", "p-values in APA style.", "p 值按 APA 格式报告。"},
    {"figure.latex_missing",
     "Figure not included in the PDF: rsvg-convert (Debian package librsvg2-bin) was not found; see {}.",
     "本图未收入 PDF：未找到 rsvg-convert（Debian 软件包 librsvg2-bin），请见 {}。"},
    {"figure.file", "Figure file: {}.", "图文件：{}。"},
    {"common.yes", "yes", "是"},
    {"common.no", "no", "否"},
    {"common.na_dash", "—", "—"},
    {"common.whole_system", "Whole system", "总量表"},
    {"common.whole_system_scope", "All indicators", "全部指标"},
    {"common.whole_system_inline", "the whole system", "总量表"},         // inside a sentence
    {"common.whole_system_scope_inline", "all indicators", "全部指标"},  // inside a sentence

    // ---- reproducibility block ---------------------------------------------------------
    {"repro.version", "cikit {} (commit {})", "cikit {}（提交 {}）"},
    {"repro.spec", "Spec: {} (SHA-256 {})", "指标体系文件：{}（SHA-256 {}）"},
    {"repro.data", "Data: {} (SHA-256 {}); {} units × {} indicators",
     "数据文件：{}（SHA-256 {}）；{} 个评价单位 × {} 项指标"},
    {"repro.judgments", "AHP judgments: {} (SHA-256 {})", "AHP 判断矩阵文件：{}（SHA-256 {}）"},
    {"repro.delphi", "Expert consultation: {} (SHA-256 {})", "专家咨询文件：{}（SHA-256 {}）"},
    {"repro.seed", "Seed: {} (every random draw: stream (seed, purpose, replicate))",
     "随机种子：{}（全部随机数均由（种子、用途、重复序号）确定的独立随机流生成）"},
    {"repro.methods", "Index: normalisation {} ({}–{}); weights {}; aggregation {}; missing values {}.",
     "指数构建：标准化方法 {}（{}–{}）；权重方法 {}；合成方法 {}；缺失值处理 {}。"},
    {"repro.reliability", "Reliability: {} indicators; {} covariances; {}% confidence level; bootstrap B = {} (percentile and BCa).",
     "信度检验：{}指标；协方差按{}删除计算；置信水平 {}%；Bootstrap 重复抽样 B = {} 次（百分位法与 BCa 法）。"},
    {"repro.standardized", "z-scored", "Z-score 标准化后的"},
    {"repro.raw", "raw (direction-aligned)", "原始（方向统一后的）"},
    {"repro.validity",
     "Validity: {} correlations; parallel analysis B = {} normal data sets, {}th percentile; varimax rotation of {} components.",
     "效度检验：相关系数按{}删除计算；平行分析随机正态数据集 B = {} 个，取第 {} 百分位数；对 {} 个主成分作最大方差正交旋转。"},
    {"repro.output", "Output: language {}; p-value style {}; figures in the PDF: {}.",
     "输出：语言 {}；p 值格式 {}；PDF 中的图：{}。"},
    {"repro.missing.pairwise", "pairwise", "成对"},
    {"repro.missing.listwise", "listwise", "列表"},
    {"repro.figures.pdf", "converted by rsvg-convert", "由 rsvg-convert 转换"},
    {"repro.figures.none", "not included (rsvg-convert not found)", "未收入（未找到 rsvg-convert）"},
    {"repro.date", "Date: {}", "日期：{}"},

    {"repro.sensitivity",
     "Uncertainty and sensitivity: {} model runs (N = {}, base points from {}), Sobol' CIs from {} bootstrap resamples; bootstrap over units B = {}; leave-one-out of every dimension and indicator.",
     "不确定性与敏感性分析：模型运行{}次（N = {}，基点取自{}），Sobol'指数置信区间基于{}次Bootstrap重抽样；评价单位Bootstrap B = {}；逐一剔除各维度与指标。"},
    {"repro.sensitivity.none", "Uncertainty and sensitivity: not run (the spec has no uncertainty block).",
     "不确定性与敏感性分析：未进行（指标体系文件未设置uncertainty部分）。"},

    // ---- parts left out (document section "Not included") ------------------------------
    {"omit.delphi", "D1–D3 expert consultation: the spec names no Delphi files.",
     "D1–D3 专家咨询：指标体系文件未提供德尔菲咨询文件。"},
    {"omit.evidence", "A3–A8 reliability and validity: not computable for these data ({}).",
     "A3–A8 信度与效度检验：该数据无法计算（{}）。"},
    {"omit.ahp", "A9 AHP consistency check: the spec names no AHP judgments.",
     "A9 层次分析法一致性检验：指标体系文件未提供AHP判断矩阵。"},
    {"omit.method", "A10–A11: a weighting method is left out ({}).", "A10–A11：有赋权方法未收入（{}）。"},
    {"omit.rankings", "A11 rankings compared: fewer than two weighting methods apply to this spec.",
     "A11 排名比较：适用于该指标体系的赋权方法少于两种。"},
    {"omit.sensitivity", "A12–A14 uncertainty and sensitivity analysis: not computable ({}).",
     "A12–A14 不确定性与敏感性分析：无法计算（{}）。"},
    {"omit.sobol", "A13 Sobol' indices: not computable ({}).", "A13 Sobol'指数：无法计算（{}）。"},

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
    {"a1.level.indicator", "Indicator", "指标"},
    {"a1.level.n", "Level {}", "{}级维度"},
    {"a1.direction.positive", "+ (more is better)", "正向"},
    {"a1.direction.negative", "− (less is better)", "负向"},
    {"a1.note",
     "Weights: {}. Local weights sum to 1 within each group; a global weight is the product of the local weights "
     "from the index down to the node.",
     "权重方法：{}。局部权重在每个上级维度内之和为 1；综合权重为自目标层至该节点各级局部权重之积。"},

    // ---- A2 descriptive statistics -----------------------------------------------------
    {"a2.title", "Descriptive statistics and data quality", "描述性统计与数据质量"},
    {"a2.h.indicator", "Indicator", "指标"},
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
     "CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)) and AVE = Σλ²/k from standardised one-factor minres loadings λ of each "
     "dimension (Fornell & Larcker 1981). Dimension score: mean of the z-scored indicators; below the diagonal "
     "the Pearson r of the scores.",
     "组合信度 CR = (Σλ)²/((Σλ)² + Σ(1 − λ²))，平均方差抽取量 AVE = Σλ²/k，λ 为各维度单因子 minres 模型的标准化载荷"
     "（Fornell & Larcker 1981）。维度得分为该维度标准化指标的均值，对角线下方为维度得分间的 Pearson 相关系数。"},
    {"a8b.title", "Discriminant validity: heterotrait–monotrait ratio (HTMT)", "区分效度（异质-单质比率HTMT）"},
    {"a8b.note",
     "Below the diagonal HTMT (arithmetic means of |r|; Henseler, Ringle & Sarstedt 2015), above it HTMT2 "
     "(geometric means; Roemer, Schuberth & Henseler 2021), {} correlations.",
     "对角线下方为 HTMT（|r| 的算术平均；Henseler, Ringle & Sarstedt 2015），上方为 HTMT2（几何平均；Roemer, "
     "Schuberth & Henseler 2021），相关系数按{}删除计算。"},

    // ---- B1 index table ----------------------------------------------------------------
    {"b1.title", "Index scores and ranks", "指数得分与排名"},
    {"b1.h.rank", "Rank", "排名"},
    {"b1.h.unit", "Unit", "单位"},
    {"b1.h.score", "Score", "得分"},
    {"b1.note.ranks", "Rank 1 = best; ties share the smallest rank.", "排名 1 为最优；得分相同者并列，取最小名次。"},

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

    // ---- figures -----------------------------------------------------------------------
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
     "Pearson correlations of the {} direction-aligned indicators ({}), in the order of Table A1; boxes mark the "
     "first-level dimensions. Colour scale from −1 (blue) to +1 (red).",
     "{} 项方向统一后指标的 Pearson 相关系数（{}删除），顺序同表A1；方框为一级维度。颜色自 −1（蓝）至 +1（红）。"},
    {"fig.ranks.title", "Rank intervals (median and 5th–95th percentile)", "排名区间（中位排名与第5–95百分位数）"},
    {"fig.ranks.title.panel", "Rank intervals (median and 5th–95th percentile), units {}–{} by median rank",
     "排名区间（中位排名与第5–95百分位数），按中位排名第{}–{}个评价单位"},
    {"fig.ranks.x", "Rank", "排名"},
    {"fig.ranks.nominal", "Nominal rank", "基准排名"},
    {"fig.ranks.median", "Median rank", "中位排名"},
    {"fig.ranks.interval", "5th–95th percentile", "第5–95百分位数区间"},
    {"fig.ranks.note",
     "Units sorted by median rank; dot: median rank, diamond: nominal rank, line: 5th–95th percentile of the rank over {} runs (Table A12).",
     "评价单位按中位排名排序；圆点为中位排名，菱形为基准排名，横线为 {} 次运行中排名的第5–95百分位数区间（见表A12）。"},

    // ---- uncertain inputs (A12, A13): label "input.<name>"; unknown names are shown as they are
    {"input.normalize", "Normalisation method", "标准化方法"},
    {"input.weights", "Weighting method", "赋权方法"},
    {"input.aggregate", "Aggregation method", "合成方法"},
    {"input.exclude", "Indicator exclusion", "指标剔除"},
    {"input.weight_noise", "Weight perturbation", "权重扰动"},
    {"input.ahp_judgments", "AHP judgment perturbation", "AHP判断扰动"},
    {"input.impute", "Imputation of missing values", "缺失值插补方法"},
    {"input.aggregate.dimensions", "Aggregation of the dimensions", "维度层合成方法"},
    {"input.aggregate.indicators", "Aggregation of the indicators", "指标层合成方法"},
    {"input.aggregate.level", "Aggregation at level {}", "第{}层合成方法"},
    {"input.line", "{} ({})", "{}（{}）"},
    {"input.exclude.none", "none", "不剔除"},
    {"input.exclude.any", "none, or any one of {} indicators", "不剔除或剔除{}项指标中的任意一项"},
    {"input.exclude.some", "any one of {} indicators", "剔除{}项指标中的任意一项"},
    {"input.desc.perturb", "each local weight varied uniformly within ±{:g}%, renormalised within its group",
     "各局部权重在±{:g}%范围内均匀扰动，并在同组内重新归一化"},
    {"input.desc.dirichlet", "the weights of each group drawn from a Dirichlet distribution (concentration {:g} × weights)",
     "同组权重服从Dirichlet分布（集中参数为{:g}×权重）"},
    {"input.desc.judgments", "every judgment moved by up to ±{} step(s) on Saaty's 1–9 scale",
     "每个判断值在Saaty 1–9标度上随机移动至多±{}级"},
    {"input.desc.reject_cr", ", draws with CR > {:g} redrawn", "，CR > {:g}的抽样重新抽取"},
    {"list.major_sep", "; ", "；"},

    // ---- A12 rank intervals, A13 Sobol' indices, A14 leave-one-out ---------------------
    {"a12.title", "Uncertainty analysis: rank intervals of the units", "不确定性分析：各评价单位的排名区间"},
    {"a12.h.unit", "Unit", "评价单位"},
    {"a12.h.nominal", "Nominal rank", "基准排名"},
    {"a12.h.median", "Median rank", "中位排名"},
    {"a12.h.mean", "Mean rank", "平均排名"},
    {"a12.h.interval", "5th–95th percentile", "第5–95百分位数区间"},
    {"a12.h.width", "Width", "区间宽度"},
    {"a12.h.runs", "Runs", "运行次数"},
    {"a12.h.boot_interval", "{:g}% interval", "{:g}%区间"},
    {"a12.g.monte_carlo", "Monte Carlo", "蒙特卡洛模拟"},
    {"a12.g.bootstrap", "Bootstrap over units", "评价单位Bootstrap"},
    {"a12.design.sobol", "a scrambled Sobol' sequence", "加扰Sobol'序列"},
    {"a12.design.random", "pseudo-random numbers", "伪随机数"},
    {"a12.note.inputs", "Uncertain inputs (the spec's uncertainty block): {}.", "不确定性输入（指标体系文件uncertainty部分）：{}。"},
    {"a12.note.design",
     "{} model runs of a Saltelli design (base size N = {}, k = {} inputs, base points from {}); rank statistics "
     "over the {} runs of the independent samples A and B (type-7 quantiles, as R and COINr). Rank 1 = best; "
     "width = 95th − 5th percentile; runs: runs in which the unit has a rank.",
     "按Saltelli设计共运行模型{}次（基础样本量N = {}，k = {}个输入，基点取自{}）；排名统计量基于相互独立的A、B两组样本共{}次运行"
     "（第7类分位数，同R与COINr）。排名1为最优；区间宽度 = 第95百分位数 − 第5百分位数；运行次数为该单位有排名的运行次数。"},
    {"a12.note.failures", "{} runs failed and are left out (`cikit sensitivity` lists them).",
     "{}次运行失败，已剔除（cikit sensitivity 输出中列出）。"},
    {"a12.note.bootstrap",
     "Bootstrap over units: B = {} resamples ({} failed); normalisation bounds and data-driven weights are "
     "re-estimated on each resample and every unit is scored with them; {:g}% percentile interval of the rank "
     "(Efron & Tibshirani 1993).",
     "评价单位Bootstrap：重复抽样B = {}次（失败{}次）；每次重抽样重新估计标准化边界与客观权重，并据此对全部单位重新计分；"
     "表中为排名的{:g}%百分位数区间（Efron & Tibshirani 1993）。"},
    {"a12.note.no_bootstrap_ranks",
     "Bootstrap over units: no rank intervals, as this normalisation cannot score units outside the resample.",
     "评价单位Bootstrap：该标准化方法无法对重抽样以外的单位计分，故未给出排名区间。"},
    {"a12.interp",
     "Across the runs the mean absolute rank shift against the nominal ranking is {0:.2f} places; {1} of {2} units "
     "have a 5th–95th percentile interval wider than {3:g} places (10% of the units), and the mean width is {4:.1f} "
     "places.",
     "各次运行相对于基准排名的平均绝对位次变动为{0:.2f}位；{2}个评价单位中有{1}个的第5–95百分位数区间宽度超过{3:g}位"
     "（单位数的10%），区间平均宽度为{4:.1f}位。"},
    {"a12.interp.widest", "The widest interval is that of {0} ({1:.1f}–{2:.1f}; nominal rank {3}).",
     "区间最宽的是{0}（{1:.1f}–{2:.1f}，基准排名第{3}位）。"},
    {"a12.omitted", "A12–A14 uncertainty and sensitivity analysis: the spec has no uncertainty block.",
     "A12–A14 不确定性与敏感性分析：指标体系文件未设置uncertainty部分。"},

    {"a13.title", "Sensitivity analysis: Sobol' indices of the mean absolute rank shift",
     "敏感性分析：平均绝对位次变动的Sobol'指数"},
    {"a13.h.input", "Uncertain input", "不确定性输入"},
    {"a13.h.first", "First-order index", "一阶指数"},
    {"a13.h.total", "Total-order index", "总效应指数"},
    {"a13.h.ci", "95% CI", "95%置信区间"},
    {"a13.h.estimate", "Estimate", "估计值"},
    {"a13.g.first", "First-order index", "一阶指数"},
    {"a13.g.total", "Total-order index", "总效应指数"},
    {"a13.note.method",
     "Output: the mean absolute rank shift of each run against the nominal ranking (Saisana, Saltelli & Tarantola "
     "2005). First-order index: Saltelli et al. (2010) estimator; total-order index: Jansen (1999); N = {}, k = {}, "
     "{} runs. Total-order minus first-order index: the share of variance due to interactions with other inputs.",
     "输出变量为每次运行相对于基准排名的平均绝对位次变动（Saisana, Saltelli & Tarantola 2005）。一阶指数采用Saltelli等"
     "（2010）估计量，总效应指数采用Jansen（1999）估计量；N = {}，k = {}，共{}次运行。总效应指数与一阶指数之差为与其他输入交互作用"
     "所致的方差份额。"},
    {"a13.note.ci", "95% CIs: percentile intervals from {} bootstrap resamples of the N base rows (as SALib).",
     "95%置信区间：对N个基础样本行作{}次Bootstrap重抽样所得的百分位数区间（同SALib）。"},
    {"a13.note.wide",
     "The 95% CI is wider than ±{:.2f} for: {}. These indices are imprecise; more runs (--replicates) narrow them.",
     "以下输入的95%置信区间宽于±{:.2f}：{}。这些指数估计精度不足，增加运行次数（--replicates）可使区间变窄。"},
    {"a13.note.zero_variance", "The rank shift does not vary across the runs: every index is 0.",
     "各次运行的位次变动没有差异，各指数均为0。"},
    {"a13.interp.top.ci",
     "{0} has the largest total-order index ({1:.3f}, 95% CI {2:.3f}–{3:.3f}; first-order {4:.3f}): it accounts "
     "for the largest share of the variance of the rank shift, alone and through interactions",
     "{0}的总效应指数最大（{1:.3f}，95%置信区间{2:.3f}–{3:.3f}；一阶指数{4:.3f}），对位次变动方差的贡献（含交互作用）最大"},
    {"a13.interp.top",
     "{0} has the largest total-order index ({1:.3f}; first-order {2:.3f}): it accounts for the largest share of "
     "the variance of the rank shift, alone and through interactions",
     "{0}的总效应指数最大（{1:.3f}；一阶指数{2:.3f}），对位次变动方差的贡献（含交互作用）最大"},
    {"a13.interp.overlap", "; its CI overlaps that of {0} ({1:.3f}), so the order of the two is not established",
     "；但其置信区间与{0}（{1:.3f}）重叠，二者的大小顺序尚不能确定"},
    {"a13.interp.sum",
     "The first-order indices sum to {0:.3f}: about {1:.0f}% of the variance comes from interactions between inputs.",
     "一阶指数之和为{0:.3f}，约{1:.0f}%的方差来自输入之间的交互作用。"},
    {"a13b.title", "Convergence of the Sobol' indices", "Sobol'指数的收敛性"},
    {"a13b.note", "Indices from the first N/4, N/2 and all N base rows of the same design.",
     "分别基于同一设计的前N/4、前N/2与全部N个基础样本行计算。"},
    {"a13b.interp", "From N = {} to N = {} the largest change of an index is {:.3f}.",
     "从N = {}到N = {}，各指数的最大变化为{:.3f}。"},

    {"a14.title", "Leave-one-out: rank shifts without each dimension and indicator",
     "逐一剔除检验：剔除各维度与指标后的位次变动"},
    {"a14.h.removed", "Removed", "剔除的维度/指标"},
    {"a14.h.kind", "Kind", "类型"},
    {"a14.h.mean_shift", "Mean |rank shift|", "平均绝对位次变动"},
    {"a14.h.max_shift", "Max |rank shift|", "最大绝对位次变动"},
    {"a14.kind.dimension", "dimension", "一级维度"},
    {"a14.kind.indicator", "indicator", "指标"},
    {"a14.note",
     "The index rebuilt without the dimension or indicator (the group keeps its other members; data-driven and AHP "
     "weights recomputed) and compared with the nominal ranks (OECD/JRC 2008, §7). Largest shift first.",
     "剔除该维度或指标后重新构建指数（所在组保留其余成员，客观权重与AHP权重重新计算），并与基准排名比较（OECD/JRC 2008，"
     "第7节）。按平均位次变动从大到小排列。"},
    {"a14.note.failed", "Not computable: {}.", "无法计算：{}。"},
    {"a14.interp.dimension",
     "Among the dimensions, removing {0} moves the ranks most (mean {1:.2f} places, at most {2}).",
     "在各一级维度中，剔除{0}对排名影响最大（平均变动{1:.2f}位，最大{2}位）。"},
    {"a14.interp.indicator",
     "Among the indicators, removing {0} moves the ranks most (mean {1:.2f} places, at most {2}).",
     "在各指标中，剔除{0}对排名影响最大（平均变动{1:.2f}位，最大{2}位）。"},

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
    {"a9.interp", "{0} of {1} judgment matrices meet the consistency criterion (CR < {2:g}; Saaty 1980).",
     "{1}个判断矩阵中有{0}个通过一致性检验（CR < {2:g}；Saaty, 1980）。"},
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
    // ---- interpretation sentences (verdict rules: methods/core/verdicts.hpp) -------------
    {"interp.alpha.ci",
     "α = {1:.3f} ({2}% CI {3:.3f}–{4:.3f}) for {0} indicates {5} internal consistency ({6}; {7}).",
     "{0}的Cronbach's α为{1:.3f}（{2}% CI：{3:.3f}–{4:.3f}），内部一致性{5}（{6}；{7}）。"},
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
    // ---- command line ------------------------------------------------------------------
    {"cli.wrote", "Wrote the appendix ({} tables, {} figures) to {} in {:.1f} s:", "已写出方法附录（{} 张表、{} 幅图）至 {}，用时 {:.1f} 秒："},
    {"cli.stage.evidence", "reliability and validity (A3–A8)…", "信度与效度检验（A3–A8）……"},
    {"cli.stage.weights", "weights and rankings compared (A9–A11)…", "权重与排名比较（A9–A11）……"},
    {"cli.stage.sensitivity", "uncertainty and sensitivity (A12–A14): {} runs, bootstrap B = {}, leave-one-out…",
     "不确定性与敏感性分析（A12–A14）：{}次运行，Bootstrap B = {}，逐一剔除……"},
    {"cli.stage.runs", "Monte Carlo runs", "蒙特卡洛运行"},
    {"cli.stage.write", "writing the files…", "写出文件……"},
    {"cli.no_pandoc", "pandoc not found: appendix.docx not written (install pandoc for Word output).",
     "未找到 pandoc：未生成 appendix.docx（安装 pandoc 后可输出 Word 文件）。"},
    {"cli.no_rsvg", "rsvg-convert not found: figures are not included in appendix.tex (install librsvg2-bin).",
     "未找到 rsvg-convert：appendix.tex 中不含图（可安装 librsvg2-bin）。"},
};
// clang-format on

const std::map<std::string_view, const Message*>& index() {
  static const std::map<std::string_view, const Message*> map = [] {
    std::map<std::string_view, const Message*> m;
    for (const auto& e : kCatalogue)
      if (!m.emplace(e.key, &e).second) throw InternalError(str_cat("message catalogue: duplicate key ", e.key));
    return m;
  }();
  return map;
}
}  // namespace

const std::vector<Message>& message_catalogue() { return kCatalogue; }

std::string msg(std::string_view key, Lang lang) {
  const auto& m = index();
  const auto it = m.find(key);
  if (it == m.end()) throw InternalError(str_cat("message catalogue: unknown key '", key, "'"));
  return std::string(lang == Lang::Zh ? it->second->zh : it->second->en);
}

bool has_msg(std::string_view key) { return index().count(key) > 0; }

Table make_table(std::string id, std::string number, std::string_view title_key, Lang lang) {
  Table t;
  t.id = std::move(id);
  t.number = std::move(number);
  t.lang = lang;
  t.title = msg(title_key, lang);
  return t;
}

}  // namespace cikit::report
