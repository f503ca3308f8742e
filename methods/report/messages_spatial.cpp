/// \file messages_spatial.cpp
/// Catalogue entries of the analyses over space and distribution (issue 22): regional
/// disparity (Dagum Gini, Theil), kernel density figures, spatial autocorrelation (Moran's I,
/// LISA) — the CLI tables of `cikit disparity|density|spatial` and the appendix blocks E1–E5.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& spatial_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    // ---- disparity ----------------------------------------------------------------------
    {"disparity.e1.title", "Dagum Gini coefficient and its decomposition", "Dagum基尼系数及其分解"},
    {"disparity.e2.title", "Within-group and between-group Gini coefficients", "组内与组间基尼系数"},
    {"disparity.e3.title", "Theil indices and their decomposition", "泰尔指数及其分解"},
    {"disparity.col.period", "Period", "时期"},
    {"disparity.col.node", "Scores", "得分"},
    {"disparity.col.gini", "G", "总体基尼系数G"},
    {"disparity.col.within", "G_w", "组内差异G_w"},
    {"disparity.col.between", "G_nb", "组间净差异G_nb"},
    {"disparity.col.transvariation", "G_t", "超变密度G_t"},
    {"disparity.col.share_within", "G_w share", "G_w贡献率"},
    {"disparity.col.share_between", "G_nb share", "G_nb贡献率"},
    {"disparity.col.share_transvariation", "G_t share", "G_t贡献率"},
    {"disparity.col.group", "Group", "组别"},
    {"disparity.col.n", "N", "单位数"},
    {"disparity.col.mean", "Mean", "均值"},
    {"disparity.col.group_gini", "G_jj", "组内基尼系数G_jj"},
    {"disparity.col.pair", "Pair", "组别对"},
    {"disparity.col.pair_gini", "G_jh", "组间基尼系数G_jh"},
    {"disparity.col.pair_d", "D_jh", "相对经济影响D_jh"},
    {"disparity.col.theil_t", "Theil T", "泰尔T指数"},
    {"disparity.col.theil_t_within", "T within", "T组内"},
    {"disparity.col.theil_t_between", "T between", "T组间"},
    {"disparity.col.theil_l", "Theil L", "泰尔L指数"},
    {"disparity.col.theil_l_within", "L within", "L组内"},
    {"disparity.col.theil_l_between", "L between", "L组间"},
    {"disparity.note", "Note. Dagum (1997): G = G_w + G_nb + G_t (within-group, net between-group, transvariation); groups from column '{}'; {} units.",
     "注：Dagum（1997）分解 G = G_w + G_nb + G_t（组内差异、组间净差异、超变密度）；分组列“{}”；{}个单位。"},
    {"disparity.theil.note", "Note. Theil (1967), Shorrocks (1980): T and L are each the sum of a within-group and a between-group part.",
     "注：Theil（1967）、Shorrocks（1980）：T与L均可分解为组内与组间两部分之和。"},
    {"spatial.omit", "{} left out: {}", "{}未列入：{}"},
    // ---- density ------------------------------------------------------------------------
    {"density.fig.title", "Kernel density of {} (bandwidth rule {})", "{}的核密度估计（带宽规则 {}）"},
    {"density.fig.x", "Score", "得分"},
    {"density.fig.y", "Density", "密度"},
    {"density.e4.title", "Kernel density estimates", "核密度估计"},
    {"density.col.bandwidth", "Bandwidth", "带宽"},
    {"density.col.peak", "Peak at", "峰值位置"},
    {"density.col.peak_density", "Peak density", "峰值密度"},
    {"density.note", "Note. Gaussian kernel, bandwidth by {} (R bw.{}), grid of {} points from min − 3h to max + 3h; figures: overlay and ridgeline.",
     "注：高斯核，带宽规则 {}（R bw.{}），网格{}点，范围为最小值−3h至最大值+3h；图：叠加图与山脊图。"},
    // ---- spatial ------------------------------------------------------------------------
    {"spatial.e5.title", "Global Moran's I", "全局莫兰指数"},
    {"spatial.e6.title", "Local Moran's I (LISA)", "局部莫兰指数（LISA）"},
    {"spatial.col.scheme", "Weights", "空间权重"},
    {"spatial.col.moran_i", "Moran's I", "莫兰指数I"},
    {"spatial.col.expectation", "E[I]", "期望E[I]"},
    {"spatial.col.variance", "Var[I]", "方差Var[I]"},
    {"spatial.col.z", "z", "z值"},
    {"spatial.col.p", "p", "p值"},
    {"spatial.col.p_perm", "p (permutation)", "p值（置换检验）"},
    {"spatial.col.unit", "Unit", "单位"},
    {"spatial.col.local_i", "I_i", "局部I_i"},
    {"spatial.col.quadrant", "Quadrant", "象限"},
    {"spatial.note", "Note. Moments under randomisation (Cliff & Ord 1981), alternative: I > E[I]; weights {} (style {}); {} units.",
     "注：随机化假设下的矩（Cliff & Ord 1981），备择假设 I > E[I]；空间权重 {}（{}标准化）；{}个单位。"},
    {"spatial.lisa.note", "Note. Anselin (1995), moments conditional on z_i (spdep localmoran), two-sided p; quadrants by the value and its spatial lag against their means (HH high–high, LL low–low, HL high–low, LH low–high).",
     "注：Anselin（1995），以z_i为条件的矩（spdep localmoran），双侧p值；象限按取值及其空间滞后相对各自均值划分（HH高—高，LL低—低，HL高—低，LH低—高）。"},
    {"spatial.lisa.latest", "Local indicators of the latest period ({}); cikit spatial gives every period.",
     "局部指标为最新一期（{}）；各期结果见 cikit spatial。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
