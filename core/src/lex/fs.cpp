// Disk and in-memory implementations of pylife::fs::FileSystem.
#include "pylife/fs.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace pylife::fs {

namespace {

// CPython's text for the errno values a program file can fail with.
OsError os_error(int errnum) {
  switch (errnum) {
    case ENOENT: return {errnum, "No such file or directory"};
    case EISDIR: return {errnum, "Is a directory"};
    case EACCES: return {errnum, "Permission denied"};
    case ENOTDIR: return {errnum, "Not a directory"};
    default: return {errnum, std::generic_category().message(errnum)};
  }
}

}  // namespace

std::string OsError::describe() const {
  return "[Errno " + std::to_string(errnum) + "] " + message;
}

ReadResult DiskFileSystem::read_file(std::string_view path) const {
  ReadResult result;
  std::error_code ec;
  std::filesystem::path p{std::string(path)};
  auto status = std::filesystem::status(p, ec);
  if (ec || !std::filesystem::exists(status)) {
    result.error = os_error(ec && ec.value() != ENOENT ? ec.value() : ENOENT);
    return result;
  }
  if (std::filesystem::is_directory(status)) {
    result.error = os_error(EISDIR);
    return result;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    result.error = os_error(EACCES);
    return result;
  }
  result.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    result.error = os_error(EIO);
    return result;
  }
  result.ok = true;
  return result;
}

void MemoryFileSystem::write_file(std::string path, std::string bytes) {
  files_[std::move(path)] = std::move(bytes);
}

ReadResult MemoryFileSystem::read_file(std::string_view path) const {
  ReadResult result;
  auto it = files_.find(path);
  if (it == files_.end()) {
    // A path that is a prefix of stored files behaves as a directory.
    std::string dir = std::string(path) + "/";
    auto next = files_.lower_bound(dir);
    bool is_dir = next != files_.end() && next->first.compare(0, dir.size(), dir) == 0;
    result.error = os_error(is_dir ? EISDIR : ENOENT);
    return result;
  }
  result.ok = true;
  result.bytes = it->second;
  return result;
}

}  // namespace pylife::fs
