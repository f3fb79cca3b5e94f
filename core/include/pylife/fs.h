// The file-system interface the core reads programs and modules through.
//
// The core never opens files by itself: the embedder passes a FileSystem.
// Natively that is DiskFileSystem (the real directory tree); in the browser
// and in tests it is MemoryFileSystem, so a lesson can hold several files.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pylife::fs {

// Errno values as CPython on Linux numbers them.  The host's own numbers
// differ (emscripten uses WASI's), and a learner must see the same
// `[Errno 2]` on every target.
enum class Errno : int {
  kIo = 5,       // EIO
  kNoEnt = 2,    // ENOENT
  kAcces = 13,   // EACCES
  kNotDir = 20,  // ENOTDIR
  kIsDir = 21,   // EISDIR
  kRoFs = 30,    // EROFS
};

// An OS-level failure, reported the way Python's OSError prints it:
// `[Errno 2] No such file or directory`.
struct OsError {
  int errnum = 0;       // CPython/Linux errno value (see Errno)
  std::string message;  // strerror text as CPython shows it

  // The `[Errno N] text` form CPython uses in messages.
  std::string describe() const;
};

// Result of reading a whole file: bytes on success, an OsError otherwise.
struct ReadResult {
  bool ok = false;
  std::string bytes;  // raw file contents, no decoding
  OsError error;
};

// Result of writing a file: ok, or an OsError.
struct WriteResult {
  bool ok = false;
  OsError error;
};

// What stat() tells: a file's size and modification time, or a directory.
struct StatResult {
  bool ok = false;
  bool is_dir = false;
  uint64_t size = 0;   // bytes (files)
  int64_t mtime = 0;   // seconds since the epoch (the memory file system counts writes)
  OsError error;
};

// A directory's entries (names, sorted), or an OsError.
struct ListResult {
  bool ok = false;
  std::vector<std::string> names;
  OsError error;
};

// A file system the core can read from (and write to, when the embedder
// allows it).
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Reads the whole file at [path] as raw bytes.
  virtual ReadResult read_file(std::string_view path) const = 0;
  // Replaces (or, with [append], extends) the file at [path]; creates it
  // when absent.  Read-only file systems say so (EROFS).
  virtual WriteResult write_file(std::string_view path, std::string_view bytes, bool append);
  // The file or directory at [path] (the default derives it from read_file:
  // no modification time).
  virtual StatResult stat(std::string_view path) const;
  // The entries of the directory at [path] (none by default).
  virtual ListResult list_dir(std::string_view path) const;
  // Creates the directory at [path] (existing is fine); EROFS by default.
  virtual WriteResult make_dir(std::string_view path);
};

// The machine's real file system (std::filesystem and std::ifstream).
class DiskFileSystem final : public FileSystem {
 public:
  ReadResult read_file(std::string_view path) const override;
  WriteResult write_file(std::string_view path, std::string_view bytes, bool append) override;
  StatResult stat(std::string_view path) const override;
  ListResult list_dir(std::string_view path) const override;
  WriteResult make_dir(std::string_view path) override;
};

// Files held in memory by path, for the browser and for tests.  A
// directory is any prefix of stored paths; modification times count
// writes (1, 2, 3, ...), so an edited file is always newer than its .pyc.
class MemoryFileSystem final : public FileSystem {
 public:
  // Creates or replaces the file at [path] with [bytes].
  void write_file(std::string path, std::string bytes);
  WriteResult write_file(std::string_view path, std::string_view bytes, bool append) override;
  ReadResult read_file(std::string_view path) const override;
  StatResult stat(std::string_view path) const override;
  ListResult list_dir(std::string_view path) const override;
  WriteResult make_dir(std::string_view path) override;
  // Deletes the file at [path] (nothing when there is none).
  void remove_file(std::string_view path);

 private:
  struct File {
    std::string bytes;
    int64_t mtime = 0;
  };
  bool is_dir(std::string_view path) const;
  std::map<std::string, File, std::less<>> files_;
  int64_t clock_ = 0;
};

}  // namespace pylife::fs
