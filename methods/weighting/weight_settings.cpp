#include "methods/weighting/weight_settings.hpp"

#include <fmt/format.h>

#include <array>

namespace cikit {

namespace {
constexpr std::array kCombine{
    MethodName<CombineRule>{CombineRule::Linear, "linear", "线性加权组合", "linear combination"},
    MethodName<CombineRule>{CombineRule::Multiplicative, "multiplicative", "乘法合成归一化", "multiplicative combination"},
    MethodName<CombineRule>{CombineRule::MinEntropy, "min_entropy", "最小信息熵组合", "minimum-information-entropy combination"},
    MethodName<CombineRule>{CombineRule::GameTheory, "game_theory", "博弈论组合赋权", "game-theory combination"},
};
constexpr std::array kEntropy{
    MethodName<EntropyVariant>{EntropyVariant::MinMax, "minmax", "极差标准化后求比重", "proportions after min-max"},
    MethodName<EntropyVariant>{EntropyVariant::Ratio, "ratio", "原始正值数据求比重", "proportions of the raw positive data"},
};
constexpr std::array kShift{
    MethodName<EntropyShift>{EntropyShift::None, "none", "不平移（0 ln 0 = 0）", "no shift (0 ln 0 = 0)"},
    MethodName<EntropyShift>{EntropyShift::Add, "add", "加常数平移", "add delta"},
    MethodName<EntropyShift>{EntropyShift::MinMaxFloor, "minmax_floor", "极差标准化到 [delta, 1]", "min-max to [delta, 1]"},
};
constexpr std::array kPca{
    MethodName<PcaChoice>{{PcaVariant::Handbook, Pc1Variant::Signed}, "handbook", "OECD 手册因子分析权重",
                          "OECD Handbook factor weights"},
    MethodName<PcaChoice>{{PcaVariant::Pc1, Pc1Variant::Signed}, "pc1", "第一主成分载荷（COINr）",
                          "first principal component (COINr)"},
    MethodName<PcaChoice>{{PcaVariant::Pc1, Pc1Variant::Absolute}, "pc1_abs", "第一主成分载荷绝对值",
                          "first principal component, absolute values"},
    MethodName<PcaChoice>{{PcaVariant::Pc1, Pc1Variant::Squared}, "pc1_squared", "第一主成分载荷平方",
                          "first principal component, squared"},
};
constexpr std::array kPriority{
    MethodName<AhpPriorityMethod>{AhpPriorityMethod::Eigenvector, "eigenvector", "特征向量法", "eigenvector"},
    MethodName<AhpPriorityMethod>{AhpPriorityMethod::GeometricMean, "geometric_mean", "几何平均法（方根法）",
                                  "row geometric mean"},
};
constexpr std::array kGroup{
    MethodName<GroupAggregation>{GroupAggregation::AIJ, "aij", "判断矩阵几何平均（AIJ）", "aggregation of judgments (AIJ)"},
    MethodName<GroupAggregation>{GroupAggregation::AIPGeometric, "aip_geometric", "权重几何平均（AIP）",
                                 "geometric mean of priorities (AIP)"},
    MethodName<GroupAggregation>{GroupAggregation::AIPArithmetic, "aip_arithmetic", "权重算术平均（AIP）",
                                 "arithmetic mean of priorities (AIP)"},
};
constexpr std::array kMissingJ{
    MethodName<MissingJudgments>{MissingJudgments::LambdaOptimal, "lambda_optimal", "λmax 最优补全", "lambda-max optimal completion"},
    MethodName<MissingJudgments>{MissingJudgments::Harker, "harker", "Harker 法", "Harker's method"},
    MethodName<MissingJudgments>{MissingJudgments::Error, "error", "缺失即报错", "error on missing"},
};
}  // namespace

std::span<const MethodName<CombineRule>> combine_rules() { return kCombine; }
std::span<const MethodName<EntropyVariant>> entropy_variants() { return kEntropy; }
std::span<const MethodName<EntropyShift>> entropy_shifts() { return kShift; }
std::span<const MethodName<PcaChoice>> pca_variants() { return kPca; }
std::span<const MethodName<AhpPriorityMethod>> ahp_priority_methods() { return kPriority; }
std::span<const MethodName<GroupAggregation>> ahp_group_rules() { return kGroup; }
std::span<const MethodName<MissingJudgments>> ahp_missing_rules() { return kMissingJ; }

std::string_view pca_variant_name(const WeightVariants& v) {
  for (const auto& m : kPca)
    if (m.value.variant == v.pca && (v.pca == PcaVariant::Handbook || m.value.pc1 == v.pc1)) return m.name;
  return kPca.front().name;
}

std::string describe_combination(const CombineSettings& c) {
  std::string of;
  for (WeightMethod m : c.of) {
    if (!of.empty()) of += ", ";
    of += method_info(weight_methods(), m).name;
  }
  const auto rule = method_info(combine_rules(), c.rule).name;
  if (c.rule == CombineRule::Linear) return fmt::format("{}({}; alpha = {})", rule, of, c.alpha);
  return fmt::format("{}({})", rule, of);
}

void validate_combination(const CombineSettings& c) {
  const auto rule = method_info(combine_rules(), c.rule).name;
  if (c.of.size() < 2)
    throw InvalidInput(fmt::format("methods.weights: combine: {} needs at least 2 methods in 'of' (got {})", rule,
                                   c.of.size()));
  if (c.rule != CombineRule::GameTheory && c.of.size() != 2)
    throw InvalidInput(fmt::format("methods.weights: combine: {} combines exactly 2 methods (got {}); "
                                   "game_theory takes 2 or more",
                                   rule, c.of.size()));
  for (std::size_t i = 0; i < c.of.size(); ++i) {
    if (c.of[i] == WeightMethod::Combined)
      throw InvalidInput("methods.weights: combine: 'combined' cannot be one of its own components");
    for (std::size_t j = 0; j < i; ++j)
      if (c.of[i] == c.of[j])
        throw InvalidInput(fmt::format("methods.weights: combine: '{}' appears twice in 'of'",
                                       method_info(weight_methods(), c.of[i]).name));
  }
  if (!(c.alpha >= 0 && c.alpha <= 1))
    throw InvalidInput(fmt::format("methods.weights: combine: alpha is {}, but must be in [0, 1]", c.alpha));
}

}  // namespace cikit
