// SVG -> PNG for the DOCX figures and SVG -> PDF for the LaTeX figures, with librsvg and cairo
// (Debian librsvg2-dev libcairo2-dev), loaded at the first figure (detail/drawing_libs.hpp): every
// call goes through the function table of drawing_libs().

#include <cmath>
#include <fmt/format.h>
#include <memory>

#include "methods/core/error.hpp"
#include "methods/report/convert.hpp"
#include "methods/report/detail/drawing_libs.hpp"
#include "methods/report/docx.hpp"

namespace cikit::report {

namespace {
cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

using Handle = std::unique_ptr<RsvgHandle, void (*)(gpointer)>;
using Surface = std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)>;
using Context = std::unique_ptr<cairo_t, void (*)(cairo_t*)>;

/// The SVG parsed by librsvg at 96 dpi, with its size in pixels.
/// @throws InvalidInput if librsvg cannot read it or it has no size.
Handle parsed_svg(const detail::DrawingLibs& lib, const std::string& svg, gdouble& w, gdouble& h) {
  GError* error = nullptr;
  Handle handle(lib.rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error),
                lib.g_object_unref);
  if (!handle) {
    const std::string why = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) lib.g_error_free(error);
    throw InvalidInput(fmt::format("figures: librsvg cannot read a figure's SVG: {}", why));
  }
  lib.rsvg_handle_set_dpi(handle.get(), 96.0);
  if (!lib.rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h) || w <= 0 || h <= 0)
    throw InvalidInput("figures: a figure's SVG has no width and height");
  return handle;
}

/// Draws the SVG onto `cr` filling the viewport (0, 0, w, h) in the context's user units.
void draw(const detail::DrawingLibs& lib, RsvgHandle* handle, cairo_t* cr, double w, double h) {
  GError* error = nullptr;
  const RsvgRectangle viewport{0, 0, w, h};
  if (!lib.rsvg_handle_render_document(handle, cr, &viewport, &error)) {
    const std::string why = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) lib.g_error_free(error);
    throw InternalError(fmt::format("librsvg failed to draw a figure: {}", why));
  }
}

/// Pixels (96 dpi) to PostScript points (72 per inch), as rsvg-convert sizes a PDF page.
constexpr double kPointsPerPixel = 72.0 / 96.0;
}  // namespace

std::string svg_to_pdf(const std::string& svg) {
  if (has_cjk(svg) && cjk_font_installed() == false)
    throw InvalidInput(
        "figures: the figure text is Chinese but no CJK font is installed (`fc-list :lang=zh` finds none), so "
        "the PDF figures would show empty boxes; install one (Debian: apt-get install fonts-noto-cjk, or run "
        "scripts/install-deps.sh) and run again");
  const detail::DrawingLibs& lib = detail::drawing_libs();
  gdouble w = 0, h = 0;
  const Handle handle = parsed_svg(lib, svg, w, h);
  std::string out;
  Surface surface(lib.cairo_pdf_surface_create_for_stream(append_bytes, &out, w * kPointsPerPixel, h * kPointsPerPixel),
                  lib.cairo_surface_destroy);
  // rsvg-convert's date under SOURCE_DATE_EPOCH=0, in the form cairo writes as (19700101000000+00'00).
  lib.cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "1970-01-01T00:00:00+00:00");
  {
    Context cr(lib.cairo_create(surface.get()), lib.cairo_destroy);
    lib.cairo_scale(cr.get(), kPointsPerPixel, kPointsPerPixel);
    draw(lib, handle.get(), cr.get(), w, h);
  }
  lib.cairo_surface_finish(surface.get());
  if (lib.cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw InternalError(fmt::format("cairo failed to write a figure as PDF: {}",
                                    lib.cairo_status_to_string(lib.cairo_surface_status(surface.get()))));
  return out;
}

RasterImage svg_to_png(const std::string& svg, double scale) {
  if (has_cjk(svg) && cjk_font_installed() == false)
    throw InvalidInput(
        "figures: the figure text is Chinese but no CJK font is installed (`fc-list :lang=zh` finds none), so "
        "the DOCX figures would show empty boxes; install one (Debian: apt-get install fonts-noto-cjk, or run "
        "scripts/install-deps.sh) and run again");
  const detail::DrawingLibs& lib = detail::drawing_libs();
  gdouble w = 0, h = 0;
  const Handle handle = parsed_svg(lib, svg, w, h);
  RasterImage out;
  out.width_px = w;
  out.height_px = h;
  const int pw = static_cast<int>(std::ceil(w * scale)), ph = static_cast<int>(std::ceil(h * scale));
  Surface surface(lib.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph), lib.cairo_surface_destroy);
  Context cr(lib.cairo_create(surface.get()), lib.cairo_destroy);
  // A white page behind the drawing: a transparent PNG shows the viewer's background.
  lib.cairo_set_source_rgb(cr.get(), 1, 1, 1);
  lib.cairo_paint(cr.get());
  draw(lib, handle.get(), cr.get(), static_cast<double>(pw), static_cast<double>(ph));
  lib.cairo_surface_flush(surface.get());
  if (lib.cairo_surface_write_to_png_stream(surface.get(), append_bytes, &out.png) != CAIRO_STATUS_SUCCESS)
    throw InternalError("cairo failed to encode a figure as PNG");
  return out;
}

}  // namespace cikit::report
