// Code generation and assembly after CPython 3.11's Python/compile.c:
// the AST is walked into basic blocks of instructions (with pseudo jumps),
// the blocks are cleaned up (tuple folding, PUSH_NULL/LOAD_GLOBAL merging,
// jump threading, unreachable and empty block removal), laid out, and
// assembled into co_code with inline caches and EXTENDED_ARG.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>

#include "pylife/bigint.h"
#include "pylife/compile.h"
#include "pylife/numbers.h"
#include "pylife/opcodes.h"
#include "pylife/unicode.h"

namespace pylife::compile {

namespace {

using ast::Kind;
using ast::Node;
#define F(kind, name) PYLIFE_FIELD(kind, name)

// Pseudo-instructions resolved by the assembler (numbers above 255).
enum Pseudo : int {
  kJump = 256,        // JUMP_FORWARD / JUMP_BACKWARD
  kPopJumpIfFalse,    // POP_JUMP_{FORWARD,BACKWARD}_IF_FALSE
  kPopJumpIfTrue,     // POP_JUMP_{FORWARD,BACKWARD}_IF_TRUE
  kPopJumpIfNone,     // POP_JUMP_{FORWARD,BACKWARD}_IF_NONE
  kPopJumpIfNotNone,  // POP_JUMP_{FORWARD,BACKWARD}_IF_NOT_NONE
  // Exception handling: the handler block ([target]) covers what follows
  // up to the matching kPopBlock; the assembler turns them into the
  // exception table and NOPs.
  kSetupFinally,  // handler entered with the exception pushed
  kSetupCleanup,  // ... and the offset of the raising instruction (lasti)
  kSetupWith,     // as kSetupCleanup, for a with statement's __exit__
  kPopBlock,
  kJumpNoInterrupt,  // JUMP_FORWARD / JUMP_BACKWARD_NO_INTERRUPT
};

bool is_block_push(int op) { return op == kSetupFinally || op == kSetupCleanup || op == kSetupWith; }

struct Block;
Node* negatable_compare(Node* e, bool* invert);

struct Instr {
  int op;  // an Op, or a Pseudo
  int arg = 0;
  Block* target = nullptr;
  Position pos;
  Block* handler = nullptr;  // where an exception raised here goes (label_exception_targets)
};

struct Block {
  std::vector<Instr> instrs;
  Block* next = nullptr;  // layout order (fall-through)
  bool reachable = false;
  int offset = 0;  // in code units, set by the assembler
  int startdepth = -1;
  bool preserve_lasti = false;  // a handler entered with lasti pushed
  bool visited = false;
};

// [b], or the first non-empty block laid out after it (where a jump to
// an empty block really lands).
Block* first_live(Block* b) {
  while (b && b->instrs.empty()) b = b->next;
  return b;
}

bool is_scope_exit(int op) {
  return op == static_cast<int>(Op::RETURN_VALUE) || op == static_cast<int>(Op::RAISE_VARARGS) ||
         op == static_cast<int>(Op::RERAISE);
}
bool is_unconditional(int op) {
  return op == kJump || op == kJumpNoInterrupt || is_scope_exit(op);
}

// The unsupported-construct and compile errors.
struct Failure {
  std::string type = "SyntaxError";
  std::string msg;
  const Node* at = nullptr;
  bool unsupported = false;  // a pylife limitation, not a Python error
  std::optional<Position> pos = {};  // where the compiler was, instead of [at]
};

// One code object being compiled (compiler_unit).
struct Unit {
  const SymbolTable* ste = nullptr;
  std::shared_ptr<CodeObject> code = std::make_shared<CodeObject>();
  std::vector<std::unique_ptr<Block>> blocks;
  Block* first = nullptr;
  Block* current = nullptr;
  std::map<std::string, int> names, varnames;
  std::vector<std::string> cellvars, freevars;
  Position pos;  // location of what is being compiled
  std::string private_name;
  // The frame blocks being compiled (compiler_push_fblock): what a
  // return, break or continue must unwind on its way out.
  enum class FB { kWhile, kFor, kTryExcept, kFinallyTry, kFinallyEnd, kWith, kHandlerCleanup, kPopValue, kExceptionHandler, kAsyncWith };
  struct FBlock {
    FBlock(FB t, Block* b = nullptr, Block* e = nullptr, Node* n = nullptr, std::string nm = {})
        : type(t), block(b), exit(e), node(n), name(std::move(nm)) {}
    FB type;
    Block* block;
    Block* exit;
    Node* node;        // kFinallyTry: the Try; kWith: the With
    std::string name;  // kHandlerCleanup: the `as` name, if any
  };
  std::vector<FBlock> fblocks;
  int maxdepth = 0;
  bool async_scope = false;  // an async def's body (COMPILER_SCOPE_ASYNC_FUNCTION)
  bool comprehension_scope = false;  // a comprehension's code (COMPILER_SCOPE_COMPREHENSION)
};

class Codegen {
 public:
  Codegen(const SymbolTable& top, std::string_view filename,
          const std::vector<std::string_view>& lines)
      : top_(&top), filename_(filename), lines_(lines) {
    index(top);
  }

  CompileResult module(const Node* m, bool expression);

 private:
  void index(const SymbolTable& t) {
    if (t.node) tables_[t.node] = &t;
    for (const auto& c : t.children) index(*c);
  }

  // ---- units and blocks ------------------------------------------------------
  Unit& u() { return *units_.back(); }
  Block* new_block() {
    u().blocks.push_back(std::make_unique<Block>());
    return u().blocks.back().get();
  }
  // compiler_use_next_block: [b] follows the current block in layout.
  void use(Block* b) {
    u().current->next = b;
    u().current = b;
  }
  void emit(int op, int arg = 0, Block* target = nullptr) {
    u().current->instrs.push_back(Instr{op, arg, target, u().pos});
  }
  void emit_noline(int op, int arg = 0, Block* target = nullptr) {
    u().current->instrs.push_back(Instr{op, arg, target, Position{}});
  }
  void emit(Op op, int arg = 0) { emit(static_cast<int>(op), arg); }
  void set_pos(const Node* n) {
    if (ast::spec(n->kind).located) {
      u().pos =
          Position{n->loc.lineno, n->loc.end_lineno, n->loc.col_offset, n->loc.end_col_offset};
    }
  }

  int add_const(const Const& c) {
    auto& consts = u().code->consts;
    for (size_t i = 0; i < consts.size(); ++i) {
      if (consts[i].same(c)) return static_cast<int>(i);
    }
    consts.push_back(c);
    return static_cast<int>(consts.size() - 1);
  }
  int add_name(const std::string& name) {
    auto& m = u().names;
    auto it = m.find(name);
    if (it != m.end()) return it->second;
    int i = static_cast<int>(m.size());
    m[name] = i;
    u().code->names.push_back(name);
    return i;
  }
  int add_varname(const std::string& name) {
    auto& m = u().varnames;
    auto it = m.find(name);
    if (it != m.end()) return it->second;
    int i = static_cast<int>(m.size());
    m[name] = i;
    u().code->varnames.push_back(name);
    return i;
  }
  void load_const(const Const& c) { emit(Op::LOAD_CONST, add_const(c)); }
  void load_none() { load_const(Const{}); }

  bool fail(const Node* at, std::string msg) {
    if (!failure_) failure_ = Failure{"SyntaxError", std::move(msg), at};
    return false;
  }
  // compiler_error: at the location being compiled (as set by the last
  // pattern or statement), not at a particular node.
  bool fail_here(std::string msg) {
    if (!failure_) {
      failure_ = Failure{"SyntaxError", std::move(msg), nullptr};
      failure_->pos = u().pos;
    }
    return false;
  }
  bool unsupported(const Node* at) {
    if (!failure_) {
      failure_ = Failure{"SyntaxError",
                         "pylife cannot compile " + std::string(ast::spec(at->kind).name) +
                             " yet (the bytecode compiler is still growing)",
                         at, true};
    }
    return false;
  }

  void enter(const SymbolTable* ste, const std::string& name, const std::string& qualname,
             int firstlineno);
  std::shared_ptr<CodeObject> exit_scope();

  // ---- names -------------------------------------------------------------------
  // The provisional operand of a cell or free variable: its index among
  // co_cellvars, or ncells + its index among co_freevars; the assembler
  // turns it into a localsplus index (fix_cell_offsets).
  int deref_index(const std::string& name) {
    const auto& cells = u().cellvars;
    auto it = std::find(cells.begin(), cells.end(), name);
    if (it != cells.end()) return static_cast<int>(it - cells.begin());
    const auto& frees = u().freevars;
    auto jt = std::find(frees.begin(), frees.end(), name);
    return static_cast<int>(cells.size() + static_cast<size_t>(jt - frees.begin()));
  }
  bool name_op(const std::string& raw, Kind ctx, bool push_null_for_call = false);

  // ---- statements / expressions ----------------------------------------------------
  bool stmts(const std::vector<Node*>& body) {
    for (Node* s : body) {
      if (!stmt(s)) return false;
    }
    return true;
  }
  bool stmt(Node* s);
  bool expr(Node* e);
  bool assign_target(Node* t);
  bool jump_if(Node* e, Block* target, bool cond);
  bool compare(Node* e, bool invert);
  bool comparator(Node* e, size_t i);
  bool chain_links(Node* e, int jump, Block* cleanup);
  void compare_op(Kind op);
  bool iter_expr(Node* e);
  bool namespace_body(const std::vector<Node*>& body);
  std::string qualname_for(const std::string& name);
  bool class_def(Node* s);
  void make_closure(std::shared_ptr<CodeObject> code, const std::vector<std::string>& free,
                    int flags);
  bool call_supported(Node* at, const std::vector<Node*>& args, const std::vector<Node*>& keywords);
  bool call_helper(Node* at, int already, const std::vector<Node*>& args,
                   const std::vector<Node*>& keywords, int line = -1);
  bool call(Node* e);
  bool function(Node* s, bool lambda);
  bool try_except(Node* s);
  bool try_finally(Node* s);
  bool with(Node* s, size_t pos, bool async);
  bool async_for(Node* s);
  // compiler_add_yield_from: SEND until the iterator (or awaitable) is
  // exhausted, yielding what it yields.
  void add_yield_from(bool await) {
    Block* start = new_block();
    Block* resume = new_block();
    Block* exit = new_block();
    use(start);
    emit(static_cast<int>(Op::SEND), 0, exit);
    use(resume);
    emit(Op::YIELD_VALUE);
    emit(Op::RESUME, await ? 3 : 2);
    emit(kJumpNoInterrupt, 0, start);
    use(exit);
  }
  // GET_AWAITABLE [where], then await it.
  void await_result(int where) {
    emit(Op::GET_AWAITABLE, where);
    load_none();
    add_yield_from(true);
  }
  bool unwind_fblock(const Unit::FBlock& info, bool preserve_tos);
  bool unwind_fblock_stack(bool preserve_tos, std::optional<Unit::FBlock>* loop);
  void pop_except_and_reraise() {
    emit(Op::COPY, 3);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 1);
  }
  void unset_loc() { u().pos = Position{}; }
  // update_start_location_to_match_attr: an attribute spanning lines is
  // located at its last line, where the attribute name is.
  void attr_location(const Node* e) {
    Position& p = u().pos;
    if (p.line != e->loc.end_lineno) {
      p.line = e->loc.end_lineno;
      int len = static_cast<int>(unicode::count_code_points(const_cast<Node*>(e)->str(F(Attribute, attr))));
      if (len <= e->loc.end_col_offset) {
        p.col = e->loc.end_col_offset - len;
      } else {
        p.col = p.end_col = -1;
      }
      p.end_line = std::max(p.line, p.end_line);
    }
  }
  void label_exception_targets(Unit& unit);
  void clean_block(std::vector<Block*>& order, size_t bi);
  bool sequence(Node* e, Op build, size_t elts_field);
  bool starunpack(const std::vector<Node*>& elts, int pushed, Op build, Op add, Op extend, bool tuple);
  bool comprehension(Node* e, int type);
  // ---- match (compiler_match and the compiler_pattern_* family) ------------
  struct PatternContext {
    std::vector<std::string> stores;  // names captured so far, on the stack
    bool allow_irrefutable = false;
    std::vector<Block*> fail_pop;  // fail_pop[n]: pops n items, then fails
    int on_top = 0;                // items above the stores to keep
  };
  bool match_stmt(Node* s);
  bool pattern(Node* p, PatternContext& pc);
  bool pattern_subpattern(Node* p, PatternContext& pc);
  bool pattern_store_name(const std::string* name, PatternContext& pc);
  void pattern_rotate(int count) {
    while (1 < count) emit(Op::SWAP, count--);
  }
  void ensure_fail_pop(PatternContext& pc, size_t n) {
    while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_block());
  }
  void jump_to_fail_pop(PatternContext& pc, int op) {
    size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
    ensure_fail_pop(pc, pops);
    emit(op, 0, pc.fail_pop[pops]);
    use(new_block());  // a jump ends its basic block
  }
  void emit_and_reset_fail_pop(PatternContext& pc) {
    for (size_t n = pc.fail_pop.size(); n-- > 1;) {
      use(pc.fail_pop[n]);
      emit(Op::POP_TOP);
    }
    if (!pc.fail_pop.empty()) use(pc.fail_pop[0]);
    pc.fail_pop.clear();
  }
  bool pattern_sequence(Node* p, PatternContext& pc);
  bool pattern_mapping(Node* p, PatternContext& pc);
  bool pattern_class(Node* p, PatternContext& pc);
  bool pattern_or(Node* p, PatternContext& pc);
  bool comprehension_generator(const std::vector<Node*>& gens, size_t index, int depth, Node* elt,
                               Node* val, int type);
  bool async_comprehension_generator(const std::vector<Node*>& gens, size_t index, int depth,
                                     Node* elt, Node* val, int type);
  bool comprehension_element(int depth, Node* elt, Node* val, int type);
  bool percent_format(Node* e, bool* applied);
  bool annotations(Node* args, Node* returns, int* count);
  bool docstring(const std::vector<Node*>& body, std::string* doc);

  // ---- assembly ------------------------------------------------------------------------
  void optimize(Unit& unit);
  void lines_and_exits(Unit& unit);
  bool assemble(Unit& unit);

  const SymbolTable* top_;
  std::string filename_;
  const std::vector<std::string_view>& lines_;
  std::unordered_map<const Node*, const SymbolTable*> tables_;
  std::vector<std::unique_ptr<Unit>> units_;
  std::optional<Failure> failure_;
  std::vector<parse::Warning> warnings_;

  // compiler_warn: a SyntaxWarning at the line being compiled.
  void warn(std::string msg) { warnings_.push_back({"SyntaxWarning", std::move(msg), u().pos.line}); }
  void check_caller(Node* e);
  void check_subscript(Node* e);
  void check_compare(Node* e);
};

// ============================================================================
// Scopes
// ============================================================================

void Codegen::enter(const SymbolTable* ste, const std::string& name, const std::string& qualname,
                    int firstlineno) {
  auto unit = std::make_unique<Unit>();
  unit->ste = ste;
  unit->code->name = name;
  unit->code->qualname = qualname;
  unit->code->filename = filename_;
  unit->code->firstlineno = firstlineno;
  if (!units_.empty()) unit->private_name = units_.back()->private_name;
  units_.push_back(std::move(unit));
  for (const auto& p : ste->varnames) add_varname(p);
  // co_cellvars / co_freevars are sorted by name (dictbytype).
  for (const auto& sym : ste->symbols) {
    if (sym.scope == Scope::kCell) u().cellvars.push_back(sym.name);
    // A class also passes on names its methods use freely but it binds
    // itself (DEF_FREE_CLASS).
    if (sym.scope == Scope::kFree || (sym.flags & kDefFreeClass)) u().freevars.push_back(sym.name);
  }
  if (ste->type == BlockType::kClass && ste->needs_class_closure)
    u().cellvars.push_back("__class__");
  std::sort(u().cellvars.begin(), u().cellvars.end());
  std::sort(u().freevars.begin(), u().freevars.end());
  u().first = new_block();
  u().current = u().first;
  u().pos = Position{ste->type == BlockType::kModule ? 0 : firstlineno, -1, -1, -1};
  if (ste->type == BlockType::kModule) u().pos = Position{0, 0, 0, 0};
  emit(Op::RESUME, 0);
}

std::shared_ptr<CodeObject> Codegen::exit_scope() {
  Unit& unit = u();
  CodeObject& code = *unit.code;
  code.cellvars = unit.cellvars;
  code.freevars = unit.freevars;
  optimize(unit);
  if (!assemble(unit)) return nullptr;
  auto result = unit.code;
  units_.pop_back();
  return result;
}

bool Codegen::name_op(const std::string& raw, Kind ctx, bool push_null_for_call) {
  std::string name = mangle(u().private_name, raw);
  const Symbol* sym = u().ste->lookup(name);
  Scope scope = sym ? sym->scope : Scope::kNone;
  bool function = u().ste->type == BlockType::kFunction;
  enum { kName, kFast, kGlobal, kDeref } optype = kName;
  switch (scope) {
    case Scope::kFree:
    case Scope::kCell: optype = kDeref; break;
    case Scope::kLocal:
      if (function) optype = kFast;
      break;
    case Scope::kGlobalImplicit:
      if (function) optype = kGlobal;
      break;
    case Scope::kGlobalExplicit: optype = kGlobal; break;
    default: break;
  }
  if (push_null_for_call && optype != kGlobal) emit(Op::PUSH_NULL);
  switch (optype) {
    case kDeref: {
      Op op = ctx == Kind::Load
                  ? (u().ste->type == BlockType::kClass ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF)
              : ctx == Kind::Store ? Op::STORE_DEREF
                                   : Op::DELETE_DEREF;
      emit(op, deref_index(name));
      return true;
    }
    case kFast: {
      int i = add_varname(name);
      emit(ctx == Kind::Load    ? Op::LOAD_FAST
           : ctx == Kind::Store ? Op::STORE_FAST
                                : Op::DELETE_FAST,
           i);
      return true;
    }
    case kGlobal: {
      int i = add_name(name);
      if (ctx == Kind::Load) {
        emit(Op::LOAD_GLOBAL, (i << 1) | (push_null_for_call ? 1 : 0));
      } else {
        emit(ctx == Kind::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, i);
      }
      return true;
    }
    default: {
      int i = add_name(name);
      emit(ctx == Kind::Load    ? Op::LOAD_NAME
           : ctx == Kind::Store ? Op::STORE_NAME
                                : Op::DELETE_NAME,
           i);
      return true;
    }
  }
}

// ============================================================================
// Constant folding (Python/ast_opt.c: fold_unaryop, fold_binop, fold_tuple)
// ============================================================================

namespace fold {

using pylife::BigInt;

constexpr uint64_t kMaxIntSize = 128;  // bits
constexpr size_t kMaxStrSize = 4096;   // characters
constexpr size_t kMaxCollectionSize = 256;
constexpr uint64_t kMaxTotalItems = 1024;

// check_complexity: items in [c], nested tuples counted through.
uint64_t count_items(const Const& c) {
  uint64_t n = c.items.size();
  for (const Const& x : c.items) {
    if (x.kind == Const::Kind::kTuple) n += count_items(x);
  }
  return n;
}

// A folded constant, or nothing when CPython would not fold.
std::optional<Const> unary(Kind op, const Const& v) {
  if (op == Kind::Not) {
    bool truth = true;
    switch (v.kind) {
      case Const::Kind::kNone:
      case Const::Kind::kFalse: truth = false; break;
      case Const::Kind::kInt: truth = v.text != "0"; break;
      case Const::Kind::kFloat: truth = v.number != 0; break;
      case Const::Kind::kComplex: truth = v.number != 0 || v.real != 0; break;
      case Const::Kind::kStr:
      case Const::Kind::kBytes: truth = !v.text.empty(); break;
      case Const::Kind::kTuple: truth = !v.items.empty(); break;
      default: break;
    }
    Const r;
    r.kind = truth ? Const::Kind::kFalse : Const::Kind::kTrue;
    return r;
  }
  Const r = v;
  if (v.kind == Const::Kind::kInt) {
    std::string e;
    BigInt x = *BigInt::parse(v.text, 10, &e);
    if (op == Kind::USub)
      x = -x;
    else if (op == Kind::Invert)
      x = ~x;
    r.text = x.to_string();
    return r;
  }
  if (v.kind == Const::Kind::kTrue || v.kind == Const::Kind::kFalse) {
    int x = v.kind == Const::Kind::kTrue;
    if (op == Kind::USub)
      x = -x;
    else if (op == Kind::Invert)
      x = ~x;
    r.kind = Const::Kind::kInt;
    r.text = std::to_string(x);
    return r;
  }
  if ((v.kind == Const::Kind::kFloat || v.kind == Const::Kind::kComplex) && op != Kind::Invert) {
    if (op == Kind::USub) {
      r.number = -v.number;
      if (v.kind == Const::Kind::kComplex) r.real = -v.real;
    }
    return r;
  }
  return std::nullopt;
}

std::optional<Const> numeric_binary(Kind op, const Const& a, const Const& b);

std::optional<Const> binary(Kind op, const Const& a, const Const& b) {
  auto is_bool = [](const Const& c) { return c.kind == Const::Kind::kTrue || c.kind == Const::Kind::kFalse; };
  auto numeric = [&](const Const& c) {
    return c.kind == Const::Kind::kInt || c.kind == Const::Kind::kFloat ||
           c.kind == Const::Kind::kComplex || is_bool(c);
  };
  auto is_int = [](const Const& c) { return c.kind == Const::Kind::kInt; };
  if (numeric(a) && numeric(b)) {
    bool negative_power = op == Kind::Pow && is_int(b) && !b.text.empty() && b.text[0] == '-';
    if (!is_int(a) || !is_int(b) || negative_power) return numeric_binary(op, a, b);
  }
  std::string e;
  if (is_int(a) && is_int(b)) {
    BigInt x = *BigInt::parse(a.text, 10, &e), y = *BigInt::parse(b.text, 10, &e);
    uint64_t xb = x.bit_length(), yb = y.bit_length();
    Const r;
    r.kind = Const::Kind::kInt;
    BigInt q, m;
    switch (op) {
      case Kind::Add: r.text = (x + y).to_string(); return r;
      case Kind::Sub: r.text = (x - y).to_string(); return r;
      case Kind::Mult:
        if (!x.is_zero() && !y.is_zero() &&
            (xb > kMaxIntSize || yb > kMaxIntSize || xb + yb > kMaxIntSize)) {
          return std::nullopt;
        }
        r.text = (x * y).to_string();
        return r;
      case Kind::FloorDiv:
      case Kind::Mod:
        if (y.is_zero()) return std::nullopt;
        BigInt::divmod(x, y, q, m);
        r.text = (op == Kind::FloorDiv ? q : m).to_string();
        return r;
      case Kind::Pow: {
        if (y.negative() || !y.fits_int64()) return std::nullopt;
        uint64_t n = static_cast<uint64_t>(y.to_int64());
        if (!x.is_zero() && n > 0 && xb > kMaxIntSize / n) return std::nullopt;
        r.text = x.pow(n).to_string();
        return r;
      }
      case Kind::LShift:
        if (y.negative() || !y.fits_int64()) return std::nullopt;
        if (!x.is_zero() &&
            (yb > kMaxIntSize || xb + static_cast<uint64_t>(y.to_int64()) > kMaxIntSize)) {
          return std::nullopt;
        }
        r.text = x.shift_left(static_cast<uint64_t>(y.to_int64())).to_string();
        return r;
      case Kind::RShift:
        if (y.negative() || !y.fits_int64()) return std::nullopt;
        r.text = x.shift_right(static_cast<uint64_t>(y.to_int64())).to_string();
        return r;
      case Kind::BitAnd: r.text = (x & y).to_string(); return r;
      case Kind::BitOr: r.text = (x | y).to_string(); return r;
      case Kind::BitXor: r.text = (x ^ y).to_string(); return r;
      case Kind::Div: {
        if (y.is_zero()) return std::nullopt;
        bool overflow = false;
        double d = BigInt::true_divide(x, y, &overflow);
        if (overflow) return std::nullopt;
        r.kind = Const::Kind::kFloat;
        r.number = d;
        return r;
      }
      default: return std::nullopt;
    }
  }
  // Sequences: + without a size limit (PyNumber_Add), * by an int within
  // safe_multiply's limits.
  auto is_intlike = [&](const Const& c) {
    return is_int(c) || c.kind == Const::Kind::kTrue || c.kind == Const::Kind::kFalse;
  };
  auto is_seq = [](const Const& c) {
    return c.kind == Const::Kind::kStr || c.kind == Const::Kind::kBytes ||
           c.kind == Const::Kind::kTuple;
  };
  if (op == Kind::Add && is_seq(a) && a.kind == b.kind) {
    Const r = a;
    r.text += b.text;
    r.items.insert(r.items.end(), b.items.begin(), b.items.end());
    return r;
  }
  if (op == Kind::Mult && is_intlike(a) && is_seq(b)) return binary(op, b, a);
  if (op == Kind::Mult && is_seq(a) && is_intlike(b)) {
    int64_t n = b.kind == Const::Kind::kTrue ? 1 : 0;
    if (is_int(b)) {
      BigInt y = *BigInt::parse(b.text, 10, &e);
      if (!y.fits_int64()) return std::nullopt;
      n = y.to_int64();
    }
    size_t size = a.kind == Const::Kind::kTuple ? a.items.size()
                  : a.kind == Const::Kind::kStr ? unicode::count_code_points(a.text)
                                                : a.text.size();
    if (size) {
      size_t limit = a.kind == Const::Kind::kTuple ? kMaxCollectionSize : kMaxStrSize;
      if (n < 0 || static_cast<uint64_t>(n) > limit / size) return std::nullopt;
      if (a.kind == Const::Kind::kTuple && n &&
          count_items(a) > kMaxTotalItems / static_cast<uint64_t>(n)) {
        return std::nullopt;
      }
    }
    Const r = a;
    r.text.clear();
    r.items.clear();
    for (int64_t k = 0; k < n; ++k) {
      r.text += a.text;
      r.items.insert(r.items.end(), a.items.begin(), a.items.end());
    }
    return r;
  }
  return std::nullopt;
}

// fold_subscr: a constant tuple, str or bytes indexed by a constant int.
std::optional<Const> subscript(const Const& v, const Const& index) {
  int64_t i = 0;
  if (index.kind == Const::Kind::kTrue || index.kind == Const::Kind::kFalse) {
    i = index.kind == Const::Kind::kTrue;
  } else if (index.kind == Const::Kind::kInt) {
    std::string e;
    BigInt x = *BigInt::parse(index.text, 10, &e);
    if (!x.fits_int64()) return std::nullopt;  // IndexError at run time
    i = x.to_int64();
  } else {
    return std::nullopt;
  }
  auto normalize = [&](size_t n) -> std::optional<size_t> {
    int64_t k = i < 0 ? i + static_cast<int64_t>(n) : i;
    if (k < 0 || k >= static_cast<int64_t>(n)) return std::nullopt;
    return static_cast<size_t>(k);
  };
  if (v.kind == Const::Kind::kTuple) {
    auto k = normalize(v.items.size());
    if (!k) return std::nullopt;
    return v.items[*k];
  }
  if (v.kind == Const::Kind::kBytes) {
    auto k = normalize(v.text.size());
    if (!k) return std::nullopt;
    Const r;
    r.kind = Const::Kind::kInt;
    r.text = std::to_string(static_cast<unsigned char>(v.text[*k]));
    return r;
  }
  if (v.kind == Const::Kind::kStr) {
    std::vector<size_t> starts;  // byte offset of each code point
    for (size_t b = 0; b < v.text.size(); ++b) {
      if ((static_cast<unsigned char>(v.text[b]) & 0xC0) != 0x80) starts.push_back(b);
    }
    auto k = normalize(starts.size());
    if (!k) return std::nullopt;
    size_t end = *k + 1 < starts.size() ? starts[*k + 1] : v.text.size();
    Const r;
    r.kind = Const::Kind::kStr;
    r.text = v.text.substr(starts[*k], end - starts[*k]);
    return r;
  }
  return std::nullopt;
}

// Arithmetic CPython's constant folder does on numbers other than int <op>
// int: bools, floats, complex numbers and negative int powers (through the
// same functions the runtime uses).
std::optional<Const> numeric_binary(Kind op, const Const& a, const Const& b) {
  auto is_bool = [](const Const& c) { return c.kind == Const::Kind::kTrue || c.kind == Const::Kind::kFalse; };
  if (is_bool(a) && is_bool(b) && (op == Kind::BitAnd || op == Kind::BitOr || op == Kind::BitXor)) {
    bool x = a.kind == Const::Kind::kTrue, y = b.kind == Const::Kind::kTrue;
    bool r = op == Kind::BitAnd ? (x && y) : op == Kind::BitOr ? (x || y) : (x != y);
    Const c;
    c.kind = r ? Const::Kind::kTrue : Const::Kind::kFalse;
    return c;
  }
  auto as_int = [&](const Const& c) {
    if (!is_bool(c)) return c;
    Const i;
    i.kind = Const::Kind::kInt;
    i.text = c.kind == Const::Kind::kTrue ? "1" : "0";
    return i;
  };
  Const x = as_int(a), y = as_int(b);
  std::string e;
  auto to_double = [&](const Const& c, bool& ok) {
    if (c.kind == Const::Kind::kFloat) return c.number;
    bool overflow = false;
    double d = BigInt::parse(c.text, 10, &e)->to_double(&overflow);
    ok = ok && !overflow;
    return d;
  };
  if (x.kind == Const::Kind::kComplex || y.kind == Const::Kind::kComplex) {
    bool ok = true;
    auto to_complex = [&](const Const& c) {
      if (c.kind == Const::Kind::kComplex) return num::Complex{c.real, c.number};
      return num::Complex{to_double(c, ok), 0.0};
    };
    num::Complex p = to_complex(x), q = to_complex(y), r;
    if (!ok) return std::nullopt;
    switch (op) {
      case Kind::Add: r = num::c_sum(p, q); break;
      case Kind::Sub: r = num::c_diff(p, q); break;
      case Kind::Mult: r = num::c_prod(p, q); break;
      case Kind::Div:
        if (!num::c_quot(p, q, &r)) return std::nullopt;
        break;
      case Kind::Pow:
        if (num::c_pow(p, q, &r) != 1) return std::nullopt;
        break;
      default: return std::nullopt;
    }
    Const c;
    c.kind = Const::Kind::kComplex;
    c.real = r.re;
    c.number = r.im;
    return c;
  }
  if (x.kind == Const::Kind::kInt && y.kind == Const::Kind::kInt) {
    bool negative_power = op == Kind::Pow && !y.text.empty() && y.text[0] == '-';
    if (!negative_power) return binary(op, x, y);
  }
  bool ok = true;
  double p = to_double(x, ok), q = to_double(y, ok);
  if (!ok) return std::nullopt;
  Const c;
  c.kind = Const::Kind::kFloat;
  switch (op) {
    case Kind::Add: c.number = p + q; break;
    case Kind::Sub: c.number = p - q; break;
    case Kind::Mult: c.number = p * q; break;
    case Kind::Div:
      if (q == 0) return std::nullopt;
      c.number = p / q;
      break;
    case Kind::FloorDiv:
      if (q == 0) return std::nullopt;
      c.number = num::float_floordiv(p, q);
      break;
    case Kind::Mod:
      if (q == 0) return std::nullopt;
      c.number = num::float_mod(p, q);
      break;
    case Kind::Pow: {
      double r;
      auto res = num::float_pow(p, q, &r);
      if (res == num::PowResult::kComplex) {
        num::Complex z;
        if (num::c_pow({p, 0}, {q, 0}, &z) != 1) return std::nullopt;
        c.kind = Const::Kind::kComplex;
        c.real = z.re;
        c.number = z.im;
        return c;
      }
      if (res != num::PowResult::kOk) return std::nullopt;
      c.number = r;
      break;
    }
    default:
      if (x.kind == Const::Kind::kInt && y.kind == Const::Kind::kInt) return binary(op, x, y);
      return std::nullopt;
  }
  return c;
}

}  // namespace fold

// The constant value of [e] after folding, if it folds.
std::optional<Const> constant_of(Node* e) {
  switch (e->kind) {
    case Kind::Constant: return Const::from_ast(e->constant(F(Constant, value)));
    case Kind::Name:
      // ast_opt: __debug__ is the constant True (no -O).
      if (e->str(F(Name, id)) == "__debug__" && e->node(F(Name, ctx))->kind == Kind::Load) {
        Const t;
        t.kind = Const::Kind::kTrue;
        return t;
      }
      return std::nullopt;
    case Kind::UnaryOp: {
      auto v = constant_of(e->node(F(UnaryOp, operand)));
      if (!v) return std::nullopt;
      return fold::unary(e->node(F(UnaryOp, op))->kind, *v);
    }
    case Kind::BinOp: {
      auto a = constant_of(e->node(F(BinOp, left)));
      if (!a) return std::nullopt;
      auto b = constant_of(e->node(F(BinOp, right)));
      if (!b) return std::nullopt;
      return fold::binary(e->node(F(BinOp, op))->kind, *a, *b);
    }
    case Kind::Subscript: {
      if (e->node(F(Subscript, ctx))->kind != Kind::Load) return std::nullopt;
      auto v = constant_of(e->node(F(Subscript, value)));
      if (!v) return std::nullopt;
      auto index = constant_of(e->node(F(Subscript, slice)));
      if (!index) return std::nullopt;
      return fold::subscript(*v, *index);
    }
    case Kind::Tuple: {
      if (e->node(F(Tuple, ctx))->kind != Kind::Load) return std::nullopt;
      Const t;
      t.kind = Const::Kind::kTuple;
      for (Node* x : e->list(F(Tuple, elts))) {
        if (x->kind == Kind::Starred) return std::nullopt;
        auto v = constant_of(x);
        if (!v) return std::nullopt;
        t.items.push_back(*v);
      }
      return t;
    }
    default: return std::nullopt;
  }
}

// ============================================================================
// Expressions
// ============================================================================

// BINARY_OP's oparg (_nb_ops order) for an operator node kind.
int binary_oparg(Kind op, bool inplace) {
  int base;
  switch (op) {
    case Kind::Add: base = 0; break;
    case Kind::BitAnd: base = 1; break;
    case Kind::FloorDiv: base = 2; break;
    case Kind::LShift: base = 3; break;
    case Kind::MatMult: base = 4; break;
    case Kind::Mult: base = 5; break;
    case Kind::Mod: base = 6; break;
    case Kind::BitOr: base = 7; break;
    case Kind::Pow: base = 8; break;
    case Kind::RShift: base = 9; break;
    case Kind::Sub: base = 10; break;
    case Kind::Div: base = 11; break;
    default: base = 12; break;  // BitXor
  }
  return inplace ? base + 13 : base;
}

bool Codegen::expr(Node* e) {
  Position saved = u().pos;
  set_pos(e);
  bool ok = true;
  if (auto folded = constant_of(e); folded && e->kind != Kind::Constant) {
    load_const(*folded);
    u().pos = saved;
    return true;
  }
  switch (e->kind) {
    case Kind::Constant: load_const(Const::from_ast(e->constant(F(Constant, value)))); break;
    case Kind::Name: ok = name_op(e->str(F(Name, id)), e->node(F(Name, ctx))->kind); break;
    case Kind::BinOp: {
      Node* left = e->node(F(BinOp, left));
      Node* right = e->node(F(BinOp, right));
      bool applied = false;
      if (!percent_format(e, &applied)) return false;
      if (applied) break;
      ok = expr(left) && expr(right);
      set_pos(e);
      emit(Op::BINARY_OP, binary_oparg(e->node(F(BinOp, op))->kind, false));
      break;
    }
    case Kind::UnaryOp: {
      if (bool invert; Node* c = negatable_compare(e, &invert)) {
        ok = compare(c, invert);
        break;
      }
      ok = expr(e->node(F(UnaryOp, operand)));
      set_pos(e);
      Kind op = e->node(F(UnaryOp, op))->kind;
      emit(op == Kind::USub     ? Op::UNARY_NEGATIVE
           : op == Kind::UAdd   ? Op::UNARY_POSITIVE
           : op == Kind::Invert ? Op::UNARY_INVERT
                                : Op::UNARY_NOT);
      break;
    }
    case Kind::BoolOp: {
      Block* end = new_block();
      auto& values = e->list(F(BoolOp, values));
      bool is_and = e->node(F(BoolOp, op))->kind == Kind::And;
      for (size_t i = 0; i + 1 < values.size(); ++i) {
        if (!expr(values[i])) return false;
        set_pos(e);
        emit(static_cast<int>(is_and ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP), 0, end);
        use(new_block());
      }
      ok = expr(values.back());
      use(end);
      break;
    }
    case Kind::Compare: ok = compare(e, false); break;
    case Kind::Call: ok = call(e); break;
    case Kind::Attribute: {
      ok = expr(e->node(F(Attribute, value)));
      set_pos(e);
      attr_location(e);
      int i = add_name(mangle(u().private_name, e->str(F(Attribute, attr))));
      Kind ctx = e->node(F(Attribute, ctx))->kind;
      emit(ctx == Kind::Load    ? Op::LOAD_ATTR
           : ctx == Kind::Store ? Op::STORE_ATTR
                                : Op::DELETE_ATTR,
           i);
      break;
    }
    case Kind::Subscript: {
      if (e->node(F(Subscript, ctx))->kind == Kind::Load) check_subscript(e);
      ok = expr(e->node(F(Subscript, value))) && expr(e->node(F(Subscript, slice)));
      set_pos(e);
      Kind ctx = e->node(F(Subscript, ctx))->kind;
      emit(ctx == Kind::Load    ? Op::BINARY_SUBSCR
           : ctx == Kind::Store ? Op::STORE_SUBSCR
                                : Op::DELETE_SUBSCR);
      break;
    }
    case Kind::Slice: {
      int n = 2;
      for (size_t f : {F(Slice, lower), F(Slice, upper)}) {
        if (Node* x = e->opt(f)) {
          ok = ok && expr(x);
        } else {
          load_none();
        }
      }
      if (Node* step = e->opt(F(Slice, step))) {
        ok = ok && expr(step);
        n = 3;
      }
      emit(Op::BUILD_SLICE, n);
      break;
    }
    case Kind::List: ok = sequence(e, Op::BUILD_LIST, F(List, elts)); break;
    case Kind::Tuple: ok = sequence(e, Op::BUILD_TUPLE, F(Tuple, elts)); break;
    case Kind::Set: ok = sequence(e, Op::BUILD_SET, F(Set, elts)); break;
    case Kind::Dict: {
      // compiler_dict: runs of key: value pairs (compiler_subdict) merged
      // with ** mappings by DICT_UPDATE.
      auto& keys = e->list(F(Dict, keys));
      auto& values = e->list(F(Dict, values));
      size_t n = values.size();
      bool have_dict = false;
      size_t elements = 0;
      auto subdict = [&](size_t begin, size_t end) {
        // compiler_subdict: past STACK_USE_GUIDELINE, item by item.
        size_t count = end - begin;
        bool big = count * 2 > 30;
        Const key_tuple;
        key_tuple.kind = Const::Kind::kTuple;
        bool const_keys = count > 1 && !big;
        for (size_t i = begin; const_keys && i < end; ++i) {
          auto v = constant_of(keys[i]);
          if (!v) const_keys = false;
          else key_tuple.items.push_back(*v);
        }
        if (const_keys) {
          for (size_t i = begin; i < end; ++i) {
            if (!expr(values[i])) return false;
          }
          set_pos(e);
          load_const(key_tuple);
          emit(Op::BUILD_CONST_KEY_MAP, static_cast<int>(count));
          return true;
        }
        if (big) {
          set_pos(e);
          emit(Op::BUILD_MAP, 0);
        }
        for (size_t i = begin; i < end; ++i) {
          if (!expr(keys[i]) || !expr(values[i])) return false;
          if (big) {
            set_pos(e);
            emit(Op::MAP_ADD, 1);
          }
        }
        set_pos(e);
        if (!big) emit(Op::BUILD_MAP, static_cast<int>(count));
        return true;
      };
      for (size_t i = 0; i < n; ++i) {
        if (!keys[i]) {
          if (elements) {
            if (!subdict(i - elements, i)) return false;
            if (have_dict) emit(Op::DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
          }
          if (!have_dict) {
            emit(Op::BUILD_MAP, 0);
            have_dict = true;
          }
          if (!expr(values[i])) return false;
          set_pos(e);
          emit(Op::DICT_UPDATE, 1);
        } else if (elements * 2 > 30) {
          if (!subdict(i - elements, i + 1)) return false;
          if (have_dict) emit(Op::DICT_UPDATE, 1);
          have_dict = true;
          elements = 0;
        } else {
          ++elements;
        }
      }
      if (elements) {
        if (!subdict(n - elements, n)) return false;
        if (have_dict) emit(Op::DICT_UPDATE, 1);
        have_dict = true;
      }
      if (!have_dict) emit(Op::BUILD_MAP, 0);
      break;
    }
    case Kind::IfExp: {
      Block* next = new_block();
      Block* end = new_block();
      if (!jump_if(e->node(F(IfExp, test)), next, false)) return false;
      if (!expr(e->node(F(IfExp, body)))) return false;
      emit_noline(kJump, 0, end);
      use(next);
      ok = expr(e->node(F(IfExp, orelse)));
      use(end);
      break;
    }
    case Kind::Lambda: ok = function(e, true); break;
    case Kind::NamedExpr: {
      // compiler_visit_expr1: the value, kept on the stack and stored.
      if (!expr(e->node(F(NamedExpr, value)))) return false;
      set_pos(e);
      emit(Op::COPY, 1);
      Node* target = e->node(F(NamedExpr, target));
      if (!name_op(target->str(F(Name, id)), Kind::Store)) return false;
      break;
    }
    case Kind::ListComp: ok = comprehension(e, 0); break;
    case Kind::GeneratorExp: ok = comprehension(e, 3); break;
    case Kind::YieldFrom: {
      if (u().ste->type != BlockType::kFunction) return fail(e, "'yield' outside function");
      if (u().async_scope) return fail(e, "'yield from' inside async function");
      if (!expr(e->node(F(YieldFrom, value)))) return false;
      set_pos(e);
      emit(Op::GET_YIELD_FROM_ITER);
      load_none();
      add_yield_from(false);
      break;
    }
    case Kind::Await: {
      if (u().ste->type != BlockType::kFunction) return fail(e, "'await' outside function");
      if (!u().async_scope && !u().comprehension_scope) return fail(e, "'await' outside async function");
      if (!expr(e->node(F(Await, value)))) return false;
      set_pos(e);
      emit(Op::GET_AWAITABLE, 0);
      load_none();
      add_yield_from(true);
      break;
    }
    case Kind::Yield: {
      if (u().ste->type != BlockType::kFunction) return fail(e, "'yield' outside function");
      if (Node* v = e->opt(F(Yield, value))) {
        if (!expr(v)) return false;
      } else {
        load_none();
      }
      set_pos(e);
      // addop_yield: an async generator wraps what it yields, so the
      // value reaches `async for` and not the event loop.
      if (u().ste->generator && u().ste->coroutine) emit(Op::ASYNC_GEN_WRAP);
      emit(Op::YIELD_VALUE);
      emit(Op::RESUME, 1);
      break;
    }
    case Kind::SetComp: ok = comprehension(e, 1); break;
    case Kind::DictComp: ok = comprehension(e, 2); break;
    case Kind::JoinedStr: {
      auto& values = e->list(F(JoinedStr, values));
      for (Node* v : values) {
        if (!expr(v)) return false;
      }
      set_pos(e);
      if (values.size() > 30) return unsupported(e);  // str.join form past STACK_USE_GUIDELINE
      if (values.size() != 1) emit(Op::BUILD_STRING, static_cast<int>(values.size()));
      break;
    }
    case Kind::FormattedValue: {
      if (!expr(e->node(F(FormattedValue, value)))) return false;
      long long conv = e->integer(F(FormattedValue, conversion));
      int oparg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
      if (Node* spec = e->opt(F(FormattedValue, format_spec))) {
        if (!expr(spec)) return false;
        oparg |= 4;
      }
      set_pos(e);
      emit(Op::FORMAT_VALUE, oparg);
      break;
    }
    default: return unsupported(e);
  }
  u().pos = saved;
  return ok;
}

// BUILD_LIST/TUPLE/SET, with 3.11's constant shortcut for three or more
// constant items (BUILD_LIST 0, LOAD_CONST tuple, LIST_EXTEND 1).
// fold_iter: a list display iterated over (or tested with in / not in)
// is built as a tuple, constant if its items are; a constant set would
// be a frozenset constant, which this compiler does not make yet.
bool Codegen::iter_expr(Node* e) {
  if (e->kind == Kind::List) {
    auto& elts = e->list(F(List, elts));
    bool starred = false;
    for (Node* x : elts) starred = starred || x->kind == Kind::Starred;
    if (!starred) {
      Const t;
      t.kind = Const::Kind::kTuple;
      for (Node* x : elts) {
        auto v = constant_of(x);
        if (!v) return sequence(e, Op::BUILD_TUPLE, F(List, elts));
        t.items.push_back(*v);
      }
      Position saved = u().pos;
      set_pos(e);
      load_const(t);
      u().pos = saved;
      return true;
    }
  }
  if (e->kind == Kind::Set) {
    Const fs;
    fs.kind = Const::Kind::kFrozenset;
    bool all = true;
    for (Node* x : e->list(F(Set, elts))) {
      auto v = constant_of(x);
      if (!v || x->kind == Kind::Starred) {
        all = false;
        break;
      }
      fs.items.push_back(*v);
    }
    if (all) {
      Position saved = u().pos;
      set_pos(e);
      load_const(fs);
      u().pos = saved;
      return true;
    }
  }
  return expr(e);
}

bool Codegen::sequence(Node* e, Op build, size_t elts_field) {
  auto& elts = e->list(elts_field);
  set_pos(e);
  bool tuple = build == Op::BUILD_TUPLE;
  Op list_build = tuple ? Op::BUILD_LIST : build;
  Op add = build == Op::BUILD_SET ? Op::SET_ADD : Op::LIST_APPEND;
  Op extend = build == Op::BUILD_SET ? Op::SET_UPDATE : Op::LIST_EXTEND;
  return starunpack(elts, 0, list_build, add, extend, tuple);
}

// starunpack_helper: items (some perhaps *starred) into a new list, set or
// tuple; [pushed] items are already on the stack.
bool Codegen::starunpack(const std::vector<Node*>& elts, int pushed, Op build, Op add, Op extend,
                         bool tuple) {
  size_t n = elts.size();
  Position at = u().pos;
  if (n > 2) {
    Const t;
    t.kind = Const::Kind::kTuple;
    bool all = true;
    for (Node* x : elts) {
      auto v = x->kind == Kind::Starred ? std::nullopt : constant_of(x);
      if (!v) {
        all = false;
        break;
      }
      t.items.push_back(*v);
    }
    if (all) {
      if (tuple && !pushed) {
        load_const(t);
      } else {
        if (add == Op::SET_ADD) t.kind = Const::Kind::kFrozenset;
        emit(build, pushed);
        load_const(t);
        emit(extend, 1);
        if (tuple) emit(Op::LIST_TO_TUPLE);
      }
      return true;
    }
  }
  bool big = n + static_cast<size_t>(pushed) > 30;
  bool seen_star = false;
  for (Node* x : elts) seen_star = seen_star || x->kind == Kind::Starred;
  if (!seen_star && !big) {
    for (Node* x : elts) {
      if (!expr(x)) return false;
    }
    u().pos = at;
    emit(tuple ? Op::BUILD_TUPLE : build, static_cast<int>(n) + pushed);
    return true;
  }
  bool built = false;
  if (big) {
    emit(build, pushed);
    built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    Node* x = elts[i];
    if (x->kind == Kind::Starred) {
      if (!built) {
        u().pos = at;
        emit(build, static_cast<int>(i) + pushed);
        built = true;
      }
      if (!expr(x->node(F(Starred, value)))) return false;
      u().pos = at;
      emit(extend, 1);
    } else {
      if (!expr(x)) return false;
      u().pos = at;
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(Op::LIST_TO_TUPLE);
  return true;
}

// Whether compiler_call_helper takes the CALL_FUNCTION_EX path.
bool needs_ex_call(const std::vector<Node*>& args, const std::vector<Node*>& keywords) {
  if (args.size() + 2 * keywords.size() > 30) return true;
  for (Node* a : args) {
    if (a->kind == Kind::Starred) return true;
  }
  for (Node* k : keywords) {
    if (!std::holds_alternative<std::string>(k->fields[F(keyword, arg)])) return true;
  }
  return false;
}

bool Codegen::call(Node* e) {
  Node* func = e->node(F(Call, func));
  check_caller(func);
  // maybe_optimize_method_call: obj.m(...) uses LOAD_METHOD unless obj is
  // a name bound by an import.
  bool method = func->kind == Kind::Attribute && func->node(F(Attribute, ctx))->kind == Kind::Load;
  if (method) {
    Node* base = func->node(F(Attribute, value));
    if (base->kind == Kind::Name) {
      // is_import_originated looks at the module's symbols only.
      const Symbol* sym = top_->lookup(base->str(F(Name, id)));
      if (sym && (sym->flags & kDefImport)) method = false;
    }
  }
  if (!call_supported(e, e->list(F(Call, args)), e->list(F(Call, keywords)))) return false;
  if (needs_ex_call(e->list(F(Call, args)), e->list(F(Call, keywords)))) method = false;
  if (method) {
    if (!expr(func->node(F(Attribute, value)))) return false;
    set_pos(func);
    u().pos.line = func->loc.end_lineno;  // LOAD_METHOD is on the attribute's last line
    emit(Op::LOAD_METHOD, add_name(mangle(u().private_name, func->str(F(Attribute, attr)))));
  } else if (func->kind == Kind::Name && !needs_ex_call(e->list(F(Call, args)), e->list(F(Call, keywords)))) {
    set_pos(func);
    if (!name_op(func->str(F(Name, id)), Kind::Load, true)) return false;
  } else {
    set_pos(func);
    emit(Op::PUSH_NULL);
    if (!expr(func)) return false;
  }
  // A method call's PRECALL/CALL stay on the attribute's last line.
  return call_helper(e, 0, e->list(F(Call, args)), e->list(F(Call, keywords)),
                     method ? func->loc.end_lineno : -1);
}

// The call forms compiled so far: positional and named arguments, few
// enough for PRECALL/CALL (no *args, **kwargs or CALL_FUNCTION_EX).
bool Codegen::call_supported(Node*, const std::vector<Node*>&, const std::vector<Node*>&) {
  return true;
}


// compiler_call_helper: [already] values are on the stack; push [args]
// and [keywords] (checked by call_supported), then PRECALL/CALL at [at]'s
// position.
bool Codegen::call_helper(Node* at, int already, const std::vector<Node*>& args,
                          const std::vector<Node*>& keywords, int line) {
  if (needs_ex_call(args, keywords)) {
    set_pos(at);
    if (already == 0 && args.size() == 1 && args[0]->kind == Kind::Starred) {
      if (!expr(args[0]->node(F(Starred, value)))) return false;
    } else if (!starunpack(args, already, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true)) {
      return false;
    }
    set_pos(at);
    if (!keywords.empty()) {
      bool have_dict = false;
      size_t seen = 0;
      auto subkwargs = [&](size_t begin, size_t end) {
        size_t n = end - begin;
        if (n > 1) {
          Const keys;
          keys.kind = Const::Kind::kTuple;
          for (size_t i = begin; i < end; ++i) {
            Const k;
            k.kind = Const::Kind::kStr;
            k.text = std::get<std::string>(keywords[i]->fields[F(keyword, arg)]);
            keys.items.push_back(k);
          }
          for (size_t i = begin; i < end; ++i) {
            if (!expr(keywords[i]->node(F(keyword, value)))) return false;
          }
          set_pos(at);
          load_const(keys);
          emit(Op::BUILD_CONST_KEY_MAP, static_cast<int>(n));
        } else {
          for (size_t i = begin; i < end; ++i) {
            Const k;
            k.kind = Const::Kind::kStr;
            k.text = std::get<std::string>(keywords[i]->fields[F(keyword, arg)]);
            load_const(k);
            if (!expr(keywords[i]->node(F(keyword, value)))) return false;
          }
          set_pos(at);
          emit(Op::BUILD_MAP, static_cast<int>(n));
        }
        return true;
      };
      for (size_t i = 0; i < keywords.size(); ++i) {
        Node* kw = keywords[i];
        if (!std::holds_alternative<std::string>(kw->fields[F(keyword, arg)])) {
          if (seen) {
            if (!subkwargs(i - seen, i)) return false;
            if (have_dict) emit(Op::DICT_MERGE, 1);
            have_dict = true;
            seen = 0;
          }
          if (!have_dict) {
            emit(Op::BUILD_MAP, 0);
            have_dict = true;
          }
          if (!expr(kw->node(F(keyword, value)))) return false;
          set_pos(at);
          emit(Op::DICT_MERGE, 1);
        } else {
          ++seen;
        }
      }
      if (seen) {
        if (!subkwargs(keywords.size() - seen, keywords.size())) return false;
        if (have_dict) emit(Op::DICT_MERGE, 1);
      }
    }
    set_pos(at);
    emit(Op::CALL_FUNCTION_EX, keywords.empty() ? 0 : 1);
    return true;
  }
  for (Node* a : args) {
    if (!expr(a)) return false;
  }
  Const names;
  names.kind = Const::Kind::kTuple;
  for (Node* k : keywords) {
    if (!expr(k->node(F(keyword, value)))) return false;
    Const n;
    n.kind = Const::Kind::kStr;
    n.text = std::get<std::string>(k->fields[F(keyword, arg)]);
    names.items.push_back(n);
  }
  set_pos(at);
  if (line >= 0) u().pos.line = line;
  int n = already + static_cast<int>(args.size() + keywords.size());
  if (!keywords.empty()) emit(Op::KW_NAMES, add_const(names));
  emit(Op::PRECALL, n);
  emit(Op::CALL, n);
  return true;
}

// compiler_jump_if: jump to [target] when [e]'s truth is [cond].
// The single-operator Compare [e], its operator negated when [invert]
// (ast_opt's fold_unaryop: `not a in b` is `a not in b`).
bool Codegen::compare(Node* e, bool invert) {
  Position saved = u().pos;
  set_pos(e);
  check_compare(e);
  auto& ops = e->list(F(Compare, ops));
  size_t n = ops.size() - 1;
  if (!expr(e->node(F(Compare, left)))) return false;
  if (n == 0) {
    if (!comparator(e, 0)) return false;
    set_pos(e);
    Kind op = ops[0]->kind;
    if (invert) {
      op = op == Kind::Is      ? Kind::IsNot
           : op == Kind::IsNot ? Kind::Is
           : op == Kind::In    ? Kind::NotIn
                               : Kind::In;
    }
    compare_op(op);
  } else {
    // a < b < c: each middle value is kept for the next test; a false
    // test leaves its result and drops the kept value.
    Block* cleanup = new_block();
    if (!chain_links(e, static_cast<int>(Op::JUMP_IF_FALSE_OR_POP), cleanup)) return false;
    Block* end = new_block();
    emit_noline(kJump, 0, end);
    use(cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    use(end);
  }
  u().pos = saved;
  return true;
}

// The links of a comparison chain after its left operand: each but the
// last keeps its right value (SWAP, COPY) and leaves through [jump] to
// [cleanup] when false; the last is compared plainly.
bool Codegen::chain_links(Node* e, int jump, Block* cleanup) {
  auto& ops = e->list(F(Compare, ops));
  size_t n = ops.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    if (!comparator(e, i)) return false;
    set_pos(e);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    compare_op(ops[i]->kind);
    emit(jump, 0, cleanup);
    use(new_block());
  }
  if (!comparator(e, n)) return false;
  set_pos(e);
  compare_op(ops[n]->kind);
  return true;
}

// Comparator [i] of Compare [e]; the last one of an in / not in test is
// an iterable display (fold_compare's fold_iter).
bool Codegen::comparator(Node* e, size_t i) {
  auto& ops = e->list(F(Compare, ops));
  Node* right = e->list(F(Compare, comparators))[i];
  bool membership =
      i + 1 == ops.size() && (ops[i]->kind == Kind::In || ops[i]->kind == Kind::NotIn);
  return membership ? iter_expr(right) : expr(right);
}

void Codegen::compare_op(Kind op) {
  switch (op) {
    case Kind::Lt: emit(Op::COMPARE_OP, 0); break;
    case Kind::LtE: emit(Op::COMPARE_OP, 1); break;
    case Kind::Eq: emit(Op::COMPARE_OP, 2); break;
    case Kind::NotEq: emit(Op::COMPARE_OP, 3); break;
    case Kind::Gt: emit(Op::COMPARE_OP, 4); break;
    case Kind::GtE: emit(Op::COMPARE_OP, 5); break;
    case Kind::Is: emit(Op::IS_OP, 0); break;
    case Kind::IsNot: emit(Op::IS_OP, 1); break;
    case Kind::In: emit(Op::CONTAINS_OP, 0); break;
    default: emit(Op::CONTAINS_OP, 1); break;
  }
}

// `not x` whose operand is (after any further `not`s) a one-operator
// is/is not/in/not in comparison: that comparison, which the AST optimizer
// negates in place once per `not` ([invert]: an odd number of them).
Node* negatable_compare(Node* e, bool* invert) {
  int nots = 0;
  while (e->kind == Kind::UnaryOp && e->node(F(UnaryOp, op))->kind == Kind::Not) {
    e = e->node(F(UnaryOp, operand));
    ++nots;
  }
  if (nots == 0 || e->kind != Kind::Compare || e->list(F(Compare, ops)).size() != 1) return nullptr;
  Kind op = e->list(F(Compare, ops))[0]->kind;
  if (op != Kind::Is && op != Kind::IsNot && op != Kind::In && op != Kind::NotIn) return nullptr;
  *invert = nots % 2 == 1;
  return e;
}

// infer_type: the type a literal expression makes, or "" for others.
std::string infer_type(Node* e, const std::optional<Const>& folded) {
  switch (e->kind) {
    case Kind::Tuple: return "tuple";
    case Kind::List:
    case Kind::ListComp: return "list";
    case Kind::Dict:
    case Kind::DictComp: return "dict";
    case Kind::Set:
    case Kind::SetComp: return "set";
    case Kind::GeneratorExp: return "generator";
    case Kind::Lambda: return "function";
    case Kind::JoinedStr:
    case Kind::FormattedValue: return "str";
    case Kind::Slice: return "slice";
    default: break;
  }
  if (e->kind != Kind::Constant || !folded) return "";
  switch (folded->kind) {
    case Const::Kind::kNone: return "NoneType";
    case Const::Kind::kTrue:
    case Const::Kind::kFalse: return "bool";
    case Const::Kind::kEllipsis: return "ellipsis";
    case Const::Kind::kInt: return "int";
    case Const::Kind::kFloat: return "float";
    case Const::Kind::kComplex: return "complex";
    case Const::Kind::kStr: return "str";
    case Const::Kind::kBytes: return "bytes";
    case Const::Kind::kTuple: return "tuple";
    case Const::Kind::kFrozenset: return "frozenset";
    default: return "";
  }
}

// check_caller: calling a literal ("perhaps you missed a comma?").
void Codegen::check_caller(Node* func) {
  switch (func->kind) {
    case Kind::Constant: case Kind::Tuple: case Kind::List: case Kind::ListComp: case Kind::Dict:
    case Kind::DictComp: case Kind::Set: case Kind::SetComp: case Kind::GeneratorExp:
    case Kind::JoinedStr: case Kind::FormattedValue:
      warn("'" + infer_type(func, constant_of(func)) + "' object is not callable; perhaps you missed a comma?");
      break;
    default: break;
  }
}

// check_subscripter and check_index.
void Codegen::check_subscript(Node* e) {
  Node* value = e->node(F(Subscript, value));
  auto vconst = constant_of(value);
  switch (value->kind) {
    case Kind::Constant: {
      auto k = vconst ? vconst->kind : Const::Kind::kStr;
      if (!(k == Const::Kind::kNone || k == Const::Kind::kEllipsis || k == Const::Kind::kInt ||
            k == Const::Kind::kTrue || k == Const::Kind::kFalse || k == Const::Kind::kFloat ||
            k == Const::Kind::kComplex || k == Const::Kind::kFrozenset)) {
        break;
      }
      [[fallthrough]];
    }
    case Kind::Set: case Kind::SetComp: case Kind::GeneratorExp: case Kind::Lambda:
      warn("'" + infer_type(value, vconst) + "' object is not subscriptable; perhaps you missed a comma?");
      return;
    default: break;
  }
  Node* index = e->node(F(Subscript, slice));
  std::string index_type = infer_type(index, constant_of(index));
  if (index_type.empty() || index_type == "int" || index_type == "bool" || index_type == "slice") return;
  switch (value->kind) {
    case Kind::Constant: {
      auto k = vconst ? vconst->kind : Const::Kind::kNone;
      if (!(k == Const::Kind::kStr || k == Const::Kind::kBytes || k == Const::Kind::kTuple)) break;
      [[fallthrough]];
    }
    case Kind::Tuple: case Kind::List: case Kind::ListComp: case Kind::JoinedStr: case Kind::FormattedValue:
      warn(infer_type(value, vconst) + " indices must be integers or slices, not " + index_type +
           "; perhaps you missed a comma?");
      break;
    default: break;
  }
}

// check_compare: `is` / `is not` with a literal other than None, True,
// False and Ellipsis.
void Codegen::check_compare(Node* e) {
  auto is_arg = [&](Node* x) {
    auto c = constant_of(x);  // after the AST optimizer's folding (-1, (1, 2))
    if (!c) return true;
    return c->kind == Const::Kind::kNone || c->kind == Const::Kind::kTrue || c->kind == Const::Kind::kFalse ||
           c->kind == Const::Kind::kEllipsis;
  };
  bool left = is_arg(e->node(F(Compare, left)));
  const auto& ops = e->list(F(Compare, ops));
  const auto& comparators = e->list(F(Compare, comparators));
  for (size_t i = 0; i < ops.size(); ++i) {
    bool right = is_arg(comparators[i]);
    if ((ops[i]->kind == Kind::Is || ops[i]->kind == Kind::IsNot) && (!right || !left)) {
      warn(ops[i]->kind == Kind::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                    : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left = right;
  }
}

bool Codegen::jump_if(Node* e, Block* target, bool cond) {
  switch (e->kind) {
    case Kind::UnaryOp:
      if (bool invert; Node* c = negatable_compare(e, &invert)) {
        if (!compare(c, invert)) return false;
        set_pos(c);
        emit(cond ? kPopJumpIfTrue : kPopJumpIfFalse, 0, target);
        use(new_block());
        return true;
      }
      if (e->node(F(UnaryOp, op))->kind == Kind::Not) {
        return jump_if(e->node(F(UnaryOp, operand)), target, !cond);
      }
      break;
    case Kind::Compare: {
      auto& ops = e->list(F(Compare, ops));
      size_t n = ops.size() - 1;
      if (n == 0) break;
      // A chain tests each link and jumps out at the first false one.
      set_pos(e);
      check_compare(e);
      Block* cleanup = new_block();
      if (!expr(e->node(F(Compare, left)))) return false;
      if (!chain_links(e, kPopJumpIfFalse, cleanup)) return false;
      emit(cond ? kPopJumpIfTrue : kPopJumpIfFalse, 0, target);
      use(new_block());
      Block* end = new_block();
      emit_noline(kJump, 0, end);
      use(cleanup);
      emit(Op::POP_TOP);
      if (!cond) emit_noline(kJump, 0, target);
      use(end);
      return true;
    }
    case Kind::BoolOp: {
      auto& values = e->list(F(BoolOp, values));
      bool is_or = e->node(F(BoolOp, op))->kind == Kind::Or;
      Block* next2 = target;
      if (!cond != !is_or) next2 = new_block();
      for (size_t i = 0; i + 1 < values.size(); ++i) {
        if (!jump_if(values[i], next2, is_or)) return false;
      }
      if (!jump_if(values.back(), target, cond)) return false;
      if (next2 != target) use(next2);
      return true;
    }
    default: break;
  }
  // The jump stays at the enclosing statement's position (VISIT restores
  // it), except after a comparison, which moves it to its own position.
  if (!expr(e)) return false;
  if (e->kind == Kind::Compare) set_pos(e);
  emit(cond ? kPopJumpIfTrue : kPopJumpIfFalse, 0, target);
  use(new_block());
  return true;
}

// ============================================================================
// Statements
// ============================================================================

bool Codegen::assign_target(Node* t) {
  set_pos(t);
  switch (t->kind) {
    case Kind::Name: return name_op(t->str(F(Name, id)), Kind::Store);
    case Kind::Attribute:
    case Kind::Subscript:
      if (t->kind == Kind::Attribute) {
        if (!expr(t->node(F(Attribute, value)))) return false;
        set_pos(t);
        attr_location(t);
        emit(Op::STORE_ATTR, add_name(mangle(u().private_name, t->str(F(Attribute, attr)))));
      } else {
        if (!expr(t->node(F(Subscript, value))) || !expr(t->node(F(Subscript, slice))))
          return false;
        set_pos(t);
        emit(Op::STORE_SUBSCR);
      }
      return true;
    case Kind::Tuple:
    case Kind::List: {
      auto& elts = t->list(t->kind == Kind::Tuple ? F(Tuple, elts) : F(List, elts));
      bool seen_star = false;
      size_t n = elts.size();
      for (size_t i = 0; i < n; ++i) {
        if (elts[i]->kind != Kind::Starred) continue;
        if (seen_star) return fail(elts[i], "multiple starred expressions in assignment");
        if (i >= 256) return fail(elts[i], "too many expressions in star-unpacking assignment");
        emit(Op::UNPACK_EX, static_cast<int>(i + ((n - i - 1) << 8)));
        seen_star = true;
      }
      if (!seen_star) emit(Op::UNPACK_SEQUENCE, static_cast<int>(n));
      for (Node* x : elts) {
        if (!assign_target(x->kind == Kind::Starred ? x->node(F(Starred, value)) : x)) return false;
      }
      return true;
    }
    default: return unsupported(t);
  }
}

// Whether the statement list starts with a docstring (and which).
bool Codegen::docstring(const std::vector<Node*>& body, std::string* doc) {
  if (body.empty() || body[0]->kind != Kind::Expr) return false;
  Node* v = body[0]->node(F(Expr, value));
  if (v->kind != Kind::Constant) return false;
  const auto& c = v->constant(F(Constant, value));
  if (c.kind != ast::Constant::Kind::kStr) return false;
  if (doc) *doc = c.text;
  return true;
}

bool Codegen::stmt(Node* s) {
  set_pos(s);
  switch (s->kind) {
    case Kind::Expr: {
      Node* v = s->node(F(Expr, value));
      if (v->kind == Kind::Constant) {
        emit(Op::NOP);  // a constant statement does nothing
        return true;
      }
      if (!expr(v)) return false;
      unset_loc();  // the POP_TOP is artificial (compiler_visit_stmt_expr)
      emit(Op::POP_TOP);
      return true;
    }
    case Kind::Assign: {
      auto& targets = s->list(F(Assign, targets));
      if (!expr(s->node(F(Assign, value)))) return false;
      for (size_t i = 0; i < targets.size(); ++i) {
        if (i + 1 < targets.size()) {
          set_pos(s);
          emit(Op::COPY, 1);
        }
        if (!assign_target(targets[i])) return false;
      }
      return true;
    }
    case Kind::AugAssign: {
      Node* t = s->node(F(AugAssign, target));
      int oparg = binary_oparg(s->node(F(AugAssign, op))->kind, true);
      if (t->kind == Kind::Name) {
        set_pos(t);  // the load is at the target (VISIT of the Name)
        if (!name_op(t->str(F(Name, id)), Kind::Load)) return false;
        set_pos(s);
        if (!expr(s->node(F(AugAssign, value)))) return false;
        set_pos(s);
        emit(Op::BINARY_OP, oparg);
        set_pos(t);
        return name_op(t->str(F(Name, id)), Kind::Store);
      }
      if (t->kind == Kind::Attribute) {
        if (!expr(t->node(F(Attribute, value)))) return false;
        set_pos(t);
        int name = add_name(mangle(u().private_name, t->str(F(Attribute, attr))));
        emit(Op::COPY, 1);
        emit(Op::LOAD_ATTR, name);
        if (!expr(s->node(F(AugAssign, value)))) return false;
        set_pos(s);
        emit(Op::BINARY_OP, oparg);
        set_pos(t);
        emit(Op::SWAP, 2);
        emit(Op::STORE_ATTR, name);
        return true;
      }
      if (t->kind == Kind::Subscript) {
        if (!expr(t->node(F(Subscript, value))) || !expr(t->node(F(Subscript, slice))))
          return false;
        set_pos(t);
        emit(Op::COPY, 2);
        emit(Op::COPY, 2);
        emit(Op::BINARY_SUBSCR);
        if (!expr(s->node(F(AugAssign, value)))) return false;
        set_pos(s);
        emit(Op::BINARY_OP, oparg);
        set_pos(t);
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
        emit(Op::STORE_SUBSCR);
        return true;
      }
      return unsupported(t);
    }
    case Kind::Return: {
      if (u().ste->type != BlockType::kFunction) return fail(s, "'return' outside function");
      if (s->opt(F(Return, value)) && u().ste->coroutine && u().ste->generator) {
        return fail(s, "'return' with value in async generator");
      }
      // compiler_return: a constant value is loaded after the loops are
      // unwound; any other value is computed first and kept on top.
      Node* v = s->opt(F(Return, value));
      std::optional<Const> constant = v ? constant_of(v) : std::nullopt;
      bool preserve_tos = v && !constant;
      if (preserve_tos) {
        if (!expr(v)) return false;
      } else if (v) {
        set_pos(v);
        emit(Op::NOP);  // the value's line
      }
      if (!v || v->loc.lineno != s->loc.lineno) {
        set_pos(s);
        emit(Op::NOP);
      }
      if (!unwind_fblock_stack(preserve_tos, nullptr)) return false;
      if (!v) {
        load_none();
      } else if (!preserve_tos) {
        load_const(*constant);
      }
      emit(Op::RETURN_VALUE);
      use(new_block());
      return true;
    }
    case Kind::Pass: emit(Op::NOP); return true;
    case Kind::Break:
    case Kind::Continue: {
      std::optional<Unit::FBlock> loop;
      emit(Op::NOP);  // the statement's line
      if (!unwind_fblock_stack(false, &loop)) return false;
      if (!loop) {
        return fail(
            s, s->kind == Kind::Break ? "'break' outside loop" : "'continue' not properly in loop");
      }
      if (s->kind == Kind::Break) {
        if (!unwind_fblock(*loop, false)) return false;
        emit(kJump, 0, loop->exit);
      } else {
        emit(kJump, 0, loop->block);
      }
      use(new_block());
      return true;
    }
    case Kind::AnnAssign: {
      Node* target = s->node(F(AnnAssign, target));
      if (Node* value = s->opt(F(AnnAssign, value))) {
        if (!expr(value) || !assign_target(target)) return false;
      }
      set_pos(s);
      bool namespace_scope = u().ste->type == BlockType::kModule || u().ste->type == BlockType::kClass;
      bool simple = s->integer(F(AnnAssign, simple)) != 0;
      if (target->kind == Kind::Name) {
        if (simple && namespace_scope) {
          if (!expr(s->node(F(AnnAssign, annotation)))) return false;
          emit(Op::LOAD_NAME, add_name("__annotations__"));
          Const k;
          k.kind = Const::Kind::kStr;
          k.text = mangle(u().private_name, target->str(F(Name, id)));
          load_const(k);
          emit(Op::STORE_SUBSCR);
        }
      } else if (!s->opt(F(AnnAssign, value))) {
        Node* base = target->kind == Kind::Attribute ? target->node(F(Attribute, value)) : target->node(F(Subscript, value));
        if (!expr(base)) return false;
        emit(Op::POP_TOP);
        if (target->kind == Kind::Subscript) {
          if (!expr(target->node(F(Subscript, slice)))) return false;
          emit(Op::POP_TOP);
        }
      }
      if (!simple && namespace_scope) {
        if (!expr(s->node(F(AnnAssign, annotation)))) return false;
        emit(Op::POP_TOP);
      }
      return true;
    }
    case Kind::Try:
      if (!s->list(F(Try, finalbody)).empty()) return try_finally(s);
      return try_except(s);
    case Kind::With: return with(s, 0, false);
    case Kind::AsyncWith:
      if (!u().async_scope) return fail(s, "'async with' outside async function");
      return with(s, 0, true);
    case Kind::AsyncFor:
      if (!u().async_scope) return fail(s, "'async for' outside async function");
      return async_for(s);
    case Kind::AsyncFunctionDef: return function(s, false);
    case Kind::If: {
      Block* end = new_block();
      bool has_else = !s->list(F(If, orelse)).empty();
      Block* next = has_else ? new_block() : end;
      if (!jump_if(s->node(F(If, test)), next, false)) return false;
      if (!stmts(s->list(F(If, body)))) return false;
      if (has_else) {
        emit_noline(kJump, 0, end);
        use(next);
        if (!stmts(s->list(F(If, orelse)))) return false;
      }
      use(end);
      return true;
    }
    case Kind::While: {
      Block* loop = new_block();
      Block* body = new_block();
      Block* anchor = new_block();
      Block* end = new_block();
      use(loop);
      u().fblocks.push_back({Unit::FB::kWhile, loop, end});
      if (!jump_if(s->node(F(While, test)), anchor, false)) return false;
      use(body);
      if (!stmts(s->list(F(While, body)))) return false;
      set_pos(s);
      if (!jump_if(s->node(F(While, test)), body, true)) return false;
      u().fblocks.pop_back();
      use(anchor);
      if (!stmts(s->list(F(While, orelse)))) return false;
      use(end);
      return true;
    }
    case Kind::For: {
      Block* start = new_block();
      Block* body = new_block();
      Block* cleanup = new_block();
      Block* end = new_block();
      if (!iter_expr(s->node(F(For, iter)))) return false;
      set_pos(s);
      emit(Op::GET_ITER);
      use(start);
      u().fblocks.push_back({Unit::FB::kFor, start, end});
      emit(static_cast<int>(Op::FOR_ITER), 0, cleanup);
      use(body);
      if (!assign_target(s->node(F(For, target)))) return false;
      if (!stmts(s->list(F(For, body)))) return false;
      unset_loc();  // the jump back is artificial
      emit(kJump, 0, start);
      use(cleanup);
      u().fblocks.pop_back();
      if (!stmts(s->list(F(For, orelse)))) return false;
      use(end);
      return true;
    }
    case Kind::FunctionDef: return function(s, false);
    case Kind::ClassDef: return class_def(s);
    case Kind::Global:
    case Kind::Nonlocal: return true;  // declarations only
    case Kind::Delete: {
      // `del (a, b)` deletes each element, in order (VISIT_SEQ in Del context).
      std::function<bool(Node*)> del = [&](Node* t) {
        set_pos(t);
        if (t->kind == Kind::Name) return name_op(t->str(F(Name, id)), Kind::Del);
        if (t->kind == Kind::Tuple || t->kind == Kind::List) {
          for (Node* x : t->list(t->kind == Kind::Tuple ? F(Tuple, elts) : F(List, elts))) {
            if (!del(x)) return false;
          }
          return true;
        }
        return expr(t);
      };
      for (Node* t : s->list(F(Delete, targets))) {
        if (!del(t)) return false;
      }
      return true;
    }
    case Kind::Import: {
      for (Node* a : s->list(F(Import, names))) {
        const std::string& name = a->str(F(alias, name));
        auto* as = std::get_if<std::string>(&a->fields[F(alias, asname)]);
        Const zero;
        zero.kind = Const::Kind::kInt;
        zero.text = "0";
        load_const(zero);
        load_none();
        emit(Op::IMPORT_NAME, add_name(name));
        size_t dot = name.find('.');
        if (!as) {
          if (!name_op(name.substr(0, dot), Kind::Store)) return false;
          continue;
        }
        if (dot == std::string::npos) {
          if (!name_op(*as, Kind::Store)) return false;
          continue;
        }
        // compiler_import_as: `import a.b.c as d` walks to c with
        // IMPORT_FROM, dropping each parent module on the way.
        while (true) {
          size_t from = dot + 1;
          dot = name.find('.', from);
          emit(Op::IMPORT_FROM,
               add_name(name.substr(from, dot == std::string::npos ? dot : dot - from)));
          if (dot == std::string::npos) break;
          emit(Op::SWAP, 2);
          emit(Op::POP_TOP);
        }
        if (!name_op(*as, Kind::Store)) return false;
        emit(Op::POP_TOP);
      }
      return true;
    }
    case Kind::ImportFrom: {
      auto* module = std::get_if<std::string>(&s->fields[F(ImportFrom, module)]);
      // __future__ imports also switch compiler features: not handled yet.
      if (module && *module == "__future__") return unsupported(s);
      Const level;
      level.kind = Const::Kind::kInt;
      level.text = std::to_string(s->integer(F(ImportFrom, level)));
      load_const(level);
      Const names;
      names.kind = Const::Kind::kTuple;
      const auto& aliases = s->list(F(ImportFrom, names));
      for (Node* a : aliases) {
        Const n;
        n.kind = Const::Kind::kStr;
        n.text = a->str(F(alias, name));
        names.items.push_back(n);
      }
      load_const(names);
      emit(Op::IMPORT_NAME, add_name(module ? *module : std::string()));
      for (Node* a : aliases) {
        const std::string& name = a->str(F(alias, name));
        if (name == "*") {
          emit(Op::IMPORT_STAR);
          return true;
        }
        emit(Op::IMPORT_FROM, add_name(name));
        auto* as = std::get_if<std::string>(&a->fields[F(alias, asname)]);
        if (!name_op(as ? *as : name, Kind::Store)) return false;
      }
      emit(Op::POP_TOP);  // the module itself
      return true;
    }
    case Kind::Assert: {
      Node* test = s->node(F(Assert, test));
      // A non-empty tuple test also prints a SyntaxWarning: not handled yet.
      if (test->kind == Kind::Tuple && !test->list(F(Tuple, elts)).empty()) return unsupported(s);
      Block* end = new_block();
      if (!jump_if(test, end, true)) return false;
      emit(Op::LOAD_ASSERTION_ERROR);
      if (Node* msg = s->opt(F(Assert, msg))) {
        if (!expr(msg)) return false;
        emit(Op::PRECALL, 0);
        emit(Op::CALL, 0);
      }
      emit(Op::RAISE_VARARGS, 1);
      use(end);
      return true;
    }
    case Kind::Raise: {
      int n = 0;
      if (Node* exc = s->opt(F(Raise, exc))) {
        if (!expr(exc)) return false;
        ++n;
        if (Node* cause = s->opt(F(Raise, cause))) {
          if (!expr(cause)) return false;
          ++n;
        }
      }
      emit(Op::RAISE_VARARGS, n);
      use(new_block());
      return true;
    }
    case Kind::Match: return match_stmt(s);
    default: return unsupported(s);
  }
}

// ============================================================================
// match (CPython 3.11 compiler_match_inner and compiler_pattern_*)
// ============================================================================

namespace {
bool is_wildcard(const Node* p) {
  return p->kind == Kind::MatchAs && !p->opt(F(MatchAs, pattern)) &&
         !std::get_if<std::string>(&p->fields[F(MatchAs, name)]);
}
bool is_star_wildcard(const Node* p) {
  return p->kind == Kind::MatchStar && !std::get_if<std::string>(&p->fields[F(MatchStar, name)]);
}
const std::string* opt_name(const Node* p, size_t field) {
  return std::get_if<std::string>(&p->fields[field]);
}
}  // namespace

// Equal as set members (1, 1.0 and True are one key).
bool same_key(const Const& a, const Const& b) {
  auto number = [](const Const& c, double* out) {
    switch (c.kind) {
      case Const::Kind::kTrue: *out = 1; return true;
      case Const::Kind::kFalse: *out = 0; return true;
      case Const::Kind::kInt: *out = std::strtod(c.text.c_str(), nullptr); return true;
      case Const::Kind::kFloat: *out = c.number; return true;
      case Const::Kind::kComplex: *out = c.real; return c.number == 0;
      default: return false;
    }
  };
  double x = 0, y = 0;
  if (number(a, &x) && number(b, &y)) {
    if (a.kind == Const::Kind::kInt && b.kind == Const::Kind::kInt) return a.text == b.text;
    return x == y;
  }
  return a.same(b);
}

bool Codegen::match_stmt(Node* s) {
  if (!expr(s->node(F(Match, subject)))) return false;
  Block* end = new_block();
  const auto& cases = s->list(F(Match, cases));
  size_t ncases = cases.size();
  // A trailing `case _:` saves the pushing and popping of the subject.
  bool has_default = is_wildcard(cases.back()->node(F(match_case, pattern))) && ncases > 1;
  PatternContext pc;
  for (size_t i = 0; i < ncases - (has_default ? 1 : 0); ++i) {
    Node* m = cases[i];
    Node* pat = m->node(F(match_case, pattern));
    set_pos(pat);
    // Only copy the subject if this is not the last case.
    bool last = i == ncases - (has_default ? 1 : 0) - 1;
    if (!last) emit(Op::COPY, 1);
    pc.stores.clear();
    // Irrefutable cases must be either guarded, last, or both.
    Node* guard = m->opt(F(match_case, guard));
    pc.allow_irrefutable = guard != nullptr || i == ncases - 1;
    pc.fail_pop.clear();
    pc.on_top = 0;
    if (!pattern(pat, pc)) return false;
    // A match: store the captured names (they are on the stack).
    std::vector<std::string> stores = pc.stores;
    for (const std::string& name : stores) {
      if (!name_op(name, Kind::Store)) return false;
    }
    if (guard) {
      ensure_fail_pop(pc, 0);
      if (!jump_if(guard, pc.fail_pop[0], false)) return false;
    }
    // Success: the subject is no longer needed.
    if (!last) emit(Op::POP_TOP);
    if (!stmts(m->list(F(match_case, body)))) return false;
    unset_loc();
    emit(kJump, 0, end);
    // A failed pattern's clean-up belongs to the pattern's line.
    set_pos(pat);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    Node* m = cases.back();
    set_pos(m->node(F(match_case, pattern)));
    // One case: done with the subject; otherwise a NOP shows the line.
    emit(ncases == 1 ? Op::POP_TOP : Op::NOP);
    if (Node* guard = m->opt(F(match_case, guard))) {
      if (!jump_if(guard, end, false)) return false;
    }
    if (!stmts(m->list(F(match_case, body)))) return false;
  }
  use(end);
  return true;
}

bool Codegen::pattern_subpattern(Node* p, PatternContext& pc) {
  bool allow = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  if (!pattern(p, pc)) return false;
  pc.allow_irrefutable = allow;
  return true;
}

// pattern_helper_store_name: rotate the captured object under the items
// still needed, to be stored when the whole case matches.
bool Codegen::pattern_store_name(const std::string* name, PatternContext& pc) {
  if (!name) {
    emit(Op::POP_TOP);
    return true;
  }
  if (*name == "__debug__") return fail_here("cannot assign to __debug__");
  if (std::find(pc.stores.begin(), pc.stores.end(), *name) != pc.stores.end()) {
    return fail_here("multiple assignments to name '" + *name + "' in pattern");
  }
  pattern_rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
  pc.stores.push_back(*name);
  return true;
}

bool Codegen::pattern(Node* p, PatternContext& pc) {
  set_pos(p);
  switch (p->kind) {
    case Kind::MatchValue: {
      Node* value = p->node(F(MatchValue, value));
      // After constant folding (-1, 1+2j): a constant or a dotted name.
      if (value->kind != Kind::Constant && value->kind != Kind::Attribute && !constant_of(value)) {
        return fail_here("patterns may only match literals and attribute lookups");
      }
      if (!expr(value)) return false;
      set_pos(p);
      emit(Op::COMPARE_OP, 2);
      jump_to_fail_pop(pc, kPopJumpIfFalse);
      return true;
    }
    case Kind::MatchSingleton:
      load_const(Const::from_ast(p->constant(F(MatchSingleton, value))));
      emit(Op::IS_OP, 0);
      jump_to_fail_pop(pc, kPopJumpIfFalse);
      return true;
    case Kind::MatchSequence: return pattern_sequence(p, pc);
    case Kind::MatchMapping: return pattern_mapping(p, pc);
    case Kind::MatchClass: return pattern_class(p, pc);
    case Kind::MatchStar: return pattern_store_name(opt_name(p, F(MatchStar, name)), pc);
    case Kind::MatchAs: {
      const std::string* name = opt_name(p, F(MatchAs, name));
      Node* sub = p->opt(F(MatchAs, pattern));
      if (!sub) {
        // An irrefutable match.
        if (!pc.allow_irrefutable) {
          if (name) return fail_here("name capture '" + *name + "' makes remaining patterns unreachable");
          return fail_here("wildcard makes remaining patterns unreachable");
        }
        return pattern_store_name(name, pc);
      }
      // A copy to store if the sub-pattern matches.
      ++pc.on_top;
      emit(Op::COPY, 1);
      if (!pattern(sub, pc)) return false;
      --pc.on_top;
      return pattern_store_name(name, pc);
    }
    case Kind::MatchOr: return pattern_or(p, pc);
    default: return unsupported(p);
  }
}

bool Codegen::pattern_sequence(Node* p, PatternContext& pc) {
  const auto& patterns = p->list(F(MatchSequence, patterns));
  int size = static_cast<int>(patterns.size());
  int star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (int i = 0; i < size; ++i) {
    Node* sub = patterns[static_cast<size_t>(i)];
    if (sub->kind == Kind::MatchStar) {
      if (star >= 0) return fail_here("multiple starred names in sequence pattern");
      star_wildcard = is_star_wildcard(sub);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && is_wildcard(sub);
  }
  // The subject stays on top during the sequence and length checks.
  ++pc.on_top;
  emit(Op::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, kPopJumpIfFalse);
  auto length_check = [&](int n, int cmp) {
    emit(Op::GET_LEN);
    Const c;
    c.kind = Const::Kind::kInt;
    c.text = std::to_string(n);
    load_const(c);
    emit(Op::COMPARE_OP, cmp);
    jump_to_fail_pop(pc, kPopJumpIfFalse);
  };
  if (star < 0) {
    length_check(size, 2);  // len(subject) == size
  } else if (size > 1) {
    length_check(size - 1, 5);  // len(subject) >= size - 1
  }
  // What comes next consumes the subject.
  --pc.on_top;
  if (only_wildcard) {
    emit(Op::POP_TOP);  // [] / [_] / [_, *_] ...
    return true;
  }
  if (star_wildcard) {
    // pattern_helper_sequence_subscr: index the subject instead of
    // unpacking it ([first, *_, last]).
    ++pc.on_top;
    for (int i = 0; i < size; ++i) {
      Node* sub = patterns[static_cast<size_t>(i)];
      if (is_wildcard(sub) || i == star) continue;
      emit(Op::COPY, 1);
      Const c;
      c.kind = Const::Kind::kInt;
      if (i < star) {
        c.text = std::to_string(i);
        load_const(c);
      } else {
        // The subject may not support negative indexing.
        emit(Op::GET_LEN);
        c.text = std::to_string(size - i);
        load_const(c);
        emit(Op::BINARY_OP, 10);
      }
      emit(Op::BINARY_SUBSCR);
      if (!pattern_subpattern(sub, pc)) return false;
    }
    --pc.on_top;
    emit(Op::POP_TOP);
    return true;
  }
  // pattern_helper_sequence_unpack.
  if (star >= 0) {
    if (star >= (1 << 8)) return fail_here("too many expressions in star-unpacking sequence pattern");
    emit(Op::UNPACK_EX, star + ((size - star - 1) << 8));
  } else {
    emit(Op::UNPACK_SEQUENCE, size);
  }
  pc.on_top += size;
  for (Node* sub : patterns) {
    --pc.on_top;
    if (!pattern_subpattern(sub, pc)) return false;
  }
  return true;
}

bool Codegen::pattern_mapping(Node* p, PatternContext& pc) {
  const auto& keys = p->list(F(MatchMapping, keys));
  const auto& patterns = p->list(F(MatchMapping, patterns));
  int size = static_cast<int>(keys.size());
  const std::string* rest = opt_name(p, F(MatchMapping, rest));
  // The subject stays on top during the mapping and length checks.
  ++pc.on_top;
  emit(Op::MATCH_MAPPING);
  jump_to_fail_pop(pc, kPopJumpIfFalse);
  if (size == 0 && !rest) {
    // `{}`: done; pop the subject.
    --pc.on_top;
    emit(Op::POP_TOP);
    return true;
  }
  if (size) {
    emit(Op::GET_LEN);
    Const c;
    c.kind = Const::Kind::kInt;
    c.text = std::to_string(size);
    load_const(c);
    emit(Op::COMPARE_OP, 5);
    jump_to_fail_pop(pc, kPopJumpIfFalse);
  }
  // The keys, as one tuple for MATCH_KEYS: literals or dotted names.
  std::vector<Const> seen;
  for (Node* key : keys) {
    if (auto folded = constant_of(key)) {
      const Const& k = *folded;
      for (const Const& other : seen) {
        if (same_key(other, k)) {
          return fail_here("mapping pattern checks duplicate key (" + k.repr() + ")");
        }
      }
      seen.push_back(k);
    } else if (key->kind != Kind::Attribute) {
      return fail_here("mapping pattern keys may only match literals and attribute lookups");
    }
    if (!expr(key)) return false;
  }
  set_pos(p);
  emit(Op::BUILD_TUPLE, size);
  emit(Op::MATCH_KEYS);
  // A tuple of keys and a tuple of values (or None) above the subject.
  pc.on_top += 2;
  emit(Op::COPY, 1);
  load_none();
  emit(Op::IS_OP, 1);
  jump_to_fail_pop(pc, kPopJumpIfFalse);
  emit(Op::UNPACK_SEQUENCE, size);
  pc.on_top += size - 1;
  for (Node* sub : patterns) {
    --pc.on_top;
    if (!pattern_subpattern(sub, pc)) return false;
  }
  // A match: what follows consumes the keys and the subject.
  pc.on_top -= 2;
  if (rest) {
    // rest = dict(subject); for key in keys: del rest[key]
    emit(Op::BUILD_MAP, 0);
    emit(Op::SWAP, 3);
    emit(Op::DICT_UPDATE, 2);
    emit(Op::UNPACK_SEQUENCE, size);
    while (size) {
      emit(Op::COPY, 1 + size--);
      emit(Op::SWAP, 2);
      emit(Op::DELETE_SUBSCR);
    }
    return pattern_store_name(rest, pc);
  }
  emit(Op::POP_TOP);  // the tuple of keys
  emit(Op::POP_TOP);  // the subject
  return true;
}

bool Codegen::pattern_class(Node* p, PatternContext& pc) {
  const auto& patterns = p->list(F(MatchClass, patterns));
  const auto& attrs = std::get<std::vector<std::string>>(p->fields[F(MatchClass, kwd_attrs)]);
  const auto& kwd_patterns = p->list(F(MatchClass, kwd_patterns));
  int nargs = static_cast<int>(patterns.size());
  int nattrs = static_cast<int>(attrs.size());
  // validate_kwd_attrs: errors point at the keyword's pattern.
  for (size_t i = 0; i < attrs.size(); ++i) {
    set_pos(kwd_patterns[i]);
    if (attrs[i] == "__debug__") return fail_here("cannot assign to __debug__");
    for (size_t j = i + 1; j < attrs.size(); ++j) {
      if (attrs[i] == attrs[j]) {
        set_pos(kwd_patterns[j]);
        return fail_here("attribute name repeated in class pattern: " + attrs[i]);
      }
    }
  }
  if (!expr(p->node(F(MatchClass, cls)))) return false;
  set_pos(p);
  Const names;
  names.kind = Const::Kind::kTuple;
  for (const std::string& a : attrs) {
    Const n;
    n.kind = Const::Kind::kStr;
    n.text = a;
    names.items.push_back(n);
  }
  load_const(names);
  emit(Op::MATCH_CLASS, nargs);
  emit(Op::COPY, 1);
  load_none();
  emit(Op::IS_OP, 1);
  // A tuple of the nargs + nattrs attributes (or None) on top.
  ++pc.on_top;
  jump_to_fail_pop(pc, kPopJumpIfFalse);
  emit(Op::UNPACK_SEQUENCE, nargs + nattrs);
  pc.on_top += nargs + nattrs - 1;
  for (int i = 0; i < nargs + nattrs; ++i) {
    --pc.on_top;
    Node* sub = i < nargs ? patterns[static_cast<size_t>(i)]
                          : kwd_patterns[static_cast<size_t>(i - nargs)];
    if (is_wildcard(sub)) {
      emit(Op::POP_TOP);
      continue;
    }
    if (!pattern_subpattern(sub, pc)) return false;
  }
  return true;
}

bool Codegen::pattern_or(Node* p, PatternContext& pc) {
  Block* end = new_block();
  const auto& alts = p->list(F(MatchOr, patterns));
  PatternContext old = pc;
  // The names the first alternative binds: every other must bind the same
  // ones, and its captures are reordered to match.
  std::vector<std::string> control;
  for (size_t i = 0; i < alts.size(); ++i) {
    Node* alt = alts[i];
    set_pos(alt);
    pc.stores.clear();
    // An irrefutable alternative must be last, if allowed at all.
    pc.allow_irrefutable = i == alts.size() - 1 && old.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    emit(Op::COPY, 1);
    if (!pattern(alt, pc)) return false;
    if (i == 0) {
      control = pc.stores;
    } else if (pc.stores.size() != control.size()) {
      return fail_here("alternative patterns bind different names");
    } else if (!pc.stores.empty()) {
      for (size_t icontrol = control.size(); icontrol-- > 0;) {
        auto found = std::find(pc.stores.begin(), pc.stores.end(), control[icontrol]);
        if (found == pc.stores.end()) return fail_here("alternative patterns bind different names");
        size_t istores = static_cast<size_t>(found - pc.stores.begin());
        if (icontrol != istores) {
          // Rotate the stores (and the stack) into the control's order.
          size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(),
                                           pc.stores.begin() + static_cast<long>(rotations));
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
          pc.stores.insert(pc.stores.begin() + static_cast<long>(icontrol - istores),
                           rotated.begin(), rotated.end());
          while (rotations--) pattern_rotate(static_cast<int>(icontrol) + 1);
        }
      }
    }
    emit(kJump, 0, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = old;
  // No alternative matched: pop the remaining copy of the subject and fail.
  emit(Op::POP_TOP);
  jump_to_fail_pop(pc, kJump);
  use(end);
  // Rotate each capture under the other stores, the subject's copy, what
  // is on top and the stores made before.
  int nrots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
  for (const std::string& name : control) {
    pattern_rotate(nrots);
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end()) {
      return fail_here("multiple assignments to name '" + name + "' in pattern");
    }
    pc.stores.push_back(name);
  }
  // Pop the copy of the subject.
  emit(Op::POP_TOP);
  return true;
}

// compiler_comprehension: the comprehension's own code object, called
// with the outermost iterator as its one argument (.0).
bool Codegen::comprehension(Node* e, int type) {
  static const char* const kNames[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
  size_t gens_field = type == 0   ? F(ListComp, generators)
                      : type == 1 ? F(SetComp, generators)
                      : type == 2 ? F(DictComp, generators)
                                  : F(GeneratorExp, generators);
  auto& gens = e->list(gens_field);
  auto it = tables_.find(e);
  if (it == tables_.end()) return fail(e, "internal error: no symbol table for the comprehension");
  const SymbolTable* ste = it->second;
  if (ste->generator && type != 3) return unsupported(e);
  // An async comprehension (async for, or await inside) is a coroutine
  // the caller awaits; an async generator expression is an async generator.
  bool is_async = ste->coroutine;
  if (is_async && type != 3 && !u().async_scope && !u().comprehension_scope) {
    return fail(e, "asynchronous comprehension outside of an asynchronous function");
  }
  std::string qualname = qualname_for(kNames[type]);
  bool nested = u().ste->type == BlockType::kFunction || (u().code->flags & kNested);
  Node* elt = type == 2   ? e->node(F(DictComp, key))
              : type == 3 ? e->node(F(GeneratorExp, elt))
                          : e->node(type == 0 ? F(ListComp, elt) : F(SetComp, elt));
  Node* val = type == 2 ? e->node(F(DictComp, value)) : nullptr;
  enter(ste, kNames[type], qualname, e->loc.lineno);
  u().comprehension_scope = true;
  u().code->argcount = 1;
  int kind_flag = type == 3 ? (is_async ? kAsyncGenerator : kGenerator) : (is_async ? kCoroutine : 0);
  u().code->flags = kOptimized | kNewLocals | (nested ? kNested : 0) | kind_flag;
  set_pos(e);
  if (type != 3) emit(type == 0 ? Op::BUILD_LIST : type == 1 ? Op::BUILD_SET : Op::BUILD_MAP, 0);
  if (!comprehension_generator(gens, 0, 0, elt, val, type)) return false;
  if (type != 3) {
    emit(Op::RETURN_VALUE);
  } else {
    // A generator expression ends with the implicit `return None`.
    emit_noline(static_cast<int>(Op::LOAD_CONST), add_const(Const{}));
    emit_noline(static_cast<int>(Op::RETURN_VALUE));
  }
  std::vector<std::string> child_free = u().freevars;
  auto child = exit_scope();
  if (!child) return false;
  set_pos(e);
  make_closure(child, child_free, 0);
  if (!iter_expr(gens[0]->node(F(comprehension, iter)))) return false;
  set_pos(e);
  emit(gens[0]->integer(F(comprehension, is_async)) ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::PRECALL, 0);
  emit(Op::CALL, 0);
  if (is_async && type != 3) await_result(0);
  return true;
}

// compiler_async_comprehension_generator: `async for` in a comprehension.
bool Codegen::async_comprehension_generator(const std::vector<Node*>& gens, size_t index, int depth,
                                            Node* elt, Node* val, int type) {
  Block* start = new_block();
  Block* except = new_block();
  Block* if_cleanup = new_block();
  Node* gen = gens[index];
  if (index == 0) {
    emit(Op::LOAD_FAST, 0);  // .0
  } else {
    if (!expr(gen->node(F(comprehension, iter)))) return false;
    emit(Op::GET_AITER);
  }
  use(start);
  emit(kSetupFinally, 0, except);
  emit(Op::GET_ANEXT);
  load_none();
  add_yield_from(true);
  emit(kPopBlock);
  if (!expr(gen->node(F(comprehension, target)))) return false;
  for (Node* cond : gen->list(F(comprehension, ifs))) {
    if (!jump_if(cond, if_cleanup, false)) return false;
  }
  ++depth;
  if (index + 1 < gens.size()) {
    if (!comprehension_generator(gens, index + 1, depth, elt, val, type)) return false;
  } else if (!comprehension_element(depth, elt, val, type)) {
    return false;
  }
  use(if_cleanup);
  emit(kJump, 0, start);
  use(except);
  emit(Op::END_ASYNC_FOR);
  return true;
}

// What the innermost loop of a comprehension does with each element.
bool Codegen::comprehension_element(int depth, Node* elt, Node* val, int type) {
  switch (type) {
    case 0:
      if (!expr(elt)) return false;
      emit(Op::LIST_APPEND, depth + 1);
      return true;
    case 1:
      if (!expr(elt)) return false;
      emit(Op::SET_ADD, depth + 1);
      return true;
    case 3:
      if (!expr(elt)) return false;
      if (u().ste->generator && u().ste->coroutine) emit(Op::ASYNC_GEN_WRAP);
      emit(Op::YIELD_VALUE);
      emit(Op::RESUME, 1);
      emit(Op::POP_TOP);
      return true;
    default:
      if (!expr(elt) || !expr(val)) return false;
      emit(Op::MAP_ADD, depth + 1);
      return true;
  }
}

// compiler_sync_comprehension_generator.
bool Codegen::comprehension_generator(const std::vector<Node*>& gens, size_t index, int depth,
                                      Node* elt, Node* val, int type) {
  if (gens[index]->integer(F(comprehension, is_async))) {
    return async_comprehension_generator(gens, index, depth, elt, val, type);
  }
  Block* start = new_block();
  Block* if_cleanup = new_block();
  Block* anchor = new_block();
  Node* gen = gens[index];
  if (index == 0) {
    emit(Op::LOAD_FAST, 0);  // .0
  } else {
    // for y in [f(x)]: the one item, without an iterator.
    Node* iter = gen->node(F(comprehension, iter));
    std::vector<Node*>* elts = nullptr;
    if (iter->kind == Kind::List) elts = &iter->list(F(List, elts));
    if (iter->kind == Kind::Tuple) elts = &iter->list(F(Tuple, elts));
    if (elts && elts->size() == 1 && (*elts)[0]->kind != Kind::Starred) {
      if (!expr((*elts)[0])) return false;
      start = nullptr;
    }
    if (start) {
      if (!iter_expr(iter)) return false;
      emit(Op::GET_ITER);
    }
  }
  if (start) {
    ++depth;
    use(start);
    emit(static_cast<int>(Op::FOR_ITER), 0, anchor);
  }
  {
    Position saved = u().pos;  // VISIT restores the location
    if (!assign_target(gen->node(F(comprehension, target)))) return false;
    u().pos = saved;
  }
  for (Node* cond : gen->list(F(comprehension, ifs))) {
    if (!jump_if(cond, if_cleanup, false)) return false;
  }
  if (index + 1 < gens.size()) {
    if (!comprehension_generator(gens, index + 1, depth, elt, val, type)) return false;
  } else if (!comprehension_element(depth, elt, val, type)) {
    return false;
  }
  use(if_cleanup);
  if (start) {
    emit(kJump, 0, start);
    use(anchor);
  }
  return true;
}

// ast_opt's optimize_format: 'text %s %r %a' % (a, b, c) with only simple
// conversions becomes an f-string; anything else stays a BINARY_OP.
bool Codegen::percent_format(Node* e, bool* applied) {
  *applied = false;
  if (e->node(F(BinOp, op))->kind != Kind::Mod) return true;
  Node* left = e->node(F(BinOp, left));
  Node* right = e->node(F(BinOp, right));
  auto lc = constant_of(left);
  if (!lc || lc->kind != Const::Kind::kStr || right->kind != Kind::Tuple || constant_of(right)) return true;
  auto& elts = right->list(F(Tuple, elts));
  for (Node* x : elts) {
    if (x->kind == Kind::Starred) return true;
  }
  std::u32string fmt = unicode::decode_utf8(lc->text);
  size_t len = fmt.size();
  // Parse first; emit only if every conversion is simple.
  struct Piece {
    bool literal;
    std::u32string text;  // literal text or format spec
    char32_t conv = 0;
    Node* arg = nullptr;
  };
  std::vector<Piece> pieces;
  size_t pos = 0, cnt = 0;
  while (true) {
    size_t start = pos;
    bool has_percents = false;
    while (pos < len) {
      if (fmt[pos] != U'%') {
        ++pos;
      } else if (pos + 1 < len && fmt[pos + 1] == U'%') {
        has_percents = true;
        pos += 2;
      } else {
        break;
      }
    }
    if (pos != start) {
      std::u32string lit = fmt.substr(start, pos - start);
      if (has_percents) {
        std::u32string r;
        for (size_t i = 0; i < lit.size(); ++i) {
          r += lit[i];
          if (lit[i] == U'%' && i + 1 < lit.size() && lit[i + 1] == U'%') ++i;
        }
        lit = r;
      }
      pieces.push_back({true, lit});
    }
    if (pos >= len) break;
    if (cnt >= elts.size()) return true;
    Node* arg = elts[cnt++];
    // simple_format_arg_parse
    ++pos;  // the '%'
    int flags = 0, width = -1, prec = -1;
    char32_t ch = 0;
    auto next = [&]() {
      if (pos >= len) return false;
      ch = fmt[pos++];
      return true;
    };
    if (!next()) return true;
    while (true) {
      if (ch == U'-') flags |= 1;
      else if (ch == U'+' || ch == U' ' || ch == U'#' || ch == U'0') flags |= 2;
      else break;
      if (!next()) return true;
    }
    if (ch >= U'0' && ch <= U'9') {
      width = 0;
      int digits = 0;
      while (ch >= U'0' && ch <= U'9') {
        width = width * 10 + static_cast<int>(ch - U'0');
        if (!next()) return true;
        if (++digits >= 3) return true;
      }
    }
    if (ch == U'.') {
      if (!next()) return true;
      prec = 0;
      if (ch >= U'0' && ch <= U'9') {
        int digits = 0;
        while (ch >= U'0' && ch <= U'9') {
          prec = prec * 10 + static_cast<int>(ch - U'0');
          if (!next()) return true;
          if (++digits >= 3) return true;
        }
      }
    }
    if (ch != U's' && ch != U'r' && ch != U'a') return true;
    if (flags & 2) {
      // Only '-' is allowed by the optimizer's spec builder; others still
      // parse, and CPython ignores them for s/r/a.
    }
    std::string spec;
    if (!(flags & 1) && width > 0) spec += '>';
    if (width >= 0) spec += std::to_string(width);
    if (prec >= 0) spec += "." + std::to_string(prec);
    pieces.push_back({false, unicode::decode_utf8(spec), ch, arg});
  }
  if (cnt < elts.size()) return true;
  *applied = true;
  Position whole = u().pos;
  for (const Piece& p : pieces) {
    if (p.literal) {
      u().pos = Position{};
      Const c;
      c.kind = Const::Kind::kStr;
      c.text = unicode::encode_utf8(p.text);
      load_const(c);
      continue;
    }
    if (!expr(p.arg)) return false;
    int oparg = p.conv == U's' ? 1 : p.conv == U'r' ? 2 : 3;
    if (!p.text.empty()) {
      u().pos = Position{};
      Const c;
      c.kind = Const::Kind::kStr;
      c.text = unicode::encode_utf8(p.text);
      load_const(c);
      oparg |= 4;
    }
    set_pos(p.arg);
    emit(Op::FORMAT_VALUE, oparg);
  }
  u().pos = whole;
  if (pieces.size() != 1) emit(Op::BUILD_STRING, static_cast<int>(pieces.size()));
  return true;
}

// compiler_visit_annotations: args, then positional-only, *args,
// keyword-only, **kwargs and the return annotation.
bool Codegen::annotations(Node* args, Node* returns, int* count) {
  auto one = [&](const std::string& name, Node* annotation) {
    if (!annotation) return true;
    Const k;
    k.kind = Const::Kind::kStr;
    k.text = mangle(u().private_name, name);
    load_const(k);
    if (annotation->kind == Kind::Starred) return unsupported(annotation);
    if (!expr(annotation)) return false;
    *count += 2;
    return true;
  };
  for (size_t f : {F(arguments, args), F(arguments, posonlyargs)}) {
    for (Node* a : args->list(f)) {
      if (!one(a->str(F(arg, arg)), a->opt(F(arg, annotation)))) return false;
    }
  }
  if (Node* a = args->opt(F(arguments, vararg))) {
    if (!one(a->str(F(arg, arg)), a->opt(F(arg, annotation)))) return false;
  }
  for (Node* a : args->list(F(arguments, kwonlyargs))) {
    if (!one(a->str(F(arg, arg)), a->opt(F(arg, annotation)))) return false;
  }
  if (Node* a = args->opt(F(arguments, kwarg))) {
    if (!one(a->str(F(arg, arg)), a->opt(F(arg, annotation)))) return false;
  }
  return one("return", returns);
}

// compiler_unwind_fblock: what leaving [info] early (return, break,
// continue) runs: pop a loop's iterator, end a handler, run a finally
// body, call a with's __exit__.
bool Codegen::unwind_fblock(const Unit::FBlock& info, bool preserve_tos) {
  using FB = Unit::FB;
  switch (info.type) {
    case FB::kWhile:
    case FB::kExceptionHandler: return true;
    case FB::kFor:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return true;
    case FB::kTryExcept: emit(kPopBlock); return true;
    case FB::kFinallyTry: {
      emit(kPopBlock);
      if (preserve_tos) u().fblocks.push_back({FB::kPopValue});
      if (!stmts(info.node->list(F(Try, finalbody)))) return false;
      if (preserve_tos) u().fblocks.pop_back();
      unset_loc();
      return true;
    }
    case FB::kFinallyEnd:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      return true;
    case FB::kWith:
    case FB::kAsyncWith:
      set_pos(info.node);
      emit(kPopBlock);
      if (preserve_tos) emit(Op::SWAP, 2);
      load_none();
      load_none();
      load_none();
      emit(Op::PRECALL, 2);
      emit(Op::CALL, 2);
      if (info.type == FB::kAsyncWith) await_result(2);
      emit(Op::POP_TOP);
      unset_loc();
      return true;
    case FB::kHandlerCleanup:
      if (!info.name.empty()) emit(kPopBlock);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      if (!info.name.empty()) {
        load_none();
        if (!name_op(info.name, Kind::Store) || !name_op(info.name, Kind::Del)) return false;
      }
      return true;
    case FB::kPopValue:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return true;
  }
  return true;
}

// compiler_unwind_fblock_stack: unwinds every frame block, innermost
// first, stopping at the innermost loop when [loop] is given.
bool Codegen::unwind_fblock_stack(bool preserve_tos, std::optional<Unit::FBlock>* loop) {
  auto& fb = u().fblocks;
  if (fb.empty()) return true;
  Unit::FBlock top = fb.back();
  if (loop && (top.type == Unit::FB::kWhile || top.type == Unit::FB::kFor)) {
    *loop = top;
    return true;
  }
  fb.pop_back();
  bool ok = unwind_fblock(top, preserve_tos) && unwind_fblock_stack(preserve_tos, loop);
  u().fblocks.push_back(top);
  return ok;
}

// compiler_try_except.
bool Codegen::try_except(Node* s) {
  using FB = Unit::FB;
  Block* body = new_block();
  Block* except = new_block();
  Block* end = new_block();
  Block* cleanup = new_block();
  emit(kSetupFinally, 0, except);
  use(body);
  u().fblocks.push_back({FB::kTryExcept, body});
  if (!stmts(s->list(F(Try, body)))) return false;
  u().fblocks.pop_back();
  emit_noline(kPopBlock);
  if (!stmts(s->list(F(Try, orelse)))) return false;
  emit_noline(kJump, 0, end);
  auto& handlers = s->list(F(Try, handlers));
  use(except);
  unset_loc();
  emit(kSetupCleanup, 0, cleanup);
  emit(Op::PUSH_EXC_INFO);
  u().fblocks.push_back({FB::kExceptionHandler});
  for (size_t i = 0; i < handlers.size(); ++i) {
    Node* h = handlers[i];
    set_pos(h);
    Node* type = h->opt(F(ExceptHandler, type));
    if (!type && i + 1 < handlers.size()) return fail(h, "default 'except:' must be last");
    except = new_block();
    if (type) {
      if (!expr(type)) return false;
      emit(Op::CHECK_EXC_MATCH);
      emit(kPopJumpIfFalse, 0, except);
      use(new_block());
    }
    auto* name = std::get_if<std::string>(&h->fields[F(ExceptHandler, name)]);
    if (name) {
      Block* cleanup_end = new_block();
      Block* cleanup_body = new_block();
      if (!name_op(*name, Kind::Store)) return false;
      emit(kSetupCleanup, 0, cleanup_end);
      use(cleanup_body);
      u().fblocks.push_back({FB::kHandlerCleanup, cleanup_body, nullptr, nullptr, *name});
      if (!stmts(h->list(F(ExceptHandler, body)))) return false;
      u().fblocks.pop_back();
      unset_loc();
      emit(kPopBlock);
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      load_none();
      if (!name_op(*name, Kind::Store) || !name_op(*name, Kind::Del)) return false;
      emit(kJump, 0, end);
      use(cleanup_end);
      unset_loc();
      load_none();
      if (!name_op(*name, Kind::Store) || !name_op(*name, Kind::Del)) return false;
      emit(Op::RERAISE, 1);
    } else {
      Block* cleanup_body = new_block();
      emit(Op::POP_TOP);
      use(cleanup_body);
      u().fblocks.push_back({FB::kHandlerCleanup, cleanup_body});
      if (!stmts(h->list(F(ExceptHandler, body)))) return false;
      u().fblocks.pop_back();
      unset_loc();
      emit(kPopBlock);
      emit(Op::POP_EXCEPT);
      emit(kJump, 0, end);
    }
    use(except);
  }
  unset_loc();
  u().fblocks.pop_back();
  emit(Op::RERAISE, 0);
  use(cleanup);
  pop_except_and_reraise();
  use(end);
  return true;
}

// compiler_try_finally.
bool Codegen::try_finally(Node* s) {
  using FB = Unit::FB;
  Block* body = new_block();
  Block* end = new_block();
  Block* exit = new_block();
  Block* cleanup = new_block();
  emit(kSetupFinally, 0, end);
  use(body);
  u().fblocks.push_back({FB::kFinallyTry, body, end, s});
  if (!s->list(F(Try, handlers)).empty()) {
    if (!try_except(s)) return false;
  } else if (!stmts(s->list(F(Try, body)))) {
    return false;
  }
  emit_noline(kPopBlock);
  u().fblocks.pop_back();
  if (!stmts(s->list(F(Try, finalbody)))) return false;
  emit_noline(kJump, 0, exit);
  use(end);
  unset_loc();
  emit(kSetupCleanup, 0, cleanup);
  emit(Op::PUSH_EXC_INFO);
  u().fblocks.push_back({FB::kFinallyEnd, end});
  if (!stmts(s->list(F(Try, finalbody)))) return false;
  u().fblocks.pop_back();
  emit(Op::RERAISE, 0);
  use(cleanup);
  pop_except_and_reraise();
  use(exit);
  return true;
}

// compiler_with and compiler_async_with: one context manager per level
// of nesting; `async with` awaits what __aenter__ and __aexit__ return.
bool Codegen::with(Node* s, size_t pos, bool async) {
  using FB = Unit::FB;
  Node* item = s->list(F(With, items))[pos];
  Block* block = new_block();
  Block* final = new_block();
  Block* exit = new_block();
  Block* cleanup = new_block();
  if (!expr(item->node(F(withitem, context_expr)))) return false;
  if (async) {
    emit(Op::BEFORE_ASYNC_WITH);
    await_result(1);
  } else {
    emit(Op::BEFORE_WITH);
  }
  emit(kSetupWith, 0, final);
  use(block);
  u().fblocks.push_back({async ? FB::kAsyncWith : FB::kWith, block, final, s});
  if (Node* vars = item->opt(F(withitem, optional_vars))) {
    if (!assign_target(vars)) return false;
  } else {
    emit(Op::POP_TOP);
  }
  if (pos + 1 == s->list(F(With, items)).size()) {
    if (!stmts(s->list(F(With, body)))) return false;
  } else if (!with(s, pos + 1, async)) {
    return false;
  }
  // Only the synchronous form marks the POP_BLOCK artificial (3.11).
  if (!async) unset_loc();
  emit(kPopBlock);
  u().fblocks.pop_back();
  set_pos(s);
  load_none();
  load_none();
  load_none();
  emit(Op::PRECALL, 2);
  emit(Op::CALL, 2);
  if (async) await_result(2);
  emit(Op::POP_TOP);
  emit(kJump, 0, exit);
  use(final);
  emit(kSetupCleanup, 0, cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  if (async) await_result(2);
  // compiler_with_except_finish.
  unset_loc();
  Block* done = new_block();
  emit(kPopJumpIfTrue, 0, done);
  emit(Op::RERAISE, 2);
  use(cleanup);
  pop_except_and_reraise();
  use(done);
  emit(Op::POP_TOP);
  emit(kPopBlock);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  use(exit);
  return true;
}

// compiler_async_for: __anext__ awaited under a handler that ends the
// loop on StopAsyncIteration (END_ASYNC_FOR).
bool Codegen::async_for(Node* s) {
  Block* start = new_block();
  Block* except = new_block();
  Block* end = new_block();
  if (!expr(s->node(F(For, iter)))) return false;
  set_pos(s);
  emit(Op::GET_AITER);
  use(start);
  u().fblocks.push_back({Unit::FB::kFor, start, end});
  emit(kSetupFinally, 0, except);
  emit(Op::GET_ANEXT);
  load_none();
  add_yield_from(true);
  emit(kPopBlock);
  if (!assign_target(s->node(F(For, target)))) return false;
  if (!stmts(s->list(F(For, body)))) return false;
  unset_loc();  // the jump back is artificial
  emit(kJump, 0, start);
  u().fblocks.pop_back();
  use(except);
  // END_ASYNC_FOR belongs to the iterator's line.
  set_pos(s->node(F(For, iter)));
  emit(Op::END_ASYNC_FOR);
  if (!stmts(s->list(F(For, orelse)))) return false;
  use(end);
  return true;
}

// compiler_body for a module or class: the docstring stored as __doc__,
// then the statements.
// find_ann: whether a body (not nested functions or classes) annotates
// a name.
bool find_ann(const std::vector<Node*>& body) {
  for (Node* st : body) {
    switch (st->kind) {
      case Kind::AnnAssign: return true;
      case Kind::For:
        if (find_ann(st->list(F(For, body))) || find_ann(st->list(F(For, orelse)))) return true;
        break;
      case Kind::While:
        if (find_ann(st->list(F(While, body))) || find_ann(st->list(F(While, orelse)))) return true;
        break;
      case Kind::If:
        if (find_ann(st->list(F(If, body))) || find_ann(st->list(F(If, orelse)))) return true;
        break;
      case Kind::With:
        if (find_ann(st->list(F(With, body)))) return true;
        break;
      case Kind::Try:
        for (Node* h : st->list(F(Try, handlers))) {
          if (find_ann(h->list(F(ExceptHandler, body)))) return true;
        }
        if (find_ann(st->list(F(Try, body))) || find_ann(st->list(F(Try, finalbody))) ||
            find_ann(st->list(F(Try, orelse)))) {
          return true;
        }
        break;
      default: break;
    }
  }
  return false;
}

bool Codegen::namespace_body(const std::vector<Node*>& body) {
  size_t start = 0;
  std::string doc;
  if (u().ste->type == BlockType::kModule && !body.empty()) set_pos(body[0]);
  if (find_ann(body)) emit(Op::SETUP_ANNOTATIONS);
  if (docstring(body, &doc)) {
    set_pos(body[0]);
    Const d;
    d.kind = Const::Kind::kStr;
    d.text = doc;
    load_const(d);
    name_op("__doc__", Kind::Store);
    start = 1;
  }
  for (size_t i = start; i < body.size(); ++i) {
    if (!stmt(body[i])) return false;
  }
  return true;
}

// The qualified name of a function or class [name] defined in the
// current unit (compiler_set_qualname).
std::string Codegen::qualname_for(const std::string& name) {
  if (u().ste->type == BlockType::kModule) return name;
  const Symbol* sym = u().ste->lookup(mangle(u().private_name, name));
  if (sym && sym->scope == Scope::kGlobalExplicit) return name;
  std::string base = u().code->qualname;
  if (u().ste->type == BlockType::kFunction) base += ".<locals>";
  return base + "." + name;
}

// compiler_make_closure: [code] as a function object, with the tuple of
// the cells or free variables it captures when it has any.
void Codegen::make_closure(std::shared_ptr<CodeObject> code, const std::vector<std::string>& free,
                           int flags) {
  if (!free.empty()) {
    for (const auto& fv : free) emit(Op::LOAD_CLOSURE, deref_index(fv));
    emit(Op::BUILD_TUPLE, static_cast<int>(free.size()));
    flags |= 0x08;
  }
  Const c;
  c.kind = Const::Kind::kCode;
  c.code = std::move(code);
  load_const(c);
  emit(Op::MAKE_FUNCTION, flags);
}

// compiler_class: the body becomes a code object run by __build_class__.
bool Codegen::class_def(Node* s) {
  if (!call_supported(s, s->list(F(ClassDef, bases)), s->list(F(ClassDef, keywords)))) {
    return false;
  }
  const auto& decorators = s->list(F(ClassDef, decorator_list));
  for (Node* d : decorators) {
    if (!expr(d)) return false;
  }
  auto it = tables_.find(s);
  if (it == tables_.end()) return fail(s, "internal error: no symbol table for the class");
  const std::string& name = s->str(F(ClassDef, name));
  int firstlineno = decorators.empty() ? s->loc.lineno : decorators[0]->loc.lineno;
  enter(it->second, name, qualname_for(name), firstlineno);
  u().private_name = name;
  // The prologue stays on the first line (a decorator's, if any).
  if (!name_op("__name__", Kind::Load)) return false;
  if (!name_op("__module__", Kind::Store)) return false;
  Const qual;
  qual.kind = Const::Kind::kStr;
  qual.text = u().code->qualname;
  load_const(qual);
  if (!name_op("__qualname__", Kind::Store)) return false;
  if (!namespace_body(s->list(F(ClassDef, body)))) return false;
  // The artificial end: return the __class__ cell (stored as
  // __classcell__) when a method uses it, else None.
  u().pos = Position{};
  if (u().ste->needs_class_closure) {
    emit_noline(static_cast<int>(Op::LOAD_CLOSURE), deref_index("__class__"));
    emit_noline(static_cast<int>(Op::COPY), 1);
    if (!name_op("__classcell__", Kind::Store)) return false;
  } else {
    emit_noline(static_cast<int>(Op::LOAD_CONST), add_const(Const{}));
  }
  emit_noline(static_cast<int>(Op::RETURN_VALUE));
  std::vector<std::string> child_free = u().freevars;
  auto child = exit_scope();
  if (!child) return false;
  set_pos(s);
  emit(Op::PUSH_NULL);
  emit(Op::LOAD_BUILD_CLASS);
  make_closure(child, child_free, 0);
  Const n;
  n.kind = Const::Kind::kStr;
  n.text = name;
  load_const(n);
  if (!call_helper(s, 2, s->list(F(ClassDef, bases)), s->list(F(ClassDef, keywords)))) return false;
  for (size_t i = decorators.size(); i-- > 0;) {
    set_pos(decorators[i]);
    emit(Op::PRECALL, 0);
    emit(Op::CALL, 0);
  }
  set_pos(s);
  return name_op(name, Kind::Store);
}

bool Codegen::function(Node* s, bool lambda) {
  Node* args = s->node(lambda ? F(Lambda, args) : F(FunctionDef, args));
  if (!lambda) {
    for (Node* d : s->list(F(FunctionDef, decorator_list))) {
      if (!expr(d)) return false;
    }
  }
  set_pos(s);
  int flags = 0;
  auto& defaults = args->list(F(arguments, defaults));
  if (!defaults.empty()) {
    for (Node* d : defaults) {
      if (!expr(d)) return false;
    }
    set_pos(s);
    emit(Op::BUILD_TUPLE, static_cast<int>(defaults.size()));
    flags |= 0x01;
  }
  // compiler_visit_kwonlydefaults: the values, then their names as one
  // constant tuple, into a dict.
  {
    const auto& kwonly = args->list(F(arguments, kwonlyargs));
    const auto& kw_defaults = args->list(F(arguments, kw_defaults));
    Const keys;
    keys.kind = Const::Kind::kTuple;
    for (size_t i = 0; i < kwonly.size() && i < kw_defaults.size(); ++i) {
      if (!kw_defaults[i]) continue;
      Const k;
      k.kind = Const::Kind::kStr;
      k.text = mangle(u().private_name, kwonly[i]->str(F(arg, arg)));
      keys.items.push_back(k);
      if (!expr(kw_defaults[i])) return false;
    }
    if (!keys.items.empty()) {
      set_pos(s);
      load_const(keys);
      emit(Op::BUILD_CONST_KEY_MAP, static_cast<int>(keys.items.size()));
      flags |= 0x02;
    }
  }
  // compiler_visit_annotations: (name, annotation) pairs as one tuple.
  {
    int count = 0;
    if (!annotations(args, lambda ? nullptr : s->opt(F(FunctionDef, returns)), &count)) return false;
    if (count) {
      set_pos(s);
      emit(Op::BUILD_TUPLE, count);
      flags |= 0x04;
    }
  }
  auto it = tables_.find(s);
  if (it == tables_.end()) return fail(s, "internal error: no symbol table for the function");
  const SymbolTable* ste = it->second;
  std::string name = lambda ? "<lambda>" : s->str(F(FunctionDef, name));
  std::string qualname = qualname_for(name);
  int firstlineno = s->loc.lineno;
  if (!lambda && !s->list(F(FunctionDef, decorator_list)).empty()) {
    firstlineno = s->list(F(FunctionDef, decorator_list))[0]->loc.lineno;
  }
  bool nested = u().ste->type == BlockType::kFunction;
  enter(ste, name, qualname, firstlineno);
  CodeObject& code = *u().code;
  code.argcount = static_cast<int>(args->list(F(arguments, posonlyargs)).size() +
                                   args->list(F(arguments, args)).size());
  code.posonlyargcount = static_cast<int>(args->list(F(arguments, posonlyargs)).size());
  code.kwonlyargcount = static_cast<int>(args->list(F(arguments, kwonlyargs)).size());
  code.flags = kOptimized | kNewLocals | (nested ? kNested : 0) |
               (args->opt(F(arguments, vararg)) ? kVarargs : 0) |
               (args->opt(F(arguments, kwarg)) ? kVarkeywords : 0);
  u().async_scope = !lambda && s->kind == Kind::AsyncFunctionDef;
  // compute_code_flags: a coroutine that yields is an async generator.
  if (ste->coroutine && ste->generator) {
    code.flags |= kAsyncGenerator;
  } else if (ste->coroutine) {
    code.flags |= kCoroutine;
  } else if (ste->generator) {
    code.flags |= kGenerator;
  }
  if (lambda) {
    add_const(Const{});  // co_consts[0]: lambdas have no docstring
    if (!expr(s->node(F(Lambda, body)))) return false;
    set_pos(s->node(F(Lambda, body)));
    emit(Op::RETURN_VALUE);
  } else {
    auto& body = s->list(F(FunctionDef, body));
    std::string doc;
    Const first;
    size_t start = 0;
    if (docstring(body, &doc)) {
      first.kind = Const::Kind::kStr;
      first.text = doc;
      start = 1;
    }
    add_const(first);
    for (size_t i = start; i < body.size(); ++i) {
      if (!stmt(body[i])) return false;
    }
    // The implicit `return None`.
    emit_noline(static_cast<int>(Op::LOAD_CONST), add_const(Const{}));
    emit_noline(static_cast<int>(Op::RETURN_VALUE));
  }
  std::vector<std::string> child_free = u().freevars;
  auto child = exit_scope();
  if (!child) return false;
  set_pos(s);
  make_closure(child, child_free, flags);
  if (!lambda) {
    // compiler_apply_decorators: each call sits on its decorator's line,
    // innermost first; the store is back on the def's line.
    const auto& decorators = s->list(F(FunctionDef, decorator_list));
    for (size_t i = decorators.size(); i-- > 0;) {
      set_pos(decorators[i]);
      emit(Op::PRECALL, 0);
      emit(Op::CALL, 0);
    }
    set_pos(s);
    return name_op(s->str(F(FunctionDef, name)), Kind::Store);
  }
  return true;
}

CompileResult Codegen::module(const Node* m, bool expression) {
  CompileResult result;
  auto it = tables_.find(m);
  const SymbolTable* top = it->second;
  enter(top, "<module>", "<module>", 1);
  const auto& body = const_cast<Node*>(m)->list(F(Module, body));
  if (expression) {
    // compiler_mod for Expression: the value, returned.
    bool ok = body.size() == 1 && body[0]->kind == Kind::Expr;
    if (!ok) {
      fail(body.empty() ? nullptr : body[0], "invalid syntax");
    } else {
      Node* e = body[0]->node(F(Expr, value));
      set_pos(e);
      ok = expr(e);
      if (ok) {
        emit(Op::RETURN_VALUE);
        result.code = exit_scope();
        ok = result.code != nullptr;
      }
    }
    if (ok && !failure_) {
      result.ok = true;
      result.warnings = std::move(warnings_);
      return result;
    }
  }
  bool ok = !expression && namespace_body(body);
  if (ok) {
    // The implicit return has no line: copies of it get their jumps' lines.
    emit_noline(static_cast<int>(Op::LOAD_CONST), add_const(Const{}));
    emit_noline(static_cast<int>(Op::RETURN_VALUE));
    result.code = exit_scope();
    ok = result.code != nullptr;
  }
  if (!ok || failure_) {
    result.ok = false;
    const Node* at = failure_ ? failure_->at : nullptr;
    result.error.type = failure_ ? failure_->type : "SyntaxError";
    result.error.msg = failure_ ? failure_->msg : "internal compiler error";
    result.unsupported = failure_ && failure_->unsupported;
    if (failure_ && failure_->pos) {
      const Position& p = *failure_->pos;
      result.error.lineno = p.line;
      result.error.offset = p.col + 1;
      result.error.end_lineno = p.end_line;
      result.error.end_offset = p.end_col + 1;
      if (p.line >= 1 && static_cast<size_t>(p.line) <= lines_.size()) {
        result.error.text = std::string(lines_[static_cast<size_t>(p.line) - 1]);
      }
    } else if (at && ast::spec(at->kind).located) {
      result.error.lineno = at->loc.lineno;
      result.error.offset = at->loc.col_offset + 1;
      result.error.end_lineno = at->loc.end_lineno;
      result.error.end_offset = at->loc.end_col_offset + 1;
      if (at->loc.lineno >= 1 && static_cast<size_t>(at->loc.lineno) <= lines_.size()) {
        result.error.text = std::string(lines_[static_cast<size_t>(at->loc.lineno) - 1]);
      }
    }
    result.code.reset();
    return result;
  }
  result.ok = true;
  result.warnings = std::move(warnings_);
  return result;
}

// ============================================================================
// Control-flow clean-up (Python/compile.c optimize_cfg, simplified)
// ============================================================================

// apply_static_swaps (CPython 3.11.7): a SWAP followed by STORE_FASTs or
// POP_TOPs on one line is done by reordering those instructions instead.
void apply_static_swaps(std::vector<Instr>& block, int i) {
  auto swappable = [](int op) {
    return op == static_cast<int>(Op::STORE_FAST) || op == static_cast<int>(Op::POP_TOP);
  };
  auto next_swappable = [&](int from, int lineno) {
    for (int k = from + 1; k < static_cast<int>(block.size()); ++k) {
      const Instr& x = block[static_cast<size_t>(k)];
      if (lineno >= 0 && x.pos.line != lineno) return -1;
      if (x.op == static_cast<int>(Op::NOP)) continue;
      return swappable(x.op) ? k : -1;
    }
    return -1;
  };
  auto stores_to = [&](int k) {
    const Instr& x = block[static_cast<size_t>(k)];
    return x.op == static_cast<int>(Op::STORE_FAST) ? x.arg : -1;
  };
  for (; i >= 0; --i) {
    Instr& swap = block[static_cast<size_t>(i)];
    if (swap.op != static_cast<int>(Op::SWAP)) {
      if (swap.op == static_cast<int>(Op::NOP) || swappable(swap.op)) continue;
      return;
    }
    int j = next_swappable(i, -1);
    if (j < 0) return;
    int k = j;
    int lineno = block[static_cast<size_t>(j)].pos.line;
    for (int count = swap.arg - 1; count > 0; --count) {
      k = next_swappable(k, lineno);
      if (k < 0) return;
    }
    // Not when the two (or anything between) store to the same variable.
    int store_j = stores_to(j), store_k = stores_to(k);
    if (store_j >= 0 || store_k >= 0) {
      if (store_j == store_k) return;
      for (int m = j + 1; m < k; ++m) {
        int store_m = stores_to(m);
        if (store_m >= 0 && (store_m == store_j || store_m == store_k)) return;
      }
    }
    swap.op = static_cast<int>(Op::NOP);
    std::swap(block[static_cast<size_t>(j)], block[static_cast<size_t>(k)]);
  }
}

// swaptimize (CPython 3.11): a run of SWAPs (and NOPs) becomes the fewest
// SWAPs with the same effect, found by following the permutation's cycles;
// [*ix] moves to the run's last instruction.
void swaptimize(std::vector<Instr>& block, size_t* ix) {
  const int swap_op = static_cast<int>(Op::SWAP), nop = static_cast<int>(Op::NOP);
  size_t start = *ix;
  int depth = block[start].arg;
  size_t len = 0;
  bool more = false;
  size_t limit = block.size() - start;
  while (++len < limit) {
    const Instr& x = block[start + len];
    if (x.op == swap_op) {
      depth = std::max(depth, x.arg);
      more = true;
    } else if (x.op != nop) {
      break;
    }
  }
  if (!more) return;  // one SWAP is already optimal
  std::vector<int> stack(static_cast<size_t>(depth));
  for (int i = 0; i < depth; ++i) stack[static_cast<size_t>(i)] = i;
  for (size_t i = 0; i < len; ++i) {
    const Instr& x = block[start + i];
    if (x.op == swap_op) std::swap(stack[0], stack[static_cast<size_t>(x.arg - 1)]);
  }
  constexpr int kVisited = -1;
  long current = static_cast<long>(len) - 1;
  for (int i = 0; i < depth; ++i) {
    if (stack[static_cast<size_t>(i)] == kVisited || stack[static_cast<size_t>(i)] == i) continue;
    int j = i;
    while (true) {
      if (j) {
        Instr& x = block[start + static_cast<size_t>(current--)];
        x.op = swap_op;
        x.arg = j + 1;
      }
      if (stack[static_cast<size_t>(j)] == kVisited) break;
      int next = stack[static_cast<size_t>(j)];
      stack[static_cast<size_t>(j)] = kVisited;
      j = next;
    }
  }
  while (current >= 0) block[start + static_cast<size_t>(current--)].op = nop;
  *ix = start + len - 1;
}

void Codegen::optimize(Unit& unit) {
  std::vector<Block*> order;
  for (Block* b = unit.first; b; b = b->next) order.push_back(b);
  auto is_const_load = [](const Instr& i) { return i.op == static_cast<int>(Op::LOAD_CONST); };
  // Block-local rewrites.
  for (Block* b : order) {
    auto& in = b->instrs;
    for (size_t i = 0; i < in.size(); ++i) {
      Instr& ins = in[i];
      // fold_tuple_on_constants: LOAD_CONST * n, BUILD_TUPLE n.
      if (ins.op == static_cast<int>(Op::BUILD_TUPLE) && ins.arg >= 0 &&
          i >= static_cast<size_t>(ins.arg)) {
        size_t n = static_cast<size_t>(ins.arg);
        bool all = true;
        for (size_t k = i - n; k < i; ++k) all = all && is_const_load(in[k]);
        if (all) {
          Const t;
          t.kind = Const::Kind::kTuple;
          for (size_t k = i - n; k < i; ++k) {
            t.items.push_back(unit.code->consts[static_cast<size_t>(in[k].arg)]);
            in[k].op = static_cast<int>(Op::NOP);
          }
          // A new constant, appended even if an equal one exists
          // (CPython adds folded tuples at the end).
          auto& consts = unit.code->consts;
          int index = -1;
          for (size_t c = 0; c < consts.size(); ++c) {
            if (consts[c].same(t)) index = static_cast<int>(c);
          }
          if (index < 0) {
            consts.push_back(t);
            index = static_cast<int>(consts.size() - 1);
          }
          ins.op = static_cast<int>(Op::LOAD_CONST);
          ins.arg = index;
          continue;
        }
      }
      // PUSH_NULL, LOAD_GLOBAL: the NULL comes with the global.
      if (ins.op == static_cast<int>(Op::PUSH_NULL) && i + 1 < in.size() &&
          in[i + 1].op == static_cast<int>(Op::LOAD_GLOBAL) && (in[i + 1].arg & 1) == 0) {
        ins.op = static_cast<int>(Op::NOP);
        in[i + 1].arg |= 1;
        continue;
      }
      // BUILD_TUPLE n, UNPACK_SEQUENCE n (a swap).
      if (ins.op == static_cast<int>(Op::BUILD_TUPLE) && i + 1 < in.size() &&
          in[i + 1].op == static_cast<int>(Op::UNPACK_SEQUENCE) && in[i + 1].arg == ins.arg) {
        if (ins.arg == 1) {
          ins.op = in[i + 1].op = static_cast<int>(Op::NOP);
        } else if (ins.arg == 2 || ins.arg == 3) {
          ins.op = static_cast<int>(Op::NOP);
          in[i + 1].op = static_cast<int>(Op::SWAP);
        }
        continue;
      }
      // SWAP: SWAP 1 is nothing; otherwise swaptimize, then
      // apply_static_swaps.
      if (ins.op == static_cast<int>(Op::SWAP)) {
        if (ins.arg == 1) {
          ins.op = static_cast<int>(Op::NOP);
        } else {
          swaptimize(in, &i);
          apply_static_swaps(in, static_cast<int>(i));
        }
        continue;
      }
      // LOAD_CONST None, IS_OP, POP_JUMP_IF_x: one POP_JUMP_IF_(NOT_)NONE.
      if (is_const_load(ins) && i + 2 < in.size() &&
          unit.code->consts[static_cast<size_t>(ins.arg)].kind == Const::Kind::kNone &&
          in[i + 1].op == static_cast<int>(Op::IS_OP) &&
          (in[i + 2].op == kPopJumpIfFalse || in[i + 2].op == kPopJumpIfTrue)) {
        bool invert = in[i + 1].arg != 0;
        if (in[i + 2].op == kPopJumpIfFalse) invert = !invert;
        ins.op = in[i + 1].op = static_cast<int>(Op::NOP);
        in[i + 2].op = invert ? kPopJumpIfNotNone : kPopJumpIfNone;
        continue;
      }
      // LOAD_CONST + JUMP_IF_x_OR_POP on its known truth: a plain jump
      // keeping the value, or neither.
      if (is_const_load(ins) && i + 1 < in.size() &&
          (in[i + 1].op == static_cast<int>(Op::JUMP_IF_FALSE_OR_POP) ||
           in[i + 1].op == static_cast<int>(Op::JUMP_IF_TRUE_OR_POP))) {
        auto truth = fold::unary(Kind::Not, unit.code->consts[static_cast<size_t>(ins.arg)]);
        if (truth) {
          bool value = truth->kind == Const::Kind::kFalse;
          bool jump_if_true = in[i + 1].op == static_cast<int>(Op::JUMP_IF_TRUE_OR_POP);
          if (value == jump_if_true) {
            in[i + 1].op = kJump;
          } else {
            ins.op = in[i + 1].op = static_cast<int>(Op::NOP);
            in[i + 1].target = nullptr;
          }
          continue;
        }
      }
      // LOAD_CONST + a conditional jump on its known truth.
      if (is_const_load(ins) && i + 1 < in.size() &&
          (in[i + 1].op == kPopJumpIfFalse || in[i + 1].op == kPopJumpIfTrue)) {
        const Const& c = unit.code->consts[static_cast<size_t>(ins.arg)];
        auto truth = fold::unary(Kind::Not, c);
        if (truth) {
          bool value = truth->kind == Const::Kind::kFalse;  // not(not c)
          bool jump = (in[i + 1].op == kPopJumpIfTrue) == value;
          ins.op = static_cast<int>(Op::NOP);
          in[i + 1].op = jump ? kJump : static_cast<int>(Op::NOP);
          if (!jump) in[i + 1].target = nullptr;
        }
      }
    }
  }
  // Jump threading (optimize_basic_block's jump cases): a jump whose
  // target starts with another jump on the same line goes straight on.
  const int kFalseOrPop = static_cast<int>(Op::JUMP_IF_FALSE_OR_POP);
  const int kTrueOrPop = static_cast<int>(Op::JUMP_IF_TRUE_OR_POP);
  for (Block* b : order) {
    for (Instr& ins : b->instrs) {
      if (!ins.target) continue;
      for (int hops = 0; hops < 1000; ++hops) {
        Block* t = first_live(ins.target);
        if (!t) break;
        ins.target = t;
        const Instr& first = t->instrs[0];
        // jump_thread: retarget [ins] to where [first] goes, as [op].
        auto thread = [&](int op) {
          if (first.pos.line != ins.pos.line || first.target == ins.target) return false;
          ins.target = first.target;
          ins.op = op;
          return true;
        };
        // An x_OR_POP whose target tests the opposite way: the value is
        // popped and control goes to the block after that test.
        auto skip_opposite = [&](int op) {
          if (first.pos.line != ins.pos.line || !first_live(t->next)) return false;
          ins.op = op;
          ins.target = first_live(t->next);
          return true;
        };
        bool again = false;
        if (ins.op == kFalseOrPop) {
          if (first.op == kPopJumpIfFalse)
            again = thread(kPopJumpIfFalse);
          else if (first.op == kJump || first.op == kFalseOrPop)
            again = thread(kFalseOrPop);
          else if (first.op == kTrueOrPop || first.op == kPopJumpIfTrue)
            again = skip_opposite(kPopJumpIfFalse);
        } else if (ins.op == kTrueOrPop) {
          if (first.op == kPopJumpIfTrue)
            again = thread(kPopJumpIfTrue);
          else if (first.op == kJump || first.op == kTrueOrPop)
            again = thread(kTrueOrPop);
          else if (first.op == kFalseOrPop || first.op == kPopJumpIfFalse)
            again = skip_opposite(kPopJumpIfTrue);
        } else if (ins.op == kJump || ins.op == kPopJumpIfFalse || ins.op == kPopJumpIfTrue ||
                   ins.op == kPopJumpIfNone || ins.op == kPopJumpIfNotNone) {
          if (first.op == kJump) again = thread(ins.op);
        }
        if (!again) break;
      }
    }
  }
  // extend_block: a JUMP to a small exit block (at most 4 instructions
  // ending in a return or raise, no line number) becomes a copy of it.
  for (auto it = unit.blocks.rbegin(); it != unit.blocks.rend(); ++it) {
    Block* b = it->get();
    if (b->instrs.empty() || b->instrs.back().op != kJump) continue;
    Block* t = first_live(b->instrs.back().target);
    if (!t || t->instrs.size() > 4 || !is_scope_exit(t->instrs.back().op)) continue;
    // Only blocks without a line number (an implicit `return None`) are
    // copied: a written `return` keeps its one place in the bytecode.
    bool has_line = false;
    for (const Instr& x : t->instrs) has_line = has_line || x.pos.line > 0;
    if (has_line) continue;
    b->instrs.back().op = static_cast<int>(Op::NOP);
    b->instrs.back().target = nullptr;
    std::vector<Instr> copy = t->instrs;
    b->instrs.insert(b->instrs.end(), copy.begin(), copy.end());
  }
  // Reachability from the entry block.
  for (Block* b : order) b->reachable = false;
  std::vector<Block*> work = {unit.first};
  unit.first->reachable = true;
  while (!work.empty()) {
    Block* b = work.back();
    work.pop_back();
    bool falls_through = true;
    for (const Instr& ins : b->instrs) {
      if (ins.target && !ins.target->reachable) {
        ins.target->reachable = true;
        work.push_back(ins.target);
      }
      if (is_unconditional(ins.op)) {
        falls_through = false;
        break;
      }
    }
    if (falls_through && b->next && !b->next->reachable) {
      b->next->reachable = true;
      work.push_back(b->next);
    }
  }
  for (Block* b : order) {
    if (!b->reachable) b->instrs.clear();
    // Drop anything after an unconditional exit.
    for (size_t i = 0; i < b->instrs.size(); ++i) {
      if (is_unconditional(b->instrs[i].op)) {
        b->instrs.resize(i + 1);
        break;
      }
    }
  }
  // NOPs: kept only where they carry a line no neighbour has.
  for (size_t bi = 0; bi < order.size(); ++bi) clean_block(order, bi);
  // Jumps to the block laid out next are no-ops.
  for (Block* b : order) {
    if (b->instrs.empty()) continue;
    Instr& last_ins = b->instrs.back();
    if (last_ins.op == kJump || last_ins.op == kJumpNoInterrupt) {
      Block* n = first_live(b->next);
      Block* t = first_live(last_ins.target);
      if (n == t) {
        // A NOP keeping the jump's line, for clean_block to judge.
        last_ins.op = static_cast<int>(Op::NOP);
        last_ins.target = nullptr;
      }
    }
  }
  lines_and_exits(unit);
  label_exception_targets(unit);
  // Blocks copied by lines_and_exits are in the layout too.
  order.clear();
  for (Block* b = unit.first; b; b = b->next) order.push_back(b);
  for (Block* b : order) {
    for (Instr& x : b->instrs) {
      if (is_block_push(x.op) || x.op == kPopBlock) {
        x.op = static_cast<int>(Op::NOP);
        x.target = nullptr;
      }
    }
  }
  for (size_t bi = 0; bi < order.size(); ++bi) clean_block(order, bi);
}

// clean_basic_block: NOPs are kept only where they carry a line number
// no neighbour has.
void Codegen::clean_block(std::vector<Block*>& order, size_t bi) {
  auto& in = order[bi]->instrs;
  std::vector<Instr> kept;
  int prev_line = -1;
  for (size_t src = 0; src < in.size(); ++src) {
    int line = in[src].pos.line;
    if (in[src].op == static_cast<int>(Op::NOP)) {
      if (line < 0 || prev_line == line) continue;
      if (src + 1 < in.size()) {
        int next_line = in[src + 1].pos.line;
        if (next_line < 0 || next_line == line) {
          in[src + 1].pos.line = line;
          continue;
        }
      } else {
        Block* next = first_live(order[bi]->next);
        if (next && next->instrs[0].pos.line == line) continue;
      }
    }
    kept.push_back(in[src]);
    prev_line = line;
  }
  in = std::move(kept);
}

// stackdepth and label_exception_targets: the operand stack depth at the
// start of every block (handlers included, through the SETUP_* edges),
// then, for every instruction, the handler an exception raised there
// goes to.
void Codegen::label_exception_targets(Unit& unit) {
  auto effect = [](const Instr& x, bool jump) {
    switch (x.op) {
      case kJump:
      case kJumpNoInterrupt:
      case kPopBlock: return 0;
      case kPopJumpIfFalse:
      case kPopJumpIfTrue:
      case kPopJumpIfNone:
      case kPopJumpIfNotNone: return -1;
      case kSetupFinally:
      case kSetupWith: return jump ? 1 : 0;
      case kSetupCleanup: return jump ? 2 : 0;
      default: return stack_effect(static_cast<Op>(x.op), x.arg, jump);
    }
  };
  for (auto& b : unit.blocks) {
    b->startdepth = -1;
    b->visited = false;
    for (Instr& x : b->instrs) {
      if (x.target) x.target = first_live(x.target);
    }
  }
  Block* entry = first_live(unit.first);
  int maxdepth = 0;
  if (entry) {
    std::vector<Block*> work = {entry};
    entry->startdepth = 0;
    while (!work.empty()) {
      Block* b = work.back();
      work.pop_back();
      int depth = b->startdepth;
      bool falls = true;
      for (const Instr& x : b->instrs) {
        int after = depth + effect(x, false);
        maxdepth = std::max(maxdepth, after);
        if (x.target) {
          int jd = depth + effect(x, true);
          maxdepth = std::max(maxdepth, jd);
          if (x.target->startdepth < 0) {
            x.target->startdepth = jd;
            work.push_back(x.target);
          }
        }
        depth = after;
        if (is_unconditional(x.op)) {
          falls = false;
          break;
        }
      }
      Block* n = first_live(b->next);
      if (falls && n && n->startdepth < 0) {
        n->startdepth = depth;
        work.push_back(n);
      }
    }
  }
  unit.maxdepth = maxdepth;
  // The handler stack along every path.
  if (!entry) return;
  std::vector<std::pair<Block*, std::vector<Block*>>> todo = {{entry, {}}};
  entry->visited = true;
  while (!todo.empty()) {
    auto [b, stack] = todo.back();
    todo.pop_back();
    Block* handler = stack.empty() ? nullptr : stack.back();
    bool falls = true;
    for (Instr& x : b->instrs) {
      if (is_block_push(x.op)) {
        if (!x.target->visited) {
          x.target->visited = true;
          todo.push_back({x.target, stack});
        }
        if (x.op == kSetupWith || x.op == kSetupCleanup) x.target->preserve_lasti = true;
        stack.push_back(x.target);
        handler = x.target;
      } else if (x.op == kPopBlock) {
        if (!stack.empty()) stack.pop_back();
        handler = stack.empty() ? nullptr : stack.back();
      } else {
        x.handler = handler;
        if (x.target && !x.target->visited) {
          x.target->visited = true;
          todo.push_back({x.target, stack});
        }
      }
      if (is_unconditional(x.op)) {
        falls = false;
        break;
      }
    }
    Block* n = first_live(b->next);
    if (falls && n && !n->visited) {
      n->visited = true;
      todo.push_back({n, stack});
    }
  }
}

// duplicate_exits_without_lineno, trim_unused_consts,
// propagate_line_numbers and guarantee_lineno_for_exits of CPython 3.11,
// which decide the line numbers dis shows around returns.
void Codegen::lines_and_exits(Unit& unit) {
  for (auto& b : unit.blocks) {
    for (Instr& x : b->instrs) {
      if (x.target) x.target = first_live(x.target);
    }
  }
  // Allocation order reversed is CPython's b_list order.
  std::vector<Block*> blist;
  for (auto it = unit.blocks.rbegin(); it != unit.blocks.rend(); ++it) {
    if (!(*it)->instrs.empty()) blist.push_back(it->get());
  }
  auto next_live = [&](Block* b) { return first_live(b->next); };
  auto falls_through = [](const Block* b) { return !is_unconditional(b->instrs.back().op); };
  auto predecessors = [&]() {
    std::map<Block*, int> preds;
    for (Block* b = first_live(unit.first); b; b = next_live(b)) {
      for (const Instr& x : b->instrs) {
        if (x.target) ++preds[x.target];
      }
      if (falls_through(b) && next_live(b)) ++preds[next_live(b)];
    }
    return preds;
  };
  auto exits_without_line = [](const Block* b) {
    if (!is_scope_exit(b->instrs.back().op)) return false;
    for (const Instr& x : b->instrs) {
      if (x.pos.line >= 0) return false;
    }
    return true;
  };
  auto preds = predecessors();
  for (Block* b : blist) {
    Instr& last = b->instrs.back();
    if (!last.target || is_block_push(last.op)) continue;
    Block* target = last.target;
    if (exits_without_line(target) && preds[target] > 1) {
      unit.blocks.push_back(std::make_unique<Block>(*target));
      Block* copy = unit.blocks.back().get();
      copy->instrs[0].pos = last.pos;
      copy->next = target->next;
      target->next = copy;
      last.target = copy;
      --preds[target];
      preds[copy] = 1;
    }
  }
  for (Block* b = first_live(unit.first); b; b = next_live(b)) {
    Block* n = next_live(b);
    if (falls_through(b) && n && exits_without_line(n)) n->instrs[0].pos = b->instrs.back().pos;
  }
  // trim_unused_consts: constants past the last one used are dropped
  // (index 0 stays: it is a function's docstring slot).
  {
    int max_used = 0;
    for (auto& b : unit.blocks) {
      for (const Instr& x : b->instrs) {
        if (x.op == static_cast<int>(Op::LOAD_CONST) || x.op == static_cast<int>(Op::KW_NAMES)) {
          max_used = std::max(max_used, x.arg);
        }
      }
    }
    auto& consts = unit.code->consts;
    if (consts.size() > static_cast<size_t>(max_used) + 1)
      consts.resize(static_cast<size_t>(max_used) + 1);
  }
  // propagate_line_numbers, in layout order.
  preds = predecessors();
  for (Block* b = first_live(unit.first); b; b = next_live(b)) {
    const Instr* prev = nullptr;
    for (Instr& x : b->instrs) {
      if (x.pos.line < 0) {
        if (prev) x.pos = prev->pos;
      } else {
        prev = &x;
      }
    }
    Block* n = next_live(b);
    if (falls_through(b) && n && preds[n] == 1 && n->instrs[0].pos.line < 0 && prev) {
      n->instrs[0].pos = prev->pos;
    }
    const Instr& last = b->instrs.back();
    if (last.target && !is_block_push(last.op) && preds[last.target] == 1 &&
        last.target->instrs[0].pos.line < 0) {
      last.target->instrs[0].pos = last.pos;
    }
  }
  // guarantee_lineno_for_exits, in layout order.
  int lineno = unit.code->firstlineno;
  for (Block* b = first_live(unit.first); b; b = next_live(b)) {
    Instr& last = b->instrs.back();
    if (last.pos.line < 0) {
      if (last.op == static_cast<int>(Op::RETURN_VALUE)) {
        for (Instr& x : b->instrs) x.pos.line = lineno;
      }
    } else {
      lineno = last.pos.line;
    }
  }
}

// ============================================================================
// Assembly
// ============================================================================

bool Codegen::assemble(Unit& unit) {
  CodeObject& code = *unit.code;
  std::vector<Block*> order;
  for (Block* b = unit.first; b; b = b->next) {
    if (!b->instrs.empty()) order.push_back(b);
  }
  // Localsplus offsets of cells and free variables (fix_cell_offsets).
  int nlocals = static_cast<int>(code.varnames.size());
  int ncells = static_cast<int>(unit.cellvars.size());
  int nfrees = static_cast<int>(unit.freevars.size());
  std::vector<int> fixed(static_cast<size_t>(ncells + nfrees));
  for (int i = 0; i < ncells + nfrees; ++i) fixed[static_cast<size_t>(i)] = nlocals + i;
  for (int i = 0; i < ncells; ++i) {
    auto it = unit.varnames.find(unit.cellvars[static_cast<size_t>(i)]);
    if (it != unit.varnames.end()) fixed[static_cast<size_t>(i)] = it->second;
  }
  // Prefix: COPY_FREE_VARS, then MAKE_CELL in localsplus order.
  std::vector<Instr> prefix;
  if (nfrees) prefix.push_back(Instr{static_cast<int>(Op::COPY_FREE_VARS), nfrees, nullptr, {}});
  {
    std::vector<std::pair<int, int>> cells;  // (fixed offset, old index)
    for (int i = 0; i < ncells; ++i) cells.push_back({fixed[static_cast<size_t>(i)], i});
    std::sort(cells.begin(), cells.end());
    for (auto [off, old] : cells) {
      prefix.push_back(Instr{static_cast<int>(Op::MAKE_CELL), old, nullptr, {}});
    }
  }
  if (code.flags & (kGenerator | kCoroutine | kAsyncGenerator)) {
    // The call makes the generator and returns it; the first resume
    // continues at the POP_TOP (insert_prefix_instructions).
    Position at{code.firstlineno, code.firstlineno, -1, -1};
    prefix.push_back(Instr{static_cast<int>(Op::RETURN_GENERATOR), 0, nullptr, at});
    prefix.push_back(Instr{static_cast<int>(Op::POP_TOP), 0, nullptr, Position{code.firstlineno, code.firstlineno, -1, -1}});
  }
  if (!order.empty()) {
    auto& in = order.front()->instrs;
    in.insert(in.begin(), prefix.begin(), prefix.end());
  }
  int dropped = 0;
  for (int i = 0; i < ncells + nfrees; ++i) {
    if (fixed[static_cast<size_t>(i)] == i + nlocals) {
      fixed[static_cast<size_t>(i)] -= dropped;
    } else {
      ++dropped;
    }
  }
  for (Block* b : order) {
    for (Instr& ins : b->instrs) {
      if (ins.op >= 256) continue;
      switch (static_cast<Op>(ins.op)) {
        case Op::MAKE_CELL:
        case Op::LOAD_CLOSURE:
        case Op::LOAD_DEREF:
        case Op::STORE_DEREF:
        case Op::DELETE_DEREF:
        case Op::LOAD_CLASSDEREF:
          if (ins.arg < 0 || static_cast<size_t>(ins.arg) >= fixed.size()) {
            // A compiler bug, reported rather than crashed on.
            if (!failure_) {
              failure_ =
                  Failure{"SystemError", "pylife cannot compile this closure (no cell for a name)",
                          nullptr, true};
            }
            return false;
          }
          ins.arg = fixed[static_cast<size_t>(ins.arg)];
          break;
        default: break;
      }
    }
  }
  code.cellvars = unit.cellvars;
  code.freevars = unit.freevars;

  // Offsets, jump directions and arguments, to a fixed point (EXTENDED_ARG).
  auto ext_units = [](int arg) {
    return arg > 0xFFFFFF ? 3 : arg > 0xFFFF ? 2 : arg > 0xFF ? 1 : 0;
  };
  std::map<const Instr*, int> resolved;  // final opcode of each jump
  for (int round = 0; round < 10; ++round) {
    int offset = 0;
    for (Block* b : order) {
      b->offset = offset;
      for (Instr& ins : b->instrs) {
        int op = ins.op >= 256 ? static_cast<int>(Op::JUMP_FORWARD) : ins.op;
        offset += 1 + ext_units(ins.arg) + op_info(static_cast<uint8_t>(op)).caches;
      }
    }
    bool changed = false;
    offset = 0;
    for (Block* b : order) {
      for (Instr& ins : b->instrs) {
        int size = 1 + ext_units(ins.arg);
        if (ins.target) {
          Block* t = first_live(ins.target);
          int target = t ? t->offset : offset + size;
          int after = offset + size;
          bool backward = target < after;
          int op = ins.op;
          if (ins.op == kJump)
            op = static_cast<int>(backward ? Op::JUMP_BACKWARD : Op::JUMP_FORWARD);
          if (ins.op == kJumpNoInterrupt)
            op = static_cast<int>(backward ? Op::JUMP_BACKWARD_NO_INTERRUPT : Op::JUMP_FORWARD);
          if (ins.op == kPopJumpIfFalse) {
            op = static_cast<int>(backward ? Op::POP_JUMP_BACKWARD_IF_FALSE
                                           : Op::POP_JUMP_FORWARD_IF_FALSE);
          }
          if (ins.op == kPopJumpIfTrue) {
            op = static_cast<int>(backward ? Op::POP_JUMP_BACKWARD_IF_TRUE
                                           : Op::POP_JUMP_FORWARD_IF_TRUE);
          }
          if (ins.op == kPopJumpIfNone) {
            op = static_cast<int>(backward ? Op::POP_JUMP_BACKWARD_IF_NONE
                                           : Op::POP_JUMP_FORWARD_IF_NONE);
          }
          if (ins.op == kPopJumpIfNotNone) {
            op = static_cast<int>(backward ? Op::POP_JUMP_BACKWARD_IF_NOT_NONE
                                           : Op::POP_JUMP_FORWARD_IF_NOT_NONE);
          }
          int arg = backward ? after - target : target - after;
          if (arg != ins.arg) changed = true;
          ins.arg = arg;
          resolved[&ins] = op;
        }
        int op = ins.op >= 256 ? static_cast<int>(Op::JUMP_FORWARD) : ins.op;
        offset += size + op_info(static_cast<uint8_t>(op)).caches;
      }
    }
    if (!changed) break;
  }
  // Emit the bytes and per-unit positions; compute the stack depth.
  for (Block* b : order) {
    for (const Instr& ins : b->instrs) {
      int op = ins.target ? resolved[&ins] : ins.op;
      int arg = ins.arg;
      for (int shift = 8 * ext_units(arg); shift > 0; shift -= 8) {
        code.code.push_back(static_cast<uint8_t>(Op::EXTENDED_ARG));
        code.code.push_back(static_cast<uint8_t>((arg >> shift) & 0xFF));
        code.positions.push_back(ins.pos);
      }
      code.code.push_back(static_cast<uint8_t>(op));
      code.code.push_back(static_cast<uint8_t>(arg & 0xFF));
      code.positions.push_back(ins.pos);
      for (int c = 0; c < op_info(static_cast<uint8_t>(op)).caches; ++c) {
        code.code.push_back(0);
        code.code.push_back(0);
        code.positions.push_back(ins.pos);
      }
    }
  }
  // The exception table: runs of instructions with the same handler.
  {
    int offset = 0;
    Block* handler = nullptr;
    int start = -1;
    auto flush = [&](int end) {
      if (!handler) return;
      ExceptionEntry e;
      e.start = start;
      e.end = end;
      e.target = handler->offset;
      e.lasti = handler->preserve_lasti;
      e.depth = handler->startdepth - 1 - (handler->preserve_lasti ? 1 : 0);
      code.exceptiontable.push_back(e);
    };
    for (Block* b : order) {
      for (const Instr& ins : b->instrs) {
        if (ins.handler != handler) {
          flush(offset);
          start = offset;
          handler = ins.handler;
        }
        int op = ins.target ? resolved[&ins] : ins.op;
        offset += 1 + ext_units(ins.arg) + op_info(static_cast<uint8_t>(op)).caches;
      }
    }
    flush(offset);
  }
  int maxdepth = unit.maxdepth;
  code.stacksize = maxdepth;
  return true;
}

}  // namespace

CompileResult compile_module(const ast::Node* module, const SymbolTable& symbols,
                             std::string_view filename,
                             const std::vector<std::string_view>& lines, bool expression) {
  Codegen codegen(symbols, filename, lines);
  return codegen.module(module, expression);
}

}  // namespace pylife::compile
