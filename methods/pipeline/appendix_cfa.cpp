#include "methods/pipeline/appendix_cfa.hpp"

#include <optional>
#include <regex>

#include "methods/cfa/cfa_settings.hpp"
#include "methods/core/error.hpp"
#include "methods/core/text.hpp"
#include "methods/pipeline/cfa.hpp"
#include "methods/report/cfa_tables.hpp"
#include "methods/report/messages.hpp"
#include "methods/report/notices.hpp"

namespace cikit::pipeline {

namespace {

/// The sentence naming the model that was fitted.
std::string model_note(const CfaRun& run, const cfa::CfaSettings& s, Lang lang) {
  const auto& mo = run.fit.model;
  const auto nf = mo.factors.size();
  const auto p = mo.indicators.size();
  std::string note;
  if (!s.factors.empty()) note = report::msgf("cfa.model.custom", lang, nf, p);
  else if (run.observed == "node_scores") note = report::msgf("cfa.model.parcels", lang, nf, run.level, p);
  else if (run.level > 0) note = report::msgf("cfa.model.indicators", lang, run.level, nf, p);
  else note = report::msgf("cfa.model.parents", lang, nf, p);
  if (!mo.second_order.empty()) {
    std::string names;
    for (std::size_t k = 0; k < mo.second_order.size(); ++k)
      names += (k ? report::msg("cfa.sep", lang) : "") + run.factor_labels[nf + k].get(lang, mo.second_order[k]);
    note += report::msgf("cfa.model.second", lang, names);
  }
  return note;
}

}  // namespace

std::string cfa_reason(const std::string& what, const Spec& spec, Lang lang) {
  std::smatch m;
  static const std::regex few("'([^']+)' has ([0-9]+) indicator\\(s\\); a factor needs at least ([0-9]+)");
  static const std::regex units("([0-9]+) complete units but the model has ([0-9]+) free parameters");
  if (std::regex_search(what, m, few)) {
    const auto node = spec.tree.find(m[1].str());
    const std::string name = node ? spec.tree.node(*node).label.get(lang, m[1].str()) : m[1].str();
    return report::msgf("cfa.why.few", lang, name, std::stoi(m[2].str()), std::stoi(m[3].str()));
  }
  if (std::regex_search(what, m, units))
    return report::msgf("cfa.why.units", lang, std::stoi(m[1].str()), std::stoi(m[2].str()));
  return report::localised_reason(what, lang);
}

std::vector<std::pair<std::string, std::string>> append_cfa_blocks(std::vector<report::Block>& blocks,
                                                                   const Spec& spec, const Dataset& data,
                                                                   const IndexResult& index, Lang lang,
                                                                   std::vector<std::string>& warnings) {
  const cfa::CfaSettings& s = cfa::cfa_settings(spec);
  std::vector<CfaOptions> candidates(1);
  if (!s.present) {  // no cfa: block: the indicator-level model, else parcels over the dimensions
    CfaOptions parcels;
    parcels.observed = "node_scores";
    parcels.level = 1;
    candidates.push_back(parcels);
  }
  std::optional<CfaRun> run;
  std::vector<std::string> why_en, why;
  std::string fiml_note;
  for (const auto& c : candidates) {
    try {
      run = cfa_of(spec, data, &index, c);
      // Listwise deletion by default; when it leaves units out and the spec does not fix the
      // missing-data treatment, the same model by FIML (every unit with an observed value) is
      // shown instead, if it converges: more units, and no bias under MAR (Enders & Bandalos 2001).
      if (!s.missing && run->missing == "listwise" && run->n_used < run->n_units) {
        CfaOptions f = c;
        f.missing = "fiml";
        try {
          CfaRun fr = cfa_of(spec, data, &index, f);
          if (fr.fit.converged && fr.n_used > run->n_used) {
            fiml_note = report::msgf("cfa.model.fiml_instead", lang, run->n_used, run->n_units, fr.n_used);
            run = std::move(fr);
          }
        } catch (const InvalidInput&) {  // keep the listwise fit
        } catch (const DomainError&) {
        }
      }
      break;
    } catch (const InvalidInput& e) {
      why_en.emplace_back(e.what());
      why.push_back(cfa_reason(e.what(), spec, lang));
    } catch (const DomainError& e) {
      why_en.emplace_back(e.what());
      why.push_back(cfa_reason(e.what(), spec, lang));
    }
  }
  if (!run) {
    std::string en, loc;
    for (std::size_t k = 0; k < why.size(); ++k) {
      en += (k ? "; " : "") + why_en[k];
      loc += (k ? report::msg("cfa.sep", lang) : "") + why[k];
    }
    return {{str_cat("confirmatory factor analysis (A15, A16) left out: ", en), report::msgf("omit.cfa", lang, loc)}};
  }
  report::CfaTablesInput in;
  in.fit = &run->fit;
  in.estimator = run->estimator;
  in.missing = run->missing;
  in.observed = run->observed;
  in.n_units = run->n_units;
  const auto& mo = run->fit.model;
  for (std::size_t k = 0; k < run->factor_labels.size(); ++k)
    in.factor_names.push_back(run->factor_labels[k].get(lang, k < mo.factors.size() ? mo.factors[k]
                                                                                    : mo.second_order[k - mo.factors.size()]));
  for (std::size_t k = 0; k < run->indicator_labels.size(); ++k)
    in.observed_names.push_back(run->indicator_labels[k].get(lang, mo.indicators[k]));
  for (const auto& v : run->validity) {
    in.cr.push_back(v.cr);
    in.ave.push_back(v.ave);
    in.fornell_larcker_ok.push_back(v.fornell_larcker_ok);
  }
  in.fornell_larcker = run->fornell_larcker;
  in.verdicts = &spec.thresholds;
  in.model_note = model_note(*run, s, lang);
  const std::string gap = lang == Lang::Zh ? "" : " ";  // between sentences (none after "。")
  if (!why.empty()) in.model_note += gap + report::msgf("cfa.model.fallback", lang, why.front());
  if (!fiml_note.empty()) in.model_note += gap + fiml_note;
  // The run's warnings in the document's language: an inadmissible or unconverged solution (the
  // tables say so too); listwise deletion is stated in A15's note (N of all units).
  if (const auto bad = report::cfa_inadmissible(in, lang); !bad.empty()) {
    std::string reasons;
    for (std::size_t k = 0; k < bad.size(); ++k) reasons += (k ? report::msg("cfa.sep", lang) : "") + bad[k];
    warnings.push_back(report::msgf("cfa.interp.invalid", lang, reasons));
  }
  blocks.emplace_back(report::cfa_fit_table(in, lang));
  blocks.emplace_back(report::cfa_loadings_table(in, lang));
  if (mo.factors.size() >= 2) blocks.emplace_back(report::cfa_convergent_table(in, lang));
  return {};
}

}  // namespace cikit::pipeline
