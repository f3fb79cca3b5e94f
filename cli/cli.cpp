// `pylife` subcommands: argument parsing, file reading and error reporting.
// Each stage's command formats the core's data; no Python semantics here.
#include "cli.h"

#include <cstdio>
#include <string_view>

#include "pylife/ast.h"
#include "pylife/lex.h"
#include "pylife/compile.h"
#include "pylife/dis.h"
#include "pylife/parse.h"
#include "pylife/pyc.h"
#include "pylife/symtable.h"
#include "pylife/source.h"
#include "pylife/unicode.h"
#include "pylife/version.h"
#include "pylife/events.h"
#include "pylife/heap_layout.h"
#include "pylife/heap_view.h"
#include "pylife/trace.h"
#include "pylife/vm.h"

#include <algorithm>
#include <functional>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

namespace pylife::cli {

namespace {

// One subcommand: its name, its argument synopsis, what it does, and whether
// this build can run it yet.
struct Command {
  std::string_view name;
  std::string_view synopsis;
  std::string_view summary;
  bool available;
};

constexpr Command kCommands[] = {
    {"run", "[--max-steps N] [--max-memory BYTES] [--no-pyc] FILE [ARGS]",
     "run a program like python3 (also: pylife -c CODE); --no-pyc: no __pycache__ writes (python3 -B)", true},
    {"tokens", "FILE [-e]", "the token stream, as python3 -m tokenize", true},
    {"ast", "FILE [--indent N]", "the syntax tree, as ast.dump(ast.parse(...))", true},
    {"symtable", "FILE", "the scopes and symbols, as the symtable module sees them", true},
    {"dis", "FILE", "the bytecode, as python3 -m dis (a growing subset of Python)", true},
    {"compile", "[-r] [-f] [--invalidation-mode timestamp|checked-hash|unchecked-hash] FILE|DIR...",
     "write __pycache__/NAME.pylife-311.pyc (py_compile; -r DIR: compileall)", true},
    {"pyc", "FILE.pyc", "a .pyc header and its disassembly (pylife's or CPython 3.11's)", true},
    {"trace", "FILE [--json] [--from N] [--to M] [--events K,...] | --lines FILE", "the lifecycle event stream of a run; --lines: sys.settrace's events", true},
    {"heap", "FILE [--step K | --line L] [--json] [--internals] [--layout] [--objects]",
     "the frames and objects as the Heap panel shows them, at line step K, at line L's first run, or at the end", true},
    {"gui", "[--demo LESSON [--stop N]] [--size WxH] [--scale S] [--view learner|internals] [--theme dark|light] [--screenshot OUT.png [--steps N | --line-step K] [--panel NAME] [--layout-report OUT.json]] [FILE]",
     "open the desktop visualizer", true},
};

// The full `--help` text.
std::string usage() {
  std::string text = "usage: pylife COMMAND [ARGS]\n       pylife --version | --help\n\n";
  text += "pylife shows the life of a Python 3.11 program: source, tokens, syntax tree,\n";
  text += "bytecode, virtual machine and termination.\n\ncommands:\n";
  for (const auto& c : kCommands) {
    std::string left = "  " + std::string(c.name) + " " + std::string(c.synopsis);
    left.resize(std::max<size_t>(left.size() + 1, 34), ' ');
    text += left + std::string(c.summary);
    if (!c.available) text += " (not in this build yet)";
    text += "\n";
  }
  text += "\nexit status: 0 success, 1 error in the Python program, 2 wrong use of pylife\n";
  return text;
}

const Command* find_command(std::string_view name) {
  for (const auto& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// "COMMAND [options] FILE" after parsing: the file and the options seen.
struct CommandArgs {
  std::string file;
  std::vector<std::string> flags;                           // options without a value
  std::vector<std::pair<std::string, std::string>> values;  // options with one

  bool has(std::string_view flag) const {
    for (const auto& f : flags) {
      if (f == flag) return true;
    }
    return false;
  }
};

// Parses the arguments of [command] ([flags] take no value, [valued] take
// one); reports misuse and returns 2, or 0 when [out] is filled.
int parse_command_args(const Host& host, const Command& command,
                       const std::vector<std::string>& args,
                       std::initializer_list<std::string_view> flags,
                       std::initializer_list<std::string_view> valued, CommandArgs& out) {
  auto member = [](std::initializer_list<std::string_view> set, const std::string& a) {
    for (auto x : set) {
      if (x == a) return true;
    }
    return false;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (member(flags, a)) {
      out.flags.push_back(a);
    } else if (member(valued, a)) {
      if (i + 1 >= args.size()) {
        *host.err << "pylife: " << command.name << ": " << a << " needs a value\n";
        return 2;
      }
      out.values.emplace_back(a, args[++i]);
    } else if (!a.empty() && a[0] == '-') {
      *host.err << "pylife: " << command.name << ": unknown option '" << a << "'\n";
      return 2;
    } else if (out.file.empty()) {
      out.file = a;
    } else {
      *host.err << "pylife: " << command.name << " takes one FILE\n";
      return 2;
    }
  }
  if (out.file.empty()) {
    *host.err << "pylife: " << command.name << " needs a FILE\nusage: pylife " << command.name
              << " " << command.synopsis << "\n";
    return 2;
  }
  return 0;
}

// Reads [path]'s bytes, or reports it as python3 does and returns 2.
int read_bytes(const Host& host, const std::string& path, std::string& bytes) {
  fs::ReadResult raw = host.files->read_file(path);
  if (!raw.ok) {
    *host.err << "pylife: can't open file '" << path << "': " << raw.error.describe() << "\n";
    return 2;
  }
  bytes = std::move(raw.bytes);
  return 0;
}

// Reads and decodes the program [path]; reports failures CPython's way and
// returns the exit status to use, or 0 when [source] was filled.
int load_program(const Host& host, const std::string& path, source::Source& source) {
  auto result = source::read(*host.files, path);  // reports as python3 FILE does
  switch (result.status) {
    case source::ReadSourceResult::Status::kOk: source = std::move(result.source); return 0;
    case source::ReadSourceResult::Status::kOsError:
      *host.err << "pylife: can't open file '" << path << "': " << result.os_error.describe()
                << "\n";
      return 2;
    case source::ReadSourceResult::Status::kSyntaxError:
      *host.err << source::format_error(result.syntax_error, path);
      return 1;
  }
  return 2;
}

// load_program, the source named by its absolute path (as CPython names
// the script in tracebacks and frames).
int load_program_named(const Host& host, const std::string& path, source::Source& source) {
  if (int status = load_program(host, path, source)) return status;
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
  source.filename = ec ? path : absolute;
  return 0;
}

// Pads UTF-8 [text] with spaces to [width] code points, as %-Ns does.
std::string pad(std::string text, size_t width) {
  size_t n = unicode::count_code_points(text);
  if (n < width) text.append(width - n, ' ');
  return text;
}

// One line of `python -m tokenize` output: "%-20s%-15s%-15r".
std::string token_row(const lex::Token& t, bool exact) {
  std::string range = std::to_string(t.start.line) + "," + std::to_string(t.start.col) + "-" +
                      std::to_string(t.end.line) + "," + std::to_string(t.end.col) + ":";
  return pad(range, 20) + pad(std::string(lex::token_name(exact ? t.exact() : t.type)), 15) +
         pad(unicode::repr_str(t.text), 15) + "\n";
}

// tokenize's blank_re: the first line is blank or only a comment.
bool first_line_blank(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\f')) ++i;
  return i == bytes.size() || bytes[i] == '#' || bytes[i] == '\r' || bytes[i] == '\n';
}

// `pylife tokens FILE [-e]`: byte-identical to `python3 -m tokenize [-e] FILE`.
int cmd_tokens(const Host& host, const Command& command, const std::vector<std::string>& args) {
  CommandArgs parsed;
  if (int status = parse_command_args(host, command, args, {"-e", "--exact"}, {}, parsed)) {
    return status;
  }
  const bool exact = parsed.has("-e") || parsed.has("--exact");
  const std::string& path = parsed.file;
  std::string bytes;
  if (int status = read_bytes(host, path, bytes)) return status;
  auto decoded = source::decode(bytes, path, {.allow_null_bytes = true});
  if (!decoded.ok) {
    // tokenize.detect_encoding's wording.
    const auto& e = decoded.error;
    std::string quoted = unicode::repr_str(path);
    std::string message;
    switch (e.kind) {
      case source::SourceError::Kind::kUnknownEncoding:
        message = "unknown encoding for " + quoted + ": " + e.encoding;
        break;
      case source::SourceError::Kind::kBomMismatch:
        message = "encoding problem for " + quoted + ": utf-8";
        break;
      case source::SourceError::Kind::kNonUtf8:
        // detect_encoding reads line 2 only below a blank or comment line.
        if (e.fault_line == 1 || (e.fault_line == 2 && first_line_blank(bytes))) {
          message = "invalid or missing encoding declaration for " + quoted;
          break;
        }
        [[fallthrough]];
      default: *host.err << "unexpected error: " << e.message << "\n"; return 1;
    }
    *host.err << path << ": error: " << message << "\n";
    return 1;
  }
  lex::TokenStream stream = lex::tokenize(decoded.source);
  if (!stream.ok()) {
    *host.err << path << ":" << stream.error.line << ":" << stream.error.col
              << ": error: " << stream.error.message << "\n";
    return 1;
  }
  std::string out;
  for (const auto& t : stream.tokens) out += token_row(t, exact);
  *host.out << out;
  return 0;
}

// `pylife ast FILE [--indent N]`: print(ast.dump(ast.parse(source)[, indent=N])).
int cmd_ast(const Host& host, const Command& command, const std::vector<std::string>& args) {
  CommandArgs parsed;
  if (int status = parse_command_args(host, command, args, {}, {"--indent"}, parsed)) {
    return status;
  }
  int indent = -1;
  for (const auto& [option, v] : parsed.values) {
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 3) {
      *host.err << "pylife: ast: --indent needs a number, not '" << v << "'\n";
      return 2;
    }
    indent = std::stoi(v);
  }
  const std::string& path = parsed.file;
  // ast.parse(bytes): compile()'s decoding rules, not the script runner's.
  std::string bytes;
  if (int status = read_bytes(host, path, bytes)) return status;
  auto decoded = source::decode(bytes, path, {.escape_invalid_utf8 = true});
  if (!decoded.ok) {
    const auto& e = decoded.error;
    if (e.kind == source::SourceError::Kind::kNullBytes) {
      *host.err << "ValueError: source code string cannot contain null bytes\n";
      return 1;
    }
    parse::SyntaxError se;
    se.lineno = 0;
    if (e.kind == source::SourceError::Kind::kUnknownEncoding) {
      se.msg = "unknown encoding: " + e.encoding;
    } else if (e.kind == source::SourceError::Kind::kDecodeFailed) {
      std::string body = bytes.substr(decoded.source.has_bom ? 3 : 0);
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02x",
                    static_cast<unsigned char>(
                        bytes[e.fault_offset + (bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0)]));
      std::string reason = e.codec == "ascii"     ? "ordinal not in range(128)"
                           : e.codec == "charmap" ? "character maps to <undefined>"
                                                  : source::check_utf8(body).reason;
      se.msg = "'" + e.codec + "' codec can't decode byte 0x" + hex + " in position " +
               std::to_string(e.fault_offset) + ": " + reason;
    } else {
      se.msg = e.message;
    }
    *host.err << parse::format_error(se, path);
    return 1;
  }
  const source::Source& src = decoded.source;
  parse::ParseResult result = parse::parse(src);
  for (const auto& w : result.warnings) *host.err << parse::format_warning(w, path, src.text);
  if (!result.ok) {
    *host.err << parse::format_error(result.error, path);
    return 1;
  }
  bool too_deep = false;
  std::string text = ast::dump(result.module, indent, &too_deep);
  if (too_deep) {
    *host.err << "RecursionError: maximum recursion depth exceeded while calling a Python "
                 "object\n";
    return 1;
  }
  *host.out << text << "\n";
  return 0;
}

// A program parsed and its symbol tables built: what `symtable` and `dis`
// start from.
struct Analysed {
  CommandArgs args;
  source::Source src;
  parse::ParseResult parsed;
  std::string text;                     // src.text with "\n" line ends
  std::vector<std::string_view> lines;  // views into [text]
  compile::SymtableResult table;
};

// Loads, parses and builds the symbol tables of the command's FILE; an
// exit status when that fails (the error already printed).
int analyse(const Host& host, const Command& command, const std::vector<std::string>& args,
            Analysed& out) {
  if (int status = parse_command_args(host, command, args, {}, {}, out.args)) return status;
  if (int status = load_program(host, out.args.file, out.src)) return status;
  out.parsed = parse::parse(out.src);
  if (!out.parsed.ok) {
    *host.err << parse::format_error(out.parsed.error, out.args.file);
    return 1;
  }
  out.text = source::normalize_newlines(out.src.text);
  out.lines = source::split_lines(out.text);
  out.table = compile::build_symtable(out.parsed.module, out.lines);
  if (!out.table.ok) {
    *host.err << parse::format_error(out.table.error, out.args.file);
    return 1;
  }
  return 0;
}

// `pylife symtable FILE`: each scope and its symbols' properties, in the
// form of scripts/golden/symtables.py (CPython's symtable module).
int cmd_symtable(const Host& host, const Command& command, const std::vector<std::string>& args) {
  Analysed a;
  if (int status = analyse(host, command, args, a)) return status;
  *host.out << compile::dump_symtable(*a.table.top);
  return 0;
}

// `pylife dis FILE`: python3 -m dis FILE for what the compiler handles.
int cmd_dis(const Host& host, const Command& command, const std::vector<std::string>& args) {
  Analysed a;
  if (int status = analyse(host, command, args, a)) return status;
  const std::string& file = a.args.file;
  auto compiled = compile::compile_module(a.parsed.module, *a.table.top, file, a.lines);
  if (!compiled.ok) {
    if (compiled.unsupported) {
      *host.err << "pylife: " << file << ":" << compiled.error.lineno << ": " << compiled.error.msg
                << "\n";
      return 2;
    }
    *host.err << parse::format_error(compiled.error, file);
    return 1;
  }
  *host.out << compile::format_dis(*compiled.code);
  return 0;
}

// `pylife pyc FILE.pyc`: the header, then dis.dis of the code object.
int cmd_pyc(const Host& host, const Command& command, const std::vector<std::string>& args) {
  CommandArgs a;
  if (int status = parse_command_args(host, command, args, {}, {}, a)) return status;
  std::string bytes;
  if (int status = read_bytes(host, a.file, bytes)) return status;
  pyc::ReadResult r = pyc::read_pyc(bytes);
  if (!r.ok) {
    *host.err << "pylife: " << a.file << ": " << r.error << "\n";
    return 1;
  }
  *host.out << pyc::describe_header(r.header) << "\n" << compile::format_dis(*r.code);
  std::string why = pyc::verify_code(*r.code);
  if (!why.empty()) *host.err << "pylife: warning: " << a.file << " would not run: " << why << "\n";
  return 0;
}

// `pylife compile`: py_compile for files, compileall (-r) for directories.
int cmd_compile(const Host& host, const Command& command, const std::vector<std::string>& args) {
  bool recursive = false, force = false;
  pyc::Mode mode = pyc::Mode::kTimestamp;
  std::vector<std::string> targets;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-r") {
      recursive = true;
    } else if (a == "-f") {
      force = true;
    } else if (a == "--invalidation-mode" && i + 1 < args.size()) {
      const std::string& m = args[++i];
      if (m == "timestamp") mode = pyc::Mode::kTimestamp;
      else if (m == "checked-hash") mode = pyc::Mode::kCheckedHash;
      else if (m == "unchecked-hash") mode = pyc::Mode::kUncheckedHash;
      else {
        *host.err << "pylife: compile: --invalidation-mode is timestamp, checked-hash or unchecked-hash, not '" << m << "'\n";
        return 2;
      }
    } else if (!a.empty() && a[0] == '-') {
      *host.err << "pylife: compile: unknown option '" << a << "'\n";
      return 2;
    } else {
      targets.push_back(a);
    }
  }
  if (targets.empty()) {
    *host.err << "pylife: compile needs a FILE\nusage: pylife compile " << command.synopsis << "\n";
    return 2;
  }
  if (!host.writable_files) {
    *host.err << "pylife: compile: this host cannot write files\n";
    return 2;
  }
  fs::FileSystem& files = *host.writable_files;
  int status = 0;
  auto one = [&](const std::string& path, bool announce) {
    vm::CompileFileResult r = vm::compile_file(files, path, mode, force || !announce);
    if (r.up_to_date) return;
    if (announce) *host.out << "Compiling '" << path << "'...\n";
    if (!r.ok) {
      // compileall reports on stdout after "*** "; py_compile on stderr.
      if (announce) *host.out << "***   " << r.error_text.substr(r.error_text.find_first_not_of(' ')) << "\n";
      else *host.err << r.error_text;
      status = 1;
    }
  };
  // compileall.compile_dir: sorted entries, __pycache__ skipped.
  std::function<void(const std::string&)> walk = [&](const std::string& dir) {
    *host.out << "Listing '" << dir << "'...\n";
    fs::ListResult list = files.list_dir(dir);
    if (!list.ok) {
      *host.out << "Can't list '" << dir << "'\n";
      status = 1;
      return;
    }
    for (const auto& name : list.names) {
      if (name == "__pycache__") continue;
      std::string path = dir + "/" + name;
      fs::StatResult st = files.stat(path);
      if (st.ok && st.is_dir) {
        walk(path);
      } else if (name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0) {
        one(path, true);
      }
    }
  };
  for (const auto& t : targets) {
    fs::StatResult st = files.stat(t);
    if (recursive && st.ok && st.is_dir) {
      walk(t);
    } else if (st.ok && st.is_dir) {
      *host.err << "pylife: compile: " << t << " is a directory (use -r)\n";
      status = 2;
    } else {
      one(t, false);
    }
  }
  return status;
}

// Runs decoded [src] with the host's streams; the program's exit status.
int run_source(const Host& host, const source::Source& src, vm::RunOptions options) {
  vm::Io io;
  io.out = [&](std::string_view s) { host.out->write(s.data(), static_cast<std::streamsize>(s.size())); host.out->flush(); };
  io.err = [&](std::string_view s) { host.err->write(s.data(), static_cast<std::streamsize>(s.size())); host.err->flush(); };
  io.read_line = host.read_line;
  auto start = std::chrono::steady_clock::now();
  io.clock = [start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  io.wall_clock = [] {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  };
  io.sleep = [](double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); };
  io.files = host.files;
  io.writable_files = host.writable_files;
  io.interrupt = host.interrupt;
  vm::RunResult r = vm::run_program(src, options, io);
  if (host.interrupted) *host.interrupted = r.interrupted;
  return r.exit_code;
}

// Reads a non-negative count for [flag].
bool parse_count(const Host& host, const std::string& flag, const std::string& text, int64_t* out) {
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end || v < 0) {
    *host.err << "pylife: " << flag << " needs a non-negative number, not '" << text << "'\n";
    return false;
  }
  *out = v;
  return true;
}

using unicode::json_string;


// Prints the events of a run, one a line (docs/trace-format.md).
class TracePrinter final : public events::Observer {
 public:
  TracePrinter(std::ostream& out, bool json, uint64_t from, uint64_t to, std::vector<std::string> kinds)
      : out_(out), json_(json), from_(from), to_(to), kinds_(std::move(kinds)) {}

  void on_token(const events::Token& e) override {
    if (!want("token", 0)) return;
    if (json_) {
      line(0, "token", "\"index\":" + std::to_string(e.index) + ",\"type\":" + json_string(e.type) + ",\"text\":" +
                           json_string(e.text) + ",\"line\":" + std::to_string(e.line) + ",\"col\":" + std::to_string(e.col) +
                           ",\"end_line\":" + std::to_string(e.end_line) + ",\"end_col\":" + std::to_string(e.end_col));
    } else {
      text(0, 0, "token " + std::string(e.type) + " " + unicode::repr_str(e.text) + " " + span(e.line, e.col, e.end_line, e.end_col));
    }
  }
  void on_ast_node(const events::AstNode& e) override {
    if (!want("ast", 0)) return;
    if (json_) {
      line(0, "ast", "\"kind\":" + json_string(e.kind) + ",\"depth\":" + std::to_string(e.depth) + ",\"line\":" +
                         std::to_string(e.line) + ",\"col\":" + std::to_string(e.col) + ",\"end_line\":" +
                         std::to_string(e.end_line) + ",\"end_col\":" + std::to_string(e.end_col));
    } else {
      text(0, 0, "ast " + std::string(static_cast<size_t>(e.depth) * 2, ' ') + std::string(e.kind) +
                     (e.line >= 0 ? " " + span(e.line, e.col, e.end_line, e.end_col) : ""));
    }
  }
  void on_symbol(const events::Symbol& e) override {
    if (!want("symbol", 0)) return;
    if (json_) {
      line(0, "symbol", "\"scope\":" + json_string(e.scope) + ",\"name\":" + json_string(e.name) + ",\"kind\":" +
                            json_string(e.kind));
    } else {
      text(0, 0, "symbol " + std::string(e.scope) + "." + std::string(e.name) + " " + std::string(e.kind));
    }
  }
  void on_instruction_emitted(const events::Emitted& e) override {
    if (!want("emit", 0)) return;
    if (json_) {
      line(0, "emit", "\"code\":" + json_string(e.code) + ",\"offset\":" + std::to_string(e.offset) + ",\"op\":" +
                          json_string(e.opname) + ",\"arg\":" + std::to_string(e.oparg) + ",\"argrepr\":" +
                          json_string(e.argrepr) + ",\"line\":" + std::to_string(e.line));
    } else {
      text(0, 0, "emit " + std::string(e.code) + " " + std::to_string(e.offset) + " " + std::string(e.opname) + " " +
                     std::to_string(e.oparg) + (e.argrepr.empty() ? "" : " (" + std::string(e.argrepr) + ")"));
    }
  }
  void on_code_object(const events::CodeObject& e) override {
    if (!want("code", 0)) return;
    if (json_) {
      line(0, "code", "\"code\":" + json_string(e.code) + ",\"instructions\":" + std::to_string(e.instructions) +
                          ",\"stacksize\":" + std::to_string(e.stacksize) + ",\"consts\":" + std::to_string(e.consts) +
                          ",\"names\":" + std::to_string(e.names) + ",\"locals\":" + std::to_string(e.locals));
    } else {
      text(0, 0, "code " + std::string(e.code) + " (" + std::to_string(e.instructions) + " instructions, stack " +
                     std::to_string(e.stacksize) + ")");
    }
  }
  void on_instruction(const events::Instruction& e) override {
    if (!want("instruction", e.step)) return;
    if (json_) {
      line(e.step, "instruction", "\"code\":" + json_string(e.code) + ",\"depth\":" + std::to_string(e.depth) +
                                      ",\"offset\":" + std::to_string(e.offset) + ",\"op\":" + json_string(e.opname) +
                                      ",\"arg\":" + std::to_string(e.oparg) + ",\"argrepr\":" + json_string(e.argrepr) + ",\"line\":" + std::to_string(e.line) +
                                      ",\"end_line\":" + std::to_string(e.end_line) + ",\"col\":" + std::to_string(e.col) +
                                      ",\"end_col\":" + std::to_string(e.end_col) + ",\"stack\":" + std::to_string(e.stack_depth));
    } else {
      text(e.step, e.depth, std::string(e.code) + ":" + std::to_string(e.line) + "  " + std::to_string(e.offset) + " " +
                                std::string(e.opname) + " " + std::to_string(e.oparg) +
                                (e.argrepr.empty() ? std::string() : " (" + std::string(e.argrepr) + ")") + "  [stack " +
                                std::to_string(e.stack_depth) + "]");
    }
  }
  void on_frame_push(const events::Frame& e) override {
    if (!want("call", e.step)) return;
    if (json_) {
      line(e.step, "call", "\"code\":" + json_string(e.code) + ",\"depth\":" + std::to_string(e.depth) +
                               ",\"file\":" + json_string(e.filename) + ",\"line\":" + std::to_string(e.line) +
                               (e.arguments.empty() ? std::string() : ",\"arguments\":" + json_arguments(e.arguments)));
    } else {
      std::string args;
      for (const auto& [name, v] : e.arguments) args += (args.empty() ? "" : ", ") + name + "=" + v.repr;
      text(e.step, e.depth, "call " + std::string(e.code) + (e.arguments.empty() ? "" : "(" + args + ")") + " (line " +
                                std::to_string(e.line) + ")");
    }
  }
  void on_frame_pop(const events::Frame& e) override {
    if (!want("return", e.step)) return;
    if (json_) {
      line(e.step, "return", "\"code\":" + json_string(e.code) + ",\"depth\":" + std::to_string(e.depth) +
                                 ",\"raised\":" + (e.raised ? "true" : "false") + ",\"value\":" + json_string(e.value));
    } else {
      text(e.step, e.depth, e.raised ? "unwind " + std::string(e.code) + " (exception)"
                                     : "return " + std::string(e.code) + " -> " + e.value);
    }
  }
  void on_exception(const events::Exception& e) override {
    if (!want("exception", e.step)) return;
    const char* kind = e.kind == events::Exception::Kind::kRaised   ? "raised"
                       : e.kind == events::Exception::Kind::kCaught ? "caught"
                                                                    : "propagated";
    if (json_) {
      line(e.step, "exception", "\"kind\":\"" + std::string(kind) + "\",\"code\":" + json_string(e.code) +
                                    ",\"line\":" + std::to_string(e.line) + ",\"type\":" + json_string(e.type) +
                                    ",\"message\":" + json_string(e.message));
    } else {
      text(e.step, e.depth, std::string("exception ") + kind + " " + e.type + (e.message.empty() ? "" : ": " + e.message) +
                                " (" + std::string(e.code) + ":" + std::to_string(e.line) + ")");
    }
  }
  void on_output(const events::Output& e) override {
    if (!want("output", e.step)) return;
    const char* stream = e.stream == 1 ? "stdout" : "stderr";
    if (json_) {
      line(e.step, "output", "\"stream\":\"" + std::string(stream) + "\",\"text\":" + json_string(e.text));
    } else {
      text(e.step, 0, std::string(stream) + " " + unicode::repr_str(e.text));
    }
  }
  bool wants_details() const override {
    for (const char* k : {"push", "pop", "store", "alloc", "free", "incref", "decref", "memory"}) {
      if (std::find(kinds_.begin(), kinds_.end(), k) != kinds_.end()) return true;
    }
    return false;
  }
  void on_stack_push(const events::StackChange& e) override { stack_change("push", e); }
  void on_stack_pop(const events::StackChange& e) override { stack_change("pop", e); }
  void on_store(const events::Store& e) override {
    if (!want("store", e.step)) return;
    if (json_) {
      line(e.step, "store", "\"code\":" + json_string(e.code) + ",\"scope\":" + json_string(e.scope) + ",\"name\":" +
                                json_string(e.name) + ",\"deleted\":" + (e.deleted ? "true" : "false") +
                                (e.deleted ? std::string() : ",\"value\":" + json_value(e.value)));
    } else {
      text(e.step, e.depth, e.deleted ? "delete " + std::string(e.scope) + " " + std::string(e.name)
                                      : "store " + std::string(e.scope) + " " + std::string(e.name) + " = " + show(e.value));
    }
  }
  void on_alloc(const events::Lifetime& e) override { lifetime("alloc", e); }
  void on_free(const events::Lifetime& e) override { lifetime("free", e); }
  void on_incref(const events::RefCount& e) override { refcount("incref", e); }
  void on_decref(const events::RefCount& e) override { refcount("decref", e); }
  void on_gc_start(const events::GcCollection& e) override {
    if (!want("gc", e.step)) return;
    if (json_) {
      line(e.step, "gc_start", "\"generation\":" + std::to_string(e.generation) + ",\"counts\":[" +
                                   std::to_string(e.counts_before[0]) + "," + std::to_string(e.counts_before[1]) + "," +
                                   std::to_string(e.counts_before[2]) + "]");
    } else {
      text(e.step, 0, "gc start generation " + std::to_string(e.generation) + " (counts " +
                          std::to_string(e.counts_before[0]) + ", " + std::to_string(e.counts_before[1]) + ", " +
                          std::to_string(e.counts_before[2]) + ")");
    }
  }
  void on_gc_collect(const events::GcCollection& e) override {
    if (!want("gc", e.step)) return;
    static const char* const kReasons[] = {"automatic", "gc.collect()", "final", "requested"};
    const char* reason = kReasons[static_cast<int>(e.reason)];
    if (json_) {
      line(e.step, "gc", "\"generation\":" + std::to_string(e.generation) + ",\"reason\":" + json_string(reason) +
                             ",\"examined\":" + std::to_string(e.examined) + ",\"unreachable\":" +
                             std::to_string(e.unreachable) + ",\"collected\":" + std::to_string(e.collected) +
                             ",\"uncollectable\":" + std::to_string(e.uncollectable));
    } else {
      text(e.step, 0, "gc collect generation " + std::to_string(e.generation) + " (" + reason + "): " +
                          std::to_string(e.collected) + " collected");
    }
  }
  void on_memory(const events::MemoryChange& e) override {
    if (!want("memory", e.step)) return;
    static const char* const kKinds[] = {"arena new", "arena freed", "pool new", "pool freed"};
    const char* kind = kKinds[static_cast<int>(e.kind)];
    std::string size = e.size_class >= 0 ? std::to_string((e.size_class + 1) * 16) : "";
    if (json_) {
      line(e.step, "memory", "\"kind\":" + json_string(kind) + ",\"arena\":" + std::to_string(e.arena) +
                                 ",\"pool\":" + std::to_string(e.pool) + ",\"block_size\":" + (size.empty() ? "null" : size));
    } else {
      text(e.step, 0, std::string("memory ") + kind + " (arena " + std::to_string(e.arena) +
                          (e.pool >= 0 ? ", pool " + std::to_string(e.pool) + ", " + size + "-byte blocks" : "") + ")");
    }
  }
  void on_import(const events::Import& e) override {
    if (!want("import", e.step)) return;
    const char* stage = events::stage_name(e.stage);
    if (json_) {
      line(e.step, "import", "\"stage\":" + json_string(stage) + ",\"name\":" + json_string(e.name) + ",\"path\":" +
                                 json_string(e.path) + ",\"detail\":" + json_string(e.detail) +
                                 ",\"depth\":" + std::to_string(e.depth));
    } else {
      text(e.step, e.depth + 1, "import " + e.name + ": " + stage + (e.detail.empty() ? "" : " (" + e.detail + ")") +
                                    (e.path.empty() ? "" : " " + e.path));
    }
  }
  void on_teardown(const events::Teardown& e) override {
    if (!want("teardown", e.step)) return;
    const char* stage = events::stage_name(e.stage);
    if (json_) {
      line(e.step, "teardown", "\"stage\":" + json_string(stage) + ",\"name\":" + json_string(e.name) +
                                   ",\"detail\":" + json_string(e.detail));
    } else {
      text(e.step, 0, std::string("teardown ") + stage + " " + e.name + (e.detail.empty() ? "" : " (" + e.detail + ")"));
    }
  }
  void on_terminate(const events::Terminate& e) override {
    if (!kinds_.empty() && std::find(kinds_.begin(), kinds_.end(), "exit") == kinds_.end()) return;
    if (json_) {
      line(e.step, "exit", "\"code\":" + std::to_string(e.exit_code));
    } else {
      text(e.step, 0, "exit " + std::to_string(e.exit_code));
    }
  }

 private:
  static std::string hex_id(uint64_t id) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(id));
    return buf;
  }
  static std::string show(const events::Value& v) {
    return v.repr + " (" + v.type + " " + hex_id(v.id) + ", refcount " + std::to_string(v.refcount) + ")";
  }
  static std::string json_value(const events::Value& v) {
    return "{\"type\":" + json_string(v.type) + ",\"repr\":" + json_string(v.repr) + ",\"id\":" + std::to_string(v.id) +
           ",\"refcount\":" + std::to_string(v.refcount) + "}";
  }
  static std::string json_arguments(const std::vector<std::pair<std::string, events::Value>>& args) {
    std::string out = "{";
    for (const auto& [name, v] : args) out += (out.size() > 1 ? "," : "") + json_string(name) + ":" + json_value(v);
    return out + "}";
  }
  void stack_change(const char* kind, const events::StackChange& e) {
    if (!want(kind, e.step)) return;
    if (json_) {
      line(e.step, kind, "\"depth\":" + std::to_string(e.depth) + ",\"position\":" + std::to_string(e.position) +
                             ",\"value\":" + json_value(e.value));
    } else {
      text(e.step, e.depth, std::string(kind) + " [" + std::to_string(e.position) + "] " + show(e.value));
    }
  }
  void lifetime(const char* kind, const events::Lifetime& e) {
    if (!want(kind, e.step)) return;
    if (json_) {
      line(e.step, kind, "\"id\":" + std::to_string(e.id) + ",\"type\":" + json_string(e.type) +
                             (e.size ? ",\"size\":" + std::to_string(e.size) : std::string()));
    } else {
      text(e.step, 0, std::string(kind) + " " + std::string(e.type) + " " + hex_id(e.id) +
                          (e.size ? " (" + std::to_string(e.size) + " bytes)" : std::string()));
    }
  }
  void refcount(const char* kind, const events::RefCount& e) {
    if (!want(kind, e.step)) return;
    if (json_) {
      line(e.step, kind, "\"id\":" + std::to_string(e.id) + ",\"type\":" + json_string(e.type) +
                             ",\"count\":" + std::to_string(e.count));
    } else {
      text(e.step, 0, std::string(kind) + " " + std::string(e.type) + " " + hex_id(e.id) + " -> " + std::to_string(e.count));
    }
  }
  static std::string span(int l, int c, int el, int ec) {
    return std::to_string(l) + ":" + std::to_string(c) + "-" + std::to_string(el) + ":" + std::to_string(ec);
  }
  bool want(const char* kind, uint64_t step) const {
    if (step < from_ || step > to_) return false;
    return kinds_.empty() || std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end();
  }
  void line(uint64_t step, const char* kind, const std::string& fields) {
    out_ << "{\"step\":" << step << ",\"event\":\"" << kind << "\"," << fields << "}\n";
  }
  void text(uint64_t step, int depth, const std::string& what) {
    std::string n = std::to_string(step);
    out_ << std::string(n.size() < 7 ? 7 - n.size() : 0, ' ') << n << "  "
         << std::string(depth > 1 ? 2 * static_cast<size_t>(depth - 1) : 0, ' ') << what << "\n";
  }

  std::ostream& out_;
  bool json_;
  uint64_t from_, to_;
  std::vector<std::string> kinds_;
};

// `pylife trace FILE [--json] [--from N] [--to M] [--events K,...]`: the
// run's events instead of its output.
// `pylife trace --lines`: the events a sys.settrace tracer sees of the
// main file's frames, one `EVENT FUNCTION LINE` a line.
class LinePrinter final : public events::Observer {
 public:
  LinePrinter(std::ostream& out, std::string file) : out_(out), filter_(std::move(file)) {}
  bool traces_file(std::string_view filename) override { return filter_.traces_file(filename); }
  void on_trace(const events::Trace& e) override {
    if (filter_.keep(e)) out_ << trace::line_text(e) << '\n';
  }

 private:
  std::ostream& out_;
  trace::LineFilter filter_;
};

int cmd_trace(const Host& host, const std::vector<std::string>& args) {
  bool json = false, record = false, details = false, lines = false;
  uint64_t from = 0, to = UINT64_MAX;
  std::vector<std::string> kinds;
  std::string file;
  std::vector<std::string> program_args;
  static const char* const kKinds[] = {"token",  "ast",   "symbol", "emit",  "code",   "instruction",
                                       "call",   "return", "exception", "output", "exit", "push",
                                       "pop",    "store", "alloc",  "free",  "incref", "decref", "gc", "memory",
                                       "import", "teardown"};
  static const char* const kDefault[] = {"token",  "ast",    "symbol",    "emit",   "code",   "instruction", "call",
                                         "return", "exception", "output", "exit", "gc", "import", "teardown"};
  bool only_args = false;  // after "--": everything is the program's
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_args || (!file.empty() && (a.empty() || a[0] != '-'))) {
      if (file.empty()) {
        file = a;
      } else {
        program_args.push_back(a);
      }
    } else if (a == "--") {
      only_args = true;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--record") {
      record = true;
    } else if (a == "--lines") {
      lines = true;
    } else if (a == "--details") {
      details = true;
    } else if ((a == "--from" || a == "--to") && i + 1 < args.size()) {
      int64_t v;
      if (!parse_count(host, a, args[++i], &v)) return 2;
      (a == "--from" ? from : to) = static_cast<uint64_t>(v);
    } else if (a == "--events" && i + 1 < args.size()) {
      std::string list = args[++i];
      for (size_t start = 0; start <= list.size();) {
        size_t comma = list.find(',', start);
        std::string k = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (std::find(std::begin(kKinds), std::end(kKinds), k) == std::end(kKinds)) {
          *host.err << "pylife: unknown event kind '" << k
                    << "' (token, ast, symbol, emit, code, instruction, call, return, exception, output, exit,"
                       " push, pop, store, alloc, free, incref, decref)\n";
          return 2;
        }
        kinds.push_back(k);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (a.size() > 1 && a[0] == '-') {
      *host.err << "pylife: unknown option '" << a << "' for trace\n";
      return 2;
    } else {
      file = a;
    }
  }
  // By default every kind but the details; --details adds those.
  if (kinds.empty()) kinds.assign(std::begin(kDefault), std::end(kDefault));
  if (details) {
    for (const char* k : {"push", "pop", "store", "alloc", "free", "incref", "decref"}) {
      if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    }
  }
  if (file.empty()) {
    *host.err << "pylife: trace needs a FILE\nusage: pylife trace FILE [--json] [--from N] [--to M] [--events K,...]\n";
    return 2;
  }
  source::Source src;
  if (int status = load_program_named(host, file, src)) return status;
  TracePrinter printer(*host.out, json, from, to, kinds);
  LinePrinter line_printer(*host.out, src.filename);
  trace::Recorder recorder;
  vm::RunOptions options;
  options.argv.push_back(file);
  options.argv.insert(options.argv.end(), program_args.begin(), program_args.end());
  auto slash = src.filename.rfind('/');
  options.script_dir = slash == std::string::npos ? "" : src.filename.substr(0, slash);
  if (record) {
    options.observer = &recorder;
  } else if (lines) {
    options.observer = &line_printer;
  } else {
    options.observer = &printer;
  }
  // The program's output is in the event stream (output events); with
  // --lines it goes to stderr, so stdout is the tracer's alone.
  Host quiet = host;
  std::ostringstream discard;
  quiet.out = lines ? host.err : &discard;
  quiet.err = lines ? host.err : &discard;
  int status = run_source(quiet, src, options);
  if (record) {
    // --record: keep every event in memory (what the visualizer's history
    // costs) and report the totals.
    *host.out << "recorded " << recorder.step_count() << " instructions and " << recorder.event_count()
              << " other events in " << recorder.memory_bytes() << " bytes\n";
  }
  host.out->flush();
  return status;
}

// `pylife heap FILE [--step K | --line L] [--json] [--internals] [--layout] [--objects]`: the heap
// view model (pylife/heap_view.h) at a line step (sys.settrace's events,
// as the visualizer steps: K of N), at the first time line L runs, or at
// the last step (an uncaught exception's: the heap at the raise); with --layout, where the panel draws each box and arrow.
int cmd_heap(const Host& host, const std::vector<std::string>& args) {
  bool json = false, internals = false, layout = false, objects = false;
  int64_t step = 0, line = 0;
  std::string file;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--internals") {
      internals = true;
    } else if (a == "--layout") {
      layout = true;
    } else if (a == "--objects") {
      objects = true;
    } else if ((a == "--step" || a == "--line") && i + 1 < args.size()) {
      if (!parse_count(host, a, args[++i], a == "--step" ? &step : &line)) return 2;
    } else if (a.size() > 1 && a[0] == '-') {
      *host.err << "pylife: unknown option '" << a << "' for heap\n";
      return 2;
    } else if (file.empty()) {
      file = a;
    } else {
      *host.err << "pylife: heap takes one FILE\n";
      return 2;
    }
  }
  if (file.empty()) {
    *host.err << "pylife: heap needs a FILE\nusage: pylife heap FILE [--step K | --line L] [--json] [--internals] [--layout] [--objects]\n";
    return 2;
  }
  source::Source src;
  if (int status = load_program_named(host, file, src)) return status;
  auto slash = src.filename.rfind('/');
  trace::Session session(src, {}, 50'000'000, host.files, slash == std::string::npos ? "" : src.filename.substr(0, slash));
  const auto& events = session.line_events();
  if (events.empty()) {
    *host.err << "pylife: " << file << " ran no line\n";
    return 1;
  }
  size_t at = events.size() - 1;
  if (step > 0) {
    if (static_cast<size_t>(step) > events.size()) {
      *host.err << "pylife: there are " << events.size() << " line steps, not " << step << "\n";
      return 2;
    }
    at = static_cast<size_t>(step) - 1;
  } else if (line > 0) {
    size_t k = 0;
    while (k < events.size() && !(events[k].kind == events::Trace::Kind::kLine && events[k].line == line)) ++k;
    if (k == events.size()) {
      *host.err << "pylife: line " << line << " never runs\n";
      return 1;
    }
    at = k;
  }
  auto view_at = [&](size_t k) {
    auto position = session.seek(events[k].step);
    return trace::heap_view(position.frames, position.heap, internals, objects);
  };
  trace::HeapView view = view_at(at);
  // Laid out as the panel lays it out coming from the step before.
  trace::HeapLayout places;
  if (layout) {
    trace::HeapLayout before;
    if (at > 0) before = trace::layout_heap(view_at(at - 1));
    places = trace::layout_heap(view, at > 0 ? &before : nullptr);
  }
  if (json) {
    std::string head = "{\"step\":" + std::to_string(at + 1) + ",\"steps\":" + std::to_string(events.size()) +
                       ",\"line\":" + std::to_string(events[at].line) + ",";
    std::string body = trace::heap_view_json(view);
    if (layout) body = body.substr(0, body.size() - 1) + ",\"layout\":" + trace::heap_layout_json(view, places) + "}";
    *host.out << head << body.substr(1) << "\n";
  } else {
    *host.out << "step " << at + 1 << " of " << events.size() << ", line " << events[at].line << "\n"
              << trace::format_heap_view(view) << (layout ? trace::format_heap_layout(view, places) : "");
  }
  host.out->flush();
  return 0;
}

// `pylife run [--max-steps N] [--max-memory BYTES] FILE [ARGS...]` and
// `pylife -c CODE [ARGS...]`.
int cmd_run(const Host& host, const std::vector<std::string>& args, bool code_given) {
  vm::RunOptions options;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--max-steps" || a == "--max-memory") && i + 1 < args.size()) {
      int64_t v;
      if (!parse_count(host, a, args[++i], &v)) return 2;
      if (a == "--max-steps") options.max_steps = static_cast<uint64_t>(v);
      else options.max_memory = v;
      continue;
    }
    if (a == "-c" && !code_given) {
      code_given = true;
      continue;
    }
    if (a == "--no-pyc" || a == "-B") {
      options.write_pyc = false;
      continue;
    }
    if (a.size() > 1 && a[0] == '-' && a != "-") {
      *host.err << "pylife: unknown option '" << a << "' for run\n";
      return 2;
    }
    break;
  }
  if (i >= args.size()) {
    *host.err << (code_given ? "pylife: -c needs CODE\n" : "pylife: run needs a FILE\nusage: pylife run [--max-steps N] [--max-memory BYTES] [--no-pyc] FILE [ARGS]\n");
    return 2;
  }
  source::Source src;
  if (code_given) {
    auto decoded = source::decode(args[i], "<string>");
    if (!decoded.ok) {
      *host.err << source::format_error(decoded.error, "<string>");
      return 1;
    }
    src = std::move(decoded.source);
    src.filename = "<string>";
    options.argv.push_back("-c");
  } else {
    if (int status = load_program(host, args[i], src)) return status;
    // As CPython 3.9+: the script's code and __file__ use its absolute
    // path, sys.argv[0] the path as given, sys.path[0] its directory.
    std::error_code ec;
    std::string absolute = std::filesystem::absolute(args[i], ec).lexically_normal().string();
    src.filename = ec ? args[i] : absolute;
    options.argv.push_back(args[i]);
    auto slash = src.filename.rfind('/');
    options.script_dir = slash == std::string::npos ? "" : src.filename.substr(0, slash);
  }
  for (size_t k = i + 1; k < args.size(); ++k) options.argv.push_back(args[k]);
  return run_source(host, src, options);
}

}  // namespace

int run(const std::vector<std::string>& args, const Host& host) {
  std::ostream& out = *host.out;
  std::ostream& err = *host.err;
  if (args.empty()) {
    err << usage();
    return 2;
  }
  const std::string& first = args[0];
  if (first == "--version" || first == "-V") {
    out << "pylife " << kVersion << " (Python " << kPythonVersion << ")\n";
    return 0;
  }
  if (first == "--help" || first == "-h") {
    out << usage();
    return 0;
  }
  if (first == "-c") return cmd_run(host, std::vector<std::string>(args.begin() + 1, args.end()), true);
  if (!first.empty() && first[0] == '-') {
    err << "pylife: unknown option '" << first << "'\n(try 'pylife --help')\n";
    return 2;
  }
  const Command* command = find_command(first);
  if (!command) {
    err << "pylife: unknown command '" << first << "'\n(try 'pylife --help')\n";
    return 2;
  }

  std::vector<std::string> files;
  for (size_t i = 1; i < args.size(); ++i) files.push_back(args[i]);
  if (command->name == "tokens") return cmd_tokens(host, *command, files);
  if (command->name == "ast") return cmd_ast(host, *command, files);
  if (command->name == "symtable") return cmd_symtable(host, *command, files);
  if (command->name == "dis") return cmd_dis(host, *command, files);
  if (command->name == "pyc") return cmd_pyc(host, *command, files);
  if (command->name == "compile") return cmd_compile(host, *command, files);
  if (command->name == "run") return cmd_run(host, files, false);
  if (command->name == "trace") return cmd_trace(host, files);
  if (command->name == "heap") return cmd_heap(host, files);

  if (command->name == "gui") {
    GuiOptions gui;
    std::vector<std::string> rest;
    for (size_t i = 0; i < files.size(); ++i) {
      const std::string& a = files[i];
      if ((a == "--screenshot" || a == "--panel" || a == "--steps" || a == "--line-step" || a == "--demo" || a == "--stop" || a == "--size" ||
           a == "--scale" || a == "--view" || a == "--theme" || a == "--layout-report") &&
          i + 1 < files.size()) {
        const std::string& v = files[++i];
        if (a == "--size") {
          if (std::sscanf(v.c_str(), "%dx%d", &gui.width, &gui.height) != 2 || gui.width < 320 || gui.height < 240 ||
              gui.width > 8192 || gui.height > 8192) {
            err << "pylife: --size needs WIDTHxHEIGHT (320x240 to 8192x8192), not '" << v << "'\n";
            return 2;
          }
        }
        if (a == "--scale") {
          gui.scale = static_cast<float>(std::atof(v.c_str()));
          if (gui.scale < 0.75f || gui.scale > 3.0f) {
            err << "pylife: --scale needs a number from 0.75 to 3, not '" << v << "'\n";
            return 2;
          }
        }
        if ((a == "--view" && v != "learner" && v != "internals") || (a == "--theme" && v != "dark" && v != "light")) {
          err << "pylife: " << a << " cannot be '" << v << "' (" << (a == "--view" ? "learner or internals" : "dark or light") << ")\n";
          return 2;
        }
        if (a == "--view") gui.view = v;
        if (a == "--theme") gui.theme = v;
        if (a == "--layout-report") gui.layout_report = v;
        if (a == "--screenshot") gui.screenshot = v;
        if (a == "--panel") gui.panel = v;
        if (a == "--demo") gui.demo = v;
        if (a == "--steps" || a == "--stop" || a == "--line-step") {
          int64_t n;
          if (!parse_count(host, a, v, &n)) return 2;
          (a == "--steps" ? gui.steps : a == "--stop" ? gui.stop : gui.line_step) = static_cast<uint64_t>(n);
        }
      } else if (a.size() > 1 && a[0] == '-') {
        err << "pylife: unknown option '" << a << "' for gui\n";
        return 2;
      } else {
        rest.push_back(a);
      }
    }
    if (rest.size() > 1) {
      err << "pylife: gui takes at most one FILE\n";
      return 2;
    }
    if (!rest.empty()) {
      source::Source src;
      if (int status = load_program(host, rest[0], src)) return status;
      gui.file = rest[0];
    }
    if (!host.gui) {
      err << "pylife: this build has no desktop visualizer (configure with PYLIFE_BUILD_UI=ON)\n";
      return 2;
    }
    return host.gui(gui);
  }

  if (files.empty()) {
    err << "pylife: " << command->name << " needs a FILE\nusage: pylife " << command->name << " "
        << command->synopsis << "\n";
    return 2;
  }
  source::Source src;
  if (int status = load_program(host, files[0], src)) return status;
  err << "pylife: '" << command->name
      << "' is not in this build yet: the source was read and decoded (" << src.encoding << ", "
      << source::split_lines(src.text).size()
      << " lines), but the later stages are still to come\n";
  return 2;
}

}  // namespace pylife::cli
