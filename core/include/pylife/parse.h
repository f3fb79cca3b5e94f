// Stage 2: the parser.  Python 3.11's full grammar to an ast::Node tree,
// with CPython's SyntaxError / IndentationError / TabError messages and
// locations for the common mistakes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pylife/ast.h"
#include "pylife/source.h"

namespace pylife::parse {

// A compile-time error as CPython reports it.
struct SyntaxError {
  std::string type = "SyntaxError";  // or IndentationError, TabError, MemoryError
  std::string msg;
  int lineno = -1;     // -1: no location (None); 0 is a real value CPython uses
  int offset = 0;      // 1-based, in code points; 0: none
  int end_lineno = 0;  // 0: same as lineno
  int end_offset = 0;  // 0: none
  std::string text;    // the source line, newline included
};

// A warning emitted while parsing (SyntaxWarning "invalid decimal literal").
struct Warning {
  std::string category;
  std::string message;
  int lineno = 0;
};

struct ParseResult {
  bool ok = false;
  std::unique_ptr<ast::Arena> arena;  // owns every node
  ast::Node* module = nullptr;        // a Module node when ok
  SyntaxError error;
  std::vector<Warning> warnings;
};

// Parses decoded [source] in "exec" mode, as ast.parse() does.
ParseResult parse(const source::Source& source);

// [error] as the interpreter prints an uncaught SyntaxError for [filename]
// (Python/pythonrun.c print_exception and print_error_text).
std::string format_error(const SyntaxError& error, std::string_view filename);

// [warning] as warnings.formatwarning shows it, with its source line.
std::string format_warning(const Warning& warning, std::string_view filename,
                           std::string_view source_text);
// The same text from its parts: "WHERE: CATEGORY: MESSAGE" and, when
// [line] is not blank, the line stripped and indented by two spaces.
std::string format_warning_text(std::string_view where, std::string_view category,
                                std::string_view message, std::string_view line);

}  // namespace pylife::parse
