#pragma once
/// \file docx_parts.hpp
/// Internal to the DOCX writer (docx.hpp): the XML parts, each built with pugixml.

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "methods/report/docx.hpp"

namespace cikit::report::detail {

/// Page geometry (twentieths of a point): A4, 2 cm margins.
inline constexpr int kPageShort = 11906, kPageLong = 16838, kMargin = 1134;
inline constexpr int kTextWidthPortrait = kPageShort - 2 * kMargin;   // 9638
inline constexpr int kTextWidthLandscape = kPageLong - 2 * kMargin;   // 14570

/// Rules of the three-line table, in eighths of a point (w:sz).
inline constexpr int kOuterRule = 12;   ///< 1.5 pt: top and bottom of the table
inline constexpr int kHeaderRule = 6;   ///< 0.75 pt: under the header
inline constexpr int kGroupRule = 4;    ///< 0.5 pt: under a labelled column group

/// Text without the characters XML 1.0 forbids (C0 controls other than tab, line feed and
/// carriage return), which no renderer could have meant to print.
[[nodiscard]] std::string xml_clean(const std::string& s);

/// A part serialised with its XML declaration (standalone="yes"), without indentation.
[[nodiscard]] std::string xml_string(const pugi::xml_document& d);

/// A top, bottom, ... border element: `eighths` of a point, single black line; 0 = none (nil).
void border(pugi::xml_node parent, const char* side, int eighths);

/// word/document.xml. Figure k uses relationships "rIdPng<k>" and "rIdSvg<k>" (1-based).
[[nodiscard]] std::string document_xml(const Document& doc, const std::vector<RasterImage>& pngs);
/// word/styles.xml: the named styles of the document, fonts by language.
[[nodiscard]] std::string styles_xml(Lang lang);

}  // namespace cikit::report::detail
