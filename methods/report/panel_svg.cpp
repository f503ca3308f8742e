#include "methods/report/panel_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "methods/core/error.hpp"
#include "methods/report/svg.hpp"

namespace cikit::report {

std::string trajectories_svg(const Eigen::MatrixXd& scores, const std::vector<int>& show,
                             const std::vector<std::string>& names, const std::vector<std::string>& periods,
                             const std::string& title, const std::string& y_title, int columns) {
  if (static_cast<Eigen::Index>(names.size()) != scores.rows() ||
      static_cast<Eigen::Index>(periods.size()) != scores.cols())
    throw InvalidInput("trajectories_svg: names and periods must match the rows and columns of scores");
  if (show.empty()) throw InvalidInput("trajectories_svg: no unit to show");
  for (int r : show)
    if (r < 0 || r >= scores.rows()) throw InvalidInput(fmt::format("trajectories_svg: row {} out of range", r));
  if (columns < 1) throw InvalidInput("trajectories_svg: columns must be >= 1");
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (Eigen::Index i = 0; i < scores.size(); ++i)
    if (!std::isnan(scores.data()[i])) lo = std::min(lo, scores.data()[i]), hi = std::max(hi, scores.data()[i]);
  if (!(lo <= hi)) lo = 0, hi = 1;
  if (!(lo < hi)) lo -= 1, hi += 1;
  const std::vector<double> ticks = nice_ticks(lo, hi, 4);
  lo = ticks.front();
  hi = ticks.back();
  const int n = static_cast<int>(show.size());
  const int cols = std::min(columns, n);
  const int rows = (n + cols - 1) / cols;
  const double pw = 170, ph = 120, gap = 18, left = 48, top = 46, bottom = 28;
  Svg svg(left + cols * (pw + gap), top + rows * (ph + gap + bottom));
  svg.text(left, 22, title, 14, "start", 0, true);
  svg.text(14, top + ph / 2, y_title, 10, "middle", -90);
  const auto P = scores.cols();
  const auto xpos = [&](double x0, Eigen::Index p) { return P > 1 ? x0 + pw * static_cast<double>(p) / static_cast<double>(P - 1) : x0 + pw / 2; };
  const auto ypos = [&](double y0, double v) { return y0 + ph * (hi - v) / (hi - lo); };
  const auto line_of = [&](Eigen::Index row, double x0, double y0, const std::string& colour, double width) {
    std::vector<std::pair<double, double>> pts;
    for (Eigen::Index p = 0; p <= P; ++p) {
      if (p == P || std::isnan(scores(row, p))) {
        if (pts.size() > 1) svg.polyline(pts, colour, width);
        if (pts.size() == 1) svg.circle(pts[0].first, pts[0].second, 1.8, colour);
        pts.clear();
        continue;
      }
      pts.emplace_back(xpos(x0, p), ypos(y0, scores(row, p)));
    }
  };
  for (int k = 0; k < n; ++k) {
    const double x0 = left + (k % cols) * (pw + gap);
    const double y0 = top + (k / cols) * (ph + gap + bottom);
    svg.rect(x0, y0, pw, ph, "#ffffff", "#bbbbbb", 0.6);
    for (double t : ticks) {
      svg.line(x0, ypos(y0, t), x0 + pw, ypos(y0, t), "#eeeeee", 0.5);
      if (k % cols == 0) svg.text(x0 - 4, ypos(y0, t) + 3, fmt::format("{:g}", t), 8, "end");
    }
    for (Eigen::Index r = 0; r < scores.rows(); ++r) line_of(r, x0, y0, "#dddddd", 0.6);
    line_of(show[static_cast<std::size_t>(k)], x0, y0, "#1f77b4", 1.8);
    svg.text(x0 + 4, y0 + 12, names[static_cast<std::size_t>(show[static_cast<std::size_t>(k)])], 10, "start", 0, true);
    svg.text(x0, y0 + ph + 12, periods.front(), 8, "start");
    if (P > 1) svg.text(x0 + pw, y0 + ph + 12, periods.back(), 8, "end");
  }
  return svg.str();
}

}  // namespace cikit::report
