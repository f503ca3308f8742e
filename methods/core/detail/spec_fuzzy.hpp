#pragma once
/// \file spec_fuzzy.hpp
/// Internal: the spec reader's part for `methods.aggregate.fuzzy` (spec_fuzzy.cpp), split from
/// spec.cpp. Not installed.
#include <yaml-cpp/yaml.h>

#include "methods/core/registry.hpp"
#include "methods/core/yaml_context.hpp"

namespace cikit::spec_detail {

/// Parses methods.aggregate.fuzzy into `f`; errors at the YAML line (ctx.fail).
void parse_fuzzy(const YamlContext& ctx, const YAML::Node& v, FuzzyParams& f);

}  // namespace cikit::spec_detail
