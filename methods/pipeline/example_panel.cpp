// The bundled panel example (`cikit example --panel DIR`): the governance example simulated over
// the years 2019-2023 with a region column and city coordinates. SYNTHETIC, labelled so in the
// data's header comment file (PANEL.md) and in the spec. Model (docs/simulate.md "Panel"):
//   shift_i,k = shift_i + g_i k + 0.08 e_ik,  k = year - 2019,
//   g_i = growth[region_i] + 0.04 z_i       (z_i, e_ik ~ N(0, 1) from stream (seed, SimulatePanel, i)),
// and each year is simulate_tree() with the cities' shifts replaced by shift_i,k and the SAME seed
// (so the idiosyncratic parts persist from year to year; only the general factor moves).
// Regions: the National Bureau of Statistics' four regions (东部, 中部, 西部, 东北) by province.
// Coordinates: the provincial capital's approximate longitude and latitude plus a seeded offset
// uniform in ±1 degree (the four municipalities: no offset). They are NOT the cities' real
// locations.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>

#include "cikit/embedded_example.hpp"
#include "methods/core/error.hpp"
#include "methods/core/random.hpp"
#include "methods/core/spec.hpp"
#include "methods/pipeline/example.hpp"
#include "methods/simulate/simulate.hpp"

namespace cikit::pipeline {

namespace {

struct ProvinceInfo {
  const char* region;
  double lon, lat;  ///< approximate coordinates of the provincial capital
  bool municipality;
};

const std::map<std::string, ProvinceInfo>& provinces() {
  static const std::map<std::string, ProvinceInfo> p = {
      {"北京市", {"东部", 116.41, 39.90, true}},          {"天津市", {"东部", 117.20, 39.13, true}},
      {"上海市", {"东部", 121.47, 31.23, true}},          {"重庆市", {"西部", 106.55, 29.56, true}},
      {"河北省", {"东部", 114.51, 38.04, false}},         {"江苏省", {"东部", 118.80, 32.06, false}},
      {"浙江省", {"东部", 120.16, 30.27, false}},         {"福建省", {"东部", 119.30, 26.08, false}},
      {"山东省", {"东部", 117.00, 36.65, false}},         {"广东省", {"东部", 113.26, 23.13, false}},
      {"海南省", {"东部", 110.20, 20.04, false}},         {"山西省", {"中部", 112.55, 37.87, false}},
      {"安徽省", {"中部", 117.23, 31.82, false}},         {"江西省", {"中部", 115.86, 28.68, false}},
      {"河南省", {"中部", 113.63, 34.75, false}},         {"湖北省", {"中部", 114.31, 30.59, false}},
      {"湖南省", {"中部", 112.94, 28.23, false}},         {"内蒙古自治区", {"西部", 111.75, 40.84, false}},
      {"广西壮族自治区", {"西部", 108.37, 22.82, false}}, {"四川省", {"西部", 104.07, 30.57, false}},
      {"贵州省", {"西部", 106.63, 26.65, false}},         {"云南省", {"西部", 102.83, 24.88, false}},
      {"西藏自治区", {"西部", 91.12, 29.65, false}},      {"陕西省", {"西部", 108.94, 34.34, false}},
      {"甘肃省", {"西部", 103.83, 36.06, false}},         {"青海省", {"西部", 101.78, 36.62, false}},
      {"宁夏回族自治区", {"西部", 106.23, 38.49, false}}, {"新疆维吾尔自治区", {"西部", 87.62, 43.83, false}},
      {"辽宁省", {"东北", 123.43, 41.80, false}},         {"吉林省", {"东北", 125.32, 43.82, false}},
      {"黑龙江省", {"东北", 126.53, 45.80, false}},
  };
  return p;
}

/// Mean yearly growth of the general factor per region (latent sd units per year).
double region_growth(const std::string& region) {
  if (region == "东部") return 0.10;
  if (region == "中部") return 0.14;
  if (region == "西部") return 0.12;
  return 0.06;  // 东北
}

/// Purpose tag of the panel example's draws. Not (yet) a named StreamTag: adding one edits
/// methods/core/random.hpp, which every file includes; 41 is unused there.
constexpr auto kSimulatePanel = static_cast<StreamTag>(41);

constexpr int kFirstYear = 2019;
constexpr int kYears = 5;

const char* kPanelNote =
    "# SYNTHETIC PANEL DATA (cikit example --panel): the governance example simulated for 2019-2023.\n"
    "# No real city is measured; region is the NBS four-region grouping of the province; lon/lat are\n"
    "# the provincial capital's approximate coordinates plus a seeded offset (up to 1 degree), NOT the\n"
    "# cities' real locations. See PANEL.md.\n";

}  // namespace

std::vector<std::pair<std::string, std::string>> governance_panel_files(std::uint64_t seed) {
  std::string spec_text;
  for (const auto& f : embedded::kExampleFiles)
    if (f.name == "governance.yaml") spec_text = f.text;
  const Spec spec = parse_spec(spec_text, "governance.yaml (built in)", ".");
  const std::vector<UnitProfile>& cities = governance_cities();
  // Per city: growth, coordinates, and the yearly perturbations (one stream per city).
  const auto n = cities.size();
  std::vector<double> growth(n), lon(n), lat(n);
  std::vector<std::array<double, kYears>> noise(n);
  std::vector<std::string> region(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto it = provinces().find(cities[i].province_zh);
    if (it == provinces().end())
      throw InternalError(fmt::format("governance_panel_files: no region for province '{}'", cities[i].province_zh));
    const ProvinceInfo& pi = it->second;
    auto g = make_stream(seed, kSimulatePanel, i);
    region[i] = pi.region;
    growth[i] = region_growth(region[i]) + 0.04 * standard_normal(g);
    for (int k = 0; k < kYears; ++k) noise[i][static_cast<std::size_t>(k)] = 0.08 * standard_normal(g);
    const double dx = 2 * uniform01(g) - 1, dy = 2 * uniform01(g) - 1;
    lon[i] = pi.municipality ? pi.lon : pi.lon + dx;
    lat[i] = pi.municipality ? pi.lat : pi.lat + dy;
  }
  std::string csv;
  for (int k = 0; k < kYears; ++k) {
    std::vector<UnitProfile> year = cities;
    for (std::size_t i = 0; i < n; ++i) year[i].shift += growth[i] * k + noise[i][static_cast<std::size_t>(k)];
    SimulationOptions opt;
    opt.seed = seed;
    SimulationResult sim = simulate_tree(spec.tree, governance_profiles(), year, opt);
    add_criteria(sim, governance_criteria(), opt);
    const std::string text = simulation_csv(sim, "city");
    // Insert year, region, lon, lat after the fourth column (ids, names and province hold no comma).
    std::size_t pos = 0, line = 0;
    while (pos < text.size()) {
      const std::size_t eol = text.find('\n', pos);
      const std::string row = text.substr(pos, eol - pos);
      pos = eol + 1;
      std::size_t cut = 0;
      for (int c = 0; c < 4; ++c) cut = row.find(',', cut) + 1;
      if (line == 0) {
        if (k == 0) csv += row.substr(0, cut) + "year,region,lon,lat," + row.substr(cut) + "\n";
      } else {
        const std::size_t i = line - 1;
        csv += row.substr(0, cut) + fmt::format("{},{},{:.2f},{:.2f},", kFirstYear + k, region[i], lon[i], lat[i]) +
               row.substr(cut) + "\n";
      }
      ++line;
    }
  }
  // The spec: the governance spec reading the panel file, with data.time and a panel block.
  std::string panel_spec = spec_text;
  const std::string from = "data:\n  file: cities.csv\n  unit: city_id\n";
  const auto at = panel_spec.find(from);
  if (at == std::string::npos) throw InternalError("governance_panel_files: the example spec's data block moved");
  panel_spec.replace(at, from.size(), "data:\n  file: cities_panel.csv\n  unit: city_id\n  time: year\n");
  panel_spec = std::string(kPanelNote) + panel_spec +
               "\n# Panel data (`cikit panel`, `cikit index`): normalisation constants and the entropy part of the\n"
               "# weights from all years stacked (pooled), so scores are comparable over time (docs/spec.md).\n"
               "panel:\n  normalize: pooled\n  weights: pooled\n";
  std::string readme =
      "# Panel example (SYNTHETIC) — cikit example --panel\n\n"
      "`cities_panel.csv` holds the governance example's 119 cities in the years 2019–2023, one row per city\n"
      "and year (long format), with a `region` column (东部/中部/西部/东北, the NBS grouping of the province)\n"
      "and `lon`, `lat`. **Every value is SYNTHETIC**: generated by cikit (`governance_panel_files`, seed\n" +
      fmt::format("{}", seed) +
      "), not measured. The coordinates are the provincial capital's approximate location plus a\n"
      "seeded offset of up to 1 degree, NOT the cities' real locations.\n\n"
      "Model: each year is the governance simulation with every city's general-factor mean moved to\n"
      "shift_i + g_i (year − 2019) + 0.08 e_i,year, g_i = regional growth (东部 0.10, 中部 0.14, 西部 0.12,\n"
      "东北 0.06 latent sd per year) + 0.04 z_i; the same seed every year, so the cities' idiosyncratic\n"
      "parts (and missing cells) persist. `governance_panel.yaml` is the governance spec with\n"
      "`data.time: year` and a `panel:` block. Try:\n\n"
      "    cikit index governance_panel.yaml --out out/\n    cikit panel governance_panel.yaml --out out/\n";
  return {{"governance_panel.yaml", panel_spec}, {"cities_panel.csv", csv}, {"PANEL.md", readme}};
}

}  // namespace cikit::pipeline
