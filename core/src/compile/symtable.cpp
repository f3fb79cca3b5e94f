// Symbol tables, following CPython 3.11's Python/symtable.c: a visitor
// that records each name's flags in its block, then analyze_block's
// resolution of LOCAL / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT / FREE / CELL.
#include "pylife/symtable.h"

#include <algorithm>
#include <map>
#include <set>

namespace pylife::compile {

namespace {

using ast::Kind;
using ast::Node;
#define F(kind, name) PYLIFE_FIELD(kind, name)

using NameSet = std::set<std::string>;

class Builder {
 public:
  Builder(const std::vector<std::string_view>& lines) : lines_(lines) {}

  bool build(const Node* module, std::unique_ptr<SymbolTable>& top) {
    top = std::make_unique<SymbolTable>();
    top->type = BlockType::kModule;
    top->name = "top";
    top->node = module;
    global_ = top.get();
    future_annotations_ = has_future_annotations(module);
    stack_.push_back(top.get());
    for (Node* s : const_cast<Node*>(module)->list(F(Module, body))) {
      if (!stmt(s)) return false;
    }
    stack_.pop_back();
    NameSet free, global;
    return analyze_block(*top, nullptr, free, global);
  }

  parse::SyntaxError error;

 private:
  SymbolTable& cur() { return *stack_.back(); }

  // `from __future__ import annotations` among the module's leading
  // statements (after an optional docstring), as future.c finds it.
  static bool has_future_annotations(const Node* module) {
    const auto& body = const_cast<Node*>(module)->list(F(Module, body));
    size_t i = 0;
    if (!body.empty() && body[0]->kind == Kind::Expr) {
      Node* v = body[0]->node(F(Expr, value));
      if (v->kind == Kind::Constant &&
          v->constant(F(Constant, value)).kind == ast::Constant::Kind::kStr) {
        i = 1;
      }
    }
    for (; i < body.size() && body[i]->kind == Kind::ImportFrom; ++i) {
      auto* mod = std::get_if<std::string>(&body[i]->fields[F(ImportFrom, module)]);
      if (!mod || *mod != "__future__") break;
      for (Node* a : body[i]->list(F(ImportFrom, names))) {
        if (a->str(F(alias, name)) == "annotations") return true;
      }
    }
    return false;
  }

  // An annotation: evaluated in the enclosing scope, or (with postponed
  // evaluation) in an annotation block the symtable module never shows.
  bool annotation(Node* e) { return !e || future_annotations_ || expr(e); }

  bool fail(const std::string& msg, const Node* at) {
    int line = at ? at->loc.lineno : 0;
    int col = at ? at->loc.col_offset : 0;
    error.type = "SyntaxError";
    error.msg = msg;
    error.lineno = line;
    error.offset = col + 1;
    if (line >= 1 && static_cast<size_t>(line) <= lines_.size()) {
      error.text = std::string(lines_[static_cast<size_t>(line) - 1]);
      std::string_view l = lines_[static_cast<size_t>(line) - 1];
      error.offset =
          static_cast<int>(std::count_if(
              l.begin(), l.begin() + std::min<size_t>(static_cast<size_t>(col), l.size()),
              [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; })) +
          1;
    }
    return false;
  }

  static Symbol* find(SymbolTable& t, const std::string& name) {
    for (auto& s : t.symbols) {
      if (s.name == name) return &s;
    }
    return nullptr;
  }

  int lookup(const std::string& name) {
    Symbol* s = find(cur(), mangle(private_, name));
    return s ? s->flags : 0;
  }

  // symtable_add_def_helper
  bool add_def(const std::string& raw, int flag, const Node* at, SymbolTable* ste = nullptr) {
    if (!ste) ste = &cur();
    std::string name = mangle(private_, raw);
    Symbol* s = find(*ste, name);
    int val = flag;
    if (s) {
      if ((flag & kDefParam) && (s->flags & kDefParam)) {
        return fail("duplicate argument '" + name + "' in function definition", at);
      }
      val = s->flags | flag;
    }
    if (comp_iter_target_ && ste == &cur()) {
      if (val & (kDefGlobal | kDefNonlocal)) {
        return fail(
            "comprehension inner loop cannot rebind assignment expression target '" + name + "'",
            at);
      }
      val |= kDefCompIter;
    }
    if (s) {
      s->flags = val;
    } else {
      ste->symbols.push_back({name, val, Scope::kNone});
    }
    if (flag & kDefParam) {
      ste->varnames.push_back(name);
    } else if (flag & kDefGlobal) {
      Symbol* g = find(*global_, name);
      if (g) {
        g->flags |= flag;
      } else {
        global_->symbols.push_back({name, flag, Scope::kNone});
      }
    }
    return true;
  }

  void enter(BlockType type, std::string name, const Node* node, int lineno) {
    auto block = std::make_unique<SymbolTable>();
    block->type = type;
    block->name = std::move(name);
    block->node = node;
    block->lineno = lineno;
    block->nested = cur().nested || cur().type == BlockType::kFunction;
    SymbolTable* raw = block.get();
    cur().children.push_back(std::move(block));
    stack_.push_back(raw);
  }
  void exit() { stack_.pop_back(); }

  bool stmts(Node* n, size_t field) {
    for (Node* s : n->list(field)) {
      if (!stmt(s)) return false;
    }
    return true;
  }
  bool exprs(const std::vector<Node*>& list) {
    for (Node* e : list) {
      if (e && !expr(e)) return false;
    }
    return true;
  }
  bool opt(Node* e) { return !e || expr(e); }

  bool arguments(Node* a) {
    for (size_t f : {F(arguments, posonlyargs), F(arguments, args), F(arguments, kwonlyargs)}) {
      for (Node* arg : a->list(f)) {
        if (!add_def(arg->str(F(arg, arg)), kDefParam, arg)) return false;
      }
    }
    for (size_t f : {F(arguments, vararg), F(arguments, kwarg)}) {
      if (Node* arg = a->opt(f)) {
        if (!add_def(arg->str(F(arg, arg)), kDefParam, arg)) return false;
        cur().varnames.pop_back();
        cur().varnames.push_back(mangle(private_, arg->str(F(arg, arg))));
      }
    }
    return true;
  }

  // Annotations are evaluated in the enclosing scope.
  bool annotations(Node* a, Node* returns) {
    for (size_t f : {F(arguments, posonlyargs), F(arguments, args), F(arguments, kwonlyargs)}) {
      for (Node* arg : a->list(f)) {
        if (!annotation(arg->opt(F(arg, annotation)))) return false;
      }
    }
    for (size_t f : {F(arguments, vararg), F(arguments, kwarg)}) {
      if (Node* arg = a->opt(f)) {
        if (!annotation(arg->opt(F(arg, annotation)))) return false;
      }
    }
    return annotation(returns);
  }

  bool function(Node* s, bool lambda) {
    Node* args = s->node(lambda ? F(Lambda, args) : F(FunctionDef, args));
    if (!lambda && !add_def(s->str(F(FunctionDef, name)), kDefLocal, s)) return false;
    if (!exprs(args->list(F(arguments, defaults)))) return false;
    if (!exprs(args->list(F(arguments, kw_defaults)))) return false;
    if (!lambda) {
      if (!annotations(args, s->opt(F(FunctionDef, returns)))) return false;
      if (!exprs(s->list(F(FunctionDef, decorator_list)))) return false;
    }
    enter(BlockType::kFunction, lambda ? "lambda" : s->str(F(FunctionDef, name)), s, s->loc.lineno);
    if (s->kind == Kind::AsyncFunctionDef) cur().coroutine = true;
    if (!arguments(args)) return false;
    bool ok = lambda ? expr(s->node(F(Lambda, body))) : stmts(s, F(FunctionDef, body));
    exit();
    return ok;
  }

  bool global_or_nonlocal(Node* s, bool is_global) {
    for (const auto& name : std::get<std::vector<std::string>>(s->fields[0])) {
      int cur_flags = lookup(name);
      if (cur_flags & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
        const char* what = is_global ? "global" : "nonlocal";
        std::string msg;
        if (cur_flags & kDefParam) {
          msg = "name '" + name + "' is parameter and " + what;
        } else if (cur_flags & kUse) {
          msg = "name '" + name + "' is used prior to " + what + " declaration";
        } else if (cur_flags & kDefAnnot) {
          msg = "annotated name '" + name + "' can't be " + what;
        } else {
          msg = "name '" + name + "' is assigned to before " + what + " declaration";
        }
        return fail(msg, s);
      }
      if (!is_global && cur().type == BlockType::kModule) {
        // Reported by analysis in CPython, with the same message.
      }
      if (!add_def(name, is_global ? kDefGlobal : kDefNonlocal, s)) return false;
      directives_[&cur()][mangle(private_, name)] = s;
    }
    return true;
  }

  bool stmt(Node* s) {
    switch (s->kind) {
      case Kind::FunctionDef:
      case Kind::AsyncFunctionDef: return function(s, false);
      case Kind::ClassDef: {
        if (!add_def(s->str(F(ClassDef, name)), kDefLocal, s)) return false;
        if (!exprs(s->list(F(ClassDef, bases)))) return false;
        for (Node* k : s->list(F(ClassDef, keywords))) {
          if (!expr(k->node(F(keyword, value)))) return false;
        }
        if (!exprs(s->list(F(ClassDef, decorator_list)))) return false;
        enter(BlockType::kClass, s->str(F(ClassDef, name)), s, s->loc.lineno);
        std::string saved = private_;
        private_ = s->str(F(ClassDef, name));
        bool ok = stmts(s, F(ClassDef, body));
        private_ = saved;
        exit();
        return ok;
      }
      case Kind::Return: return opt(s->opt(F(Return, value)));
      case Kind::Delete: return exprs(s->list(F(Delete, targets)));
      case Kind::Assign:
        return exprs(s->list(F(Assign, targets))) && expr(s->node(F(Assign, value)));
      case Kind::AnnAssign: {
        Node* target = s->node(F(AnnAssign, target));
        bool simple = s->integer(F(AnnAssign, simple)) != 0;
        if (target->kind == Kind::Name) {
          const std::string& id = target->str(F(Name, id));
          int cur_flags = lookup(id);
          if ((cur_flags & (kDefGlobal | kDefNonlocal)) && &cur() != global_ && simple) {
            return fail(std::string("annotated name '") + id + "' can't be " +
                            ((cur_flags & kDefGlobal) ? "global" : "nonlocal"),
                        s);
          }
          if (simple) {
            if (!add_def(id, kDefAnnot | kDefLocal, target)) return false;
          } else if (s->opt(F(AnnAssign, value))) {
            if (!add_def(id, kDefLocal, target)) return false;
          }
        } else if (!expr(target)) {
          return false;
        }
        return annotation(s->node(F(AnnAssign, annotation))) && opt(s->opt(F(AnnAssign, value)));
      }
      case Kind::AugAssign:
        return expr(s->node(F(AugAssign, target))) && expr(s->node(F(AugAssign, value)));
      case Kind::For:
      case Kind::AsyncFor:
        return expr(s->node(F(For, target))) && expr(s->node(F(For, iter))) &&
               stmts(s, F(For, body)) && stmts(s, F(For, orelse));
      case Kind::While:
        return expr(s->node(F(While, test))) && stmts(s, F(While, body)) &&
               stmts(s, F(While, orelse));
      case Kind::If:
        return expr(s->node(F(If, test))) && stmts(s, F(If, body)) && stmts(s, F(If, orelse));
      case Kind::Match: {
        if (!expr(s->node(F(Match, subject)))) return false;
        for (Node* c : s->list(F(Match, cases))) {
          if (!pattern(c->node(F(match_case, pattern)))) return false;
          if (!opt(c->opt(F(match_case, guard)))) return false;
          if (!stmts(c, F(match_case, body))) return false;
        }
        return true;
      }
      case Kind::Raise: return opt(s->opt(F(Raise, exc))) && opt(s->opt(F(Raise, cause)));
      case Kind::Try:
      case Kind::TryStar: {
        if (!stmts(s, F(Try, body)) || !stmts(s, F(Try, orelse))) return false;
        for (Node* h : s->list(F(Try, handlers))) {
          if (!opt(h->opt(F(ExceptHandler, type)))) return false;
          if (auto* name = std::get_if<std::string>(&h->fields[F(ExceptHandler, name)])) {
            if (!add_def(*name, kDefLocal, h)) return false;
          }
          if (!stmts(h, F(ExceptHandler, body))) return false;
        }
        return stmts(s, F(Try, finalbody));
      }
      case Kind::Assert: return expr(s->node(F(Assert, test))) && opt(s->opt(F(Assert, msg)));
      case Kind::Import:
      case Kind::ImportFrom: {
        auto& names = s->list(s->kind == Kind::Import ? F(Import, names) : F(ImportFrom, names));
        for (Node* a : names) {
          const std::string& full = a->str(F(alias, name));
          auto* as = std::get_if<std::string>(&a->fields[F(alias, asname)]);
          std::string store = as ? *as : full.substr(0, full.find('.'));
          if (store == "*") {
            if (cur().type != BlockType::kModule) {
              return fail("import * only allowed at module level", s);
            }
            continue;
          }
          if (!add_def(store, kDefImport, a)) return false;
        }
        return true;
      }
      case Kind::Global: return global_or_nonlocal(s, true);
      case Kind::Nonlocal: return global_or_nonlocal(s, false);
      case Kind::Expr: return expr(s->node(F(Expr, value)));
      case Kind::With:
      case Kind::AsyncWith: {
        for (Node* item : s->list(F(With, items))) {
          if (!expr(item->node(F(withitem, context_expr)))) return false;
          if (!opt(item->opt(F(withitem, optional_vars)))) return false;
        }
        return stmts(s, F(With, body));
      }
      default: return true;  // Pass, Break, Continue
    }
  }

  bool pattern(Node* p) {
    switch (p->kind) {
      case Kind::MatchValue: return expr(p->node(F(MatchValue, value)));
      case Kind::MatchSequence: {
        for (Node* c : p->list(F(MatchSequence, patterns))) {
          if (!pattern(c)) return false;
        }
        return true;
      }
      case Kind::MatchStar:
        if (auto* name = std::get_if<std::string>(&p->fields[F(MatchStar, name)])) {
          return add_def(*name, kDefLocal, p);
        }
        return true;
      case Kind::MatchMapping: {
        if (!exprs(p->list(F(MatchMapping, keys)))) return false;
        for (Node* c : p->list(F(MatchMapping, patterns))) {
          if (!pattern(c)) return false;
        }
        if (auto* rest = std::get_if<std::string>(&p->fields[F(MatchMapping, rest)])) {
          return add_def(*rest, kDefLocal, p);
        }
        return true;
      }
      case Kind::MatchClass: {
        if (!expr(p->node(F(MatchClass, cls)))) return false;
        for (Node* c : p->list(F(MatchClass, patterns))) {
          if (!pattern(c)) return false;
        }
        for (Node* c : p->list(F(MatchClass, kwd_patterns))) {
          if (!pattern(c)) return false;
        }
        return true;
      }
      case Kind::MatchAs:
        if (Node* inner = p->opt(F(MatchAs, pattern))) {
          if (!pattern(inner)) return false;
        }
        if (auto* name = std::get_if<std::string>(&p->fields[F(MatchAs, name)])) {
          return add_def(*name, kDefLocal, p);
        }
        return true;
      case Kind::MatchOr: {
        for (Node* c : p->list(F(MatchOr, patterns))) {
          if (!pattern(c)) return false;
        }
        return true;
      }
      default: return true;  // MatchSingleton
    }
  }

  // symtable_extend_namedexpr_scope
  bool extend_namedexpr_scope(Node* target) {
    const std::string& name = target->str(F(Name, id));
    for (size_t i = stack_.size(); i-- > 0;) {
      SymbolTable* ste = stack_[i];
      if (ste->comprehension) {
        Symbol* s = find(*ste, mangle(private_, name));
        if (s && (s->flags & kDefCompIter)) {
          return fail(
              "assignment expression cannot rebind comprehension iteration variable '" + name + "'",
              target);
        }
        continue;
      }
      if (ste->type == BlockType::kFunction) {
        Symbol* s = find(*ste, mangle(private_, name));
        if (s && (s->flags & kDefGlobal)) {
          if (!add_def(name, kDefGlobal, target)) return false;
        } else if (!add_def(name, kDefNonlocal, target)) {
          return false;
        }
        return add_def(name, kDefLocal, target, ste);
      }
      if (ste->type == BlockType::kModule) {
        if (!add_def(name, kDefGlobal, target)) return false;
        return add_def(name, kDefGlobal, target, ste);
      }
      if (ste->type == BlockType::kClass) {
        return fail("assignment expression within a comprehension cannot be used in a class body",
                    target);
      }
    }
    return true;
  }

  bool comprehension(Node* e, const char* scope_name, size_t gens_field, Node* elt, Node* value) {
    auto& gens = e->list(gens_field);
    Node* outermost = gens[0];
    ++comp_iter_expr_;
    bool ok = expr(outermost->node(F(comprehension, iter)));
    --comp_iter_expr_;
    if (!ok) return false;
    enter(BlockType::kFunction, scope_name, e, e->loc.lineno);
    cur().comprehension = true;
    if (outermost->integer(F(comprehension, is_async))) cur().coroutine = true;
    if (!add_def(".0", kDefParam, e)) return false;
    comp_iter_target_ = true;
    ok = expr(outermost->node(F(comprehension, target)));
    comp_iter_target_ = false;
    if (!ok || !exprs(outermost->list(F(comprehension, ifs)))) return false;
    for (size_t i = 1; i < gens.size(); ++i) {
      Node* g = gens[i];
      comp_iter_target_ = true;
      ok = expr(g->node(F(comprehension, target)));
      comp_iter_target_ = false;
      if (!ok) return false;
      ++comp_iter_expr_;
      ok = expr(g->node(F(comprehension, iter)));
      --comp_iter_expr_;
      if (!ok || !exprs(g->list(F(comprehension, ifs)))) return false;
      if (g->integer(F(comprehension, is_async))) cur().coroutine = true;
    }
    if (value && !expr(value)) return false;
    if (!expr(elt)) return false;
    bool is_generator = e->kind == Kind::GeneratorExp;
    cur().generator = is_generator;
    bool is_async = cur().coroutine && !is_generator;
    exit();
    if (is_async) cur().coroutine = true;
    return true;
  }

  bool expr(Node* e) {
    switch (e->kind) {
      case Kind::NamedExpr: {
        if (comp_iter_expr_ > 0) {
          return fail("assignment expression cannot be used in a comprehension iterable expression",
                      e);
        }
        if (cur().comprehension && !extend_namedexpr_scope(e->node(F(NamedExpr, target)))) {
          return false;
        }
        return expr(e->node(F(NamedExpr, value))) && expr(e->node(F(NamedExpr, target)));
      }
      case Kind::BoolOp: return exprs(e->list(F(BoolOp, values)));
      case Kind::BinOp: return expr(e->node(F(BinOp, left))) && expr(e->node(F(BinOp, right)));
      case Kind::UnaryOp: return expr(e->node(F(UnaryOp, operand)));
      case Kind::Lambda: return function(e, true);
      case Kind::IfExp:
        return expr(e->node(F(IfExp, test))) && expr(e->node(F(IfExp, body))) &&
               expr(e->node(F(IfExp, orelse)));
      case Kind::Dict: return exprs(e->list(F(Dict, keys))) && exprs(e->list(F(Dict, values)));
      case Kind::Set: return exprs(e->list(F(Set, elts)));
      case Kind::GeneratorExp:
        return comprehension(e, "genexpr", F(GeneratorExp, generators),
                             e->node(F(GeneratorExp, elt)), nullptr);
      case Kind::ListComp:
        return comprehension(e, "listcomp", F(ListComp, generators), e->node(F(ListComp, elt)),
                             nullptr);
      case Kind::SetComp:
        return comprehension(e, "setcomp", F(SetComp, generators), e->node(F(SetComp, elt)),
                             nullptr);
      case Kind::DictComp:
        return comprehension(e, "dictcomp", F(DictComp, generators), e->node(F(DictComp, key)),
                             e->node(F(DictComp, value)));
      case Kind::Yield:
        if (cur().comprehension) return fail(comprehension_yield(), e);
        cur().generator = true;
        return opt(e->opt(F(Yield, value)));
      case Kind::YieldFrom:
        if (cur().comprehension) return fail(comprehension_yield(), e);
        cur().generator = true;
        return expr(e->node(F(YieldFrom, value)));
      case Kind::Await: cur().coroutine = true; return expr(e->node(F(Await, value)));
      case Kind::Compare:
        return expr(e->node(F(Compare, left))) && exprs(e->list(F(Compare, comparators)));
      case Kind::Call: {
        if (!expr(e->node(F(Call, func))) || !exprs(e->list(F(Call, args)))) return false;
        for (Node* k : e->list(F(Call, keywords))) {
          if (!expr(k->node(F(keyword, value)))) return false;
        }
        return true;
      }
      case Kind::FormattedValue:
        return expr(e->node(F(FormattedValue, value))) &&
               opt(e->opt(F(FormattedValue, format_spec)));
      case Kind::JoinedStr: return exprs(e->list(F(JoinedStr, values)));
      case Kind::Attribute: return expr(e->node(F(Attribute, value)));
      case Kind::Subscript:
        return expr(e->node(F(Subscript, value))) && expr(e->node(F(Subscript, slice)));
      case Kind::Starred: return expr(e->node(F(Starred, value)));
      case Kind::Slice:
        return opt(e->opt(F(Slice, lower))) && opt(e->opt(F(Slice, upper))) &&
               opt(e->opt(F(Slice, step)));
      case Kind::Name: {
        Kind ctx = e->node(F(Name, ctx))->kind;
        const std::string& id = e->str(F(Name, id));
        if (!add_def(id, ctx == Kind::Load ? kUse : kDefLocal, e)) return false;
        // super() needs the implicit __class__ cell.
        if (ctx == Kind::Load && cur().type == BlockType::kFunction && id == "super") {
          return add_def("__class__", kUse, e);
        }
        return true;
      }
      case Kind::List: return exprs(e->list(F(List, elts)));
      case Kind::Tuple: return exprs(e->list(F(Tuple, elts)));
      default: return true;  // Constant
    }
  }

  std::string comprehension_yield() {
    const std::string& n = cur().name;
    std::string what = n == "listcomp"   ? "list comprehension"
                       : n == "setcomp"  ? "set comprehension"
                       : n == "dictcomp" ? "dict comprehension"
                                         : "generator expression";
    return "'yield' inside " + what;
  }

  // ---- analysis (analyze_block and friends) ----------------------------------

  // Where [name]'s global/nonlocal statement is in [ste] (for errors).
  const Node* directive(SymbolTable& ste, const std::string& name) {
    auto it = directives_.find(&ste);
    if (it != directives_.end()) {
      auto jt = it->second.find(name);
      if (jt != it->second.end()) return jt->second;
    }
    return ste.node;
  }

  bool analyze_name(SymbolTable& ste, std::map<std::string, Scope>& scopes, Symbol& sym,
                    NameSet* bound, NameSet& local, NameSet& free, NameSet& global) {
    const std::string& name = sym.name;
    int flags = sym.flags;
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) {
        return fail("name '" + name + "' is nonlocal and global", directive(ste, name));
      }
      scopes[name] = Scope::kGlobalExplicit;
      global.insert(name);
      if (bound) bound->erase(name);
      return true;
    }
    if (flags & kDefNonlocal) {
      if (!bound) {
        return fail("nonlocal declaration not allowed at module level", directive(ste, name));
      }
      if (!bound->count(name)) {
        return fail("no binding for nonlocal '" + name + "' found", directive(ste, name));
      }
      scopes[name] = Scope::kFree;
      ste.has_free = true;
      free.insert(name);
      return true;
    }
    if (flags & kDefBound) {
      scopes[name] = Scope::kLocal;
      local.insert(name);
      global.erase(name);
      return true;
    }
    if (bound && bound->count(name)) {
      scopes[name] = Scope::kFree;
      ste.has_free = true;
      free.insert(name);
      return true;
    }
    if (global.count(name)) {
      scopes[name] = Scope::kGlobalImplicit;
      return true;
    }
    if (ste.nested) ste.has_free = true;
    scopes[name] = Scope::kGlobalImplicit;
    return true;
  }

  bool analyze_block(SymbolTable& ste, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local, newglobal, newfree, newbound;
    std::map<std::string, Scope> scopes;
    if (ste.type == BlockType::kClass) {
      newglobal = global;
      if (bound) newbound = *bound;
    }
    for (auto& sym : ste.symbols) {
      if (!analyze_name(ste, scopes, sym, bound, local, free, global)) return false;
    }
    if (ste.type != BlockType::kClass) {
      if (ste.type == BlockType::kFunction) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newbound.insert("__class__");
    }
    NameSet allfree;
    for (auto& child : ste.children) {
      NameSet temp_bound = newbound, temp_free = newfree, temp_global = newglobal;
      if (!analyze_block(*child, &temp_bound, temp_free, temp_global)) return false;
      allfree.insert(temp_free.begin(), temp_free.end());
      if (child->has_free || child->child_free) ste.child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (ste.type == BlockType::kFunction) {
      for (auto& [name, scope] : scopes) {
        if (scope == Scope::kLocal && newfree.count(name)) {
          scope = Scope::kCell;
          newfree.erase(name);
        }
      }
    } else if (ste.type == BlockType::kClass && newfree.count("__class__")) {
      newfree.erase("__class__");
      ste.needs_class_closure = true;
    }
    // update_symbols
    for (auto& sym : ste.symbols) sym.scope = scopes[sym.name];
    for (const auto& name : newfree) {
      if (Symbol* s = find(ste, name)) {
        if (ste.type == BlockType::kClass && (s->flags & (kDefBound | kDefGlobal))) {
          s->flags |= kDefFreeClass;
        }
        continue;
      }
      if (bound && !bound->count(name)) continue;
      ste.symbols.push_back({name, kDefFree, Scope::kFree});
    }
    free.insert(newfree.begin(), newfree.end());
    return true;
  }

  const std::vector<std::string_view>& lines_;
  std::vector<SymbolTable*> stack_;
  SymbolTable* global_ = nullptr;
  std::string private_;
  std::map<const SymbolTable*, std::map<std::string, const Node*>> directives_;
  int comp_iter_expr_ = 0;
  bool comp_iter_target_ = false;
  bool future_annotations_ = false;
};

void dump_block(const SymbolTable& t, int depth, std::string& out) {
  static const char* kTypes[] = {"module", "function", "class"};
  std::string pad(static_cast<size_t>(depth) * 2, ' ');
  out += pad + kTypes[static_cast<int>(t.type)] + " " + t.name + " line " +
         std::to_string(t.lineno) + (t.type == BlockType::kFunction ? " optimized" : "") + "\n";
  std::vector<const Symbol*> sorted;
  for (const auto& s : t.symbols) sorted.push_back(&s);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
  // Lib/symtable.py decides "module scope" by the table's name being
  // "top", so a function named top is shown the same way.
  bool module = t.name == "top";
  for (const Symbol* s : sorted) {
    int f = s->flags;
    Scope sc = s->scope;
    bool namespace_ = false;
    for (const auto& c : t.children) namespace_ = namespace_ || c->name == s->name;
    std::vector<const char*> props;
    if (f & kUse) props.push_back("referenced");
    if (f & kDefImport) props.push_back("imported");
    if (f & kDefParam) props.push_back("parameter");
    if (sc == Scope::kGlobalImplicit || sc == Scope::kGlobalExplicit ||
        (module && (f & kDefBound))) {
      props.push_back("global");
    }
    if (f & kDefNonlocal) props.push_back("nonlocal");
    if (sc == Scope::kGlobalExplicit) props.push_back("declared_global");
    if (sc == Scope::kLocal || sc == Scope::kCell || (module && (f & kDefBound))) {
      props.push_back("local");
    }
    if (f & kDefAnnot) props.push_back("annotated");
    if (sc == Scope::kFree) props.push_back("free");
    if (f & kDefLocal) props.push_back("assigned");
    if (namespace_) props.push_back("namespace");
    out += pad + "  " + s->name + ":";
    for (const char* p : props) out += std::string(" ") + p;
    out += "\n";
  }
  for (const auto& c : t.children) dump_block(*c, depth + 1, out);
}

}  // namespace

const Symbol* SymbolTable::lookup(std::string_view name) const {
  for (const auto& s : symbols) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string mangle(const std::string& class_name, const std::string& name) {
  if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  if (name.compare(name.size() - 2, 2, "__") == 0) return name;  // __dunder__ and "__"
  if (name.find('.') != std::string::npos) return name;
  size_t start = class_name.find_first_not_of('_');
  if (start == std::string::npos) return name;
  return "_" + class_name.substr(start) + name;
}

SymtableResult build_symtable(const ast::Node* module, const std::vector<std::string_view>& lines) {
  SymtableResult result;
  Builder builder(lines);
  result.ok = builder.build(module, result.top);
  if (!result.ok) result.error = builder.error;
  return result;
}

std::string dump_symtable(const SymbolTable& table) {
  std::string out;
  dump_block(table, 0, out);
  return out;
}

}  // namespace pylife::compile
