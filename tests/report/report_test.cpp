// Report layer: cell formatting, and each renderer on a small fixed table (golden strings).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <algorithm>

#include "methods/report/render.hpp"
#include "methods/core/error.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/table.hpp"

using namespace cikit::report;
using cikit::Lang;

namespace {
Table sample(Lang lang) {
  Table t;
  t.id = "T1_sample";
  t.number = "1";
  t.lang = lang;
  t.title = lang == Lang::Zh ? "信度检验结果" : "Reliability & validity";
  t.header = {"Item", "alpha", "p", "CI", "n", "share"};
  t.rows.push_back({Cell::txt("a_1 | x", 1), Cell::number(0.86049, 3), Cell::pvalue(0.00001), Cell::interval(0.81, 0.9, 2),
                    Cell::integer(120), Cell::percent(0.18358, 3)});
  t.rows.push_back({Cell::txt("<b>"), Cell::number(-0.0001, 3), Cell::pvalue(0.0234), Cell::empty(), Cell::integer(7),
                    Cell::percent(std::numeric_limits<double>::quiet_NaN(), 1)});
  t.notes.push_back("50% & more");
  return t;
}
}  // namespace

TEST_CASE("report: cell formatting", "[report][table]") {
  CHECK(format_cell(Cell::number(0.86049, 3), PStyle::Chinese) == "0.860");
  CHECK(format_cell(Cell::number(-0.0001, 3), PStyle::Chinese) == "0.000");  // no "-0.000"
  CHECK(format_cell(Cell::percent(0.18358, 3), PStyle::Chinese) == "18.358%");
  CHECK(format_cell(Cell::interval(0.81, 0.9, 2), PStyle::Chinese) == "[0.81, 0.90]");
  // p-values: never "0.000" (APPENDIX-CONVENTIONS.md §0)
  CHECK(format_cell(Cell::pvalue(0.00001), PStyle::Chinese) == "<0.001***");
  CHECK(format_cell(Cell::pvalue(0.0234), PStyle::Chinese) == "0.023*");
  CHECK(format_cell(Cell::pvalue(0.2), PStyle::Chinese) == "0.200");
  CHECK(format_cell(Cell::pvalue(0.00001), PStyle::Apa) == "< .001");
  CHECK(format_cell(Cell::pvalue(0.0234), PStyle::Apa) == ".023");
  CHECK(format_cell(Cell::number(std::numeric_limits<double>::quiet_NaN(), 2), PStyle::Apa) == "NA");
  CHECK(format_cell_exact(Cell::number(0.1, 3)) == "0.10000000000000001");
  CHECK(format_cell_exact(Cell::interval(1, 2, 2)) == "1;2");
}

TEST_CASE("report: markdown", "[report][markdown]") {
  const std::string md = render_markdown(sample(Lang::En), PStyle::Apa);
  CHECK(md ==
        "**Table 1. Reliability & validity**\n\n"
        "| Item | alpha | p | CI | n | share |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        "| &nbsp;&nbsp;a_1 \\| x | 0.860 | < .001 | [0.81, 0.90] | 120 | 18.358% |\n"
        "| <b> | 0.000 | .023 |  | 7 | NA |\n"
        "\nNote. 50% & more\n"
        "\nNote. p-values in APA style.\n");
  Table with_text = sample(Lang::En);
  with_text.interpretation = {"First sentence.", "Second."};
  CHECK(render_markdown(with_text, PStyle::Apa).find("\nFirst sentence. Second.\n") != std::string::npos);
  const std::string zh = render_markdown(sample(Lang::Zh), PStyle::Chinese);
  CHECK(zh.rfind("**表1  信度检验结果**", 0) == 0);
  CHECK(zh.find("注：* p<0.05, ** p<0.01, *** p<0.001") != std::string::npos);
}

TEST_CASE("report: csv keeps full precision", "[report][csv]") {
  CHECK(render_csv(sample(Lang::En)) ==
        "Item,alpha,p,CI,n,share\n"
        "a_1 | x,0.86048999999999998,1.0000000000000001e-05,0.81000000000000005;0.90000000000000002,120,"
        "0.18357999999999999\n"
        "<b>,-0.0001,0.023400000000000001,,7,NA\n");
}

Document document(const std::vector<Table>& tables, const DocumentInfo& info) {
  Document d;
  d.info = info;
  for (const auto& t : tables) d.blocks.emplace_back(t);
  return d;
}

TEST_CASE("report: html and latex escape and lay out", "[report][html][latex]") {
  DocumentInfo doc;
  doc.title = "T & A";
  doc.reproducibility = {"seed 1"};
  const std::string html = render_html(document({sample(Lang::En)}, doc));
  CHECK(html.find("<title>T &amp; A</title>") != std::string::npos);
  CHECK(html.find("<td>&lt;b&gt;</td>") != std::string::npos);
  CHECK(html.find("<caption>Table 1. Reliability &amp; validity</caption>") != std::string::npos);
  CHECK(html.find("<style>") != std::string::npos);  // self-contained
  const std::string tex = render_latex(document({sample(Lang::En)}, doc));
  CHECK(tex.find("\\documentclass[11pt]{article}") != std::string::npos);
  CHECK(tex.find("\\usepackage{booktabs}") != std::string::npos);
  CHECK(tex.find("\\caption{Table 1. Reliability \\& validity}") != std::string::npos);
  CHECK(tex.find("a\\_\\allowbreak{}1 | x") != std::string::npos);
  CHECK(tex.find("50\\% \\& more") != std::string::npos);
  doc.lang = Lang::Zh;
  CHECK(render_latex(document({sample(Lang::Zh)}, doc)).find("{ctexart}") != std::string::npos);
}

TEST_CASE("report: xlsx is written atomically as a zip", "[report][xlsx]") {
  const auto dir = std::filesystem::temp_directory_path() / "cikit_report_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "t.xlsx";
  write_xlsx(path, document({sample(Lang::En)}, DocumentInfo{}));
  std::ifstream in(path, std::ios::binary);
  char magic[2] = {0, 0};
  in.read(magic, 2);
  CHECK(magic[0] == 'P');
  CHECK(magic[1] == 'K');
  for (const auto& e : std::filesystem::directory_iterator(dir)) CHECK(e.path().filename().string()[0] != '.');
  std::filesystem::remove_all(dir);
}

TEST_CASE("report: malformed tables are internal errors", "[report][error]") {
  Table t = sample(Lang::En);
  t.rows[0].pop_back();
  REQUIRE_THROWS_AS(render_csv(t), cikit::InternalError);
}

TEST_CASE("report: the message catalogue has every key in both languages", "[report][messages]") {
  const auto placeholders = [](std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '{') continue;
      const auto j = s.find('}', i);
      REQUIRE(j != std::string_view::npos);
      std::string p(s.substr(i, j - i + 1));
      out.push_back(p);
      i = j;
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  std::set<std::string_view> keys;
  REQUIRE(message_catalogue().size() > 100);
  for (const auto& m : message_catalogue()) {
    INFO(m.key);
    CHECK(keys.insert(m.key).second);  // unique
    CHECK(!m.en.empty());
    CHECK(!m.zh.empty());
    CHECK(placeholders(m.en) == placeholders(m.zh));  // same arguments in both languages
    CHECK(msg(m.key, Lang::En) == m.en);
    CHECK(msg(m.key, Lang::Zh) == m.zh);
  }
  // Chinese texts with words are Chinese (at least one CJK character) unless they are symbols.
  CHECK(msg("a5.title", Lang::Zh) == "KMO和Bartlett的检验");
  CHECK(msg("a3.title", Lang::Zh) == "各维度信度检验结果");
  CHECK_THROWS_AS(msg("no.such.key", Lang::En), cikit::InternalError);
}
