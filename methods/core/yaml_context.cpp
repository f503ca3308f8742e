#include "methods/core/yaml_context.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cikit {

YAML::Node YamlContext::load(const std::string& text, const std::string& empty_message) const {
  YAML::Node doc;
  try {
    doc = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InvalidInput(fmt::format("{}malformed YAML: {}", prefix, e.msg),
                       Location{.file = file, .line = e.mark.line + 1, .column = e.mark.column + 1});
  }
  if (!doc || doc.IsNull()) throw InvalidInput(prefix + empty_message, Location{.file = file});
  return doc;
}

Location YamlContext::at(const YAML::Node& n) const {
  Location l{.file = file, .node = node};
  const auto m = n.Mark();
  if (!m.is_null()) {
    l.line = m.line + 1;
    l.column = m.column + 1;
  }
  return l;
}

void YamlContext::fail(const YAML::Node& n, const std::string& message) const {
  throw InvalidInput(prefix + message, at(n));
}

std::string YamlContext::scalar(const YAML::Node& n, const std::string& what) const {
  if (!n.IsScalar()) fail(n, fmt::format("{} must be a single value", what));
  return n.Scalar();
}

double YamlContext::number(const YAML::Node& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  try {
    std::size_t used = 0;
    const double v = std::stod(s, &used);
    if (used == s.size() && std::isfinite(v)) return v;
  } catch (const std::exception&) {
  }
  fail(n, fmt::format("{} must be a finite number, but is '{}'", what, s));
}

bool YamlContext::boolean(const YAML::Node& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  if (s == "true" || s == "yes") return true;
  if (s == "false" || s == "no") return false;
  fail(n, fmt::format("{} must be true or false, but is '{}'", what, s));
}

Labels YamlContext::labels(const YAML::Node& n, const std::string& what) const {
  Labels out;
  if (n.IsScalar()) {
    out.zh = out.en = n.Scalar();
    return out;
  }
  each_key(n, what, {"zh", "en"}, [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    (key == "zh" ? out.zh : out.en) = scalar(v, fmt::format("{}.{}", what, key));
  });
  return out;
}

}  // namespace cikit
