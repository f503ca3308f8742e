#pragma once
/// \file svg.hpp
/// The one SVG writer of cikit and its charts: the appendix's (scree plot with parallel
/// analysis, correlation heatmap, weights by method, rank intervals) and a heat map of a table
/// of values (the method study's figures). Charts take plain typed inputs and return one
/// self-contained <svg> element (no scripts, no external references), so the same string is
/// inlined in HTML, written as a .svg file and converted to PDF for LaTeX. Coordinates are
/// printed with two decimals: the output is byte-identical for identical inputs.

#include <Eigen/Core>
#include <string>
#include <utility>
#include <vector>

#include "methods/core/tree.hpp"

namespace cikit::report {

/// The default font stack of every chart: CJK-capable sans-serif fonts first.
inline constexpr const char* kSansSerifFonts = "'Noto Sans CJK SC','Source Han Sans SC','Noto Sans',Arial,sans-serif";

/// An SVG canvas of fixed size (user units = px). Colours are CSS strings ("#1f77b4").
class Svg {
 public:
  /// `font_family`: the CSS font-family of the whole canvas (e.g. "monospace" for charts that
  /// lay out text by character count).
  Svg(double width, double height, std::string font_family = kSansSerifFonts);
  void rect(double x, double y, double w, double h, const std::string& fill, const std::string& stroke = "none",
            double stroke_width = 0.0);
  void line(double x1, double y1, double x2, double y2, const std::string& stroke, double width = 1.0,
            const std::string& dash = "");
  void polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke, double width = 1.5,
                const std::string& dash = "");
  void circle(double cx, double cy, double r, const std::string& fill, const std::string& stroke = "none");
  /// Text at (x, y) (baseline); anchor "start" | "middle" | "end"; rotate in degrees about (x, y);
  /// fill: a CSS colour, or empty for the default (black).
  void text(double x, double y, const std::string& s, double size = 11.0, const std::string& anchor = "start",
            double rotate = 0.0, bool bold = false, const std::string& fill = "");
  /// The complete <svg> element (xmlns, viewBox, default font).
  [[nodiscard]] std::string str() const;
  [[nodiscard]] double width() const { return width_; }
  [[nodiscard]] double height() const { return height_; }

 private:
  double width_, height_;
  std::string font_family_;
  std::string body_;
};

/// "Nice" axis ticks k·step from the last one <= lo to the first one >= hi (about `target`
/// intervals; step 1, 2, 2.5, 5 or 10 × 10^j).
[[nodiscard]] std::vector<double> nice_ticks(double lo, double hi, int target = 5);

/// Scree plot: observed eigenvalues (line with dots), the parallel-analysis random-data
/// quantile (dashed) and the Kaiser line at 1 (dotted); `labels` are the legend texts
/// {observed, random, kaiser} and `axes` {x title, y title}.
[[nodiscard]] std::string scree_svg(const Eigen::VectorXd& observed, const Eigen::VectorXd& random_quantile,
                                    const std::vector<std::string>& labels, const std::vector<std::string>& axes);

/// Heatmap of a correlation matrix (p × p, values in [−1, 1]) in the given order, with the
/// groups (consecutive blocks of `group_sizes`, summing to p) boxed and labelled.
/// @throws InvalidInput if r is not square or the group sizes do not add up to p.
[[nodiscard]] std::string heatmap_svg(const Eigen::MatrixXd& r, const std::vector<std::string>& group_labels,
                                      const std::vector<int>& group_sizes);

/// Weights of one method, one value per indicator (fractions, summing to 1 or not).
struct WeightSeries {
  std::string method;          ///< legend text
  std::vector<double> weights; ///< one per indicator, in `indicators` order
};

/// Grouped bar chart: one group per indicator, one bar per method (weights shown in %).
/// @throws InvalidInput if a series has a different length from `indicators` or there are none.
[[nodiscard]] std::string weights_svg(const std::vector<std::string>& indicators, const std::vector<WeightSeries>& series,
                                      const std::string& y_title);

/// One unit's rank summary from an uncertainty analysis.
struct RankInterval {
  std::string unit;
  double nominal = 0.0;  ///< rank under the nominal (reference) configuration
  double median = 0.0;   ///< median rank over the runs
  double lo = 0.0;       ///< e.g. 5th percentile
  double hi = 0.0;       ///< e.g. 95th percentile
};

/// JRC-style dot-and-whisker chart: one row per unit sorted by median rank (ties by nominal
/// rank, then name), whisker lo–hi, dot = median, hollow diamond = nominal rank.
/// `labels` = {x title, nominal, median, interval}. The rank axis runs from 1 to `rank_max`
/// (panels of one set of units share it), or to the largest rank shown when it is 0.
/// @throws InvalidInput if `units` is empty.
[[nodiscard]] std::string rank_intervals_svg(std::vector<RankInterval> units, const std::vector<std::string>& labels,
                                             double rank_max = 0.0);

/// Heat map of a table of values: one row per row label, one column per column label, each cell
/// coloured by sequential_colour() between the finite minimum and maximum of `values` (reversed
/// when higher_is_better is false, so darker always means "better"; every cell darkest when all
/// finite values are equal) and labelled with the value at `decimals`; NaN cells are grey and
/// labelled "NA". Under the title a line (catalogue "fig.table_heatmap.legend" in `lang`) says
/// so and gives the range. Monospace text, laid out by character count: cells 78 × 20 px, row
/// labels 7 px per byte, column labels cut to their first 12 bytes.
/// @throws InvalidInput if `values` is not rows.size() × cols.size().
[[nodiscard]] std::string table_heatmap_svg(const std::string& title, const std::vector<std::string>& rows,
                                            const std::vector<std::string>& cols, const Eigen::MatrixXd& values,
                                            int decimals, bool higher_is_better, Lang lang = Lang::En);

/// The colour of a correlation r ∈ [−1, 1] on a blue–white–red scale ("#rrggbb").
[[nodiscard]] std::string diverging_colour(double r);

/// The colour of t ∈ [0, 1] on a white–blue scale ("#rrggbb"): white at 0, #084594 at 1, linear
/// in RGB (t is clamped to [0, 1]; NaN gives the grey "#dddddd").
[[nodiscard]] std::string sequential_colour(double t);

}  // namespace cikit::report
