#pragma once
/// \file detail/uncertain_input.hpp
/// Private helpers shared by the uncertainty files of methods/sensitivity (uncertainty_inputs.cpp,
/// uncertainty.cpp): the weight-kind test and the error naming an uncertain input. Not part of
/// the public API; no other family includes it.

#include <fmt/format.h>

#include <string>

#include "methods/core/error.hpp"
#include "methods/sensitivity/uncertainty.hpp"

namespace cikit::sensitivity_detail {

inline bool is_weight_kind(UncertainKind k) {
  return k == UncertainKind::WeightPerturbation || k == UncertainKind::WeightDirichlet;
}

inline InvalidInput spec_error(const UncertainInput& in, const std::string& what) {
  return InvalidInput(fmt::format("uncertainty: input '{}' ({}): {}", in.name, uncertain_kind_name(in.kind), what),
                      Location{.node = in.name});
}

}  // namespace cikit::sensitivity_detail
