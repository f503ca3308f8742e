#include "methods/study/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/core/text.hpp"

namespace cikit {


std::string svg_heatmap(const std::string& title, const std::vector<std::string>& rows,
                        const std::vector<std::string>& cols, const Eigen::MatrixXd& values, int decimals,
                        bool higher_is_better) {
  if (values.rows() != static_cast<Eigen::Index>(rows.size()) || values.cols() != static_cast<Eigen::Index>(cols.size()))
    throw InternalError("svg_heatmap: labels and values disagree");
  double lo = INFINITY, hi = -INFINITY;
  for (Eigen::Index i = 0; i < values.size(); ++i)
    if (std::isfinite(values(i))) lo = std::min(lo, values(i)), hi = std::max(hi, values(i));
  std::size_t label_chars = 4;
  for (const auto& r : rows) label_chars = std::max(label_chars, r.size());
  const int cw = 78, ch = 20, top = 62;
  const int left = 10 + 7 * static_cast<int>(label_chars);
  const int width = left + cw * static_cast<int>(cols.size()) + 10;
  const int height = top + ch * static_cast<int>(rows.size()) + 10;
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"monospace\" font-size=\"11\">\n<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n"
      "<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{2}</text>\n"
      "<text x=\"10\" y=\"34\" fill=\"#555\">darker = better; range {3:.{5}f} to {4:.{5}f}</text>\n",
      width, height, xml_escape(title), lo, hi, decimals);
  for (std::size_t c = 0; c < cols.size(); ++c)
    s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", left + cw * static_cast<int>(c) + cw / 2,
                     top - 8, xml_escape(cols[c].size() > 12 ? cols[c].substr(0, 12) : cols[c]));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const int y = top + ch * static_cast<int>(r);
    s += fmt::format("<text x=\"10\" y=\"{}\">{}</text>\n", y + 14, xml_escape(rows[r]));
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const double v = values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
      const int x = left + cw * static_cast<int>(c);
      std::string fill = "#dddddd", text = "NA", ink = "black";
      if (std::isfinite(v)) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 1.0;
        if (!higher_is_better) t = 1 - t;
        const auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
        fill = fmt::format("#{:02x}{:02x}{:02x}", mix(255, 8), mix(255, 69), mix(255, 148));
        text = fmt::format("{:.{}f}", v, decimals);
        if (t > 0.6) ink = "white";
      }
      s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"white\"/>"
                       "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                       x, y, cw, ch, fill, x + cw / 2, y + 14, ink, text);
    }
  }
  s += "</svg>\n";
  return s;
}

}  // namespace cikit
