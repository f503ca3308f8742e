#include "methods/report/render.hpp"

#include <fmt/format.h>

#include "methods/core/csv.hpp"
#include "methods/core/text.hpp"

namespace cikit::report {

namespace {
bool right_aligned(const Table& t, std::size_t col) {
  for (const auto& r : t.rows) {
    const auto k = r[col].kind;
    if (k == CellKind::Text) return false;
    if (k != CellKind::Empty) return true;
  }
  return false;
}
std::string note_prefix(Lang lang) { return lang == Lang::Zh ? "注：" : "Note. "; }
std::string source_prefix(Lang lang) { return lang == Lang::Zh ? "资料来源：" : "Source: "; }

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

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string tex_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '&': case '%': case '$': case '#': case '_': case '{': case '}':
        out += '\\';
        out += c;
        break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '<': out += "\\textless{}"; break;
      case '>': out += "\\textgreater{}"; break;
      default: out += c;
    }
  }
  return out;
}

std::string indent_text(const Cell& c, const std::string& text, const char* unit) {
  std::string pad;
  for (int k = 0; k < c.indent; ++k) pad += unit;
  return pad + text;
}
}  // namespace

std::string caption(const Table& t) {
  if (t.lang == Lang::Zh) return fmt::format("表{}  {}", t.number, t.title);
  return fmt::format("Table {}. {}", t.number, t.title);
}

std::string render_markdown(const Table& t, PStyle pstyle) {
  t.validate();
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
  for (const auto& n : all_notes(t, pstyle)) out += str_cat("\n", note_prefix(t.lang), md_escape(n), "\n");
  if (!t.source.empty()) out += str_cat("\n", source_prefix(t.lang), md_escape(t.source), "\n");
  return out;
}

std::string render_markdown(const std::vector<Table>& tables, const DocumentInfo& doc) {
  std::string out = str_cat("# ", md_escape(doc.title), "\n\n");
  for (const auto& line : doc.reproducibility) out += str_cat("- ", md_escape(line), "\n");
  for (const auto& t : tables) out += str_cat("\n", render_markdown(t, doc.pstyle));
  return out;
}

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

std::string render_html(const std::vector<Table>& tables, const DocumentInfo& doc) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n"
      "body{{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",\"Times New Roman\",serif;"
      "max-width:80em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}}\n"
      "h1{{font-size:1.5em}} .repro{{font-size:.85em;color:#444}}\n"
      "table{{border-collapse:collapse;margin:.5em 0 .3em 0;border-top:2px solid #000;border-bottom:2px solid #000}}\n"
      "caption{{caption-side:top;text-align:left;font-weight:bold;padding-bottom:.4em}}\n"
      "thead tr:last-child th{{border-bottom:1px solid #000}} th,td{{padding:.15em .7em;vertical-align:top;white-space:nowrap}}\n"
      "td.long{{white-space:normal;min-width:16em}} table{{font-size:.92em}}\n"
      "th{{font-weight:bold;text-align:center}} td.num{{text-align:right;font-variant-numeric:tabular-nums}}\n"
      ".note{{font-size:.85em;margin:.1em 0}} section{{margin-bottom:2em;break-inside:avoid-page}}\n"
      "@media print{{body{{margin:0;max-width:none}} section{{break-inside:auto}}}}\n"
      "</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      doc.lang == Lang::Zh ? "zh-CN" : "en", html_escape(doc.title), html_escape(doc.title));
  if (!doc.reproducibility.empty()) {
    out += "<ul class=\"repro\">\n";
    for (const auto& line : doc.reproducibility) out += str_cat("<li>", html_escape(line), "</li>\n");
    out += "</ul>\n";
  }
  for (const auto& t : tables) {
    t.validate();
    out += fmt::format("<section id=\"{}\">\n<table>\n<caption>{}</caption>\n<thead>\n", html_escape(t.id),
                       html_escape(caption(t)));
    if (!t.groups.empty()) {
      out += "<tr>";
      for (const auto& g : t.groups) out += fmt::format("<th colspan=\"{}\">{}</th>", g.span, html_escape(g.label));
      out += "</tr>\n";
    }
    out += "<tr>";
    for (const auto& h : t.header) out += str_cat("<th>", html_escape(h), "</th>");
    out += "</tr>\n</thead>\n<tbody>\n";
    for (const auto& r : t.rows) {
      out += "<tr>";
      for (const auto& c : r) {
        const bool num = c.kind != CellKind::Text && c.kind != CellKind::Empty;
        const std::string text = html_escape(format_cell(c, doc.pstyle));
        // Long free text may wrap; everything else stays on one line.
        constexpr std::size_t kWrapAbove = 40;  // display columns
        out += num ? "<td class=\"num\">" : (display_width(c.text) > kWrapAbove ? "<td class=\"long\">" : "<td>");
        out += str_cat(indent_text(c, text, "&emsp;"), "</td>");
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    for (const auto& n : all_notes(t, doc.pstyle)) out += str_cat("<p class=\"note\">", html_escape(str_cat(note_prefix(t.lang), n)), "</p>\n");
    if (!t.source.empty()) out += str_cat("<p class=\"note\">", html_escape(str_cat(source_prefix(t.lang), t.source)), "</p>\n");
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

std::string render_latex(const std::vector<Table>& tables, const DocumentInfo& doc) {
  // Tables longer than this break across pages (longtable); shorter ones float (threeparttable).
  constexpr std::size_t kLongTableRows = 30;
  const bool zh = doc.lang == Lang::Zh;
  std::string out = zh ? "% Compile with xelatex.\n\\documentclass[11pt]{ctexart}\n"
                       : "% Compile with pdflatex.\n\\documentclass[11pt]{article}\n\\usepackage[utf8]{inputenc}\n"
                         "\\usepackage[T1]{fontenc}\n";
  out += "\\usepackage[a4paper,margin=2.2cm]{geometry}\n\\usepackage{booktabs}\n\\usepackage{threeparttable}\n"
         "\\usepackage{longtable}\n\\usepackage{caption}\n\\usepackage{array}\n\\setlength{\\LTcapwidth}{\\textwidth}\n";
  out += fmt::format("\\title{{{}}}\n\\date{{}}\n\\begin{{document}}\n\\maketitle\n", tex_escape(doc.title));
  if (!doc.reproducibility.empty()) {
    out += "\\begin{itemize}\\small\n";
    for (const auto& line : doc.reproducibility) out += str_cat("\\item ", tex_escape(line), "\n");
    out += "\\end{itemize}\n";
  }
  for (const auto& t : tables) {
    t.validate();
    std::string spec;
    for (std::size_t c = 0; c < t.header.size(); ++c) spec += right_aligned(t, c) ? "r" : "l";
    std::string head;
    if (!t.groups.empty()) {
      std::size_t col = 1;
      std::string rules;
      for (std::size_t g = 0; g < t.groups.size(); ++g) {
        const auto& grp = t.groups[g];
        head += g ? " & " : "";
        head += fmt::format("\\multicolumn{{{}}}{{c}}{{{}}}", grp.span, tex_escape(grp.label));
        if (!grp.label.empty()) rules += fmt::format("\\cmidrule(lr){{{}-{}}}", col, col + static_cast<std::size_t>(grp.span) - 1);
        col += static_cast<std::size_t>(grp.span);
      }
      head += str_cat(" \\\\\n", rules, "\n");
    }
    for (std::size_t c = 0; c < t.header.size(); ++c) head += str_cat(c ? " & " : "", tex_escape(t.header[c]));
    head += " \\\\\n\\midrule\n";
    std::string body;
    for (const auto& r : t.rows) {
      for (std::size_t c = 0; c < r.size(); ++c) {
        std::string text = tex_escape(format_cell(r[c], doc.pstyle));
        if (r[c].indent > 0) text = str_cat(fmt::format("\\hspace*{{{}em}}", r[c].indent), text);
        body += str_cat(c ? " & " : "", text);
      }
      body += " \\\\\n";
    }
    std::string notes;
    for (const auto& n : all_notes(t, doc.pstyle)) notes += str_cat(tex_escape(str_cat(note_prefix(t.lang), n)), "\n\n");
    if (!t.source.empty()) notes += str_cat(tex_escape(str_cat(source_prefix(t.lang), t.source)), "\n\n");
    const std::string cap = tex_escape(zh ? fmt::format("表{}  {}", t.number, t.title) : fmt::format("Table {}. {}", t.number, t.title));
    if (t.rows.size() > kLongTableRows) {
      out += fmt::format("\\begin{{small}}\n\\begin{{longtable}}{{{}}}\n\\caption*{{{}}}\\\\\n\\toprule\n{}\\endhead\n"
                         "\\bottomrule\n\\endfoot\n{}\\end{{longtable}}\n\\end{{small}}\n",
                         spec, cap, head, body);
      if (!notes.empty()) out += str_cat("{\\footnotesize\n", notes, "}\n");
    } else {
      out += fmt::format("\\begin{{table}}[htbp]\n\\centering\\small\n\\begin{{threeparttable}}\n\\caption*{{{}}}\n"
                         "\\begin{{tabular}}{{{}}}\n\\toprule\n{}{}\\bottomrule\n\\end{{tabular}}\n",
                         cap, spec, head, body);
      if (!notes.empty()) out += str_cat("\\begin{tablenotes}\\footnotesize\n\\item ", notes, "\\end{tablenotes}\n");
      out += "\\end{threeparttable}\n\\end{table}\n";
    }
  }
  out += "\\end{document}\n";
  return out;
}

}  // namespace cikit::report
