#include "methods/core/settings.hpp"

#include <algorithm>
#include <memory>

namespace cikit {

namespace {
// Function-local so registration from other translation units' static objects is safe
// whatever their initialisation order.
std::vector<std::unique_ptr<SettingsParser>>& registry() {
  static std::vector<std::unique_ptr<SettingsParser>> parsers;
  return parsers;
}
}  // namespace

bool register_settings_parser(SettingsParser parser) {
  for (const auto& p : registry()) {
    if (p->block != parser.block) continue;
    for (const auto& k : parser.keys)
      if (std::find(p->keys.begin(), p->keys.end(), k) != p->keys.end())
        throw InternalError("settings key '" + parser.block + "." + k + "' registered twice");
  }
  registry().push_back(std::make_unique<SettingsParser>(std::move(parser)));
  return true;
}

std::vector<const SettingsParser*> settings_parsers(const std::string& block) {
  std::vector<const SettingsParser*> out;
  for (const auto& p : registry())
    if (p->block == block) out.push_back(p.get());
  return out;
}

}  // namespace cikit
