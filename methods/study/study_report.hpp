#pragma once
/// \file study_report.hpp
/// Tables (CSV, Markdown via methods/report) and SVG heat maps of a method-comparison study.

#include <string>
#include <utility>
#include <vector>

#include "methods/study/method_study.hpp"

namespace cikit {

/// Every scenario × method × replicate: scenario,method,normalize,weights,aggregate,replicate,
/// ok,weight_mae,spearman,kendall,top10,weight_cv,rank_width,outlier_shift,seconds,note.
[[nodiscard]] std::string study_cells_csv(const StudyResult& r);
/// Means over replicates per scenario × method: scenario,method,normalize,weights,aggregate,
/// n_ok,weight_mae,spearman,spearman_sd,kendall,top10,weight_cv,rank_width,outlier_shift,
/// seconds,note.
[[nodiscard]] std::string study_summary_csv(const StudyResult& r);
/// Markdown: settings, scenarios, overall table (means over scenarios, methods that ran in
/// every scenario, by mean Spearman), weighting × scenario tables at the reference
/// normalisation/aggregation (minmax/arithmetic when studied), failures. `header` lines are
/// listed first (versions, machine). Image links point to the SVG file names below.
[[nodiscard]] std::string study_markdown(const StudyResult& r, const std::vector<std::string>& header);
/// SVG heat maps (file name, content): weighting × scenario for spearman, weight_mae,
/// rank_width and outlier_shift at the reference normalisation/aggregation, and every method ×
/// scenario for spearman.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> study_svgs(const StudyResult& r);

}  // namespace cikit
