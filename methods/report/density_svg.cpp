#include "methods/report/density_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "methods/core/error.hpp"
#include "methods/report/svg.hpp"

namespace cikit::report {

namespace {

constexpr const char* kColours[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"};
constexpr std::size_t kNColours = sizeof(kColours) / sizeof(kColours[0]);

void check(const std::vector<DensityCurve>& curves, const char* fn) {
  if (curves.empty()) throw InvalidInput(fmt::format("{}: no density to draw", fn));
  for (const auto& c : curves)
    if (c.x.size() != c.y.size() || c.x.size() < 2)
      throw InvalidInput(fmt::format("{}: curve '{}' has {} x and {} y values", fn, c.label, c.x.size(), c.y.size()));
}

struct Range {
  double x0 = std::numeric_limits<double>::infinity(), x1 = -std::numeric_limits<double>::infinity(), y1 = 0.0;
};

Range range_of(const std::vector<DensityCurve>& curves) {
  Range r;
  for (const auto& c : curves) {
    r.x0 = std::min(r.x0, c.x.minCoeff());
    r.x1 = std::max(r.x1, c.x.maxCoeff());
    r.y1 = std::max(r.y1, c.y.maxCoeff());
  }
  if (!(r.y1 > 0.0)) r.y1 = 1.0;
  return r;
}

std::string tick(double v) { return fmt::format("{:.4g}", std::abs(v) < 1e-12 ? 0.0 : v); }

}  // namespace

std::string density_overlay_svg(const std::vector<DensityCurve>& curves, const std::string& title,
                                const std::vector<std::string>& axes) {
  check(curves, "density_overlay_svg");
  if (axes.size() != 2) throw InvalidInput("density_overlay_svg: needs 2 axis titles");
  const Range r = range_of(curves);
  const double w = 640, left = 64, right = 16, top = 36, ph = 260;
  const double legend_rows = std::ceil(static_cast<double>(curves.size()) / 5.0);
  const double h = top + ph + 56 + 20 * legend_rows, pw = w - left - right;
  const auto xt = nice_ticks(r.x0, r.x1, 6);
  const auto yt = nice_ticks(0.0, r.y1, 5);
  const double x0 = xt.front(), x1 = xt.back(), y1 = std::max(r.y1, yt.back());
  const auto X = [&](double v) { return left + (v - x0) / (x1 - x0) * pw; };
  const auto Y = [&](double v) { return top + ph - v / y1 * ph; };
  Svg s(w, h);
  s.text(w / 2, 20, title, 13, "middle", 0.0, true);
  for (double t : yt) {
    s.line(left, Y(t), left + pw, Y(t), "#e5e5e5", 0.8);
    s.text(left - 6, Y(t) + 4, tick(t), 10, "end");
  }
  for (double t : xt) {
    s.line(X(t), top + ph, X(t), top + ph + 4, "#000000", 0.8);
    s.text(X(t), top + ph + 17, tick(t), 10, "middle");
  }
  s.line(left, top, left, top + ph, "#000000", 1);
  s.line(left, top + ph, left + pw, top + ph, "#000000", 1);
  for (std::size_t k = 0; k < curves.size(); ++k) {
    std::vector<std::pair<double, double>> pts;
    for (Eigen::Index g = 0; g < curves[k].x.size(); ++g) pts.emplace_back(X(curves[k].x(g)), Y(curves[k].y(g)));
    s.polyline(pts, kColours[k % kNColours], 1.6, k >= kNColours ? "5,3" : "");
  }
  s.text(left + pw / 2, top + ph + 36, axes[0], 12, "middle");
  s.text(16, top + ph / 2, axes[1], 12, "middle", -90);
  for (std::size_t k = 0; k < curves.size(); ++k) {
    const double lx = left + static_cast<double>(k % 5) * 112.0, ly = top + ph + 62 + 20 * static_cast<double>(k / 5);
    s.line(lx, ly - 4, lx + 22, ly - 4, kColours[k % kNColours], 1.6, k >= kNColours ? "5,3" : "");
    s.text(lx + 28, ly, curves[k].label, 11);
  }
  return s.str();
}

std::string density_ridgeline_svg(const std::vector<DensityCurve>& curves, const std::string& title,
                                  const std::string& x_title) {
  check(curves, "density_ridgeline_svg");
  const Range r = range_of(curves);
  const double w = 640, left = 96, right = 16, top = 36, band = 46, overlap = 1.6;
  const double n = static_cast<double>(curves.size());
  const double ph = band * (n - 1.0) + band * overlap, pw = w - left - right, h = top + ph + 50;
  const auto xt = nice_ticks(r.x0, r.x1, 6);
  const double x0 = xt.front(), x1 = xt.back();
  const auto X = [&](double v) { return left + (v - x0) / (x1 - x0) * pw; };
  Svg s(w, h);
  s.text(w / 2, 20, title, 13, "middle", 0.0, true);
  for (double t : xt) {
    s.line(X(t), top, X(t), top + ph, "#eeeeee", 0.8);
    s.line(X(t), top + ph, X(t), top + ph + 4, "#000000", 0.8);
    s.text(X(t), top + ph + 17, tick(t), 10, "middle");
  }
  s.line(left, top + ph, left + pw, top + ph, "#000000", 1);
  for (std::size_t k = 0; k < curves.size(); ++k) {
    const double base = top + band * overlap + band * static_cast<double>(k);
    std::vector<std::pair<double, double>> pts;
    for (Eigen::Index g = 0; g < curves[k].x.size(); ++g)
      pts.emplace_back(X(curves[k].x(g)), base - curves[k].y(g) / r.y1 * band * overlap);
    // filled band: the curve drawn over a white-ish area by thin vertical strokes is heavy; a
    // closed polyline outline with a light baseline is enough and stays small.
    s.line(left, base, left + pw, base, "#bbbbbb", 0.6);
    s.polyline(pts, kColours[k % kNColours], 1.6);
    s.text(left - 8, base - 3, curves[k].label, 11, "end");
  }
  s.text(left + pw / 2, top + ph + 36, x_title, 12, "middle");
  return s.str();
}

}  // namespace cikit::report
