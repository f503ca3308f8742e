#include "methods/report/dematel_svg.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "methods/core/error.hpp"
#include "methods/report/svg.hpp"

namespace cikit::report {

std::string dematel_svg(const DematelResult& r, const std::vector<std::string>& labels) {
  const Eigen::Index n = r.prominence.size();
  if (labels.size() != 4 || n < 1 || r.relation.size() != n)
    throw InvalidInput("dematel_svg: needs a DEMATEL result and 4 labels (x axis, y axis, cause, effect)");
  const double w = 560, h = 420, left = 64, right = 24, top = 20, bottom = 56;
  const double pw = w - left - right, ph = h - top - bottom;
  const auto xt = nice_ticks(r.prominence.minCoeff(), r.prominence.maxCoeff(), 5);
  const double ymax = std::max(0.1, r.relation.cwiseAbs().maxCoeff());
  const auto yt = nice_ticks(-ymax, ymax, 6);
  const double x0 = xt.front(), x1 = xt.back(), y0 = yt.front(), y1 = yt.back();
  const auto X = [&](double v) { return left + (v - x0) / (x1 - x0 > 0 ? x1 - x0 : 1.0) * pw; };
  const auto Y = [&](double v) { return top + ph - (v - y0) / (y1 - y0) * ph; };
  Svg s(w, h);
  for (double t : xt) {
    s.line(X(t), top, X(t), top + ph, "#eeeeee", 0.8);
    s.text(X(t), top + ph + 16, fmt::format("{:g}", t), 11, "middle");
  }
  for (double t : yt) {
    s.line(left, Y(t), left + pw, Y(t), "#eeeeee", 0.8);
    s.text(left - 6, Y(t) + 4, fmt::format("{:g}", t), 11, "end");
  }
  s.line(left, top, left, top + ph, "#000000", 1);
  s.line(left, top + ph, left + pw, top + ph, "#000000", 1);
  s.line(left, Y(0), left + pw, Y(0), "#555555", 1.2, "4,3");
  s.text(left + pw - 4, Y(0) - 6, labels[2], 11, "end", 0, true, "#b2182b");
  s.text(left + pw - 4, Y(0) + 16, labels[3], 11, "end", 0, true, "#2166ac");
  for (Eigen::Index i = 0; i < n; ++i) {
    const bool cause = r.relation(i) > 0;
    const double cx = X(r.prominence(i)), cy = Y(r.relation(i));
    s.circle(cx, cy, 4, cause ? "#b2182b" : "#2166ac");
    const std::string id = i < static_cast<Eigen::Index>(r.ids.size()) ? r.ids[static_cast<std::size_t>(i)]
                                                                          : std::to_string(i + 1);
    s.text(cx + 6, cy - 6, id, 11);
  }
  s.text(left + pw / 2, h - 14, labels[0], 12, "middle");
  s.text(16, top + ph / 2, labels[1], 12, "middle", -90);
  return s.str();
}

}  // namespace cikit::report
