#pragma once
/// \file fileio.hpp
/// Whole-file reading and atomic writing (no half-written outputs).
///
/// Every output file of cikit goes through TempFile (write_file_atomic, the XLSX writer, the
/// DOCX conversion): it is written to ".NAME.tmp-PID" in the target folder and renamed over
/// NAME when complete, so a killed run leaves either the previous complete file or none, never
/// a partial one (docs/robustness.md). Temporary files are registered so that a stop by signal
/// removes them (cancel.hpp); those of a SIGKILLed run are removed by the next run that writes
/// into the same folder (their process no longer exists).

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace cikit {

/// Reads a whole file as bytes. @throws InvalidInput "cannot open 'path'".
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// Writes `bytes` to `path` atomically: to a TempFile in the same folder, flushed and closed,
/// then renamed over `path`. On failure the temporary file is removed and `path` is untouched.
/// @throws InvalidInput naming the path and the system error.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

/// The temporary name for `target`, ".NAME.tmp-PID" in the same folder. Constructing one first
/// removes the stale temporaries of dead cikit processes in that folder (once per folder and
/// process). Write to path(), then commit(); the destructor removes an uncommitted file.
class TempFile {
 public:
  explicit TempFile(std::filesystem::path target);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return tmp_; }
  /// Renames the temporary file over the target. @throws InvalidInput naming the target.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path tmp_;
  int slot_ = -1;
  bool committed_ = false;
};

/// A file written piece by piece to its TempFile (for outputs too large to build in memory,
/// such as index.json of 10^5 units): put() as often as needed, finish() to flush and close,
/// commit() to rename it over the target. Destroyed without commit(), it removes the temporary.
class StreamedFile {
 public:
  /// Opens the temporary file. @throws InvalidInput naming the target and the system error.
  explicit StreamedFile(std::filesystem::path target);
  ~StreamedFile();
  StreamedFile(const StreamedFile&) = delete;
  StreamedFile& operator=(const StreamedFile&) = delete;
  /// Appends bytes (buffered). @throws InvalidInput on a write error, Cancelled once a stop
  /// was requested (core/cancel.hpp).
  void put(std::string_view bytes);
  /// Flushes and closes (idempotent). @throws InvalidInput on a write error.
  void finish();
  /// finish(), then renames the temporary file over the target. @throws InvalidInput.
  void commit();
  [[nodiscard]] bool committed() const { return committed_; }
  /// The bytes written so far, read back from the temporary file (or the target once
  /// committed); finishes the file first.
  [[nodiscard]] std::string contents();
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }

 private:
  std::filesystem::path target_;
  std::unique_ptr<TempFile> tmp_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

/// Removes the files ".NAME.tmp-PID" in `dir` whose process PID no longer exists (left by a
/// killed run). Returns how many were removed; errors are ignored.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

/// Removes every temporary file of this process still registered by a TempFile.
/// Async-signal-safe (unlink only): the stop-signal watchdog of cancel.cpp calls it.
void remove_registered_temporaries() noexcept;

}  // namespace cikit
