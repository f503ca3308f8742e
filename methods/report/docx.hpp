#pragma once
/// \file docx.hpp
/// Native Word (DOCX, ECMA-376 / ISO/IEC 29500 WordprocessingML) writer of the appendix: no
/// pandoc and no office suite at run time. The package is written with libzip, every XML part
/// with pugixml (text is escaped by the writer, never concatenated into markup).
///
/// Layout: real Word tables in the three-line style of Chinese journals and theses (三线表):
/// top and bottom rules 1.5 pt, the rule under the header 0.75 pt, a 0.5 pt rule under each
/// labelled column group, no vertical rules; the caption ("表3-1 …" / "Table 3-1. …") above
/// the table, notes and source below it; header rows repeat on every page; wide tables get a
/// landscape section. Figures are embedded as PNG rendered from their SVG by librsvg + cairo
/// (Debian librsvg2-dev), with the SVG itself embedded as the Office 2016+ SVG extension of the
/// picture (Word shows the vector drawing, older readers the PNG). Fonts: 宋体 (SimSun) for
/// Chinese text and Times New Roman for Latin text (zh), Times New Roman (en). Every paragraph
/// and the tables use named styles in styles.xml ("Table Caption", "Table Text", "Table Note",
/// "Three-Line Table", ...), so that a user restyles the whole document by editing a style.

#include <string>
#include <vector>

#include "methods/report/render.hpp"

namespace cikit::report {

/// A raster rendering of an SVG figure.
struct RasterImage {
  std::string png;        ///< the PNG file's bytes
  double width_px = 0;    ///< the SVG's intrinsic size in CSS pixels (96 per inch)
  double height_px = 0;
};

/// Renders an SVG document to PNG with librsvg and cairo at `scale` times its intrinsic size
/// (2 = 192 dpi). Deterministic: identical SVG gives identical bytes.
/// @throws InvalidInput when the SVG has Chinese text and no CJK font is installed (the figure
///         would show boxes) or librsvg cannot parse it; InternalError if cairo fails.
[[nodiscard]] RasterImage svg_to_png(const std::string& svg, double scale = 2.0);

/// The whole document as a DOCX package (bytes of the .docx file). `pngs` holds one rendering
/// per figure of doc.figures(), in order (svg_to_png()). Entries carry a fixed time stamp, so
/// identical documents give identical files.
/// @throws InternalError if pngs does not match the figures or libzip fails.
[[nodiscard]] std::string render_docx(const Document& doc, const std::vector<RasterImage>& pngs);

}  // namespace cikit::report
