#pragma once
/// \file common.hpp
/// Steps shared by the command pipelines (index, weights, compare, check, ...): reading the spec
/// with method overrides on top, and turning method names (as a front end receives them) into
/// registry values. Front ends validate names first; these functions check again so that a
/// library caller (python/) gets a clear InvalidInput instead of a silent default.

#include <span>
#include <string>
#include <vector>

#include "methods/core/error.hpp"
#include "methods/core/registry.hpp"
#include "methods/core/spec.hpp"
#include "methods/core/tree.hpp"
#include "methods/weighting/weighting.hpp"

namespace cikit::pipeline {

/// Overrides of the spec's methods block, by registry name; "" keeps the spec's choice.
struct MethodOverrides {
  std::string normalize;  ///< methods.normalize (normalize_methods())
  std::string weights;    ///< methods.weights (weight_methods())
  std::string aggregate;  ///< methods.aggregate (aggregate_methods())
  std::string missing;    ///< methods.aggregate.missing (missing_policies())
};

/// Overrides of the spec's AHP options (methods.weights.ahp); "" keeps the spec's choice.
struct AhpOverrides {
  std::string group;         ///< aij, aip-geometric or aip-arithmetic
  std::string random_index;  ///< a random index table name (parse_random_index_table)
};

/// Sets `out` to the registry value named `name`; leaves it unchanged when `name` is "".
/// @throws InvalidInput if `name` is not in `table`.
template <class E>
void override_method(const std::string& name, std::span<const MethodName<E>> table, E& out) {
  if (!name.empty() && !parse_method(table, name, out))
    throw InvalidInput("unknown method '" + name + "'; use one of: " + method_names(table));
}

/// The registry values of `names`, in order.
/// @throws InvalidInput if a name is not in `table`.
template <class E>
[[nodiscard]] std::vector<E> method_list(std::span<const MethodName<E>> table, const std::vector<std::string>& names) {
  std::vector<E> out;
  for (const auto& n : names) {
    E e{};
    override_method(n, table, e);
    out.push_back(e);
  }
  return out;
}

/// Specs held in memory under a key (the Python package's Spec objects, which may carry their
/// data as a MemoryTable): read_spec_with(key) starts from a copy of the registered spec instead
/// of reading a file. Keys begin with "memory:" so they never collide with a file path.
/// Thread-safe. @throws InvalidInput from register_memory_spec for a key without the prefix.
void register_memory_spec(const std::string& key, Spec spec);
/// Forgets a registered spec (no-op for an unknown key).
void unregister_memory_spec(const std::string& key);

/// read_spec(path) with `overrides` applied to Spec::config (a "memory:" key: the registered
/// spec; @throws InvalidInput for an unregistered key).
/// @throws InvalidInput as read_spec, or for an unknown override name.
[[nodiscard]] Spec read_spec_with(const std::string& path, const MethodOverrides& overrides = {});

/// `in` with the AHP group rule and random index table of `o` on top.
/// @throws InvalidInput for an unknown group rule or table name.
[[nodiscard]] WeightInputs override_ahp(const AhpOverrides& o, WeightInputs in);

/// "index" (the root), "group" (an inner node) or "indicator" (a leaf): the kind column of
/// weights.csv and the JSON node lists.
[[nodiscard]] std::string node_kind(const IndicatorTree& tree, int node);

}  // namespace cikit::pipeline
