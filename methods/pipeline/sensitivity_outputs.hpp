#pragma once
/// \file sensitivity_outputs.hpp
/// The machine-readable outputs of `cikit sensitivity` (JSON document, CSV tables, output set),
/// built from a SensitivityRun whose analysis has run. Used by run_sensitivity().

#include <string>

#include "methods/pipeline/sensitivity.hpp"

namespace cikit::pipeline {

/// Fills run.warnings, run.doc, the run's CSV tables and run.outputs (folder `out`) from
/// run.spec, run.data, run.inputs, run.analysis, run.order and run.dominant.
void build_sensitivity_outputs(SensitivityRun& run, const std::string& out);

}  // namespace cikit::pipeline
