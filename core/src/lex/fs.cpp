// Disk and in-memory implementations of pylife::fs::FileSystem.
#include "pylife/fs.h"

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <algorithm>
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
  StatResult st = stat(path);
  if (!st.ok || st.is_dir) {
    result.error = st.ok ? os_error(Errno::kIsDir) : st.error;
    return result;
  }
  std::ifstream in(std::filesystem::path{std::string(path)}, std::ios::binary);
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

StatResult FileSystem::stat(std::string_view path) const {
  StatResult result;
  ReadResult r = read_file(path);
  if (r.ok) {
    result.ok = true;
    result.size = r.bytes.size();
  } else if (r.error.errnum == static_cast<int>(Errno::kIsDir)) {
    result.ok = result.is_dir = true;
  } else {
    result.error = r.error;
  }
  return result;
}

ListResult FileSystem::list_dir(std::string_view) const {
  ListResult result;
  result.error = os_error(Errno::kNoEnt);
  return result;
}

WriteResult FileSystem::make_dir(std::string_view) {
  WriteResult result;
  result.error = os_error(Errno::kRoFs);
  return result;
}

StatResult DiskFileSystem::stat(std::string_view path) const {
  StatResult result;
  std::error_code ec;
  std::filesystem::path p{std::string(path)};
  auto status = std::filesystem::status(p, ec);
  if (ec || !std::filesystem::exists(status)) {
    result.error = os_error(ec ? from_host(ec.value()) : Errno::kNoEnt);
    return result;
  }
  result.ok = true;
  result.is_dir = std::filesystem::is_directory(status);
  if (!result.is_dir) result.size = std::filesystem::file_size(p, ec);
  auto when = std::filesystem::last_write_time(p, ec);
  if (!ec) {
#if defined(_LIBCPP_VERSION)
    // libc++'s file clock counts from the Unix epoch.
    result.mtime = std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
#else
    result.mtime = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::file_clock::to_sys(when).time_since_epoch())
                       .count();
#endif
  }
  return result;
}

ListResult DiskFileSystem::list_dir(std::string_view path) const {
  ListResult result;
  std::error_code ec;
  std::filesystem::directory_iterator it{std::filesystem::path{std::string(path)}, ec};
  if (ec) {
    result.error = os_error(from_host(ec.value()));
    return result;
  }
  for (const auto& entry : it) result.names.push_back(entry.path().filename().string());
  std::sort(result.names.begin(), result.names.end());
  result.ok = true;
  return result;
}

WriteResult DiskFileSystem::make_dir(std::string_view path) {
  WriteResult result;
  std::error_code ec;
  std::filesystem::path p{std::string(path)};
  if (std::filesystem::is_directory(p, ec)) {
    result.ok = true;
    return result;
  }
  std::filesystem::create_directory(p, ec);
  if (ec) {
    result.error = os_error(from_host(ec.value()));
    return result;
  }
  result.ok = true;
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
  files_[std::move(path)] = File{std::move(bytes), ++clock_};
}

bool MemoryFileSystem::is_dir(std::string_view path) const {
  std::string dir = std::string(path) + "/";
  if (dir == "/") return true;
  auto next = files_.lower_bound(dir);
  return next != files_.end() && next->first.compare(0, dir.size(), dir) == 0;
}

WriteResult MemoryFileSystem::write_file(std::string_view path, std::string_view bytes, bool append) {
  WriteResult result;
  // A directory (a prefix of stored files) cannot be written as a file.
  if (is_dir(path)) {
    result.error = os_error(Errno::kIsDir);
    return result;
  }
  File& file = files_[std::string(path)];
  if (!append) file.bytes.clear();
  file.bytes.append(bytes);
  file.mtime = ++clock_;
  result.ok = true;
  return result;
}

ReadResult MemoryFileSystem::read_file(std::string_view path) const {
  ReadResult result;
  auto it = files_.find(path);
  if (it == files_.end()) {
    // A path that is a prefix of stored files behaves as a directory.
    result.error = os_error(is_dir(path) ? Errno::kIsDir : Errno::kNoEnt);
    return result;
  }
  result.ok = true;
  result.bytes = it->second.bytes;
  return result;
}

StatResult MemoryFileSystem::stat(std::string_view path) const {
  StatResult result;
  auto it = files_.find(path);
  if (it != files_.end()) {
    result.ok = true;
    result.size = it->second.bytes.size();
    result.mtime = it->second.mtime;
  } else if (is_dir(path)) {
    result.ok = result.is_dir = true;
  } else {
    result.error = os_error(Errno::kNoEnt);
  }
  return result;
}

ListResult MemoryFileSystem::list_dir(std::string_view path) const {
  ListResult result;
  if (!is_dir(path)) {
    result.error = os_error(files_.count(path) ? Errno::kNotDir : Errno::kNoEnt);
    return result;
  }
  std::string dir = std::string(path) + "/";
  if (dir == "/") dir = "";
  for (auto it = files_.lower_bound(dir); it != files_.end() && it->first.compare(0, dir.size(), dir) == 0; ++it) {
    std::string rest = it->first.substr(dir.size());
    std::string name = rest.substr(0, rest.find('/'));
    if (result.names.empty() || result.names.back() != name) result.names.push_back(name);
  }
  std::sort(result.names.begin(), result.names.end());
  result.names.erase(std::unique(result.names.begin(), result.names.end()), result.names.end());
  result.ok = true;
  return result;
}

void MemoryFileSystem::remove_file(std::string_view path) {
  auto it = files_.find(path);
  if (it != files_.end()) files_.erase(it);
}

WriteResult MemoryFileSystem::make_dir(std::string_view) {
  // Directories exist through the files in them.
  WriteResult result;
  result.ok = true;
  return result;
}

}  // namespace pylife::fs
