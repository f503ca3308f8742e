#pragma once
/// \file drawing_libs.hpp
/// Internal to the figure renderers (docx_png.cpp): librsvg and cairo loaded at run time, at the
/// first figure a command draws, instead of being linked into every program. Linked, they and
/// their dependencies (glib, pango, harfbuzz, fontconfig, ICU, X11 ...; ~50 shared objects)
/// were mapped and relocated at every start of `cikit`, also by the commands that never draw
/// (benchmarks/RESULTS.md, session 10). The headers are used for the types only, so every
/// function pointer below has exactly the type of the library function it stands for.

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <string>

namespace cikit::report::detail {

/// The shared objects loaded (Debian 12: librsvg2-2, libcairo2).
inline constexpr const char* kRsvgLibrary = "librsvg-2.so.2";
inline constexpr const char* kCairoLibrary = "libcairo.so.2";

/// The functions of librsvg, GLib/GObject (resolved through librsvg's dependencies) and cairo
/// that the renderers call.
struct DrawingLibs {
  decltype(&::rsvg_handle_new_from_data) rsvg_handle_new_from_data = nullptr;
  decltype(&::rsvg_handle_set_dpi) rsvg_handle_set_dpi = nullptr;
  decltype(&::rsvg_handle_get_intrinsic_size_in_pixels) rsvg_handle_get_intrinsic_size_in_pixels = nullptr;
  decltype(&::rsvg_handle_render_document) rsvg_handle_render_document = nullptr;
  decltype(&::g_object_unref) g_object_unref = nullptr;
  decltype(&::g_error_free) g_error_free = nullptr;
  decltype(&::cairo_pdf_surface_create_for_stream) cairo_pdf_surface_create_for_stream = nullptr;
  decltype(&::cairo_pdf_surface_set_metadata) cairo_pdf_surface_set_metadata = nullptr;
  decltype(&::cairo_image_surface_create) cairo_image_surface_create = nullptr;
  decltype(&::cairo_surface_destroy) cairo_surface_destroy = nullptr;
  decltype(&::cairo_surface_finish) cairo_surface_finish = nullptr;
  decltype(&::cairo_surface_flush) cairo_surface_flush = nullptr;
  decltype(&::cairo_surface_status) cairo_surface_status = nullptr;
  decltype(&::cairo_surface_write_to_png_stream) cairo_surface_write_to_png_stream = nullptr;
  decltype(&::cairo_status_to_string) cairo_status_to_string = nullptr;
  decltype(&::cairo_create) cairo_create = nullptr;
  decltype(&::cairo_destroy) cairo_destroy = nullptr;
  decltype(&::cairo_scale) cairo_scale = nullptr;
  decltype(&::cairo_set_source_rgb) cairo_set_source_rgb = nullptr;
  decltype(&::cairo_paint) cairo_paint = nullptr;
};

/// Loads `rsvg_library` and `cairo_library` (dlopen, RTLD_NOW | RTLD_LOCAL; never unloaded)
/// and resolves every function of DrawingLibs.
/// @throws InvalidInput naming the library (or the missing function) and the Debian package to
///         install, in English and Chinese, when a library cannot be loaded or lacks a function.
[[nodiscard]] DrawingLibs load_drawing_libs(const std::string& rsvg_library, const std::string& cairo_library);

/// load_drawing_libs(kRsvgLibrary, kCairoLibrary) once per process (thread-safe; the figures
/// are rendered in parallel); a failure is remembered and thrown again at every call.
/// @throws InvalidInput as load_drawing_libs.
[[nodiscard]] const DrawingLibs& drawing_libs();

}  // namespace cikit::report::detail
