// Stage 1: tokens, with the semantics of CPython 3.11's `tokenize` module.
//
// The token list is plain data with positions; the CLI, the golden tests
// and the Tokens panel each format it.  Positions are kept twice: in code
// points (what `tokenize` prints) and in UTF-8 bytes (what the C tokenizer
// and therefore the AST's col_offset count).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pylife/source.h"

namespace pylife::lex {

// Token types, numbered as in CPython 3.11's token module.
enum class TokenType : unsigned char {
#define PYLIFE_TOKEN(name, number, text) name = number,
#include "pylife/tokens.def"
#undef PYLIFE_TOKEN
};

// "NAME", "OP", ... as tok_name has it.
std::string_view token_name(TokenType type);

// The exact type of operator text [op] ("(" -> LPAR), or OP if unknown.
TokenType exact_type(std::string_view op);

// A (line, column) position; lines from 1, columns from 0.
struct Position {
  int line = 0;
  int col = 0;       // in code points, as tokenize reports
  int byte_col = 0;  // in UTF-8 bytes, as the AST reports
};

struct Token {
  TokenType type = TokenType::ENDMARKER;
  std::string text;  // UTF-8; newlines as in the source
  Position start, end;

  // tokenize's exact_type: the specific operator type for OP tokens.
  TokenType exact() const { return type == TokenType::OP ? exact_type(text) : type; }
};

// Why tokenizing stopped early (tokenize raises these).
struct TokenizeError {
  enum class Kind { kNone, kIndentation, kToken };
  Kind kind = Kind::kNone;
  std::string message;  // "EOF in multi-line statement", ...
  int line = 0;
  int col = 0;
};

struct TokenStream {
  std::vector<Token> tokens;  // all tokens before any error
  TokenizeError error;        // kind kNone when tokenizing finished
  bool ok() const { return error.kind == TokenizeError::Kind::kNone; }
};

// Tokenizes decoded [source] exactly as tokenize.tokenize() does on its
// file: ENCODING first, COMMENT/NL included, ERRORTOKEN where tokenize
// emits it.
TokenStream tokenize(const source::Source& source);

}  // namespace pylife::lex
