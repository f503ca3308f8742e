// SVG -> PNG for the DOCX figures, with librsvg and cairo (Debian librsvg2-dev).
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <fmt/format.h>
#include <memory>

#include "methods/core/error.hpp"
#include "methods/report/convert.hpp"
#include "methods/report/docx.hpp"

namespace cikit::report {

namespace {
cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}
}  // namespace

RasterImage svg_to_png(const std::string& svg, double scale) {
  if (has_cjk(svg) && cjk_font_installed() == false)
    throw InvalidInput(
        "figures: the figure text is Chinese but no CJK font is installed (`fc-list :lang=zh` finds none), so "
        "the DOCX figures would show empty boxes; install one (Debian: apt-get install fonts-noto-cjk, or run "
        "scripts/install-deps.sh) and run again");
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, void (*)(gpointer)> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error), g_object_unref);
  if (!handle) {
    const std::string why = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    throw InvalidInput(fmt::format("figures: librsvg cannot read a figure's SVG: {}", why));
  }
  rsvg_handle_set_dpi(handle.get(), 96.0);
  RasterImage out;
  gdouble w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h) || w <= 0 || h <= 0)
    throw InvalidInput("figures: a figure's SVG has no width and height");
  out.width_px = w;
  out.height_px = h;
  const int pw = static_cast<int>(std::ceil(w * scale)), ph = static_cast<int>(std::ceil(h * scale));
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph), cairo_surface_destroy);
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
  // A white page behind the drawing: a transparent PNG shows the viewer's background.
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  const RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
    const std::string why = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    throw InternalError(fmt::format("librsvg failed to draw a figure: {}", why));
  }
  cairo_surface_flush(surface.get());
  if (cairo_surface_write_to_png_stream(surface.get(), append_png, &out.png) != CAIRO_STATUS_SUCCESS)
    throw InternalError("cairo failed to encode a figure as PNG");
  return out;
}

}  // namespace cikit::report
