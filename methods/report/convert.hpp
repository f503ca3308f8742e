#pragma once
/// \file convert.hpp
/// Figure conversion of the appendix: the SVG figures as PDF for LaTeX, rendered in-process by
/// librsvg + cairo (the libraries the DOCX's PNG figures use: docx.hpp), and the external tools
/// the appendix may run (fc-list). Tools are run without a shell (posix_spawnp).

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
/// fc-list is not on PATH (then nothing can be said). fc-list runs once per value of PATH in a
/// process; later calls return the remembered answer (thread-safe).
[[nodiscard]] std::optional<bool> cjk_font_installed();
/// The PDF rendering of an SVG document, in-process with librsvg and cairo, exactly as
/// `rsvg-convert -f pdf` renders it (one page of the SVG's size at 96 dpi, i.e. 0.75 pt per px;
/// /CreationDate fixed at 1970-01-01 as rsvg-convert writes it under SOURCE_DATE_EPOCH=0), so
/// the bytes are the same on every run and equal to rsvg-convert's (librsvg 2.54, cairo 1.16).
/// In-process because rsvg-convert cost ~0.15-0.3 s of process start per figure.
/// @throws InvalidInput when the SVG has Chinese text and no CJK font is installed (the figure
/// would show boxes) or librsvg cannot read it; InternalError if librsvg or cairo fails.
[[nodiscard]] std::string svg_to_pdf(const std::string& svg);


}  // namespace cikit::report
