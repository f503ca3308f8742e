// Tests of the figure conversion (methods/report/convert.hpp): CJK detection, the loud failure
// instead of boxes when a figure has Chinese text but no CJK font is installed (a fake fc-list
// on PATH stands in for the real one), and the in-process PDF rendering against rsvg-convert.

#include "methods/report/convert.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "methods/core/error.hpp"

using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

/// PATH = a private folder with the given scripts, then /usr/bin:/bin; restored on destruction.
struct FakeTools {
  fs::path dir;
  std::string old_path;
  explicit FakeTools(const std::string& fc_list_output) {
    // A new folder (so a new PATH) each time: cjk_font_installed() remembers its answer per PATH.
    static int instance = 0;
    dir = fs::temp_directory_path() /
          ("cikit-convert-test-" + std::to_string(::getpid()) + "-" + std::to_string(++instance));
    fs::create_directories(dir);
    write("fc-list", "#!/bin/sh\nprintf '" + fc_list_output + "'\n");
    const char* p = std::getenv("PATH");
    old_path = p != nullptr ? p : "";
    ::setenv("PATH", (dir.string() + ":/usr/bin:/bin").c_str(), 1);
  }
  ~FakeTools() {
    ::setenv("PATH", old_path.c_str(), 1);
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    fs::permissions(dir / name, fs::perms::owner_all);
  }
};

const std::string kChineseSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\"><text y=\"20\">治理体系</text></svg>";
const std::string kLatinSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\"><text y=\"20\">Governance système</text></svg>";

}  // namespace

TEST_CASE("has_cjk: Chinese characters and full-width forms, not Latin accents", "[report][convert]") {
  CHECK(cikit::report::has_cjk("治"));
  CHECK(cikit::report::has_cjk("abc（"));  // full-width parenthesis U+FF08
  CHECK_FALSE(cikit::report::has_cjk("Governance système – 95% CI"));
  CHECK_FALSE(cikit::report::has_cjk(""));
}

TEST_CASE("svg_to_pdf: Chinese figure text without a CJK font fails loudly", "[report][convert][error]") {
  SECTION("no CJK font: an error naming the package, no PDF with boxes") {
    FakeTools tools("");
    CHECK(cikit::report::cjk_font_installed() == false);
    CHECK_THROWS_AS(cikit::report::svg_to_pdf(kChineseSvg), cikit::InvalidInput);
    CHECK_THROWS_WITH(cikit::report::svg_to_pdf(kChineseSvg), Contains("no CJK font") && Contains("fonts-noto-cjk"));
    // Latin-only figures need no CJK font.
    const std::string pdf = cikit::report::svg_to_pdf(kLatinSvg);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
  }
  SECTION("a CJK font: converted") {
    FakeTools tools("Noto Sans CJK SC\\n");
    CHECK(cikit::report::cjk_font_installed() == true);
    const std::string pdf = cikit::report::svg_to_pdf(kChineseSvg);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
  }
}

namespace {
const std::string kFigure =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640.00\" height=\"380.00\" viewBox=\"0 0 640 380\">"
    "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    "<line x1=\"58\" y1=\"294\" x2=\"624\" y2=\"294\" stroke=\"#e5e5e5\" stroke-width=\"0.8\"/>"
    "<circle cx=\"120\" cy=\"100\" r=\"30\" fill=\"#1f77b4\"/></svg>";
}  // namespace

TEST_CASE("svg_to_pdf: one page of the SVG's size in points, the same bytes on every run", "[report][convert]") {
  const std::string a = cikit::report::svg_to_pdf(kFigure);
  REQUIRE(a.rfind("%PDF-", 0) == 0);
  CHECK(a == cikit::report::svg_to_pdf(kFigure));
  // 640 x 380 px at 96 dpi = 480 x 285 pt, as rsvg-convert sizes the page.
  CHECK(a.find("/MediaBox [ 0 0 480 285 ]") != std::string::npos);
  CHECK(a.find("/CreationDate (19700101000000+00'00)") != std::string::npos);
}

TEST_CASE("svg_to_pdf: byte-identical to rsvg-convert -f pdf (SOURCE_DATE_EPOCH=0)", "[report][convert][reference]") {
  // The independent implementation is the rsvg-convert tool (Debian librsvg2-bin) on the same
  // librsvg and cairo; without it the comparison cannot be made here.
  if (!cikit::report::tool_on_path("rsvg-convert")) {
    WARN("rsvg-convert not on PATH: comparison skipped");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("cikit-convert-ref-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "in.svg") << kFigure;
  REQUIRE(cikit::report::run_tool({"rsvg-convert", "-f", "pdf", "-o", (dir / "out.pdf").string(),
                                   (dir / "in.svg").string()},
                                  true, {"SOURCE_DATE_EPOCH=0"}) == 0);
  std::ifstream in(dir / "out.pdf", std::ios::binary);
  const std::string ref((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::error_code ec;
  fs::remove_all(dir, ec);
  CHECK(cikit::report::svg_to_pdf(kFigure) == ref);
}
