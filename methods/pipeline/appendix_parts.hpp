#pragma once
/// \file appendix_parts.hpp
/// Parts of `cikit appendix` (appendix.cpp) kept apart: the sizes of the quick mode, the
/// figures rendered as PDF and PNG in parallel, and A1's method notes. Private to methods/pipeline.

#include <string>
#include <vector>

#include "methods/core/spec.hpp"
#include "methods/pipeline/appendix.hpp"
#include "methods/report/config.hpp"
#include "methods/report/docx.hpp"
#include "methods/report/render.hpp"
#include "methods/sensitivity/index_sensitivity.hpp"

namespace cikit::pipeline {

/// Quick mode (AppendixOptions::quick): the sizes left at their defaults reduced to the kQuick*
/// sizes when larger, in `c` and `so`; run.quick_note lists what changed (from -> to), localised.
void quick_sizes(const AppendixOptions& o, const Spec& spec, report::AppendixConfig& c, cikit::SensitivityOptions& so,
                 AppendixRun& run);

/// Every figure as PDF (report::svg_to_pdf) and as PNG (report::svg_to_png), in figure order,
/// rendered in parallel over figures (OpenMP; each has its own librsvg handle and cairo surface;
/// the bytes do not depend on the number of threads). The first exception in figure order is
/// rethrown.
[[nodiscard]] std::vector<std::string> figures_as_pdf(const std::vector<const report::Figure*>& figures);
[[nodiscard]] std::vector<report::RasterImage> figures_as_png(const std::vector<const report::Figure*>& figures);

/// A1's notes on the weighting and aggregation methods of issue 18 the spec selects: one
/// sentence each with its reference (message keys method.weights.NAME, method.aggregate.NAME).
void add_method_notes(const Spec& spec, report::Table& t, Lang lang);

}  // namespace cikit::pipeline
