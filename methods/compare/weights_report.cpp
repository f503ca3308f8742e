#include "methods/compare/weights_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "methods/aggregate/build_index.hpp"

namespace cikit {

WeightInputs spec_weight_inputs(const Spec& spec, const std::vector<WeightMethod>& methods, Judgments& storage) {
  WeightInputs in;
  in.ahp = weight_settings(spec).ahp;
  in.variants = weight_settings(spec).variants;
  if (std::any_of(methods.begin(), methods.end(), [&](WeightMethod m) { return uses_ahp(m, in.variants); })) {
    storage = read_spec_judgments(spec);
    in.judgments = &storage;
  }
  return in;
}

bool uses_ahp(WeightMethod method, const WeightVariants& variants) {
  const auto& of = variants.combined.of;
  return method == WeightMethod::Ahp || method == WeightMethod::Bwm ||
         (method == WeightMethod::Combined && std::find(of.begin(), of.end(), WeightMethod::Ahp) != of.end());
}

namespace {
/// True when the judgments file holds AHP matrices (bwm = false) or best-worst vectors (bwm = true).
bool has_judgments(const WeightInputs& inputs, bool bwm) {
  if (inputs.judgments == nullptr) return false;
  for (const auto& e : inputs.judgments->experts)
    if (bwm ? !e.bwm.empty() : !e.nodes.empty()) return true;
  return false;
}
}  // namespace

std::vector<WeightMethod> available_weight_methods(const IndicatorTree& tree, const WeightInputs& inputs) {
  bool all_given = true;
  for (int i = 0; i < tree.size(); ++i)
    if (i != tree.root() && !tree.node(i).weight) all_given = false;
  const auto& of = inputs.variants.combined.of;
  const bool combined_ok =
      !of.empty() && (inputs.judgments != nullptr || std::find(of.begin(), of.end(), WeightMethod::Ahp) == of.end()) &&
      (all_given || std::find(of.begin(), of.end(), WeightMethod::Given) == of.end());
  std::vector<WeightMethod> out;
  for (const auto& m : weight_methods()) {
    if (m.value == WeightMethod::Given && !all_given) continue;
    if (m.value == WeightMethod::Ahp && !has_judgments(inputs, false)) continue;
    if (m.value == WeightMethod::Bwm && !has_judgments(inputs, true)) continue;
    if (m.value == WeightMethod::Bod) continue;  // opt-in by name: one LP per unit and node
    if (m.value == WeightMethod::Combined && !combined_ok) continue;
    out.push_back(m.value);
  }
  return out;
}

std::vector<WeightMethod> select_weight_methods(const Spec& spec, const std::vector<WeightMethod>& requested,
                                                WeightInputs& inputs, Judgments& storage) {
  std::vector<WeightMethod> read_for = requested;
  if (requested.empty() && !spec.judgments.empty()) read_for = {WeightMethod::Ahp};
  inputs = spec_weight_inputs(spec, read_for, storage);
  return requested.empty() ? available_weight_methods(spec.tree, inputs) : requested;
}

std::string weight_variant_label(WeightMethod method, const WeightInputs& inputs) {
  const WeightVariants& v = inputs.variants;
  switch (method) {
    case WeightMethod::Entropy: {
      std::string s(method_info(entropy_variants(), v.entropy).name);
      if (v.entropy_shift != EntropyShift::None)
        s += fmt::format(", shift {} {}", method_info(entropy_shifts(), v.entropy_shift).name, v.entropy_delta);
      return s;
    }
    case WeightMethod::Pca:
      return std::string(pca_variant_name(v));
    case WeightMethod::Ahp:
      return fmt::format("{}, {}, {}", method_info(ahp_priority_methods(), inputs.ahp.ahp.method).name,
                         random_index_table_name(inputs.ahp.ahp.random_index),
                         method_info(ahp_group_rules(), inputs.ahp.group).name);
    case WeightMethod::Combined:
      return v.combined.of.empty() ? std::string() : describe_combination(v.combined);
    case WeightMethod::Equal:
    case WeightMethod::Given:
    case WeightMethod::CV:
    case WeightMethod::SD:
    case WeightMethod::Critic:
    case WeightMethod::Bod:
    case WeightMethod::Bwm:
    case WeightMethod::MaxDeviation:
    case WeightMethod::MeanDeviation:
    case WeightMethod::Independence:
      break;
  }
  return {};
}

namespace {

MethodWeightsReport one_method(const Dataset& data, const IndicatorTree& tree, IndexConfig config, WeightMethod m,
                               const WeightInputs& inputs) {
  MethodWeightsReport out;
  out.method = m;
  out.name = std::string(method_info(weight_methods(), m).name);
  out.variant = weight_variant_label(m, inputs);
  config.weights = m;
  const IndexResult r = build_index(data, tree, config, inputs);
  out.weights = r.weights;
  out.diagnostics.resize(static_cast<std::size_t>(tree.size()));
  if (!is_data_driven(m)) return out;
  // The diagnostics of the weights build_index used: the same computation on the same scores.
  const NodeWeighter weigher(tree, m, inputs);
  for (int i : tree.inner_postorder()) {
    const Node& node = tree.node(i);
    if (node.children.size() < 2) continue;
    const auto k = static_cast<Eigen::Index>(node.children.size());
    Eigen::MatrixXd x(r.scores.rows(), k);
    std::vector<std::string> ids;
    for (Eigen::Index c = 0; c < k; ++c) {
      const int child = node.children[static_cast<std::size_t>(c)];
      x.col(c) = r.scores.col(child);
      ids.push_back(tree.node(child).id);
    }
    out.diagnostics[static_cast<std::size_t>(i)] = weigher.node(i, x, ids).diagnostics;
  }
  return out;
}

}  // namespace

WeightsReport weights_report(const Dataset& data, const IndicatorTree& tree, const IndexConfig& config,
                             const std::vector<WeightMethod>& methods, const WeightInputs& inputs) {
  if (methods.empty()) throw InvalidInput("weights: no weighting method to report");
  WeightsReport out;
  for (std::size_t i = 0; i < methods.size(); ++i) {
    const auto name = method_info(weight_methods(), methods[i]).name;
    for (std::size_t j = 0; j < i; ++j)
      if (methods[j] == methods[i]) throw InvalidInput(fmt::format("weights: method '{}' is listed twice", name));
    try {
      out.methods.push_back(one_method(data, tree, config, methods[i], inputs));
    } catch (const InvalidInput& e) {
      throw InvalidInput(fmt::format("weights {}: {}", name, e.what()));
    } catch (const DomainError& e) {
      throw DomainError(fmt::format("weights {}: {}", name, e.what()));
    }
  }
  return out;
}

}  // namespace cikit
