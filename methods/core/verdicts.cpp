#include "methods/core/verdicts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <set>

#include "methods/core/error.hpp"
#include "methods/core/yaml_context.hpp"

namespace cikit {

namespace {

using L = VerdictLevel;

constexpr std::array<std::string_view, 5> kLevelIds = {"excellent", "good", "acceptable", "questionable", "poor"};

// Shared bands of reliability coefficients: George & Mallery (2003) bands, whose 0.7 is
// Nunnally's (1978) bar for early-stage research.
std::vector<VerdictBand> reliability_bands() {
  return {{L::Excellent, 0.9}, {L::Good, 0.8}, {L::Acceptable, 0.7}, {L::Questionable, 0.6}};
}

const char* const kReliabilityCitation = "George & Mallery 2003; Nunnally 1978";

/// The default rules: the one place the thresholds live (docs/methods.md "Verdicts" lists them
/// with full references; ../shared/APPENDIX-CONVENTIONS.md §1–§4 for the Chinese usage).
std::vector<VerdictRule> default_rules() {
  std::vector<VerdictRule> r;
  r.push_back({"alpha", {"Cronbach's α系数", "Cronbach's alpha"}, true, reliability_bands(), kReliabilityCitation});
  r.push_back({"omega", {"McDonald's ω系数", "McDonald's omega"}, true, reliability_bands(), kReliabilityCitation});
  r.push_back({"split_half", {"折半信度", "split-half reliability"}, true, reliability_bands(), kReliabilityCitation});
  r.push_back({"item_total_r",
               {"校正项总计相关性(CITC)", "corrected item-total correlation"},
               true,
               {{L::Acceptable, 0.3}},
               "Nunnally & Bernstein 1994; Field 2009"});
  r.push_back({"kmo",
               {"KMO值", "Kaiser-Meyer-Olkin MSA"},
               true,
               {{L::Excellent, 0.9}, {L::Good, 0.8}, {L::Acceptable, 0.6}, {L::Questionable, 0.5}},
               "Kaiser 1974"});
  r.push_back({"msa",
               {"单项MSA", "item MSA"},
               true,
               {{L::Excellent, 0.9}, {L::Good, 0.8}, {L::Acceptable, 0.6}, {L::Questionable, 0.5}},
               "Kaiser 1974"});
  r.push_back({"bartlett_p", {"Bartlett球形度检验p值", "Bartlett's test p-value"}, false, {{L::Acceptable, 0.05}},
               "Bartlett 1951"});
  r.push_back({"cumulative_variance",
               {"累积方差解释率", "cumulative variance explained"},
               true,
               {{L::Acceptable, 0.6}, {L::Questionable, 0.5}},
               "Hair et al. 2019; Merenda 1997"});
  r.push_back({"loading",
               {"因子载荷(绝对值)", "absolute loading"},
               true,
               {{L::Good, 0.7}, {L::Acceptable, 0.5}, {L::Questionable, 0.4}},
               "Hair et al. 2019"});
  r.push_back({"cr",
               {"组合信度(CR)", "composite reliability (CR)"},
               true,
               {{L::Acceptable, 0.7}, {L::Questionable, 0.6}},
               "Fornell & Larcker 1981; Hair et al. 2019"});
  r.push_back({"ave", {"平均方差提取量(AVE)", "average variance extracted (AVE)"}, true, {{L::Acceptable, 0.5}},
               "Fornell & Larcker 1981"});
  r.push_back({"htmt",
               {"HTMT", "HTMT"},
               false,
               {{L::Acceptable, 0.85}, {L::Questionable, 0.90}},
               "Henseler et al. 2015"});
  // CFA global fit (cikit cfa): Hu & Bentler (1999) cut-offs as "good", the common looser
  // bands (CFI/TLI >= 0.90; RMSEA < 0.08, Browne & Cudeck 1993; chi2/df < 3, Kline 2016) as
  // "acceptable".
  r.push_back({"cfi", {"比较拟合指数(CFI)", "comparative fit index (CFI)"}, true,
               {{L::Good, 0.95}, {L::Acceptable, 0.90}}, "Hu & Bentler 1999; Bentler 1990"});
  r.push_back({"tli", {"Tucker-Lewis指数(TLI)", "Tucker-Lewis index (TLI)"}, true,
               {{L::Good, 0.95}, {L::Acceptable, 0.90}}, "Hu & Bentler 1999"});
  r.push_back({"rmsea", {"近似误差均方根(RMSEA)", "RMSEA"}, false,
               {{L::Good, 0.06}, {L::Acceptable, 0.08}, {L::Questionable, 0.10}},
               "Hu & Bentler 1999; Browne & Cudeck 1993"});
  r.push_back({"srmr", {"标准化残差均方根(SRMR)", "SRMR"}, false, {{L::Good, 0.08}}, "Hu & Bentler 1999"});
  r.push_back({"chisq_df", {"卡方自由度比(χ²/df)", "chi-square / df"}, false, {{L::Acceptable, 3.0}},
               "Kline 2016; Carmines & McIver 1981"});
  r.push_back({"criterion_r",
               {"效标相关系数", "criterion correlation"},
               true,
               {{L::Good, 0.5}, {L::Acceptable, 0.3}, {L::Questionable, 0.1}},
               "Cohen 1988"});
  return r;
}

std::string cut_text(bool higher, double cut) { return fmt::format("{} {:g}", higher ? "≥" : "<", cut); }

/// @throws InvalidInput (message only; parse_thresholds adds the location) when the bands of a
///         rule are not ordered.
void check_bands(const VerdictRule& rule) {
  if (rule.bands.empty()) throw InvalidInput(fmt::format("thresholds: '{}' needs at least one cut-point", rule.statistic));
  for (std::size_t i = 0; i < rule.bands.size(); ++i) {
    const auto& b = rule.bands[i];
    if (b.level == L::Poor)
      throw InvalidInput(fmt::format("thresholds: '{}': 'poor' is what meets no cut-point and takes none",
                                     rule.statistic));
    if (!std::isfinite(b.cut)) throw InvalidInput(fmt::format("thresholds: '{}': cut-points must be finite", rule.statistic));
    if (i == 0) continue;
    const auto& a = rule.bands[i - 1];
    if (!(a.level < b.level))
      throw InvalidInput(fmt::format("thresholds: '{}': levels must run best first (excellent, good, acceptable, "
                                     "questionable)",
                                     rule.statistic));
    const bool ordered = rule.higher_is_better ? a.cut > b.cut : a.cut < b.cut;
    if (!ordered)
      throw InvalidInput(fmt::format("thresholds: '{}': the cut-point of '{}' ({:g}) must be {} than that of '{}' "
                                     "({:g}) because {} values are better",
                                     rule.statistic, verdict_level_id(a.level), a.cut,
                                     rule.higher_is_better ? "higher" : "lower", verdict_level_id(b.level), b.cut,
                                     rule.higher_is_better ? "higher" : "lower"));
  }
}

}  // namespace

std::string_view verdict_level_id(VerdictLevel level) { return kLevelIds[static_cast<std::size_t>(level)]; }

const Labels& verdict_level_label(VerdictLevel level) {
  static const std::array<Labels, 5> labels = {Labels{"优秀", "excellent"}, Labels{"良好", "good"},
                                               Labels{"可接受", "acceptable"}, Labels{"存疑", "questionable"},
                                               Labels{"不佳", "poor"}};
  return labels[static_cast<std::size_t>(level)];
}

std::string ValueVerdict::text(Lang lang) const {
  if (lang == Lang::Zh) return fmt::format("{}（{}；{}）", label(lang), rule, citation);
  return fmt::format("{} ({}; {})", label(lang), rule, citation);
}

std::string VerdictRule::describe(Lang lang) const {
  const bool zh = lang == Lang::Zh;
  std::string out = name.get(lang, statistic) + (zh ? "：" : ": ");
  for (const auto& b : bands) {
    out += fmt::format("{} {}", cut_text(higher_is_better, b.cut), verdict_level_label(b.level).get(lang, ""));
    out += zh ? "，" : ", ";
  }
  out += zh ? "否则" : "otherwise ";
  out += verdict_level_label(VerdictLevel::Poor).get(lang, "");
  out += zh ? fmt::format("（{}）", citation) : fmt::format(" ({})", citation);
  return out;
}

double VerdictRule::cut(VerdictLevel level) const {
  for (const auto& b : bands)
    if (b.level == level) return b.cut;
  return std::numeric_limits<double>::quiet_NaN();
}

VerdictTable::VerdictTable() : rules_(default_rules()) {}

const VerdictRule& VerdictTable::rule(std::string_view statistic) const {
  for (const auto& r : rules_)
    if (r.statistic == statistic) return r;
  throw InternalError(fmt::format("verdicts: no rule for statistic '{}'", statistic));
}

std::optional<ValueVerdict> VerdictTable::judge(std::string_view statistic, double value) const {
  const VerdictRule& r = rule(statistic);
  if (std::isnan(value)) return std::nullopt;
  ValueVerdict v;
  v.statistic = r.statistic;
  v.value = value;
  v.citation = r.citation;
  for (const auto& b : r.bands) {
    const bool met = r.higher_is_better ? value >= b.cut : value < b.cut;
    if (met) {
      v.level = b.level;
      v.rule = cut_text(r.higher_is_better, b.cut);
      v.cut = b.cut;
      v.at_least = r.higher_is_better;
      return v;
    }
  }
  v.level = L::Poor;
  v.rule = cut_text(!r.higher_is_better, r.bands.back().cut);
  v.cut = r.bands.back().cut;
  v.at_least = !r.higher_is_better;
  return v;
}

void VerdictTable::set(VerdictRule rule) {
  check_bands(rule);
  for (auto& r : rules_)
    if (r.statistic == rule.statistic) {
      r = std::move(rule);
      return;
    }
  throw InvalidInput(fmt::format("thresholds: unknown statistic '{}'", rule.statistic));
}

void parse_thresholds(const YamlContext& ctx, const YAML::Node& node, VerdictTable& table) {
  std::set<std::string> ids;
  for (const auto& r : table.rules()) ids.insert(r.statistic);
  ctx.each_key(node, "thresholds", ids, [&](const std::string& stat, const YAML::Node&, const YAML::Node& v) {
    VerdictRule rule = table.rule(stat);
    std::vector<VerdictBand> bands;
    bool have_citation = false;
    ctx.each_key(v, "thresholds." + stat, {"excellent", "good", "acceptable", "questionable", "citation"},
                 [&](const std::string& key, const YAML::Node&, const YAML::Node& w) {
      if (key == "citation") {
        rule.citation = ctx.scalar(w, "thresholds." + stat + ".citation");
        have_citation = true;
        return;
      }
      const auto level = static_cast<VerdictLevel>(std::find(kLevelIds.begin(), kLevelIds.end(), key) - kLevelIds.begin());
      bands.push_back({level, ctx.number(w, "thresholds." + stat + "." + key)});
    });
    if (!bands.empty()) {
      std::sort(bands.begin(), bands.end(), [](const auto& a, const auto& b) { return a.level < b.level; });
      rule.bands = std::move(bands);
      if (!have_citation) rule.citation = "spec thresholds";
    }
    try {
      table.set(std::move(rule));
    } catch (const InvalidInput& e) {
      ctx.fail(v, e.what());
    }
  });
}

}  // namespace cikit
