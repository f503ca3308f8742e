#include "methods/pipeline/common.hpp"

#include <fmt/format.h>

#include <map>
#include <mutex>

#include "methods/core/tree_edit.hpp"
#include "methods/delphi/delphi_input.hpp"
#include "methods/pipeline/screening.hpp"
#include "methods/weighting/ahp.hpp"

namespace cikit::pipeline {

namespace {

constexpr std::string_view kMemoryPrefix = "memory:";

struct MemorySpecs {
  std::mutex mutex;
  std::map<std::string, Spec, std::less<>> specs;
};

MemorySpecs& memory_specs() {
  static MemorySpecs m;
  return m;
}

Spec read_spec_or_memory(const std::string& path) {
  if (!path.starts_with(kMemoryPrefix)) return read_spec(path);
  MemorySpecs& m = memory_specs();
  const std::lock_guard lock(m.mutex);
  const auto it = m.specs.find(path);
  if (it == m.specs.end()) throw InvalidInput(fmt::format("no spec is registered under '{}'", path));
  return it->second;
}

}  // namespace

void register_memory_spec(const std::string& key, Spec spec) {
  if (!key.starts_with(kMemoryPrefix))
    throw InvalidInput(fmt::format("in-memory spec key '{}' must begin with '{}'", key, kMemoryPrefix));
  MemorySpecs& m = memory_specs();
  const std::lock_guard lock(m.mutex);
  m.specs.insert_or_assign(key, std::move(spec));
}

void unregister_memory_spec(const std::string& key) {
  MemorySpecs& m = memory_specs();
  const std::lock_guard lock(m.mutex);
  m.specs.erase(key);
}

Spec read_spec_with(const std::string& path, const MethodOverrides& overrides) {
  Spec spec = read_spec_or_memory(path);
  IndexConfig& cfg = spec.config;
  override_method(overrides.normalize, normalize_methods(), cfg.normalize);
  override_method(overrides.weights, weight_methods(), cfg.weights);
  override_method(overrides.aggregate, aggregate_methods(), cfg.aggregate);
  override_method(overrides.missing, missing_policies(), cfg.missing);
  apply_delphi_screening(spec);
  return spec;
}

std::vector<std::string> delphi_screened_out(const DelphiResult& result, const IndicatorTree& tree) {
  std::map<std::string, Verdict> last;  // verdict in the last round that rated the indicator
  for (const auto& r : result.rounds)
    for (const auto& v : r.verdicts) last[v.indicator] = v.verdict;
  std::vector<std::string> out;
  for (int i : tree.leaves())
    if (const auto it = last.find(tree.node(i).id); it != last.end() && it->second == Verdict::Drop)
      out.push_back(tree.node(i).id);
  return out;
}

void apply_delphi_screening(Spec& spec) {
  if (spec.delphi.empty()) return;
  DelphiKey& key = spec.settings.get_or_create<DelphiKey>("delphi");
  if (key.screened) return;
  DelphiInput in = read_delphi(spec.delphi, spec.tree);
  in.permutations = 0;  // verdicts do not depend on the permutation p-value
  const DelphiResult res = analyse_delphi(in, spec.tree);
  key.screened = true;
  key.proposed_tree = spec.tree;
  key.screened_out = delphi_screened_out(res, spec.tree);
  if (!key.apply || key.screened_out.empty()) return;
  try {
    spec.tree = tree_without_leaves(spec.tree, key.screened_out);
  } catch (const InvalidInput& e) {
    throw InvalidInput(fmt::format("the expert consultation screens out every indicator ({}); set "
                                   "'delphi: {{file: ..., apply: false, reason: ...}}' to keep the proposed system",
                                   e.what()),
                       spec.delphi_where);
  }
}

WeightInputs override_ahp(const AhpOverrides& o, WeightInputs in) {
  if (!o.group.empty()) {
    if (o.group == "aij") in.ahp.group = GroupAggregation::AIJ;
    else if (o.group == "aip-geometric") in.ahp.group = GroupAggregation::AIPGeometric;
    else if (o.group == "aip-arithmetic") in.ahp.group = GroupAggregation::AIPArithmetic;
    else throw InvalidInput("unknown AHP group rule '" + o.group + "'; use one of: aij, aip-geometric, aip-arithmetic");
  }
  if (!o.random_index.empty() && !parse_random_index_table(o.random_index, in.ahp.ahp.random_index))
    throw InvalidInput("unknown random index table '" + o.random_index + "'");
  return in;
}

std::string node_kind(const IndicatorTree& tree, int node) {
  if (node == tree.root()) return "index";
  return tree.node(node).children.empty() ? "indicator" : "group";
}

}  // namespace cikit::pipeline
