#pragma once
/// \file density.hpp
/// Pipeline of `cikit density SPEC`: builds the index, takes the cross-sections (one per
/// period) and estimates the Gaussian kernel density of the index (or --node) scores of each
/// (methods/density, R's bw.nrd0 or bw.SJ, R's grid), with the overlay and ridgeline figures
/// (methods/report/density_svg.hpp). Builds density.json, density.csv and the SVG files.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "methods/core/spec.hpp"
#include "methods/density/density.hpp"
#include "methods/pipeline/common.hpp"
#include "methods/pipeline/output.hpp"

namespace cikit::pipeline {

struct DensityRunOptions {
  std::string spec;
  MethodOverrides methods;
  std::string out;
  std::string node;          ///< "" = the index
  std::string bw = "nrd0";   ///< nrd0 | SJ
  int n = 512;               ///< grid points
  double cut = 3.0;          ///< grid extends cut bandwidths beyond the data
  Lang lang = Lang::En;      ///< language of the figures
};

struct DensityPeriod {
  std::string period;
  std::string node;
  density::DensityResult result;
};

struct DensityRun {
  Spec spec;
  std::vector<DensityPeriod> periods;
  std::vector<std::string> warnings;
  nlohmann::json doc;
  std::string overlay_svg, ridgeline_svg;
  OutputSet outputs{""};     ///< density.json, density.csv, density_overlay.svg, density_ridgeline.svg
};

/// Runs `cikit density`. @throws InvalidInput for an unknown rule or node; DomainError from
/// bw_sj; as run_index.
[[nodiscard]] DensityRun run_density(const DensityRunOptions& options);

}  // namespace cikit::pipeline
