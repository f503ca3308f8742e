/// \file delphi_spec.cpp
/// `cikit delphi --write-spec FILE`: the spec as written with the indicators its expert
/// consultation screened out removed from the tree (text edit of the original, so comments,
/// order and every other key stay as they were), and the AHP judgments restated for the
/// screened tree when the spec has them.
#include "methods/pipeline/delphi.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"
#include "methods/core/tree_edit.hpp"
#include "methods/pipeline/screening.hpp"
#include "methods/weighting/judgments.hpp"
#include "methods/weighting/judgments_edit.hpp"

namespace cikit::pipeline {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::size_t indent_of(const std::string& line) { return line.find_first_not_of(' '); }

bool blank_or_comment(const std::string& line) {
  const auto i = line.find_first_not_of(" \t\r");
  return i == std::string::npos || line[i] == '#';
}

/// Marks the lines of the block-style sequence item that starts at node `n` (its `- ` line up to
/// the last content line before the next line indented no deeper than the dash).
void mark_item(const std::vector<std::string>& lines, const Node& n, const std::string& file, std::vector<char>& gone) {
  const auto l = static_cast<std::size_t>(n.where.line - 1);
  const auto c = static_cast<std::size_t>(n.where.column - 1);
  if (n.where.line < 1 || l >= lines.size() || c < 2 || lines[l].compare(c - 2, 2, "- ") != 0)
    throw InvalidInput(fmt::format("--write-spec: node '{}' is not a block-style list item ('- id: ...'); remove it "
                                   "from the spec by hand",
                                   n.id),
                       Location{.file = file, .line = n.where.line, .column = n.where.column, .node = n.id});
  const std::size_t dash = c - 2;
  std::size_t last = l;
  for (std::size_t k = l + 1; k < lines.size(); ++k) {
    if (blank_or_comment(lines[k])) continue;
    if (indent_of(lines[k]) <= dash) break;
    last = k;
  }
  for (std::size_t k = l; k <= last; ++k) gone[k] = 1;
}

/// Index of the top-level key `key:` line, or lines.size().
std::size_t top_key(const std::vector<std::string>& lines, const std::string& key) {
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (lines[k].rfind(key + ":", 0) == 0) return k;
  return lines.size();
}

std::string relative_to(const fs::path& target, const fs::path& dir) {
  std::error_code ec;
  const fs::path r = fs::relative(fs::weakly_canonical(target), fs::weakly_canonical(dir), ec);
  return ec || r.empty() ? target.string() : r.generic_string();
}

}  // namespace

std::vector<SpecFile> screened_spec_files(const Spec& spec, const DelphiResult& result, const fs::path& out) {
  const IndicatorTree& proposed = proposed_tree(spec);
  const std::vector<std::string> out_ids = delphi_key(spec).screened_out;
  const IndicatorTree screened = tree_without_leaves(proposed, out_ids);
  std::vector<std::string> lines = split_lines(read_file(spec.path));
  std::vector<char> gone(lines.size(), 0);
  std::set<std::string> kept;
  for (const auto& n : screened.nodes()) kept.insert(n.id);
  for (int i : proposed.preorder())
    if (i != proposed.root() && !kept.count(proposed.node(i).id)) mark_item(lines, proposed.node(i), spec.path, gone);

  // The round that screened each indicator out (the last round that rated it).
  std::map<std::string, int> round_of;
  for (const auto& r : result.rounds)
    for (const auto& v : r.verdicts) round_of[v.indicator] = r.round;
  std::string head = fmt::format("# Screened by `cikit delphi --write-spec` from {} and its expert consultation {}:\n",
                                 fs::path(spec.path).filename().string(), spec.delphi.filename().string());
  head += fmt::format("# {} of {} indicators removed (verdict 'drop' in the last round that rated them):\n",
                      out_ids.size(), proposed.leaves().size());
  for (const auto& id : out_ids) {
    const Node& n = proposed.node(*proposed.find(id));
    head += fmt::format("#   {} ({} / {}): round {}\n", id, n.label.zh, n.label.en, round_of[id]);
  }
  for (int i : proposed.inner_postorder())
    if (i != proposed.root() && !kept.count(proposed.node(i).id))
      head += fmt::format("#   group {} removed: none of its indicators remain\n", proposed.node(i).id);
  head += "# The `delphi:` key is commented out below: the consultation rated the proposed system, this file\n"
          "# is the final one. Everything else is unchanged.\n";

  const fs::path out_dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::vector<SpecFile> files;
  const std::size_t dk = top_key(lines, "delphi");
  for (std::size_t k = dk; k < lines.size(); ++k) {
    if (k > dk && !blank_or_comment(lines[k]) && indent_of(lines[k]) == 0) break;
    if (!lines[k].empty()) lines[k] = "# (applied) " + lines[k];
  }
  const std::size_t dt = top_key(lines, "data");
  for (std::size_t k = dt + 1; k < lines.size() && (blank_or_comment(lines[k]) || indent_of(lines[k]) > 0); ++k)
    if (const auto p = lines[k].find("file: " + spec.data.file_as_written); p != std::string::npos)
      lines[k].replace(p + 6, spec.data.file_as_written.size(), relative_to(spec.data.file, out_dir));
  if (!spec.judgments.empty()) {
    const fs::path jpath = out_dir / (out.stem().string() + "_judgments.yaml");
    Spec screened_spec = spec;
    screened_spec.tree = screened;
    screened_spec.settings.get_or_create<DelphiKey>("delphi").proposed_tree = proposed;
    const Judgments j = read_spec_judgments(screened_spec);  // restated for the screened tree
    files.push_back({jpath, judgments_yaml(j, screened,
                                           fmt::format("AHP judgments of {} restated for the screened system of {}:\n"
                                                       "the rows and columns of the removed indicators are dropped; every "
                                                       "other comparison is as the experts gave it.",
                                                       spec.judgments.filename().string(), out.filename().string()))});
    const std::size_t jk = top_key(lines, "judgments");
    if (jk < lines.size()) lines[jk] = "judgments: " + jpath.filename().string();
  }
  std::string text = head;
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (!gone[k]) text += lines[k] + "\n";
  files.insert(files.begin(), SpecFile{out, text});
  return files;
}

}  // namespace cikit::pipeline
