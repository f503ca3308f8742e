#include "methods/cfa/cfa_settings.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <set>

#include "methods/core/settings.hpp"
#include "methods/core/yaml_context.hpp"

namespace cikit::cfa {

namespace {

void parse_cfa(const YamlContext& ctx, const YAML::Node& v, IndexConfig&, SettingsStore& store) {
  CfaSettings& s = store.get_or_create<CfaSettings>(kCfaBlock);
  s.present = true;
  ctx.each_key(v, "cfa", {}, [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
    if (k == "observed") {
      const std::string m = ctx.scalar(w, "cfa.observed");
      if (m != "indicators" && m != "node_scores")
        ctx.fail(w, "cfa.observed must be indicators (the tree's indicators) or node_scores (each factor's observed "
                    "variables are the index's scores of the nodes one level below it: parcels)");
      s.observed = m;
    } else if (k == "level") {
      const double l = ctx.number(w, "cfa.level");
      if (!(l >= 1 && l <= 100 && std::floor(l) <= l && l <= std::floor(l)))
        ctx.fail(w, "cfa.level must be a whole number >= 1 (1 = the first level below the index)");
      s.level = static_cast<int>(l);
    } else if (k == "second_order") {
      s.second_order = ctx.boolean(w, "cfa.second_order");
    } else if (k == "estimator") {
      const std::string e = ctx.scalar(w, "cfa.estimator");
      if (e != "ml" && e != "mlr") ctx.fail(w, "cfa.estimator must be ml or mlr");
      s.estimator = e;
    } else if (k == "missing") {
      const std::string m = ctx.scalar(w, "cfa.missing");
      if (m != "listwise" && m != "fiml") ctx.fail(w, "cfa.missing must be listwise or fiml");
      s.missing = m;
    } else if (k == "residual_covariances") {
      if (!w.IsSequence()) ctx.fail(w, "cfa.residual_covariances must be a list of pairs, e.g. [[a, b], [c, d]]");
      for (const auto& pr : w) {
        if (!pr.IsSequence() || pr.size() != 2)
          ctx.fail(pr, "each entry of cfa.residual_covariances must be a pair of indicator ids, e.g. [a, b]");
        s.residual_covariances.push_back({ctx.scalar(pr[0], "an indicator id"), ctx.scalar(pr[1], "an indicator id"),
                                          ctx.at(pr)});
      }
    } else {  // factors
      ctx.each_key(w, "cfa.factors", {}, [&](const std::string& f, const YAML::Node& key, const YAML::Node& list) {
        if (!list.IsSequence() || list.size() == 0)
          ctx.fail(list, "cfa.factors." + f + " must be a non-empty list of indicator ids");
        CfaSettings::Factor fac{f, {}, ctx.at(key)};
        for (const auto& id : list) fac.indicators.push_back(ctx.scalar(id, "an indicator id"));
        s.factors.push_back(std::move(fac));
      });
    }
  });
}

const bool kRegistered = register_settings_parser(
    {kCfaBlock, {"observed", "level", "second_order", "estimator", "missing", "residual_covariances", "factors"}, parse_cfa});

}  // namespace

const CfaSettings& cfa_settings(const Spec& spec) {
  static const CfaSettings kDefaults{};
  const CfaSettings* s = spec.settings.find<CfaSettings>(kCfaBlock);
  return s != nullptr ? *s : kDefaults;
}

}  // namespace cikit::cfa
