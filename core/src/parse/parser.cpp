// A recursive-descent parser for the whole Python 3.11 grammar
// (Grammar/python.gram), building CPython's ast nodes.  Where CPython's PEG
// parser reports a specific error (its invalid_* rules), this parser
// reports the same message at the same place for the common cases;
// otherwise "invalid syntax" at the furthest token reached, as CPython does.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "literals.h"
#include "pylife/parse.h"
#include "pylife/unicode.h"
#include "tokens.h"

namespace pylife::parse {

namespace {

using ast::Kind;
using ast::Location;
using ast::Node;
using lex::TokenType;
using T = lex::TokenType;

#define F(kind, name) PYLIFE_FIELD(kind, name)

constexpr int kMaxDepth = 6000;  // CPython's MAXSTACK

// Native stack the parser may use, whatever the depth count says (frames
// are larger in sanitizer builds; wasm's stack is 5 MiB).
constexpr uintptr_t kStackBudget = 2u << 20;

// Why the parser stopped.
enum class Failure { kNone, kError, kMemory };

// Context for converting expressions to assignment/deletion targets.
enum class Targets { kStar, kDel, kFor };

// Whether [t] can start an expression (defined with the expressions).
static bool starts_expression(const Tok& t);

class Parser {
 public:
  Parser(ParserTokens& prepared, const std::vector<std::string_view>& lines, ast::Arena& arena,
         uintptr_t stack_base = 0)
      : toks_(prepared.toks), tokerr_(prepared.error), lines_(lines), arena_(arena) {
    char probe = 0;
    stack_base_ = stack_base ? stack_base : reinterpret_cast<uintptr_t>(&probe);
  }

  Node* file();
  SyntaxError take_error();
  bool failed() const { return failure_ != Failure::kNone; }

  // Parses one f-string replacement field's expression (wrapped in parens
  // by the caller's token stream).
  Node* fstring_expression();

 private:
  // ---- tokens ------------------------------------------------------------
  const Tok& tok(size_t k = 0) {
    size_t i = pos_ + k;
    if (tokerr_.present && i >= tokerr_.at) {
      hit_tokerr_ = true;
      if (failure_ == Failure::kNone) failure_ = Failure::kError;
      i = tokerr_.at == 0 ? 0 : tokerr_.at - 1;
      if (toks_.empty()) return eof_;
      furthest_ = std::max(furthest_, i);
      return eof_;
    }
    if (i >= toks_.size()) i = toks_.size() - 1;
    furthest_ = std::max(furthest_, i);
    return toks_[i];
  }
  bool at(T type, size_t k = 0) { return tok(k).type == type; }
  bool at_kw(std::string_view kw, size_t k = 0) {
    const Tok& t = tok(k);
    return t.type == T::NAME && t.text == kw;
  }
  const Tok& advance() {
    const Tok& t = tok();
    last_ = &t;
    if (pos_ < toks_.size()) ++pos_;
    return t;
  }
  bool accept(T type) {
    if (!at(type)) return false;
    advance();
    return true;
  }
  bool accept_kw(std::string_view kw) {
    if (!at_kw(kw)) return false;
    advance();
    return true;
  }

  static bool is_keyword(std::string_view s);

  // ---- errors ------------------------------------------------------------
  // Records a SyntaxError (the first one wins) and returns nullptr.
  Node* error(std::string msg, int line, int offset, int end_line, int end_offset,
              std::string type = "SyntaxError") {
    if (failure_ == Failure::kNone) {
      failure_ = Failure::kError;
      error_ =
          make_error(lines_, std::move(type), std::move(msg), line, offset, end_line, end_offset);
      specific_ = true;
    }
    return nullptr;
  }
  Node* error_at(const Tok& t, std::string msg, std::string type = "SyntaxError") {
    return error(std::move(msg), t.line, t.ccol + 1, t.end_line, t.end_ccol + 1, std::move(type));
  }
  Node* error_node(const Node* n, std::string msg) {
    return error(std::move(msg), n->loc.lineno, ccol(n->loc.lineno, n->loc.col_offset) + 1,
                 n->loc.end_lineno, ccol(n->loc.end_lineno, n->loc.end_col_offset) + 1);
  }
  Node* error_range(const Node* a, const Node* b, std::string msg) {
    return error(std::move(msg), a->loc.lineno, ccol(a->loc.lineno, a->loc.col_offset) + 1,
                 b->loc.end_lineno, ccol(b->loc.end_lineno, b->loc.end_col_offset) + 1);
  }
  // A generic failure: "invalid syntax" at the furthest token, decided at
  // the end.
  Node* fail() {
    if (failure_ == Failure::kNone) failure_ = Failure::kError;
    return nullptr;
  }
  // "expected 'X'" at the current token (CPython's forced tokens, &&'X').
  Node* expected(const char* what) {
    return error_at(tok(), std::string("expected '") + what + "'");
  }

  // Code-point column of byte column [byte_col] on [line].
  int ccol(int line, int byte_col) {
    if (line < 1 || static_cast<size_t>(line) > lines_.size()) return byte_col;
    std::string_view l = lines_[static_cast<size_t>(line) - 1];
    return static_cast<int>(unicode::count_code_points(l.substr(0, static_cast<size_t>(byte_col))));
  }

  // ---- nodes -------------------------------------------------------------
  Location loc_from(const Tok& start) {
    const Tok& end = last_ ? *last_ : start;
    return {start.line, start.col, end.end_line, end.end_col};
  }
  Location loc_span(const Node* a, const Node* b) {
    return {a->loc.lineno, a->loc.col_offset, b->loc.end_lineno, b->loc.end_col_offset};
  }
  Location loc_to_last(const Node* a) {
    return {a->loc.lineno, a->loc.col_offset, last_->end_line, last_->end_col};
  }
  Node* make(Kind k, Location l) { return arena_.make(k, l); }
  Node* ctx(Kind k) { return arena_.make(k); }
  Node* name_node(const Tok& t, Kind context = Kind::Load) {
    Node* n = make(Kind::Name, {t.line, t.col, t.end_line, t.end_col});
    n->str(F(Name, id)) = std::string(t.text);
    n->node(F(Name, ctx)) = ctx(context);
    return n;
  }

  // Counts the brackets around the expression being parsed.
  struct BracketLevel {
    int& level;
    explicit BracketLevel(int& l) : level(l) { ++level; }
    ~BracketLevel() { --level; }
  };

  // invalid_expression: [last] followed by another expression inside
  // brackets is "Perhaps you forgot a comma?"; otherwise invalid syntax.
  Node* missing_comma(Node* last) {
    if (!failed() && starts_expression(tok())) comma_hint(last);
    return fail();
  }
  // "Perhaps you forgot a comma?" over [a] and the expression at the
  // current token; not after NAME STRING or a soft keyword (CPython's
  // !(NAME STRING | SOFT_KEYWORD) lookahead).  False when not given.
  bool comma_hint(Node* a) {
    if (a->kind == Kind::Name) {
      const std::string& id = a->str(F(Name, id));
      if (at(T::STRING) || id == "match" || id == "case" || id == "_") return false;
    }
    size_t save = pos_;
    if (Node* b = expression()) {
      error_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
      return true;
    }
    pos_ = save;
    return false;
  }

  // invalid_named_expression, for a test (if, elif, while) followed by
  // a single '=': "Maybe you meant '==' ...".
  Node* test_with_equal(Node* test) {
    if (!test || failed() || !at(T::EQUAL)) return test;
    size_t save = pos_;
    advance();
    Node* b = bitwise_or();
    if (b && !at(T::EQUAL) && !at(T::COLONEQUAL)) {
      if (test->kind == Kind::Name) {
        return error_range(test, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      bool excluded = test->kind == Kind::List || test->kind == Kind::Tuple || test->kind == Kind::GeneratorExp ||
                      (test->kind == Kind::Constant &&
                       (test->constant(F(Constant, value)).kind == ast::Constant::Kind::kNone ||
                        test->constant(F(Constant, value)).kind == ast::Constant::Kind::kTrue ||
                        test->constant(F(Constant, value)).kind == ast::Constant::Kind::kFalse));
      if (!excluded) {
        return error_node(test, "cannot assign to " + expr_name(test) + " here. Maybe you meant '==' instead of '='?");
      }
    }
    pos_ = save;
    return test;
  }

  // Guards native recursion like CPython's MAXSTACK.
  struct Depth {
    Parser& p;
    explicit Depth(Parser& parser) : p(parser) {
      char probe = 0;
      auto here = reinterpret_cast<uintptr_t>(&probe);
      uintptr_t used = here < p.stack_base_ ? p.stack_base_ - here : here - p.stack_base_;
      if ((++p.depth_ > kMaxDepth || used > kStackBudget) && p.failure_ == Failure::kNone) {
        p.failure_ = Failure::kMemory;
      }
    }
    ~Depth() { --p.depth_; }
  };

  // ---- statements ----------------------------------------------------------
  bool statements(std::vector<Node*>& out);
  bool statement(std::vector<Node*>& out);
  bool simple_stmts(std::vector<Node*>& out);
  Node* simple_stmt();
  Node* compound_stmt();
  Node* expression_stmt();
  bool block(std::vector<Node*>& out, const std::string& what, int line);
  Node* if_stmt(bool elif);
  Node* while_stmt();
  Node* for_stmt(const Tok* async_tok);
  Node* with_stmt(const Tok* async_tok);
  Node* try_stmt();
  Node* funcdef(std::vector<Node*> decorators, const Tok* start, const Tok* async_tok);
  Node* classdef(std::vector<Node*> decorators, const Tok* start);
  Node* decorated();
  Node* match_stmt();
  Node* import_name();
  Node* import_from();
  Node* return_stmt();
  Node* raise_stmt();
  Node* global_stmt(Kind k);
  Node* del_stmt();
  Node* assert_stmt();
  bool else_block(std::vector<Node*>& out, const Tok& else_tok);

  // ---- expressions ---------------------------------------------------------
  Node* expressions();
  Node* expression();
  Node* yield_expr();
  Node* star_expressions();
  Node* star_expression();
  Node* star_named_expression();
  Node* named_expression();
  Node* boolop(Kind op, std::string_view kw, Node* (Parser::*next)());
  Node* disjunction();
  Node* conjunction();
  Node* inversion();
  Node* comparison();
  Node* bitwise_or();
  Node* bitwise_xor();
  Node* bitwise_and();
  Node* shift_expr();
  Node* sum();
  Node* term();
  Node* factor();
  Node* power();
  Node* await_primary();
  Node* primary();
  Node* atom();
  Node* lambdef();
  Node* strings();
  Node* number(const Tok& t);
  Node* slices();
  Node* slice();
  Node* paren_atom();
  Node* list_atom();
  Node* brace_atom();
  bool comprehension_clauses(std::vector<Node*>& gens);
  Node* call(Node* func, const Tok& open);
  bool arguments(std::vector<Node*>& args, std::vector<Node*>& keywords, const Tok& open,
                 bool allow_genexp = true);
  Node* star_targets_until(std::string_view stop_kw);
  Node* target_element();

  // ---- parameters ----------------------------------------------------------
  Node* parameters(T close, bool lambda);

  // ---- patterns --------------------------------------------------------------
  Node* patterns();
  Node* pattern();
  Node* or_pattern();
  Node* closed_pattern();
  Node* literal_expr(bool& ok);
  Node* signed_number();
  Node* value_or_class_pattern();
  Node* sequence_pattern(T close, const Tok& open);
  Node* mapping_pattern(const Tok& open);
  Node* maybe_star_pattern();

  // ---- targets ---------------------------------------------------------------
  bool set_context(Node* n, Kind context);
  Node* invalid_target(Node* n, Targets type);
  static std::string expr_name(const Node* n);
  Node* check_target(Node* n, Kind context, Targets type);

  // ---- f-strings ---------------------------------------------------------------
  bool fstring(const Tok& t, std::string_view body, bool raw, std::vector<Node*>& parts,
               std::string& literal, int depth, size_t* stop = nullptr);
  void flush_literal(std::vector<Node*>& parts, std::string& literal, const Tok& t);
  void relocate(Node* n, int line, int col, bool single_line);

  std::vector<Tok>& toks_;
  TokError& tokerr_;
  const std::vector<std::string_view>& lines_;
  ast::Arena& arena_;
  size_t pos_ = 0;
  size_t furthest_ = 0;
  const Tok* last_ = nullptr;
  Tok eof_{T::ENDMARKER, "", 0, 0, 0, 0, 0, 0};
  Failure failure_ = Failure::kNone;
  bool specific_ = false;
  bool hit_tokerr_ = false;
  SyntaxError error_;
  int depth_ = 0;
  uintptr_t stack_base_ = 0;         // native stack address where parsing began
  int paren_level_ = 0;              // brackets around the current expression (for error hints)
  const Tok* string_end_ = nullptr;  // the token after the strings being decoded
};

bool Parser::is_keyword(std::string_view s) {
  // Keywords are 2..8 ASCII letters starting with a-z or F/N/T.
  if (s.size() < 2 || s.size() > 8) return false;
  char c = s[0];
  if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T')) return false;
  static constexpr std::string_view kKeywords[] = {
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  for (auto k : kKeywords) {
    if (k == s) return true;
  }
  return false;
}

// ============================================================================
// Errors
// ============================================================================

SyntaxError Parser::take_error() {
  if (failure_ == Failure::kMemory) {
    SyntaxError e;
    e.type = "MemoryError";
    return e;
  }
  // A tokenizer error the parser ran into wins; one further on overrides a
  // parser error too (CPython tokenizes the rest of the file to look).
  if (tokerr_.present) {
    if (hit_tokerr_) return tokerr_.error;
    const Tok& far = toks_[std::min(furthest_, toks_.size() - 1)];
    if (!tokerr_.eof_in_brackets || far.line > tokerr_.bracket_line) return tokerr_.error;
  }
  if (specific_) return error_;
  const Tok& t = toks_[std::min(furthest_, toks_.size() - 1)];
  if (t.type == T::INDENT) {
    return make_error(lines_, "IndentationError", "unexpected indent", t.line, 0);
  }
  if (t.type == T::DEDENT) {
    return make_error(lines_, "IndentationError", "unexpected unindent", t.line, 0);
  }
  // The C tokenizer's NEWLINE token does not include the newline itself.
  int end_col = t.type == T::NEWLINE ? t.ccol : t.end_ccol;
  return make_error(lines_, "SyntaxError", "invalid syntax", t.line, t.ccol + 1, t.end_line,
                    end_col + 1);
}

std::string Parser::expr_name(const Node* n) {
  switch (n->kind) {
    case Kind::Attribute: return "attribute";
    case Kind::Subscript: return "subscript";
    case Kind::Starred: return "starred";
    case Kind::Name: return "name";
    case Kind::List: return "list";
    case Kind::Tuple: return "tuple";
    case Kind::Lambda: return "lambda";
    case Kind::Call: return "function call";
    case Kind::BoolOp:
    case Kind::BinOp:
    case Kind::UnaryOp: return "expression";
    case Kind::GeneratorExp: return "generator expression";
    case Kind::Yield:
    case Kind::YieldFrom: return "yield expression";
    case Kind::Await: return "await expression";
    case Kind::ListComp: return "list comprehension";
    case Kind::SetComp: return "set comprehension";
    case Kind::DictComp: return "dict comprehension";
    case Kind::Dict: return "dict literal";
    case Kind::Set: return "set display";
    case Kind::JoinedStr:
    case Kind::FormattedValue: return "f-string expression";
    case Kind::Constant: {
      const auto& c = n->constant(F(Constant, value));
      if (c.kind == ast::Constant::Kind::kNone) return "None";
      if (c.kind == ast::Constant::Kind::kTrue) return "True";
      if (c.kind == ast::Constant::Kind::kFalse) return "False";
      if (c.kind == ast::Constant::Kind::kEllipsis) return "ellipsis";
      return "literal";
    }
    case Kind::Compare: return "comparison";
    case Kind::IfExp: return "conditional expression";
    case Kind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

// _PyPegen_get_invalid_target
Node* Parser::invalid_target(Node* n, Targets type) {
  if (!n) return nullptr;
  switch (n->kind) {
    case Kind::List:
    case Kind::Tuple: {
      auto& elts = n->list(n->kind == Kind::List ? F(List, elts) : F(Tuple, elts));
      for (Node* e : elts) {
        if (Node* bad = invalid_target(e, type)) return bad;
      }
      return nullptr;
    }
    case Kind::Starred:
      if (type == Targets::kDel) return n;
      return invalid_target(n->node(F(Starred, value)), type);
    case Kind::Compare:
      if (type == Targets::kFor) {
        if (n->list(F(Compare, ops))[0]->kind == Kind::In) {
          return invalid_target(n->node(F(Compare, left)), type);
        }
        return nullptr;
      }
      return n;
    case Kind::Name:
    case Kind::Subscript:
    case Kind::Attribute: return nullptr;
    default: return n;
  }
}

// Sets [context] on a target tree; false if it is not a valid target.
bool Parser::set_context(Node* n, Kind context) {
  switch (n->kind) {
    case Kind::Name: n->node(F(Name, ctx)) = ctx(context); return true;
    case Kind::Attribute: n->node(F(Attribute, ctx)) = ctx(context); return true;
    case Kind::Subscript: n->node(F(Subscript, ctx)) = ctx(context); return true;
    case Kind::Starred:
      if (context == Kind::Del) return false;
      n->node(F(Starred, ctx)) = ctx(context);
      return set_context(n->node(F(Starred, value)), context);
    case Kind::List:
    case Kind::Tuple: {
      size_t elts = n->kind == Kind::List ? F(List, elts) : F(Tuple, elts);
      size_t c = n->kind == Kind::List ? F(List, ctx) : F(Tuple, ctx);
      n->node(c) = ctx(context);
      for (Node* e : n->list(elts)) {
        if (!set_context(e, context)) return false;
      }
      return true;
    }
    default: return false;
  }
}

// Converts [n] to a target, or reports CPython's invalid-target error.
Node* Parser::check_target(Node* n, Kind context, Targets type) {
  if (!n) return nullptr;
  if (set_context(n, context)) return n;
  Node* bad = invalid_target(n, type);
  if (!bad) return fail();
  if (type == Targets::kDel) return error_node(bad, "cannot delete " + expr_name(bad));
  return error_node(bad, "cannot assign to " + expr_name(bad));
}

// ============================================================================
// Statements
// ============================================================================

Node* Parser::file() {
  Node* module = make(Kind::Module, {});
  auto& body = module->list(F(Module, body));
  if (!statements(body)) return nullptr;
  if (!at(T::ENDMARKER)) return fail();
  return module;
}

bool Parser::statements(std::vector<Node*>& out) {
  while (!failed() && !at(T::ENDMARKER) && !at(T::DEDENT)) {
    if (!statement(out)) return false;
  }
  return !failed();
}

bool Parser::statement(std::vector<Node*>& out) {
  Depth d(*this);
  if (failed()) return {};
  if (Node* c = compound_stmt()) {
    out.push_back(c);
    return true;
  }
  if (failed()) return false;
  return simple_stmts(out);
}

bool Parser::simple_stmts(std::vector<Node*>& out) {
  for (;;) {
    Node* s = simple_stmt();
    if (!s) return false;
    out.push_back(s);
    if (accept(T::SEMI)) {
      if (accept(T::NEWLINE)) return true;
      continue;
    }
    if (accept(T::NEWLINE)) return true;
    fail();
    return false;
  }
}

Node* Parser::compound_stmt() {
  const Tok& t = tok();
  if (t.type == T::AT) return decorated();
  if (t.type != T::NAME) return nullptr;
  std::string_view s = t.text;
  if (s == "def") return funcdef({}, nullptr, nullptr);
  if (s == "class") return classdef({}, nullptr);
  if (s == "if") return if_stmt(false);
  if (s == "while") return while_stmt();
  if (s == "for") return for_stmt(nullptr);
  if (s == "with") return with_stmt(nullptr);
  if (s == "try") return try_stmt();
  if (s == "async") {
    const Tok& async_tok = tok();
    if (at_kw("def", 1)) {
      advance();
      return funcdef({}, nullptr, &async_tok);
    }
    if (at_kw("for", 1)) {
      advance();
      return for_stmt(&async_tok);
    }
    if (at_kw("with", 1)) {
      advance();
      return with_stmt(&async_tok);
    }
    return nullptr;
  }
  if (s == "match") {
    size_t save = pos_;
    const Tok* save_last = last_;
    Failure save_failure = failure_;
    bool save_specific = specific_;
    size_t save_far = furthest_;
    Node* m = match_stmt();
    if (m) return m;
    if (specific_ && !save_specific) return nullptr;  // a real error inside the match
    pos_ = save;
    last_ = save_last;
    failure_ = save_failure;
    specific_ = save_specific;
    furthest_ = save_far;
    return nullptr;
  }
  return nullptr;
}

bool Parser::block(std::vector<Node*>& out, const std::string& what, int line) {
  if (accept(T::NEWLINE)) {
    if (!at(T::INDENT)) {
      std::string msg = "expected an indented block";
      if (!what.empty()) msg += " after " + what + " on line " + std::to_string(line);
      const Tok& at_tok = at(T::ENDMARKER) ? *last_ : tok();
      return error(msg, at_tok.line, at_tok.ccol + 1, at_tok.line, 0, "IndentationError"), false;
    }
    advance();
    if (!statements(out)) return false;
    if (!accept(T::DEDENT)) return fail(), false;
    return true;
  }
  return simple_stmts(out);
}

Node* Parser::simple_stmt() {
  Depth d(*this);
  if (failed()) return {};
  const Tok& t = tok();
  if (t.type == T::NAME) {
    std::string_view s = t.text;
    if (s == "pass" || s == "break" || s == "continue") {
      advance();
      Kind k = s == "pass" ? Kind::Pass : s == "break" ? Kind::Break : Kind::Continue;
      return make(k, loc_from(t));
    }
    if (s == "return") return return_stmt();
    if (s == "import") return import_name();
    if (s == "from") return import_from();
    if (s == "raise") return raise_stmt();
    if (s == "global") return global_stmt(Kind::Global);
    if (s == "nonlocal") return global_stmt(Kind::Nonlocal);
    if (s == "del") return del_stmt();
    if (s == "assert") return assert_stmt();
  }
  return expression_stmt();
}

// assignment | star_expressions
Node* Parser::expression_stmt() {
  const Tok& start = tok();
  Node* first = at_kw("yield") ? yield_expr() : star_expressions();
  if (!first) {
    if (!failed()) fail();
    return nullptr;
  }
  // Python 2 print/exec statements.
  if (first->kind == Kind::Name && !at(T::NEWLINE) && !at(T::SEMI) && !at(T::EQUAL) &&
      !at(T::COLON) && !failed()) {
    const std::string& id = first->str(F(Name, id));
    if ((id == "print" || id == "exec") && !at(T::LPAR) && tok().type != T::OP) {
      size_t save = pos_;
      if (Node* rest = star_expressions()) {
        return error_range(
            first, rest,
            "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
      }
      pos_ = save;
    }
  }
  const Tok& next = tok();
  // Annotated assignment.
  if (next.type == T::COLON) {
    bool parenthesized = start.type == T::LPAR;
    if (first->kind == Kind::Tuple || first->kind == Kind::List) {
      return error_node(first,
                        "only single target (not " + expr_name(first) + ") can be annotated");
    }
    if (first->kind != Kind::Name && first->kind != Kind::Attribute &&
        first->kind != Kind::Subscript) {
      return error_node(first, "illegal target for annotation");
    }
    advance();
    Node* annotation = expression();
    if (!annotation) return fail();
    Node* value = nullptr;
    if (accept(T::EQUAL)) {
      value = at_kw("yield") ? yield_expr() : star_expressions();
      if (!value) return fail();
    }
    set_context(first, Kind::Store);
    Node* n = make(Kind::AnnAssign, loc_from(start));
    n->node(F(AnnAssign, target)) = first;
    n->node(F(AnnAssign, annotation)) = annotation;
    if (value) n->fields[F(AnnAssign, value)] = value;
    n->integer(F(AnnAssign, simple)) = (first->kind == Kind::Name && !parenthesized) ? 1 : 0;
    return n;
  }
  // Augmented assignment.
  static constexpr std::pair<T, Kind> kAug[] = {{T::PLUSEQUAL, Kind::Add},
                                                {T::MINEQUAL, Kind::Sub},
                                                {T::STAREQUAL, Kind::Mult},
                                                {T::ATEQUAL, Kind::MatMult},
                                                {T::SLASHEQUAL, Kind::Div},
                                                {T::PERCENTEQUAL, Kind::Mod},
                                                {T::AMPEREQUAL, Kind::BitAnd},
                                                {T::VBAREQUAL, Kind::BitOr},
                                                {T::CIRCUMFLEXEQUAL, Kind::BitXor},
                                                {T::LEFTSHIFTEQUAL, Kind::LShift},
                                                {T::RIGHTSHIFTEQUAL, Kind::RShift},
                                                {T::DOUBLESTAREQUAL, Kind::Pow},
                                                {T::DOUBLESLASHEQUAL, Kind::FloorDiv}};
  for (auto [type, op] : kAug) {
    if (next.type != type) continue;
    if (first->kind != Kind::Name && first->kind != Kind::Attribute &&
        first->kind != Kind::Subscript) {
      return error_node(
          first, "'" + expr_name(first) + "' is an illegal expression for augmented assignment");
    }
    advance();
    Node* value = at_kw("yield") ? yield_expr() : star_expressions();
    if (!value) return fail();
    set_context(first, Kind::Store);
    Node* n = make(Kind::AugAssign, loc_from(start));
    n->node(F(AugAssign, target)) = first;
    n->node(F(AugAssign, op)) = ctx(op);
    n->node(F(AugAssign, value)) = value;
    return n;
  }
  // Assignment chain.
  if (next.type == T::EQUAL) {
    std::vector<Node*> targets = {first};
    Node* value = nullptr;
    while (accept(T::EQUAL)) {
      value = at_kw("yield") ? yield_expr() : star_expressions();
      if (!value) return fail();
      targets.push_back(value);
    }
    targets.pop_back();
    for (size_t i = 0; i < targets.size(); ++i) {
      Node* target = targets[i];
      if (target->kind == Kind::Yield || target->kind == Kind::YieldFrom) {
        return error_node(target, "assignment to yield expression not possible");
      }
      if (set_context(target, Kind::Store)) continue;
      Node* bad = invalid_target(target, Targets::kStar);
      if (!bad) return fail();
      bool single = targets.size() == 1 && bad == target;
      bool excluded = target->kind == Kind::List || target->kind == Kind::Tuple ||
                      target->kind == Kind::GeneratorExp ||
                      (target->kind == Kind::Constant &&
                       (target->constant(F(Constant, value)).kind == ast::Constant::Kind::kNone ||
                        target->constant(F(Constant, value)).kind == ast::Constant::Kind::kTrue ||
                        target->constant(F(Constant, value)).kind == ast::Constant::Kind::kFalse));
      if (single && !excluded && i == 0) {
        return error_node(bad, "cannot assign to " + expr_name(bad) +
                                   " here. Maybe you meant '==' instead of '='?");
      }
      return error_node(bad, "cannot assign to " + expr_name(bad));
    }
    Node* n = make(Kind::Assign, loc_from(start));
    n->list(F(Assign, targets)) = std::move(targets);
    n->node(F(Assign, value)) = value;
    return n;
  }
  Node* n = make(Kind::Expr, loc_from(start));
  n->node(F(Expr, value)) = first;
  return n;
}

Node* Parser::return_stmt() {
  const Tok& start = advance();
  Node* n = make(Kind::Return, {});
  if (!at(T::NEWLINE) && !at(T::SEMI)) {
    Node* v = star_expressions();
    if (!v) return fail();
    n->fields[F(Return, value)] = v;
  }
  n->loc = loc_from(start);
  return n;
}

Node* Parser::raise_stmt() {
  const Tok& start = advance();
  Node* n = make(Kind::Raise, {});
  if (!at(T::NEWLINE) && !at(T::SEMI)) {
    Node* exc = expression();
    if (!exc) return fail();
    n->fields[F(Raise, exc)] = exc;
    if (accept_kw("from")) {
      Node* cause = expression();
      if (!cause) return fail();
      n->fields[F(Raise, cause)] = cause;
    }
  }
  n->loc = loc_from(start);
  return n;
}

Node* Parser::global_stmt(Kind k) {
  const Tok& start = advance();
  Node* n = make(k, {});
  auto& names = std::get<std::vector<std::string>>(n->fields[0]);
  do {
    if (!at(T::NAME) || is_keyword(tok().text)) return fail();
    names.push_back(std::string(advance().text));
  } while (accept(T::COMMA));
  n->loc = loc_from(start);
  return n;
}

Node* Parser::del_stmt() {
  const Tok& start = advance();
  Node* n = make(Kind::Delete, {});
  auto& targets = n->list(F(Delete, targets));
  size_t save = pos_;
  do {
    if (at(T::NEWLINE) || at(T::SEMI)) break;
    Node* t = bitwise_or();
    if (!t) return fail();
    if (!set_context(t, Kind::Del)) {
      // invalid_del_stmt: re-read as star_expressions for the message.
      pos_ = save;
      Node* all = star_expressions();
      if (!all) return fail();
      Node* bad = invalid_target(all, Targets::kDel);
      if (!bad) return fail();
      return error_node(bad, "cannot delete " + expr_name(bad));
    }
    targets.push_back(t);
  } while (accept(T::COMMA));
  if (!at(T::NEWLINE) && !at(T::SEMI)) {
    pos_ = save;
    Node* all = star_expressions();
    if (all && (at(T::NEWLINE) || at(T::SEMI))) {
      if (Node* bad = invalid_target(all, Targets::kDel)) {
        return error_node(bad, "cannot delete " + expr_name(bad));
      }
    }
    return fail();
  }
  if (targets.empty()) return fail();
  n->loc = loc_from(start);
  return n;
}

Node* Parser::assert_stmt() {
  const Tok& start = advance();
  Node* test = expression();
  if (!test) return fail();
  Node* n = make(Kind::Assert, {});
  n->node(F(Assert, test)) = test;
  if (accept(T::COMMA)) {
    Node* msg = expression();
    if (!msg) return fail();
    n->fields[F(Assert, msg)] = msg;
  }
  n->loc = loc_from(start);
  return n;
}

// dotted_name ('as' NAME)?
Node* Parser::import_name() {
  const Tok& start = advance();
  Node* n = make(Kind::Import, {});
  auto& names = n->list(F(Import, names));
  do {
    const Tok& first = tok();
    if (!at(T::NAME) || is_keyword(first.text)) return fail();
    std::string name(advance().text);
    while (at(T::DOT)) {
      advance();
      if (!at(T::NAME) || is_keyword(tok().text)) return fail();
      name += "." + std::string(advance().text);
    }
    Node* a = make(Kind::alias, {});
    a->str(F(alias, name)) = name;
    if (accept_kw("as")) {
      if (!at(T::NAME) || is_keyword(tok().text)) return fail();
      a->fields[F(alias, asname)] = std::string(advance().text);
    }
    a->loc = loc_from(first);
    names.push_back(a);
  } while (accept(T::COMMA));
  n->loc = loc_from(start);
  return n;
}

Node* Parser::import_from() {
  const Tok& start = advance();
  long long level = 0;
  for (;;) {
    if (accept(T::DOT)) {
      ++level;
    } else if (accept(T::ELLIPSIS)) {
      level += 3;
    } else {
      break;
    }
  }
  Node* n = make(Kind::ImportFrom, {});
  if (!at_kw("import")) {
    if (!at(T::NAME) || is_keyword(tok().text)) return fail();
    std::string module(advance().text);
    while (at(T::DOT)) {
      advance();
      if (!at(T::NAME) || is_keyword(tok().text)) return fail();
      module += "." + std::string(advance().text);
    }
    n->fields[F(ImportFrom, module)] = module;
  } else if (level == 0) {
    return fail();
  }
  if (!accept_kw("import")) return fail();
  auto& names = n->list(F(ImportFrom, names));
  if (at(T::STAR)) {
    const Tok& star = advance();
    Node* a = make(Kind::alias, loc_from(star));
    a->str(F(alias, name)) = "*";
    names.push_back(a);
  } else {
    bool parens = accept(T::LPAR);
    for (;;) {
      const Tok& first = tok();
      if (!at(T::NAME) || is_keyword(first.text)) return fail();
      Node* a = make(Kind::alias, {});
      a->str(F(alias, name)) = std::string(advance().text);
      if (accept_kw("as")) {
        if (!at(T::NAME) || is_keyword(tok().text)) return fail();
        a->fields[F(alias, asname)] = std::string(advance().text);
      }
      a->loc = loc_from(first);
      names.push_back(a);
      if (!accept(T::COMMA)) break;
      if (parens && at(T::RPAR)) break;
      if (!parens && (at(T::NEWLINE) || at(T::SEMI))) {
        return error_at(tok(), "trailing comma not allowed without surrounding parentheses");
      }
    }
    if (parens && !accept(T::RPAR)) return fail();
  }
  n->fields[F(ImportFrom, level)] = level;
  n->loc = loc_from(start);
  return n;
}

Node* Parser::if_stmt(bool elif) {
  const Tok& start = advance();
  Node* test = test_with_equal(named_expression());
  if (!test) return fail();
  if (!at(T::COLON)) {
    if (at(T::NEWLINE)) return expected(":");
    return fail();
  }
  advance();
  Node* n = make(Kind::If, {});
  if (!block(n->list(F(If, body)), elif ? "'elif' statement" : "'if' statement", start.line)) {
    return nullptr;
  }
  if (at_kw("elif")) {
    Node* inner = if_stmt(true);
    if (!inner) return nullptr;
    n->list(F(If, orelse)).push_back(inner);
  } else if (at_kw("else")) {
    const Tok& else_tok = advance();
    if (!else_block(n->list(F(If, orelse)), else_tok)) return nullptr;
  }
  n->node(F(If, test)) = test;
  n->loc = loc_from(start);
  return n;
}

bool Parser::else_block(std::vector<Node*>& out, const Tok& else_tok) {
  if (!accept(T::COLON)) return expected(":"), false;
  return block(out, "'else' statement", else_tok.line);
}

Node* Parser::while_stmt() {
  const Tok& start = advance();
  Node* test = test_with_equal(named_expression());
  if (!test) return fail();
  if (!at(T::COLON)) {
    if (at(T::NEWLINE)) return expected(":");
    return fail();
  }
  advance();
  Node* n = make(Kind::While, {});
  if (!block(n->list(F(While, body)), "'while' statement", start.line)) return nullptr;
  if (at_kw("else")) {
    const Tok& else_tok = advance();
    if (!else_block(n->list(F(While, orelse)), else_tok)) return nullptr;
  }
  n->node(F(While, test)) = test;
  n->loc = loc_from(start);
  return n;
}

// star_targets up to the keyword [stop_kw] ('in' for for-loops).
Node* Parser::star_targets_until(std::string_view stop_kw) {
  const Tok& start = tok();
  size_t save = pos_;
  std::vector<Node*> elts;
  bool comma = false;
  for (;;) {
    Node* e = target_element();
    if (!e) break;
    elts.push_back(e);
    if (!accept(T::COMMA)) break;
    comma = true;
    if (at_kw(stop_kw)) break;
  }
  if (!failed() && !elts.empty() && at_kw(stop_kw)) {
    Node* target = elts[0];
    if (comma) {
      target = make(Kind::Tuple, loc_from(start));
      target->list(F(Tuple, elts)) = std::move(elts);
      target->node(F(Tuple, ctx)) = ctx(Kind::Load);
    }
    return check_target(target, Kind::Store, Targets::kFor);
  }
  if (failed()) return nullptr;
  // invalid_for_target: read as star_expressions for the message.
  pos_ = save;
  Node* all = star_expressions();
  if (!all) return fail();
  if (Node* bad = invalid_target(all, Targets::kFor)) {
    return error_node(bad, "cannot assign to " + expr_name(bad));
  }
  return fail();
}

// star_target: '*'? (t_primary trailer | star_atom)
Node* Parser::target_element() {
  Depth d(*this);
  if (failed()) return {};
  const Tok& start = tok();
  if (accept(T::STAR)) {
    Node* inner = target_element();
    if (!inner) return nullptr;
    Node* n = make(Kind::Starred, loc_from(start));
    n->node(F(Starred, value)) = inner;
    n->node(F(Starred, ctx)) = ctx(Kind::Load);
    return n;
  }
  return primary();
}

Node* Parser::for_stmt(const Tok* async_tok) {
  const Tok& start = async_tok ? *async_tok : tok();
  const Tok& for_tok = advance();
  Node* target = star_targets_until("in");
  if (!target) return nullptr;
  if (!accept_kw("in")) return fail();
  Node* iter = star_expressions();
  if (!iter) return fail();
  if (!accept(T::COLON)) return expected(":");
  Node* n = make(async_tok ? Kind::AsyncFor : Kind::For, {});
  if (!block(n->list(F(For, body)), "'for' statement", for_tok.line)) return nullptr;
  if (at_kw("else")) {
    const Tok& else_tok = advance();
    if (!else_block(n->list(F(For, orelse)), else_tok)) return nullptr;
  }
  n->node(F(For, target)) = target;
  n->node(F(For, iter)) = iter;
  n->loc = loc_from(start);
  return n;
}

Node* Parser::with_stmt(const Tok* async_tok) {
  const Tok& start = async_tok ? *async_tok : tok();
  const Tok& with_tok = advance();
  Node* n = make(async_tok ? Kind::AsyncWith : Kind::With, {});
  auto& items = n->list(F(With, items));
  auto with_item = [&]() -> Node* {
    Node* e = expression();
    if (!e) return nullptr;
    Node* item = make(Kind::withitem, {});
    item->node(F(withitem, context_expr)) = e;
    if (accept_kw("as")) {
      Node* t = target_element();
      if (!t) return fail();
      if (!at(T::COMMA) && !at(T::RPAR) && !at(T::COLON)) {
        // invalid_with_item: 'as' followed by a non-target expression.
        return fail();
      }
      if (!check_target(t, Kind::Store, Targets::kStar)) return nullptr;
      item->fields[F(withitem, optional_vars)] = t;
    }
    return item;
  };
  bool done = false;
  if (at(T::LPAR)) {
    // '(' ','.with_item+ ','? ')' ':'
    size_t save = pos_;
    const Tok* save_last = last_;
    advance();
    std::vector<Node*> tmp;
    bool ok = true;
    for (;;) {
      Node* item = with_item();
      if (!item) {
        ok = false;
        break;
      }
      tmp.push_back(item);
      if (!accept(T::COMMA)) break;
      if (at(T::RPAR)) break;
    }
    if (ok && !failed() && accept(T::RPAR) && at(T::COLON)) {
      items = std::move(tmp);
      done = true;
    } else if (specific_) {
      return nullptr;
    } else {
      pos_ = save;
      last_ = save_last;
      failure_ = Failure::kNone;
    }
  }
  if (!done) {
    do {
      Node* item = with_item();
      if (!item) return fail();
      items.push_back(item);
    } while (accept(T::COMMA));
  }
  if (!accept(T::COLON)) return expected(":");
  if (!block(n->list(F(With, body)), "'with' statement", with_tok.line)) return nullptr;
  n->loc = loc_from(start);
  return n;
}

Node* Parser::try_stmt() {
  const Tok& start = advance();
  if (!accept(T::COLON)) return expected(":");
  std::vector<Node*> body;
  if (!block(body, "'try' statement", start.line)) return nullptr;
  std::vector<Node*> handlers, orelse, finalbody;
  int star_kind = -1;  // -1 unknown, 0 except, 1 except*
  while (at_kw("except")) {
    const Tok& ex = advance();
    bool star = accept(T::STAR);
    if (star_kind >= 0 && star_kind != (star ? 1 : 0)) {
      return error_at(ex, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    star_kind = star ? 1 : 0;
    Node* h = make(Kind::ExceptHandler, {});
    if (!at(T::COLON)) {
      Node* type = expression();
      if (!type) return fail();
      if (at(T::COMMA)) {
        size_t save = pos_;
        advance();
        Node* more = expressions();
        if (more && at(T::COLON)) {
          return error_range(type, more, "multiple exception types must be parenthesized");
        }
        pos_ = save;
        return fail();
      }
      h->fields[F(ExceptHandler, type)] = type;
      if (accept_kw("as")) {
        if (!at(T::NAME) || is_keyword(tok().text)) return fail();
        h->fields[F(ExceptHandler, name)] = std::string(advance().text);
      }
    } else if (star) {
      return error_at(tok(), "expected one or more exception types");
    }
    if (!accept(T::COLON)) return expected(":");
    if (!block(h->list(F(ExceptHandler, body)), star ? "'except*' statement" : "'except' statement",
               ex.line)) {
      return nullptr;
    }
    h->loc = loc_from(ex);
    handlers.push_back(h);
  }
  if (at_kw("else")) {
    if (handlers.empty()) return fail();
    const Tok& else_tok = advance();
    if (!else_block(orelse, else_tok)) return nullptr;
  }
  if (at_kw("finally")) {
    const Tok& fin = advance();
    if (!accept(T::COLON)) return expected(":");
    if (!block(finalbody, "'finally' statement", fin.line)) return nullptr;
  }
  if (handlers.empty() && finalbody.empty()) {
    return error_at(tok(), "expected 'except' or 'finally' block");
  }
  Node* n = make(star_kind == 1 ? Kind::TryStar : Kind::Try, loc_from(start));
  n->list(F(Try, body)) = std::move(body);
  n->list(F(Try, handlers)) = std::move(handlers);
  n->list(F(Try, orelse)) = std::move(orelse);
  n->list(F(Try, finalbody)) = std::move(finalbody);
  return n;
}

Node* Parser::decorated() {
  std::vector<Node*> decorators;
  const Tok& start = tok();
  while (accept(T::AT)) {
    Node* d = named_expression();
    if (!d) return fail();
    if (!accept(T::NEWLINE)) return fail();
    decorators.push_back(d);
  }
  if (at_kw("def")) return funcdef(std::move(decorators), &start, nullptr);
  if (at_kw("class")) return classdef(std::move(decorators), &start);
  if (at_kw("async") && at_kw("def", 1)) {
    const Tok& async_tok = advance();
    return funcdef(std::move(decorators), &start, &async_tok);
  }
  return fail();
}

Node* Parser::funcdef(std::vector<Node*> decorators, const Tok* deco_start, const Tok* async_tok) {
  const Tok& def_tok = advance();
  const Tok& start = async_tok ? *async_tok : def_tok;
  if (!at(T::NAME) || is_keyword(tok().text)) return fail();
  std::string name(advance().text);
  if (!accept(T::LPAR)) return expected("(");
  Node* args = parameters(T::RPAR, false);
  if (!args) return nullptr;
  if (!accept(T::RPAR)) return fail();
  Node* returns = nullptr;
  if (accept(T::RARROW)) {
    returns = expression();
    if (!returns) return fail();
  }
  if (!accept(T::COLON)) return expected(":");
  Node* n = make(async_tok ? Kind::AsyncFunctionDef : Kind::FunctionDef, {});
  if (!block(n->list(F(FunctionDef, body)), "function definition", def_tok.line)) return nullptr;
  n->str(F(FunctionDef, name)) = std::move(name);
  n->node(F(FunctionDef, args)) = args;
  n->list(F(FunctionDef, decorator_list)) = std::move(decorators);
  if (returns) n->fields[F(FunctionDef, returns)] = returns;
  (void)deco_start;
  n->loc = loc_from(start);
  return n;
}

Node* Parser::classdef(std::vector<Node*> decorators, const Tok* deco_start) {
  const Tok& start = advance();
  if (!at(T::NAME) || is_keyword(tok().text)) return fail();
  std::string name(advance().text);
  Node* n = make(Kind::ClassDef, {});
  if (at(T::LPAR)) {
    const Tok& open = advance();
    if (!arguments(n->list(F(ClassDef, bases)), n->list(F(ClassDef, keywords)), open, false)) {
      return nullptr;
    }
    if (!accept(T::RPAR)) return fail();
  }
  if (!accept(T::COLON)) return expected(":");
  if (!block(n->list(F(ClassDef, body)), "class definition", start.line)) return nullptr;
  n->str(F(ClassDef, name)) = std::move(name);
  n->list(F(ClassDef, decorator_list)) = std::move(decorators);
  (void)deco_start;
  n->loc = loc_from(start);
  return n;
}

// ============================================================================
// Parameters
// ============================================================================

// params / lambda_params up to [close] (')' or ':').
Node* Parser::parameters(T close, bool lambda) {
  Node* a = make(Kind::arguments, {});
  auto& posonly = a->list(F(arguments, posonlyargs));
  auto& args = a->list(F(arguments, args));
  auto& kwonly = a->list(F(arguments, kwonlyargs));
  auto& kw_defaults = a->list(F(arguments, kw_defaults));
  auto& defaults = a->list(F(arguments, defaults));
  bool seen_star = false, seen_kwarg = false, seen_default = false;
  auto param = [&](bool allow_annotation) -> Node* {
    const Tok& t = tok();
    if (!at(T::NAME) || is_keyword(t.text)) return fail();
    advance();
    Node* arg = make(Kind::arg, {});
    arg->str(F(arg, arg)) = std::string(t.text);
    if (allow_annotation && !lambda && accept(T::COLON)) {
      Node* ann = at(T::STAR) && allow_annotation ? star_expression() : expression();
      if (!ann) return fail();
      arg->fields[F(arg, annotation)] = ann;
    }
    arg->loc = loc_from(t);
    return arg;
  };
  while (!at(close)) {
    if (seen_kwarg) return fail();
    if (at(T::SLASH)) {
      if (seen_star || !posonly.empty() || args.empty()) {
        return fail();
      }
      advance();
      posonly = std::move(args);
      args.clear();
    } else if (at(T::STAR)) {
      if (seen_star) return fail();
      const Tok& star = advance();
      seen_star = true;
      if (at(close) || (at(T::COMMA) && (at(close, 1) || at(T::DOUBLESTAR, 1)))) {
        return error_at(star, "named arguments must follow bare *");
      }
      if (!at(T::COMMA)) {
        Node* v = param(true);
        if (!v) return nullptr;
        a->fields[F(arguments, vararg)] = v;
      }
    } else if (at(T::DOUBLESTAR)) {
      advance();
      Node* k = param(true);
      if (!k) return nullptr;
      a->fields[F(arguments, kwarg)] = k;
      seen_kwarg = true;
    } else {
      Node* p = param(true);
      if (!p) return nullptr;
      Node* def = nullptr;
      if (accept(T::EQUAL)) {
        def = expression();
        if (!def) return fail();
      }
      if (seen_star) {
        kwonly.push_back(p);
        kw_defaults.push_back(def);
      } else {
        if (def) {
          defaults.push_back(def);
          seen_default = true;
        } else if (seen_default) {
          return error_node(p, "non-default argument follows default argument");
        }
        args.push_back(p);
      }
    }
    if (!accept(T::COMMA)) break;
  }
  if (seen_star && !a->opt(F(arguments, vararg)) && kwonly.empty()) {
    return error_at(*last_, "named arguments must follow bare *");
  }
  return a;
}

// ============================================================================
// Expressions
// ============================================================================

// expressions: expression (',' expression)* [','] — a Tuple if any comma.
Node* Parser::expressions() {
  const Tok& start = tok();
  Node* first = expression();
  if (!first || !at(T::COMMA)) return first;
  std::vector<Node*> elts = {first};
  while (accept(T::COMMA)) {
    if (!starts_expression(tok()) || at(T::STAR)) break;
    Node* e = expression();
    if (!e) return fail();
    elts.push_back(e);
  }
  Node* t = make(Kind::Tuple, loc_from(start));
  t->list(F(Tuple, elts)) = std::move(elts);
  t->node(F(Tuple, ctx)) = ctx(Kind::Load);
  return t;
}

// Whether the current token can start an expression.
static bool starts_expression(const Tok& t) {
  switch (t.type) {
    case T::NAME:
      return t.text != "and" && t.text != "or" && t.text != "if" && t.text != "else" &&
             t.text != "for" && t.text != "in" && t.text != "is" && t.text != "as" &&
             t.text != "from" && t.text != "import" && t.text != "pass" && t.text != "return" &&
             t.text != "def" && t.text != "class" && t.text != "while" && t.text != "with" &&
             t.text != "try" && t.text != "except" && t.text != "finally" && t.text != "elif" &&
             t.text != "del" && t.text != "global" && t.text != "nonlocal" && t.text != "assert" &&
             t.text != "break" && t.text != "continue" && t.text != "raise" && t.text != "yield";
    case T::NUMBER:
    case T::STRING:
    case T::LPAR:
    case T::LSQB:
    case T::LBRACE:
    case T::MINUS:
    case T::PLUS:
    case T::TILDE:
    case T::ELLIPSIS:
    case T::STAR: return true;
    default: return false;
  }
}

// star_expressions: a Tuple when there is a comma.
Node* Parser::star_expressions() {
  Depth d(*this);
  if (failed()) return {};
  const Tok& start = tok();
  Node* first = star_expression();
  if (!first || !at(T::COMMA)) return first;
  std::vector<Node*> elts = {first};
  while (accept(T::COMMA)) {
    if (!starts_expression(tok())) break;
    Node* e = star_expression();
    if (!e) return fail();
    elts.push_back(e);
  }
  Node* t = make(Kind::Tuple, loc_from(start));
  t->list(F(Tuple, elts)) = std::move(elts);
  t->node(F(Tuple, ctx)) = ctx(Kind::Load);
  return t;
}

Node* Parser::star_expression() {
  const Tok& start = tok();
  if (accept(T::STAR)) {
    Node* v = bitwise_or();
    if (!v) return fail();
    Node* n = make(Kind::Starred, loc_from(start));
    n->node(F(Starred, value)) = v;
    n->node(F(Starred, ctx)) = ctx(Kind::Load);
    return n;
  }
  return expression();
}

Node* Parser::star_named_expression() {
  const Tok& start = tok();
  if (accept(T::STAR)) {
    Node* v = bitwise_or();
    if (!v) return fail();
    Node* n = make(Kind::Starred, loc_from(start));
    n->node(F(Starred, value)) = v;
    n->node(F(Starred, ctx)) = ctx(Kind::Load);
    return n;
  }
  return named_expression();
}

// assignment_expression | expression !':='
Node* Parser::named_expression() {
  Depth d(*this);
  if (failed()) return {};
  const Tok& start = tok();
  if (at(T::NAME) && at(T::COLONEQUAL, 1) && !is_keyword(start.text)) {
    Node* target = name_node(advance(), Kind::Store);
    advance();
    Node* value = expression();
    if (!value) return fail();
    Node* n = make(Kind::NamedExpr, loc_from(start));
    n->node(F(NamedExpr, target)) = target;
    n->node(F(NamedExpr, value)) = value;
    return n;
  }
  Node* e = expression();
  if (e && at(T::COLONEQUAL)) {
    return error_node(e, "cannot use assignment expressions with " + expr_name(e));
  }
  return e;
}

Node* Parser::expression() {
  Depth d(*this);
  if (failed()) return {};
  if (at_kw("lambda")) return lambdef();
  const Tok& start = tok();
  Node* body = disjunction();
  if (!body) return nullptr;
  if (at_kw("if")) {
    size_t save = pos_;
    advance();
    Node* test = disjunction();
    if (test && accept_kw("else")) {
      Node* orelse = expression();
      if (!orelse) return fail();
      Node* n = make(Kind::IfExp, loc_from(start));
      n->node(F(IfExp, test)) = test;
      n->node(F(IfExp, body)) = body;
      n->node(F(IfExp, orelse)) = orelse;
      return n;
    }
    if (failed()) return nullptr;
    if (test && !at_kw("else")) {
      return error_range(body, test, "expected 'else' after 'if' expression");
    }
    pos_ = save;
  }
  return body;
}

Node* Parser::lambdef() {
  const Tok& start = advance();
  Node* args = parameters(T::COLON, true);
  if (!args) return nullptr;
  if (!accept(T::COLON)) return fail();
  Node* body = expression();
  if (!body) return fail();
  Node* n = make(Kind::Lambda, loc_from(start));
  n->node(F(Lambda, args)) = args;
  n->node(F(Lambda, body)) = body;
  return n;
}

Node* Parser::yield_expr() {
  const Tok& start = advance();
  if (accept_kw("from")) {
    Node* v = expression();
    if (!v) return fail();
    Node* n = make(Kind::YieldFrom, loc_from(start));
    n->node(F(YieldFrom, value)) = v;
    return n;
  }
  Node* n = make(Kind::Yield, {});
  if (starts_expression(tok())) {
    Node* v = star_expressions();
    if (!v) return fail();
    n->fields[F(Yield, value)] = v;
  }
  n->loc = loc_from(start);
  return n;
}

// A BoolOp level: [next] operands joined by keyword [kw].
Node* Parser::boolop(Kind op, std::string_view kw, Node* (Parser::*next)()) {
  Depth d(*this);
  if (failed()) return {};
  Node* first = (this->*next)();
  if (!first || !at_kw(kw)) return first;
  Node* n = make(Kind::BoolOp, {});
  n->node(F(BoolOp, op)) = ctx(op);
  auto& values = n->list(F(BoolOp, values));
  values.push_back(first);
  while (accept_kw(kw)) {
    Node* v = (this->*next)();
    if (!v) return fail();
    values.push_back(v);
  }
  n->loc = loc_span(first, values.back());
  return n;
}

Node* Parser::disjunction() {
  return boolop(Kind::Or, "or", &Parser::conjunction);
}
Node* Parser::conjunction() {
  return boolop(Kind::And, "and", &Parser::inversion);
}

Node* Parser::inversion() {
  Depth d(*this);
  if (failed()) return {};
  if (at_kw("not")) {
    const Tok& start = advance();
    Node* operand = inversion();
    if (!operand) return fail();
    Node* n = make(Kind::UnaryOp, loc_from(start));
    n->node(F(UnaryOp, op)) = ctx(Kind::Not);
    n->node(F(UnaryOp, operand)) = operand;
    return n;
  }
  return comparison();
}

Node* Parser::comparison() {
  Depth d(*this);
  if (failed()) return {};
  Node* left = bitwise_or();
  if (!left) return nullptr;
  std::vector<Node*> ops, comparators;
  for (;;) {
    Kind op;
    const Tok& t = tok();
    if (t.type == T::EQEQUAL)
      op = Kind::Eq;
    else if (t.type == T::NOTEQUAL)
      op = Kind::NotEq;
    else if (t.type == T::LESS)
      op = Kind::Lt;
    else if (t.type == T::LESSEQUAL)
      op = Kind::LtE;
    else if (t.type == T::GREATER)
      op = Kind::Gt;
    else if (t.type == T::GREATEREQUAL)
      op = Kind::GtE;
    else if (at_kw("in"))
      op = Kind::In;
    else if (at_kw("not") && at_kw("in", 1))
      op = Kind::NotIn;
    else if (at_kw("is"))
      op = at_kw("not", 1) ? Kind::IsNot : Kind::Is;
    else
      break;
    advance();
    if (op == Kind::NotIn || op == Kind::IsNot) advance();
    Node* right = bitwise_or();
    if (!right) return fail();
    ops.push_back(ctx(op));
    comparators.push_back(right);
  }
  if (ops.empty()) return left;
  Node* n = make(Kind::Compare, loc_span(left, comparators.back()));
  n->node(F(Compare, left)) = left;
  n->list(F(Compare, ops)) = std::move(ops);
  n->list(F(Compare, comparators)) = std::move(comparators);
  return n;
}

// A left-associative binary level: [next] operands joined by [ops].
#define PYLIFE_BINARY_LEVEL(name, next, ...)                      \
  Node* Parser::name() {                                          \
    Depth d(*this);                                               \
    if (failed()) return nullptr;                                 \
    Node* left = next();                                          \
    if (!left) return nullptr;                                    \
    for (;;) {                                                    \
      static constexpr std::pair<T, Kind> kOps[] = {__VA_ARGS__}; \
      Kind op = Kind::Add;                                        \
      bool found = false;                                         \
      for (auto [type, kind] : kOps) {                            \
        if (at(type)) {                                           \
          op = kind;                                              \
          found = true;                                           \
        }                                                         \
      }                                                           \
      if (!found) return left;                                    \
      advance();                                                  \
      Node* right = next();                                       \
      if (!right) return fail();                                  \
      Node* n = make(Kind::BinOp, loc_span(left, right));         \
      n->node(F(BinOp, left)) = left;                             \
      n->node(F(BinOp, op)) = ctx(op);                            \
      n->node(F(BinOp, right)) = right;                           \
      left = n;                                                   \
    }                                                             \
  }

PYLIFE_BINARY_LEVEL(bitwise_or, bitwise_xor, {T::VBAR, Kind::BitOr})
PYLIFE_BINARY_LEVEL(bitwise_xor, bitwise_and, {T::CIRCUMFLEX, Kind::BitXor})
PYLIFE_BINARY_LEVEL(bitwise_and, shift_expr, {T::AMPER, Kind::BitAnd})
PYLIFE_BINARY_LEVEL(shift_expr, sum, {T::LEFTSHIFT, Kind::LShift}, {T::RIGHTSHIFT, Kind::RShift})
PYLIFE_BINARY_LEVEL(sum, term, {T::PLUS, Kind::Add}, {T::MINUS, Kind::Sub})
PYLIFE_BINARY_LEVEL(term, factor, {T::STAR, Kind::Mult}, {T::SLASH, Kind::Div},
                    {T::DOUBLESLASH, Kind::FloorDiv}, {T::PERCENT, Kind::Mod},
                    {T::AT, Kind::MatMult})
#undef PYLIFE_BINARY_LEVEL

Node* Parser::factor() {
  Depth d(*this);
  if (failed()) return {};
  const Tok& t = tok();
  Kind op;
  if (t.type == T::PLUS)
    op = Kind::UAdd;
  else if (t.type == T::MINUS)
    op = Kind::USub;
  else if (t.type == T::TILDE)
    op = Kind::Invert;
  else
    return power();
  advance();
  Node* operand = factor();
  if (!operand) return fail();
  Node* n = make(Kind::UnaryOp, loc_from(t));
  n->node(F(UnaryOp, op)) = ctx(op);
  n->node(F(UnaryOp, operand)) = operand;
  return n;
}

Node* Parser::power() {
  Depth d(*this);
  if (failed()) return {};
  Node* base = await_primary();
  if (!base || !at(T::DOUBLESTAR)) return base;
  advance();
  Node* exp = factor();
  if (!exp) return fail();
  Node* n = make(Kind::BinOp, loc_span(base, exp));
  n->node(F(BinOp, left)) = base;
  n->node(F(BinOp, op)) = ctx(Kind::Pow);
  n->node(F(BinOp, right)) = exp;
  return n;
}

Node* Parser::await_primary() {
  Depth d(*this);
  if (failed()) return {};
  if (at_kw("await")) {
    const Tok& start = advance();
    Node* v = primary();
    if (!v) return fail();
    Node* n = make(Kind::Await, loc_from(start));
    n->node(F(Await, value)) = v;
    return n;
  }
  return primary();
}

Node* Parser::primary() {
  Depth d(*this);
  if (failed()) return {};
  Node* e = atom();
  if (!e) return nullptr;
  for (;;) {
    if (failed()) return nullptr;
    if (at(T::DOT)) {
      advance();
      const Tok& name = tok();
      if (name.type != T::NAME || is_keyword(name.text)) return fail();
      advance();
      Node* n = make(Kind::Attribute, loc_to_last(e));
      n->node(F(Attribute, value)) = e;
      n->str(F(Attribute, attr)) = std::string(name.text);
      n->node(F(Attribute, ctx)) = ctx(Kind::Load);
      e = n;
    } else if (at(T::LPAR)) {
      const Tok& open = advance();
      Node* c = call(e, open);
      if (!c) return nullptr;
      e = c;
    } else if (at(T::LSQB)) {
      advance();
      ++paren_level_;
      Node* s = slices();
      --paren_level_;
      if (!s) return fail();
      if (!accept(T::RSQB)) return fail();
      Node* n = make(Kind::Subscript, loc_to_last(e));
      n->node(F(Subscript, value)) = e;
      n->node(F(Subscript, slice)) = s;
      n->node(F(Subscript, ctx)) = ctx(Kind::Load);
      e = n;
    } else {
      return e;
    }
  }
}

Node* Parser::call(Node* func, const Tok& open) {
  Node* n = make(Kind::Call, {});
  n->node(F(Call, func)) = func;
  ++paren_level_;
  bool ok = arguments(n->list(F(Call, args)), n->list(F(Call, keywords)), open);
  --paren_level_;
  if (!ok) return nullptr;
  if (!accept(T::RPAR)) return fail();
  n->loc = loc_to_last(func);
  return n;
}

// args: positional, *starred, name=value, **kwargs; a lone generator
// expression argument needs no extra parentheses.
bool Parser::arguments(std::vector<Node*>& args, std::vector<Node*>& keywords, const Tok& open,
                       bool allow_genexp) {
  const T close = T::RPAR;
  bool seen_kw = false, seen_dstar = false;
  size_t count = 0;
  while (!at(close)) {
    const Tok& start = tok();
    ++count;
    if (accept(T::DOUBLESTAR)) {
      Node* v = expression();
      if (!v) return fail(), false;
      Node* k = make(Kind::keyword, loc_from(start));
      k->node(F(keyword, value)) = v;
      keywords.push_back(k);
      seen_dstar = true;
    } else if (at(T::STAR)) {
      const Tok& star = advance();
      if (seen_dstar) {
        return error_at(star, "iterable argument unpacking follows keyword argument unpacking"),
               false;
      }
      Node* v = expression();
      if (!v) return fail(), false;
      Node* s = make(Kind::Starred, loc_from(start));
      s->node(F(Starred, value)) = v;
      s->node(F(Starred, ctx)) = ctx(Kind::Load);
      args.push_back(s);
    } else if (at(T::NAME) && at(T::EQUAL, 1) &&
               (start.text == "True" || start.text == "False" || start.text == "None")) {
      return error_at(start, "cannot assign to " + std::string(start.text)), false;
    } else if (at(T::NAME) && at(T::EQUAL, 1) && !is_keyword(start.text)) {
      advance();
      advance();
      Node* v = expression();
      if (!v) return fail(), false;
      if (!at(T::COMMA) && !at(close) && starts_expression(tok()) && !failed()) {
        // invalid_expression: a keyword's value and another expression.
        if (comma_hint(v)) return false;
      }
      Node* k = make(Kind::keyword, loc_from(start));
      k->fields[F(keyword, arg)] = std::string(start.text);
      k->node(F(keyword, value)) = v;
      keywords.push_back(k);
      seen_kw = true;
    } else {
      Node* e = named_expression();
      if (!e) return fail(), false;
      if (!allow_genexp && (at_kw("for") || at_kw("async"))) return fail(), false;
      if (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
        // A generator expression argument.
        Node* g = make(Kind::GeneratorExp, {});
        g->node(F(GeneratorExp, elt)) = e;
        if (!comprehension_clauses(g->list(F(GeneratorExp, generators)))) return false;
        if (count == 1 && at(close)) {
          // The call's parentheses are the generator's.
          g->loc = {open.line, open.col, tok().end_line, tok().end_col};
        } else {
          g->loc = loc_to_last(e);
          return error("Generator expression must be parenthesized", e->loc.lineno,
                       ccol(e->loc.lineno, e->loc.col_offset) + 1, last_->end_line,
                       last_->end_ccol + 1),
                 false;
        }
        e = g;
      } else if (at(T::EQUAL) && e->kind != Kind::Name) {
        // invalid_kwarg: expression '=' expression
        return error("expression cannot contain assignment, perhaps you meant \"==\"?",
                     e->loc.lineno, ccol(e->loc.lineno, e->loc.col_offset) + 1, tok().end_line,
                     tok().end_ccol + 1),
               false;
      }
      if (seen_dstar) {
        return error_at(tok(), "positional argument follows keyword argument unpacking"), false;
      }
      if (seen_kw) return error_at(tok(), "positional argument follows keyword argument"), false;
      args.push_back(e);
    }
    if (!accept(T::COMMA)) {
      if (!at(close) && starts_expression(tok()) && !args.empty() && !failed()) {
        // invalid_expression: two expressions side by side inside brackets.
        if (comma_hint(args.back())) return false;
      }
      break;
    }
  }
  return !failed();
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Node* Parser::slices() {
  const Tok& start = tok();
  Node* first = at(T::STAR) ? star_expression() : slice();
  if (!first) return nullptr;
  if (!at(T::COMMA) && first->kind != Kind::Starred) return first;
  std::vector<Node*> elts = {first};
  while (accept(T::COMMA)) {
    if (at(T::RSQB)) break;
    Node* e = at(T::STAR) ? star_expression() : slice();
    if (!e) return fail();
    elts.push_back(e);
  }
  Node* t = make(Kind::Tuple, loc_from(start));
  t->list(F(Tuple, elts)) = std::move(elts);
  t->node(F(Tuple, ctx)) = ctx(Kind::Load);
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Node* Parser::slice() {
  const Tok& start = tok();
  Node* lower = nullptr;
  if (!at(T::COLON)) {
    lower = named_expression();
    if (!lower) return nullptr;
    if (!at(T::COLON)) return lower;
    if (lower->kind == Kind::NamedExpr) return fail();
  }
  advance();
  Node* n = make(Kind::Slice, {});
  if (lower) n->fields[F(Slice, lower)] = lower;
  if (!at(T::COLON) && !at(T::RSQB) && !at(T::COMMA)) {
    Node* upper = expression();
    if (!upper) return fail();
    n->fields[F(Slice, upper)] = upper;
  }
  if (accept(T::COLON)) {
    if (!at(T::RSQB) && !at(T::COMMA)) {
      Node* step = expression();
      if (!step) return fail();
      n->fields[F(Slice, step)] = step;
    }
  }
  n->loc = loc_from(start);
  return n;
}

Node* Parser::atom() {
  Depth d(*this);
  if (failed()) return {};
  const Tok& t = tok();
  switch (t.type) {
    case T::NAME: {
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        advance();
        Node* n = make(Kind::Constant, loc_from(t));
        ast::Constant c;
        c.kind = t.text == "True"    ? ast::Constant::Kind::kTrue
                 : t.text == "False" ? ast::Constant::Kind::kFalse
                                     : ast::Constant::Kind::kNone;
        n->fields[F(Constant, value)] = c;
        return n;
      }
      if (is_keyword(t.text)) return fail();
      advance();
      return name_node(t);
    }
    case T::NUMBER: advance(); return number(t);
    case T::STRING: return strings();
    case T::ELLIPSIS: {
      advance();
      Node* n = make(Kind::Constant, loc_from(t));
      ast::Constant c;
      c.kind = ast::Constant::Kind::kEllipsis;
      n->fields[F(Constant, value)] = c;
      return n;
    }
    case T::LPAR: return paren_atom();
    case T::LSQB: return list_atom();
    case T::LBRACE: return brace_atom();
    default: return fail();
  }
}

Node* Parser::number(const Tok& t) {
  Node* n = make(Kind::Constant, loc_from(t));
  ast::Constant c;
  std::string_view s = t.text;
  char last = static_cast<char>(s.back() | 0x20);
  bool prefixed = s.size() > 1 && s[0] == '0' &&
                  ((s[1] | 0x20) == 'x' || (s[1] | 0x20) == 'o' || (s[1] | 0x20) == 'b');
  if (last == 'j') {
    c.kind = ast::Constant::Kind::kComplex;
    c.number = float_literal_value(s.substr(0, s.size() - 1));
  } else if (!prefixed && (s.find('.') != std::string_view::npos ||
                           s.find_first_of("eE") != std::string_view::npos)) {
    c.kind = ast::Constant::Kind::kFloat;
    c.number = float_literal_value(s);
  } else {
    c.kind = ast::Constant::Kind::kInt;
    c.text = int_literal_to_decimal(s);
  }
  n->fields[F(Constant, value)] = std::move(c);
  return n;
}

// '(' ... ')': tuple, group, generator expression or yield.
Node* Parser::paren_atom() {
  const Tok& open = advance();
  BracketLevel level(paren_level_);
  if (accept(T::RPAR)) {
    Node* t = make(Kind::Tuple, loc_from(open));
    t->node(F(Tuple, ctx)) = ctx(Kind::Load);
    return t;
  }
  if (at_kw("yield")) {
    Node* y = yield_expr();
    if (!y) return fail();
    if (!accept(T::RPAR)) return fail();
    return y;
  }
  Node* first = star_named_expression();
  if (!first) return fail();
  if (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
    Node* g = make(Kind::GeneratorExp, {});
    g->node(F(GeneratorExp, elt)) = first;
    if (!comprehension_clauses(g->list(F(GeneratorExp, generators)))) return nullptr;
    if (!accept(T::RPAR)) return fail();
    g->loc = loc_from(open);
    return g;
  }
  if (accept(T::RPAR)) {
    if (first->kind == Kind::Starred)
      return error_node(first, "cannot use starred expression here");
    return first;  // a group keeps the inner node's location
  }
  if (!at(T::COMMA)) {
    return missing_comma(first);
  }
  std::vector<Node*> elts = {first};
  while (accept(T::COMMA)) {
    if (at(T::RPAR)) break;
    Node* e = star_named_expression();
    if (!e) return fail();
    elts.push_back(e);
  }
  if (!accept(T::RPAR)) {
    return missing_comma(elts.back());
  }
  Node* t = make(Kind::Tuple, loc_from(open));
  t->list(F(Tuple, elts)) = std::move(elts);
  t->node(F(Tuple, ctx)) = ctx(Kind::Load);
  return t;
}

Node* Parser::list_atom() {
  const Tok& open = advance();
  BracketLevel level(paren_level_);
  std::vector<Node*> elts;
  if (!at(T::RSQB)) {
    Node* first = star_named_expression();
    if (!first) return fail();
    if (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
      Node* c = make(Kind::ListComp, {});
      c->node(F(ListComp, elt)) = first;
      if (!comprehension_clauses(c->list(F(ListComp, generators)))) return nullptr;
      if (!accept(T::RSQB)) return fail();
      c->loc = loc_from(open);
      return c;
    }
    elts.push_back(first);
    while (accept(T::COMMA)) {
      if (at(T::RSQB)) break;
      Node* e = star_named_expression();
      if (!e) return fail();
      elts.push_back(e);
    }
  }
  if (!accept(T::RSQB)) {
    return elts.empty() ? fail() : missing_comma(elts.back());
  }
  Node* l = make(Kind::List, loc_from(open));
  l->list(F(List, elts)) = std::move(elts);
  l->node(F(List, ctx)) = ctx(Kind::Load);
  return l;
}

// '{' ... '}': dict, set, dict/set comprehension.
Node* Parser::brace_atom() {
  const Tok& open = advance();
  BracketLevel level(paren_level_);
  if (accept(T::RBRACE)) {
    return make(Kind::Dict, loc_from(open));
  }
  std::vector<Node*> keys, values, elts;
  bool is_dict = false;
  // First element decides dict vs set.
  if (at(T::DOUBLESTAR)) {
    is_dict = true;
  } else {
    Node* first = star_named_expression();
    if (!first) return fail();
    if (accept(T::COLON)) {
      is_dict = true;
      Node* v = expression();
      if (!v) return fail();
      if (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
        Node* c = make(Kind::DictComp, {});
        c->node(F(DictComp, key)) = first;
        c->node(F(DictComp, value)) = v;
        if (!comprehension_clauses(c->list(F(DictComp, generators)))) return nullptr;
        if (!accept(T::RBRACE)) return fail();
        c->loc = loc_from(open);
        return c;
      }
      keys.push_back(first);
      values.push_back(v);
    } else {
      if (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
        Node* c = make(Kind::SetComp, {});
        c->node(F(SetComp, elt)) = first;
        if (!comprehension_clauses(c->list(F(SetComp, generators)))) return nullptr;
        if (!accept(T::RBRACE)) return fail();
        c->loc = loc_from(open);
        return c;
      }
      elts.push_back(first);
    }
    if (!accept(T::COMMA)) {
      if (!accept(T::RBRACE)) return fail();
      goto done;
    }
  }
  while (!at(T::RBRACE)) {
    if (is_dict) {
      if (accept(T::DOUBLESTAR)) {
        Node* v = bitwise_or();
        if (!v) return fail();
        keys.push_back(nullptr);
        values.push_back(v);
      } else {
        Node* k = expression();
        if (!k) return fail();
        if (!accept(T::COLON)) return fail();
        Node* v = expression();
        if (!v) return fail();
        keys.push_back(k);
        values.push_back(v);
      }
    } else {
      Node* e = star_named_expression();
      if (!e) return fail();
      elts.push_back(e);
    }
    if (!accept(T::COMMA)) break;
  }
  if (!accept(T::RBRACE)) return fail();
done:
  if (is_dict) {
    Node* d = make(Kind::Dict, loc_from(open));
    d->list(F(Dict, keys)) = std::move(keys);
    d->list(F(Dict, values)) = std::move(values);
    return d;
  }
  Node* s = make(Kind::Set, loc_from(open));
  s->list(F(Set, elts)) = std::move(elts);
  return s;
}

// ('async'? 'for' star_targets 'in' disjunction ('if' disjunction)*)+
bool Parser::comprehension_clauses(std::vector<Node*>& gens) {
  while (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
    bool is_async = accept_kw("async");
    advance();  // for
    Node* target = star_targets_until("in");
    if (!target) return false;
    if (!accept_kw("in")) return fail(), false;
    Node* iter = disjunction();
    if (!iter) return fail(), false;
    Node* c = make(Kind::comprehension, {});
    c->node(F(comprehension, target)) = target;
    c->node(F(comprehension, iter)) = iter;
    c->integer(F(comprehension, is_async)) = is_async ? 1 : 0;
    while (accept_kw("if")) {
      Node* cond = disjunction();
      if (!cond) return fail(), false;
      c->list(F(comprehension, ifs)).push_back(cond);
    }
    gens.push_back(c);
  }
  return !failed();
}

// ============================================================================
// Strings and f-strings
// ============================================================================

void Parser::flush_literal(std::vector<Node*>& parts, std::string& literal, const Tok& t) {
  if (literal.empty()) return;
  Node* c = make(Kind::Constant, {t.line, t.col, t.end_line, t.end_col});
  ast::Constant value;
  value.kind = ast::Constant::Kind::kStr;
  value.text = std::move(literal);
  c->fields[F(Constant, value)] = std::move(value);
  parts.push_back(c);
  literal.clear();
}

// Adjacent STRING tokens: one Constant, or a JoinedStr with f-strings.
// Errors in their contents are reported at the token after them, where
// CPython's parser stands when it decodes them.
Node* Parser::strings() {
  const Tok& first = tok();
  std::vector<const Tok*> toks;
  while (at(T::STRING)) toks.push_back(&advance());
  const Tok& after = tok();
  string_end_ = &after;
  bool any_bytes = false, any_str = false, any_f = false;
  bool u_kind = false;
  std::string bytes_value;
  std::vector<Node*> parts;
  std::string literal;
  for (size_t k = 0; k < toks.size(); ++k) {
    const Tok& t = *toks[k];
    std::string_view s = t.text;
    size_t q = s.find_first_of("'\"");
    std::string_view prefix = s.substr(0, q);
    bool raw = false, is_bytes = false, is_f = false;
    for (char c : prefix) {
      char l = static_cast<char>(c | 0x20);
      raw |= l == 'r';
      is_bytes |= l == 'b';
      is_f |= l == 'f';
    }
    if (k == 0 && !prefix.empty() && (prefix[0] | 0x20) == 'u') u_kind = true;
    size_t quote_len = (s.size() - q >= 6 && s[q + 1] == s[q] && s[q + 2] == s[q]) ? 3 : 1;
    std::string_view body = s.substr(q + quote_len, s.size() - q - 2 * quote_len);
    if (is_bytes) {
      any_bytes = true;
    } else {
      any_str = true;
    }
    if (!is_bytes && (body.find("\xED\xB2") != std::string_view::npos ||
                      body.find("\xED\xB3") != std::string_view::npos)) {
      // Bytes that are not UTF-8 (compile() decodes literals lazily).
      size_t position = 0;
      return error_at(after, undecodable_utf8_message(body, position));
    }
    if (is_bytes) {
      Decoded d = decode_bytes_literal(body, raw);
      if (!d.ok) {
        if (d.error.rfind("bytes can only", 0) == 0) {
          // A tokenizer error in CPython: the whole token, in bytes.
          return error(d.error, t.line, t.ccol + 1, t.line,
                       t.ccol + 1 + static_cast<int>(t.text.size()));
        }
        return error_at(after, d.error);
      }
      bytes_value += d.value;
      continue;
    }
    if (is_f) {
      any_f = true;
      if (!fstring(t, body, raw, parts, literal, 0)) return nullptr;
      continue;
    }
    Decoded d = decode_str_literal(body, raw);
    if (!d.ok) return error_at(after, d.error);
    literal += d.value;
  }
  if (any_bytes && any_str) return error_at(after, "cannot mix bytes and nonbytes literals");
  Location loc = loc_from(first);
  if (any_bytes) {
    Node* n = make(Kind::Constant, loc);
    ast::Constant c;
    c.kind = ast::Constant::Kind::kBytes;
    c.text = std::move(bytes_value);
    n->fields[F(Constant, value)] = std::move(c);
    return n;
  }
  if (!any_f) {
    Node* n = make(Kind::Constant, loc);
    ast::Constant c;
    c.kind = ast::Constant::Kind::kStr;
    c.text = std::move(literal);
    n->fields[F(Constant, value)] = std::move(c);
    if (u_kind) n->fields[F(Constant, kind)] = std::string("u");
    return n;
  }
  flush_literal(parts, literal, first);
  // As string_parser.c builds them, every literal piece and field spans the
  // whole (implicitly concatenated) string; the expressions inside fields
  // keep their own positions.
  auto relocate = [&](auto& self, std::vector<Node*>& nodes) -> void {
    for (Node* n : nodes) {
      n->loc = loc;
      if (n->kind != Kind::FormattedValue) continue;
      // The spec itself keeps its own string token's span.
      if (Node* spec = n->opt(F(FormattedValue, format_spec))) {
        self(self, spec->list(F(JoinedStr, values)));
      }
    }
  };
  relocate(relocate, parts);
  Node* j = make(Kind::JoinedStr, loc);
  j->list(F(JoinedStr, values)) = std::move(parts);
  return j;
}

// One f-string body (3.11 Parser/string_parser.c fstring_find_literal and
// fstring_find_expr): literal text and {expression!conversion:spec} fields.
bool Parser::fstring(const Tok& t, std::string_view body, bool raw, std::vector<Node*>& parts,
                     std::string& literal, int depth, size_t* stop) {
  size_t i = 0, n = body.size();
  while (i < n) {
    // Literal part up to a single '{' (or '}' in a format spec).
    size_t lit_start = i;
    std::string chunk;
    while (i < n) {
      char c = body[i];
      if (c == '{') {
        if (depth == 0 && i + 1 < n && body[i + 1] == '{') {
          chunk += body.substr(lit_start, i + 1 - lit_start);
          i += 2;
          lit_start = i;
          continue;
        }
        break;
      }
      if (c == '}') {
        if (depth > 0) break;
        if (i + 1 < n && body[i + 1] == '}') {
          chunk += body.substr(lit_start, i + 1 - lit_start);
          i += 2;
          lit_start = i;
          continue;
        }
        return error_at(*string_end_, "f-string: single '}' is not allowed"), false;
      }
      if (c == '\\' && !raw && i + 1 < n) {
        // \N{NAME} is one escape, braces included.
        if (body[i + 1] == 'N' && i + 2 < n && body[i + 2] == '{') {
          size_t close = body.find('}', i + 3);
          if (close != std::string_view::npos) {
            i = close + 1;
            continue;
          }
        }
        i += 2;
        continue;
      }
      ++i;
    }
    chunk += body.substr(lit_start, i - lit_start);
    if (!chunk.empty()) {
      Decoded d = decode_str_literal(chunk, raw);
      if (!d.ok) return error_at(*string_end_, d.error), false;
      literal += d.value;
    }
    if (i >= n) break;
    if (body[i] == '}') break;  // end of a nested format spec (depth > 0)
    // An expression field (only one level of nesting inside format specs).
    if (depth >= 2) return error_at(*string_end_, "f-string: expressions nested too deeply"), false;
    ++i;  // '{'
    size_t expr_start = i;
    std::vector<char> nesting;
    char quote = 0;
    int quote_len = 0;
    for (; i < n; ++i) {
      char c = body[i];
      if (c == '\\')
        return error_at(*string_end_, "f-string expression part cannot include a backslash"), false;
      if (quote) {
        if (c == quote &&
            (quote_len == 1 || (i + 2 < n && body[i + 1] == quote && body[i + 2] == quote))) {
          if (quote_len == 3) i += 2;
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        quote_len = (i + 2 < n && body[i + 1] == c && body[i + 2] == c) ? 3 : 1;
        if (quote_len == 3) i += 2;
        continue;
      }
      if (c == '[' || c == '(' || c == '{') {
        nesting.push_back(c);
        continue;
      }
      if (c == '#')
        return error_at(*string_end_, "f-string expression part cannot include '#'"), false;
      if (nesting.empty() &&
          (c == '!' || c == ':' || c == '}' || c == '=' || c == '<' || c == '>')) {
        if (c == '!' && i + 1 < n && body[i + 1] == '=') {
          ++i;
          continue;
        }
        if ((c == '<' || c == '>')) {
          if (i + 1 < n && body[i + 1] == '=') ++i;
          continue;
        }
        if (c == '=') {
          if (i + 1 < n && body[i + 1] == '=') {
            ++i;
            continue;
          }
          if (i > expr_start && (body[i - 1] == '!' || body[i - 1] == '<' || body[i - 1] == '>' ||
                                 body[i - 1] == '=')) {
            continue;
          }
        }
        break;
      }
      if (c == ']' || c == ')' || c == '}') {
        if (nesting.empty()) break;
        char open = nesting.back();
        if ((c == ']' && open != '[') || (c == ')' && open != '(') || (c == '}' && open != '{')) {
          return error_at(*string_end_, std::string("f-string: closing parenthesis '") + c +
                                            "' does not match opening parenthesis '" + open + "'"),
                 false;
        }
        nesting.pop_back();
      }
    }
    if (quote) return error_at(*string_end_, "f-string: unterminated string"), false;
    if (i >= n) {
      if (!nesting.empty()) {
        return error_at(*string_end_, std::string("f-string: unmatched '") + nesting.back() + "'"),
               false;
      }
      return error_at(*string_end_, "f-string: expecting '}'"), false;
    }
    std::string_view expr_text = body.substr(expr_start, i - expr_start);
    if (expr_text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) {
      return error_at(*string_end_, "f-string: empty expression not allowed"), false;
    }
    // Parse "(expr)" with a sub-parser over its own tokens.
    Node* value = nullptr;
    {
      source::Source sub;
      sub.text = "(" + std::string(expr_text) + ")";
      sub.encoding = "utf-8";
      lex::TokenStream stream = lex::tokenize(sub);
      std::vector<std::string_view> sub_lines = source::split_lines(sub.text);
      ParserTokens prepared = prepare_tokens(stream, sub_lines);
      if (prepared.error.present) {
        return error_at(*string_end_, "f-string: " + prepared.error.error.msg), false;
      }
      if (prepared.toks.empty() || prepared.toks.back().type != T::ENDMARKER) {
        return error_at(*string_end_, "f-string: invalid syntax"), false;
      }
      Parser sub_parser(prepared, sub_lines, arena_, stack_base_);
      sub_parser.depth_ = depth_;
      value = sub_parser.fstring_expression();
      if (!value) {
        // CPython shows the sub-parse's own text "(expr)" and columns.
        SyntaxError e = sub_parser.take_error();
        if (failure_ == Failure::kNone) {
          int line_shift = t.line - 1 +
                           static_cast<int>(std::count(
                               body.begin(), body.begin() + static_cast<long>(expr_start), '\n'));
          failure_ = e.type == "MemoryError" ? Failure::kMemory : Failure::kError;
          specific_ = true;
          error_ = e;
          error_.msg = "f-string: " + e.msg;
          error_.lineno = e.lineno + line_shift;
          error_.end_lineno = (e.end_lineno ? e.end_lineno : e.lineno) + line_shift;
        }
        return false;
      }
      // The sub-parse counted from "(" on line 1: move its locations to
      // where the expression sits in the file.
      // fstring_find_expr_location: lines are the newlines in the token
      // before the '{'; past a newline, columns count from that line's start
      // (from 0 when the expression itself starts on a new line).
      size_t brace = static_cast<size_t>(body.data() - t.text.data()) + expr_start - 1;
      std::string_view before = t.text.substr(0, brace);
      int lines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
      if (lines == 0) {
        relocate(value, t.line, t.col + static_cast<int>(brace), t.line == t.end_line);
      } else {
        size_t k = expr_start;
        while (k < body.size() && (body[k] == ' ' || body[k] == '\t' || body[k] == '\f')) ++k;
        bool newline_after_brace = k >= body.size() || body[k] == '\n' || body[k] == '}';
        int cols = newline_after_brace ? 0 : static_cast<int>(brace - before.rfind('\n') - 1);
        relocate(value, t.line + lines, cols, true);
      }
    }
    // '=' debugging specifier.
    bool debug = false;
    if (body[i] == '=') {
      debug = true;
      ++i;
      while (i < n && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' ||
                       body[i] == '\f' || body[i] == '\v')) {
        ++i;
      }
      literal += body.substr(expr_start - 1 + 1, i - expr_start);
    }
    long long conversion = -1;
    if (i < n && body[i] == '!') {
      ++i;
      if (i >= n) return error_at(*string_end_, "f-string: expecting '}'"), false;
      char conv = body[i];
      if (conv != 's' && conv != 'r' && conv != 'a') {
        return error_at(*string_end_,
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
               false;
      }
      conversion = conv;
      ++i;
    }
    Node* spec = nullptr;
    if (i < n && body[i] == ':') {
      ++i;
      std::vector<Node*> spec_parts;
      std::string spec_literal;
      // The spec runs to the '}' that closes this field (nested fields
      // and their quotes are skipped by the recursive scan).
      size_t consumed = 0;
      if (!fstring(t, body.substr(i), raw, spec_parts, spec_literal, depth + 1, &consumed)) {
        return false;
      }
      size_t j = i + consumed;
      flush_literal(spec_parts, spec_literal, t);
      spec = make(Kind::JoinedStr, {t.line, t.col, t.end_line, t.end_col});
      spec->list(F(JoinedStr, values)) = std::move(spec_parts);
      i = j;
    }
    if (i >= n || body[i] != '}') return error_at(*string_end_, "f-string: expecting '}'"), false;
    ++i;
    if (debug && conversion == -1 && !spec) conversion = 'r';
    flush_literal(parts, literal, t);
    Node* fv = make(Kind::FormattedValue, {t.line, t.col, t.end_line, t.end_col});
    fv->node(F(FormattedValue, value)) = value;
    fv->integer(F(FormattedValue, conversion)) = conversion;
    if (spec) fv->fields[F(FormattedValue, format_spec)] = spec;
    parts.push_back(fv);
  }
  if (stop) *stop = i;
  return true;
}

// Shifts the locations of an f-string field's sub-tree (parsed from
// "(expr)" at line 1) to [line]/[col] of the file.
void Parser::relocate(Node* n, int line, int col, bool single_line) {
  if (!n) return;
  if (ast::spec(n->kind).located) {
    if (n->loc.lineno == 1 && single_line) n->loc.col_offset += col;
    if (n->loc.end_lineno == 1 && single_line) n->loc.end_col_offset += col;
    n->loc.lineno += line - 1;
    n->loc.end_lineno += line - 1;
  }
  for (auto& f : n->fields) {
    if (auto* child = std::get_if<Node*>(&f)) relocate(*child, line, col, single_line);
    if (auto* list = std::get_if<std::vector<Node*>>(&f)) {
      for (Node* c : *list) relocate(c, line, col, single_line);
    }
  }
}

// fstring: star_expressions, for the "(expr)" of one replacement field.
Node* Parser::fstring_expression() {
  if (!accept(T::LPAR)) return fail();
  Node* e = at_kw("yield") ? yield_expr() : star_expressions();
  if (!e) return fail();
  if (!accept(T::RPAR)) return fail();
  if (!at(T::NEWLINE) && !at(T::ENDMARKER)) return fail();
  return e;
}

// ============================================================================
// match statements
// ============================================================================

Node* Parser::match_stmt() {
  const Tok& start = advance();  // 'match'
  // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
  const Tok& subj_start = tok();
  Node* subject = star_named_expression();
  if (!subject) return nullptr;
  if (at(T::COMMA)) {
    std::vector<Node*> elts = {subject};
    while (accept(T::COMMA)) {
      if (at(T::COLON)) break;
      Node* e = star_named_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    subject = make(Kind::Tuple, loc_from(subj_start));
    subject->list(F(Tuple, elts)) = std::move(elts);
    subject->node(F(Tuple, ctx)) = ctx(Kind::Load);
  } else if (subject->kind == Kind::Starred) {
    return nullptr;
  }
  if (!at(T::COLON)) return nullptr;
  advance();
  if (!at(T::NEWLINE)) return nullptr;
  advance();
  if (!at(T::INDENT)) {
    return error(
        "expected an indented block after 'match' statement on line " + std::to_string(start.line),
        tok().line, tok().ccol + 1, tok().line, 0, "IndentationError");
  }
  advance();
  Node* m = make(Kind::Match, {});
  m->node(F(Match, subject)) = subject;
  auto& cases = m->list(F(Match, cases));
  while (at_kw("case")) {
    const Tok& case_tok = advance();
    Node* c = make(Kind::match_case, {});
    Node* p = patterns();
    if (!p) return fail();
    c->node(F(match_case, pattern)) = p;
    if (accept_kw("if")) {
      Node* guard = named_expression();
      if (!guard) return fail();
      c->fields[F(match_case, guard)] = guard;
    }
    if (!accept(T::COLON)) return expected(":");
    if (!block(c->list(F(match_case, body)), "'case' statement", case_tok.line)) return nullptr;
    cases.push_back(c);
  }
  if (cases.empty()) return fail();
  if (!accept(T::DEDENT)) return fail();
  m->loc = loc_from(start);
  return m;
}

// patterns: open_sequence_pattern | pattern
Node* Parser::patterns() {
  const Tok& start = tok();
  Node* first = maybe_star_pattern();
  if (!first) return nullptr;
  if (!at(T::COMMA)) {
    if (first->kind == Kind::MatchStar) {
      Node* seq = make(Kind::MatchSequence, loc_from(start));
      seq->list(F(MatchSequence, patterns)).push_back(first);
      return seq;
    }
    return first;
  }
  std::vector<Node*> items = {first};
  while (accept(T::COMMA)) {
    if (at(T::COLON) || at_kw("if")) break;
    Node* p = maybe_star_pattern();
    if (!p) return fail();
    items.push_back(p);
  }
  Node* seq = make(Kind::MatchSequence, loc_from(start));
  seq->list(F(MatchSequence, patterns)) = std::move(items);
  return seq;
}

Node* Parser::maybe_star_pattern() {
  const Tok& start = tok();
  if (accept(T::STAR)) {
    if (!at(T::NAME) || is_keyword(tok().text)) return fail();
    const Tok& name = advance();
    Node* s = make(Kind::MatchStar, loc_from(start));
    if (name.text != "_") s->fields[F(MatchStar, name)] = std::string(name.text);
    return s;
  }
  return pattern();
}

// as_pattern | or_pattern
Node* Parser::pattern() {
  Depth d(*this);
  if (failed()) return {};
  const Tok& start = tok();
  Node* p = or_pattern();
  if (!p) return nullptr;
  if (accept_kw("as")) {
    const Tok& name = tok();
    if (!at(T::NAME) || is_keyword(name.text)) return fail();
    if (name.text == "_") return error_at(name, "cannot use '_' as a target");
    advance();
    Node* as = make(Kind::MatchAs, loc_from(start));
    as->fields[F(MatchAs, pattern)] = p;
    as->fields[F(MatchAs, name)] = std::string(name.text);
    return as;
  }
  return p;
}

Node* Parser::or_pattern() {
  const Tok& start = tok();
  Node* first = closed_pattern();
  if (!first || !at(T::VBAR)) return first;
  std::vector<Node*> alts = {first};
  while (accept(T::VBAR)) {
    Node* p = closed_pattern();
    if (!p) return fail();
    alts.push_back(p);
  }
  Node* o = make(Kind::MatchOr, loc_from(start));
  o->list(F(MatchOr, patterns)) = std::move(alts);
  return o;
}

// signed_number: NUMBER | '-' NUMBER
Node* Parser::signed_number() {
  const Tok& start = tok();
  if (accept(T::MINUS)) {
    if (!at(T::NUMBER)) return fail();
    Node* num = number(advance());
    Node* u = make(Kind::UnaryOp, loc_from(start));
    u->node(F(UnaryOp, op)) = ctx(Kind::USub);
    u->node(F(UnaryOp, operand)) = num;
    return u;
  }
  if (!at(T::NUMBER)) return fail();
  return number(advance());
}

// A literal usable in patterns and mapping keys: numbers (with complex
// sums), strings, None/True/False.  [ok] is false when none starts here.
Node* Parser::literal_expr(bool& ok) {
  ok = true;
  const Tok& start = tok();
  if (at(T::NUMBER) || (at(T::MINUS) && at(T::NUMBER, 1))) {
    Node* real = signed_number();
    if (!real) return nullptr;
    if (at(T::PLUS) || at(T::MINUS)) {
      Kind op = at(T::PLUS) ? Kind::Add : Kind::Sub;
      advance();
      if (!at(T::NUMBER)) return fail();
      Node* imag = number(advance());
      if (imag->constant(F(Constant, value)).kind != ast::Constant::Kind::kComplex) {
        return error_node(imag, "imaginary number required in complex literal");
      }
      Node* b = make(Kind::BinOp, loc_from(start));
      b->node(F(BinOp, left)) = real;
      b->node(F(BinOp, op)) = ctx(op);
      b->node(F(BinOp, right)) = imag;
      return b;
    }
    return real;
  }
  if (at(T::STRING)) return strings();
  if (at_kw("None") || at_kw("True") || at_kw("False")) return atom();
  ok = false;
  return nullptr;
}

Node* Parser::closed_pattern() {
  Depth d(*this);
  if (failed()) return {};
  const Tok& start = tok();
  bool is_literal = false;
  if (at_kw("None") || at_kw("True") || at_kw("False")) {
    Node* c = atom();
    Node* s = make(Kind::MatchSingleton, loc_from(start));
    s->fields[F(MatchSingleton, value)] = c->constant(F(Constant, value));
    return s;
  }
  if (Node* lit = literal_expr(is_literal)) {
    Node* v = make(Kind::MatchValue, loc_from(start));
    v->node(F(MatchValue, value)) = lit;
    return v;
  }
  if (is_literal || failed()) return nullptr;
  if (at(T::LPAR)) {
    const Tok& open = advance();
    if (accept(T::RPAR)) return make(Kind::MatchSequence, loc_from(open));
    Node* first = maybe_star_pattern();
    if (!first) return fail();
    if (accept(T::RPAR)) {
      if (first->kind == Kind::MatchStar) {
        Node* seq = make(Kind::MatchSequence, loc_from(open));
        seq->list(F(MatchSequence, patterns)).push_back(first);
        return seq;
      }
      return first;  // group pattern
    }
    if (!at(T::COMMA)) return fail();
    std::vector<Node*> items = {first};
    while (accept(T::COMMA)) {
      if (at(T::RPAR)) break;
      Node* p = maybe_star_pattern();
      if (!p) return fail();
      items.push_back(p);
    }
    if (!accept(T::RPAR)) return fail();
    Node* seq = make(Kind::MatchSequence, loc_from(open));
    seq->list(F(MatchSequence, patterns)) = std::move(items);
    return seq;
  }
  if (at(T::LSQB)) {
    const Tok& open = advance();
    std::vector<Node*> items;
    while (!at(T::RSQB)) {
      Node* p = maybe_star_pattern();
      if (!p) return fail();
      items.push_back(p);
      if (!accept(T::COMMA)) break;
    }
    if (!accept(T::RSQB)) return fail();
    Node* seq = make(Kind::MatchSequence, loc_from(open));
    seq->list(F(MatchSequence, patterns)) = std::move(items);
    return seq;
  }
  if (at(T::LBRACE)) return mapping_pattern(advance());
  if (at(T::NAME) && !is_keyword(tok().text)) return value_or_class_pattern();
  return fail();
}

// capture, wildcard, value (a.b.c) and class patterns.
Node* Parser::value_or_class_pattern() {
  const Tok& start = advance();
  Node* cls = name_node(start);
  bool dotted = false;
  while (at(T::DOT)) {
    advance();
    if (!at(T::NAME) || is_keyword(tok().text)) return fail();
    const Tok& attr = advance();
    Node* a = make(Kind::Attribute, loc_to_last(cls));
    a->node(F(Attribute, value)) = cls;
    a->str(F(Attribute, attr)) = std::string(attr.text);
    a->node(F(Attribute, ctx)) = ctx(Kind::Load);
    cls = a;
    dotted = true;
  }
  if (at(T::LPAR)) {
    advance();
    Node* c = make(Kind::MatchClass, {});
    c->node(F(MatchClass, cls)) = cls;
    auto& patterns = c->list(F(MatchClass, patterns));
    auto& kwd_attrs = std::get<std::vector<std::string>>(c->fields[F(MatchClass, kwd_attrs)]);
    auto& kwd_patterns = c->list(F(MatchClass, kwd_patterns));
    while (!at(T::RPAR)) {
      if (at(T::NAME) && at(T::EQUAL, 1)) {
        const Tok& key = advance();
        advance();
        Node* p = pattern();
        if (!p) return fail();
        kwd_attrs.push_back(std::string(key.text));
        kwd_patterns.push_back(p);
      } else {
        Node* p = pattern();
        if (!p) return fail();
        if (!kwd_attrs.empty()) {
          return error_node(p, "positional patterns follow keyword patterns");
        }
        patterns.push_back(p);
      }
      if (!accept(T::COMMA)) break;
    }
    if (!accept(T::RPAR)) return fail();
    c->loc = loc_from(start);
    return c;
  }
  if (dotted) {
    Node* v = make(Kind::MatchValue, loc_from(start));
    v->node(F(MatchValue, value)) = cls;
    return v;
  }
  Node* as = make(Kind::MatchAs, loc_from(start));
  if (start.text != "_") as->fields[F(MatchAs, name)] = std::string(start.text);
  return as;
}

Node* Parser::mapping_pattern(const Tok& open) {
  Node* m = make(Kind::MatchMapping, {});
  auto& keys = m->list(F(MatchMapping, keys));
  auto& patterns = m->list(F(MatchMapping, patterns));
  while (!at(T::RBRACE)) {
    if (accept(T::DOUBLESTAR)) {
      if (!at(T::NAME) || is_keyword(tok().text)) return fail();
      m->fields[F(MatchMapping, rest)] = std::string(advance().text);
      accept(T::COMMA);
      break;
    }
    bool is_literal = false;
    Node* key = literal_expr(is_literal);
    if (!is_literal) {
      // attr: name_or_attr '.' NAME
      if (!at(T::NAME) || is_keyword(tok().text)) return fail();
      const Tok& first = advance();
      key = name_node(first);
      bool dotted = false;
      while (accept(T::DOT)) {
        if (!at(T::NAME)) return fail();
        const Tok& attr = advance();
        Node* a = make(Kind::Attribute, loc_to_last(key));
        a->node(F(Attribute, value)) = key;
        a->str(F(Attribute, attr)) = std::string(attr.text);
        a->node(F(Attribute, ctx)) = ctx(Kind::Load);
        key = a;
        dotted = true;
      }
      if (!dotted) return fail();
    }
    if (!key) return fail();
    if (!accept(T::COLON)) return fail();
    Node* p = pattern();
    if (!p) return fail();
    keys.push_back(key);
    patterns.push_back(p);
    if (!accept(T::COMMA)) break;
  }
  if (!accept(T::RBRACE)) return fail();
  m->loc = loc_from(open);
  return m;
}

}  // namespace

ParseResult parse(const source::Source& original) {
  ParseResult result;
  result.arena = std::make_unique<ast::Arena>();
  // The C tokenizer reads with universal newlines.
  source::Source source = original;
  if (original.text.find('\r') != std::string::npos) {
    source.text = source::normalize_newlines(original.text);
  }
  std::vector<std::string_view> lines = source::split_lines(source.text);
  lex::TokenStream stream = lex::tokenize(source);
  ParserTokens prepared = prepare_tokens(stream, lines);
  result.warnings = prepared.warnings;
  if (prepared.toks.empty() || prepared.toks.back().type != T::ENDMARKER) {
    // Keep a terminator so the parser can always look one token ahead.
    Tok end{T::ENDMARKER, "", 0, 0, 0, 0, 0, 0};
    if (!prepared.toks.empty()) {
      const Tok& last = prepared.toks.back();
      end.line = end.end_line = last.end_line;
      end.col = end.end_col = last.end_col;
      end.ccol = end.end_ccol = last.end_ccol;
    }
    if (!prepared.error.present) {
      prepared.toks.push_back(end);
    } else {
      prepared.toks.push_back(end);
    }
  }
  Parser parser(prepared, lines, *result.arena);
  Node* module = parser.file();
  if (module && !parser.failed()) {
    result.ok = true;
    result.module = module;
    return result;
  }
  result.error = parser.take_error();
  return result;
}

}  // namespace pylife::parse
