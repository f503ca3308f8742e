// Tests of methods/pipeline/appendix (run_appendix): the pipeline of `cikit appendix` on the
// bundled governance example, with small replicate counts so that it is fast. Nothing is
// written: the output set is checked in memory.

#include "methods/pipeline/appendix.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "methods/report/messages.hpp"
#include "support.hpp"

namespace {
cikit::pipeline::AppendixOptions small() {
  cikit::pipeline::AppendixOptions o;
  o.spec = cikit_test::source_dir() + "/datasets/governance/governance.yaml";
  o.out = "appendix-not-written";
  o.formats = {"md", "csv", "svg"};
  o.bootstrap = 20;
  o.parallel = 10;
  o.replicates = 64;
  o.sensitivity_bootstrap = 20;
  o.sobol_bootstrap = 20;
  return o;
}

std::set<std::string> file_names(const cikit::pipeline::AppendixRun& run) {
  std::set<std::string> names;
  for (const auto& f : run.outputs.files()) names.insert(f.first);
  return names;
}
}  // namespace

TEST_CASE("run_appendix: the output set holds every table and figure", "[pipeline][appendix][property]") {
  std::vector<std::string> stages;
  auto o = small();
  o.stage = [&](const std::string& s) { stages.push_back(s); };
  const auto run = cikit::pipeline::run_appendix(o);
  const auto names = file_names(run);
  for (const char* f : {"appendix.md", "A1_indicator_system.csv", "A2_descriptive_statistics.csv", "A3_reliability.csv",
                        "A5_kmo_bartlett.csv", "A9_ahp_consistency.csv", "A10_global_weights.csv",
                        "A11_rank_correlations.csv", "A12_rank_intervals.csv", "A13_sobol_indices.csv",
                        "A14_leave_one_out.csv", "D1_delphi_panel.csv", "index_scores.csv", "F1_correlation_heatmap.svg",
                        "F2_scree.svg", "F4_rank_intervals_1.svg"}) {
    INFO(f);
    REQUIRE(names.count(f) == 1);
  }
  // One CSV per table and one SVG per figure, plus appendix.md; no format that was not asked for.
  REQUIRE(names.size() == run.document.tables().size() + run.document.figures().size() + 1);
  REQUIRE(names.count("appendix.html") == 0);
  REQUIRE_FALSE(run.xlsx);
  REQUIRE_FALSE(run.docx);
  REQUIRE(run.outputs.dir() == "appendix-not-written");
  // Stages: evidence, weights, sensitivity, audit, results and analyses, figures, write.
  REQUIRE(stages.size() == 7);
  REQUIRE(run.config.sensitivity.replicates == 64);
  REQUIRE(run.config.evidence.parallel_replicates == 10);
  REQUIRE(run.document.info.lang == cikit::Lang::En);
}

TEST_CASE("run_appendix: print_config resolves the configuration only", "[pipeline][appendix][property]") {
  auto o = small();
  o.print_config = true;
  o.out.clear();
  o.seed = 42;
  const auto run = cikit::pipeline::run_appendix(o);
  REQUIRE(run.config.index.seed == 42);
  REQUIRE(run.spec.config.seed == 42);
  REQUIRE(run.config_yaml.find("seed: 42") != std::string::npos);
  REQUIRE(run.document.blocks.empty());
  REQUIRE(run.outputs.files().empty());
}

TEST_CASE("run_appendix: invalid options", "[pipeline][appendix][error]") {
  auto o = small();
  o.formats = {"md", "pdf"};
  REQUIRE_THROWS_AS(cikit::pipeline::run_appendix(o), cikit::InvalidInput);
  REQUIRE_THROWS_WITH(cikit::pipeline::run_appendix(o), Catch::Matchers::Contains("unknown format 'pdf'"));
  o = small();
  o.out.clear();
  REQUIRE_THROWS_WITH(cikit::pipeline::run_appendix(o), Catch::Matchers::Contains("out is empty"));
  o = small();
  o.config = o.spec;
  REQUIRE_THROWS_WITH(cikit::pipeline::run_appendix(o), Catch::Matchers::Contains("config cannot be combined with spec"));
}

TEST_CASE("run_appendix: A13 labels every unconverged index and gives no command-line advice (zh, en)",
          "[pipeline][appendix][sensitivity]") {
  for (const cikit::Lang lang : {cikit::Lang::En, cikit::Lang::Zh}) {
    auto o = small();
    o.lang = lang;
    const auto run = cikit::pipeline::run_appendix(o);
    // R = 64 with the example's k = 4 inputs: N = 16 and 96 runs, stated in a notice.
    bool noted = false;
    for (const auto& n : run.notices) noted = noted || (n.find("N = 16") != std::string::npos && n.find("96") != std::string::npos);
    CHECK(noted);
    std::string md;
    for (const auto& f : run.outputs.files())
      if (f.first == "appendix.md") md = f.second;
    REQUIRE_FALSE(md.empty());
    // No option names ("--replicates") anywhere in the appendix text.
    CHECK_FALSE(std::regex_search(md, std::regex("--[a-z]")));
    // A14's reasons for indicators that cannot be left out (only children of their group) are
    // in the appendix's language (issue 19: the zh appendix showed the English exception).
    if (lang == cikit::Lang::Zh) {
      CHECK(md.find("without children") == std::string::npos);
      CHECK(md.find("为“") != std::string::npos);
      CHECK(md.find("的唯一下级指标，删除后该上级为空") != std::string::npos);
    } else {
      CHECK(md.find("without children") != std::string::npos);
    }
    const cikit::report::Table* a13 = nullptr;
    for (const auto* t : run.document.tables())
      if (t->id == "A13_sobol_indices") a13 = t;  // by file stem: the number is given by section
    REQUIRE(a13 != nullptr);
    const std::string converged = cikit::report::msg("a13.status.converged", lang);
    for (const auto& row : a13->rows) {
      // Columns: input | first: estimate, CI, status | total: estimate, CI, status.
      REQUIRE(row.size() == 7);
      const auto& ci = row[2];
      if (ci.value <= 0.0 && ci.hi >= 0.0 && ci.value < ci.hi) {
        INFO(row[0].text << ": " << row[3].text);
        CHECK(row[3].text.rfind(converged, 0) != 0);
        CHECK(row[3].text.find(cikit::report::msg("a13.reason.zero", lang)) != std::string::npos);
      }
    }
  }
}

namespace {
const cikit::report::Table* table_by_id(const cikit::pipeline::AppendixRun& run, const std::string& id) {
  for (const auto* t : run.document.tables())
    if (t->id == id) return t;
  return nullptr;
}
bool has_note(const cikit::report::Table& t, const std::string& part) {
  for (const auto& n : t.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}
bool has_warning(const std::vector<std::string>& ws, const std::string& part) {
  for (const auto& w : ws)
    if (w.find(part) != std::string::npos) return true;
  return false;
}
}  // namespace

// Issue 19: what reading the data changed (an Excel error read as missing, full-width digits,
// a denominator 0 or missing) is in the appendix: on stderr and as notes under A1 (denominators)
// and A2 (the data), in the appendix's language.
TEST_CASE("run_appendix: dataset warnings become warnings and A1/A2 notes (zh, en)", "[pipeline][appendix][xlsx]") {
  for (const cikit::Lang lang : {cikit::Lang::En, cikit::Lang::Zh}) {
    auto o = small();
    o.spec = cikit_test::source_dir() + "/tests/cli/cases/data_warnings.yaml";
    o.lang = lang;
    o.replicates = 64;
    o.sensitivity_bootstrap = 0;
    const auto run = cikit::pipeline::run_appendix(o);
    // English warnings (the run's record) whatever the language.
    CHECK(has_warning(run.warnings, "column 'e2': 1 Excel error value(s) read as missing"));
    CHECK(has_warning(run.warnings, "column 's1': 1 value(s) with full-width digits"));
    CHECK(has_warning(run.warnings, "indicator 'e1': 2 value(s) set to missing because the denominator 'pop'"));
    const auto* a1 = table_by_id(run, "A1_indicator_system");
    const auto* a2 = table_by_id(run, "A2_descriptive_statistics");
    REQUIRE(a1 != nullptr);
    REQUIRE(a2 != nullptr);
    if (lang == cikit::Lang::En) {
      CHECK(has_note(*a1, "indicator 'e1': 2 value(s) set to missing because the denominator 'pop' is missing or zero: u3 (0), u5 (missing)"));
      // Located by the file's name, not the folder it was read from.
      CHECK(has_note(*a2, "column 'e2': 1 Excel error value(s) read as missing (data.excel_errors: missing): data_warnings.csv:8:5 #DIV/0!"));
      CHECK_FALSE(has_note(*a2, "/data_warnings.csv"));
      CHECK(has_note(*a2, "column 's1': 1 value(s) with full-width digits or a Unicode minus read as numbers"));
      CHECK(has_warning(run.warnings_shown, "column 'e2': 1 Excel error value(s)"));
    } else {
      CHECK(has_note(*a1, "指标“e1”：2个数值因分母“pop”缺失或为0而设为缺失值：u3（分母为0）, u5（分母缺失）"));
      CHECK(has_note(*a2, "数据列“e2”：1个Excel错误值按缺失值处理（data.excel_errors: missing）"));
      CHECK(has_note(*a2, "数据列“s1”：1个含全角数字或Unicode负号的数值已按数字读取"));
      CHECK(has_warning(run.warnings_shown, "数据列“e2”：1个Excel错误值按缺失值处理"));
      CHECK_FALSE(has_note(*a2, "Excel error value(s)"));
    }
    // Not under the other tables.
    CHECK_FALSE(has_note(*a1, "e2"));
    CHECK_FALSE(has_note(*a2, "pop"));
  }
}

// Issue 19 regression: the workbook test data (validation/core/xlsx/cells.csv, written by R)
// in one dimension correlate negatively on average; psych's item r.cor is NaN there and the
// appendix used to stop with the internal error "alpha: a non-finite statistic escaped".
TEST_CASE("run_appendix: a block whose items correlate negatively on average gives a result, not an internal error",
          "[pipeline][appendix][reliability]") {
  auto o = small();
  o.spec = cikit_test::source_dir() + "/validation/core/xlsx/negative_block.yaml";
  o.replicates = 64;
  o.sensitivity_bootstrap = 0;
  const auto run = cikit::pipeline::run_appendix(o);
  const auto* a3 = table_by_id(run, "A3_reliability");
  REQUIRE(a3 != nullptr);
  CHECK(has_warning(run.warnings, "item r.cor is not computable"));
}
