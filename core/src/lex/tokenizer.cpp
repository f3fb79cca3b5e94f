// A faithful port of CPython 3.11's Lib/tokenize.py `_tokenize`: the same
// line-by-line loop, with its regular expressions (PseudoToken, ContStr,
// the string end patterns, Number, Special) written out as scanners over
// code points.  Keeping the structure of the original makes every quirk of
// `python3 -m tokenize` (ERRORTOKENs, NL vs NEWLINE, the implicit final
// NEWLINE) come out the same.
#include <array>
#include <string>
#include <vector>

#include "pylife/lex.h"
#include "pylife/unicode.h"

namespace pylife::lex {

namespace {

constexpr int kTabSize = 8;

struct TokenSpec {
  std::string_view name;
  std::string_view text;
};

constexpr std::array<TokenSpec, 64> kTokens = {{
#define PYLIFE_TOKEN(name, number, text) {#name, text},
#include "pylife/tokens.def"
#undef PYLIFE_TOKEN
}};

using U32 = std::u32string;

bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
bool is_quote(char32_t c) {
  return c == '\'' || c == '"';
}

// The character at [i] of [s], or 0 past its end.
char32_t at(const U32& s, size_t i) {
  return i < s.size() ? s[i] : 0;
}

// [0-9](?:_?[0-9])* starting at [i]; end index or npos.
size_t digit_part(const U32& s, size_t i) {
  if (!is_digit(at(s, i))) return U32::npos;
  ++i;
  for (;;) {
    if (at(s, i) == '_' && is_digit(at(s, i + 1))) {
      i += 2;
    } else if (is_digit(at(s, i))) {
      ++i;
    } else {
      return i;
    }
  }
}

// [eE][-+]?[0-9](?:_?[0-9])*
size_t exponent(const U32& s, size_t i) {
  if (at(s, i) != 'e' && at(s, i) != 'E') return U32::npos;
  ++i;
  if (at(s, i) == '+' || at(s, i) == '-') ++i;
  return digit_part(s, i);
}

// Pointfloat | Expfloat
size_t float_number(const U32& s, size_t p) {
  size_t end = U32::npos;
  size_t d = digit_part(s, p);
  if (d != U32::npos && at(s, d) == '.') {
    end = d + 1;
    size_t f = digit_part(s, end);
    if (f != U32::npos) end = f;
  } else if (at(s, p) == '.') {
    end = digit_part(s, p + 1);
  }
  if (end != U32::npos) {
    size_t e = exponent(s, end);
    return e != U32::npos ? e : end;
  }
  if (d != U32::npos) return exponent(s, d);
  return U32::npos;
}

// 0[xX](?:_?[0-9a-fA-F])+ and friends: [digit] tells the allowed digits.
template <typename Pred>
size_t radix_number(const U32& s, size_t p, char32_t lower, Pred digit) {
  if (at(s, p) != '0' || (at(s, p + 1) != lower && at(s, p + 1) != lower - 32)) {
    return U32::npos;
  }
  size_t i = p + 2;
  size_t end = U32::npos;
  for (;;) {
    if (at(s, i) == '_' && digit(at(s, i + 1))) {
      i += 2;
    } else if (digit(at(s, i))) {
      ++i;
    } else {
      break;
    }
    end = i;
  }
  return end;
}

// Number = Imagnumber | Floatnumber | Intnumber
size_t number(const U32& s, size_t p) {
  size_t d = digit_part(s, p);
  if (d != U32::npos && (at(s, d) == 'j' || at(s, d) == 'J')) return d + 1;
  size_t f = float_number(s, p);
  if (f != U32::npos && (at(s, f) == 'j' || at(s, f) == 'J')) return f + 1;
  if (f != U32::npos) return f;
  auto hex = [](char32_t c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  if (size_t e = radix_number(s, p, 'x', hex); e != U32::npos) return e;
  if (size_t e = radix_number(s, p, 'b', [](char32_t c) { return c == '0' || c == '1'; });
      e != U32::npos) {
    return e;
  }
  if (size_t e = radix_number(s, p, 'o', [](char32_t c) { return c >= '0' && c <= '7'; });
      e != U32::npos) {
    return e;
  }
  // Decnumber = 0(?:_?0)* | [1-9](?:_?[0-9])*
  if (at(s, p) == '0') {
    size_t i = p + 1;
    for (;;) {
      if (at(s, i) == '_' && at(s, i + 1) == '0') {
        i += 2;
      } else if (at(s, i) == '0') {
        ++i;
      } else {
        return i;
      }
    }
  }
  if (at(s, p) >= '1' && at(s, p) <= '9') return digit_part(s, p);
  return U32::npos;
}

// Operators, longest first within each length.
constexpr std::string_view kOps3[] = {"**=", "...", "//=", "<<=", ">>="};
constexpr std::string_view kOps2[] = {"!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=",
                                      ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|="};
constexpr std::string_view kOps1 = "%&()*+,-./:;<=>@[]^{|}~";

// Funny = \r?\n | Special
size_t funny(const U32& s, size_t p) {
  if (at(s, p) == '\n') return p + 1;
  if (at(s, p) == '\r' && at(s, p + 1) == '\n') return p + 2;
  auto matches = [&](std::string_view op) {
    for (size_t k = 0; k < op.size(); ++k) {
      if (at(s, p + k) != static_cast<char32_t>(op[k])) return false;
    }
    return true;
  };
  for (auto op : kOps3) {
    if (matches(op)) return p + 3;
  }
  for (auto op : kOps2) {
    if (matches(op)) return p + 2;
  }
  char32_t c = at(s, p);
  if (c != 0 && c < 0x80 && kOps1.find(static_cast<char>(c)) != std::string_view::npos) {
    return p + 1;
  }
  return U32::npos;
}

// Length of a valid string prefix (b, r, u, f, br, rb, fr, rf in any case)
// at [p] that is directly followed by a quote; npos if none.
size_t string_prefix(const U32& s, size_t p) {
  auto lower = [](char32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; };
  if (is_quote(at(s, p))) return 0;
  char32_t a = lower(at(s, p));
  if ((a == 'b' || a == 'r' || a == 'u' || a == 'f') && is_quote(at(s, p + 1))) return 1;
  char32_t b = lower(at(s, p + 1));
  bool pair = (a == 'b' && b == 'r') || (a == 'r' && b == 'b') || (a == 'f' && b == 'r') ||
              (a == 'r' && b == 'f');
  if (pair && is_quote(at(s, p + 2))) return 2;
  return U32::npos;
}

// Triple = StringPrefix + ''' | StringPrefix + """
size_t triple_start(const U32& s, size_t p) {
  size_t n = string_prefix(s, p);
  if (n == U32::npos) return U32::npos;
  char32_t q = at(s, p + n);
  if (at(s, p + n + 1) == q && at(s, p + n + 2) == q) return p + n + 3;
  return U32::npos;
}

// ContStr: a one-line string, or its first line ending in backslash-newline.
size_t cont_str(const U32& s, size_t p) {
  size_t n = string_prefix(s, p);
  if (n == U32::npos) return U32::npos;
  char32_t q = at(s, p + n);
  for (size_t i = p + n + 1;;) {
    if (i >= s.size()) return U32::npos;
    char32_t c = s[i];
    if (c == q) return i + 1;
    if (c == '\n') return U32::npos;
    if (c == '\\') {
      char32_t c2 = at(s, i + 1);
      if (c2 == '\n') return i + 2;
      if (c2 == '\r' && at(s, i + 2) == '\n') return i + 3;
      if (i + 1 >= s.size()) return U32::npos;
      i += 2;
      continue;
    }
    ++i;
  }
}

// The end patterns: the rest of a string closed by [quote] (tripled when
// [triple]), matched from [p]; end index or npos.
size_t string_end(const U32& s, size_t p, char32_t quote, bool triple) {
  for (size_t i = p; i < s.size();) {
    char32_t c = s[i];
    if (c == '\\') {
      if (i + 1 < s.size() && s[i + 1] != '\n') {
        i += 2;
        continue;
      }
      return U32::npos;
    }
    if (c == quote) {
      if (!triple) return i + 1;
      if (at(s, i + 1) == quote && at(s, i + 2) == quote) return i + 3;
    }
    ++i;
  }
  return U32::npos;
}

// str.isspace() for strip().
bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// The tokenizer's state, as the local variables of _tokenize.
class Tokenizer {
 public:
  explicit Tokenizer(const source::Source& src) : text_(src.text), encoding_(src.encoding) {}

  TokenStream run();

 private:
  // readline(): the next physical line split at '\n', or empty at EOF.
  U32 readline() {
    table_line_ = nullptr;  // pos()'s table belongs to the previous line
    if (offset_ >= text_.size()) return {};
    size_t nl = text_.find('\n', offset_);
    size_t end = nl == std::string::npos ? text_.size() : nl + 1;
    U32 line = unicode::decode_utf8(std::string_view(text_).substr(offset_, end - offset_));
    offset_ = end;
    return line;
  }

  // A position in [line] at code point [col].  Byte columns come from a
  // per-line table, built only for lines with non-ASCII text.
  Position pos(int lnum, const U32& line, size_t col) {
    Position p;
    p.line = lnum;
    p.col = static_cast<int>(col);
    if (&line != table_line_ || line.size() != table_size_) {
      table_line_ = &line;
      table_size_ = line.size();
      byte_cols_.clear();
      bool ascii = true;
      for (char32_t c : line) ascii = ascii && c < 0x80;
      if (!ascii) {
        byte_cols_.reserve(line.size() + 1);
        int bytes = 0;
        for (char32_t c : line) {
          byte_cols_.push_back(bytes);
          bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        byte_cols_.push_back(bytes);
      }
    }
    if (byte_cols_.empty()) {
      p.byte_col = p.col;
    } else if (col < byte_cols_.size()) {
      p.byte_col = byte_cols_[col];
    } else {
      p.byte_col = byte_cols_.back() + static_cast<int>(col - line.size());
    }
    return p;
  }

  void emit(TokenType type, std::u32string_view text, Position start, Position end) {
    out_.tokens.push_back(Token{type, unicode::encode_utf8(text), start, end});
  }

  const std::string& text_;
  std::string encoding_;
  size_t offset_ = 0;
  TokenStream out_;
  // pos()'s byte-column table and the line it was built for.
  const U32* table_line_ = nullptr;
  size_t table_size_ = 0;
  std::vector<int> byte_cols_;
};

TokenStream Tokenizer::run() {
  int lnum = 0, parenlev = 0;
  bool continued = false;
  U32 contstr, contline;
  bool needcont = false;
  bool in_string = false;
  char32_t str_quote = 0;
  bool str_triple = false;
  Position strstart;
  std::vector<int> indents = {0};

  std::string enc = encoding_ == "utf-8-sig" ? "utf-8" : encoding_;
  out_.tokens.push_back(Token{TokenType::ENCODING, enc, {0, 0, 0}, {0, 0, 0}});

  U32 last_line, line;
  auto fail = [&](TokenizeError::Kind kind, std::string message, int l, int c) {
    out_.error = TokenizeError{kind, std::move(message), l, c};
    return std::move(out_);
  };

  for (;;) {
    last_line = std::move(line);
    line = readline();
    ++lnum;
    size_t p = 0, max = line.size();

    if (in_string) {  // continued string
      if (line.empty()) {
        return fail(TokenizeError::Kind::kToken, "EOF in multi-line string", strstart.line,
                    strstart.col);
      }
      size_t end = string_end(line, 0, str_quote, str_triple);
      if (end != U32::npos) {
        p = end;
        emit(TokenType::STRING, contstr + line.substr(0, end), strstart, pos(lnum, line, end));
        contstr.clear();
        contline.clear();
        needcont = false;
        in_string = false;
      } else if (needcont &&
                 !(line.size() >= 2 && line.compare(line.size() - 2, 2, U"\\\n") == 0) &&
                 !(line.size() >= 3 && line.compare(line.size() - 3, 3, U"\\\r\n") == 0)) {
        emit(TokenType::ERRORTOKEN, contstr + line, strstart, pos(lnum, line, line.size()));
        contstr.clear();
        contline.clear();
        in_string = false;
        continue;
      } else {
        contstr += line;
        contline += line;
        continue;
      }
    } else if (parenlev == 0 && !continued) {  // new statement
      if (line.empty()) break;
      int column = 0;
      while (p < max) {  // measure leading whitespace
        if (line[p] == ' ') {
          ++column;
        } else if (line[p] == '\t') {
          column = (column / kTabSize + 1) * kTabSize;
        } else if (line[p] == '\f') {
          column = 0;
        } else {
          break;
        }
        ++p;
      }
      if (p == max) break;

      if (line[p] == '#' || line[p] == '\r' || line[p] == '\n') {  // comment or blank line
        if (line[p] == '#') {
          size_t end = line.size();
          while (end > p && (line[end - 1] == '\r' || line[end - 1] == '\n')) --end;
          emit(TokenType::COMMENT, std::u32string_view(line).substr(p, end - p), pos(lnum, line, p),
               pos(lnum, line, end));
          p = end;
        }
        emit(TokenType::NL, std::u32string_view(line).substr(p), pos(lnum, line, p),
             pos(lnum, line, line.size()));
        continue;
      }

      if (column > indents.back()) {  // count indents or dedents
        indents.push_back(column);
        emit(TokenType::INDENT, std::u32string_view(line).substr(0, p), pos(lnum, line, 0),
             pos(lnum, line, p));
      }
      while (column < indents.back()) {
        bool known = false;
        for (int level : indents) known = known || level == column;
        if (!known) {
          return fail(TokenizeError::Kind::kIndentation,
                      "unindent does not match any outer indentation level", lnum,
                      static_cast<int>(p));
        }
        indents.pop_back();
        emit(TokenType::DEDENT, U"", pos(lnum, line, p), pos(lnum, line, p));
      }
    } else {  // continued statement
      if (line.empty()) {
        return fail(TokenizeError::Kind::kToken, "EOF in multi-line statement", lnum, 0);
      }
      continued = false;
    }

    while (p < max) {
      // PseudoToken = Whitespace + group(PseudoExtras, Number, Funny, ContStr, Name)
      size_t start = p;
      while (start < max && (line[start] == ' ' || line[start] == '\f' || line[start] == '\t')) {
        ++start;
      }
      size_t end = U32::npos;
      char32_t c = at(line, start);
      if (c == '\\' && (at(line, start + 1) == '\n' ||
                        (at(line, start + 1) == '\r' && at(line, start + 2) == '\n'))) {
        end = start + (at(line, start + 1) == '\n' ? 2 : 3);
      } else if (start == max) {
        end = start;  // \Z
      } else if (c == '#') {
        end = start;
        while (end < max && line[end] != '\r' && line[end] != '\n') ++end;
      } else {
        // The alternatives in PseudoToken's order; each is only tried when
        // its first character allows it (a letter can only start a string
        // prefix or a name).
        bool letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        bool quote_or_prefix =
            is_quote(c) || (letter && c < 0x80 && string_prefix(line, start) != U32::npos);
        if (quote_or_prefix && (end = triple_start(line, start)) != U32::npos) {
        } else if ((is_digit(c) || c == '.') && (end = number(line, start)) != U32::npos) {
        } else if (!letter && !is_quote(c) && (end = funny(line, start)) != U32::npos) {
        } else if (quote_or_prefix && (end = cont_str(line, start)) != U32::npos) {
        } else if (unicode::is_word(c)) {
          end = start;
          while (end < max && unicode::is_word(line[end])) ++end;
        }
      }

      if (end == U32::npos) {  // no pseudo-token here
        emit(TokenType::ERRORTOKEN, std::u32string_view(line).substr(p, 1), pos(lnum, line, p),
             pos(lnum, line, p + 1));
        ++p;
        continue;
      }
      Position spos = pos(lnum, line, start), epos = pos(lnum, line, end);
      p = end;
      if (start == end) continue;
      std::u32string_view token = std::u32string_view(line).substr(start, end - start);
      char32_t initial = token[0];

      size_t prefix = string_prefix(line, start);
      bool triple = prefix != U32::npos && token.size() == prefix + 3 &&
                    at(line, start + prefix + 1) == at(line, start + prefix) &&
                    at(line, start + prefix + 2) == at(line, start + prefix);

      if (is_digit(initial) || (initial == '.' && token != U"." && token != U"...")) {
        emit(TokenType::NUMBER, token, spos, epos);
      } else if (initial == '\r' || initial == '\n') {
        emit(parenlev > 0 ? TokenType::NL : TokenType::NEWLINE, token, spos, epos);
      } else if (initial == '#') {
        emit(TokenType::COMMENT, token, spos, epos);
      } else if (triple) {
        char32_t q = at(line, start + prefix);
        size_t close = string_end(line, p, q, true);
        if (close != U32::npos) {  // all on one line
          p = close;
          emit(TokenType::STRING, std::u32string_view(line).substr(start, p - start), spos,
               pos(lnum, line, p));
        } else {  // multiple lines
          strstart = spos;
          contstr = line.substr(start);
          contline = line;
          in_string = true;
          str_quote = q;
          str_triple = true;
          needcont = false;
          break;
        }
      } else if (prefix != U32::npos && prefix < token.size()) {
        if (token.back() == '\n') {  // continued string
          strstart = spos;
          contstr = line.substr(start);
          contline = line;
          in_string = true;
          str_quote = at(line, start + prefix);
          str_triple = false;
          needcont = true;
          break;
        }
        emit(TokenType::STRING, token, spos, epos);  // ordinary string
      } else if (unicode::is_xid_start(initial)) {
        emit(TokenType::NAME, token, spos, epos);
      } else if (initial == '\\') {
        continued = true;
      } else {
        if (initial == '(' || initial == '[' || initial == '{') {
          ++parenlev;
        } else if (initial == ')' || initial == ']' || initial == '}') {
          --parenlev;
        }
        emit(TokenType::OP, token, spos, epos);
      }
    }
  }

  // Add an implicit NEWLINE if the input doesn't end in one.
  if (!last_line.empty() && last_line.back() != '\r' && last_line.back() != '\n') {
    size_t i = 0;
    while (i < last_line.size() && is_space(last_line[i])) ++i;
    if (i == last_line.size() || last_line[i] != '#') {
      Position s = pos(lnum - 1, last_line, last_line.size());
      Position e = s;
      ++e.col;
      ++e.byte_col;
      emit(TokenType::NEWLINE, U"", s, e);
    }
  }
  for (size_t i = 1; i < indents.size(); ++i) {
    emit(TokenType::DEDENT, U"", {lnum, 0, 0}, {lnum, 0, 0});
  }
  emit(TokenType::ENDMARKER, U"", {lnum, 0, 0}, {lnum, 0, 0});
  return std::move(out_);
}

}  // namespace

std::string_view token_name(TokenType type) {
  auto i = static_cast<size_t>(type);
  return i < kTokens.size() ? kTokens[i].name : "N_TOKENS";
}

TokenType exact_type(std::string_view op) {
  // Operators are 1 to 3 characters; index the table by first character.
  static const auto index = [] {
    std::array<std::vector<unsigned char>, 128> by_first{};
    for (size_t i = 0; i < kTokens.size(); ++i) {
      if (!kTokens[i].text.empty()) {
        by_first[static_cast<unsigned char>(kTokens[i].text[0]) & 0x7F].push_back(
            static_cast<unsigned char>(i));
      }
    }
    return by_first;
  }();
  if (op.empty() || static_cast<unsigned char>(op[0]) >= 0x80) return TokenType::OP;
  for (unsigned char i : index[static_cast<unsigned char>(op[0])]) {
    if (kTokens[i].text == op) return static_cast<TokenType>(i);
  }
  return TokenType::OP;
}

TokenStream tokenize(const source::Source& source) {
  return Tokenizer(source).run();
}

}  // namespace pylife::lex
