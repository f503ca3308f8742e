#include "methods/core/registry.hpp"

#include <fmt/format.h>

#include <cmath>

#include <array>

namespace cikit {

namespace {
constexpr std::array kNormalize{
    MethodName<NormalizeMethod>{NormalizeMethod::MinMax, "minmax", "极差标准化（最小-最大）",
                                "min-max"},
    MethodName<NormalizeMethod>{NormalizeMethod::ZScore, "zscore", "Z分数标准化", "z-score"},
    MethodName<NormalizeMethod>{NormalizeMethod::Goalposts, "goalposts", "阈值法（固定上下限）",
                                "goalposts"},
    MethodName<NormalizeMethod>{NormalizeMethod::Rank, "rank", "排序法（秩次）", "rank"},
    MethodName<NormalizeMethod>{NormalizeMethod::PercentileRank, "percentile", "百分位秩", "percentile rank"},
    MethodName<NormalizeMethod>{NormalizeMethod::DistanceToReference, "distance_ref", "与参照单位的距离",
                                "distance to a reference unit"},
    MethodName<NormalizeMethod>{NormalizeMethod::DistanceToTarget, "distance_target", "与目标值的距离",
                                "distance to a target"},
    MethodName<NormalizeMethod>{NormalizeMethod::RatioToMean, "ratio_mean", "均值化（与均值之比）",
                                "ratio to the mean"},
    MethodName<NormalizeMethod>{NormalizeMethod::RatioToMax, "ratio_max", "与最大值之比", "ratio to the maximum"},
    MethodName<NormalizeMethod>{NormalizeMethod::Vector, "vector", "向量归一化", "vector normalisation"},
    MethodName<NormalizeMethod>{NormalizeMethod::None, "none", "不标准化（保留原始值，由评价方法自行处理）",
                                "none (raw values; the evaluation method normalises)"},
};
constexpr std::array kWeights{
    MethodName<WeightMethod>{WeightMethod::Equal, "equal", "等权重", "equal weights"},
    MethodName<WeightMethod>{WeightMethod::Given, "given", "指定权重", "user-given weights"},
    MethodName<WeightMethod>{WeightMethod::Entropy, "entropy", "熵权法", "entropy weights"},
    MethodName<WeightMethod>{WeightMethod::CV, "cv", "变异系数法", "coefficient-of-variation weights"},
    MethodName<WeightMethod>{WeightMethod::SD, "sd", "标准差法", "standard-deviation weights"},
    MethodName<WeightMethod>{WeightMethod::Critic, "critic", "CRITIC法", "CRITIC weights"},
    MethodName<WeightMethod>{WeightMethod::Pca, "pca", "主成分（因子分析）权重", "PCA/factor-analysis weights (OECD)"},
    MethodName<WeightMethod>{WeightMethod::Ahp, "ahp", "层次分析法（AHP）", "analytic hierarchy process (AHP)"},
    MethodName<WeightMethod>{WeightMethod::Combined, "combined", "组合赋权", "combined weights"},
    // --- mcda-weights (issue 18)
    MethodName<WeightMethod>{WeightMethod::Bod, "bod", "“有利原则”权重（BoD/DEA）", "benefit-of-the-doubt (DEA) weights"},
    MethodName<WeightMethod>{WeightMethod::Bwm, "bwm", "最优最劣法（BWM）", "best-worst method (BWM)"},
    MethodName<WeightMethod>{WeightMethod::MaxDeviation, "max_deviation", "离差最大化法", "maximising deviation"},
    MethodName<WeightMethod>{WeightMethod::MeanDeviation, "mean_deviation", "平均差法", "mean-deviation weights"},
    MethodName<WeightMethod>{WeightMethod::Independence, "independence", "独立性权数法（1 − R²）",
                             "independence weights (1 − R²)"},
};
constexpr std::array kAggregate{
    MethodName<AggregateMethod>{AggregateMethod::Arithmetic, "arithmetic", "加权算术平均",
                                "weighted arithmetic mean"},
    MethodName<AggregateMethod>{AggregateMethod::Geometric, "geometric", "加权几何平均", "weighted geometric mean"},
    MethodName<AggregateMethod>{AggregateMethod::Harmonic, "harmonic", "加权调和平均", "weighted harmonic mean"},
    MethodName<AggregateMethod>{AggregateMethod::Power, "power", "加权幂平均（广义平均）", "weighted power (generalised) mean"},
    MethodName<AggregateMethod>{AggregateMethod::Topsis, "topsis", "TOPSIS（逼近理想解排序法）", "TOPSIS closeness"},
    MethodName<AggregateMethod>{AggregateMethod::MazziottaPareto, "mpi", "Mazziotta-Pareto 指数", "Mazziotta-Pareto index"},
    MethodName<AggregateMethod>{AggregateMethod::Copeland, "copeland", "Copeland 非补偿合成",
                                "Copeland (non-compensatory)"},
    // --- mcda-weights (issue 18)
    MethodName<AggregateMethod>{AggregateMethod::Bod, "bod", "“有利原则”合成（BoD/DEA）",
                                "benefit of the doubt (DEA)"},
    MethodName<AggregateMethod>{AggregateMethod::Gra, "gra", "灰色关联分析（关联度）", "grey relational grade"},
    MethodName<AggregateMethod>{AggregateMethod::Vikor, "vikor", "VIKOR（折衷排序法）", "VIKOR (1 - Q)"},
    MethodName<AggregateMethod>{AggregateMethod::Promethee, "promethee", "PROMETHEE II（净流量）",
                                "PROMETHEE II net flow"},
    MethodName<AggregateMethod>{AggregateMethod::Copras, "copras", "COPRAS（复比例评估法）", "COPRAS significance Q"},
    MethodName<AggregateMethod>{AggregateMethod::Edas, "edas", "EDAS（基于平均解距离法）", "EDAS appraisal score"},
    MethodName<AggregateMethod>{AggregateMethod::Rsr, "rsr", "秩和比法（RSR）", "rank-sum ratio (RSR)"},
    MethodName<AggregateMethod>{AggregateMethod::Fuzzy, "fuzzy", "模糊综合评价", "fuzzy comprehensive evaluation"},
};
constexpr std::array kMissing{
    MethodName<MissingPolicy>{MissingPolicy::Available, "available",
                              "按可得子指标重新归一化权重", "re-normalise over available children"},
    MethodName<MissingPolicy>{MissingPolicy::Error, "error", "缺失即报错", "error on missing"},
};
constexpr std::array kImpute{
    MethodName<ImputeMethod>{ImputeMethod::None, "none", "不插补", "no imputation"},
    MethodName<ImputeMethod>{ImputeMethod::Mean, "mean", "均值插补", "mean imputation"},
    MethodName<ImputeMethod>{ImputeMethod::Median, "median", "中位数插补", "median imputation"},
    MethodName<ImputeMethod>{ImputeMethod::GroupMean, "group_mean", "组内均值插补", "group-mean imputation"},
};
constexpr std::array kOutliers{
    MethodName<OutlierMethod>{OutlierMethod::None, "none", "不处理异常值", "no outlier treatment"},
    MethodName<OutlierMethod>{OutlierMethod::Winsorise, "winsorise", "缩尾处理（JRC）",
                              "winsorisation (JRC/COINr)"},
};
constexpr std::array kTransform{
    MethodName<TransformMethod>{TransformMethod::None, "none", "不变换", "no transform"},
    MethodName<TransformMethod>{TransformMethod::Log, "log", "自然对数", "natural log"},
    MethodName<TransformMethod>{TransformMethod::LogCT, "log_ct", "平移对数（COINr log_CT）",
                                "shifted log (COINr log_CT)"},
};
constexpr std::array kPreference{
    MethodName<PreferenceFunction>{PreferenceFunction::Usual, "usual", "普通型（I）", "usual (type I)"},
    MethodName<PreferenceFunction>{PreferenceFunction::UShape, "u_shape", "U 型（II）", "U-shape (type II)"},
    MethodName<PreferenceFunction>{PreferenceFunction::VShape, "v_shape", "V 型（III）", "V-shape (type III)"},
    MethodName<PreferenceFunction>{PreferenceFunction::Level, "level", "阶梯型（IV）", "level (type IV)"},
    MethodName<PreferenceFunction>{PreferenceFunction::Linear, "linear", "带无差异区间的线性型（V）",
                                   "linear with indifference (type V)"},
    MethodName<PreferenceFunction>{PreferenceFunction::Gaussian, "gaussian", "高斯型（VI）", "Gaussian (type VI)"},
};
constexpr std::array kRsr{
    MethodName<RsrRanking>{RsrRanking::Integer, "integer", "整秩 RSR", "integer-rank RSR"},
    MethodName<RsrRanking>{RsrRanking::NonInteger, "noninteger", "非整秩 RSR", "non-integer-rank RSR"},
};
constexpr std::array kFuzzyOperator{
    MethodName<FuzzyOperator>{FuzzyOperator::ProductSum, "product_sum", "M(·,⊕) 加权平均型", "M(·,⊕) weighted average"},
    MethodName<FuzzyOperator>{FuzzyOperator::MinMax, "min_max", "M(∧,∨) 主因素决定型", "M(∧,∨) main factor decisive"},
    MethodName<FuzzyOperator>{FuzzyOperator::ProductMax, "product_max", "M(·,∨) 主因素突出型",
                              "M(·,∨) main factor prominent"},
    MethodName<FuzzyOperator>{FuzzyOperator::MinSum, "min_sum", "M(∧,⊕) 取小上界和型", "M(∧,⊕) bounded min-sum"},
};
constexpr std::array kFuzzyGrade{
    MethodName<FuzzyGradeRule>{FuzzyGradeRule::MaxMembership, "max_membership", "最大隶属度原则",
                               "maximum membership"},
    MethodName<FuzzyGradeRule>{FuzzyGradeRule::Score, "score", "加权平均等级分", "weighted-average grade score"},
};
}  // namespace

std::span<const MethodName<FuzzyOperator>> fuzzy_operators() { return kFuzzyOperator; }
std::span<const MethodName<FuzzyGradeRule>> fuzzy_grade_rules() { return kFuzzyGrade; }
std::span<const MethodName<PreferenceFunction>> preference_functions() { return kPreference; }
std::span<const MethodName<RsrRanking>> rsr_rankings() { return kRsr; }

std::string preference_problem(const Preference& f) {
  const std::string name(method_info(preference_functions(), f.function).name);
  if (!std::isfinite(f.q) || !std::isfinite(f.p) || !std::isfinite(f.s))
    return fmt::format("{}: thresholds must be finite (q = {}, p = {}, s = {})", name, f.q, f.p, f.s);
  switch (f.function) {
    case PreferenceFunction::Usual: return "";
    case PreferenceFunction::UShape: return f.q >= 0 ? "" : fmt::format("{}: q = {} must be >= 0", name, f.q);
    case PreferenceFunction::VShape: return f.p > 0 ? "" : fmt::format("{}: needs p > 0 (p = {})", name, f.p);
    case PreferenceFunction::Level:
    case PreferenceFunction::Linear:
      if (!(f.q >= 0)) return fmt::format("{}: q = {} must be >= 0", name, f.q);
      if (!(f.q < f.p))
        return fmt::format("{}: the indifference threshold q = {} must be below the preference threshold p = {}",
                           name, f.q, f.p);
      return "";
    case PreferenceFunction::Gaussian: return f.s > 0 ? "" : fmt::format("{}: needs s > 0 (s = {})", name, f.s);
  }
  return "";
}

std::span<const MethodName<ImputeMethod>> impute_methods() { return kImpute; }
std::span<const MethodName<OutlierMethod>> outlier_methods() { return kOutliers; }
std::span<const MethodName<TransformMethod>> transform_methods() { return kTransform; }

std::span<const MethodName<NormalizeMethod>> normalize_methods() { return kNormalize; }
std::span<const MethodName<WeightMethod>> weight_methods() { return kWeights; }
std::span<const MethodName<AggregateMethod>> aggregate_methods() { return kAggregate; }
std::span<const MethodName<MissingPolicy>> missing_policies() { return kMissing; }

std::vector<std::string> names_of(std::span<const MethodName<NormalizeMethod>> t) {
  std::vector<std::string> out;
  for (const auto& m : t) out.emplace_back(m.name);
  return out;
}

}  // namespace cikit
