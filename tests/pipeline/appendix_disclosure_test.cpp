// The appendix as a document discloses what the pipeline did (issue 23, points 2, 4, 5): every
// adjustment the library made is a numbered note under its table and a row of table B2, the
// run's warnings are in the document's language, A1's units and sources, D1's note and
// A10-1's variants are in that language, A11-3 names units as B1 does, and the criterion
// validity of `cikit validity` is table A8-3. On the bundled example, zh and en, with small
// replicate counts; nothing is written.

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "methods/pipeline/appendix.hpp"
#include "methods/pipeline/validity.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/notices.hpp"
#include "pipeline_support.hpp"

namespace {

using cikit::Lang;
using cikit::report::Table;

cikit::pipeline::AppendixRun run_small(Lang lang) {
  cikit::pipeline::AppendixOptions o;
  o.spec = cikit_test::governance_spec();
  o.out = "appendix-not-written";
  o.lang = lang;
  o.formats = {"md"};
  o.bootstrap = 20;
  o.parallel = 10;
  o.replicates = 64;
  o.sensitivity_bootstrap = 20;
  o.sobol_bootstrap = 20;
  return cikit::pipeline::run_appendix(o);
}

/// The runs are the costly part: one per language for every test case.
const cikit::pipeline::AppendixRun& run_of(Lang lang) {
  static const auto zh = run_small(Lang::Zh);
  static const auto en = run_small(Lang::En);
  return lang == Lang::Zh ? zh : en;
}

const Table* table(const cikit::pipeline::AppendixRun& run, const std::string& id) {
  for (const auto* t : run.document.tables())
    if (t->id == id) return t;
  return nullptr;
}

std::size_t column(const Table& t, const std::string& header) {
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (t.header[c] == header) return c;
  FAIL("no column " << header << " in table " << t.number);
  return 0;
}

/// Three or more English words in a row: an English sentence (or clause).
bool has_english_sentence(const std::string& s) {
  static const std::regex words(R"([A-Za-z]{2,}[,;:]? [A-Za-z]{2,}[,;:]? [A-Za-z]{2,})");
  return std::regex_search(s, words);
}

/// Warnings the library states as adjustments (the kinds of core/notice.hpp).
bool is_adjustment_warning(const std::string& w) {
  for (const char* what : {"coefficient of vector", "units dropped", "no available indicator", "imputed",
                           "re-normalised weights", "pseudo-random base points", "are dropped (listwise)"})
    if (w.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("appendix: every adjustment warning has its notice, its note and its row in B2",
          "[pipeline][appendix][disclosure]") {
  for (const Lang lang : {Lang::Zh, Lang::En}) {
    const auto& run = run_of(lang);
    INFO(cikit::lang_code(lang));
    // The bundled example combines AHP and entropy by the game-theory rule: negative
    // coefficients (|alpha| used) and units left out of the entropy weights by listwise deletion.
    REQUIRE_FALSE(run.adjustments.empty());
    std::set<std::string> stated;
    for (const auto& n : run.adjustments) stated.insert(n.text);
    for (const auto& w : run.warnings) {
      if (!is_adjustment_warning(w)) continue;
      INFO(w);
      CHECK(stated.count(w) == 1);
    }
    const Table* b2 = table(run, "B2_adjustments");
    REQUIRE(b2 != nullptr);
    REQUIRE(b2->rows.size() == run.adjustments.size());
    const std::size_t what = column(*b2, cikit::report::msg("adj.h.what", lang));
    const cikit::Dataset data = cikit::load_data(run.spec);
    for (std::size_t i = 0; i < run.adjustments.size(); ++i) {
      const std::string text = cikit::report::notice_text(run.adjustments[i], run.spec.tree, &data, lang);
      INFO(text);
      CHECK(text.find(b2->rows[i][what].text) != std::string::npos);
    }
    // The notes under A1 and A10-1: one numbered note per kind, naming every node.
    std::size_t negative = 0;
    for (const auto& n : run.adjustments)
      if (n.key == "combine.negative") ++negative;
    REQUIRE(negative > 0);
    for (const char* number : {"A1_indicator_system", "A10_local_weights"}) {
      const Table* t = table(run, number);
      REQUIRE(t != nullptr);
      bool noted = false;
      for (const auto& note : t->notes)
        if (note.rfind(cikit::report::msgf("adj.note.number", lang, 1), 0) == 0 &&
            note.find(std::to_string(negative)) != std::string::npos)
          noted = true;
      INFO(number);
      CHECK(noted);
    }
    const Table* b1 = table(run, "index_scores");
    REQUIRE(b1 != nullptr);
    bool missing_noted = false;
    for (const auto& note : b1->notes) missing_noted = missing_noted || note.find("(1)") != std::string::npos ||
                                                       note.find("（1）") != std::string::npos;
    CHECK(missing_noted);
  }
}

TEST_CASE("appendix: warnings shown in the document's language", "[pipeline][appendix][disclosure]") {
  const auto& en = run_of(Lang::En);
  REQUIRE(en.warnings_shown == en.warnings);  // --lang en: the English warnings unchanged
  const auto& zh = run_of(Lang::Zh);
  REQUIRE(zh.warnings_shown.size() == zh.warnings.size());
  // The index's own warnings are printed by `cikit appendix` too.
  bool negative = false;
  for (const auto& w : zh.warnings) negative = negative || w.find("coefficient of vector") != std::string::npos;
  CHECK(negative);
  for (const auto& w : zh.warnings_shown) {
    INFO(w);
    CHECK_FALSE(has_english_sentence(w));
  }
}

TEST_CASE("appendix: A1 units and sources, D1 note and A10-1 variants in the document's language",
          "[pipeline][appendix][disclosure]") {
  for (const Lang lang : {Lang::Zh, Lang::En}) {
    const auto& run = run_of(lang);
    INFO(cikit::lang_code(lang));
    const Table* a1 = table(run, "A1_indicator_system");
    REQUIRE(a1 != nullptr);
    const std::size_t unit = column(*a1, cikit::report::msg("a1.h.unit", lang));
    const std::size_t source = column(*a1, cikit::report::msg("a1.h.source", lang));
    const std::size_t id = column(*a1, cikit::report::msg("a1.h.id", lang));
    std::size_t leaves = 0;
    for (const auto& row : a1->rows) {
      const auto i = run.spec.tree.find(row[id].text);
      REQUIRE(i);
      const cikit::Node& node = run.spec.tree.node(*i);
      if (!node.is_leaf()) continue;
      ++leaves;
      INFO(node.id);
      CHECK(row[unit].text == (lang == Lang::Zh ? node.unit.zh : node.unit.en));
      CHECK(row[source].text == (lang == Lang::Zh ? node.source.zh : node.source.en));
      // The bundled example gives every unit and source in both languages.
      if (lang == Lang::Zh) CHECK_FALSE(has_english_sentence(row[source].text));
      if (lang == Lang::Zh) CHECK(row[unit].text.find("per ") == std::string::npos);
    }
    REQUIRE(leaves == run.spec.tree.leaves().size());
    if (lang == Lang::Zh) {
      const Table* d1 = table(run, "D1_delphi_panel");
      REQUIRE(d1 != nullptr);
      for (const auto& n : d1->notes) CHECK(n.find("SYNTHETIC") == std::string::npos);
      const Table* a10 = table(run, "A10_local_weights");
      REQUIRE(a10 != nullptr);
      for (const auto& n : a10->notes)
        for (const char* spec_name : {"eigenvector", "saaty1980", "aij", "game_theory", "minmax"}) {
          INFO(n);
          CHECK(n.find(spec_name) == std::string::npos);
        }
    }
  }
}

TEST_CASE("appendix: A11-3 names units in the document's language, as B1 does", "[pipeline][appendix][disclosure]") {
  const auto& run = run_of(Lang::Zh);
  const cikit::Dataset data = cikit::load_data(run.spec);
  const std::set<std::string> ids(data.unit_ids.begin(), data.unit_ids.end());
  const Table* movers = table(run, "A11_largest_movers");
  REQUIRE(movers != nullptr);
  REQUIRE_FALSE(movers->rows.empty());
  for (const auto& row : movers->rows) {
    INFO(row[0].text);
    CHECK(ids.count(row[0].text) == 0);
  }
}

TEST_CASE("appendix: criterion validity (A8-3) as cikit validity computes it, and the overall conclusions",
          "[pipeline][appendix][disclosure]") {
  const auto& run = run_of(Lang::En);
  const Table* a83 = table(run, "A8_criterion_validity");
  REQUIRE(a83 != nullptr);
  cikit::pipeline::ValidityOptions vo;
  vo.spec = cikit_test::governance_spec();
  vo.replicates = 10;
  const auto validity = cikit::pipeline::run_validity(vo);
  REQUIRE(a83->rows.size() == validity.criteria.size());
  const std::size_t r = column(*a83, "Pearson r");
  for (std::size_t i = 0; i < validity.criteria.size(); ++i) {
    // The same index scores and the same correlation_test: bitwise equal.
    CHECK_THAT(a83->rows[i][r].value, Catch::Matchers::WithinAbs(validity.criteria[i].pearson.r, 0.0));
  }
  // Structural validity judged as a whole: the n : k ratio and a verdict.
  bool ratio = false;
  for (const auto& s : a83->interpretation) ratio = ratio || s.find(" : 1") != std::string::npos;
  CHECK(ratio);
  const Table* a4 = table(run, "A4_item_analysis");
  REQUIRE(a4 != nullptr);
  REQUIRE_FALSE(a4->interpretation.empty());
  CHECK(a4->interpretation.back().find("Reliability as a whole") != std::string::npos);
  REQUIRE(table(run, "A6_dimension_parallel") != nullptr);
}
