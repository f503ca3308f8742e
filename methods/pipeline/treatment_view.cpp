#include "methods/pipeline/treatment_view.hpp"

#include <fmt/format.h>

namespace cikit::pipeline {

namespace {
std::string name_of(TransformMethod t) { return std::string(method_info(transform_methods(), t).name); }
}  // namespace

TextTable treatment_table(const TreatResult& t, Lang lang) {
  TextTable tab;
  tab.header = {tr(lang, "Indicator", "指标"), tr(lang, "Imputed", "插补"), tr(lang, "Win. low", "下端缩尾"),
                tr(lang, "Win. high", "上端缩尾"), tr(lang, "Transform", "变换"), tr(lang, "Skew before", "处理前偏度"),
                tr(lang, "Kurt before", "处理前峰度"), tr(lang, "Skew after", "处理后偏度"),
                tr(lang, "Kurt after", "处理后峰度"), tr(lang, "Treatment", "处理")};
  tab.right_align = {false, true, true, true, false, true, true, true, true, false};
  for (const auto& c : t.columns)
    tab.rows.push_back({c.id, std::to_string(c.n_imputed), std::to_string(c.n_winsorised_low),
                        std::to_string(c.n_winsorised_high), name_of(c.transform), num(c.skew_before, 3),
                        num(c.kurt_before, 3), num(c.skew_after, 3), num(c.kurt_after, 3), c.summary});
  return tab;
}

TextTable treated_points_table(const TreatResult& t, const Dataset& data) {
  TextTable tab;
  tab.header = {"unit_id", "indicator", "action", "before", "after"};
  for (const auto& p : t.points)
    tab.rows.push_back({data.unit_ids[static_cast<std::size_t>(p.row)], data.indicator_ids[static_cast<std::size_t>(p.col)],
                        p.action, num(p.before, 10), num(p.after, 10)});
  return tab;
}

nlohmann::json treat_config_json(const TreatConfig& c) {
  nlohmann::json transforms = nlohmann::json::object();
  for (const auto& [id, m] : c.transform_by_indicator) transforms[id] = name_of(m);
  return {{"impute", std::string(method_info(impute_methods(), c.impute).name)},
          {"group", c.group.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.group)},
          {"outliers", std::string(method_info(outlier_methods(), c.outliers).name)},
          {"winmax", c.winmax},
          {"skew", c.skew},
          {"kurtosis", c.kurtosis},
          {"fallback", name_of(c.fallback)},
          {"transforms", transforms}};
}

nlohmann::json treatment_json(const TreatResult& t, const TreatConfig& c, const Dataset& data) {
  nlohmann::json cols = nlohmann::json::array(), pts = nlohmann::json::array();
  for (const auto& k : t.columns)
    cols.push_back({{"id", k.id},
                    {"n_imputed", k.n_imputed},
                    {"n_winsorised_low", k.n_winsorised_low},
                    {"n_winsorised_high", k.n_winsorised_high},
                    {"transform", name_of(k.transform)},
                    {"skew_before", json_num(k.skew_before)},
                    {"kurtosis_before", json_num(k.kurt_before)},
                    {"flagged_before", k.flagged_before},
                    {"skew_after", json_num(k.skew_after)},
                    {"kurtosis_after", json_num(k.kurt_after)},
                    {"flagged_after", k.flagged_after},
                    {"summary", k.summary}});
  for (const auto& p : t.points)
    pts.push_back({{"unit", data.unit_ids[static_cast<std::size_t>(p.row)]},
                   {"indicator", data.indicator_ids[static_cast<std::size_t>(p.col)]},
                   {"action", p.action},
                   {"before", json_num(p.before)},
                   {"after", json_num(p.after)}});
  return {{"config", treat_config_json(c)}, {"indicators", cols}, {"points", pts}};
}

nlohmann::json preflight_json(const std::vector<PreflightIssue>& issues) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& i : issues) j.push_back({{"node", i.node}, {"message", i.message}});
  return j;
}

}  // namespace cikit::pipeline
