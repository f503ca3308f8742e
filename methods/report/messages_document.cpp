/// \file messages_document.cpp
/// Catalogue entries of the document frame: title, captions and layout words, the
/// reproducibility block, the "Not included" section, the generic charts of svg.hpp, and the
/// command line's progress lines.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& document_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- document and layout -----------------------------------------------------------
    {"doc.title", "{}: methodology appendix", "{}：方法附录"},
    {"doc.repro_heading", "Reproducibility", "可重复性信息"},
    {"doc.omitted_heading", "Not included", "未收入的内容"},
    {"caption.table", "Table {}. {}", "表{}  {}"},
    {"caption.figure", "Figure {}. {}", "图{}  {}"},
    // ---- sections of the appendix (a methods chapter; numbered by number_by_section) ----
    {"section.construction", "Construction of the indicator system and expert consultation", "指标体系构建与专家咨询"},
    {"section.data", "Data and descriptive statistics", "数据与描述统计"},
    {"section.reliability", "Reliability", "信度"},
    {"section.validity", "Validity", "效度"},
    {"section.weights", "Weights", "权重"},
    {"section.robustness", "Robustness and sensitivity", "稳健性与敏感性"},
    {"section.results", "Results", "结果"},
    {"section.empty", "No tables in this section: {}", "本节无表格：{}"},
    {"prefix.note", "Note. ", "注："},
    {"note.constant_column", "{}: {} for every row.", "各行的{}均为{}。"},
    {"prefix.source", "Source: ", "资料来源："},
    {"pvalue.note.chinese", "* p < 0.05, ** p < 0.01, *** p < 0.001", "* p<0.05, ** p<0.01, *** p<0.001"},
    {"pvalue.note.apa", "p-values in APA style.", "p 值按 APA 格式报告。"},
    {"figure.latex_missing",
     "Figure not included in the PDF (no PDF rendering of the figures was written); see {}.",
     "本图未收入 PDF（未生成图的 PDF 文件），请见 {}。"},
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
    {"repro.denominators", "Denominators (raw value / (denominator / scale), before treatment; a missing or zero "
     "denominator leaves the value missing): {}",
     "分母（原始值 ÷（分母 ÷ 倍数），在数据处理前计算；分母缺失或为零时该值记为缺失）：{}"},
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
    {"repro.figures.pdf", "rendered as PDF by librsvg", "由 librsvg 渲染为 PDF"},
    {"repro.figures.none", "none (no figures, or no LaTeX output asked for)", "无（无图，或未要求 LaTeX 输出）"},
    {"repro.date", "Date: {}", "日期：{}"},
    {"repro.quick",
     "Quick mode (--quick): smaller resampling sizes than a full run, so the intervals, the parallel-analysis thresholds and the Sobol' indices are less precise: {}. Run without --quick for the publication version.",
     "快速模式（--quick）：重抽样规模小于完整运行，区间估计、平行分析阈值与 Sobol' 指数的精度较低：{}。正式发表请去掉 --quick 重新运行。"},
    {"quick.alpha", "alpha bootstrap B = {} (default {})", "信度 Bootstrap B = {}（默认 {}）"},
    {"quick.parallel", "parallel-analysis data sets {} (default {})", "平行分析随机数据集 {} 个（默认 {}）"},
    {"quick.runs", "Monte Carlo runs {} (spec or default {})", "蒙特卡洛运行 {} 次（指标体系文件或默认 {}）"},
    {"quick.units", "bootstrap over units B = {} (spec or default {})", "评价单位 Bootstrap B = {}（指标体系文件或默认 {}）"},
    {"quick.sobol", "Sobol' CI resamples {} (default {})", "Sobol' 指数置信区间重抽样 {} 次（默认 {}）"},

    {"repro.sensitivity",
     "Uncertainty and sensitivity: {} model runs (N = {}, base points from {}), Sobol' CIs from {} bootstrap resamples; bootstrap over units B = {}; leave-one-out of every dimension and indicator.",
     "不确定性与敏感性分析：模型运行{}次（N = {}，基点取自{}），Sobol'指数置信区间基于{}次Bootstrap重抽样；评价单位Bootstrap B = {}；逐一剔除各维度与指标。"},
    {"repro.sensitivity.none", "Uncertainty and sensitivity: not run (the spec has no uncertainty block).",
     "不确定性与敏感性分析：未进行（指标体系文件未设置uncertainty部分）。"},

    // ---- parts left out (document section "Not included") ------------------------------
    {"omit.delphi", "Expert consultation (Delphi): the spec names no Delphi files.",
     "专家咨询（德尔菲法）：指标体系文件未提供德尔菲咨询文件。"},
    {"omit.evidence", "Reliability and validity: not computable for these data ({}).",
     "信度与效度检验：该数据无法计算（{}）。"},
    {"omit.ahp", "AHP consistency check: the spec names no AHP judgments.",
     "层次分析法一致性检验：指标体系文件未提供AHP判断矩阵。"},
    {"omit.method", "Weights and rankings compared: a weighting method is left out ({}).", "权重与排名比较：有赋权方法未收入（{}）。"},
    {"omit.rankings", "Rankings compared across weighting methods: fewer than two weighting methods apply to this spec.",
     "不同赋权方法的排名比较：适用于该指标体系的赋权方法少于两种。"},
    {"omit.sensitivity", "Uncertainty and sensitivity analysis: not computable ({}).",
     "不确定性与敏感性分析：无法计算（{}）。"},
    {"omit.sobol", "Sobol' sensitivity indices: not computable ({}).", "Sobol'敏感性指数：无法计算（{}）。"},

    // ---- generic charts (svg.hpp) ------------------------------------------------------
    {"fig.table_heatmap.legend", "darker = better; range {0:.{2}f} to {1:.{2}f}",
     "颜色越深越好；取值范围 {0:.{2}f} 至 {1:.{2}f}"},

    // ---- command line ------------------------------------------------------------------
    {"cli.wrote", "Wrote the appendix ({} tables, {} figures) to {} in {:.1f} s:", "已写出方法附录（{} 张表、{} 幅图）至 {}，用时 {:.1f} 秒："},
    {"cli.stage.evidence", "reliability and validity (A3–A8)…", "信度与效度检验（A3–A8）……"},
    {"cli.stage.weights", "weights and rankings compared (A9–A11)…", "权重与排名比较（A9–A11）……"},
    {"cli.stage.sensitivity", "uncertainty and sensitivity (A12–A14): {} runs, bootstrap B = {}, leave-one-out…",
     "不确定性与敏感性分析（A12–A14）：{}次运行，Bootstrap B = {}，逐一剔除……"},
    {"cli.stage.runs", "Monte Carlo runs", "蒙特卡洛运行"},
    {"cli.stage.bootstrap", "bootstrap resamples over units", "评价单位 Bootstrap 重抽样"},
    {"cli.stage.write", "writing the files…", "写出文件……"},
    {"cli.stage.audit", "statistical-coherence audit (C1–C4)…", "统计一致性审计（C1–C4）……"},
    {"cli.stage.analyses", "results and analyses of the index…", "结果与指数分析……"},
    {"cli.stage.figures", "figures as PDF and PNG…", "图的 PDF 与 PNG……"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
