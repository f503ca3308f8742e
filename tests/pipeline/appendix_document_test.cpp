// The appendix as a document (issue 23): the bundled governance example's appendix, in
// Chinese and English, read the way a reviewer reads it: numbered sections, every table and
// figure numbered within its section, references to the final numbers only, CSV files with a
// UTF-8 BOM (none with csv_bom = false), no absolute local path in any file, whole-number
// ranks, and no column that repeats one value in every row of the rank-interval table.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <string>

#include "methods/pipeline/appendix.hpp"
#include "methods/report/numbering.hpp"
#include "methods/report/tidy.hpp"
#include "support.hpp"

namespace {
using cikit::Lang;
using cikit::pipeline::AppendixOptions;
using cikit::pipeline::AppendixRun;
namespace report = cikit::report;

AppendixOptions small(Lang lang) {
  AppendixOptions o;
  o.spec = cikit_test::source_dir() + "/datasets/governance/governance.yaml";  // absolute on purpose
  o.out = "appendix-not-written";
  o.lang = lang;
  o.formats = {"md", "html", "csv"};
  o.bootstrap = 20;
  o.parallel = 10;
  o.replicates = 64;
  o.sensitivity_bootstrap = 20;
  o.sobol_bootstrap = 20;
  return o;
}

/// The run of each language, computed once (a run takes seconds).
const AppendixRun& run_of(Lang lang) {
  static const AppendixRun zh = cikit::pipeline::run_appendix(small(Lang::Zh));
  static const AppendixRun en = cikit::pipeline::run_appendix(small(Lang::En));
  return lang == Lang::Zh ? zh : en;
}

const std::string& file(const AppendixRun& run, const std::string& name) {
  for (const auto& [n, content] : run.outputs.files())
    if (n == name) return content;
  FAIL("no output file " << name);
  static const std::string none;
  return none;
}

const report::Table& table(const AppendixRun& run, const std::string& id) {
  for (const auto* t : run.document.tables())
    if (t->id == id) return *t;
  FAIL("no table " << id);
  throw std::logic_error("unreachable");
}
/// Every table and figure is numbered "<section>-<k>", k counting from 1 within its section,
/// tables and figures each on their own counter.
void check_numbered_within_sections(const report::Document& doc) {
  int section = 0, tables = 0, figures = 0;
  for (const auto& b : doc.blocks) {
    if (const auto* s = std::get_if<report::Section>(&b)) {
      section = s->number;
      tables = figures = 0;
    } else if (const auto* t = std::get_if<report::Table>(&b)) {
      CHECK(t->number == std::to_string(section) + "-" + std::to_string(++tables));
    } else {
      CHECK(std::get<report::Figure>(b).number == std::to_string(section) + "-" + std::to_string(++figures));
    }
  }
}

}  // namespace

TEST_CASE("appendix document: numbered sections, tables and figures numbered within them",
          "[pipeline][appendix][document]") {
  for (const Lang lang : {Lang::Zh, Lang::En}) {
    const AppendixRun& run = run_of(lang);
    INFO(cikit::lang_code(lang));
    const auto sections = run.document.sections();
    REQUIRE(sections.size() >= 5);
    const std::string& md = file(run, "appendix.md");
    const std::string& html = file(run, "appendix.html");
    for (std::size_t i = 0; i < sections.size(); ++i) {
      REQUIRE(sections[i]->number == static_cast<int>(i + 1));
      const std::string h = report::heading(*sections[i]);
      CHECK(md.find("\n## " + h + "\n") != std::string::npos);
      CHECK(html.find(">" + h + "</h2>") != std::string::npos);
    }
    if (lang == Lang::Zh) {
      CHECK(report::heading(*sections[0]) == "一、指标体系构建与专家咨询");
      CHECK(report::heading(*sections[2]) == "三、信度");
    } else {
      CHECK(report::heading(*sections[1]) == "2 Data and descriptive statistics");
      CHECK(report::heading(*sections[5]) == "6 Robustness and sensitivity");
    }
    check_numbered_within_sections(run.document);
    // The Delphi tables belong to section 1, the index scores to the results section (the
    // second last), the coupling and obstacle tables to the last (analyses).
    CHECK(table(run, "D1_delphi_panel").number.rfind("1-", 0) == 0);
    CHECK(sections[sections.size() - 2]->key == "results");
    CHECK(table(run, "index_scores").number.rfind(std::to_string(sections.size() - 1) + "-", 0) == 0);
    CHECK(sections.back()->key == "analyses");
    for (const char* id : {"K1_coupling", "K2_coupling_levels", "O1_obstacles", "O2_obstacle_frequency"})
      CHECK(table(run, id).number.rfind(std::to_string(sections.size()) + "-", 0) == 0);
    // No reference to a provisional number is left in any text.
    const std::regex provisional(lang == Lang::Zh ? "表[ABD][0-9]" : "Tables? [ABD][0-9]");
    CHECK_FALSE(std::regex_search(md, provisional));
    // Nor at the end of a range ("表4-1–A8" was left in the zh text; issue 19).
    CHECK_FALSE(std::regex_search(md, std::regex("–[ABD][0-9]")));
  }
}

TEST_CASE("appendix document: references follow the final numbers", "[pipeline][appendix][document]") {
  report::Renumbering r;
  r.tables = {{"A1", "1-1"}, {"A10-2", "5-3"}, {"A12", "6-4"}};
  r.figures = {{"1", "4-1"}, {"3-1", "5-1"}};
  CHECK(report::renumber_references("见表A10-2；顺序同表A1，图1与图3-1", r) == "见表5-3；顺序同表1-1，图4-1与图5-1");
  CHECK(report::renumber_references("(Table A12), Figure 3-1 and Table A13", r) == "(Table 6-4), Figure 5-1 and Table A13");
  // Ranges: both ends follow the final numbers; an unknown end stays.
  r.tables.emplace("A5", "4-2");
  r.tables.emplace("A8", "4-6");
  CHECK(report::renumber_references("（表A5–A8）", r) == "（表4-2–4-6）");
  CHECK(report::renumber_references("(Tables A5–A8), Tables A5–A99", r) == "(Tables 4-2–4-6), Tables 4-2–A99");
  // A number split into parts (A9 -> A9-1, A9-2, A9-10): a range ends at its last part.
  r.tables.emplace("A9-1", "4-7");
  r.tables.emplace("A9-2", "4-8");
  r.tables.emplace("A9-10", "4-9");
  CHECK(report::renumber_references("表A5–A9", r) == "表4-2–4-9");
  CHECK(report::chinese_numeral(7) == "七");
  CHECK(report::chinese_numeral(12) == "十二");
  CHECK(report::chinese_numeral(20) == "二十");
}

TEST_CASE("appendix document: CSV files start with a UTF-8 BOM unless turned off", "[pipeline][appendix][document]") {
  const std::string bom = "\xEF\xBB\xBF";
  std::size_t csv = 0;
  for (const auto& [name, content] : run_of(Lang::Zh).outputs.files()) {
    if (name.size() < 4 || name.substr(name.size() - 4) != ".csv") continue;
    INFO(name);
    CHECK(content.rfind(bom, 0) == 0);
    ++csv;
  }
  CHECK(csv == run_of(Lang::Zh).document.tables().size());
  auto o = small(Lang::Zh);
  o.csv_bom = false;
  o.formats = {"csv"};
  o.replicates = 16;
  const AppendixRun plain = cikit::pipeline::run_appendix(o);
  for (const auto& [name, content] : plain.outputs.files()) {
    INFO(name);
    CHECK(content.rfind(bom, 0) != 0);
  }
}

TEST_CASE("appendix document: no absolute local path in any file", "[pipeline][appendix][document]") {
  const std::string source = cikit_test::source_dir();
  for (const Lang lang : {Lang::Zh, Lang::En}) {
    for (const auto& [name, content] : run_of(lang).outputs.files()) {
      INFO(name);
      CHECK(content.find(source) == std::string::npos);
      CHECK(content.find("/datasets/governance/") == std::string::npos);
    }
    for (const auto& line : run_of(lang).document.info.reproducibility) CHECK(line.find(source) == std::string::npos);
  }
  // The spec and data as paths relative to the spec.
  const std::string& md = file(run_of(Lang::En), "appendix.md");
  CHECK(md.find("- Spec: governance.yaml (SHA-256") != std::string::npos);
}

TEST_CASE("appendix document: ranks as whole numbers, no column of one repeated value", "[pipeline][appendix][document]") {
  for (const Lang lang : {Lang::Zh, Lang::En}) {
    const AppendixRun& run = run_of(lang);
    const std::string& md = file(run, "appendix.md");
    CHECK_FALSE(std::regex_search(md, std::regex(R"(\[[0-9]+\.0, [0-9]+\.0\])")));
    CHECK_FALSE(std::regex_search(md, std::regex(R"([0-9]+\.0–[0-9]+\.0)")));
    const report::Table& a12 = table(run, "A12_rank_intervals");
    REQUIRE(a12.rows.size() >= report::kConstantRows);
    for (std::size_t c = 1; c < a12.header.size(); ++c) {
      std::set<std::string> shown;
      for (const auto& r : a12.rows) shown.insert(report::format_cell(r[c], report::PStyle::Apa));
      INFO(a12.header[c]);
      CHECK(shown.size() > 1);
    }
    // Descriptive statistics: a unit column; yuan and counts without three decimals.
    const report::Table& a2 = table(run, "A2_descriptive_statistics");
    CHECK(a2.header[1] == (lang == Lang::Zh ? "单位" : "Unit"));
    for (const auto& r : a2.rows)
      for (const auto& c : r)
        CHECK_FALSE(std::regex_search(report::format_cell(c, report::PStyle::Apa), std::regex(R"([0-9]{4,}\.[0-9]{3})")));
  }
}

namespace {
/// A spec for COINr's ASEM example (../shared/data/coinr-asem: 51 countries, 49 indicators in 8
/// pillars and 2 sub-indices), written from ASEM_iMeta.csv into `dir`; the data file is named
/// by its path relative to the spec. Equal weights, min-max, no judgments and no Delphi files.
std::string write_asem_spec(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  const fs::path asem = fs::path(cikit_test::shared_data_dir()) / "coinr-asem";
  const auto meta = cikit_test::read_table((asem / "ASEM_iMeta.csv").string());
  // Columns: Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent, Type.
  const auto quoted = [](std::string s) {
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\\\"") : std::string(1, c);
    return out + "\"";
  };
  std::function<std::string(const std::string&, int)> children = [&](const std::string& parent, int indent) {
    std::string out;
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    for (std::size_t r = 1; r < meta.size(); ++r) {
      const auto& m = meta[r];
      if (m.size() < 10 || m[8] != parent || (m[9] != "Indicator" && m[9] != "Aggregate")) continue;
      out += pad + "- id: " + m[1] + "\n" + pad + "  label: {zh: " + quoted(m[2]) + ", en: " + quoted(m[2]) + "}\n";
      if (m[9] == "Indicator") {
        out += pad + "  direction: \"" + (m[3] == "-1" ? "-" : "+") + "\"\n";
        if (!m[5].empty() && m[5] != "NA") out += pad + "  unit: " + quoted(m[5]) + "\n";
      } else {
        out += pad + "  children:\n" + children(m[1], indent + 4);
      }
    }
    return out;
  };
  fs::create_directories(dir);
  const fs::path data = fs::absolute(asem / "ASEM_iData.csv").lexically_normal();
  const std::string rel = data.lexically_relative(fs::absolute(dir).lexically_normal()).generic_string();
  std::string yaml = "index:\n  id: asem\n  label: {zh: ASEM可持续互联互通指数, en: ASEM Sustainable Connectivity Index}\n"
                     "data:\n  file: " + quoted(rel) + "\n  unit: uCode\n  names: {zh: uName, en: uName}\n"
                     "  missing: [\"\", \"NA\"]\n"
                     "methods:\n  normalize: minmax\n  weights: equal\n  aggregate: arithmetic\n"
                     "uncertainty:\n  normalize: [minmax, zscore]\n  weights: [equal, entropy]\n  replicates: 64\n"
                     "  bootstrap: 20\n"
                     "tree:\n" + children("Index", 2);
  const fs::path spec = dir / "asem.yaml";
  std::ofstream(spec) << yaml;
  return spec.string();
}
}  // namespace

TEST_CASE("appendix document: a second spec (COINr's ASEM data), when ../shared/data is present",
          "[pipeline][appendix][document][shared]") {
  namespace fs = std::filesystem;
  if (!fs::is_regular_file(fs::path(cikit_test::shared_data_dir()) / "coinr-asem" / "ASEM_iMeta.csv")) {
    WARN("skipped: ../shared/data/coinr-asem is not present");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / "cikit_appendix_document_asem";
  const std::string spec = write_asem_spec(dir);
  for (const Lang lang : {Lang::Zh, Lang::En}) {
    INFO(cikit::lang_code(lang));
    AppendixOptions o = small(lang);
    o.spec = fs::absolute(spec).string();
    const AppendixRun run = cikit::pipeline::run_appendix(o);
    REQUIRE(run.document.sections().size() >= 5);
    check_numbered_within_sections(run.document);
    // No Delphi files: section 1 holds the indicator system only; the omission is stated.
    CHECK(table(run, "A1_indicator_system").number == "1-1");
    CHECK_FALSE(run.document.info.omitted.empty());
    for (const auto& [name, content] : run.outputs.files()) {
      INFO(name);
      CHECK(content.find(dir.string()) == std::string::npos);
      if (name.size() > 4 && name.substr(name.size() - 4) == ".csv") CHECK(content.rfind("\xEF\xBB\xBF", 0) == 0);
    }
    // The data file, outside the spec's folder, is named by a relative path ("../…").
    for (const auto& line : run.document.info.reproducibility) {
      INFO(line);
      CHECK_FALSE(std::regex_search(line, std::regex("(: |：)/")));
    }
    const std::string& md = file(run, "appendix.md");
    CHECK_FALSE(std::regex_search(md, std::regex(R"(\[[0-9]+\.0, [0-9]+\.0\])")));
  }
  fs::remove_all(dir);
}
