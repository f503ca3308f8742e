#include "methods/report/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "methods/core/csv.hpp"
#include "methods/core/text.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/numbering.hpp"

namespace cikit::report {

std::vector<const Table*> Document::tables() const {
  std::vector<const Table*> out;
  for (const auto& b : blocks)
    if (const auto* t = std::get_if<Table>(&b)) out.push_back(t);
  return out;
}

std::vector<const Figure*> Document::figures() const {
  std::vector<const Figure*> out;
  for (const auto& b : blocks)
    if (const auto* f = std::get_if<Figure>(&b)) out.push_back(f);
  return out;
}

std::vector<const Section*> Document::sections() const {
  std::vector<const Section*> out;
  for (const auto& b : blocks)
    if (const auto* s = std::get_if<Section>(&b)) out.push_back(s);
  return out;
}

namespace {
bool right_aligned(const Table& t, std::size_t col) {
  for (const auto& r : t.rows) {
    const auto k = r[col].kind;
    if (k == CellKind::Text) return false;
    if (k != CellKind::Empty) return true;
  }
  return false;
}
std::vector<std::string> all_notes(const Table& t, PStyle pstyle) {
  std::vector<std::string> notes = t.notes;
  if (has_pvalues(t)) notes.push_back(pvalue_note(pstyle, t.lang));
  return notes;
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else out += c;
  }
  return out;
}

std::string html_escape(const std::string& s) { return xml_escape(s); }

/// Characters outside pdflatex's (and Latin Modern's) repertoire that labels, units and notes
/// use, as LaTeX commands that work under pdflatex and xelatex alike (Greek letters and symbols
/// in math mode, so that they never fall back to a font without them).
std::string tex_symbol(char32_t c) {
  static const std::map<char32_t, const char*> kSymbols = {
      {U'α', "\\alpha"},   {U'β', "\\beta"},     {U'γ', "\\gamma"},  {U'δ', "\\delta"},   {U'ε', "\\varepsilon"},
      {U'ζ', "\\zeta"},    {U'η', "\\eta"},      {U'θ', "\\theta"},  {U'ι', "\\iota"},    {U'κ', "\\kappa"},
      {U'λ', "\\lambda"},  {U'μ', "\\mu"},       {U'ν', "\\nu"},     {U'ξ', "\\xi"},      {U'π', "\\pi"},
      {U'ρ', "\\rho"},     {U'σ', "\\sigma"},    {U'τ', "\\tau"},    {U'υ', "\\upsilon"}, {U'φ', "\\phi"},
      {U'χ', "\\chi"},     {U'ψ', "\\psi"},      {U'ω', "\\omega"},  {U'Γ', "\\Gamma"},   {U'Δ', "\\Delta"},
      {U'Θ', "\\Theta"},   {U'Λ', "\\Lambda"},   {U'Ξ', "\\Xi"},     {U'Π', "\\Pi"},      {U'Σ', "\\Sigma"},
      {U'Φ', "\\Phi"},     {U'Ψ', "\\Psi"},      {U'Ω', "\\Omega"},  {U'⁰', "^{0}"},      {U'¹', "^{1}"},
      {U'²', "^{2}"},      {U'³', "^{3}"},       {U'⁴', "^{4}"},     {U'−', "-"},         {U'≥', "\\geq"},
      {U'≤', "\\leq"},     {U'√', "\\surd"},     {U'↔', "\\leftrightarrow"}, {U'→', "\\rightarrow"},
      {U'×', "\\times"},   {U'±', "\\pm"},       {U'·', "\\cdot"},   {U'≠', "\\neq"},     {U'≈', "\\approx"},
      {U'°', "^{\\circ}"}, {U'∑', "\\sum"},      {U'∞', "\\infty"},
  };
  const auto it = kSymbols.find(c);
  return it == kSymbols.end() ? std::string() : str_cat("\\ensuremath{", it->second, "}");
}

std::string tex_escape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // a UTF-8 sequence: a symbol command, or the bytes as they are
      const std::size_t len = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : 2);
      char32_t cp = c >= 0xF0 ? (c & 0x07u) : (c >= 0xE0 ? (c & 0x0Fu) : (c & 0x1Fu));
      for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
      const std::string sym = tex_symbol(cp);
      out += sym.empty() ? s.substr(i, len) : sym;
      i += len;
      continue;
    }
    switch (s[i]) {
      case '\\': out += "\\textbackslash{}"; break;
      case '_': out += "\\_\\allowbreak{}"; break;  // long ids may break after an underscore
      case '&': case '%': case '$': case '#': case '{': case '}':
        out += '\\';
        out += s[i];
        break;
      case '~': out += "\\textasciitilde{}"; break;
      case '-':  // "--option" must not become an en dash (TeX ligature)
        out += (i + 1 < s.size() && s[i + 1] == '-') ? "-{}" : "-";
        break;
      case '^': out += "\\textasciicircum{}"; break;
      case '<': out += "\\textless{}"; break;
      case '>': out += "\\textgreater{}"; break;
      default: out += s[i];
    }
    ++i;
  }
  return out;
}

std::string indent_text(const Cell& c, const std::string& text, const char* unit) {
  std::string pad;
  for (int k = 0; k < c.indent; ++k) pad += unit;
  return pad + text;
}

/// Between the sentences of an interpretation: a space in English, nothing after "。".
const char* sentence_sep(Lang lang) { return lang == Lang::Zh ? "" : " "; }

std::string join_lines(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += str_cat(i ? sep : "", v[i]);
  return out;
}
}  // namespace

std::string caption(const Table& t) { return msgf("caption.table", t.lang, t.number, t.title); }
std::string caption(const Figure& f) { return msgf("caption.figure", f.lang, f.number, f.title); }

std::string pvalue_note(PStyle pstyle, Lang lang) {
  return msg(pstyle == PStyle::Apa ? "pvalue.note.apa" : "pvalue.note.chinese", lang);
}

// ---- Markdown ---------------------------------------------------------------------------

std::string render_markdown(const Table& full, PStyle pstyle) {
  full.validate();
  const Table t = for_reading(full);
  std::string out = str_cat("**", md_escape(caption(t)), "**\n\n");
  // Markdown has one header row: a column group's label prefixes its columns' headers.
  std::vector<std::string> header = t.header;
  std::size_t col = 0;
  for (const auto& g : t.groups) {
    for (int k = 0; k < g.span; ++k, ++col)
      if (!g.label.empty()) header[col] = str_cat(g.label, ": ", header[col]);
  }
  out += "|";
  for (const auto& h : header) out += str_cat(" ", md_escape(h), " |");
  out += "\n|";
  for (std::size_t c = 0; c < t.header.size(); ++c) out += right_aligned(t, c) ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& r : t.rows) {
    out += "|";
    for (const auto& c : r) out += str_cat(" ", md_escape(indent_text(c, format_cell(c, pstyle), "&nbsp;&nbsp;")), " |");
    out += "\n";
  }
  for (const auto& n : all_notes(t, pstyle)) out += str_cat("\n", msg("prefix.note", t.lang), md_escape(n), "\n");
  if (!t.source.empty()) out += str_cat("\n", msg("prefix.source", t.lang), md_escape(t.source), "\n");
  if (!t.interpretation.empty()) out += str_cat("\n", md_escape(join_lines(t.interpretation, sentence_sep(t.lang))), "\n");
  return out;
}

std::string render_markdown(const Document& doc) {
  const DocumentInfo& info = doc.info;
  std::string out = str_cat("# ", md_escape(info.title), "\n\n");
  if (!info.reproducibility.empty()) {
    out += str_cat("**", msg("doc.repro_heading", info.lang), "**\n\n");
    for (const auto& line : info.reproducibility) out += str_cat("- ", md_escape(line), "\n");
  }
  for (const auto& b : doc.blocks) {
    out += "\n";
    if (const auto* t = std::get_if<Table>(&b)) {
      out += render_markdown(*t, info.pstyle);
      continue;
    }
    if (const auto* s = std::get_if<Section>(&b)) {
      out += str_cat("## ", md_escape(heading(*s)), "\n");
      for (const auto& p : s->text) out += str_cat("\n", md_escape(p), "\n");
      continue;
    }
    const Figure& f = std::get<Figure>(b);
    out += str_cat("**", md_escape(caption(f)), "**\n\n![", md_escape(caption(f)), "](", f.id, ".svg)\n");
    for (const auto& n : f.notes) out += str_cat("\n", msg("prefix.note", f.lang), md_escape(n), "\n");
    if (!f.interpretation.empty()) out += str_cat("\n", md_escape(join_lines(f.interpretation, sentence_sep(f.lang))), "\n");
  }
  if (!info.omitted.empty()) {
    out += str_cat("\n**", msg("doc.omitted_heading", info.lang), "**\n\n");
    for (const auto& line : info.omitted) out += str_cat("- ", md_escape(line), "\n");
  }
  return out;
}

// ---- CSV --------------------------------------------------------------------------------

std::string render_csv(const Table& t) {
  t.validate();
  std::string out;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (c > 0) out += ',';
    out += csv_quote(t.header[c]);
  }
  out += '\n';
  for (const auto& r : t.rows) {
    for (std::size_t c = 0; c < r.size(); ++c) {
      if (c > 0) out += ',';
      out += csv_quote(format_cell_exact(r[c]));
    }
    out += '\n';
  }
  return out;
}

// ---- HTML -------------------------------------------------------------------------------

namespace {
std::string html_table(const Table& full, PStyle pstyle) {
  full.validate();
  const Table t = for_reading(full);
  // The wrapper scrolls a table wider than the page on screen instead of overflowing it.
  std::string out = fmt::format("<section id=\"{}\">\n<div class=\"scroll\">\n<table>\n<caption>{}</caption>\n<thead>\n",
                                html_escape(t.id), html_escape(caption(t)));
  if (!t.groups.empty()) {
    out += "<tr class=\"groups\">";
    for (const auto& g : t.groups)
      out += fmt::format("<th colspan=\"{}\"{}>{}</th>", g.span, g.label.empty() ? "" : " class=\"grp\"",
                         html_escape(g.label));
    out += "</tr>\n";
  }
  out += "<tr>";
  for (const auto& h : t.header) out += str_cat("<th>", html_escape(h), "</th>");
  out += "</tr>\n</thead>\n<tbody>\n";
  for (const auto& r : t.rows) {
    out += "<tr>";
    for (const auto& c : r) {
      const bool num = c.kind != CellKind::Text && c.kind != CellKind::Empty;
      const std::string text = html_escape(format_cell(c, pstyle));
      // Long free text may wrap; everything else stays on one line.
      constexpr std::size_t kWrapAbove = 24;  // display columns
      // A hierarchy level indents the whole cell (a wrapped name keeps its indent).
      const std::string indent =
          c.indent > 0 ? fmt::format(" style=\"padding-left:{:.1f}em\"", 0.7 + 1.0 * c.indent) : std::string();
      out += num ? "<td class=\"num\">"
                 : str_cat("<td", display_width(c.text) > kWrapAbove ? " class=\"long\"" : "", indent, ">");
      out += str_cat(text, "</td>");
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
  for (const auto& n : all_notes(t, pstyle))
    out += str_cat("<p class=\"note\">", html_escape(str_cat(msg("prefix.note", t.lang), n)), "</p>\n");
  if (!t.source.empty())
    out += str_cat("<p class=\"note\">", html_escape(str_cat(msg("prefix.source", t.lang), t.source)), "</p>\n");
  if (!t.interpretation.empty())
    out += str_cat("<p class=\"interp\">", html_escape(join_lines(t.interpretation, sentence_sep(t.lang))), "</p>\n");
  out += "</section>\n";
  return out;
}

std::string html_section(const Section& s) {
  std::string out = str_cat("<h2 class=\"section\">", html_escape(heading(s)), "</h2>\n");
  for (const auto& p : s.text) out += str_cat("<p>", html_escape(p), "</p>\n");
  return out;
}

std::string html_figure(const Figure& f) {
  // Chinese theses put the figure caption below the figure, APA style above it.
  const std::string cap = str_cat("<figcaption>", html_escape(caption(f)), "</figcaption>\n");
  std::string out = fmt::format("<section id=\"{}\">\n<figure>\n", html_escape(f.id));
  if (f.lang == Lang::En) out += cap;
  out += f.svg;
  if (f.lang == Lang::Zh) out += cap;
  out += "</figure>\n";
  for (const auto& n : f.notes)
    out += str_cat("<p class=\"note\">", html_escape(str_cat(msg("prefix.note", f.lang), n)), "</p>\n");
  if (!f.interpretation.empty())
    out += str_cat("<p class=\"interp\">", html_escape(join_lines(f.interpretation, sentence_sep(f.lang))), "</p>\n");
  out += "</section>\n";
  return out;
}
}  // namespace

std::string render_html(const Document& doc) {
  const DocumentInfo& info = doc.info;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n"
      "body{{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",\"Times New Roman\",serif;"
      "max-width:80em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}}\n"
      "h1{{font-size:1.5em}} h2{{font-size:1.1em;margin-bottom:.3em}} .repro{{font-size:.85em;color:#444}}\n"
      "table{{border-collapse:collapse;margin:.5em 0 .3em 0;border-top:2px solid #000;border-bottom:2px solid #000;"
      "font-size:.92em}}\n"
      "caption{{caption-side:top;text-align:left;font-weight:bold;padding-bottom:.4em}}\n"
      "thead tr:last-child th{{border-bottom:1px solid #000}} th,td{{padding:.15em .7em;vertical-align:top;"
      "white-space:nowrap}}\n"
      "th.grp{{border-bottom:1px solid #000}} td.long{{white-space:normal;min-width:12em}} .scroll{{overflow-x:auto}}\n"
      "th{{font-weight:bold;text-align:center;white-space:normal;word-break:keep-all}} td.num{{text-align:right;font-variant-numeric:tabular-nums}}\n"
      ".note{{font-size:.85em;margin:.1em 0}} .interp{{margin:.4em 0}} section{{margin-bottom:2em}}\n"
      "figure{{margin:.5em 0}} figcaption{{font-weight:bold;margin:.3em 0}} figure svg{{max-width:100%;height:auto}}\n"
      "@media print{{body{{margin:0;max-width:none}} table{{font-size:.72em}} .scroll{{overflow:visible}} "
      "figure,tr{{break-inside:avoid}} caption,figcaption{{break-after:avoid}}}}\n"
      "</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      info.lang == Lang::Zh ? "zh-CN" : "en", html_escape(info.title), html_escape(info.title));
  if (!info.reproducibility.empty()) {
    out += str_cat("<h2>", html_escape(msg("doc.repro_heading", info.lang)), "</h2>\n<ul class=\"repro\">\n");
    for (const auto& line : info.reproducibility) out += str_cat("<li>", html_escape(line), "</li>\n");
    out += "</ul>\n";
  }
  for (const auto& b : doc.blocks) {
    if (const auto* t = std::get_if<Table>(&b)) out += html_table(*t, info.pstyle);
    else if (const auto* s = std::get_if<Section>(&b)) out += html_section(*s);
    else out += html_figure(std::get<Figure>(b));
  }
  if (!info.omitted.empty()) {
    out += str_cat("<h2>", html_escape(msg("doc.omitted_heading", info.lang)), "</h2>\n<ul class=\"omitted\">\n");
    for (const auto& line : info.omitted) out += str_cat("<li>", html_escape(line), "</li>\n");
    out += "</ul>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

// ---- LaTeX ------------------------------------------------------------------------------

namespace {
std::string latex_preamble(const DocumentInfo& info) {
  const bool zh = info.lang == Lang::Zh;
  std::string out = zh ? "% Compile with xelatex.\n\\documentclass[11pt]{ctexart}\n"
                       : "% Compile with pdflatex.\n\\documentclass[11pt]{article}\n\\usepackage[utf8]{inputenc}\n"
                         "\\usepackage[T1]{fontenc}\n\\usepackage{textcomp}\n";
  out += "\\usepackage[a4paper,margin=2.2cm]{geometry}\n\\usepackage{booktabs}\n\\usepackage{threeparttable}\n"
         "\\usepackage{longtable}\n\\usepackage{caption}\n\\usepackage{array}\n\\usepackage{graphicx}\n"
         "\\usepackage{pdflscape}\n\\usepackage{float}\n\\setlength{\\LTcapwidth}{\\textwidth}\n\\setlength{\\LTleft}{0pt}\n"
         "\\captionsetup{labelformat=empty,justification=raggedright,singlelinecheck=false}\n";
  return out;
}

/// Column widths of a LaTeX table. Every column is a paragraph column (numbers right-aligned,
/// text ragged right) so that long headers and labels wrap. Widths in em of \small text: a
/// display column (CJK = 2) is about 0.5 em. Numbers keep their width (headers wrap beyond
/// kHeaderEm); text columns share the rest of the page.
struct LatexColumns {
  std::string spec;
  std::vector<double> widths;  ///< em
  bool landscape = false;
};
LatexColumns latex_columns(const Table& t, PStyle pstyle) {
  constexpr double kEmPerColumn = 0.5, kGapEm = 0.8, kHeaderEm = 5.0, kTextHeaderEm = 10.0, kMinTextEm = 7.0,
                   kFirstTextEm = 12.0;
  constexpr double kPortraitEm = 42.0, kLandscapeEm = 63.0;
  const std::size_t k = t.header.size();
  std::vector<double> width(k);
  std::vector<bool> numeric(k);
  for (std::size_t c = 0; c < k; ++c) {
    numeric[c] = right_aligned(t, c);
    std::size_t cells = 0;
    for (const auto& r : t.rows)
      cells = std::max(cells, display_width(format_cell(r[c], pstyle)) + 2 * static_cast<std::size_t>(r[c].indent));
    const double header = kEmPerColumn * static_cast<double>(display_width(t.header[c]));
    const double body = kEmPerColumn * static_cast<double>(cells);
    // A header wraps at spaces but not inside a word (capitals are wider: 0.65 em a letter).
    // Chinese text breaks between any two characters: only runs of ASCII letters count as words;
    // a hyphen ends a word ("coefficient-of-variation" needs only "coefficient-" wide).
    std::size_t word = 0, run = 0;
    for (const char ch : t.header[c]) {
      const auto u = static_cast<unsigned char>(ch);
      run = (u == ' ' || u >= 0x80) ? 0 : run + 1;
      word = std::max(word, run);
      if (ch == '-') run = 0;  // TeX may break after the hyphen of a compound word
    }
    width[c] = std::max({body + (numeric[c] ? 0.3 : 0.0), std::min(header, numeric[c] ? kHeaderEm : kTextHeaderEm),
                         0.65 * static_cast<double>(word), 1.5});
  }
  // Text columns share what the numbers leave, in proportion to their natural widths (never
  // below kMinTextEm); a portrait page if that keeps every text column at >= 60% of its
  // natural width or the table fits, else a landscape page.
  double fixed = 0, text = 0;
  for (std::size_t c = 0; c < k; ++c) (numeric[c] ? fixed : text) += width[c] + (numeric[c] ? kGapEm : 0.0);
  for (std::size_t c = 0; c < k; ++c)
    if (!numeric[c]) fixed += kGapEm;
  const auto factor = [&](double page) { return text > 0 ? std::min(1.0, (page - fixed) / text) : 1.0; };
  LatexColumns out;
  double f = factor(kPortraitEm);
  if (f < 0.6 || fixed > kPortraitEm) {
    out.landscape = true;
    f = factor(kLandscapeEm);
  }
  for (std::size_t c = 0; c < k; ++c) {
    // The first column names the rows (A10's indicators, indented by level): it keeps up to
    // kFirstTextEm before it wraps, other text columns kMinTextEm.
    const double w = numeric[c] ? width[c] : std::min(width[c], std::max(c == 0 ? kFirstTextEm : kMinTextEm, f * width[c]));
    out.widths.push_back(w);
    out.spec += fmt::format(">{{{}\\arraybackslash}}p{{{:.1f}em}}", numeric[c] ? "\\raggedleft" : "\\raggedright", w);
  }
  return out;
}

// Tables and figures do not float ([H], package float): the interpretation paragraph after a
// table stays with it instead of landing pages away.
/// `lead` (a section heading just before the table) goes on the table's page: inside the
/// landscape page when the table needs one, so that the heading is not left alone on a page.
std::string latex_table(const Table& full, PStyle pstyle, const std::string& lead) {
  // Tables longer than this break across pages (longtable); shorter ones stay in place (threeparttable).
  constexpr std::size_t kLongTableRows = 30;
  full.validate();
  const Table t = for_reading(full);
  const auto layout = latex_columns(t, pstyle);
  const bool landscape = layout.landscape;
  const std::string& spec = layout.spec;
  std::string head;
  if (!t.groups.empty()) {
    std::size_t col = 1;
    std::string rules;
    for (std::size_t g = 0; g < t.groups.size(); ++g) {
      const auto& grp = t.groups[g];
      head += g ? " & " : "";
      // A group label wraps within the columns it spans (their widths plus the gaps between them).
      double span_em = 0;
      for (int k = 0; k < grp.span; ++k) span_em += layout.widths[col - 1 + static_cast<std::size_t>(k)];
      span_em += 0.8 * (grp.span - 1);
      head += fmt::format("\\multicolumn{{{}}}{{>{{\\centering\\arraybackslash}}p{{{:.1f}em}}}}{{{}}}", grp.span,
                          span_em, tex_escape(grp.label));
      if (!grp.label.empty())
        rules += fmt::format("\\cmidrule(lr){{{}-{}}}", col, col + static_cast<std::size_t>(grp.span) - 1);
      col += static_cast<std::size_t>(grp.span);
    }
    head += str_cat(" \\\\\n", rules, "\n");
  }
  for (std::size_t c = 0; c < t.header.size(); ++c) head += str_cat(c ? " & " : "", tex_escape(t.header[c]));
  head += " \\\\\n\\midrule\n";
  std::string body;
  for (const auto& r : t.rows) {
    for (std::size_t c = 0; c < r.size(); ++c) {
      std::string text = tex_escape(format_cell(r[c], pstyle));
      // Hanging indent: every line of a wrapped name keeps the hierarchy level's indent.
      if (r[c].indent > 0) text = str_cat(fmt::format("\\hangindent={}em\\hangafter=0 ", r[c].indent), text);
      body += str_cat(c ? " & " : "", text);
    }
    body += " \\\\\n";
  }
  std::string notes;
  for (const auto& n : all_notes(t, pstyle)) notes += str_cat(tex_escape(str_cat(msg("prefix.note", t.lang), n)), "\n\n");
  if (!t.source.empty()) notes += str_cat(tex_escape(str_cat(msg("prefix.source", t.lang), t.source)), "\n\n");
  const std::string cap = tex_escape(caption(t));
  const std::string interp =
      t.interpretation.empty() ? std::string() : tex_escape(join_lines(t.interpretation, sentence_sep(t.lang)));
  std::string out = str_cat(landscape ? "\\begin{landscape}\n" : "", lead);
  if (t.rows.size() > kLongTableRows) {
    out += fmt::format("\\begin{{small}}\n\\setlength{{\\tabcolsep}}{{4pt}}\n\\begin{{longtable}}{{{}}}\n\\caption{{{}}}\\\\\n"
                       "\\toprule\n{}\\endfirsthead\n\\toprule\n{}\\endhead\n\\bottomrule\n\\endfoot\n{}\\end{{longtable}}\n"
                       "\\end{{small}}\n",
                       spec, cap, head, head, body);
    if (!notes.empty()) out += str_cat("{\\footnotesize\n", notes, "}\n");
    if (!interp.empty()) out += str_cat("\\nopagebreak\n", interp, "\n\n");  // as close as a long table allows
  } else {
    out += fmt::format("\\begin{{table}}[H]\n\\centering\\small\n\\setlength{{\\tabcolsep}}{{4pt}}\n"
                       "\\begin{{threeparttable}}\n\\caption{{{}}}\n\\begin{{tabular}}{{{}}}\n\\toprule\n{}{}\\bottomrule\n"
                       "\\end{{tabular}}\n",
                       cap, spec, head, body);
    if (!notes.empty()) out += str_cat("\\begin{tablenotes}\\footnotesize\n\\item ", notes, "\\end{tablenotes}\n");
    out += "\\end{threeparttable}\n";
    // The interpretation is part of the non-floating table box: it never lands on another page.
    if (!interp.empty())
      out += str_cat("\\par\\medskip\n\\begin{minipage}{\\linewidth}\\normalsize\\parindent=2em\n", interp,
                     "\n\\end{minipage}\n");
    out += "\\end{table}\n";
  }
  if (landscape) out += "\\end{landscape}\n";
  return out;
}

std::string latex_figure(const Figure& f, bool with_graphics) {
  const std::string cap = tex_escape(caption(f));
  std::string notes;
  for (const auto& n : f.notes) notes += str_cat(tex_escape(str_cat(msg("prefix.note", f.lang), n)), "\n\n");
  std::string out;
  if (with_graphics) {
    const std::string cap_line = str_cat("\\caption{", cap, "}\n");
    out += "\\begin{figure}[H]\n\\centering\n";
    if (f.lang == Lang::En) out += cap_line;
    out += fmt::format("\\includegraphics[width=\\linewidth,height=0.75\\textheight,keepaspectratio]{{{}.pdf}}\n", f.id);
    if (f.lang == Lang::Zh) out += cap_line;
    if (!notes.empty()) out += str_cat("\\begin{minipage}{\\linewidth}\\footnotesize\n", notes, "\\end{minipage}\n");
    out += "\\end{figure}\n";
  } else {
    out += str_cat("\\par\\medskip\\noindent\\textbf{", cap, "}\\par\n\\noindent{\\footnotesize ",
                   tex_escape(msgf("figure.latex_missing", f.lang, f.id + ".svg")), "\n\n", notes, "}\\par\\medskip\n");
  }
  if (!f.interpretation.empty()) out += str_cat("\n", tex_escape(join_lines(f.interpretation, sentence_sep(f.lang))), "\n\n");
  return out;
}
}  // namespace

namespace {
std::string latex_section(const Section& s) {
  // The number is part of the heading text (三、 / 3), as in Chinese theses; \section* keeps
  // LaTeX from adding its own.
  std::string out = str_cat("\\section*{", tex_escape(heading(s)), "}\n");
  for (const auto& p : s.text) out += str_cat(tex_escape(p), "\n\n");
  return out;
}
}  // namespace

/// tex_escape() with break points every 16 characters inside words of 32 or more characters
/// (SHA-256 digests, long paths), which TeX could otherwise not break.
std::string tex_breakable(const std::string& line) {
  constexpr char kMark = '\x01';
  std::string marked;
  std::size_t run = 0;
  for (const char ch : line) {
    const bool continuation = (static_cast<unsigned char>(ch) & 0xC0u) == 0x80u;  // inside a UTF-8 character
    if (!continuation) {
      run = ch == ' ' ? 0 : run + 1;
      if (run > 1 && run % 16 == 1) marked += kMark;
    }
    marked += ch;
  }
  std::string out;
  for (const char ch : tex_escape(marked)) out += ch == kMark ? std::string("\\allowbreak{}") : std::string(1, ch);
  return out;
}

std::string render_latex(const Document& doc) {
  const DocumentInfo& info = doc.info;
  std::string out = latex_preamble(info);
  out += fmt::format("\\title{{{}}}\n\\date{{}}\n\\begin{{document}}\n\\maketitle\n", tex_escape(info.title));
  if (!info.reproducibility.empty()) {
    out += fmt::format("\\noindent\\textbf{{{}}}\n\\begin{{itemize}}\\small\\sloppy\n", tex_escape(msg("doc.repro_heading", info.lang)));
    for (const auto& line : info.reproducibility) out += str_cat("\\item ", tex_breakable(line), "\n");
    out += "\\end{itemize}\n";
  }
  std::string heading;  // a section heading waiting for its first block
  for (const auto& b : doc.blocks) {
    if (const auto* t = std::get_if<Table>(&b)) {
      out += latex_table(*t, info.pstyle, heading);
    } else if (const auto* s = std::get_if<Section>(&b)) {
      out += heading;
      heading = latex_section(*s);  // written with the next block
      continue;
    } else {
      out += heading + latex_figure(std::get<Figure>(b), info.latex_figures);
    }
    heading.clear();
  }
  out += heading;
  if (!info.omitted.empty()) {
    out += fmt::format("\\noindent\\textbf{{{}}}\n\\begin{{itemize}}\\small\\sloppy\n",
                       tex_escape(msg("doc.omitted_heading", info.lang)));
    for (const auto& line : info.omitted) out += str_cat("\\item ", tex_breakable(line), "\n");
    out += "\\end{itemize}\n";
  }
  out += "\\end{document}\n";
  return out;
}

}  // namespace cikit::report
