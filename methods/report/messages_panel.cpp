/// \file messages_panel.cpp
/// Catalogue entries of the panel analyses (`cikit panel`, `cikit index` on a panel spec):
/// trajectories, changes and CAGR, trends, the small-multiples figure, per-period reliability.
/// Part of the message catalogue (messages.hpp); messages.cpp joins the parts.
#include "methods/report/detail/message_parts.hpp"

namespace cikit::report_detail {

const std::vector<Message>& panel_messages() {
  // clang-format off
  static const std::vector<Message> entries = {
    {"panel.summary", "Panel: {} units, {} periods ({} to {}); normalisation {}, weights {}.",
     "面板数据：{}个单位，{}期（{}至{}）；标准化方式 {}，权重方式 {}。"},
    {"panel.mode.pooled", "pooled over all periods", "全部时期合并（全局）"},
    {"panel.mode.reference", "from the reference period {}", "以基准期 {} 为准"},
    {"panel.mode.per_period", "per period (not comparable over time)", "逐期计算（跨期不可比）"},
    {"panel.traj.title", "Index scores by period", "各期综合指数得分"},
    {"panel.rank.title", "Index ranks by period", "各期综合指数排名"},
    {"panel.trend.title", "Change, growth and trend of the index, {} to {}", "综合指数的变化、增长与趋势（{}—{}）"},
    {"panel.col.unit", "Unit", "单位"},
    {"panel.col.first", "First", "首期"},
    {"panel.col.last", "Last", "末期"},
    {"panel.col.change", "Change", "变化量"},
    {"panel.col.cagr", "CAGR (%)", "年均增长率（%）"},
    {"panel.col.slope", "Slope", "趋势斜率"},
    {"panel.col.p", "p", "p值"},
    {"panel.col.direction", "Trend", "趋势"},
    {"panel.dir.up", "up", "上升"},
    {"panel.dir.down", "down", "下降"},
    {"panel.dir.flat", "flat", "持平"},
    {"panel.trend.note",
     "Change = last − first period score; CAGR = (last/first)^(1/(t_last − t_first)) − 1, only for positive scores; slope: OLS of score on period (R lm), two-sided t test on n − 2 df.",
     "变化量 = 末期得分 − 首期得分；年均增长率 = (末期/首期)^(1/(t末 − t首)) − 1，仅对正得分计算；趋势斜率为得分对时期的最小二乘回归系数（与 R lm 相同），p 值为自由度 n − 2 的双侧 t 检验。"},
    {"panel.alpha.title", "Standardised Cronbach's α by dimension and period (stability)", "各维度各期标准化 Cronbach's α（稳定性）"},
    {"panel.col.node", "Dimension", "维度"},
    {"panel.col.rank_last", "Rank ({})", "排名（{}）"},
    {"panel.alpha.note",
     "Standardised Cronbach's α (psych std.alpha, on correlations, as the indicators have different units) of the indicators under each node, computed separately in every period on the direction-corrected raw indicators; NA: fewer than 2 indicators or a degenerate block. Raw α: cikit panel, alpha_by_period.csv.",
     "各节点下属指标的标准化 Cronbach's α（基于相关矩阵，与 psych 的 std.alpha 相同；各指标量纲不同），按各期分别计算（指标先统一方向）；NA 表示指标少于 2 个或数据退化。原始 α 见 cikit panel 输出的 alpha_by_period.csv。"},
    {"panel.fig.note", "Each small panel: one unit's index score over the periods (blue) against all units (grey).",
     "每个小图：一个单位各期的综合指数得分（蓝线），灰线为全部单位。"},
    {"panel.section.note", "Panel data: the tables above describe the latest period, {} (its scores with the panel's normalisation and weights; the robustness analyses rebuild that period on its own); P1–P3 and the trajectory figure cover every period.",
     "面板数据：上文各表为最新一期（{}）的结果（得分采用面板的标准化与权重；稳健性分析仅基于该期重新构建）；表 P1–P3 与轨迹图涵盖全部时期。"},
    {"panel.omit", "Panel tables (P1–P3) left out: {}", "面板数据表（P1–P3）未纳入：{}"},
    {"panel.fig.title", "Index trajectories, {}", "综合指数变化轨迹（{}）"},
    {"panel.fig.top", "top {} units in the last period", "末期排名前 {} 的单位"},
    {"panel.fig.axis", "Score", "得分"},
    {"panel.latest", "Ranking of the latest period, {}; the output files hold every period.",
     "以下为最新一期（{}）的排名；输出文件包含全部时期。"},
  };
  // clang-format on
  return entries;
}

}  // namespace cikit::report_detail
