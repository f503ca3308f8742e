#include "methods/core/registry.hpp"

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
}  // namespace

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
