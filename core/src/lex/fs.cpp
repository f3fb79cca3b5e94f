// Disk and in-memory implementations of pylife::fs::FileSystem.
#include "pylife/fs.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace pylife::fs {

namespace {

// CPython's number and text for a failure.
OsError os_error(Errno e) {
  switch (e) {
    case Errno::kNoEnt: return {static_cast<int>(e), "No such file or directory"};
    case Errno::kIsDir: return {static_cast<int>(e), "Is a directory"};
    case Errno::kAcces: return {static_cast<int>(e), "Permission denied"};
    case Errno::kNotDir: return {static_cast<int>(e), "Not a directory"};
    case Errno::kIo: return {static_cast<int>(e), "Input/output error"};
    case Errno::kRoFs: return {static_cast<int>(e), "Read-only file system"};
  }
  return {static_cast<int>(e), "Unknown error"};
}

// Maps the host's errno value to CPython's.
Errno from_host(int host_errno) {
  switch (host_errno) {
    case ENOENT: return Errno::kNoEnt;
    case EISDIR: return Errno::kIsDir;
    case EACCES:
    case EPERM: return Errno::kAcces;
    case ENOTDIR: return Errno::kNotDir;
    default: return Errno::kIo;
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
    result.error = os_error(ec ? from_host(ec.value()) : Errno::kNoEnt);
    return result;
  }
  if (std::filesystem::is_directory(status)) {
    result.error = os_error(Errno::kIsDir);
    return result;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    result.error = os_error(Errno::kAcces);
    return result;
  }
  result.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    result.error = os_error(Errno::kIo);
    return result;
  }
  result.ok = true;
  return result;
}

WriteResult FileSystem::write_file(std::string_view, std::string_view, bool) {
  WriteResult result;
  result.error = os_error(Errno::kRoFs);
  return result;
}

WriteResult DiskFileSystem::write_file(std::string_view path, std::string_view bytes, bool append) {
  WriteResult result;
  std::error_code ec;
  std::filesystem::path p{std::string(path)};
  if (std::filesystem::is_directory(p, ec)) {
    result.error = os_error(Errno::kIsDir);
    return result;
  }
  auto parent = p.parent_path();
  if (!parent.empty() && !std::filesystem::exists(parent, ec)) {
    result.error = os_error(Errno::kNoEnt);
    return result;
  }
  std::ofstream out(p, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  if (!out) {
    result.error = os_error(Errno::kAcces);
    return result;
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    result.error = os_error(Errno::kIo);
    return result;
  }
  result.ok = true;
  return result;
}

void MemoryFileSystem::write_file(std::string path, std::string bytes) {
  files_[std::move(path)] = std::move(bytes);
}

WriteResult MemoryFileSystem::write_file(std::string_view path, std::string_view bytes, bool append) {
  WriteResult result;
  std::string key(path);
  // A directory (a prefix of stored files) cannot be written as a file.
  auto next = files_.lower_bound(key + "/");
  if (next != files_.end() && next->first.compare(0, key.size() + 1, key + "/") == 0) {
    result.error = os_error(Errno::kIsDir);
    return result;
  }
  std::string& data = files_[key];
  if (!append) data.clear();
  data.append(bytes);
  result.ok = true;
  return result;
}

ReadResult MemoryFileSystem::read_file(std::string_view path) const {
  ReadResult result;
  auto it = files_.find(path);
  if (it == files_.end()) {
    // A path that is a prefix of stored files behaves as a directory.
    std::string dir = std::string(path) + "/";
    auto next = files_.lower_bound(dir);
    bool is_dir = next != files_.end() && next->first.compare(0, dir.size(), dir) == 0;
    result.error = os_error(is_dir ? Errno::kIsDir : Errno::kNoEnt);
    return result;
  }
  result.ok = true;
  result.bytes = it->second;
  return result;
}

}  // namespace pylife::fs
