#pragma once
/// \file treatment_view.hpp
/// Output building for the treatment step (methods/treat) and the method preflight, shared by
/// the index and check pipelines: a per-indicator table, a per-point table, and their JSON.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/aggregate/preflight.hpp"
#include "methods/core/dataset.hpp"
#include "methods/core/registry.hpp"
#include "methods/pipeline/output.hpp"
#include "methods/treat/treat.hpp"

namespace cikit::pipeline {

/// Per indicator: imputed, winsorised low/high, transform, skew/kurtosis before and after.
[[nodiscard]] TextTable treatment_table(const TreatResult& t, Lang lang);
/// Every treated value: unit, indicator, action, before, after (CSV: treated_points.csv).
[[nodiscard]] TextTable treated_points_table(const TreatResult& t, const Dataset& data);
/// {"config": …, "indicators": […], "points": […]} (docs/cli.md "treatment").
[[nodiscard]] nlohmann::json treatment_json(const TreatResult& t, const TreatConfig& c, const Dataset& data);
/// The treatment settings as JSON (methods.treat).
[[nodiscard]] nlohmann::json treat_config_json(const TreatConfig& c);
/// Preflight issues as JSON [{"node", "message"}].
[[nodiscard]] nlohmann::json preflight_json(const std::vector<PreflightIssue>& issues);

}  // namespace cikit::pipeline
