// Tests of the external converters' guards (methods/report/convert.hpp): CJK detection, and the
// loud failure instead of boxes when a figure has Chinese text but no CJK font is installed.
// Fake rsvg-convert and fc-list scripts on PATH stand in for the real tools.

#include "methods/report/convert.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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
    dir = fs::temp_directory_path() / ("cikit-convert-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    write("rsvg-convert", "#!/bin/sh\n# rsvg-convert -f pdf -o OUT IN\nprintf '%%PDF-fake' > \"$4\"\n");
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

const std::string kChineseSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>治理体系</text></svg>";
const std::string kLatinSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Governance système</text></svg>";

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
    const auto pdf = cikit::report::svg_to_pdf(kLatinSvg);
    REQUIRE(pdf.has_value());
    CHECK(*pdf == "%PDF-fake");
  }
  SECTION("a CJK font: converted") {
    FakeTools tools("Noto Sans CJK SC\\n");
    CHECK(cikit::report::cjk_font_installed() == true);
    const auto pdf = cikit::report::svg_to_pdf(kChineseSvg);
    REQUIRE(pdf.has_value());
    CHECK(*pdf == "%PDF-fake");
  }
}
