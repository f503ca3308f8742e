#include "methods/report/numbering.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <string_view>

#include "methods/core/text.hpp"

namespace cikit::report {

std::string chinese_numeral(int n) {
  static const std::array<const char*, 10> kDigits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return kDigits[static_cast<std::size_t>(n)];
  const int tens = n / 10, ones = n % 10;
  return str_cat(tens == 1 ? "" : kDigits[static_cast<std::size_t>(tens)], "十", kDigits[static_cast<std::size_t>(ones)]);
}

std::string heading(const Section& s) {
  if (s.lang == Lang::Zh) return str_cat(chinese_numeral(s.number), "、", s.title);
  return fmt::format("{} {}", s.number, s.title);
}

namespace {

/// Length of a table or figure number at `pos` ("A10-2", "B1", "3-1", "12"): an optional capital
/// letter, digits, optionally "-" and digits; 0 if none.
std::size_t number_length(std::string_view s, std::size_t pos, bool letter_allowed) {
  std::size_t i = pos;
  if (letter_allowed && i < s.size() && std::isupper(static_cast<unsigned char>(s[i]))) ++i;
  const std::size_t digits = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == digits) return 0;
  if (i + 1 < s.size() && s[i] == '-' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  return i - pos;
}

struct Prefix {
  std::string_view text;
  bool figure;
};
constexpr std::array<Prefix, 9> kPrefixes = {{{"表", false},
                                              {"Tables ", false},
                                              {"Table ", false},
                                              {"tables ", false},
                                              {"table ", false},
                                              {"图", true},
                                              {"Figures ", true},
                                              {"Figure ", true},
                                              {"figure ", true}}};
}  // namespace

std::string renumber_references(const std::string& text, const Renumbering& r) {
  std::string out;
  const std::string_view s(text);
  std::size_t i = 0;
  while (i < s.size()) {
    bool done = false;
    for (const auto& p : kPrefixes) {
      if (s.compare(i, p.text.size(), p.text) != 0) continue;
      const std::size_t at = i + p.text.size();
      const std::size_t len = number_length(s, at, !p.figure);
      if (len == 0) continue;
      const auto& map = p.figure ? r.figures : r.tables;
      // A number the builders split into parts ("A8" -> "A8-1", "A8-2", "A8-3") stands for its
      // first part at the start of a range and its last part at the end.
      const auto renumbered = [&map](std::string_view n, bool range_end = false) {
        const auto it = map.find(std::string(n));
        if (it != map.end()) return it->second;
        const std::string part = std::string(n) + "-";
        long best = -1;
        std::string found(n);
        for (const auto& [k, v] : map) {
          if (k.rfind(part, 0) != 0 || k.size() == part.size()) continue;
          const std::string tail = k.substr(part.size());
          if (tail.find_first_not_of("0123456789") != std::string::npos) continue;
          const long sub = std::stol(tail);
          if (best < 0 || (range_end ? sub > best : sub < best)) {
            best = sub;
            found = v;
          }
        }
        return found;
      };
      out += p.text;
      out += renumbered(s.substr(at, len));
      i = at + len;
      // A range ("表A5–A8", "Tables A5–A8"): its end is renumbered too.
      constexpr std::string_view kDash = "–";
      if (s.compare(i, kDash.size(), kDash) == 0) {
        const std::size_t len2 = number_length(s, i + kDash.size(), !p.figure);
        if (len2 > 0) {
          out += kDash;
          out += renumbered(s.substr(i + kDash.size(), len2), true);
          i += kDash.size() + len2;
        }
      }
      done = true;
      break;
    }
    if (!done) out += s[i++];
  }
  return out;
}

Renumbering number_by_section(Document& doc) {
  Renumbering r;
  int section = 0, table = 0, figure = 0;
  for (auto& b : doc.blocks) {
    if (auto* s = std::get_if<Section>(&b)) {
      s->number = ++section;
      table = figure = 0;
    } else if (auto* t = std::get_if<Table>(&b)) {
      const std::string n = fmt::format("{}-{}", section, ++table);
      if (!t->number.empty()) r.tables.emplace(t->number, n);
      t->number = n;
    } else if (auto* f = std::get_if<Figure>(&b)) {
      const std::string n = fmt::format("{}-{}", section, ++figure);
      if (!f->number.empty()) r.figures.emplace(f->number, n);
      f->number = n;
    }
  }
  const auto rewrite = [&r](std::vector<std::string>& lines) {
    for (auto& l : lines) l = renumber_references(l, r);
  };
  for (auto& b : doc.blocks) {
    if (auto* t = std::get_if<Table>(&b)) {
      t->title = renumber_references(t->title, r);
      rewrite(t->notes);
      rewrite(t->interpretation);
    } else if (auto* f = std::get_if<Figure>(&b)) {
      f->title = renumber_references(f->title, r);
      rewrite(f->notes);
      rewrite(f->interpretation);
    } else {
      rewrite(std::get<Section>(b).text);
    }
  }
  rewrite(doc.info.omitted);
  return r;
}

}  // namespace cikit::report
