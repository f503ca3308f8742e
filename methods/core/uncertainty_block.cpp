#include "methods/core/uncertainty_block.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "methods/core/registry.hpp"
#include "methods/core/yaml_context.hpp"

namespace cikit {

namespace {

InvalidInput block_error(const Location& where, const std::string& message) {
  return InvalidInput("uncertainty: " + message, where);
}

template <class E>
void check_names(const NamedSet& s, const char* key, std::span<const MethodName<E>> table, const char* what) {
  if (!s.given) return;
  if (s.names.empty())
    throw block_error(s.key, fmt::format("{} is an empty set; list at least one {} (accepted: {})", key, what,
                                         method_names(table)));
  std::set<std::string> seen;
  for (std::size_t i = 0; i < s.names.size(); ++i) {
    const Location& at = i < s.where.size() ? s.where[i] : s.key;
    E e{};
    if (!parse_method(table, s.names[i], e))
      throw block_error(at, fmt::format("unknown {} '{}' in {} (accepted: {})", what, s.names[i], key,
                                        method_names(table)));
    if (!seen.insert(s.names[i]).second)
      throw block_error(at, fmt::format("'{}' appears twice in {}", s.names[i], key));
  }
}

long count_value(const YamlContext& ctx, const YAML::Node& v, const std::string& what, double min) {
  const double x = ctx.number(v, what);
  if (!(x >= min && x <= 1e12 && std::floor(x) <= x && x <= std::floor(x)))
    ctx.fail(v, fmt::format("{} must be an integer >= {}, but is {}", what, min, x));
  return static_cast<long>(x);
}

NamedSet parse_set(const YamlContext& ctx, const YAML::Node& key, const YAML::Node& v, const std::string& what) {
  NamedSet s;
  s.given = true;
  s.key = ctx.at(key);
  if (v.IsScalar()) {
    s.names.push_back(v.Scalar());
    s.where.push_back(ctx.at(v));
    return s;
  }
  if (!v.IsSequence()) ctx.fail(v, what + " must be a list of names, e.g. [minmax, zscore]");
  for (const auto& e : v) {
    s.names.push_back(ctx.scalar(e, "an entry of " + what));
    s.where.push_back(ctx.at(e));
  }
  return s;
}

}  // namespace

int aggregate_level_of_key(const std::string& key) {
  if (key == "dimensions") return 1;
  if (key == "indicators") return kIndicatorLevel;
  if (key.size() < 6 || key.compare(0, 5, "level") != 0 || key.size() > 8) return 0;
  int n = 0;
  for (std::size_t i = 5; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') return 0;
    n = 10 * n + (key[i] - '0');
  }
  return key[5] == '0' ? 0 : n;
}

void validate_uncertainty_block(const UncertaintyBlock& b) {
  check_names(b.impute, "uncertainty.impute", impute_methods(), "imputation method");
  check_names(b.normalize, "uncertainty.normalize", normalize_methods(), "normalisation");
  check_names(b.weights, "uncertainty.weights", weight_methods(), "weighting method");
  check_names(b.aggregate, "uncertainty.aggregate", aggregate_methods(), "aggregation method");
  if (b.aggregate.given && !b.aggregate_levels.empty())
    throw block_error(b.aggregate_levels.front().set.key,
                      "uncertainty.aggregate is either a list (the same method at every level) or a mapping of "
                      "levels to lists, not both");
  std::map<int, std::string> levels;
  for (const auto& l : b.aggregate_levels) {
    if (aggregate_level_of_key(l.key) == 0 || aggregate_level_of_key(l.key) != l.level)
      throw block_error(l.set.key, fmt::format("unknown level '{}' in uncertainty.aggregate (accepted: dimensions, "
                                               "indicators, level1, level2, ...)",
                                               l.key));
    check_names(l.set, ("uncertainty.aggregate." + l.key).c_str(), aggregate_methods(), "aggregation method");
    const auto [it, fresh] = levels.emplace(l.level, l.key);
    if (!fresh)
      throw block_error(l.set.key, fmt::format("uncertainty.aggregate: '{}' and '{}' name the same level", it->second,
                                               l.key));
  }
  if (b.exclude.given) {
    if (b.exclude.names.empty())
      throw block_error(b.exclude.key, "uncertainty.exclude is an empty set; list 'none' and/or indicator ids, "
                                       "or write 'exclude: any'");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < b.exclude.names.size(); ++i)
      if (!seen.insert(b.exclude.names[i]).second)
        throw block_error(i < b.exclude.where.size() ? b.exclude.where[i] : b.exclude.key,
                          fmt::format("'{}' appears twice in uncertainty.exclude", b.exclude.names[i]));
  }
  const auto& wn = b.weight_noise;
  if (wn.kind == WeightNoiseKind::Uniform && !(wn.percent > 0.0 && wn.percent < 100.0))
    throw block_error(wn.where, fmt::format("weight perturbation is {}%, but must be in (0, 100): at 100% or more "
                                            "a weight can become zero or negative",
                                            wn.percent));
  if (wn.kind == WeightNoiseKind::Dirichlet && !(wn.concentration > 0.0 && std::isfinite(wn.concentration)))
    throw block_error(wn.where, fmt::format("Dirichlet concentration is {}, but must be finite and > 0",
                                            wn.concentration));
  if (b.ahp.enabled) {
    if (b.ahp.steps < 1 || b.ahp.steps > 8)
      throw block_error(b.ahp.where, fmt::format("ahp.steps is {}, but must be 1..8 (positions on Saaty's scale)",
                                                 b.ahp.steps));
    if (!(b.ahp.reject_cr >= 0.0 && b.ahp.reject_cr < 1.0))
      throw block_error(b.ahp.where, fmt::format("ahp.reject_cr is {}, but must be in [0, 1) (0 = keep every draw)",
                                                 b.ahp.reject_cr));
  }
  if (b.replicates < 0 || b.sobol < 0 || b.bootstrap < -1)
    throw block_error(b.where, "replicates, sobol and bootstrap must be >= 0");
}

UncertaintyBlock parse_uncertainty_block(const YamlContext& ctx, const YAML::Node& node) {
  UncertaintyBlock b;
  b.present = true;
  b.where = ctx.at(node);
  ctx.each_key(node, "uncertainty",
               {"impute", "normalize", "weights", "aggregate", "exclude", "weight_noise", "ahp", "replicates",
                "sobol", "bootstrap"},
               [&](const std::string& key, const YAML::Node& k, const YAML::Node& v) {
    if (key == "normalize") {
      b.normalize = parse_set(ctx, k, v, "uncertainty.normalize");
    } else if (key == "weights") {
      b.weights = parse_set(ctx, k, v, "uncertainty.weights");
    } else if (key == "impute") {
      b.impute = parse_set(ctx, k, v, "uncertainty.impute");
    } else if (key == "aggregate") {
      if (!v.IsMap()) {
        b.aggregate = parse_set(ctx, k, v, "uncertainty.aggregate");
        return;
      }
      ctx.each_key(v, "uncertainty.aggregate", {}, [&](const std::string& lk, const YAML::Node& lkn, const YAML::Node& lv) {
        const int level = aggregate_level_of_key(lk);
        if (level == 0)
          ctx.fail(lkn, fmt::format("unknown level '{}' in uncertainty.aggregate (accepted: dimensions, indicators, "
                                    "level1, level2, ...: the level whose nodes are aggregated into their parents)",
                                    lk));
        b.aggregate_levels.push_back({lk, level, parse_set(ctx, lkn, lv, "uncertainty.aggregate." + lk)});
      });
      if (b.aggregate_levels.empty())
        ctx.fail(v, "uncertainty.aggregate is an empty mapping; give a list, or levels with lists");
    } else if (key == "exclude") {
      if (v.IsScalar() && v.Scalar() == "any") {
        b.exclude_any = true;
        return;
      }
      b.exclude = parse_set(ctx, k, v, "uncertainty.exclude");
    } else if (key == "weight_noise") {
      b.weight_noise.where = ctx.at(v);
      ctx.each_key(v, "uncertainty.weight_noise", {"percent", "dirichlet"},
                   [&](const std::string& nk, const YAML::Node&, const YAML::Node& w) {
        if (b.weight_noise.kind != WeightNoiseKind::None)
          ctx.fail(w, "uncertainty.weight_noise takes one of percent (uniform ±p %) or dirichlet (concentration)");
        b.weight_noise.where = ctx.at(w);
        if (nk == "percent") {
          b.weight_noise.kind = WeightNoiseKind::Uniform;
          b.weight_noise.percent = ctx.number(w, "uncertainty.weight_noise.percent");
        } else {
          b.weight_noise.kind = WeightNoiseKind::Dirichlet;
          b.weight_noise.concentration = ctx.number(w, "uncertainty.weight_noise.dirichlet");
        }
      });
      if (b.weight_noise.kind == WeightNoiseKind::None)
        ctx.fail(v, "uncertainty.weight_noise needs percent (uniform ±p %) or dirichlet (concentration)");
    } else if (key == "ahp") {
      b.ahp.enabled = true;
      b.ahp.where = ctx.at(v);
      if (v.IsScalar()) {
        b.ahp.enabled = ctx.boolean(v, "uncertainty.ahp");
        return;
      }
      ctx.each_key(v, "uncertainty.ahp", {"steps", "reject_cr"},
                   [&](const std::string& ak, const YAML::Node&, const YAML::Node& w) {
        if (ak == "steps") {
          b.ahp.steps = static_cast<int>(count_value(ctx, w, "uncertainty.ahp.steps", 1));
          b.ahp.where = ctx.at(w);
        } else {
          b.ahp.reject_cr = ctx.number(w, "uncertainty.ahp.reject_cr");
          b.ahp.where = ctx.at(w);
        }
      });
    } else if (key == "replicates") {
      b.replicates = count_value(ctx, v, "uncertainty.replicates", 1);
    } else if (key == "sobol") {
      b.sobol = count_value(ctx, v, "uncertainty.sobol", 2);
    } else {
      b.bootstrap = count_value(ctx, v, "uncertainty.bootstrap", 0);
    }
  });
  validate_uncertainty_block(b);
  return b;
}

}  // namespace cikit
