#pragma once
/// \file convert.hpp
/// Optional external converters of the appendix: rsvg-convert (Debian librsvg2-bin) turns the
/// SVG figures into PDF for LaTeX (the DOCX is written natively: docx.hpp). Tools are run
/// without a shell (posix_spawnp); when a tool is not on PATH the caller says so and carries on.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cikit::report {

/// True if an executable named `tool` is on PATH.
[[nodiscard]] bool tool_on_path(const std::string& tool);

/// Runs `argv` (argv[0] looked up on PATH), waits, and returns its exit status (127 if it
/// could not be started). Standard output and error are discarded unless `quiet` is false;
/// `extra_env` ("NAME=value") is added to the inherited environment.
int run_tool(const std::vector<std::string>& argv, bool quiet = true, const std::vector<std::string>& extra_env = {});

/// True if UTF-8 text contains a CJK character (U+2E80–U+9FFF, U+F900–U+FAFF, U+FF00–U+FFEF).
[[nodiscard]] bool has_cjk(std::string_view utf8);
/// Whether fontconfig knows a font covering Chinese (`fc-list :lang=zh` lists one); nullopt when
/// fc-list is not on PATH (then nothing can be said).
[[nodiscard]] std::optional<bool> cjk_font_installed();
/// The PDF rendering of an SVG document by rsvg-convert, or nullopt when rsvg-convert is not
/// on PATH. @throws InvalidInput when the SVG has Chinese text and no CJK font is installed (the
/// figure would show boxes); InternalError if rsvg-convert runs but fails.
[[nodiscard]] std::optional<std::string> svg_to_pdf(const std::string& svg);


}  // namespace cikit::report
