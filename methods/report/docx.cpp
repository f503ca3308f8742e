// word/document.xml of the DOCX appendix (docx.hpp): tables in three-line style, figures,
// section headings, the reproducibility block and the "not included" list.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "methods/core/error.hpp"
#include "methods/core/text.hpp"
#include "methods/report/detail/docx_parts.hpp"
#include "methods/report/messages.hpp"

namespace cikit::report::detail {

std::string xml_clean(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
  }
  return out;
}

std::string xml_string(const pugi::xml_document& d) {
  std::ostringstream os;
  d.save(os, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + os.str();
}

void border(pugi::xml_node parent, const char* side, int eighths) {
  auto b = parent.append_child(side);
  if (eighths == 0) {
    b.append_attribute("w:val") = "nil";
    return;
  }
  b.append_attribute("w:val") = "single";
  b.append_attribute("w:sz") = eighths;
  b.append_attribute("w:space") = 0;
  b.append_attribute("w:color") = "000000";
}

namespace {

/// Table text is 9 pt (小五): one em is 180 twentieths of a point.
constexpr double kTableEm = 180.0;
/// Cell margins left and right (twentieths of a point), as in the table style.
constexpr int kCellMargin = 57;

pugi::xml_node para(pugi::xml_node parent, const char* style) {
  auto p = parent.append_child("w:p");
  p.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = style;
  return p;
}

/// Appends a run with `text`; line feeds become line breaks.
void add_text(pugi::xml_node p, const std::string& text) {
  auto r = p.append_child("w:r");
  const std::string s = xml_clean(text);
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = std::min(s.find('\n', start), s.size());
    if (end > start) {
      auto t = r.append_child("w:t");
      t.append_attribute("xml:space") = "preserve";
      t.text().set(s.substr(start, end - start).c_str());
    }
    if (end < s.size()) r.append_child("w:br");
    start = end + 1;
  }
}

pugi::xml_node text_para(pugi::xml_node parent, const char* style, const std::string& text) {
  auto p = para(parent, style);
  add_text(p, text);
  return p;
}

/// Keeps a paragraph on the page of the next one (caption with its table, heading with its text).
void keep_next(pugi::xml_node p) { p.child("w:pPr").insert_child_after("w:keepNext", p.child("w:pPr").child("w:pStyle")); }

bool right_aligned(const Table& t, std::size_t col) {
  for (const auto& r : t.rows) {
    const auto k = r[col].kind;
    if (k == CellKind::Text) return false;
    if (k != CellKind::Empty) return true;
  }
  return false;
}

/// Column widths (twentieths of a point) and orientation of a table, as the LaTeX renderer
/// lays it out: numbers keep their width, headers wrap beyond 5 em (numbers) or 10 em (text),
/// text columns share the rest of the page; landscape when a portrait page would squeeze a
/// text column below 60% of its natural width or cannot hold the numbers.
struct Layout {
  std::vector<int> widths;
  bool landscape = false;
};
Layout layout(const Table& t, PStyle pstyle) {
  // em between columns: the cell margins and slack for fonts wider than Times New Roman.
  const double gap = 2.0 * kCellMargin / kTableEm + 0.5;
  const std::size_t k = t.header.size();
  std::vector<double> width(k);
  std::vector<bool> numeric(k);
  for (std::size_t c = 0; c < k; ++c) {
    numeric[c] = right_aligned(t, c);
    std::size_t cells = 0;
    for (const auto& r : t.rows)
      cells = std::max(cells, display_width(format_cell(r[c], pstyle)) + 2 * static_cast<std::size_t>(r[c].indent));
    std::size_t word = 0, run = 0;  // the longest run of ASCII letters of the header (no break inside)
    for (const char ch : t.header[c]) {
      const auto u = static_cast<unsigned char>(ch);
      run = (u == ' ' || u >= 0x80) ? 0 : run + 1;
      word = std::max(word, run);
      if (ch == '-') run = 0;
    }
    const double header = 0.5 * static_cast<double>(display_width(t.header[c]));
    width[c] = std::max({0.5 * static_cast<double>(cells) + (numeric[c] ? 0.3 : 0.0),
                         std::min(header, numeric[c] ? 5.0 : 10.0), 0.65 * static_cast<double>(word), 1.5});
  }
  const double portrait = kTextWidthPortrait / kTableEm, landscape = kTextWidthLandscape / kTableEm;
  double fixed = 0, text = 0;
  for (std::size_t c = 0; c < k; ++c) {
    fixed += gap;
    (numeric[c] ? fixed : text) += width[c];
  }
  const auto factor = [&](double page) { return text > 0 ? std::min(1.0, (page - fixed) / text) : 1.0; };
  Layout out;
  double f = factor(portrait);
  if (f < 0.6 || fixed > portrait) {
    out.landscape = true;
    f = factor(landscape);
  }
  const double page = out.landscape ? landscape : portrait;
  std::vector<double> em(k);
  double total = 0;
  for (std::size_t c = 0; c < k; ++c) {
    // The first column names the rows (indicators indented by level): up to 12 em before it
    // wraps, other text columns 7 em.
    em[c] = gap + (numeric[c] ? width[c] : std::min(width[c], std::max(c == 0 ? 12.0 : 7.0, f * width[c])));
    total += em[c];
  }
  const double shrink = total > page ? page / total : 1.0;  // more numbers than a page holds
  for (std::size_t c = 0; c < k; ++c) out.widths.push_back(static_cast<int>(std::lround(em[c] * shrink * kTableEm)));
  return out;
}

void cell_width(pugi::xml_node tcpr, int twips) {
  auto w = tcpr.append_child("w:tcW");
  w.append_attribute("w:w") = twips;
  w.append_attribute("w:type") = "dxa";
}

/// A header row (repeated on every page, never split).
pugi::xml_node header_row(pugi::xml_node tbl) {
  auto tr = tbl.append_child("w:tr");
  auto trpr = tr.append_child("w:trPr");
  trpr.append_child("w:cantSplit");
  trpr.append_child("w:tblHeader");
  return tr;
}

/// One header cell: spanning `span` grid columns, with a rule of `rule` eighths below.
void header_cell(pugi::xml_node tr, const std::string& text, int twips, int span, int rule) {
  auto tc = tr.append_child("w:tc");
  auto tcpr = tc.append_child("w:tcPr");
  cell_width(tcpr, twips);
  if (span > 1) tcpr.append_child("w:gridSpan").append_attribute("w:val") = span;
  if (rule > 0) border(tcpr.append_child("w:tcBorders"), "w:bottom", rule);
  tcpr.append_child("w:vAlign").append_attribute("w:val") = "bottom";
  text_para(tc, "TableHeading", text);
}

struct Writer {
  pugi::xml_node body;
  const Document& doc;
  const std::vector<RasterImage>& pngs;
  std::size_t figure = 0;   ///< figures written so far
  bool landscape = false;   ///< orientation of the current section

  /// Ends the current section (its orientation) when the next block needs the other one.
  void orient(bool wide) {
    if (wide == landscape) return;
    auto p = body.append_child("w:p");
    section_properties(p.append_child("w:pPr"), landscape);
    landscape = wide;
  }
  static void section_properties(pugi::xml_node parent, bool wide) {
    auto s = parent.append_child("w:sectPr");
    auto pg = s.append_child("w:pgSz");
    pg.append_attribute("w:w") = wide ? kPageLong : kPageShort;
    pg.append_attribute("w:h") = wide ? kPageShort : kPageLong;
    if (wide) pg.append_attribute("w:orient") = "landscape";
    auto m = s.append_child("w:pgMar");
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) m.append_attribute(side) = kMargin;
    m.append_attribute("w:header") = 851;
    m.append_attribute("w:footer") = 992;
    m.append_attribute("w:gutter") = 0;
  }

  void notes(const std::vector<std::string>& ns, const std::string& source, const std::vector<std::string>& interp,
             Lang lang) {
    for (const auto& n : ns) text_para(body, "Note", str_cat(msg("prefix.note", lang), n));
    if (!source.empty()) text_para(body, "Note", str_cat(msg("prefix.source", lang), source));
    if (!interp.empty()) {
      std::string s;
      for (std::size_t i = 0; i < interp.size(); ++i) s += str_cat(i && lang == Lang::En ? " " : "", interp[i]);
      text_para(body, "BodyText", s);
    }
  }

  void table(const Table& full, const Layout& lay) {
    full.validate();
    const Table t = for_reading(full);
    keep_next(text_para(body, "TableCaption", caption(t)));
    auto tbl = body.append_child("w:tbl");
    auto pr = tbl.append_child("w:tblPr");
    pr.append_child("w:tblStyle").append_attribute("w:val") = "ThreeLineTable";
    int total = 0;
    for (const int w : lay.widths) total += w;
    auto tw = pr.append_child("w:tblW");
    tw.append_attribute("w:w") = total;
    tw.append_attribute("w:type") = "dxa";
    pr.append_child("w:jc").append_attribute("w:val") = "center";
    // The rules are also set on the table itself (not only through the style), so that every
    // reader draws them even if it ignores table styles.
    auto borders = pr.append_child("w:tblBorders");
    border(borders, "w:top", kOuterRule);
    border(borders, "w:left", 0);
    border(borders, "w:bottom", kOuterRule);
    border(borders, "w:right", 0);
    border(borders, "w:insideH", 0);
    border(borders, "w:insideV", 0);
    pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
    auto mar = pr.append_child("w:tblCellMar");  // as in the style, for readers that ignore it
    for (const char* side : {"w:left", "w:right"}) {
      auto m = mar.append_child(side);
      m.append_attribute("w:w") = kCellMargin;
      m.append_attribute("w:type") = "dxa";
    }
    auto look = pr.append_child("w:tblLook");
    look.append_attribute("w:val") = "04A0";
    look.append_attribute("w:firstRow") = 1;
    look.append_attribute("w:lastRow") = 0;
    look.append_attribute("w:firstColumn") = 0;
    look.append_attribute("w:lastColumn") = 0;
    look.append_attribute("w:noHBand") = 1;
    look.append_attribute("w:noVBand") = 1;
    auto grid = tbl.append_child("w:tblGrid");
    for (const int w : lay.widths) grid.append_child("w:gridCol").append_attribute("w:w") = w;
    if (!t.groups.empty()) {
      auto tr = header_row(tbl);
      std::size_t col = 0;
      for (const auto& g : t.groups) {
        int w = 0;
        for (int k = 0; k < g.span; ++k) w += lay.widths[col + static_cast<std::size_t>(k)];
        col += static_cast<std::size_t>(g.span);
        header_cell(tr, g.label, w, g.span, g.label.empty() ? 0 : kGroupRule);
      }
    }
    auto htr = header_row(tbl);
    for (std::size_t c = 0; c < t.header.size(); ++c) header_cell(htr, t.header[c], lay.widths[c], 1, kHeaderRule);
    // A short table stays on one page (every row kept with the next).
    constexpr std::size_t kKeepTogetherRows = 30;
    const bool together = t.rows.size() <= kKeepTogetherRows;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      auto tr = tbl.append_child("w:tr");
      tr.append_child("w:trPr").append_child("w:cantSplit");
      for (std::size_t c = 0; c < t.rows[i].size(); ++c) {
        const Cell& cell = t.rows[i][c];
        auto tc = tr.append_child("w:tc");
        cell_width(tc.append_child("w:tcPr"), lay.widths[c]);
        auto p = text_para(tc, "TableText", format_cell(cell, doc.info.pstyle));
        auto ppr = p.child("w:pPr");
        if (together && i + 1 < t.rows.size()) keep_next(p);
        if (cell.indent > 0) {  // the whole cell indented: a wrapped name keeps its level
          auto ind = ppr.append_child("w:ind");
          ind.append_attribute("w:left") = static_cast<int>(kTableEm) * cell.indent;
        }
        if (cell.kind != CellKind::Text && cell.kind != CellKind::Empty)
          ppr.append_child("w:jc").append_attribute("w:val") = "right";
      }
    }
    std::vector<std::string> ns = t.notes;
    if (has_pvalues(t)) ns.push_back(pvalue_note(doc.info.pstyle, t.lang));
    notes(ns, t.source, t.interpretation, t.lang);
  }

  void picture(const Figure& f, const RasterImage& img) {
    const std::size_t k = ++figure;
    // Fit the text width and 60% of the text height, keeping the aspect ratio (EMU: 635 a twip).
    const double max_w = 635.0 * (landscape ? kTextWidthLandscape : kTextWidthPortrait);
    // Tall figures (one row per indicator) may take 85% of the text height, others 60%: a tall
    // chart held to 60% shrank its labels below a readable size.
    const bool tall = img.height_px > 1.5 * img.width_px;
    const double max_h = (tall ? 0.85 : 0.6) * 635.0 * ((landscape ? kPageShort : kPageLong) - 2 * kMargin);
    double w = img.width_px * 9525.0;  // 9525 EMU a CSS pixel
    double h = img.height_px * 9525.0;
    const double s = std::min({1.0, max_w / w, max_h / h});
    const auto cx = static_cast<long long>(std::lround(w * s)), cy = static_cast<long long>(std::lround(h * s));
    auto p = para(body, "Figure");
    if (f.lang == Lang::Zh) keep_next(p);  // the caption below stays with the figure
    auto inl = p.append_child("w:r").append_child("w:drawing").append_child("wp:inline");
    for (const char* d : {"distT", "distB", "distL", "distR"}) inl.append_attribute(d) = 0;
    auto ext = inl.append_child("wp:extent");
    ext.append_attribute("cx") = cx;
    ext.append_attribute("cy") = cy;
    auto eff = inl.append_child("wp:effectExtent");
    for (const char* d : {"l", "t", "r", "b"}) eff.append_attribute(d) = 0;
    auto docpr = inl.append_child("wp:docPr");
    docpr.append_attribute("id") = static_cast<unsigned>(k);
    docpr.append_attribute("name") = f.id.c_str();
    docpr.append_attribute("descr") = xml_clean(caption(f)).c_str();
    inl.append_child("wp:cNvGraphicFramePr").append_child("a:graphicFrameLocks").append_attribute("noChangeAspect") = 1;
    auto gd = inl.append_child("a:graphic").append_child("a:graphicData");
    gd.append_attribute("uri") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    auto pic = gd.append_child("pic:pic");
    auto nv = pic.append_child("pic:nvPicPr");
    auto cnv = nv.append_child("pic:cNvPr");
    cnv.append_attribute("id") = static_cast<unsigned>(k);
    cnv.append_attribute("name") = (f.id + ".png").c_str();
    nv.append_child("pic:cNvPicPr");
    auto fill = pic.append_child("pic:blipFill");
    auto blip = fill.append_child("a:blip");
    blip.append_attribute("r:embed") = fmt::format("rIdPng{}", k).c_str();
    // The SVG itself (Office 2016+ extension); readers without it show the PNG.
    auto e = blip.append_child("a:extLst").append_child("a:ext");
    e.append_attribute("uri") = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
    auto svg = e.append_child("asvg:svgBlip");
    svg.append_attribute("xmlns:asvg") = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
    svg.append_attribute("r:embed") = fmt::format("rIdSvg{}", k).c_str();
    fill.append_child("a:stretch").append_child("a:fillRect");
    auto sp = pic.append_child("pic:spPr");
    auto xfrm = sp.append_child("a:xfrm");
    auto off = xfrm.append_child("a:off");
    off.append_attribute("x") = 0;
    off.append_attribute("y") = 0;
    auto ext2 = xfrm.append_child("a:ext");
    ext2.append_attribute("cx") = cx;
    ext2.append_attribute("cy") = cy;
    auto geom = sp.append_child("a:prstGeom");
    geom.append_attribute("prst") = "rect";
    geom.append_child("a:avLst");
  }

  void figure_block(const Figure& f) {
    if (figure >= pngs.size()) throw InternalError("render_docx: fewer PNG renderings than figures");
    // Chinese theses put the figure caption below the figure, APA style above it.
    if (f.lang == Lang::En) keep_next(text_para(body, "FigureCaption", caption(f)));
    picture(f, pngs[figure]);
    if (f.lang == Lang::Zh) text_para(body, "FigureCaption", caption(f));
    notes(f.notes, "", f.interpretation, f.lang);
  }

  void section(const Section& s) {
    keep_next(text_para(body, "Heading1", heading(s)));
    for (const auto& p : s.text) text_para(body, "BodyText", p);
  }

  void list(const std::string& title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    keep_next(text_para(body, "Heading2", title));
    for (const auto& line : lines) text_para(body, "ListLine", str_cat("• ", line));
  }
};

}  // namespace

std::string document_xml(const Document& doc, const std::vector<RasterImage>& pngs) {
  if (pngs.size() != doc.figures().size())
    throw InternalError(fmt::format("render_docx: {} PNG renderings for {} figures", pngs.size(), doc.figures().size()));
  pugi::xml_document x;
  auto root = x.append_child("w:document");
  root.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  root.append_attribute("xmlns:r") = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  root.append_attribute("xmlns:wp") = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
  root.append_attribute("xmlns:a") = "http://schemas.openxmlformats.org/drawingml/2006/main";
  root.append_attribute("xmlns:pic") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
  Writer w{root.append_child("w:body"), doc, pngs};
  const DocumentInfo& info = doc.info;
  text_para(w.body, "Title", info.title);
  w.list(msg("doc.repro_heading", info.lang), info.reproducibility);
  // A section heading waits for its first block, so that it lands on that block's page
  // (inside the landscape section of a wide table).
  const Section* pending = nullptr;
  const auto flush = [&] {
    if (pending != nullptr) w.section(*pending);
    pending = nullptr;
  };
  for (const auto& b : doc.blocks) {
    if (const auto* s = std::get_if<Section>(&b)) {
      if (pending != nullptr) {
        w.orient(false);
        flush();
      }
      pending = s;
    } else if (const auto* t = std::get_if<Table>(&b)) {
      const Layout lay = layout(for_reading(*t), info.pstyle);
      w.orient(lay.landscape);
      flush();
      w.table(*t, lay);
    } else {
      w.orient(false);
      flush();
      w.figure_block(std::get<Figure>(b));
    }
  }
  if (pending != nullptr) {
    w.orient(false);
    flush();
  }
  if (!info.omitted.empty()) w.orient(false);
  w.list(msg("doc.omitted_heading", info.lang), info.omitted);
  Writer::section_properties(w.body, w.landscape);
  return xml_string(x);
}

}  // namespace cikit::report::detail
