// The parser's view of the token stream: what CPython's C tokenizer hands
// its parser (no COMMENT/NL, exact operator types, C-tokenizer errors such
// as unterminated strings, bad numbers, unbalanced brackets, TabError).
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "pylife/lex.h"
#include "pylife/parse.h"

namespace pylife::parse {

struct Tok {
  lex::TokenType type;  // exact type for operators; ERRORTOKEN for unknown characters
  std::string_view text;
  int line = 0, col = 0, end_line = 0, end_col = 0;  // byte columns
  int ccol = 0, end_ccol = 0;                        // code-point columns
};

// A tokenizer error and when the parser meets it.
struct TokError {
  bool present = false;
  SyntaxError error;
  size_t at = 0;                 // raised when the parser needs token [at]
  bool eof_in_brackets = false;  // "'(' was never closed" (overrides only later errors)
  int bracket_line = 0;
};

struct ParserTokens {
  std::vector<Tok> toks;          // ends with ENDMARKER unless an error cut it short
  std::deque<std::string> owned;  // identifiers rebuilt from several tokens or NFKC-normalized
  TokError error;
  std::vector<Warning> warnings;
};

// Turns tokenize's stream into the parser's, finding the C tokenizer's
// errors.  [lines] are the source's physical lines (with terminators).
ParserTokens prepare_tokens(const lex::TokenStream& stream,
                            const std::vector<std::string_view>& lines);

// A SyntaxError of [type] at code-point columns of [line].
SyntaxError make_error(const std::vector<std::string_view>& lines, std::string type,
                       std::string msg, int line, int offset, int end_line = 0, int end_offset = 0);

}  // namespace pylife::parse
