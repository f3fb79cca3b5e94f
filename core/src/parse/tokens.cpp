// From tokenize's tokens to the C tokenizer's: the checks CPython's
// Parser/tokenizer.c makes that the tokenize module does not.
#include "tokens.h"

#include <cstdio>

#include "literals.h"
#include "pylife/unicode.h"

namespace pylife::parse {

namespace {

using lex::TokenType;

constexpr int kMaxLevel = 200;   // MAXLEVEL: nested brackets
constexpr int kMaxIndent = 100;  // MAXINDENT: indentation levels

bool is_open(TokenType t) {
  return t == TokenType::LPAR || t == TokenType::LSQB || t == TokenType::LBRACE;
}
bool is_close(TokenType t) {
  return t == TokenType::RPAR || t == TokenType::RSQB || t == TokenType::RBRACE;
}
char bracket_char(TokenType t) {
  switch (t) {
    case TokenType::LPAR: return '(';
    case TokenType::RPAR: return ')';
    case TokenType::LSQB: return '[';
    case TokenType::RSQB: return ']';
    case TokenType::LBRACE: return '{';
    default: return '}';
  }
}

// The kind of number literal [text] for "invalid %s literal".
const char* number_kind(std::string_view text) {
  if (text.size() > 1 && text[0] == '0') {
    char p = static_cast<char>(text[1] | 0x20);
    if (p == 'x') return "hexadecimal";
    if (p == 'o') return "octal";
    if (p == 'b') return "binary";
  }
  char last = text.empty() ? 0 : static_cast<char>(text.back() | 0x20);
  return last == 'j' ? "imaginary" : "decimal";
}

// verify_end_of_number: a keyword that may follow a number in valid code.
bool keyword_after_number(std::string_view name) {
  for (std::string_view kw : {"and", "else", "for", "if", "in", "is", "not", "or"}) {
    if (name.substr(0, kw.size()) == kw) return true;
  }
  return false;
}

// Leading whitespace columns of [line] with tab size 8 and 1 (C tokenizer's
// col and altcol).
std::pair<int, int> indent_columns(std::string_view line) {
  int col = 0, alt = 0;
  for (char c : line) {
    if (c == ' ') {
      ++col;
      ++alt;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
      alt = alt + 1;
    } else if (c == '\f') {
      col = alt = 0;
    } else {
      break;
    }
  }
  return {col, alt};
}

}  // namespace

SyntaxError make_error(const std::vector<std::string_view>& lines, std::string type,
                       std::string msg, int line, int offset, int end_line, int end_offset) {
  SyntaxError e;
  e.type = std::move(type);
  e.msg = std::move(msg);
  e.lineno = line;
  e.offset = offset;
  e.end_lineno = end_line ? end_line : line;
  e.end_offset = end_offset;
  if (line >= 1 && static_cast<size_t>(line) <= lines.size()) {
    e.text = std::string(lines[static_cast<size_t>(line) - 1]);
  }
  return e;
}

ParserTokens prepare_tokens(const lex::TokenStream& stream,
                            const std::vector<std::string_view>& lines) {
  ParserTokens out;
  const auto& in = stream.tokens;
  struct Bracket {
    TokenType type;
    int line, ccol;
  };
  std::vector<Bracket> brackets;
  std::vector<std::pair<int, int>> indents = {{0, 0}};
  int line_count = static_cast<int>(lines.size());

  auto fail = [&](SyntaxError e) {
    out.error.present = true;
    out.error.error = std::move(e);
    out.error.at = out.toks.size();
  };
  auto err = [&](std::string msg, int line, int offset, int end_offset = 0) {
    fail(make_error(lines, "SyntaxError", std::move(msg), line, offset, line, end_offset));
  };

  for (size_t i = 0; i < in.size(); ++i) {
    const lex::Token& t = in[i];
    if (t.type == TokenType::ENCODING || t.type == TokenType::COMMENT || t.type == TokenType::NL) {
      continue;
    }
    Tok k{t.type,     t.text,         t.start.line, t.start.byte_col,
          t.end.line, t.end.byte_col, t.start.col,  t.end.col};

    // Identifiers as the C tokenizer reads them: every character >= 128
    // may belong to one, so tokenize's NAME/ERRORTOKEN/OP pieces that touch
    // are joined, then checked (PEP 3131) and NFKC-normalized.
    auto non_ascii_piece = [](const lex::Token& x) {
      return (x.type == TokenType::ERRORTOKEN || x.type == TokenType::OP ||
              x.type == TokenType::NAME) &&
             !x.text.empty() && static_cast<unsigned char>(x.text[0]) >= 0x80;
    };
    TokenType type = t.type;
    if (t.type == TokenType::NAME || non_ascii_piece(t)) {
      std::string text(t.text);
      size_t j = i;
      while (j + 1 < in.size() && in[j + 1].start.line == in[j].end.line &&
             in[j + 1].start.col == in[j].end.col &&
             (in[j + 1].type == TokenType::NAME || non_ascii_piece(in[j + 1]) ||
              (in[j + 1].type == TokenType::NUMBER && non_ascii_piece(in[j])))) {
        ++j;
        text += in[j].text;
      }
      bool ascii = true;
      for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      if (!ascii && (text.find("\xED\xB2") != std::string::npos ||
                     text.find("\xED\xB3") != std::string::npos)) {
        // Bytes that are not UTF-8 inside an identifier.
        size_t position = 0;
        std::string msg = undecodable_utf8_message(text, position);
        err(msg, k.line, k.ccol + 1 + static_cast<int>(position));
        break;
      }
      if (!ascii) {
        std::u32string u = unicode::decode_utf8(text);
        size_t bad = 0;
        if (unicode::is_xid_start(u[0])) {
          bad = 1;
          while (bad < u.size() && unicode::is_xid_continue(u[bad])) ++bad;
        }
        if (bad < u.size()) {
          char buf[64];
          char32_t c = u[bad];
          int col = k.ccol + static_cast<int>(bad);
          if (unicode::is_printable(c)) {
            std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(c));
            std::string ch;
            unicode::append_utf8(ch, c);
            err("invalid character '" + ch + "'" + buf, k.line, col + 1);
          } else {
            std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                          static_cast<unsigned>(c));
            err(buf, k.line, col + 1);
          }
          break;
        }
        out.owned.push_back(unicode::encode_utf8(unicode::nfkc(u)));
        k.text = out.owned.back();
      }
      k.type = TokenType::NAME;
      type = TokenType::NAME;
      k.end_line = in[j].end.line;
      k.end_col = in[j].end.byte_col;
      k.end_ccol = in[j].end.col;
      i = j;
    }

    if (type == TokenType::ERRORTOKEN && k.type == TokenType::ERRORTOKEN) {
      if (t.text == " " || t.text == "\t" || t.text == "\f") continue;
      char32_t c = unicode::decode_utf8(t.text)[0];
      if (c == '\'' || c == '"') {
        // An unterminated string; a string prefix right before it belongs to it.
        int ccol = k.ccol;
        if (!out.toks.empty() && out.toks.back().type == TokenType::NAME &&
            out.toks.back().end_line == k.line && out.toks.back().end_ccol == k.ccol &&
            out.toks.back().text.size() <= 2) {
          ccol = out.toks.back().ccol;
          out.toks.pop_back();
        }
        int detected = k.end_line;
        if (t.text.size() > 1 && t.text.back() == '\n') detected = k.end_line;
        err("unterminated string literal (detected at line " + std::to_string(detected) + ")",
            k.line, ccol + 1);
        break;
      }
      if (c == '\\') {
        err("unexpected character after line continuation character", k.line, k.ccol + 2);
        break;
      }
      if (c >= 0x80 || c < 0x20 || c == 0x7F) {
        char buf[64];
        if (unicode::is_printable(c)) {
          std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(c));
          err("invalid character '" + std::string(t.text) + "'" + buf, k.line, k.ccol + 1);
        } else {
          std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                        static_cast<unsigned>(c));
          err(buf, k.line, k.ccol + 1);
        }
        break;
      }
      out.toks.push_back(k);  // '$', '?', '!', '`': the parser rejects them
      continue;
    }

    if (type == TokenType::NUMBER && i + 1 < in.size()) {
      const lex::Token& next = in[i + 1];
      bool touching = next.start.line == t.end.line && next.start.col == t.end.col;
      if (touching && next.type == TokenType::NUMBER && !t.text.empty() && t.text[0] == '0' &&
          t.text.find_first_not_of("0_") == std::string::npos && !next.text.empty() &&
          next.text[0] >= '0' && next.text[0] <= '9') {
        err("leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
            "octal integers",
            k.line, k.ccol + 1, k.end_ccol + 1);
        break;
      }
      if (touching && next.type == TokenType::NUMBER && t.text.size() > 2 &&
          (t.text[1] == 'b' || t.text[1] == 'B' || t.text[1] == 'o' || t.text[1] == 'O') &&
          next.text[0] >= '0' && next.text[0] <= '9') {
        err(std::string("invalid digit '") + next.text[0] + "' in " + number_kind(t.text) +
                " literal",
            next.start.line, next.start.col + 1);
        break;
      }
      if (touching && next.type == TokenType::NAME) {
        if (keyword_after_number(next.text)) {
          out.warnings.push_back({"SyntaxWarning",
                                  std::string("invalid ") + number_kind(t.text) + " literal",
                                  t.start.line});
        } else {
          std::string_view nt = next.text;
          if ((t.text == "0") && !nt.empty() && (nt[0] == 'o' || nt[0] == 'O') && nt.size() > 1 &&
              nt[1] >= '0' && nt[1] <= '9') {
            err(std::string("invalid digit '") + nt[1] + "' in octal literal", next.start.line,
                next.start.col + 2);
          } else {
            const char* kind = number_kind(t.text);
            if (t.text == "0" && !nt.empty()) {
              char p = static_cast<char>(nt[0] | 0x20);
              if (p == 'x') kind = "hexadecimal";
              if (p == 'o') kind = "octal";
              if (p == 'b') kind = "binary";
              err(std::string("invalid ") + kind + " literal", next.start.line, next.start.col + 1);
              break;
            }
            err(std::string("invalid ") + kind + " literal", next.start.line, next.start.col + 1);
          }
          break;
        }
      }
    }

    if (is_open(type) ||
        (type == TokenType::OP && (t.text == "(" || t.text == "[" || t.text == "{"))) {
      k.type = lex::exact_type(t.text);
      if (static_cast<int>(brackets.size()) >= kMaxLevel) {
        err("too many nested parentheses", k.line, k.ccol + 1);
        break;
      }
      brackets.push_back({k.type, k.line, k.ccol});
    } else if (type == TokenType::OP) {
      k.type = lex::exact_type(t.text);
      if (is_close(k.type)) {
        if (brackets.empty()) {
          err(std::string("unmatched '") + bracket_char(k.type) + "'", k.line, k.ccol + 1);
          break;
        }
        Bracket open = brackets.back();
        brackets.pop_back();
        TokenType want = open.type == TokenType::LPAR   ? TokenType::RPAR
                         : open.type == TokenType::LSQB ? TokenType::RSQB
                                                        : TokenType::RBRACE;
        if (k.type != want) {
          std::string msg = std::string("closing parenthesis '") + bracket_char(k.type) +
                            "' does not match opening parenthesis '" + bracket_char(open.type) +
                            "'";
          if (open.line != k.line) msg += " on line " + std::to_string(open.line);
          err(msg, k.line, k.ccol + 1);
          break;
        }
      }
    } else if (type == TokenType::INDENT || type == TokenType::DEDENT ||
               (type != TokenType::NEWLINE && type != TokenType::ENDMARKER && !out.toks.empty() &&
                out.toks.back().type == TokenType::NEWLINE)) {
      // The first token of a logical line: check tabs against spaces.
      if (k.line >= 1 && k.line <= line_count && brackets.empty()) {
        auto [col, alt] = indent_columns(lines[static_cast<size_t>(k.line) - 1]);
        if (type == TokenType::INDENT) {
          if (alt <= indents.back().second) {
            fail(make_error(lines, "TabError", "inconsistent use of tabs and spaces in indentation",
                            k.line, 0));
            break;
          }
          indents.push_back({col, alt});
          if (static_cast<int>(indents.size()) > kMaxIndent) {
            fail(
                make_error(lines, "IndentationError", "too many levels of indentation", k.line, 0));
            break;
          }
        } else if (type == TokenType::DEDENT) {
          while (indents.size() > 1 && col < indents.back().first) indents.pop_back();
          if (alt != indents.back().second) {
            fail(make_error(lines, "TabError", "inconsistent use of tabs and spaces in indentation",
                            k.line, 0));
            break;
          }
        } else if (col == indents.back().first && alt != indents.back().second) {
          fail(make_error(lines, "TabError", "inconsistent use of tabs and spaces in indentation",
                          k.line, 0));
          break;
        }
      }
    }
    out.toks.push_back(k);
  }

  if (!out.error.present && !stream.ok()) {
    const auto& e = stream.error;
    if (e.kind == lex::TokenizeError::Kind::kIndentation) {
      int len =
          e.line >= 1 && e.line <= line_count
              ? static_cast<int>(unicode::count_code_points(lines[static_cast<size_t>(e.line) - 1]))
              : 0;
      fail(make_error(lines, "IndentationError", e.message, e.line, len + 1));
    } else if (e.message == "EOF in multi-line string") {
      std::string_view line = lines[static_cast<size_t>(e.line) - 1];
      std::u32string u = unicode::decode_utf8(line);
      size_t p = static_cast<size_t>(e.col);
      while (p < u.size() && u[p] != '\'' && u[p] != '"') ++p;
      bool triple = p + 2 < u.size() && u[p + 1] == u[p] && u[p + 2] == u[p];
      err(std::string(triple ? "unterminated triple-quoted string literal"
                             : "unterminated string literal") +
              " (detected at line " + std::to_string(line_count) + ")",
          e.line, e.col + 1);
    } else if (!brackets.empty()) {
      const Bracket& b = brackets.back();
      err(std::string("'") + bracket_char(b.type) + "' was never closed", b.line, b.ccol + 1);
      out.error.eof_in_brackets = true;
      out.error.bracket_line = b.line;
    } else {
      int last = line_count;
      int len =
          last >= 1
              ? static_cast<int>(unicode::count_code_points(lines[static_cast<size_t>(last) - 1]))
              : 0;
      std::string_view l = last >= 1 ? lines[static_cast<size_t>(last) - 1] : std::string_view();
      if (!l.empty() && l.back() == '\n') --len;
      err("unexpected EOF while parsing", last, len + 1);
    }
  }
  return out;
}

}  // namespace pylife::parse
