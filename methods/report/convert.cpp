#include "methods/report/convert.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <fmt/format.h>

#include "methods/core/error.hpp"
#include "methods/core/fileio.hpp"

extern char** environ;

namespace cikit::report {

namespace fs = std::filesystem;

bool tool_on_path(const std::string& tool) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string dirs = path;
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = dirs.substr(start, end - start);
    if (!dir.empty() && ::access((fs::path(dir) / tool).c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

int run_tool(const std::vector<std::string>& argv, bool quiet, const std::vector<std::string>& extra_env) {
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e) env.push_back(*e);
  for (const auto& e : extra_env) env.push_back(const_cast<char*>(e.c_str()));
  env.push_back(nullptr);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (quiet) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return 127;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

namespace {
/// A private temporary folder, removed on destruction.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "cikit-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) throw InternalError("cannot create a temporary folder");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};
}  // namespace

bool has_cjk(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (len == 3 && i + 2 < utf8.size()) {
      const char32_t cp = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
                          (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
      // CJK radicals .. unified ideographs, compatibility ideographs, full-width forms.
      if ((cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF))
        return true;
    }
    i += len;
  }
  return false;
}

std::optional<bool> cjk_font_installed() {
  // One fc-list run per PATH per process: the installed fonts do not change while the appendix
  // is written, and an appendix checks before every figure (twice: PDF and PNG), which cost 32
  // shell + fc-list processes (~0.1 s each). Keyed by PATH so a changed PATH asks again.
  static std::mutex mutex;
  static std::map<std::string, std::optional<bool>> known;
  const char* path_env = std::getenv("PATH");
  const std::string key = path_env != nullptr ? path_env : "";
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (const auto it = known.find(key); it != known.end()) return it->second;
  }
  std::optional<bool> found;
  if (tool_on_path("fc-list")) {
    TempDir dir;
    const fs::path out = dir.path / "fonts.txt";
    // fc-list's output goes to a file (run_tool discards or inherits standard output).
    const int rc = run_tool({"sh", "-c", "fc-list :lang=zh family > \"$0\"", out.string()}, true);
    std::error_code ec;
    if (rc == 0) found = fs::exists(out, ec) && fs::file_size(out, ec) > 0;
  }
  const std::lock_guard<std::mutex> lock(mutex);
  known[key] = found;
  return found;
}

}  // namespace cikit::report
