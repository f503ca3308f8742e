/// \file messages_sensitivity.cpp
/// Catalogue entries of the uncertainty and sensitivity analysis: the rank-interval figure,
/// the labels of uncertain inputs, and tables A12–A14 (rank intervals, Sobol' indices,
/// leave-one-out).
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& sensitivity_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- figures: rank intervals ---------------------------------------------------
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
    {"a12.note.failures", "{} runs failed and are left out of the rank statistics.",
     "{}次运行失败，未计入排名统计。"},
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
    {"a12.interp.widest", "The widest interval is that of {0} ({1:g}–{2:g}; nominal rank {3}).",
     "区间最宽的是{0}（{1:g}–{2:g}，基准排名第{3}位）。"},
    {"a12.omitted", "Uncertainty and sensitivity analysis: the spec has no uncertainty block.",
     "不确定性与敏感性分析：指标体系文件未设置uncertainty部分。"},

    {"a13.title", "Sensitivity analysis: Sobol' indices of the mean absolute rank shift",
     "敏感性分析：平均绝对位次变动的Sobol'指数"},
    {"a13.h.input", "Uncertain input", "不确定性输入"},
    {"a13.h.first", "First-order index", "一阶指数"},
    {"a13.h.total", "Total-order index", "总效应指数"},
    {"a13.h.ci", "95% CI", "95%置信区间"},
    {"a13.h.estimate", "Estimate", "估计值"},
    {"a13.h.status", "Status", "收敛状态"},
    {"a13.status.converged", "converged", "已收敛"},
    {"a13.status.not", "not converged ({})", "未收敛（{}）"},
    {"a13.reason.zero", "CI includes 0", "置信区间含0"},
    {"a13.reason.wide", "CI half-width > {:.2f}", "置信区间半宽 > {:.2f}"},
    {"a13.reason.unstable", "change from N/2 to N > {:.2f}", "N/2至N的变化 > {:.2f}"},
    {"a13.note.rule",
     "Convergence rule (tolerance τ = {0:.2f}): an index is converged when the half-width of its 95% CI is at most "
     "τ, the CI of a first-order index excludes 0 (otherwise the index is not distinguishable from 0), and the "
     "index changes by at most τ between the first N/2 and all N base rows (Table A13-2); bootstrap CIs and "
     "convergence in N as in Saltelli et al. (2010) and the JRC audits (Saisana, Saltelli & Tarantola 2005). "
     "Indices marked not converged are Monte Carlo estimates that are not yet stable and are not interpreted.",
     "收敛判定标准（容差τ = {0:.2f}）：指数95%置信区间的半宽不超过τ、一阶指数的置信区间不含0（否则该指数与0无法区分），且"
     "由前N/2个与全部N个基础样本行所得估计值之差不超过τ（见表A13-2）时，视为已收敛；Bootstrap置信区间与随N收敛的检验方法"
     "参照Saltelli等（2010）及欧盟联合研究中心（JRC）的审计实践（Saisana, Saltelli & Tarantola 2005）。标为未收敛的指数是"
     "尚不稳定的蒙特卡洛估计值，不作解释。"},
    {"a13.note.converged", "Every index meets this rule at N = {} ({} model runs).",
     "在N = {}（{}次模型运行）下，全部指数均满足上述收敛标准。"},
    {"a13.note.needed",
     "At N = {2} ({3} model runs) {0} of the {1} indices are not converged. As the CI half-width and the change "
     "between N/2 and N decrease in proportion to N^−1/2, they are expected to fall below τ for every index at "
     "about N = {4} ({5} model runs); a first-order index close to 0 may still not be distinguishable from 0.",
     "在N = {2}（{3}次模型运行）下，{1}个指数中有{0}个未收敛。由于置信区间半宽及N/2至N的变化均与N^−1/2成正比，"
     "估计约在N = {4}（{5}次模型运行）时全部指数的半宽与变化方能降至τ以下；接近0的一阶指数届时仍可能与0无法区分。"},
    {"a13.note.not_converged",
     "At N = {2} ({3} model runs) {0} of the {1} indices are not converged; the sample size they need cannot be "
     "estimated (see below).",
     "在N = {2}（{3}次模型运行）下，{1}个指数中有{0}个未收敛，其所需样本量无法估计（见下）。"},
    {"a13.note.consistent_zero",
     "First-order index consistent with 0 (estimate ≤ 0 and CI including 0; no sample size can show an effect "
     "that may be absent): {}.",
     "一阶指数与0无法区分（估计值 ≤ 0且置信区间含0；若该效应不存在，增大样本量亦无法使其显著）：{}。"},
    {"a13.note.above_one",
     "The total-order estimate of {0} is {1:.3f}, above 1. A total-order index cannot exceed 1: the excess is "
     "Monte Carlo error of the estimator at this N. The value is shown as estimated (not clamped) and is not "
     "interpreted.",
     "{0}的总效应指数估计值为{1:.3f}，超过1。总效应指数的真值不超过1，超出部分为该N下估计量的蒙特卡洛误差；表中列出原始"
     "估计值（未截断），不作解释。"},
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
    {"a13.interp.not_established",
     "At N = {0} the ranking of the inputs is not established: {1} of the {2} indices are not converged, among "
     "them the largest total-order estimate ({3}, {4:.3f}); no input is named as the main source of the variance "
     "of the rank shift.",
     "在N = {0}下，各不确定性输入的重要性排序尚不能确定：{2}个指数中有{1}个未收敛，其中包括最大的总效应指数估计值（{3}，"
     "{4:.3f}），故不据此认定位次变动方差的主要来源。"},
    {"a13.interp.first_open",
     "The first-order indices of {0} have not converged at N = {1}: how much of their effect acts alone and how much "
     "through interactions is not established.",
     "{0}的一阶指数在N = {1}下尚未收敛，其效应中单独作用与交互作用各占多少尚不能确定。"},
    {"a13.interp.overlap", "; its CI overlaps that of {0} ({1:.3f}), so the order of the two is not established",
     "；但其置信区间与{0}（{1:.3f}）重叠，二者的大小顺序尚不能确定"},
    {"a13.interp.sum",
     "The first-order indices sum to {0:.3f}: about {1:.0f}% of the variance comes from interactions between inputs.",
     "一阶指数之和为{0:.3f}，约{1:.0f}%的方差来自输入之间的交互作用。"},
    {"a13b.title", "Convergence of the Sobol' indices", "Sobol'指数的收敛性"},
    {"a13b.note", "Indices from the first N/4, N/2 and all N base rows of the same design.",
     "分别基于同一设计的前N/4、前N/2与全部N个基础样本行计算。"},
    {"a13b.status", "first order: {}; total order: {}", "一阶：{}；总效应：{}"},
    {"a13b.status.not", "not converged", "未收敛"},
    {"a13b.which.first", "first-order index of {}", "{}的一阶指数"},
    {"a13b.which.total", "total-order index of {}", "{}的总效应指数"},
    {"a13b.interp.within",
     "From N = {0} to N = {1} the largest change of an index is {2:.3f} ({3}), within the tolerance {4:.2f}.",
     "从N = {0}到N = {1}，各指数的最大变化为{2:.3f}（{3}），未超过容差{4:.2f}。"},
    {"a13b.interp.above",
     "From N = {0} to N = {1} the largest change of an index is {2:.3f} ({3}), above the tolerance {4:.2f}; {5} "
     "of the {6} indices change by more than the tolerance and have not settled at N = {1}.",
     "从N = {0}到N = {1}，各指数的最大变化为{2:.3f}（{3}），超过容差{4:.2f}；{6}个指数中有{5}个的变化超过容差，"
     "在N = {1}下尚未稳定。"},

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
    {"a14.reason.only_child", "the only child of {}: removing it leaves that group empty",
     "为“{}”的唯一下级指标，删除后该上级为空"},
    {"a14.interp.dimension",
     "Among the dimensions, removing {0} moves the ranks most (mean {1:.2f} places, at most {2}).",
     "在各一级维度中，剔除{0}对排名影响最大（平均变动{1:.2f}位，最大{2}位）。"},
    {"a14.interp.indicator",
     "Among the indicators, removing {0} moves the ranks most (mean {1:.2f} places, at most {2}).",
     "在各指标中，剔除{0}对排名影响最大（平均变动{1:.2f}位，最大{2}位）。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
