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
};
constexpr std::array kAggregate{
    MethodName<AggregateMethod>{AggregateMethod::Arithmetic, "arithmetic", "加权算术平均",
                                "weighted arithmetic mean"},
    MethodName<AggregateMethod>{AggregateMethod::Geometric, "geometric", "加权几何平均", "weighted geometric mean"},
    MethodName<AggregateMethod>{AggregateMethod::Harmonic, "harmonic", "加权调和平均", "weighted harmonic mean"},
};
constexpr std::array kMissing{
    MethodName<MissingPolicy>{MissingPolicy::Available, "available",
                              "按可得子指标重新归一化权重", "re-normalise over available children"},
    MethodName<MissingPolicy>{MissingPolicy::Error, "error", "缺失即报错", "error on missing"},
};
}  // namespace

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
