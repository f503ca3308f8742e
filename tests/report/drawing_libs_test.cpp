// Tests of methods/report/detail/drawing_libs (librsvg and cairo loaded at the first figure):
// a library that cannot be loaded gives a clear, bilingual error naming it and its Debian
// package; the real ones resolve every function, once per process.

#include "methods/report/detail/drawing_libs.hpp"

#include <catch2/catch.hpp>

#include "methods/core/error.hpp"

using Catch::Matchers::Contains;
using cikit::report::detail::load_drawing_libs;

TEST_CASE("load_drawing_libs: a missing library names itself and its package, in English and Chinese",
          "[report][drawing_libs][error]") {
  CHECK_THROWS_AS(load_drawing_libs("librsvg-2-does-not-exist.so.2", "libcairo.so.2"), cikit::InvalidInput);
  CHECK_THROWS_WITH(load_drawing_libs("librsvg-2-does-not-exist.so.2", "libcairo.so.2"),
                    Contains("cannot load the drawing library librsvg-2-does-not-exist.so.2") &&
                        Contains("apt-get install librsvg2-2") && Contains("无法加载绘图库"));
  CHECK_THROWS_WITH(load_drawing_libs(cikit::report::detail::kRsvgLibrary, "libcairo-does-not-exist.so.2"),
                    Contains("libcairo-does-not-exist.so.2") && Contains("apt-get install libcairo2"));
}

TEST_CASE("load_drawing_libs: a library without the functions is refused by name", "[report][drawing_libs][error]") {
  // libm loads, but has no rsvg_handle_new_from_data.
  CHECK_THROWS_WITH(load_drawing_libs("libm.so.6", "libcairo.so.2"),
                    Contains("libm.so.6 has no function rsvg_handle_new_from_data") && Contains("缺少函数"));
}

TEST_CASE("drawing_libs: Debian's librsvg and cairo resolve every function, once per process",
          "[report][drawing_libs][property]") {
  const auto& a = cikit::report::detail::drawing_libs();
  const auto& b = cikit::report::detail::drawing_libs();
  CHECK(&a == &b);
  CHECK(a.rsvg_handle_new_from_data != nullptr);
  CHECK(a.g_object_unref != nullptr);
  CHECK(a.g_error_free != nullptr);
  CHECK(a.cairo_surface_write_to_png_stream != nullptr);
  CHECK(a.cairo_paint != nullptr);
  CHECK(std::string(a.cairo_status_to_string(CAIRO_STATUS_SUCCESS)) == "no error has occurred");
}
