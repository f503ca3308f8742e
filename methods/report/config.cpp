#include "methods/report/config.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/yaml_context.hpp"

namespace cikit::report {

const std::vector<std::string>& appendix_formats() {
  static const std::vector<std::string> f = {"md", "html", "tex", "csv", "xlsx", "svg", "docx"};
  return f;
}

namespace {
std::string missing_name(MissingRule m) { return m == MissingRule::Listwise ? "listwise" : "pairwise"; }
/// Shortest decimal that reads back as the same double.
std::string g17(double v) {
  for (int p = 1; p <= 17; ++p) {
    const std::string s = fmt::format("{:.{}g}", v, p);
    const double back = std::stod(s);
    if (!(back < v) && !(v < back)) return s;
  }
  return fmt::format("{:.17g}", v);
}
}  // namespace

namespace {
/// The `analyses:` block, only when an analysis is on (configurations without one print as before).
std::string analyses_yaml(const AnalysesSettings& a) {
  if (!a.any() && a.index_defaults()) return "";
  return fmt::format("analyses:\n  group: \"{}\"\n  density: {}\n  bandwidth: {}\n  coords: \"{}\"\n  lonlat: {}\n"
                     "  knn: {}\n  band: {}\n"
                     "  coupling: {{enabled: {}, formula: {}, weights: \"{}\"}}\n"
                     "  obstacles: {{enabled: {}, top: {}}}\n",
                     a.group, a.density ? "true" : "false", a.bandwidth, a.coords, a.lonlat ? "true" : "false", a.knn,
                     g17(a.band), a.coupling ? "true" : "false", a.coupling_formula, a.coupling_weights,
                     a.obstacles ? "true" : "false", a.obstacles_top);
}
}  // namespace

std::string appendix_config_yaml(const AppendixConfig& c, const std::string& version, const std::string& commit) {
  const IndexConfig& m = c.index;
  std::string formats;
  for (std::size_t i = 0; i < c.formats.size(); ++i) formats += (i ? ", " : "") + c.formats[i];
  return fmt::format(
      "# Effective configuration of `cikit appendix` (cikit {}, commit {}).\n"
      "# Reproduce the run: cikit appendix --config THIS_FILE --out DIR\n"
      "spec: \"{}\"\n"
      "spec_sha256: {}\n"
      "lang: {}\n"
      "pstyle: {}\n"
      "formats: [{}]\n"
      "seed: {}\n"
      "methods:\n"
      "  normalize: {{method: {}, range: [{}, {}]}}\n"
      "  weights: {}\n"
      "  aggregate: {{method: {}, missing: {}}}\n"
      "reliability:\n"
      "  standardize: {}\n"
      "  missing: {}\n"
      "  level: {}\n"
      "  bootstrap: {}\n"
      "validity:\n"
      "  parallel_replicates: {}\n"
      "  parallel_quantile: {}\n"
      "sensitivity:\n"
      "  replicates: {}\n"
      "  sobol: {}\n"
      "  bootstrap: {}\n"
      "  sobol_bootstrap: {}\n",
      version, commit, c.spec, c.spec_sha256, lang_code(c.lang), c.pstyle, formats, m.seed,
      method_info(normalize_methods(), m.normalize).name, g17(m.range_lo), g17(m.range_hi),
      method_info(weight_methods(), m.weights).name, method_info(aggregate_methods(), m.aggregate).name,
      method_info(missing_policies(), m.missing).name, c.evidence.standardize ? "true" : "false",
      missing_name(c.evidence.missing), g17(c.evidence.level),
      c.evidence.bootstrap_replicates, c.evidence.parallel_replicates, g17(c.evidence.parallel_quantile),
      c.sensitivity.replicates, c.sensitivity.sobol, c.sensitivity.bootstrap, c.sensitivity.sobol_bootstrap) +
         analyses_yaml(c.analyses);
}

namespace {
template <class E>
void method_value(const YamlContext& ctx, const YAML::Node& n, std::span<const MethodName<E>> table,
                  const std::string& what, E& out) {
  const std::string name = ctx.scalar(n, what);
  if (!parse_method(table, name, out))
    ctx.fail(n, fmt::format("unknown {} '{}' (accepted: {})", what, name, method_names(table)));
}
int integer_in(const YamlContext& ctx, const YAML::Node& n, const std::string& what, double lo, double hi) {
  const double v = ctx.number(n, what);
  if (v < lo || v > hi || std::floor(v) < v) ctx.fail(n, fmt::format("{} must be an integer in [{}, {}]", what, lo, hi));
  return static_cast<int>(v);
}
double open_unit(const YamlContext& ctx, const YAML::Node& n, const std::string& what) {
  const double v = ctx.number(n, what);
  if (!(v > 0.0 && v < 1.0)) ctx.fail(n, what + " must be between 0 and 1 (exclusive)");
  return v;
}
}  // namespace

namespace {
void read_analyses(const YamlContext& ctx, const YAML::Node& v, AnalysesSettings& a) {
  ctx.each_key(v, "analyses", {"group", "density", "bandwidth", "coords", "lonlat", "knn", "band", "coupling", "obstacles"},
               [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
    const auto flag = [&](const char* what) {
      const std::string b = ctx.scalar(w, what);
      if (b != "true" && b != "false") ctx.fail(w, fmt::format("{} must be true or false", what));
      return b == "true";
    };
    if (k == "coupling") {
      ctx.each_key(w, "analyses.coupling", {"enabled", "formula", "weights"},
                   [&](const std::string& kk, const YAML::Node&, const YAML::Node& x) {
        if (kk == "enabled") {
          a.coupling = ctx.boolean(x, "analyses.coupling.enabled");
        } else if (kk == "formula") {
          a.coupling_formula = ctx.scalar(x, "analyses.coupling.formula");
          if (a.coupling_formula != "corrected" && a.coupling_formula != "traditional")
            ctx.fail(x, "analyses.coupling.formula must be corrected or traditional");
        } else {
          a.coupling_weights = ctx.scalar(x, "analyses.coupling.weights");
        }
      });
    } else if (k == "obstacles") {
      ctx.each_key(w, "analyses.obstacles", {"enabled", "top"}, [&](const std::string& kk, const YAML::Node&, const YAML::Node& x) {
        if (kk == "enabled") a.obstacles = ctx.boolean(x, "analyses.obstacles.enabled");
        else a.obstacles_top = integer_in(ctx, x, "analyses.obstacles.top", 1, 1000);
      });
    } else if (k == "group") a.group = ctx.scalar(w, "analyses.group");
    else if (k == "density") a.density = flag("analyses.density");
    else if (k == "lonlat") a.lonlat = flag("analyses.lonlat");
    else if (k == "coords") a.coords = ctx.scalar(w, "analyses.coords");
    else if (k == "knn") a.knn = static_cast<int>(integer_in(ctx, w, "analyses.knn", 0, 100000));
    else if (k == "band") {
      const std::string b = ctx.scalar(w, "analyses.band");
      try {
        std::size_t used = 0;
        a.band = std::stod(b, &used);
        if (used != b.size() || !(a.band >= 0.0)) throw std::invalid_argument("band");
      } catch (const std::exception&) {
        ctx.fail(w, "analyses.band must be a distance >= 0");
      }
    } else {
      a.bandwidth = ctx.scalar(w, "analyses.bandwidth");
      if (a.bandwidth != "nrd0" && a.bandwidth != "SJ") ctx.fail(w, "analyses.bandwidth must be nrd0 or SJ");
    }
  });
}
}  // namespace

AppendixConfig read_appendix_config(const std::filesystem::path& path) {
  YamlContext ctx;
  ctx.file = path.string();
  ctx.prefix = "appendix config: ";
  const YAML::Node doc = ctx.load(read_file(path), "the configuration file is empty");
  AppendixConfig c;
  bool have_spec = false;
  ctx.each_key(doc, "the configuration",
               {"spec", "spec_sha256", "lang", "pstyle", "formats", "seed", "methods", "reliability", "validity",
                "sensitivity", "analyses"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    if (key == "spec") {
      c.spec = ctx.scalar(v, "spec");
      have_spec = true;
    } else if (key == "spec_sha256") {
      c.spec_sha256 = ctx.scalar(v, "spec_sha256");
    } else if (key == "lang") {
      const std::string l = ctx.scalar(v, "lang");
      if (l != "zh" && l != "en") ctx.fail(v, "lang must be zh or en");
      c.lang = l == "zh" ? Lang::Zh : Lang::En;
    } else if (key == "pstyle") {
      c.pstyle = ctx.scalar(v, "pstyle");
      if (c.pstyle != "auto" && c.pstyle != "chinese" && c.pstyle != "apa") ctx.fail(v, "pstyle must be auto, chinese or apa");
    } else if (key == "formats") {
      if (!v.IsSequence()) ctx.fail(v, "formats must be a list, e.g. [md, html]");
      c.formats.clear();
      for (const auto& f : v) {
        const std::string name = ctx.scalar(f, "a format");
        const auto& all = appendix_formats();
        if (std::find(all.begin(), all.end(), name) == all.end())
          ctx.fail(f, fmt::format("unknown format '{}' (accepted: md, html, tex, csv, xlsx, svg, docx)", name));
        c.formats.push_back(name);
      }
    } else if (key == "seed") {
      const std::string s = ctx.scalar(v, "seed");
      if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 19)
        ctx.fail(v, "seed must be a non-negative integer");
      c.index.seed = std::stoull(s);
      c.seed_given = true;
    } else if (key == "methods") {
      c.methods_given = true;
      ctx.each_key(v, "methods", {"normalize", "weights", "aggregate"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "weights") {
          method_value(ctx, w, weight_methods(), "weights method", c.index.weights);
        } else if (k == "normalize") {
          ctx.each_key(w, "methods.normalize", {"method", "range"}, [&](const std::string& kk, const YAML::Node&, const YAML::Node& x) {
            if (kk == "method") {
              method_value(ctx, x, normalize_methods(), "normalisation method", c.index.normalize);
            } else {
              if (!x.IsSequence() || x.size() != 2) ctx.fail(x, "range must be [lo, hi]");
              c.index.range_lo = ctx.number(x[0], "range lo");
              c.index.range_hi = ctx.number(x[1], "range hi");
              if (!(c.index.range_lo < c.index.range_hi)) ctx.fail(x, "range must have lo < hi");
            }
          });
        } else {
          ctx.each_key(w, "methods.aggregate", {"method", "missing"}, [&](const std::string& kk, const YAML::Node&, const YAML::Node& x) {
            if (kk == "method") method_value(ctx, x, aggregate_methods(), "aggregation method", c.index.aggregate);
            else method_value(ctx, x, missing_policies(), "missing-value policy", c.index.missing);
          });
        }
      });
    } else if (key == "reliability") {
      ctx.each_key(v, "reliability", {"standardize", "missing", "level", "bootstrap"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "standardize") {
          c.evidence.standardize = ctx.boolean(w, "reliability.standardize");
        } else if (k == "missing") {
          const std::string m = ctx.scalar(w, "reliability.missing");
          if (m != "pairwise" && m != "listwise") ctx.fail(w, "reliability.missing must be pairwise or listwise");
          c.evidence.missing = m == "listwise" ? MissingRule::Listwise : MissingRule::Pairwise;
        } else if (k == "level") {
          c.evidence.level = open_unit(ctx, w, "reliability.level");
        } else {
          c.evidence.bootstrap_replicates = integer_in(ctx, w, "reliability.bootstrap", 0, 1000000);
        }
      });
    } else if (key == "sensitivity") {
      ctx.each_key(v, "sensitivity", {"replicates", "sobol", "bootstrap", "sobol_bootstrap"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "replicates") c.sensitivity.replicates = integer_in(ctx, w, "sensitivity.replicates", 1, 1e9);
        else if (k == "sobol") c.sensitivity.sobol = integer_in(ctx, w, "sensitivity.sobol", 0, 1 << 24);
        else if (k == "bootstrap") c.sensitivity.bootstrap = integer_in(ctx, w, "sensitivity.bootstrap", 0, 1000000);
        else c.sensitivity.sobol_bootstrap = integer_in(ctx, w, "sensitivity.sobol_bootstrap", 0, 100000);
      });
    } else if (key == "analyses") {
      read_analyses(ctx, v, c.analyses);
    } else {
      ctx.each_key(v, "validity", {"parallel_replicates", "parallel_quantile"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        if (k == "parallel_replicates") c.evidence.parallel_replicates = integer_in(ctx, w, "validity.parallel_replicates", 2, 100000);
        else c.evidence.parallel_quantile = open_unit(ctx, w, "validity.parallel_quantile");
      });
    }
  });
  if (!have_spec) throw InvalidInput(ctx.prefix + "the key 'spec' is required", ctx.at(doc));
  c.evidence.seed = c.index.seed;
  return c;
}

}  // namespace cikit::report
