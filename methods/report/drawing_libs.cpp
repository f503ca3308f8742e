// librsvg and cairo loaded at the first figure drawn (detail/drawing_libs.hpp).
#include "methods/report/detail/drawing_libs.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <variant>

#include "methods/core/error.hpp"

namespace cikit::report::detail {

namespace {

/// The Debian package that holds a library, for the error message.
std::string package_of(const std::string& library) {
  if (library.find("rsvg") != std::string::npos) return "librsvg2-2";
  if (library.find("cairo") != std::string::npos) return "libcairo2";
  return "librsvg2-2 libcairo2";
}

void* open_library(const std::string& library) {
  dlerror();  // clear a stale message
  void* h = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (h == nullptr) {
    const char* why = dlerror();
    throw InvalidInput(fmt::format(
        "figures: cannot load the drawing library {} ({}); the SVG figures are rendered to PNG/PDF with it: "
        "install it (Debian: apt-get install {}, or run scripts/install-deps.sh) and run again / "
        "图表：无法加载绘图库 {}（{}）；SVG 图表需用它渲染为 PNG/PDF：请安装（Debian：apt-get install {}，或运行 "
        "scripts/install-deps.sh）后重试",
        library, why != nullptr ? why : "unknown error", package_of(library), library,
        why != nullptr ? why : "unknown error", package_of(library)));
  }
  return h;
}

/// Resolves `name` in `handle` (and the objects it depends on) into `fn`.
template <class F>
void resolve(void* handle, const std::string& library, const char* name, F& fn) {
  dlerror();
  void* p = dlsym(handle, name);
  if (p == nullptr)
    throw InvalidInput(fmt::format(
        "figures: the drawing library {} has no function {} (a version older than librsvg 2.52 / cairo 1.16?): "
        "install Debian 12's {} and run again / 图表：绘图库 {} 缺少函数 {}（版本过旧？）：请安装 Debian 12 的 {} 后重试",
        library, name, package_of(library), library, name, package_of(library)));
  // POSIX guarantees that a data pointer from dlsym converts to a function pointer.
  fn = reinterpret_cast<F>(p);
}

}  // namespace

DrawingLibs load_drawing_libs(const std::string& rsvg_library, const std::string& cairo_library) {
  void* rsvg = open_library(rsvg_library);
  void* cairo = open_library(cairo_library);
  DrawingLibs d;
  resolve(rsvg, rsvg_library, "rsvg_handle_new_from_data", d.rsvg_handle_new_from_data);
  resolve(rsvg, rsvg_library, "rsvg_handle_set_dpi", d.rsvg_handle_set_dpi);
  resolve(rsvg, rsvg_library, "rsvg_handle_get_intrinsic_size_in_pixels", d.rsvg_handle_get_intrinsic_size_in_pixels);
  resolve(rsvg, rsvg_library, "rsvg_handle_render_document", d.rsvg_handle_render_document);
  // GObject and GLib: dependencies of librsvg, found through its handle (dlsym searches them).
  resolve(rsvg, rsvg_library, "g_object_unref", d.g_object_unref);
  resolve(rsvg, rsvg_library, "g_error_free", d.g_error_free);
  resolve(cairo, cairo_library, "cairo_pdf_surface_create_for_stream", d.cairo_pdf_surface_create_for_stream);
  resolve(cairo, cairo_library, "cairo_pdf_surface_set_metadata", d.cairo_pdf_surface_set_metadata);
  resolve(cairo, cairo_library, "cairo_image_surface_create", d.cairo_image_surface_create);
  resolve(cairo, cairo_library, "cairo_surface_destroy", d.cairo_surface_destroy);
  resolve(cairo, cairo_library, "cairo_surface_finish", d.cairo_surface_finish);
  resolve(cairo, cairo_library, "cairo_surface_flush", d.cairo_surface_flush);
  resolve(cairo, cairo_library, "cairo_surface_status", d.cairo_surface_status);
  resolve(cairo, cairo_library, "cairo_surface_write_to_png_stream", d.cairo_surface_write_to_png_stream);
  resolve(cairo, cairo_library, "cairo_status_to_string", d.cairo_status_to_string);
  resolve(cairo, cairo_library, "cairo_create", d.cairo_create);
  resolve(cairo, cairo_library, "cairo_destroy", d.cairo_destroy);
  resolve(cairo, cairo_library, "cairo_scale", d.cairo_scale);
  resolve(cairo, cairo_library, "cairo_set_source_rgb", d.cairo_set_source_rgb);
  resolve(cairo, cairo_library, "cairo_paint", d.cairo_paint);
  return d;
}

const DrawingLibs& drawing_libs() {
  // A function-local static: initialised once, thread-safe (C++11), also when the figures
  // of an appendix are rendered in parallel.
  static const std::variant<DrawingLibs, std::string> loaded = []() -> std::variant<DrawingLibs, std::string> {
    try {
      return load_drawing_libs(kRsvgLibrary, kCairoLibrary);
    } catch (const InvalidInput& e) {
      return std::string(e.what());
    }
  }();
  if (const auto* why = std::get_if<std::string>(&loaded)) throw InvalidInput(*why);
  return std::get<DrawingLibs>(loaded);
}

}  // namespace cikit::report::detail
