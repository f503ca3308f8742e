/// \file uncertainty_inputs.cpp
/// Uncertain inputs of the Monte Carlo analysis (uncertainty.hpp): kind names, validation of a
/// declaration, and the decoding of one Saltelli design row into the inputs' values (discrete
/// choices, continuous values, perturbed or Dirichlet weights).
#include "methods/sensitivity/uncertainty.hpp"

#include <fmt/format.h>

#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <map>
#include <set>

#include "methods/core/error.hpp"
#include "methods/sensitivity/detail/uncertain_input.hpp"

namespace cikit {

using sensitivity_detail::is_weight_kind;
using sensitivity_detail::spec_error;

namespace {

struct KindName {
  UncertainKind kind;
  std::string_view name;
};
constexpr KindName kKinds[] = {{UncertainKind::Discrete, "discrete"},
                               {UncertainKind::Continuous, "continuous"},
                               {UncertainKind::WeightPerturbation, "perturb"},
                               {UncertainKind::WeightDirichlet, "dirichlet"},
                               {UncertainKind::JudgmentPerturbation, "ahp"}};

}  // namespace

std::string_view uncertain_kind_name(UncertainKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.name;
  return "unknown";
}

UncertainKind parse_uncertain_kind(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return k.kind;
  throw InvalidInput(fmt::format("uncertainty: unknown kind '{}'; accepted: discrete, continuous, perturb, dirichlet, ahp",
                                 name));
}

int UncertainInput::coordinates() const {
  return is_weight_kind(kind) ? static_cast<int>(nominal_weights.size()) : 1;
}

void validate_uncertainty_spec(const UncertaintySpec& spec, bool require_weights) {
  if (spec.inputs.empty()) throw InvalidInput("uncertainty: no uncertain input declared");
  std::set<std::string> names;
  for (const auto& in : spec.inputs) {
    if (in.name.empty()) throw InvalidInput("uncertainty: an uncertain input has an empty name");
    if (!names.insert(in.name).second)
      throw InvalidInput(fmt::format("uncertainty: input name '{}' is declared twice", in.name),
                         Location{.node = in.name});
    switch (in.kind) {
      case UncertainKind::Discrete: {
        if (in.labels.empty()) throw spec_error(in, "the set of choices is empty; give at least one label");
        std::set<std::string> seen;
        for (const auto& l : in.labels)
          if (!seen.insert(l).second) throw spec_error(in, fmt::format("label '{}' appears twice", l));
        break;
      }
      case UncertainKind::JudgmentPerturbation:
        if (in.steps < 1 || in.steps > 8)
          throw spec_error(in, fmt::format("steps is {}, but must be 1..8 (positions on Saaty's scale)", in.steps));
        if (!(in.reject_cr >= 0.0 && in.reject_cr < 1.0))
          throw spec_error(in, fmt::format("reject_cr is {}, but must be in [0, 1) (0 = keep every draw)",
                                           in.reject_cr));
        break;
      case UncertainKind::Continuous:
        if (!(std::isfinite(in.lower) && std::isfinite(in.upper) && in.lower < in.upper))
          throw spec_error(in, fmt::format("range is [{}, {}), but must be finite with lower < upper", in.lower,
                                           in.upper));
        break;
      case UncertainKind::WeightPerturbation:
      case UncertainKind::WeightDirichlet: {
        if (in.kind == UncertainKind::WeightPerturbation && !(in.percent > 0.0 && in.percent < 100.0))
          throw spec_error(in, fmt::format("perturbation is {}%, but must be in (0, 100): at 100% or more a weight "
                                           "can become zero or negative",
                                           in.percent));
        if (in.kind == UncertainKind::WeightDirichlet && !(in.concentration > 0.0 && std::isfinite(in.concentration)))
          throw spec_error(in, fmt::format("concentration is {}, but must be finite and > 0", in.concentration));
        if (!require_weights) break;
        const auto m = in.nominal_weights.size();
        if (m == 0) throw spec_error(in, "no nominal weights");
        for (Eigen::Index j = 0; j < m; ++j)
          if (!(in.nominal_weights(j) >= 0.0 && std::isfinite(in.nominal_weights(j))))
            throw spec_error(in, fmt::format("nominal weight {} is {}, but must be finite and >= 0", j + 1,
                                             in.nominal_weights(j)));
        if (!in.weight_groups.empty() && in.weight_groups.size() != static_cast<std::size_t>(m))
          throw spec_error(in, fmt::format("{} weight groups for {} weights", in.weight_groups.size(), m));
        std::map<int, double> sums;
        for (Eigen::Index j = 0; j < m; ++j)
          sums[in.weight_groups.empty() ? 0 : in.weight_groups[static_cast<std::size_t>(j)]] += in.nominal_weights(j);
        for (const auto& [g, s] : sums)
          if (!(s > 0.0)) throw spec_error(in, fmt::format("the nominal weights of group {} sum to 0", g));
        break;
      }
    }
  }
}

Eigen::VectorXd perturbed_weights(UncertainKind kind, const Eigen::VectorXd& nominal, const std::vector<int>& groups,
                                  double percent, double concentration, const Eigen::VectorXd& u) {
  const Eigen::Index m = nominal.size();
  if (u.size() != m)
    throw InvalidInput(fmt::format("perturbed_weights: {} coordinates for {} weights", u.size(), m));
  if (!groups.empty() && groups.size() != static_cast<std::size_t>(m))
    throw InvalidInput(fmt::format("perturbed_weights: {} groups for {} weights", groups.size(), m));
  if (!is_weight_kind(kind)) throw InvalidInput("perturbed_weights: kind is not a weight kind");
  const auto group = [&](Eigen::Index j) { return groups.empty() ? 0 : groups[static_cast<std::size_t>(j)]; };
  Eigen::VectorXd w(m);
  for (Eigen::Index j = 0; j < m; ++j) {
    if (kind == UncertainKind::WeightPerturbation) {
      w(j) = nominal(j) * (1.0 + percent / 100.0 * (2.0 * u(j) - 1.0));
    } else {
      // Gamma(shape c w_j, 1) quantile at u_j; a zero weight stays zero.
      w(j) = nominal(j) > 0.0 ? boost::math::gamma_p_inv(concentration * nominal(j), u(j)) : 0.0;
    }
  }
  std::map<int, std::pair<double, double>> sums;  // group -> (nominal sum, new sum)
  for (Eigen::Index j = 0; j < m; ++j) {
    sums[group(j)].first += nominal(j);
    sums[group(j)].second += w(j);
  }
  for (const auto& [g, s] : sums)
    if (!(s.second > 0.0))
      throw DomainError(fmt::format("perturbed_weights: the weights of group {} all became 0", g));
  for (Eigen::Index j = 0; j < m; ++j) {
    const auto& s = sums[group(j)];
    w(j) = w(j) / s.second * s.first;
  }
  return w;
}

std::vector<int> coordinate_groups(const UncertaintySpec& spec) {
  std::vector<int> g;
  for (std::size_t i = 0; i < spec.inputs.size(); ++i)
    for (int c = 0; c < spec.inputs[i].coordinates(); ++c) g.push_back(static_cast<int>(i));
  return g;
}

std::vector<InputValue> decode_design_row(const UncertaintySpec& spec, const Eigen::VectorXd& row) {
  Eigen::Index d = 0;
  for (const auto& in : spec.inputs) d += in.coordinates();
  if (row.size() != d)
    throw InvalidInput(fmt::format("decode_design_row: row has {} coordinates, but the inputs own {}", row.size(), d));
  for (Eigen::Index c = 0; c < d; ++c)
    if (!(row(c) >= 0.0 && row(c) <= 1.0))
      throw InvalidInput(fmt::format("decode_design_row: coordinate {} is {}, but must be in [0, 1)", c + 1, row(c)));
  std::vector<InputValue> out(spec.inputs.size());
  Eigen::Index at = 0;
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    const UncertainInput& in = spec.inputs[i];
    InputValue& v = out[i];
    const int nc = in.coordinates();
    v.u = row.segment(at, nc);
    at += nc;
    switch (in.kind) {
      case UncertainKind::Discrete:
        v.choice = discrete_choice(v.u(0), static_cast<int>(in.labels.size()));
        v.label = in.labels[static_cast<std::size_t>(v.choice)];
        break;
      case UncertainKind::Continuous:
        v.value = in.lower + (in.upper - in.lower) * v.u(0);
        break;
      case UncertainKind::JudgmentPerturbation:
        v.value = v.u(0);
        break;
      case UncertainKind::WeightPerturbation:
      case UncertainKind::WeightDirichlet:
        if (nc > 0)
          v.weights = perturbed_weights(in.kind, in.nominal_weights, in.weight_groups, in.percent, in.concentration,
                                        v.u);
        break;
    }
  }
  return out;
}

}  // namespace cikit
