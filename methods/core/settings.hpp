#pragma once
/// \file settings.hpp
/// Method settings carried by the spec as data, parsed by the family that owns them.
///
/// Core reads the spec's structure (index, data, tree, method names, normalisation and
/// aggregation options). The variants of a method family — e.g. `methods.weights.entropy`,
/// `.pca`, `.ahp`, `.combine/.of/.alpha`, owned by methods/weighting — are not known to core:
/// the family registers a SettingsParser for the keys it owns in a block, core hands it those
/// keys while reading the spec (so every error still names file:line:column), and the parsed
/// value is stored in Spec::settings under the block's name. The family reads it back through
/// its own accessor (e.g. weight_settings(spec) in methods/weighting/weight_settings.hpp).
///
/// Registration happens during static initialisation, from the family's settings .cpp; the
/// library is linked whole (CMake target cikit::cikit), so every registration is present in
/// any program that links it.
#include <any>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "methods/core/error.hpp"

namespace YAML {
class Node;
}

namespace cikit {

struct YamlContext;
struct IndexConfig;

/// The parsed settings of every registered block (name -> value of the owner's type).
class SettingsStore {
 public:
  /// The value stored for `block`, or nullptr when the spec has none (the owner then uses its
  /// defaults). @throws InternalError when the stored value has another type.
  template <class T>
  [[nodiscard]] const T* find(const std::string& block) const {
    const auto it = values_.find(block);
    if (it == values_.end()) return nullptr;
    const T* v = std::any_cast<T>(&it->second);
    if (v == nullptr) throw InternalError("settings block '" + block + "' holds another type");
    return v;
  }
  /// The value for `block`, created as T{} first if absent (for the owner's parser and for
  /// programmatic specs). @throws InternalError when the stored value has another type.
  template <class T>
  T& get_or_create(const std::string& block) {
    auto it = values_.find(block);
    if (it == values_.end()) it = values_.emplace(block, T{}).first;
    T* v = std::any_cast<T>(&it->second);
    if (v == nullptr) throw InternalError("settings block '" + block + "' holds another type");
    return *v;
  }

 private:
  std::map<std::string, std::any> values_;
};

/// A family's parser for the keys it owns inside one block of the spec.
struct SettingsParser {
  std::string block;              ///< the block, e.g. "methods.weights"
  std::vector<std::string> keys;  ///< keys of that mapping the family owns (others are core's)
  /// Called once per spec whose block is a mapping, after core has read its own keys (so
  /// `cfg` holds e.g. the method name): reads the owned keys of `node`, checks them (failing
  /// with ctx.fail at the offending node), and stores the result with
  /// store.get_or_create<T>(block). May adjust `cfg` (e.g. `combine:` implies method combined).
  std::function<void(const YamlContext& ctx, const YAML::Node& node, IndexConfig& cfg, SettingsStore& store)> parse;
};

/// Registers a parser; returns true (for `static const bool registered = register_...;`).
/// @throws InternalError if a key of the block is already owned by another parser.
bool register_settings_parser(SettingsParser parser);

/// Every registered parser of `block`, in registration order.
[[nodiscard]] std::vector<const SettingsParser*> settings_parsers(const std::string& block);

}  // namespace cikit
