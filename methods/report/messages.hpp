#pragma once
/// \file messages.hpp
/// The report layer's message catalogue: every title, column header, note and fixed phrase of
/// the appendix in Chinese and English, looked up by key (APPENDIX-CONVENTIONS.md: wording of
/// SPSS/SPSSAU Chinese output and of APA-style English appendices; glossary §14). Table and
/// figure builders never spell a user-visible phrase themselves; a test checks that every key
/// has both languages and the same placeholders in each.

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "methods/core/tree.hpp"
#include "methods/report/table.hpp"

namespace cikit::report {

/// One catalogue entry: a stable key and its text in each language. Texts may hold fmt
/// placeholders ("{}", "{:.3f}"), the same ones in the same order in both languages.
struct Message {
  std::string_view key;
  std::string_view en;
  std::string_view zh;
};

/// Every entry, in catalogue order.
[[nodiscard]] const std::vector<Message>& message_catalogue();

/// The text of `key` in `lang`. @throws InternalError for an unknown key.
[[nodiscard]] std::string msg(std::string_view key, Lang lang);

/// True when the catalogue has `key` (for labels with a fallback, e.g. uncertain inputs).
[[nodiscard]] bool has_msg(std::string_view key);

/// An empty table with its id (file stem), number ("A3", "A8-1") and catalogue title in `lang`.
[[nodiscard]] Table make_table(std::string id, std::string number, std::string_view title_key, Lang lang);

/// msg() formatted with fmt: msgf("a3.note.b", lang, replicates, seed).
template <class... Args>
[[nodiscard]] std::string msgf(std::string_view key, Lang lang, Args&&... args) {
  return fmt::format(fmt::runtime(msg(key, lang)), std::forward<Args>(args)...);
}

}  // namespace cikit::report
