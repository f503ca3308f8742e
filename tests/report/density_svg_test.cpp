// methods/report/density_svg: overlay and ridgeline figures of densities over periods.
#include <catch2/catch.hpp>

#include "methods/core/error.hpp"
#include "methods/density/density.hpp"
#include "methods/report/density_svg.hpp"

namespace {

std::vector<cikit::report::DensityCurve> three_periods() {
  std::vector<cikit::report::DensityCurve> curves;
  for (int t = 0; t < 3; ++t) {
    Eigen::VectorXd x(20);
    for (Eigen::Index i = 0; i < 20; ++i) x(i) = 10.0 * t + static_cast<double>((i * 7) % 20);
    const auto d = cikit::density::kernel_density(x, {.n = 64});
    curves.push_back({"20" + std::to_string(20 + t), d.x, d.y});
  }
  return curves;
}

}  // namespace

TEST_CASE("Density figures: one curve per period, labels, deterministic output", "[report][density][svg]") {
  const auto curves = three_periods();
  const std::string a = cikit::report::density_ridgeline_svg(curves, "核密度", "得分");
  const std::string b = cikit::report::density_ridgeline_svg(curves, "核密度", "得分");
  REQUIRE(a == b);
  for (const char* label : {"2020", "2021", "2022", "核密度", "得分"}) REQUIRE(a.find(label) != std::string::npos);
  std::size_t polylines = 0;
  for (std::size_t at = a.find("<polyline"); at != std::string::npos; at = a.find("<polyline", at + 1)) ++polylines;
  REQUIRE(polylines == 3);
  const std::string o = cikit::report::density_overlay_svg(curves, "Kernel density", {"Score", "Density"});
  REQUIRE(o.find("2022") != std::string::npos);
  REQUIRE_THROWS_AS(cikit::report::density_overlay_svg({}, "t", {"x", "y"}), cikit::InvalidInput);
  REQUIRE_THROWS_AS(cikit::report::density_overlay_svg(curves, "t", {"x"}), cikit::InvalidInput);
}
