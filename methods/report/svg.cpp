#include "methods/report/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "methods/core/error.hpp"
#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"

namespace cikit::report {

namespace {
/// Two decimals, no "-0.00": coordinates print identically on every run and platform.
std::string f2(double v) {
  std::string s = fmt::format("{:.2f}", v);
  if (s == "-0.00") s = "0.00";
  return s;
}
/// Tick labels: shortest of 0–2 decimals that represents the tick.
std::string tick_label(double v) {
  for (int d = 0; d <= 2; ++d) {
    const std::string s = fmt::format("{:.{}f}", v, d);
    if (std::abs(std::stod(s) - v) < 1e-9 * std::max(1.0, std::abs(v))) return s == "-0" ? "0" : s;
  }
  return fmt::format("{:.2f}", v);
}
/// Splits a label into lines of at most `max_width` display columns (CJK = 2): at the last
/// space that fits, else between two characters (Chinese has no spaces). Nothing is cut.
std::vector<std::string> wrap(const std::string& s, std::size_t max_width) {
  std::vector<std::string> lines;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    const std::string next = s.substr(i, len);
    i += len;
    if (!cur.empty() && display_width(cur + next) > max_width) {
      const std::size_t space = cur.rfind(' ');
      if (space != std::string::npos && space > 0 && next != " ") {
        lines.push_back(cur.substr(0, space));
        cur = cur.substr(space + 1);
      } else {
        lines.push_back(cur);
        cur.clear();
      }
      if (next == " ") continue;
    }
    cur += next;
  }
  if (!cur.empty() || lines.empty()) lines.push_back(cur);
  return lines;
}
/// Approximate rendered width (px) of a label at a font size: CJK ≈ 1 em, Latin ≈ 0.55 em.
double text_px(const std::string& s, double size) { return 0.55 * size * static_cast<double>(display_width(s)); }

constexpr const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"};
constexpr std::size_t kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);
}  // namespace

Svg::Svg(double width, double height, std::string font_family)
    : width_(width), height_(height), font_family_(std::move(font_family)) {}

void Svg::rect(double x, double y, double w, double h, const std::string& fill, const std::string& stroke,
               double stroke_width) {
  body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"", f2(x), f2(y), f2(w), f2(h), fill);
  if (stroke != "none") body_ += fmt::format(" stroke=\"{}\" stroke-width=\"{}\"", stroke, f2(stroke_width));
  body_ += "/>\n";
}

void Svg::line(double x1, double y1, double x2, double y2, const std::string& stroke, double width,
               const std::string& dash) {
  body_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"", f2(x1), f2(y1),
                       f2(x2), f2(y2), stroke, f2(width));
  if (!dash.empty()) body_ += fmt::format(" stroke-dasharray=\"{}\"", dash);
  body_ += "/>\n";
}

void Svg::polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke, double width,
                   const std::string& dash) {
  body_ += "<polyline points=\"";
  for (std::size_t i = 0; i < points.size(); ++i)
    body_ += str_cat(i ? " " : "", f2(points[i].first), ",", f2(points[i].second));
  body_ += fmt::format("\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"", stroke, f2(width));
  if (!dash.empty()) body_ += fmt::format(" stroke-dasharray=\"{}\"", dash);
  body_ += "/>\n";
}

void Svg::circle(double cx, double cy, double r, const std::string& fill, const std::string& stroke) {
  body_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"", f2(cx), f2(cy), f2(r), fill);
  if (stroke != "none") body_ += fmt::format(" stroke=\"{}\"", stroke);
  body_ += "/>\n";
}

void Svg::text(double x, double y, const std::string& s, double size, const std::string& anchor, double rotate,
               bool bold, const std::string& fill) {
  body_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\"", f2(x), f2(y), f2(size));
  if (anchor != "start") body_ += fmt::format(" text-anchor=\"{}\"", anchor);
  if (bold) body_ += " font-weight=\"bold\"";
  if (std::abs(rotate) > 0.0) body_ += fmt::format(" transform=\"rotate({} {} {})\"", f2(rotate), f2(x), f2(y));
  if (!fill.empty()) body_ += fmt::format(" fill=\"{}\"", fill);
  body_ += str_cat(">", xml_escape(s), "</text>\n");
}

std::string Svg::str() const {
  return str_cat(fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
                             "font-family=\"{}\">\n",
                             f2(width_), f2(height_), f2(width_), f2(height_), font_family_),
                 "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n", body_, "</svg>\n");
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!(hi > lo)) return {lo};
  const double raw = (hi - lo) / std::max(1, target);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  // From the last multiple of step <= lo to the first >= hi, so the ticks cover [lo, hi].
  const auto first = static_cast<long>(std::floor(lo / step + 1e-9));
  const auto last = static_cast<long>(std::ceil(hi / step - 1e-9));
  std::vector<double> ticks;
  for (long k = first; k <= last; ++k) ticks.push_back(static_cast<double>(k) * step);
  return ticks;
}

std::string diverging_colour(double r) {
  if (std::isnan(r)) return "#bbbbbb";
  const double t = std::clamp(r, -1.0, 1.0);
  // White at 0, #2166ac at −1, #b2182b at +1 (ColorBrewer RdBu ends), linear in RGB.
  const double end[2][3] = {{33, 102, 172}, {178, 24, 43}};
  const auto& e = t < 0 ? end[0] : end[1];
  const double a = std::abs(t);
  const auto ch = [&](int k) { return static_cast<int>(std::lround(255.0 + a * (e[k] - 255.0))); };
  return fmt::format("#{:02x}{:02x}{:02x}", ch(0), ch(1), ch(2));
}

std::string sequential_colour(double t) {
  if (std::isnan(t)) return "#dddddd";
  const double a = std::clamp(t, 0.0, 1.0);
  // White at 0, #084594 at 1 (ColorBrewer Blues end), linear in RGB.
  const double end[3] = {8, 69, 148};
  const auto ch = [&](int k) { return static_cast<int>(std::lround(255.0 + a * (end[k] - 255.0))); };
  return fmt::format("#{:02x}{:02x}{:02x}", ch(0), ch(1), ch(2));
}

std::string scree_svg(const Eigen::VectorXd& observed, const Eigen::VectorXd& random_quantile,
                      const std::vector<std::string>& labels, const std::vector<std::string>& axes) {
  if (observed.size() < 1 || labels.size() != 3 || axes.size() != 2)
    throw InvalidInput("scree_svg: needs at least one eigenvalue, 3 legend labels and 2 axis titles");
  const auto p = observed.size();
  const double w = 640, h = 380, left = 58, right = 16, top = 16, bottom = 86;
  const double pw = w - left - right, ph = h - top - bottom;
  double ymax = std::max(1.0, observed.maxCoeff());
  if (random_quantile.size() > 0) ymax = std::max(ymax, random_quantile.maxCoeff());
  const auto yticks = nice_ticks(0.0, ymax, 5);
  ymax = std::max(ymax, yticks.back());
  const auto X = [&](double k) { return left + (k - 0.5) / static_cast<double>(p) * pw; };
  const auto Y = [&](double v) { return top + ph - std::max(0.0, v) / ymax * ph; };
  Svg s(w, h);
  for (double t : yticks) {
    s.line(left, Y(t), left + pw, Y(t), "#e5e5e5", 0.8);
    s.text(left - 6, Y(t) + 4, tick_label(t), 11, "end");
  }
  const int xstep = p <= 15 ? 1 : (p <= 40 ? 5 : 10);
  for (Eigen::Index k = 1; k <= p; ++k)
    if (k == 1 || k % xstep == 0) {
      s.line(X(static_cast<double>(k)), top + ph, X(static_cast<double>(k)), top + ph + 4, "#000000", 0.8);
      s.text(X(static_cast<double>(k)), top + ph + 17, std::to_string(k), 11, "middle");
    }
  s.line(left, top, left, top + ph, "#000000", 1);
  s.line(left, top + ph, left + pw, top + ph, "#000000", 1);
  s.line(left, Y(1.0), left + pw, Y(1.0), "#555555", 1, "2,3");
  if (random_quantile.size() > 0) {
    std::vector<std::pair<double, double>> q;
    for (Eigen::Index k = 0; k < random_quantile.size(); ++k) q.emplace_back(X(static_cast<double>(k + 1)), Y(random_quantile(k)));
    s.polyline(q, kPalette[3], 1.6, "6,4");
  }
  std::vector<std::pair<double, double>> o;
  for (Eigen::Index k = 0; k < p; ++k) o.emplace_back(X(static_cast<double>(k + 1)), Y(observed(k)));
  s.polyline(o, kPalette[0], 1.6);
  for (const auto& pt : o) s.circle(pt.first, pt.second, p > 30 ? 2.2 : 3.2, kPalette[0]);
  s.text(left + pw / 2, top + ph + 36, axes[0], 12, "middle");
  s.text(16, top + ph / 2, axes[1], 12, "middle", -90);
  // Legend below the plot, three entries in a row.
  const double ly = h - 18;
  double lx = left;
  const auto entry = [&](const std::string& label, const std::string& colour, const std::string& dash, bool dot) {
    s.line(lx, ly - 4, lx + 26, ly - 4, colour, 1.6, dash);
    if (dot) s.circle(lx + 13, ly - 4, 3, colour);
    s.text(lx + 32, ly, label, 11);
    lx += 32 + text_px(label, 11) + 22;
  };
  entry(labels[0], kPalette[0], "", true);
  if (random_quantile.size() > 0) entry(labels[1], kPalette[3], "6,4", false);
  entry(labels[2], "#555555", "2,3", false);
  return s.str();
}

std::string heatmap_svg(const Eigen::MatrixXd& r, const std::vector<std::string>& group_labels,
                        const std::vector<int>& group_sizes) {
  const auto p = r.rows();
  if (p < 1 || r.cols() != p) throw InvalidInput("heatmap_svg: the matrix must be square and non-empty");
  long total = 0;
  for (int g : group_sizes) total += g;
  if (total != p || group_labels.size() != group_sizes.size())
    throw InvalidInput(fmt::format("heatmap_svg: group sizes add up to {}, the matrix has {} rows", total, p));
  // Group labels wrap onto lines of at most 28 display columns (never cut); the label column
  // is as wide as the widest line.
  std::vector<std::vector<std::string>> group_lines;
  double label_w = 0;
  for (const auto& l : group_labels) {
    group_lines.push_back(wrap(l, 28));
    for (const auto& line : group_lines.back()) label_w = std::max(label_w, text_px(line, 11));
  }
  const double cell = std::clamp(460.0 / static_cast<double>(p), 4.0, 28.0);
  const double left = label_w + 20, top = 28, side = cell * static_cast<double>(p);
  const double legend_x = left + side + 24;
  const double w = legend_x + 70;
  double h = top + side + 16;
  // Room below for the wrapped lines of the last group (those of the first fit in the top margin).
  const double over_bottom = 13 * static_cast<double>(group_lines.back().size() - 1) / 2 -
                             cell * static_cast<double>(group_sizes.back()) / 2 + 8;
  if (over_bottom > 0) h += over_bottom;
  Svg s(w, h);
  for (Eigen::Index i = 0; i < p; ++i)
    for (Eigen::Index j = 0; j < p; ++j)
      s.rect(left + static_cast<double>(j) * cell, top + static_cast<double>(i) * cell, cell, cell,
             diverging_colour(i == j ? 1.0 : r(i, j)));
  // Indicator positions along the top (1, 10, 20, ...), matching the order of Table A1.
  for (Eigen::Index j = 0; j < p; ++j)
    if (j == 0 || (j + 1) % 10 == 0)
      s.text(left + (static_cast<double>(j) + 0.5) * cell, top - 6, std::to_string(j + 1), 10, "middle");
  double start = 0;
  for (std::size_t g = 0; g < group_sizes.size(); ++g) {
    const double size = static_cast<double>(group_sizes[g]) * cell;
    s.rect(left + start, top + start, size, size, "none", "#000000", 1.4);
    const auto& lines = group_lines[g];
    const double line_h = 13, first = top + start + size / 2 + 4 - line_h * static_cast<double>(lines.size() - 1) / 2;
    for (std::size_t k = 0; k < lines.size(); ++k)
      s.text(left - 8, first + line_h * static_cast<double>(k), lines[k], 11, "end");
    if (g > 0) s.line(left - 4, top + start, left, top + start, "#000000", 1);
    start += size;
  }
  s.rect(left, top, side, side, "none", "#000000", 0.8);
  // Colour legend: a vertical bar from +1 (top) to −1 (bottom).
  const double lh = std::min(side, 220.0), steps = 40;
  for (int k = 0; k < static_cast<int>(steps); ++k) {
    const double v = 1.0 - 2.0 * (k + 0.5) / steps;
    s.rect(legend_x, top + lh * k / steps, 14, lh / steps + 0.3, diverging_colour(v));
  }
  s.rect(legend_x, top, 14, lh, "none", "#000000", 0.6);
  for (double v : {1.0, 0.5, 0.0, -0.5, -1.0}) s.text(legend_x + 20, top + lh * (1.0 - v) / 2 + 4, tick_label(v), 10);
  return s.str();
}

std::string weights_svg(const std::vector<std::string>& indicators, const std::vector<WeightSeries>& series,
                        const std::string& y_title) {
  if (series.empty() || indicators.empty()) throw InvalidInput("weights_svg: no indicators or no weighting methods");
  double wmax = 0;
  for (const auto& sr : series) {
    if (sr.weights.size() != indicators.size())
      throw InvalidInput(fmt::format("weights_svg: method '{}' has {} weights for {} indicators", sr.method,
                                     sr.weights.size(), indicators.size()));
    for (double v : sr.weights)
      if (std::isfinite(v)) wmax = std::max(wmax, 100.0 * v);
  }
  const auto ticks = nice_ticks(0.0, wmax > 0 ? wmax : 1.0, 5);
  const double xmax = ticks.back();
  // Long indicator names wrap onto lines of at most 36 display columns (never cut); a group of
  // bars is as tall as its name needs.
  constexpr double kLineH = 12;
  double label_w = 0;
  std::vector<std::vector<std::string>> names;
  for (const auto& l : indicators) {
    names.push_back(wrap(l, 36));
    for (const auto& line : names.back()) label_w = std::max(label_w, text_px(line, 10));
  }
  const double bar = series.size() > 4 ? 3.5 : 5.0, gap = 6;
  const double bars = bar * static_cast<double>(series.size());
  std::vector<double> group_y{0};  // top of each group, relative to the plot
  for (const auto& n : names) group_y.push_back(group_y.back() + std::max(bars, kLineH * static_cast<double>(n.size())) + gap);
  const double left = label_w + 14, top = 30, pw = 420;
  const double ph = group_y.back();
  // The legend wraps into rows no wider than the plot (one long row made the chart wide and
  // its labels tiny at page width).
  const double w = left + pw + 20;
  std::vector<std::pair<double, int>> legend_at;  // x and row of each entry
  double lx = 10;
  int rows = 1;
  for (const auto& sr : series) {
    const double item = 22 + text_px(sr.method, 11) + 16;
    if (lx > 10 && lx + item > w) {
      lx = 10;
      ++rows;
    }
    legend_at.emplace_back(lx, rows - 1);
    lx += item;
  }
  const double h = top + ph + 44 + 18.0 * rows;
  const auto X = [&](double v) { return left + v / xmax * pw; };
  Svg s(w, h);
  for (double t : ticks) {
    s.line(X(t), top, X(t), top + ph, "#e5e5e5", 0.8);
    s.text(X(t), top - 6, tick_label(t), 10, "middle");
  }
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const double slot = group_y[i + 1] - group_y[i] - gap;
    const double y0 = top + group_y[i] + gap / 2 + (slot - bars) / 2;
    const double lines = static_cast<double>(names[i].size());
    for (std::size_t k = 0; k < names[i].size(); ++k)
      s.text(left - 6, y0 + bars / 2 + 3.5 + kLineH * (static_cast<double>(k) - (lines - 1) / 2), names[i][k], 10, "end");
    for (std::size_t m = 0; m < series.size(); ++m) {
      const double v = series[m].weights[i];
      if (!std::isfinite(v)) continue;
      s.rect(left, y0 + bar * static_cast<double>(m), std::max(0.0, X(100.0 * v) - left), bar,
             kPalette[m % kPaletteSize]);
    }
  }
  s.line(left, top, left, top + ph, "#000000", 1);
  s.text(left + pw / 2, top + ph + 22, y_title, 12, "middle");
  for (std::size_t m = 0; m < series.size(); ++m) {
    const auto [x, row] = legend_at[m];
    const double y = top + ph + 40 + 18.0 * row;
    s.rect(x, y, 14, 10, kPalette[m % kPaletteSize]);
    s.text(x + 20, y + 9, series[m].method, 11);
  }
  return s.str();
}

std::string rank_intervals_svg(std::vector<RankInterval> units, const std::vector<std::string>& labels,
                               double rank_max) {
  if (units.empty() || labels.size() != 4) throw InvalidInput("rank_intervals_svg: needs units and 4 labels");
  std::stable_sort(units.begin(), units.end(), [](const RankInterval& a, const RankInterval& b) {
    if (a.median < b.median || b.median < a.median) return a.median < b.median;
    if (a.nominal < b.nominal || b.nominal < a.nominal) return a.nominal < b.nominal;
    return a.unit < b.unit;
  });
  double rmax = std::max(1.0, rank_max);
  double label_w = 0;
  for (const auto& u : units) {
    rmax = std::max({rmax, u.hi, u.nominal, u.median});
    label_w = std::max(label_w, text_px(u.unit, 10));  // full names: the label column fits them
  }
  const auto ticks = nice_ticks(1.0, rmax, 6);
  const double row = 11, left = label_w + 14, top = 30, pw = 460;
  const double ph = row * static_cast<double>(units.size());
  // The legend runs along the bottom: the figure is at least as wide as it.
  const double legend_w = 10 + 14 + text_px(labels[2], 11) + 18 + 14 + text_px(labels[1], 11) + 18 + 28 +
                          text_px(labels[3], 11) + 10;
  const double w = std::max(left + pw + 24, legend_w), h = top + ph + 62;
  const auto X = [&](double v) { return left + (v - 1.0) / std::max(1.0, rmax - 1.0) * pw; };
  Svg s(w, h);
  for (double t : ticks) {
    if (t < 1.0) continue;
    s.line(X(t), top, X(t), top + ph, "#e5e5e5", 0.8);
    s.text(X(t), top - 6, tick_label(t), 10, "middle");
    s.text(X(t), top + ph + 14, tick_label(t), 10, "middle");
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto& u = units[i];
    const double y = top + (static_cast<double>(i) + 0.5) * row;
    s.text(left - 6, y + 3.5, u.unit, 10, "end");
    s.line(X(u.lo), y, X(u.hi), y, "#555555", 1.2);
    s.circle(X(u.median), y, 3, kPalette[0]);
    const double d = 3.2, xn = X(u.nominal);
    s.polyline({{xn, y - d}, {xn + d, y}, {xn, y + d}, {xn - d, y}, {xn, y - d}}, kPalette[3], 1.1);
  }
  s.rect(left, top, pw, ph, "none", "#000000", 0.8);
  s.text(left + pw / 2, top + ph + 30, labels[0], 12, "middle");
  const double ly = h - 12;
  double lx = 10;
  s.circle(lx + 5, ly - 4, 3, kPalette[0]);
  s.text(lx + 14, ly, labels[2], 11);
  lx += 14 + text_px(labels[2], 11) + 18;
  s.polyline({{lx + 5, ly - 7.2}, {lx + 8.2, ly - 4}, {lx + 5, ly - 0.8}, {lx + 1.8, ly - 4}, {lx + 5, ly - 7.2}},
             kPalette[3], 1.1);
  s.text(lx + 14, ly, labels[1], 11);
  lx += 14 + text_px(labels[1], 11) + 18;
  s.line(lx, ly - 4, lx + 22, ly - 4, "#555555", 1.2);
  s.text(lx + 28, ly, labels[3], 11);
  return s.str();
}

std::string table_heatmap_svg(const std::string& title, const std::vector<std::string>& rows,
                              const std::vector<std::string>& cols, const Eigen::MatrixXd& values, int decimals,
                              bool higher_is_better, Lang lang) {
  if (values.rows() != static_cast<Eigen::Index>(rows.size()) || values.cols() != static_cast<Eigen::Index>(cols.size()))
    throw InvalidInput(fmt::format("table_heatmap_svg: {} x {} values for {} row and {} column labels", values.rows(),
                                   values.cols(), rows.size(), cols.size()));
  double lo = INFINITY, hi = -INFINITY;
  for (Eigen::Index i = 0; i < values.size(); ++i)
    if (std::isfinite(values(i))) lo = std::min(lo, values(i)), hi = std::max(hi, values(i));
  // Monospace at 11 px: at most 7 px per display column (CJK = 2). Row labels set the label
  // column's width; column labels wrap onto lines of at most 11 display columns (never cut,
  // never split inside a UTF-8 character) and the header grows to hold them.
  std::size_t label_chars = 4;
  for (const auto& r : rows) label_chars = std::max(label_chars, display_width(r));
  std::vector<std::vector<std::string>> col_lines;
  std::size_t n_lines = 1;
  for (const auto& c : cols) {
    col_lines.push_back(wrap(c, 11));
    n_lines = std::max(n_lines, col_lines.back().size());
  }
  const int cw = 78, ch = 20, top = 49 + 13 * static_cast<int>(n_lines);
  const int left = 10 + 7 * static_cast<int>(label_chars);
  const int width = left + cw * static_cast<int>(cols.size()) + 10;
  const int height = top + ch * static_cast<int>(rows.size()) + 10;
  Svg s(width, height, "monospace");
  s.text(10, 18, title, 13, "start", 0, true);
  s.text(10, 34, msgf("fig.table_heatmap.legend", lang, lo, hi, decimals), 11, "start", 0, false, "#555");
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const auto& lines = col_lines[c];
    for (std::size_t k = 0; k < lines.size(); ++k)
      s.text(left + cw * static_cast<int>(c) + cw / 2, top - 8 - 13 * static_cast<int>(lines.size() - 1 - k), lines[k],
             11, "middle");
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const int y = top + ch * static_cast<int>(r);
    s.text(10, y + 14, rows[r], 11);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const double v = values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
      const int x = left + cw * static_cast<int>(c);
      std::string fill = "#dddddd", text = "NA", ink = "black";
      if (std::isfinite(v)) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 1.0;
        if (!higher_is_better) t = 1 - t;
        fill = sequential_colour(t);
        text = fmt::format("{:.{}f}", v, decimals);
        if (t > 0.6) ink = "white";
      }
      s.rect(x, y, cw, ch, fill, "white", 1.0);
      s.text(x + cw / 2, y + 14, text, 11, "middle", 0, false, ink);
    }
  }
  return s.str();
}

}  // namespace cikit::report
