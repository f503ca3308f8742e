#pragma once
/// \file yaml_context.hpp
/// Reading YAML files (spec, AHP judgments, Delphi files) with every error located at
/// file:line:column. Internal to the library's readers (it includes yaml-cpp).

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

#include "methods/core/error.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/tree.hpp"

namespace cikit {

/// Where a YAML document comes from, and how its errors are worded.
struct YamlContext {
  std::string file;    ///< file label used in locations
  std::string prefix;  ///< prepended to every message, e.g. "judgments: expert 'E1': "
  std::string node;    ///< tree node added to every location ("" = none)

  /// Parses a whole document. @throws InvalidInput (prefix) "malformed YAML: …" at the parser's
  /// position, or "<empty_message>" when the document is empty.
  [[nodiscard]] YAML::Node load(const std::string& text, const std::string& empty_message) const;
  /// file:line:column of a YAML node (1-based; file only when yaml-cpp has no mark).
  [[nodiscard]] Location at(const YAML::Node& n) const;
  /// @throws InvalidInput with prefix + message at the node's position.
  [[noreturn]] void fail(const YAML::Node& n, const std::string& message) const;
  /// A scalar's text. @throws InvalidInput "WHAT must be a single value" otherwise.
  [[nodiscard]] std::string scalar(const YAML::Node& n, const std::string& what) const;
  /// A finite number (the whole scalar must parse). @throws InvalidInput otherwise.
  [[nodiscard]] double number(const YAML::Node& n, const std::string& what) const;
  /// true/yes or false/no. @throws InvalidInput otherwise.
  [[nodiscard]] bool boolean(const YAML::Node& n, const std::string& what) const;
  /// {zh: …, en: …} or one string for both languages.
  [[nodiscard]] Labels labels(const YAML::Node& n, const std::string& what) const;

  /// Calls on_key(key, key_node, value_node) for each entry of a mapping, rejecting keys not in
  /// `allowed` (unless it is empty) and duplicated keys, each at its own position.
  template <class F>
  void each_key(const YAML::Node& map, const std::string& what, const std::set<std::string>& allowed,
                F&& on_key) const {
    if (!map.IsMap()) fail(map, what + " must be a mapping (key: value lines)");
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string key = scalar(it->first, "a key of " + what);
      if (!allowed.empty() && !allowed.count(key)) {
        std::string list;
        for (const auto& a : allowed) {
          if (!list.empty()) list += ", ";
          list += a;
        }
        fail(it->first, "unknown key '" + key + "' in " + what + " (allowed: " + list + ")");
      }
      if (!seen.insert(key).second) fail(it->first, "duplicate key '" + key + "' in " + what);
      on_key(key, it->first, it->second);
    }
  }
};

/// A registry name read from a scalar. @throws InvalidInput "unknown WHAT 'x' (accepted: ...)" at
/// the node's position.
template <class E>
[[nodiscard]] E parse_enum(const YamlContext& ctx, const YAML::Node& n, std::span<const MethodName<E>> table,
                           const std::string& what) {
  const std::string name = ctx.scalar(n, what);
  E out{};
  if (!parse_method(table, name, out))
    ctx.fail(n, "unknown " + what + " '" + name + "' (accepted: " + method_names(table) + ")");
  return out;
}

}  // namespace cikit
