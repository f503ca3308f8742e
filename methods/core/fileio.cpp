#include "methods/core/fileio.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "methods/core/cancel.hpp"
#include "methods/core/error.hpp"

namespace cikit {
namespace {

// Registry of live temporary files, readable from a signal handler: fixed slots, each with a
// state (0 free, 1 being filled, 2 registered) and a NUL-terminated path.
constexpr std::size_t kSlots = 64;
constexpr std::size_t kPathMax = 4096;
struct Slot {
  std::atomic<int> state{0};
  std::array<char, kPathMax> path{};
};
std::array<Slot, kSlots> g_slots;

int register_temporary(const std::string& path) noexcept {
  if (path.size() >= kPathMax) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (g_slots[i].state.compare_exchange_strong(expected, 1)) {
      std::memcpy(g_slots[i].path.data(), path.c_str(), path.size() + 1);
      g_slots[i].state.store(2);
      return static_cast<int>(i);
    }
  }
  return -1;  // full: the file is still removed by the destructor or the next run
}

void unregister_temporary(int slot) noexcept {
  if (slot >= 0) g_slots[static_cast<std::size_t>(slot)].state.store(0);
}

/// The PID of a temporary name ".NAME.tmp-PID", or 0 if `name` is not one.
long temporary_pid(const std::string& name) {
  const auto at = name.rfind(".tmp-");
  if (name.empty() || name[0] != '.' || at == std::string::npos || at == 0) return 0;
  const std::string digits = name.substr(at + 5);
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stol(digits);
}

}  // namespace

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput(fmt::format("cannot open '{}': {}", path.string(), std::strerror(errno)));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::size_t remove_stale_temporaries(const std::filesystem::path& dir) {
  std::size_t removed = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end; it.increment(ec)) {
    const long pid = temporary_pid(it->path().filename().string());
    if (pid <= 0 || pid == static_cast<long>(::getpid())) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running (or not ours to judge)
    std::error_code rm;
    if (std::filesystem::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

TempFile::TempFile(std::filesystem::path target) : target_(std::move(target)) {
  tmp_ = target_.parent_path() / fmt::format(".{}.tmp-{}", target_.filename().string(), ::getpid());
  {
    static std::mutex mutex;
    static std::set<std::string> cleaned;
    const std::lock_guard<std::mutex> lock(mutex);
    std::error_code ec;
    const std::string dir = std::filesystem::absolute(target_.parent_path(), ec).string();
    if (cleaned.insert(dir).second) remove_stale_temporaries(target_.parent_path());
  }
  slot_ = register_temporary(tmp_.string());
}

TempFile::~TempFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(tmp_, ec);
  }
  unregister_temporary(slot_);
}

void TempFile::commit() {
  std::error_code ec;
  std::filesystem::rename(tmp_, target_, ec);
  if (ec) throw InvalidInput(fmt::format("cannot write '{}': {}", target_.string(), ec.message()));
  committed_ = true;
  unregister_temporary(slot_);
  slot_ = -1;
}

StreamedFile::StreamedFile(std::filesystem::path target)
    : target_(std::move(target)), tmp_(std::make_unique<TempFile>(target_)) {
  file_ = std::fopen(tmp_->path().c_str(), "wb");
  if (file_ == nullptr)
    throw InvalidInput(fmt::format("cannot write '{}': {}", target_.string(), std::strerror(errno)));
}

StreamedFile::~StreamedFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void StreamedFile::put(std::string_view bytes) {
  throw_if_cancelled();  // a stop unwinds here (the caller puts ~1 MB at a time); the destructors remove the file
  if (file_ == nullptr) throw InvalidInput(fmt::format("cannot write '{}': already closed", target_.string()));
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    throw InvalidInput(fmt::format("cannot write '{}': {}", target_.string(), std::strerror(errno)));
}

void StreamedFile::finish() {
  if (file_ == nullptr) return;
  const bool ok = std::fflush(file_) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!ok || !closed) throw InvalidInput(fmt::format("cannot write '{}': {}", target_.string(), std::strerror(errno)));
}

void StreamedFile::commit() {
  if (committed_) return;
  finish();
  tmp_->commit();
  committed_ = true;
}

std::string StreamedFile::contents() {
  finish();
  return read_file(committed_ ? target_ : tmp_->path());
}

void remove_registered_temporaries() noexcept {
  for (auto& s : g_slots)
    if (s.state.load() == 2) ::unlink(s.path.data());
}

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  TempFile tmp(path);
  std::FILE* f = std::fopen(tmp.path().c_str(), "wb");
  if (f == nullptr)
    throw InvalidInput(fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
  // Test hook (tests/cli/kill_e2e.sh): CIKIT_TEST_SLOW_WRITE_MS=N pauses N ms halfway through
  // each file, so that a test can kill the process while a temporary file is half written.
  static const long slow_ms = [] {
    const char* v = std::getenv("CIKIT_TEST_SLOW_WRITE_MS");
    return v != nullptr ? std::strtol(v, nullptr, 10) : 0L;
  }();
  const std::size_t half = slow_ms > 0 ? bytes.size() / 2 : bytes.size();
  bool ok = std::fwrite(bytes.data(), 1, half, f) == half && std::fflush(f) == 0;
  if (slow_ms > 0) {
    ::usleep(static_cast<useconds_t>(slow_ms * 1000));
    ok = ok && std::fwrite(bytes.data() + half, 1, bytes.size() - half, f) == bytes.size() - half && std::fflush(f) == 0;
  }
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) throw InvalidInput(fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
  tmp.commit();
}

}  // namespace cikit
