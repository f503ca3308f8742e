// Native DOCX writer (methods/report/docx.hpp): the package is opened with libzip and its XML
// read with pugixml, independently of the writer's code: parts present, three-line rules,
// captions above the tables, notes below, figures as PNG + SVG, named styles, escaping,
// landscape sections for wide tables, identical bytes for identical documents.
#include <catch2/catch.hpp>
#include <zip.h>

#include <map>
#include <pugixml.hpp>
#include <string>

#include "methods/report/docx.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/notices.hpp"

using namespace cikit::report;
using cikit::Lang;

namespace {
const char* kSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\">"
    "<rect x=\"10\" y=\"10\" width=\"80\" height=\"50\" fill=\"#1f77b4\"/></svg>";

Document sample(Lang lang) {
  Document d;
  d.info.lang = lang;
  d.info.title = "Title <&> \"quoted\"\x01";
  d.info.reproducibility = {"cikit 0.1", "Seed: 1"};
  d.info.omitted = {"A9: no judgments"};
  Section s;
  s.lang = lang;
  s.number = 1;
  s.title = lang == Lang::Zh ? "信度" : "Reliability";
  d.blocks.emplace_back(s);
  Table t;
  t.id = "A3_reliability";
  t.number = "1-1";
  t.lang = lang;
  t.title = lang == Lang::Zh ? "信度检验" : "Reliability";
  t.groups = {{"", 1}, {"Group & <x>", 2}};
  t.header = {"Item", "alpha", "p"};
  t.rows.push_back({Cell::txt("a", 1), Cell::number(0.861, 3), Cell::pvalue(0.0001)});
  t.rows.push_back({Cell::txt("b"), Cell::number(0.7, 3), Cell::pvalue(0.2)});
  t.notes = {"n = 120"};
  d.blocks.emplace_back(t);
  Figure f;
  f.id = "F1_test";
  f.number = "1-1";
  f.title = "Scree";
  f.svg = kSvg;
  f.lang = lang;
  d.blocks.emplace_back(f);
  Table wide;
  wide.id = "A13_wide";
  wide.number = "1-2";
  wide.lang = lang;
  wide.title = "Wide";
  std::vector<Cell> row;
  for (int c = 0; c < 16; ++c) {
    wide.header.push_back("coefficient " + std::to_string(c));
    row.push_back(Cell::number(12345.678, 3));
  }
  wide.rows = {row};
  d.blocks.emplace_back(wide);
  return d;
}

/// Every entry of a ZIP archive held in memory, read with libzip.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  zip_error_t e;
  zip_error_init(&e);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &e);
  REQUIRE(src != nullptr);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &e);
  REQUIRE(z != nullptr);
  std::map<std::string, std::string> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(f != nullptr);
    std::string data(st.size, '\0');
    REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_close(z);
  return out;
}

std::string text_of(pugi::xml_node p) {
  std::string s;
  for (auto t : p.select_nodes(".//w:t")) s += t.node().text().get();
  return s;
}
}  // namespace

TEST_CASE("docx: SVG rendered to PNG by librsvg", "[report][docx]") {
  const RasterImage img = svg_to_png(kSvg, 2.0);
  CHECK(img.width_px == Approx(200));
  CHECK(img.height_px == Approx(100));
  REQUIRE(img.png.size() > 24);
  CHECK(img.png.substr(1, 3) == "PNG");
  const auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(img.png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(img.png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(img.png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(img.png[at + 3]));
  };
  CHECK(be32(16) == 400u);  // IHDR width: 2 x 200
  CHECK(be32(20) == 200u);
  CHECK(svg_to_png(kSvg, 2.0).png == img.png);  // deterministic
}

TEST_CASE("docx: package, three-line tables, captions, notes, figures, styles", "[report][docx]") {
  for (const Lang lang : {Lang::Zh, Lang::En}) {
    const Document d = sample(lang);
    const std::vector<RasterImage> pngs = {svg_to_png(kSvg)};
    const std::string bytes = render_docx(d, pngs);
    CHECK(render_docx(d, pngs) == bytes);  // identical documents, identical files
    const auto parts = unzip(bytes);
    for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                             "word/settings.xml", "word/_rels/document.xml.rels", "docProps/core.xml"})
      CHECK(parts.count(name) == 1);
    REQUIRE(parts.count("word/media/F1_test.png") == 1);
    CHECK(parts.at("word/media/F1_test.png") == pngs[0].png);
    CHECK(parts.at("word/media/F1_test.svg") == kSvg);

    pugi::xml_document doc;
    REQUIRE(doc.load_string(parts.at("word/document.xml").c_str()));
    const auto tables = doc.select_nodes("//w:tbl");
    REQUIRE(tables.size() == 2);
    for (const auto& xt : tables) {
      const pugi::xml_node tbl = xt.node();
      const pugi::xml_node b = tbl.child("w:tblPr").child("w:tblBorders");
      CHECK(std::string(tbl.child("w:tblPr").child("w:tblStyle").attribute("w:val").value()) == "ThreeLineTable");
      for (const char* side : {"w:top", "w:bottom"}) {
        CHECK(std::string(b.child(side).attribute("w:val").value()) == "single");
        CHECK(b.child(side).attribute("w:sz").as_int() == 12);  // 1.5 pt
      }
      for (const char* side : {"w:left", "w:right", "w:insideH", "w:insideV"})
        CHECK(std::string(b.child(side).attribute("w:val").value()) == "nil");
      // The last header row carries the 0.75 pt rule under every cell.
      const auto headers = tbl.select_nodes("w:tr[w:trPr/w:tblHeader]");
      REQUIRE(!headers.empty());
      for (auto tc : headers[headers.size() - 1].node().children("w:tc"))
        CHECK(tc.child("w:tcPr").child("w:tcBorders").child("w:bottom").attribute("w:sz").as_int() == 6);
      // Caption directly above the table.
      const pugi::xml_node cap = tbl.previous_sibling("w:p");
      CHECK(std::string(cap.child("w:pPr").child("w:pStyle").attribute("w:val").value()) == "TableCaption");
    }
    // No vertical rule anywhere: no left/right cell border, no inside vertical border drawn.
    CHECK(doc.select_nodes("//w:tcBorders/w:left | //w:tcBorders/w:right").empty());
    const pugi::xml_node first = tables[0].node();
    CHECK(text_of(first.previous_sibling("w:p")) == caption(std::get<Table>(d.blocks[1])));
    // The column group: spans two columns, labelled, with its 0.5 pt rule.
    const pugi::xml_node group = first.select_node("w:tr[1]/w:tc[2]").node();
    CHECK(group.child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int() == 2);
    CHECK(group.child("w:tcPr").child("w:tcBorders").child("w:bottom").attribute("w:sz").as_int() == 4);
    CHECK(text_of(group) == "Group & <x>");
    // Numbers right-aligned; the p-value star note and the table's note below it.
    CHECK(std::string(first.select_node("w:tr[3]/w:tc[2]/w:p/w:pPr/w:jc").node().attribute("w:val").value()) == "right");
    const pugi::xml_node note = first.next_sibling("w:p");
    CHECK(std::string(note.child("w:pPr").child("w:pStyle").attribute("w:val").value()) == "Note");
    CHECK(text_of(note) == msg("prefix.note", lang) + "n = 120");
    // The title escaped by the writer and read back as it was (the control character dropped).
    CHECK(text_of(doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='Title']").node()) == "Title <&> \"quoted\"");
    // The figure: a picture with the PNG and the SVG relationships; its caption (zh below, en above).
    const auto blip = doc.select_node("//a:blip").node();
    CHECK(std::string(blip.attribute("r:embed").value()) == "rIdPng1");
    CHECK(std::string(blip.select_node(".//asvg:svgBlip").node().attribute("r:embed").value()) == "rIdSvg1");
    const pugi::xml_node pic = blip.select_node("ancestor::w:p").node();
    const pugi::xml_node cap = lang == Lang::Zh ? pic.next_sibling("w:p") : pic.previous_sibling("w:p");
    CHECK(std::string(cap.child("w:pPr").child("w:pStyle").attribute("w:val").value()) == "FigureCaption");
    // The wide table in a landscape section; the document ends in portrait for the last list.
    CHECK(doc.select_nodes("//w:pgSz[@w:orient='landscape']").size() == 1);
    CHECK(doc.select_node("/w:document/w:body/w:sectPr/w:pgSz").node().attribute("w:w").as_int() == 11906);
    // Headings and lists.
    CHECK(text_of(doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='Heading1']").node()) ==
          heading(std::get<Section>(d.blocks[0])));
    CHECK(doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='ListLine']").size() == 3);

    pugi::xml_document styles;
    REQUIRE(styles.load_string(parts.at("word/styles.xml").c_str()));
    for (const char* id : {"Normal", "BodyText", "Title", "Heading1", "Heading2", "Caption", "TableCaption",
                           "FigureCaption", "TableText", "TableHeading", "Note", "Figure", "ListLine", "ThreeLineTable"})
      CHECK(styles.select_node(("//w:style[@w:styleId='" + std::string(id) + "']").c_str()));
    const auto fonts = styles.select_node("//w:docDefaults//w:rFonts").node();
    CHECK(std::string(fonts.attribute("w:ascii").value()) == "Times New Roman");
    CHECK(std::string(fonts.attribute("w:eastAsia").value()) == (lang == Lang::Zh ? "SimSun" : "Times New Roman"));
  }
}

TEST_CASE("docx: renderings must match the figures", "[report][docx]") {
  CHECK_THROWS(render_docx(sample(Lang::En), {}));
}

TEST_CASE("not included: reasons in the document's language", "[report][notices]") {
  const std::string constant = "correlation_matrix: x1 is constant (all 3) over its 10 available units";
  CHECK(localised_reason(constant, Lang::En) == constant);
  CHECK(localised_reason(constant, Lang::Zh) == "x1为常数（无变异）");
  CHECK(localised_reason("entropy: 1 complete unit(s); entropy needs at least 2 (k = 1/ln n)", Lang::Zh) ==
        "完整单位仅1个，不足以计算");
  CHECK(localised_reason("pca: 1 indicator(s); PCA weights need at least 2", Lang::Zh) == "指标仅1项，不足以计算");
  CHECK(localised_reason("combined: the Gram matrix of the weight vectors is singular", Lang::Zh) == "矩阵奇异，无法求解");
  CHECK(localised_reason("something unforeseen", Lang::Zh) == msg("reason.other", Lang::Zh));
}
