// Source decoding with CPython 3.11's rules (Parser/tokenizer.c,
// Lib/tokenize.py detect_encoding): BOM, PEP 263 declarations, strict
// UTF-8, a few single-byte codecs, and null-byte rejection.
#include "pylife/source.h"

#include "pylife/unicode.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>

namespace pylife::source {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

using unicode::append_utf8;

// Why strict UTF-8 decoding stopped: the byte offset and CPython's reason.
struct Utf8Fault {
  size_t offset = 0;
  const char* reason = "";
};

// Checks [bytes] is strict UTF-8 (no overlongs, surrogates or values above
// U+10FFFF), as Python's utf-8 codec does; returns the first fault.
std::optional<Utf8Fault> find_utf8_fault(std::string_view bytes) {
  size_t i = 0, n = bytes.size();
  while (i < n) {
    auto b = static_cast<uint8_t>(bytes[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return Utf8Fault{i, "invalid start byte"};
    }
    for (int k = 1; k < len; ++k) {
      if (i + k >= n) return Utf8Fault{i, "unexpected end of data"};
      auto c = static_cast<uint8_t>(bytes[i + k]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
        return Utf8Fault{i, "invalid continuation byte"};
      }
    }
    i += len;
  }
  return std::nullopt;
}

#include "codec_tables.inc"

// A codec found by name: UTF-8, one of the single-byte tables, or none.
struct Codec {
  bool utf8 = false;
  const SingleByteCodec* table = nullptr;
  bool found() const { return utf8 || table; }
};

// Looks [name] up as Python's codec registry does
// (encodings.normalize_encoding, then the alias table).
Codec find_codec(std::string_view name) {
  std::string key;
  bool pending_sep = false;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.') {
      if (pending_sep && !key.empty()) key += '_';
      pending_sep = false;
      key += static_cast<char>(std::tolower(u));
    } else {
      pending_sep = true;
    }
  }
  auto resolve = [](const std::string& k) -> std::string {
    for (const auto& a : kCodecAliases) {
      if (k == a.alias) return a.name;
    }
    return k;
  };
  std::string module = resolve(key);
  if (module == key) {
    std::string dotted = key;
    for (char& c : dotted) c = c == '.' ? '_' : c;
    module = resolve(dotted);
  }
  Codec codec;
  if (module == "utf_8" || module == "utf8" || module == "u8" || module == "utf" ||
      module == "cp65001") {
    codec.utf8 = true;
    return codec;
  }
  for (const auto& c : kCodecs) {
    if (module == c.name) codec.table = &c;
  }
  return codec;
}

// Transcodes [bytes] with a single-byte [codec] into UTF-8; false (with
// the offset of the byte) if a byte is undefined in it.
bool transcode(std::string_view bytes, const SingleByteCodec& codec, std::string& out,
               size_t& bad) {
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    char ch = bytes[i];
    auto b = static_cast<uint8_t>(ch);
    if (b < 0x80) {
      out += ch;
      continue;
    }
    char16_t cp = codec.high[b - 0x80];
    if (cp == 0xFFFF) {
      bad = i;
      return false;
    }
    append_utf8(out, cp);
  }
  return true;
}

// Copies [bytes] as UTF-8, each byte that is not part of valid UTF-8
// becoming U+DC00+byte.
std::string escape_invalid(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (!bytes.empty()) {
    auto fault = find_utf8_fault(bytes);
    size_t good = fault ? fault->offset : bytes.size();
    out.append(bytes.substr(0, good));
    if (!fault) break;
    append_utf8(out, 0xDC00 + static_cast<uint8_t>(bytes[good]));
    bytes.remove_prefix(good + 1);
  }
  return out;
}

// True when [line] holds only whitespace and/or a comment.
bool blank_or_comment(std::string_view line) {
  for (char c : line) {
    if (c == '#' || c == '\r' || c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\f') return false;
  }
  return true;
}

// The 1-based line holding byte [offset] of [text].
int line_of(std::string_view text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

// Line [lineno] of [text] without its terminator.
std::string line_text(std::string_view text, int lineno) {
  auto lines = split_lines(text);
  if (lineno < 1 || static_cast<size_t>(lineno) > lines.size()) return {};
  std::string_view line = lines[lineno - 1];
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return std::string(line);
}

// The encoding name tokenize.detect_encoding reports for a declaration.
std::string tokenize_name(std::string_view declared) {
  std::string head;
  for (char c : declared.substr(0, 12)) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    head += c == '_' ? '-' : c;
  }
  auto starts = [&](std::string_view p) { return head.compare(0, p.size(), p) == 0; };
  if (head == "utf-8" || starts("utf-8-")) return "utf-8";
  for (auto p : {"latin-1", "iso-8859-1", "iso-latin-1"}) {
    if (head == p || starts(std::string(p) + "-")) return "iso-8859-1";
  }
  return std::string(declared);
}

}  // namespace

std::string coding_declaration(std::string_view line) {
  // Only whitespace may come before the '#'.
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i >= line.size() || line[i] != '#') return {};
  for (size_t at = line.find("coding", i); at != std::string_view::npos;
       at = line.find("coding", at + 1)) {
    size_t j = at + 6;
    if (j >= line.size() || (line[j] != ':' && line[j] != '=')) continue;
    ++j;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    size_t begin = j;
    while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) ||
                               line[j] == '-' || line[j] == '_' || line[j] == '.')) {
      ++j;
    }
    if (j == begin) continue;
    // CPython's tokenizer (get_normal_name) folds the UTF-8 and Latin-1
    // spellings and leaves every other name as written.
    return tokenize_name(line.substr(begin, j - begin));
  }
  return {};
}

Utf8Check check_utf8(std::string_view bytes) {
  Utf8Check check;
  if (auto fault = find_utf8_fault(bytes)) {
    check.offset = fault->offset;
    check.reason = fault->reason;
  }
  return check;
}

std::string unescape_bytes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto b = static_cast<uint8_t>(text[i]);
    if (b == 0xED && i + 2 < text.size() && (static_cast<uint8_t>(text[i + 1]) & 0xFE) == 0xB2) {
      // U+DC80..U+DCFF = ED B2 80 .. ED B3 BF
      char32_t cp = 0xD000 | ((static_cast<uint8_t>(text[i + 1]) & 0x3F) << 6) |
                    (static_cast<uint8_t>(text[i + 2]) & 0x3F);
      out += static_cast<char>(cp & 0xFF);
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

DecodeResult decode(std::string_view bytes, std::string_view filename, DecodeOptions options) {
  const bool allow_null_bytes = options.allow_null_bytes;
  DecodeResult result;
  Source& src = result.source;
  src.filename = std::string(filename);
  auto fail = [&](SourceError::Kind kind, std::string message, int lineno = 0,
                  std::string text = {}) {
    result.ok = false;
    result.error = SourceError{};
    result.error.kind = kind;
    result.error.message = std::move(message);
    result.error.lineno = lineno;
    result.error.text = std::move(text);
    return result;
  };

  if (bytes.substr(0, kBom.size()) == kBom) {
    src.has_bom = true;
    bytes.remove_prefix(kBom.size());
  }

  // PEP 263: a declaration on line 1, or on line 2 below a comment/blank line.
  std::string declared;
  {
    auto lines = split_lines(bytes);
    if (!lines.empty()) {
      declared = coding_declaration(lines[0]);
      if (declared.empty() && lines.size() > 1 && blank_or_comment(lines[0])) {
        declared = coding_declaration(lines[1]);
      }
    }
  }

  if (src.has_bom && !declared.empty() && declared != "utf-8") {
    auto r = fail(SourceError::Kind::kBomMismatch, "encoding problem: " + declared + " with BOM");
    r.error.encoding = declared;
    return r;
  }

  if (declared.empty() || declared == "utf-8") {
    // The C tokenizer reads these as UTF-8 directly.
    if (options.escape_invalid_utf8) {
      src.text = escape_invalid(bytes);
      src.encoding = src.has_bom ? "utf-8-sig" : "utf-8";
    } else if (auto fault = find_utf8_fault(bytes)) {
      auto byte = static_cast<uint8_t>(bytes[fault->offset]);
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02x", byte);
      int lineno = line_of(bytes, fault->offset);
      if (declared.empty() && !src.has_bom) {
        auto r = fail(SourceError::Kind::kNonUtf8,
                      "Non-UTF-8 code starting with '\\x" + std::string(hex) + "' in file " +
                          src.filename + " on line " + std::to_string(lineno) +
                          ", but no encoding declared; see https://peps.python.org/pep-0263/ "
                          "for details");
        r.error.fault_line = lineno;
        return r;
      }
      size_t line_start = bytes.rfind('\n', fault->offset);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      return fail(SourceError::Kind::kUnicodeError,
                  "(unicode error) 'utf-8' codec can't decode byte 0x" + std::string(hex) +
                      " in position " + std::to_string(fault->offset - line_start) + ": " +
                      fault->reason,
                  lineno);
    }
    if (!options.escape_invalid_utf8) src.text = std::string(bytes);
    src.encoding = src.has_bom ? "utf-8-sig" : "utf-8";
  } else {
    Codec codec = find_codec(declared);
    if (!codec.found()) {
      auto r = fail(SourceError::Kind::kUnknownEncoding, "encoding problem: " + declared);
      r.error.encoding = declared;
      return r;
    }
    size_t bad = 0;
    bool ok = true;
    if (codec.utf8) {
      if (auto fault = find_utf8_fault(bytes)) {
        ok = false;
        bad = fault->offset;
      }
    } else {
      ok = transcode(bytes, *codec.table, src.text, bad);
    }
    if (!ok) {
      auto r = fail(SourceError::Kind::kDecodeFailed, "encoding problem: " + declared);
      r.error.encoding = declared;
      r.error.fault_offset = bad;
      r.error.codec = codec.utf8                                       ? "utf-8"
                      : std::string_view(codec.table->name) == "ascii" ? "ascii"
                                                                       : "charmap";
      return r;
    }
    if (codec.utf8) src.text = std::string(bytes);
    src.encoding = declared;
  }

  if (auto nul = src.text.find('\0'); nul != std::string::npos && !allow_null_bytes) {
    int lineno = line_of(src.text, nul);
    std::string text = line_text(src.text, lineno);
    text = text.substr(0, text.find('\0'));
    return fail(SourceError::Kind::kNullBytes, "source code cannot contain null bytes", lineno,
                std::move(text));
  }
  result.ok = true;
  return result;
}

DecodeResult from_text(std::string_view text, std::string_view filename) {
  DecodeResult result;
  result.source.filename = std::string(filename);
  result.source.encoding = "utf-8";
  if (auto fault = find_utf8_fault(text)) {
    result.error.kind = SourceError::Kind::kNonUtf8;
    result.error.message = "text is not valid UTF-8 (" + std::string(fault->reason) + ")";
    result.error.lineno = line_of(text, fault->offset);
    return result;
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    int lineno = line_of(text, nul);
    result.error.kind = SourceError::Kind::kNullBytes;
    result.error.message = "source code cannot contain null bytes";
    result.error.lineno = lineno;
    return result;
  }
  result.source.text = std::string(text);
  result.ok = true;
  return result;
}

ReadSourceResult read(const fs::FileSystem& files, std::string_view path) {
  ReadSourceResult result;
  fs::ReadResult raw = files.read_file(path);
  if (!raw.ok) {
    result.status = ReadSourceResult::Status::kOsError;
    result.os_error = raw.error;
    return result;
  }
  DecodeResult decoded = decode(raw.bytes, path);
  if (!decoded.ok) {
    result.status = ReadSourceResult::Status::kSyntaxError;
    result.syntax_error = std::move(decoded.error);
    return result;
  }
  result.source = std::move(decoded.source);
  return result;
}

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

std::string format_error(const SourceError& error, std::string_view filename) {
  std::string out;
  if (error.lineno > 0) {
    out += "  File \"" + std::string(filename) + "\", line " + std::to_string(error.lineno) + "\n";
    std::string_view text = error.text;
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\f')) {
      text.remove_prefix(1);
    }
    if (!text.empty()) out += "    " + std::string(text) + "\n";
  }
  out += "SyntaxError: " + error.message + "\n";
  return out;
}

}  // namespace pylife::source
