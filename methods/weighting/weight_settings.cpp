#include "methods/weighting/weight_settings.hpp"

#include <fmt/format.h>

#include <yaml-cpp/yaml.h>

#include <array>

#include "methods/core/yaml_context.hpp"

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

/// The keys of `methods.weights` owned by the weighting family: the variants of entropy, pca and
/// ahp, and combine/of/alpha (docs/spec.md "methods.weights as a mapping"). Core has read
/// `method` into cfg.weights already.
void parse_weight_keys(const YamlContext& ctx, const YAML::Node& v, IndexConfig& cfg, SettingsStore& store) {
  WeightSettings& s = store.get_or_create<WeightSettings>(kWeightsBlock);
  WeightVariants& variants = s.variants;
  AhpTreeOptions& ahp = s.ahp;
  const bool have_method = static_cast<bool>(v["method"]);
  bool have_combine = false, have_alpha = false, have_of = false;
  YAML::Node alpha_node, of_node;
  ctx.each_key(v, "methods.weights", {},
               [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
    if (k == "method") {
      return;  // core's key
    } else if (k == "combine") {
      variants.combined.rule = parse_enum(ctx, w, combine_rules(), "combination rule");
      have_combine = true;
    } else if (k == "of") {
      of_node = w;
      have_of = true;
      if (!w.IsSequence()) ctx.fail(w, "methods.weights.of must be a list of weighting methods, e.g. [ahp, entropy]");
      for (const auto& item : w) variants.combined.of.push_back(parse_enum(ctx, item, weight_methods(), "weighting method"));
    } else if (k == "alpha") {
      alpha_node = w;
      have_alpha = true;
      variants.combined.alpha = ctx.number(w, "methods.weights.alpha");
    } else if (k == "entropy") {
      ctx.each_key(w, "methods.weights.entropy", {"variant", "shift", "delta"},
                   [&](const std::string& e, const YAML::Node&, const YAML::Node& x) {
        if (e == "variant") variants.entropy = parse_enum(ctx, x, entropy_variants(), "entropy variant");
        else if (e == "shift") variants.entropy_shift = parse_enum(ctx, x, entropy_shifts(), "entropy shift");
        else variants.entropy_delta = ctx.number(x, "methods.weights.entropy.delta");
      });
      if ((variants.entropy_shift != EntropyShift::None) != (variants.entropy_delta > 0))
        ctx.fail(w, "methods.weights.entropy: a shift (add, minmax_floor) needs delta > 0, and delta needs a shift");
      if (variants.entropy_shift == EntropyShift::MinMaxFloor && variants.entropy != EntropyVariant::MinMax)
        ctx.fail(w, "methods.weights.entropy: shift minmax_floor needs variant minmax");
    } else if (k == "pca") {
      ctx.each_key(w, "methods.weights.pca", {"variant"}, [&](const std::string&, const YAML::Node&, const YAML::Node& x) {
        const PcaChoice c = parse_enum(ctx, x, pca_variants(), "PCA variant");
        variants.pca = c.variant;
        variants.pc1 = c.pc1;
      });
    } else {  // ahp
      ctx.each_key(w, "methods.weights.ahp", {"priorities", "random_index", "group", "missing_judgments"},
                   [&](const std::string& a, const YAML::Node&, const YAML::Node& x) {
        if (a == "priorities") {
          ahp.ahp.method = parse_enum(ctx, x, ahp_priority_methods(), "AHP priority method");
        } else if (a == "random_index") {
          const std::string name = ctx.scalar(x, "methods.weights.ahp.random_index");
          if (!parse_random_index_table(name, ahp.ahp.random_index))
            ctx.fail(x, fmt::format("unknown random index table '{}' (accepted: saaty1980, saaty2005, alonso_lamata, "
                                    "alonso_lamata_fit, donegan_dodd, chinese_textbook)",
                                    name));
        } else if (a == "group") {
          ahp.group = parse_enum(ctx, x, ahp_group_rules(), "AHP group rule");
        } else {
          ahp.ahp.missing = parse_enum(ctx, x, ahp_missing_rules(), "missing-judgment rule");
        }
      });
    }
  });
  if (have_combine || have_of) {
    if (have_method && cfg.weights != WeightMethod::Combined)
      ctx.fail(v, "methods.weights: 'combine'/'of' belong to method: combined");
    if (!have_combine) ctx.fail(v, "methods.weights: 'of' needs 'combine: linear|multiplicative|min_entropy|game_theory'");
    if (!have_of) ctx.fail(v, "methods.weights: 'combine' needs 'of: [method, method, ...]'");
    cfg.weights = WeightMethod::Combined;
    try {
      validate_combination(variants.combined);
    } catch (const InvalidInput& e) {
      ctx.fail(have_alpha && !(variants.combined.alpha >= 0 && variants.combined.alpha <= 1) ? alpha_node : of_node,
               e.what());
    }
  } else if (have_method && cfg.weights == WeightMethod::Combined) {
    ctx.fail(v, "methods.weights: method: combined needs 'combine:' and 'of:' (e.g. combine: game_theory, of: [ahp, entropy])");
  }
  if (have_alpha && variants.combined.rule != CombineRule::Linear)
    ctx.fail(alpha_node, "methods.weights.alpha applies to combine: linear only");
}

// Registered at static initialisation (methods/core/settings.hpp); the library is linked whole.
const bool kRegistered = register_settings_parser(
    {kWeightsBlock, {"combine", "of", "alpha", "entropy", "pca", "ahp"}, parse_weight_keys});

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

const WeightSettings& weight_settings(const Spec& spec) {
  static const WeightSettings kDefaults{};
  const WeightSettings* s = spec.settings.find<WeightSettings>(kWeightsBlock);
  return s != nullptr ? *s : kDefaults;
}

WeightSettings& weight_settings(Spec& spec) { return spec.settings.get_or_create<WeightSettings>(kWeightsBlock); }

}  // namespace cikit
