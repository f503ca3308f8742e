// The spec's `panel:` block (docs/spec.md "Panel data"), registered as a SettingsParser.
#include <yaml-cpp/yaml.h>

#include "methods/core/settings.hpp"
#include "methods/core/yaml_context.hpp"
#include "methods/panel/panel.hpp"

namespace cikit {

namespace {

void parse_panel(const YamlContext& ctx, const YAML::Node& v, IndexConfig&, SettingsStore& store) {
  PanelSettings& s = store.get_or_create<PanelSettings>(kPanelBlock);
  s.where = ctx.at(v);
  ctx.each_key(v, "panel", {}, [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
    if (k == "reference") {
      s.reference = ctx.scalar(w, "panel.reference");
      if (s.reference.empty()) ctx.fail(w, "panel.reference is empty (a period of the data, e.g. 2019)");
      s.reference_where = ctx.at(w);
      return;
    }
    const std::string m = ctx.scalar(w, "panel." + k);
    int mode = -1;
    if (m == "pooled") mode = 0;
    else if (m == "reference") mode = 1;
    else if (m == "per_period") mode = 2;
    else ctx.fail(w, "panel." + k + " '" + m + "' must be pooled, reference or per_period");
    if (k == "normalize") s.normalize = static_cast<PanelNormalize>(mode);
    else s.weights = static_cast<PanelWeights>(mode);
  });
}

const bool kRegistered = register_settings_parser({kPanelBlock, {"normalize", "weights", "reference"}, parse_panel});

}  // namespace

const PanelSettings& panel_settings(const Spec& spec) {
  static const PanelSettings kDefaults{};
  const PanelSettings* s = spec.settings.find<PanelSettings>(kPanelBlock);
  return s != nullptr ? *s : kDefaults;
}

}  // namespace cikit
