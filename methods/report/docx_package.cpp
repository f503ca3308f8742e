// The DOCX package (docx.hpp): styles.xml, the relationship and content-type parts, and the
// ZIP container written by libzip in memory.
#include <zip.h>

#include <fmt/format.h>

#include <memory>
#include <utility>

#include "methods/core/error.hpp"
#include "methods/core/text.hpp"
#include "methods/report/detail/docx_parts.hpp"

namespace cikit::report {

namespace detail {

namespace {
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

void val(pugi::xml_node parent, const char* name, const char* v) { parent.append_child(name).append_attribute("w:val") = v; }
void val(pugi::xml_node parent, const char* name, int v) { parent.append_child(name).append_attribute("w:val") = v; }

void fonts(pugi::xml_node rpr, Lang lang) {
  auto f = rpr.append_child("w:rFonts");
  f.append_attribute("w:ascii") = "Times New Roman";
  f.append_attribute("w:hAnsi") = "Times New Roman";
  f.append_attribute("w:eastAsia") = lang == Lang::Zh ? "SimSun" : "Times New Roman";
  f.append_attribute("w:cs") = "Times New Roman";
}

/// Font size in half points (w:sz and w:szCs).
void size(pugi::xml_node rpr, int half_points) {
  val(rpr, "w:sz", half_points);
  val(rpr, "w:szCs", half_points);
}

/// Line spacing: `before` and `after` in twentieths of a point, `line` in 240ths of a line.
void spacing(pugi::xml_node ppr, int before, int after, int line) {
  auto s = ppr.append_child("w:spacing");
  s.append_attribute("w:before") = before;
  s.append_attribute("w:after") = after;
  s.append_attribute("w:line") = line;
  s.append_attribute("w:lineRule") = "auto";
}

struct StyleNodes {
  pugi::xml_node style, ppr, rpr;
};
/// A paragraph style; `ppr`/`rpr` are created only when used (schema order: pPr before rPr).
StyleNodes paragraph_style(pugi::xml_node root, const char* id, const char* name, const char* based_on, bool with_ppr,
                           bool with_rpr) {
  auto s = root.append_child("w:style");
  s.append_attribute("w:type") = "paragraph";
  s.append_attribute("w:styleId") = id;
  val(s, "w:name", name);
  if (based_on != nullptr) val(s, "w:basedOn", based_on);
  s.append_child("w:qFormat");
  StyleNodes n{s, {}, {}};
  if (with_ppr) n.ppr = s.append_child("w:pPr");
  if (with_rpr) n.rpr = s.append_child("w:rPr");
  return n;
}
}  // namespace

std::string styles_xml(Lang lang) {
  const bool zh = lang == Lang::Zh;
  pugi::xml_document x;
  auto root = x.append_child("w:styles");
  root.append_attribute("xmlns:w") = kW;
  auto defaults = root.append_child("w:docDefaults");
  auto rpr = defaults.append_child("w:rPrDefault").append_child("w:rPr");
  fonts(rpr, lang);
  size(rpr, 24);
  auto lng = rpr.append_child("w:lang");
  lng.append_attribute("w:val") = zh ? "zh-CN" : "en-US";
  lng.append_attribute("w:eastAsia") = "zh-CN";
  spacing(defaults.append_child("w:pPrDefault").append_child("w:pPr"), 0, 0, 240);

  auto normal = paragraph_style(root, "Normal", "Normal", nullptr, false, false);
  normal.style.append_attribute("w:default") = 1;
  // Body text: 小四 (12 pt); Chinese paragraphs indent their first line by two characters.
  auto body = paragraph_style(root, "BodyText", "Body Text", "Normal", true, false);
  spacing(body.ppr, 0, 120, zh ? 360 : 276);
  if (zh) body.ppr.append_child("w:ind").append_attribute("w:firstLineChars") = 200;
  body.ppr.append_child("w:jc").append_attribute("w:val") = "both";

  auto title = paragraph_style(root, "Title", "Title", "Normal", true, true);
  spacing(title.ppr, 240, 240, 240);
  val(title.ppr, "w:jc", "center");
  title.rpr.append_child("w:b");
  size(title.rpr, 32);  // 三号
  for (const auto& [id, name, pts, level] : {std::tuple{"Heading1", "heading 1", 28, 0}, std::tuple{"Heading2", "heading 2", 24, 1}}) {
    auto h = paragraph_style(root, id, name, "Normal", true, true);
    h.ppr.append_child("w:keepNext");
    h.ppr.append_child("w:keepLines");
    spacing(h.ppr, 360, 120, 240);
    val(h.ppr, "w:outlineLvl", level);
    h.rpr.append_child("w:b");
    size(h.rpr, pts);  // 四号, 小四
  }
  // Captions: 五号 bold, centred (zh) or flush left (en); tables' above, figures' below (zh).
  auto cap = paragraph_style(root, "Caption", "caption", "Normal", true, true);
  spacing(cap.ppr, 120, 60, 240);
  val(cap.ppr, "w:jc", zh ? "center" : "left");
  cap.rpr.append_child("w:b");
  size(cap.rpr, 21);
  auto tcap = paragraph_style(root, "TableCaption", "Table Caption", "Caption", true, false);
  tcap.ppr.append_child("w:keepNext");
  paragraph_style(root, "FigureCaption", "Figure Caption", "Caption", false, false);
  // Table cells: 小五 (9 pt), single spacing.
  auto cell = paragraph_style(root, "TableText", "Table Text", "Normal", true, true);
  spacing(cell.ppr, 0, 0, 240);
  size(cell.rpr, 18);
  auto th = paragraph_style(root, "TableHeading", "Table Heading", "TableText", true, false);
  val(th.ppr, "w:jc", "center");
  auto note = paragraph_style(root, "Note", "Table Note", "Normal", true, true);
  spacing(note.ppr, 0, 0, 240);
  size(note.rpr, 18);
  auto fig = paragraph_style(root, "Figure", "Figure", "Normal", true, false);
  fig.ppr.append_child("w:keepNext");
  spacing(fig.ppr, 120, 0, 240);
  val(fig.ppr, "w:jc", "center");
  auto item = paragraph_style(root, "ListLine", "List Line", "Normal", true, true);
  spacing(item.ppr, 0, 40, 240);
  auto ind = item.ppr.append_child("w:ind");
  ind.append_attribute("w:left") = 360;
  ind.append_attribute("w:hanging") = 240;
  size(item.rpr, 20);

  // Tables: "Normal Table" (the default) and the three-line style every table uses.
  auto tn = root.append_child("w:style");
  tn.append_attribute("w:type") = "table";
  tn.append_attribute("w:default") = 1;
  tn.append_attribute("w:styleId") = "TableNormal";
  val(tn, "w:name", "Normal Table");
  tn.append_child("w:semiHidden");
  auto tnpr = tn.append_child("w:tblPr");
  auto tnm = tnpr.append_child("w:tblCellMar");
  for (const auto& [side, w] : {std::pair{"w:top", 0}, std::pair{"w:left", 108}, std::pair{"w:bottom", 0}, std::pair{"w:right", 108}}) {
    auto m = tnm.append_child(side);
    m.append_attribute("w:w") = w;
    m.append_attribute("w:type") = "dxa";
  }
  auto tl = root.append_child("w:style");
  tl.append_attribute("w:type") = "table";
  tl.append_attribute("w:styleId") = "ThreeLineTable";
  val(tl, "w:name", "Three-Line Table");
  val(tl, "w:basedOn", "TableNormal");
  spacing(tl.append_child("w:pPr"), 0, 0, 240);
  size(tl.append_child("w:rPr"), 18);
  auto tlpr = tl.append_child("w:tblPr");
  val(tlpr, "w:jc", "center");
  auto b = tlpr.append_child("w:tblBorders");
  border(b, "w:top", kOuterRule);
  border(b, "w:left", 0);
  border(b, "w:bottom", kOuterRule);
  border(b, "w:right", 0);
  border(b, "w:insideH", 0);
  border(b, "w:insideV", 0);
  auto mar = tlpr.append_child("w:tblCellMar");
  for (const auto& [side, w] : {std::pair{"w:left", 57}, std::pair{"w:right", 57}}) {
    auto m = mar.append_child(side);
    m.append_attribute("w:w") = w;
    m.append_attribute("w:type") = "dxa";
  }
  auto first = tl.append_child("w:tblStylePr");
  first.append_attribute("w:type") = "firstRow";
  first.append_child("w:tblPr");
  first.append_child("w:trPr").append_child("w:tblHeader");
  border(first.append_child("w:tcPr").append_child("w:tcBorders"), "w:bottom", kHeaderRule);
  return xml_string(x);
}

namespace {
constexpr const char* kRel = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kOfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

void relationship(pugi::xml_node root, const std::string& id, const std::string& type, const std::string& target) {
  auto r = root.append_child("Relationship");
  r.append_attribute("Id") = id.c_str();
  r.append_attribute("Type") = type.c_str();
  r.append_attribute("Target") = target.c_str();
}

std::string content_types() {
  pugi::xml_document x;
  auto root = x.append_child("Types");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  for (const auto& [ext, type] : {std::pair{"rels", "application/vnd.openxmlformats-package.relationships+xml"},
                                  std::pair{"xml", "application/xml"}, std::pair{"png", "image/png"},
                                  std::pair{"svg", "image/svg+xml"}}) {
    auto d = root.append_child("Default");
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  }
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  for (const auto& [part, type] :
       {std::pair{"/word/document.xml", wml + "document.main+xml"}, std::pair{"/word/styles.xml", wml + "styles+xml"},
        std::pair{"/word/settings.xml", wml + "settings+xml"},
        std::pair{"/docProps/core.xml", std::string("application/vnd.openxmlformats-package.core-properties+xml")},
        std::pair{"/docProps/app.xml",
                  std::string("application/vnd.openxmlformats-officedocument.extended-properties+xml")}}) {
    auto o = root.append_child("Override");
    o.append_attribute("PartName") = part;
    o.append_attribute("ContentType") = type.c_str();
  }
  return xml_string(x);
}

std::string package_rels() {
  pugi::xml_document x;
  auto root = x.append_child("Relationships");
  root.append_attribute("xmlns") = kRel;
  relationship(root, "rId1", str_cat(kOfficeRel, "officeDocument"), "word/document.xml");
  relationship(root, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
               "docProps/core.xml");
  relationship(root, "rId3", str_cat(kOfficeRel, "extended-properties"), "docProps/app.xml");
  return xml_string(x);
}

std::string document_rels(const std::vector<const Figure*>& figures) {
  pugi::xml_document x;
  auto root = x.append_child("Relationships");
  root.append_attribute("xmlns") = kRel;
  relationship(root, "rIdStyles", str_cat(kOfficeRel, "styles"), "styles.xml");
  relationship(root, "rIdSettings", str_cat(kOfficeRel, "settings"), "settings.xml");
  for (std::size_t k = 0; k < figures.size(); ++k) {
    relationship(root, fmt::format("rIdPng{}", k + 1), str_cat(kOfficeRel, "image"), str_cat("media/", figures[k]->id, ".png"));
    relationship(root, fmt::format("rIdSvg{}", k + 1), str_cat(kOfficeRel, "image"), str_cat("media/", figures[k]->id, ".svg"));
  }
  return xml_string(x);
}

std::string settings_xml(Lang lang) {
  pugi::xml_document x;
  auto root = x.append_child("w:settings");
  root.append_attribute("xmlns:w") = kW;
  val(root, "w:defaultTabStop", 420);
  auto theme = root.append_child("w:themeFontLang");
  theme.append_attribute("w:val") = lang == Lang::Zh ? "zh-CN" : "en-US";
  theme.append_attribute("w:eastAsia") = "zh-CN";
  // Word 2013+ layout (not "compatibility mode").
  auto c = root.append_child("w:compat").append_child("w:compatSetting");
  c.append_attribute("w:name") = "compatibilityMode";
  c.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
  c.append_attribute("w:val") = "15";
  return xml_string(x);
}

std::string core_xml(const DocumentInfo& info) {
  pugi::xml_document x;
  auto root = x.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_child("dc:title").text().set(xml_clean(info.title).c_str());
  root.append_child("dc:creator").text().set("cikit");
  root.append_child("dc:language").text().set(info.lang == Lang::Zh ? "zh-CN" : "en-US");
  return xml_string(x);
}

std::string app_xml() {
  pugi::xml_document x;
  auto root = x.append_child("Properties");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
  root.append_child("Application").text().set(str_cat("cikit ", CIKIT_VERSION).c_str());
  return xml_string(x);
}

/// A libzip error as text.
std::string zip_message(zip_error_t* e) {
  std::string s = zip_error_strerror(e);
  zip_error_fini(e);
  return s;
}
}  // namespace

}  // namespace detail

std::string render_docx(const Document& doc, const std::vector<RasterImage>& pngs) {
  using namespace detail;
  const auto figures = doc.figures();
  // Every part first: libzip reads the buffers only when the archive is closed.
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", content_types()},
      {"_rels/.rels", package_rels()},
      {"docProps/core.xml", core_xml(doc.info)},
      {"docProps/app.xml", app_xml()},
      {"word/document.xml", document_xml(doc, pngs)},
      {"word/styles.xml", styles_xml(doc.info.lang)},
      {"word/settings.xml", settings_xml(doc.info.lang)},
      {"word/_rels/document.xml.rels", document_rels(figures)}};
  for (std::size_t k = 0; k < figures.size(); ++k) {
    parts.emplace_back(str_cat("word/media/", figures[k]->id, ".png"), pngs[k].png);
    parts.emplace_back(str_cat("word/media/", figures[k]->id, ".svg"), figures[k]->svg);
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) throw InternalError("render_docx: libzip: " + zip_message(&error));
  std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> keep(buffer, zip_source_free);
  zip_source_keep(buffer);  // survives zip_close(), which writes the archive into it
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw InternalError("render_docx: libzip: " + zip_message(&error));
  // A fixed time stamp (2000-01-01) on every entry: identical documents, identical files.
  constexpr time_t kStamp = 946684800;
  for (const auto& [name, bytes] : parts) {
    zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    const zip_int64_t index = s == nullptr ? -1 : zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (s != nullptr) zip_source_free(s);
      const std::string why = zip_strerror(archive);
      zip_discard(archive);
      throw InternalError(fmt::format("render_docx: libzip cannot add {}: {}", name, why));
    }
    const auto i = static_cast<zip_uint64_t>(index);
    zip_file_set_mtime(archive, i, kStamp, 0);
    // PNG is compressed already.
    zip_set_file_compression(archive, i, name.ends_with(".png") ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    throw InternalError("render_docx: libzip cannot write the archive: " + why);
  }
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0)
    throw InternalError("render_docx: libzip cannot read the archive back");
  std::string out(st.size, '\0');
  const zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
  zip_source_close(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) throw InternalError("render_docx: libzip read the archive short");
  return out;
}

}  // namespace cikit::report
