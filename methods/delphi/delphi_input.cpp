#include "methods/delphi/delphi_input.hpp"

#include "methods/core/yaml_context.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "methods/core/csv.hpp"
#include "methods/core/encoding.hpp"
#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/path_exists.hpp"

namespace cikit {

namespace {

namespace fs = std::filesystem;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Ctx = YamlContext;

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  const auto b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

bool is_missing(const std::string& s) {
  const std::string t = trim(s);
  return t.empty() || t == "NA" || t == "N/A" || t == "NaN" || t == ".";
}

/// Column lookup in a CSV table with a located error.
struct Columns {
  const CsvTable& t;
  [[nodiscard]] long find(const std::string& name, bool required) const {
    for (std::size_t c = 0; c < t.header.size(); ++c)
      if (t.header[c] == name) return static_cast<long>(c);
    if (required) {
      std::string have;
      for (const auto& h : t.header) {
        if (!have.empty()) have += ", ";
        have += h;
      }
      throw InvalidInput(fmt::format("column '{}' is required (header has: {})", name, have),
                         Location{.file = t.file, .line = t.header_line, .column = 0});
    }
    return -1;
  }
  [[nodiscard]] Location at(std::size_t row, long col) const {
    return Location{.file = t.file, .line = t.row_lines[row], .column = col + 1};
  }
  [[nodiscard]] const std::string& cell(std::size_t row, long col) const {
    return t.rows[row][static_cast<std::size_t>(col)];
  }
  [[nodiscard]] double number(std::size_t row, long col, const std::string& what) const {
    const std::string s = trim(cell(row, col));
    double v = 0;
    const char* b = s.data() + (s.size() > 0 && s[0] == '+' ? 1 : 0);
    const auto [p, ec] = std::from_chars(b, s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v))
      throw InvalidInput(fmt::format("{} '{}' is not a number", what, s), at(row, col));
    return v;
  }
  [[nodiscard]] int round(std::size_t row, long col) const {
    const double v = number(row, col, "round");
    if (!(v >= 1 && v <= 1000 && std::floor(v) >= v))
      throw InvalidInput(fmt::format("round '{}' must be a positive integer (1, 2, ...)", trim(cell(row, col))),
                         at(row, col));
    return static_cast<int>(v);
  }
  [[nodiscard]] std::string id(std::size_t row, long col, const std::string& what) const {
    const std::string s = trim(cell(row, col));
    if (s.empty()) throw InvalidInput(fmt::format("{} is empty", what), at(row, col));
    return s;
  }
};

void check_indicator(const IndicatorTree& tree, const std::string& id, const Location& where) {
  const auto i = tree.find(id);
  if (!i)
    throw InvalidInput(fmt::format("indicator '{}' is not a node of the indicator tree (ids are case-sensitive)", id),
                       where);
  if (*i == tree.root())
    throw InvalidInput(fmt::format("'{}' is the index itself; rate its indicators or dimensions", id), where);
}

void check_score(const DelphiScale& scale, double v, const Location& where) {
  if (v < scale.min || v > scale.max)
    throw InvalidInput(fmt::format("score {} is outside the scale [{}, {}]", v, scale.min, scale.max), where);
}

bool parse_yes_no(const std::string& raw, const Location& where, const std::string& what) {
  const std::string s = trim(raw);
  if (s == "yes" || s == "y" || s == "1" || s == "true" || s == "是") return true;
  if (s == "no" || s == "n" || s == "0" || s == "false" || s == "否") return false;
  throw InvalidInput(fmt::format("{} '{}' must be yes or no", what, s), where);
}

BasisLevel parse_level(const std::string& raw, const Location& where, const std::string& source) {
  const std::string s = trim(raw);
  if (s == "high" || s == "h" || s == "大" || s == "高") return BasisLevel::High;
  if (s == "medium" || s == "m" || s == "中") return BasisLevel::Medium;
  if (s == "low" || s == "l" || s == "小" || s == "低") return BasisLevel::Low;
  throw InvalidInput(fmt::format("judgment basis '{}' level '{}' must be high, medium or low (大/中/小)", source, s),
                     where);
}

std::string parse_familiarity(const std::string& raw, const AuthorityTables& t, const Location& where) {
  const std::string s = trim(raw);
  for (const auto& [name, v] : t.familiarity)
    if (name == s) return s;
  static const std::map<std::string, std::string> zh = {
      {"很熟悉", "very"}, {"非常熟悉", "very"}, {"熟悉", "familiar"}, {"比较熟悉", "familiar"},
      {"一般", "moderate"}, {"一般熟悉", "moderate"}, {"不太熟悉", "little"}, {"不熟悉", "unfamiliar"}};
  if (const auto it = zh.find(s); it != zh.end())
    for (const auto& [name, v] : t.familiarity)
      if (name == it->second) return name;
  std::string list;
  for (const auto& [name, v] : t.familiarity) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  throw InvalidInput(fmt::format("familiarity '{}' is not a level of the table ({})", s, list), where);
}

void read_ratings(DelphiInput& in, const IndicatorTree& tree) {
  const CsvTable t = read_csv(in.ratings_file);
  const Columns c{t};
  const long cr = c.find("round", true), ce = c.find("expert", true), ci = c.find("indicator", true),
             ca = c.find("aspect", true), cs = c.find("score", true);
  std::map<std::tuple<int, std::string, std::string, std::string>, long> seen;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    DelphiRating x;
    x.line = t.row_lines[r];
    x.round = c.round(r, cr);
    x.expert = c.id(r, ce, "expert id");
    x.indicator = c.id(r, ci, "indicator id");
    check_indicator(tree, x.indicator, c.at(r, ci));
    x.aspect = c.id(r, ca, "aspect");
    if (is_missing(c.cell(r, cs))) {
      x.score = kNaN;
    } else {
      x.score = c.number(r, cs, "score");
      check_score(in.scale, x.score, c.at(r, cs));
    }
    const auto [it, ok] = seen.emplace(std::make_tuple(x.round, x.expert, x.indicator, x.aspect), x.line);
    if (!ok)
      throw InvalidInput(fmt::format("duplicate rating: round {}, expert '{}', indicator '{}', aspect '{}' (first on "
                                     "line {})",
                                     x.round, x.expert, x.indicator, x.aspect, it->second),
                         c.at(r, ce));
    in.ratings.push_back(std::move(x));
  }
  if (in.ratings.empty()) throw InvalidInput("no ratings", Location{.file = t.file});
}

void read_counts(DelphiInput& in, const IndicatorTree& tree) {
  const CsvTable t = read_csv(in.counts_file);
  const Columns c{t};
  const long cr = c.find("round", true), ci = c.find("indicator", true), ca = c.find("aspect", true),
             cs = c.find("score", true), cn = c.find("count", true);
  std::map<std::tuple<int, std::string, std::string, double>, long> seen;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    DelphiCount x;
    x.line = t.row_lines[r];
    x.round = c.round(r, cr);
    x.indicator = c.id(r, ci, "indicator id");
    check_indicator(tree, x.indicator, c.at(r, ci));
    x.aspect = c.id(r, ca, "aspect");
    x.score = c.number(r, cs, "score");
    check_score(in.scale, x.score, c.at(r, cs));
    x.count = c.number(r, cn, "count");
    if (!(x.count >= 0 && std::floor(x.count) >= x.count))
      throw InvalidInput(fmt::format("count {} must be a non-negative integer", x.count), c.at(r, cn));
    const auto [it, ok] = seen.emplace(std::make_tuple(x.round, x.indicator, x.aspect, x.score), x.line);
    if (!ok)
      throw InvalidInput(fmt::format("duplicate count row: round {}, indicator '{}', aspect '{}', score {} (first on "
                                     "line {})",
                                     x.round, x.indicator, x.aspect, x.score, it->second),
                         c.at(r, ci));
    in.counts.push_back(std::move(x));
  }
  if (in.counts.empty()) throw InvalidInput("no score counts", Location{.file = t.file});
}

void read_experts(DelphiInput& in) {
  const CsvTable t = read_csv(in.experts_file);
  const Columns c{t};
  const long cr = c.find("round", true), ce = c.find("expert", true), cret = c.find("returned", true);
  const long cfam = c.find("familiarity", false), ccom = c.find("commented", false), cw = c.find("weight", false);
  std::vector<long> cb;
  for (const auto& s : in.authority.basis) cb.push_back(c.find(s.id, false));
  const bool any_basis = std::any_of(cb.begin(), cb.end(), [](long x) { return x >= 0; });
  if (any_basis)
    for (std::size_t s = 0; s < cb.size(); ++s)
      if (cb[s] < 0) (void)c.find(in.authority.basis[s].id, true);  // all or none
  std::map<std::pair<int, std::string>, long> seen;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    DelphiExpert x;
    x.line = t.row_lines[r];
    x.round = c.round(r, cr);
    x.id = c.id(r, ce, "expert id");
    x.returned = parse_yes_no(c.cell(r, cret), c.at(r, cret), "returned");
    if (x.returned) {
      if (any_basis)
        for (std::size_t s = 0; s < cb.size(); ++s)
          x.basis.push_back(parse_level(c.cell(r, cb[s]), c.at(r, cb[s]), in.authority.basis[s].id));
      if (cfam >= 0) x.familiarity = parse_familiarity(c.cell(r, cfam), in.authority, c.at(r, cfam));
      if (ccom >= 0 && !is_missing(c.cell(r, ccom)))
        x.commented = parse_yes_no(c.cell(r, ccom), c.at(r, ccom), "commented");
    }
    if (cw >= 0 && !is_missing(c.cell(r, cw))) {
      x.weight = c.number(r, cw, "weight");
      if (!(x.weight >= 0)) throw InvalidInput("weight must be >= 0", c.at(r, cw));
    }
    const auto [it, ok] = seen.emplace(std::make_pair(x.round, x.id), x.line);
    if (!ok)
      throw InvalidInput(fmt::format("expert '{}' listed twice for round {} (first on line {})", x.id, x.round,
                                     it->second),
                         c.at(r, ce));
    in.experts.push_back(std::move(x));
  }
  // Every rating must come from an expert who returned the questionnaire of that round.
  for (const auto& rt : in.ratings) {
    const auto it = std::find_if(in.experts.begin(), in.experts.end(),
                                 [&](const DelphiExpert& e) { return e.round == rt.round && e.id == rt.expert; });
    const Location where{.file = in.ratings_file, .line = rt.line};
    if (it == in.experts.end())
      throw InvalidInput(fmt::format("expert '{}' rated in round {} but is not in the expert sheet {} for that round",
                                     rt.expert, rt.round, in.experts_file),
                         where);
    if (!it->returned)
      throw InvalidInput(fmt::format("expert '{}' rated in round {} but is marked returned = no in {} (line {})",
                                     rt.expert, rt.round, in.experts_file, it->line),
                         where);
  }
}

}  // namespace

DelphiInput parse_delphi(const std::string& text, const std::string& file_label, const fs::path& base_dir,
                         const IndicatorTree& tree) {
  const Ctx ctx{file_label, "", ""};
  const YAML::Node doc = ctx.load(text, "Delphi file is empty");
  DelphiInput in;
  in.file = file_label;
  auto path_of = [&](const YAML::Node& v, const std::string& what) {
    const std::string s = ctx.scalar(v, what);
    if (s.empty()) ctx.fail(v, fmt::format("{} is empty", what));
    const fs::path p = fs::path(s).is_absolute() ? fs::path(s) : base_dir / s;
    if (!path_exists(p)) ctx.fail(v, fmt::format("{} file '{}' not found (paths are relative to the Delphi file)", what,
                                                p.string()));
    return p.string();
  };
  bool relevant_set = false, essential_set = false;
  YAML::Node scale_node;
  ctx.each_key(doc, "the Delphi file",
               {"note", "ratings", "counts", "experts", "scale", "screening", "authority", "min_response", "missing",
                "permutations", "seed", "revisions"},
               [&](const std::string& key, const YAML::Node&, const YAML::Node& v) {
    if (key == "note") {
      in.note = ctx.labels(v, "note");
    } else if (key == "ratings") {
      in.ratings_file = path_of(v, "ratings");
    } else if (key == "counts") {
      in.counts_file = path_of(v, "counts");
    } else if (key == "experts") {
      in.experts_file = path_of(v, "experts");
    } else if (key == "scale") {
      scale_node = v;
      ctx.each_key(v, "scale", {"min", "max", "relevant", "essential"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        const double x = ctx.number(w, "scale." + k);
        if (k == "min") in.scale.min = x;
        else if (k == "max") in.scale.max = x;
        else if (k == "relevant") in.scale.relevant = x, relevant_set = true;
        else in.scale.essential = x, essential_set = true;
      });
    } else if (key == "screening") {
      ctx.each_key(v, "screening",
                   {"min_mean", "max_cv", "min_full_score", "boundary", "boundary_sd", "groups", "full_score"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        auto& s = in.screening;
        if (k == "min_mean") s.min_mean = ctx.number(w, "screening.min_mean");
        else if (k == "max_cv") s.max_cv = ctx.number(w, "screening.max_cv");
        else if (k == "min_full_score") {
          if (w.IsNull() || (w.IsScalar() && w.Scalar() == "off")) s.min_full_score = -1;
          else {
            s.min_full_score = ctx.number(w, "screening.min_full_score");
            if (!(s.min_full_score >= 0 && s.min_full_score <= 1))
              ctx.fail(w, "screening.min_full_score must be in [0, 1] (or off)");
          }
        } else if (k == "boundary") s.boundary = ctx.boolean(w, "screening.boundary");
        else if (k == "boundary_sd") {
          const std::string x = ctx.scalar(w, k);
          if (x == "sample") s.boundary_sd = SdConvention::Sample;
          else if (x == "population") s.boundary_sd = SdConvention::Population;
          else ctx.fail(w, fmt::format("screening.boundary_sd '{}' must be sample (n-1) or population (n)", x));
        } else if (k == "groups") {
          const std::string x = ctx.scalar(w, k);
          if (x == "level") in.grouping = DelphiGrouping::Level;
          else if (x == "all") in.grouping = DelphiGrouping::All;
          else ctx.fail(w, fmt::format("screening.groups '{}' must be level or all", x));
        } else {
          const std::string x = ctx.scalar(w, k);
          if (x == "scale_max") in.full_score = FullScoreRule::ScaleMaximum;
          else if (x == "observed_max") in.full_score = FullScoreRule::ObservedMaximum;
          else ctx.fail(w, fmt::format("screening.full_score '{}' must be scale_max or observed_max (SPSSAU)", x));
        }
      });
    } else if (key == "authority") {
      ctx.each_key(v, "authority", {"basis", "familiarity", "min_cr"},
                   [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
        auto& a = in.authority;
        if (k == "min_cr") {
          a.min_cr = ctx.number(w, "authority.min_cr");
        } else if (k == "basis") {
          a.basis.clear();
          ctx.each_key(w, "authority.basis", {}, [&](const std::string& src, const YAML::Node&, const YAML::Node& lv) {
            if (!lv.IsSequence() || lv.size() != 3)
              ctx.fail(lv, fmt::format("authority.basis.{} must be [high, medium, low] values", src));
            a.basis.push_back({src, ctx.number(lv[0], src), ctx.number(lv[1], src), ctx.number(lv[2], src)});
          });
          if (a.basis.empty()) ctx.fail(w, "authority.basis is empty");
        } else {
          a.familiarity.clear();
          ctx.each_key(w, "authority.familiarity", {},
                       [&](const std::string& lvl, const YAML::Node&, const YAML::Node& x) {
            a.familiarity.emplace_back(lvl, ctx.number(x, "authority.familiarity." + lvl));
          });
          if (a.familiarity.empty()) ctx.fail(w, "authority.familiarity is empty");
        }
      });
    } else if (key == "min_response") {
      in.min_response = ctx.number(v, "min_response");
      if (!(in.min_response >= 0 && in.min_response <= 1)) ctx.fail(v, "min_response must be in [0, 1]");
    } else if (key == "missing") {
      const std::string x = ctx.scalar(v, "missing");
      if (x == "drop_experts") in.missing = DelphiMissing::DropIncompleteExperts;
      else if (x == "available") in.missing = DelphiMissing::AvailableCase;
      else ctx.fail(v, fmt::format("missing '{}' must be drop_experts (default) or available", x));
    } else if (key == "revisions") {
      if (!v.IsSequence()) ctx.fail(v, "revisions must be a list of {round, indicator, change}");
      for (const auto& item : v) {
        DelphiRevision rv;
        rv.line = ctx.at(item).line;
        bool have_round = false, have_id = false, have_change = false;
        ctx.each_key(item, "a revision", {"round", "indicator", "change"},
                     [&](const std::string& k, const YAML::Node&, const YAML::Node& w) {
          if (k == "round") {
            const double r = ctx.number(w, "revision round");
            if (!(r >= 1 && r <= 1000 && std::floor(r) >= r)) ctx.fail(w, "revision round must be a positive integer");
            rv.round = static_cast<int>(r);
            have_round = true;
          } else if (k == "indicator") {
            rv.indicator = ctx.scalar(w, "revision indicator");
            check_indicator(tree, rv.indicator, ctx.at(w));
            have_id = true;
          } else {
            rv.change = ctx.labels(w, "revision change");
            have_change = true;
          }
        });
        if (!have_round || !have_id || !have_change) ctx.fail(item, "a revision needs round, indicator and change");
        in.revisions.push_back(std::move(rv));
      }
    } else if (key == "permutations") {
      const double p = ctx.number(v, "permutations");
      if (!(p >= 0 && p <= 1e7 && std::floor(p) >= p)) ctx.fail(v, "permutations must be an integer in [0, 1e7]");
      in.permutations = static_cast<int>(p);
    } else {
      const double s = ctx.number(v, "seed");
      if (!(s >= 0 && s <= 9.007199254740992e15 && std::floor(s) >= s)) ctx.fail(v, "seed must be a non-negative integer");
      in.seed = static_cast<std::uint64_t>(s);
    }
  });
  if (!relevant_set) in.scale.relevant = in.scale.max - 1;
  if (!essential_set) in.scale.essential = in.scale.max;
  if (!(in.scale.min < in.scale.max)) ctx.fail(scale_node ? scale_node : doc, "scale must have min < max");
  if (!(in.scale.relevant >= in.scale.min && in.scale.relevant <= in.scale.max) ||
      !(in.scale.essential >= in.scale.min && in.scale.essential <= in.scale.max))
    ctx.fail(scale_node ? scale_node : doc, "scale.relevant and scale.essential must lie within [min, max]");
  if (in.ratings_file.empty() == in.counts_file.empty())
    ctx.fail(doc, "give exactly one of ratings: (long table round, expert, indicator, aspect, score) or counts: "
                  "(round, indicator, aspect, score, count)");
  if (!in.ratings_file.empty()) read_ratings(in, tree);
  else read_counts(in, tree);
  if (!in.experts_file.empty()) read_experts(in);
  return in;
}

DelphiInput read_delphi(const fs::path& path, const IndicatorTree& tree) {
  const std::string label = path.string();
  if (!path_exists(path)) throw InvalidInput(fmt::format("Delphi file '{}' not found", label));
  const DecodedText text = decode_text(read_file(path), "auto", label);
  return parse_delphi(text.utf8, label, path.parent_path(), tree);
}

}  // namespace cikit
