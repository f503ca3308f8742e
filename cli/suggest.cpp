#include "cli/suggest.hpp"

#include <algorithm>

namespace cikit::cli {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& c : candidates) {
    const std::size_t dist = edit_distance(word, c);
    if (dist < best_d && 2 * dist < std::max<std::size_t>(word.size(), 2)) {
      best = c;
      best_d = dist;
    }
  }
  return best;
}

namespace {

std::vector<std::string> long_options(const CLI::App& sub) {
  std::vector<std::string> out;
  for (const CLI::Option* o : sub.get_options())
    for (const auto& name : o->get_lnames()) out.push_back("--" + name);
  return out;
}

}  // namespace

std::string unknown_subcommand(const CLI::App& app, const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a.empty() || a[0] == '-') continue;
    for (const CLI::App* s : app.get_subcommands({}))
      if (s->get_name() == a) return "";
    return a;
  }
  return "";
}

std::string suggestions(const CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> subs;
  for (const CLI::App* s : app.get_subcommands({})) subs.push_back(s->get_name());
  std::string out;
  const CLI::App* chosen = nullptr;
  for (const auto& a : args) {
    if (a.empty() || a[0] == '-') continue;
    if (std::find(subs.begin(), subs.end(), a) != subs.end()) {
      chosen = app.get_subcommand(a);
    } else if (const std::string c = closest(a, subs); !c.empty()) {
      out += "did you mean 'cikit " + c + "'?\n";
    }
    break;  // the subcommand is the first word
  }
  if (chosen == nullptr) return out;
  const std::vector<std::string> known = long_options(*chosen);
  for (const auto& a : args) {
    if (a.rfind("--", 0) != 0) continue;
    const std::string name = a.substr(0, a.find('='));
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    if (const std::string c = closest(name, known); !c.empty()) out += "did you mean '" + c + "' instead of '" + name + "'?\n";
  }
  return out;
}

}  // namespace cikit::cli
