#pragma once
// "Did you mean ...?" for a mistyped subcommand or option (Damerau-Levenshtein distance).
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace cikit::cli {

/// Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps).
[[nodiscard]] std::size_t edit_distance(const std::string& a, const std::string& b);

/// The candidate closest to `word` if it is close enough to be a likely typo (distance <= 2 and
/// below half the word's length; ties: the first in `candidates`), else "".
[[nodiscard]] std::string closest(const std::string& word, const std::vector<std::string>& candidates);

/// The first word of `args` when it is not an option and names no subcommand, else "".
[[nodiscard]] std::string unknown_subcommand(const CLI::App& app, const std::vector<std::string>& args);

/// Hints for the command line `args` (argv without argv[0]) after a parse error: an unknown
/// subcommand gets the closest subcommand, an unknown --option the closest option of the chosen
/// subcommand. One line per hint ("did you mean 'index'?"); empty when there is none.
[[nodiscard]] std::string suggestions(const CLI::App& app, const std::vector<std::string>& args);

}  // namespace cikit::cli
