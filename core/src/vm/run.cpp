// Running a program: code objects as runtime objects, the __main__ module,
// the built-ins that need the running frame (globals, locals, vars, super,
// __build_class__, __import__), the import of the program's own modules,
// CPython 3.11's traceback format, and termination (exit codes, SystemExit).
#include <algorithm>
#include <functional>
#include <variant>
#include <cstdio>
#include <cstdlib>

#include "frame.h"
#include "inspect.h"
#include "pylife/compile.h"
#include "pylife/dis.h"
#include "pylife/lex.h"
#include "pylife/parse.h"
#include "pylife/symtable.h"
#include "pylife/unicode.h"
#include "pylife/vm.h"

namespace pylife::vm {

FrameStack& frame_stack(Interp& in) {
  if (!in.vm_data) in.vm_data = std::make_shared<FrameStack>();
  return *static_cast<FrameStack*>(in.vm_data.get());
}

}  // namespace pylife::vm

namespace pylife::runtime {

namespace {

Object* const_object(Interp& in, const compile::Const& c) {
  using K = compile::Const::Kind;
  switch (c.kind) {
    case K::kNone: return incref(in.None);
    case K::kTrue: return incref(in.True);
    case K::kFalse: return incref(in.False);
    case K::kEllipsis: return incref(in.Ellipsis);
    case K::kInt: {
      std::string err;
      auto v = BigInt::parse(c.text, 10, &err);
      return new_int(in, v ? *v : BigInt(0));
    }
    case K::kFloat: return new_float(in, c.number);
    case K::kComplex: return new_complex(in, c.real, c.number);
    case K::kStr: return intern(in, c.text);
    case K::kBytes: return new_bytes(in, c.text);
    case K::kTuple: {
      std::vector<Object*> items;
      for (const auto& x : c.items) items.push_back(const_object(in, x));
      return new_tuple(in, std::move(items));
    }
    case K::kFrozenset: {
      SetObj* fs = new_set(in, true);
      for (const auto& x : c.items) {
        Object* item = const_object(in, x);
        set_add(in, fs, item);
        decref(item);
      }
      return fs;
    }
    case K::kCode: return new_code(in, c.code);
  }
  return incref(in.None);
}

}  // namespace

CodeObj* new_code(Interp& in, std::shared_ptr<const compile::CodeObject> code) {
  auto* c = in.alloc<CodeObj>(in.t.code);
  c->code = code;
  c->serial = ++in.code_serials;
  for (const auto& k : code->consts) c->consts.push_back(const_object(in, k));
  for (const auto& n : code->names) c->names.push_back(intern(in, n));
  c->global_cache.resize(c->names.size());
  for (const auto& n : code->localsplus()) c->localsplus.push_back(intern(in, n));
  c->nlocals = static_cast<int>(code->varnames.size());
  c->nfrees = static_cast<int>(code->freevars.size());
  c->ncells = static_cast<int>(c->localsplus.size()) - c->nlocals - c->nfrees;
  c->name = intern(in, code->name);
  c->qualname = new_str(in, code->qualname);
  return c;
}

}  // namespace pylife::runtime

namespace pylife::vm {

// The text of a standard module written in Python (generated/pylib.cpp).
std::optional<std::string_view> python_module_source(std::string_view name);

namespace {

// ---- compiling and running modules ---------------------------------------------------

// The front stages' events for an observer: tokens, syntax tree nodes
// (children first), symbols, and each code object with its instructions.
void front_end_events(events::Observer& obs, const source::Source& src, const ast::Node* module,
                      const compile::SymbolTable& top, const compile::CodeObject& code) {
  lex::TokenStream tokens = lex::tokenize(src);
  uint32_t index = 0;
  for (const auto& t : tokens.tokens) {
    obs.on_token(events::Token{index++, lex::token_name(t.exact()), t.text, t.start.line, t.start.col, t.end.line,
                               t.end.col});
  }
  std::function<void(const ast::Node*, int)> walk = [&](const ast::Node* n, int depth) {
    for (const auto& v : n->fields) {
      if (auto* child = std::get_if<ast::Node*>(&v); child && *child) walk(*child, depth + 1);
      if (auto* list = std::get_if<std::vector<ast::Node*>>(&v)) {
        for (const ast::Node* c : *list) {
          if (c) walk(c, depth + 1);
        }
      }
    }
    events::AstNode e;
    e.kind = ast::spec(n->kind).name;
    e.depth = depth;
    if (ast::spec(n->kind).located) {
      e.line = n->loc.lineno;
      e.col = n->loc.col_offset;
      e.end_line = n->loc.end_lineno;
      e.end_col = n->loc.end_col_offset;
    }
    obs.on_ast_node(e);
  };
  walk(module, 0);
  std::function<void(const compile::SymbolTable&)> symbols = [&](const compile::SymbolTable& t) {
    for (const auto& sym : t.symbols) {
      std::string_view kind = sym.scope == compile::Scope::kLocal            ? "local"
                              : sym.scope == compile::Scope::kGlobalExplicit ? "global (declared)"
                              : sym.scope == compile::Scope::kGlobalImplicit ? "global"
                              : sym.scope == compile::Scope::kFree           ? "free"
                              : sym.scope == compile::Scope::kCell           ? "cell"
                                                                             : "unresolved";
      obs.on_symbol(events::Symbol{t.name, sym.name, kind});
    }
    for (const auto& c : t.children) symbols(*c);
  };
  symbols(top);
  std::function<void(const compile::CodeObject&)> codes = [&](const compile::CodeObject& co) {
    auto rows = compile::disassemble(co);
    for (const auto& r : rows) {
      obs.on_instruction_emitted(events::Emitted{co.qualname, r.offset, r.opname, r.arg < 0 ? 0 : r.arg, r.argrepr,
                                                 r.pos.line});
    }
    obs.on_code_object(events::CodeObject{co.qualname, static_cast<int>(rows.size()), co.stacksize,
                                          static_cast<int>(co.consts.size()), static_cast<int>(co.names.size()),
                                          static_cast<int>(co.varnames.size())});
    for (const auto& c : co.consts) {
      if (c.kind == compile::Const::Kind::kCode) codes(*c.code);
    }
  };
  codes(code);
}

}  // namespace

void remember_source(Interp& in, const std::string& filename, const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  std::string t = text;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == '\n' || t[i] == '\r') {
      lines.push_back(t.substr(start, i - start));
      if (i < t.size() && t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  for (auto& s : in.sources) {
    if (s.first == filename) {
      s.second = std::move(lines);
      return;
    }
  }
  in.sources.emplace_back(filename, std::move(lines));
}

Compiled compile_source(const source::Source& src, const std::string& filename, events::Observer* observer,
                        bool expression) {
  Compiled out;
  parse::ParseResult parsed = parse::parse(src);
  for (const auto& w : parsed.warnings) out.warnings_text += parse::format_warning(w, filename, src.text);
  if (!parsed.ok) {
    out.error_text = parse::format_error(parsed.error, filename);
    out.error = parsed.error;
    return out;
  }
  std::string text = source::normalize_newlines(src.text);
  auto lines = source::split_lines(text);
  auto table = compile::build_symtable(parsed.module, lines);
  if (!table.ok) {
    out.error_text = parse::format_error(table.error, filename);
    out.error = table.error;
    return out;
  }
  auto compiled = compile::compile_module(parsed.module, *table.top, filename, lines, expression);
  for (const auto& w : compiled.warnings) out.warnings_text += parse::format_warning(w, filename, src.text);
  if (!compiled.ok) {
    out.unsupported = compiled.unsupported;
    out.error = compiled.error;
    if (compiled.unsupported) {
      out.error_text = "pylife: " + filename + ":" + std::to_string(compiled.error.lineno) + ": " + compiled.error.msg + "\n";
    } else {
      out.error_text = parse::format_error(compiled.error, filename);
    }
    return out;
  }
  out.ok = true;
  out.code = compiled.code;
  if (observer) front_end_events(*observer, src, parsed.module, *table.top, *compiled.code);
  return out;
}

// Raises what a failed compile of [filename] gives: SyntaxError (or its
// subclass) with CPython's (msg, (filename, lineno, offset, text,
// end_lineno, end_offset)) arguments, or SystemError for what pylife
// cannot compile yet.
Object* raise_compile_error(Interp& in, const Compiled& c, const std::string& filename) {
  const parse::SyntaxError& e = c.error;
  if (c.unsupported) return in.raise(in.t.SystemError, e.msg);
  Type* type = e.type == "IndentationError" ? in.t.IndentationError
               : e.type == "MemoryError"    ? in.t.MemoryError
                                            : in.t.SyntaxError;
  if (e.type == "TabError") type = in.t.TabError;
  if (type == in.t.MemoryError) return in.raise(type, e.msg);
  auto num = [&](int v, bool present) { return present ? new_int(in, v) : incref(in.None); };
  Object* detail = new_tuple(in, {new_str(in, filename), num(e.lineno, e.lineno >= 0),
                                  num(e.offset, e.lineno >= 0), e.lineno >= 0 ? new_str(in, e.text) : incref(in.None),
                                  num(e.end_lineno ? e.end_lineno : e.lineno, e.lineno >= 0),
                                  num(e.end_offset, e.lineno >= 0)});
  return in.raise_obj(new_exception(in, type, new_tuple(in, {new_str(in, e.msg), detail})));
}


namespace {

// ---- built-ins that need the frame ------------------------------------------------------

Object* b_globals(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "globals", args, 0, 0)) return nullptr;
  if (!in.frame) return new_dict(in);
  return incref(in.frame->globals);
}

Object* frame_locals(Interp& in, Frame* f) {
  if (f->locals) return incref(f->locals);
  DictObj* d = new_dict(in);
  CodeObj* co = f->code;
  int n = co->nlocals + co->ncells + co->nfrees;
  for (int i = 0; i < n; ++i) {
    Object* v = f->fast[i];
    if (!v) continue;
    bool is_cell_slot = i >= co->nlocals || v->type == in.t.cell;
    if (is_cell_slot && v->type == in.t.cell) {
      v = static_cast<CellObj*>(v)->ref;
      if (!v) continue;
    }
    dict_set(in, d, co->localsplus[static_cast<size_t>(i)], v);
  }
  return d;
}

Object* b_locals(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "locals", args, 0, 0)) return nullptr;
  if (!in.frame) return new_dict(in);
  return frame_locals(in, in.frame);
}

// exec() and eval(): source (str, bytes) or a code object, run with the
// caller's namespaces or the ones given.
Object* exec_or_eval(Interp& in, const Args& args, bool eval) {
  std::string fname = eval ? "eval" : "exec";
  if (!no_kwargs(in, fname, args) || !arg_count(in, fname, args, 1, 3)) return nullptr;
  Object* source = args.items[0];
  Object* globals = args.npos > 1 ? args.items[1] : in.None;
  Object* locals = args.npos > 2 ? args.items[2] : in.None;
  if (globals != in.None && !is_type(globals, in.t.dict)) {
    if (eval) return in.raise(in.t.TypeError, "globals must be a real dict; try eval(expr, {}, mapping)");
    return in.raise(in.t.TypeError, "exec() globals must be a dict, not " + type_name(globals));
  }
  if (locals != in.None && !locals->type->getitem) {
    return in.raise(in.t.TypeError, "locals must be a mapping");
  }
  CodeObj* code = nullptr;
  if (source->type == in.t.code) {
    code = static_cast<CodeObj*>(incref(source));
  } else {
    std::string text;
    if (is_type(source, in.t.str)) {
      text = utf8(source);
    } else if (is_type(source, in.t.bytes)) {
      text = static_cast<BytesObj*>(source)->s;
    } else {
      return in.raise(in.t.TypeError, fname + "() arg 1 must be a string, bytes or code object");
    }
    if (eval) text.erase(0, text.find_first_not_of(" \t"));
    // The string tokenizer ends the last line (translate_newlines).
    if (!text.empty() && text.back() != '\n') text += '\n';
    auto decoded = source::from_text(text, "<string>");
    if (!decoded.ok) return in.raise(in.t.SyntaxError, decoded.error.message);
    Compiled c = compile_source(decoded.source, "<string>", nullptr, eval);
    if (!c.warnings_text.empty()) in.write_stderr(c.warnings_text);
    if (!c.ok) return raise_compile_error(in, c, "<string>");
    code = new_code(in, c.code);
  }
  // The caller's namespaces by default; locals default to the globals.
  Object* owned_locals = nullptr;
  if (globals == in.None) {
    globals = in.frame ? in.frame->globals : nullptr;
    if (locals == in.None && in.frame) locals = owned_locals = frame_locals(in, in.frame);
  }
  DictObj* g = globals ? static_cast<DictObj*>(incref(globals)) : new_dict(in);
  if (!locals || locals == in.None) locals = g;
  if (!dict_get_str(g, iname(in, "__builtins__"))) dict_set_str(in, g, "__builtins__", incref(in.builtins));
  Object* r = eval_code(in, code, g, locals);
  decref(code);
  decref(g);
  xdecref(owned_locals);
  if (!r || eval) return r;
  decref(r);
  return incref(in.None);
}

Object* b_exec(Interp& in, Object*, const Args& args) { return exec_or_eval(in, args, false); }
Object* b_eval(Interp& in, Object*, const Args& args) { return exec_or_eval(in, args, true); }

// The line [f] is running (its current instruction's), or -1.
int frame_line(const Frame* f) {
  const compile::CodeObject& co = *f->code->code;
  return f->lasti >= 0 && static_cast<size_t>(f->lasti) < co.positions.size()
             ? co.positions[static_cast<size_t>(f->lasti)].line
             : -1;
}

// ---- _pylife_io: the file primitives io.py builds open() on ------------------------

std::string resolve_path(Interp& in, const std::string& path) {
  if (path.empty() || path[0] == '/' || in.host.cwd.empty()) return path;
  std::string p = path;
  while (p.rfind("./", 0) == 0) p = p.substr(2);
  return in.host.cwd + "/" + p;
}

// OSError(errno, strerror, filename): the subclass for the errno.
Object* raise_os_error(Interp& in, const fs::OsError& e, Object* filename) {
  Object* items[] = {new_int(in, e.errnum), new_str(in, e.message), filename};
  Object* exc = call(in, in.t.OSError, Args{items, 3, nullptr});
  decref(items[0]);
  decref(items[1]);
  if (!exc) return nullptr;
  return in.raise_obj(exc);
}

bool path_arg(Interp& in, const Args& args, const char* fname, std::string* out) {
  if (args.npos < 1 || !is_type(args.items[0], in.t.str)) {
    in.raise(in.t.TypeError, std::string(fname) + "() needs a str path");
    return false;
  }
  *out = resolve_path(in, utf8(args.items[0]));
  return true;
}

// _pylife_io.read(path) -> bytes: what the run wrote there, else the file.
Object* io_read(Interp& in, Object*, const Args& args) {
  std::string path;
  if (!path_arg(in, args, "read", &path)) return nullptr;
  fs::ReadResult r = host_read(in, path);
  if (!r.ok) return raise_os_error(in, r.error, args.items[0]);
  return new_bytes(in, std::move(r.bytes));
}

// _pylife_io.write(path, data, append): the run's copy, and the
// embedder's file system when it may be written.
Object* io_write(Interp& in, Object*, const Args& args) {
  std::string path;
  if (!path_arg(in, args, "write", &path)) return nullptr;
  if (args.npos != 3 || !is_type(args.items[1], in.t.bytes)) return in.raise(in.t.TypeError, "write(path, bytes, append)");
  int append = truth(in, args.items[2]);
  if (append < 0) return nullptr;
  fs::WriteResult w = host_write(in, path, static_cast<BytesObj*>(args.items[1])->s, append != 0);
  if (!w.ok) return raise_os_error(in, w.error, args.items[0]);
  return incref(in.None);
}

// _pylife_io.location(stacklevel) -> (filename, lineno, module name): the
// frame [stacklevel] calls above the Python function calling it (warn()'s
// caller for 1), or ("sys", 1, "sys") past the outermost.
Object* io_location(Interp& in, Object*, const Args& args) {
  int64_t level = 1;
  if (args.npos > 0 && !index_value(in, args.items[0], &level)) return nullptr;
  Frame* f = in.frame;
  for (int64_t i = 0; i < level && f; ++i) f = f->back;
  if (!f) return new_tuple(in, {new_str(in, "sys"), new_int(in, 1), new_str(in, "sys")});
  const compile::CodeObject& co = *f->code->code;
  int line = frame_line(f);
  if (line < 0) line = co.firstlineno;
  Object* mod = dict_get_str(f->globals, iname(in, "__name__"));
  return new_tuple(in, {new_str(in, co.filename), new_int(in, line), mod ? incref(mod) : new_str(in, "?")});
}

// open(): io.open from pylife's io module (the program's own io.py, if
// any, does not replace it, as CPython's built-in io is not looked up on
// the path).
Object* b_open(Interp& in, Object*, const Args& args) {
  Object* mod = dict_get_str(in.modules, iname(in, "io"));
  if (mod) {
    incref(mod);
  } else {
    mod = load_pylib_module(in, "io");
    if (!mod) return in.error() ? nullptr : in.raise(in.t.SystemError, "pylife's io module is missing");
  }
  Object* fn = getattr(in, mod, "open");
  decref(mod);
  if (!fn) return nullptr;
  Object* r = call(in, fn, args);
  decref(fn);
  return r;
}

// dir(): with no argument, the sorted names of the caller's scope (the
// runtime's dir(obj) otherwise).
Object* b_dir_scope(Interp& in, Object* self, const Args& args) {
  if (args.npos != 0 || args.nkw() || !in.frame) return call(in, self, args);
  Object* scope = frame_locals(in, in.frame);
  if (!scope) return nullptr;
  std::vector<Object*> names;
  for (auto& e : static_cast<DictObj*>(scope)->entries) {
    if (e.key) names.push_back(incref(e.key));
  }
  decref(scope);
  auto* list = static_cast<ListObj*>(new_list(in, std::move(names)));
  if (!list_sort(in, list, nullptr, false)) {
    decref(list);
    return nullptr;
  }
  return list;
}

Object* b_vars(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "vars", args, 0, 1)) return nullptr;
  if (args.npos == 0) return in.frame ? frame_locals(in, in.frame) : new_dict(in);
  Object* d = lookup_attr(in, args.items[0], iname(in, "__dict__"));
  if (d || in.error()) return d;
  return in.raise(in.t.TypeError, "vars() argument must have __dict__ attribute");
}

Object* b_build_class(Interp& in, Object*, const Args& args) {
  if (args.npos < 2) return in.raise(in.t.TypeError, "__build_class__: not enough arguments");
  Object* func = args.items[0];
  Object* name = args.items[1];
  if (func->type != in.t.function) return in.raise(in.t.TypeError, "__build_class__: func must be a function");
  if (!is_type(name, in.t.str)) return in.raise(in.t.TypeError, "__build_class__: name is not a string");
  std::vector<Object*> bases;
  for (size_t i = 2; i < args.npos; ++i) bases.push_back(incref(args.items[i]));
  Ref bases_tuple(new_tuple(in, std::move(bases)));
  // metaclass= picks the metaclass; other keywords go to it (and on to
  // __init_subclass__).
  Object* meta = nullptr;
  std::vector<Object*> kwvalues;
  std::vector<Object*> kwnames;
  for (size_t k = 0; k < args.nkw(); ++k) {
    if (utf8(args.kwname(k)) == "metaclass") {
      meta = args.kwvalue(k);
    } else {
      kwnames.push_back(incref(args.kwname(k)));
      kwvalues.push_back(args.kwvalue(k));
    }
  }
  Ref kwnames_tuple(kwnames.empty() ? nullptr : new_tuple(in, std::move(kwnames)));
  auto& bs = static_cast<TupleObj*>(bases_tuple.get())->items;
  if (!meta) meta = bs.empty() ? in.t.type : bs[0]->type;
  if (is_type(meta, in.t.type)) {
    meta = calculate_metaclass(in, static_cast<Type*>(meta), bases_tuple.get());
    if (!meta) return nullptr;
  }
  auto* fn = static_cast<FunctionObj*>(func);
  // The namespace: the metaclass's __prepare__(name, bases, **kw), or a dict.
  Ref ns_guard(nullptr);
  Object* prepare = is_type(meta, in.t.type) ? type_lookup(in, static_cast<Type*>(meta), "__prepare__") : nullptr;
  if (prepare) {
    std::vector<Object*> items = {name, bases_tuple.get()};
    items.insert(items.end(), kwvalues.begin(), kwvalues.end());
    Object* fnp = prepare->type == in.t.classmethod ? static_cast<WrapperObj*>(prepare)->a : prepare;
    std::vector<Object*> with_meta = {meta};
    with_meta.insert(with_meta.end(), items.begin(), items.end());
    bool is_classmethod = prepare->type == in.t.classmethod;
    Object* made = is_classmethod ? call(in, fnp, Args{with_meta.data(), 3, kwnames_tuple.get()})
                                  : call(in, fnp, Args{items.data(), 2, kwnames_tuple.get()});
    if (!made) return nullptr;
    if (!is_type(made, in.t.dict)) {
      std::string tn = type_name(made);
      decref(made);
      return in.raise(in.t.TypeError, "pylife: __prepare__() must return a dict here, not " + tn);
    }
    ns_guard = Ref(made);
  } else {
    ns_guard = Ref(new_dict(in));
  }
  auto* ns = static_cast<DictObj*>(ns_guard.get());
  Object* modname = dict_get_str(fn->globals, iname(in, "__name__"));
  if (modname) dict_set_str(in, ns, "__module__", incref(modname));
  dict_set_str(in, ns, "__qualname__", new_str(in, fn->code->code->qualname));
  Frame* f = make_class_frame(in, fn, ns);
  if (!f) return nullptr;
  Object* cell = run_frame(in, f);
  if (!cell) return nullptr;
  std::vector<Object*> items = {name, bases_tuple.get(), ns};
  items.insert(items.end(), kwvalues.begin(), kwvalues.end());
  Object* cls = call(in, meta, Args{items.data(), 3, kwnames_tuple.get()});
  decref(cell);
  return cls;
}

// super() and super(type, obj).
struct SuperObj : GcObject {
  Type* start = nullptr;  // the class super() was called in
  Object* obj = nullptr;
  Type* obj_type = nullptr;
  ~SuperObj() override {
    xdecref(start);
    xdecref(obj);
    xdecref(obj_type);
  }
  void referents(std::vector<Object*>& out) const override {
    for (Object* o : {static_cast<Object*>(start), obj, static_cast<Object*>(obj_type)}) {
      if (o) out.push_back(o);
    }
  }
};

Object* super_create(Interp& in, Type* stype, const Args& args) {
  if (!arg_count(in, "super", args, 0, 2)) return nullptr;
  Object *type = nullptr, *obj = nullptr;
  if (args.npos == 0) {
    Frame* f = in.frame;
    if (!f || !f->func) return in.raise(in.t.RuntimeError, "super(): no arguments");
    CodeObj* co = f->code;
    if (co->code->argcount == 0 && !(co->code->flags & compile::kVarargs)) return in.raise(in.t.RuntimeError, "super(): no arguments");
    obj = f->fast[0];
    if (obj && obj->type == in.t.cell) obj = static_cast<CellObj*>(obj)->ref;
    if (!obj) return in.raise(in.t.RuntimeError, "super(): arg[0] deleted");
    for (int i = co->nlocals + co->ncells; i < co->nlocals + co->ncells + co->nfrees; ++i) {
      if (str_view(co->localsplus[static_cast<size_t>(i)]) == U"__class__") {
        type = static_cast<CellObj*>(f->fast[i])->ref;
        break;
      }
    }
    if (!type) return in.raise(in.t.RuntimeError, "super(): __class__ cell not found");
  } else {
    type = args.items[0];
    obj = args.npos > 1 ? args.items[1] : nullptr;
  }
  if (!is_type(type, in.t.type)) return in.raise(in.t.TypeError, "super() argument 1 must be a type, not " + type_name(type));
  auto* s = in.alloc<SuperObj>(stype);
  s->start = static_cast<Type*>(incref(type));
  if (obj) {
    s->obj = incref(obj);
    Type* ot = is_type(obj, in.t.type) && static_cast<Type*>(obj)->is_subtype(static_cast<Type*>(type)) ? static_cast<Type*>(obj) : obj->type;
    if (!ot->is_subtype(static_cast<Type*>(type))) {
      decref(s);
      return in.raise(in.t.TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    s->obj_type = static_cast<Type*>(incref(ot));
  }
  return s;
}

Object* super_getattr(Interp& in, Object* o, StrObj* name) {
  auto* s = static_cast<SuperObj*>(o);
  if (s->obj_type && name->s != U"__class__") {
    auto& mro = s->obj_type->mro;
    size_t i = 0;
    while (i < mro.size() && mro[i] != s->start) ++i;
    for (++i; i < mro.size(); ++i) {
      if (!mro[i]->dict) continue;
      Object* v = dict_get_str(mro[i]->dict, name);
      if (!v) continue;
      if (v->type->descr_get) {
        Object* inst = s->obj == s->obj_type ? nullptr : s->obj;
        return v->type->descr_get(in, v, inst, s->obj_type);
      }
      return incref(v);
    }
  }
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'super' object has no attribute '" + utf8(name) + "'");
}

Object* super_repr(Interp& in, Object* o) {
  auto* s = static_cast<SuperObj*>(o);
  std::string r = "<super: <class '" + s->start->name + "'>, ";
  r += s->obj_type ? "<" + s->obj_type->name + " object>>" : "NULL>";
  return new_str(in, r);
}

Object* b_import(Interp& in, Object*, const Args& args) {
  Object* a[5];
  if (!parse_args(in, "__import__", args, {"name", "globals", "locals", "fromlist", "level"}, 1, a)) return nullptr;
  if (!is_type(a[0], in.t.str)) return in.raise(in.t.TypeError, "__import__() argument 1 must be str, not " + type_name(a[0]));
  Frame dummy;
  dummy.globals = in.frame ? in.frame->globals : in.builtins;
  Object* zero = new_int(in, 0);
  Object* r = import_name(in, &dummy, a[0], a[3] ? a[3] : in.None, a[4] ? a[4] : zero);
  decref(zero);
  return r;
}

// ---- tracebacks ----------------------------------------------------------------------------

const std::vector<std::string>* source_lines(Interp& in, const std::string& filename) {
  for (auto& s : in.sources) {
    if (s.first == filename) return &s.second;
  }
  return nullptr;
}

// Code point index of UTF-8 byte offset [byte] in [line].
int char_offset(const std::string& line, int byte) {
  int n = 0;
  for (int i = 0; i < byte && i < static_cast<int>(line.size()); ++i) {
    if ((static_cast<unsigned char>(line[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string strip(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\f' || s[a] == '\v')) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

// traceback.py's _extract_caret_anchors_from_line_segment: a binary
// operator or a subscript inside the failing expression.
bool caret_anchors(const std::string& segment, int* left_end, int* right_start) {
  source::Source src;
  src.filename = "<segment>";
  src.text = segment;
  src.encoding = "utf-8";
  parse::ParseResult parsed = parse::parse(src);
  if (!parsed.ok) return false;
  ast::Node* module = parsed.module;
  auto& body = module->list(PYLIFE_FIELD(Module, body));
  if (body.size() != 1 || body[0]->kind != ast::Kind::Expr) return false;
  ast::Node* e = body[0]->node(PYLIFE_FIELD(Expr, value));
  auto chars = [&](int byte) { return char_offset(segment, byte); };
  if (e->kind == ast::Kind::BinOp) {
    ast::Node* left = e->node(PYLIFE_FIELD(BinOp, left));
    ast::Node* right = e->node(PYLIFE_FIELD(BinOp, right));
    int op_start = chars(left->loc.end_col_offset), op_end = chars(right->loc.col_offset);
    std::u32string seg = unicode::decode_utf8(segment);
    std::u32string op = seg.substr(static_cast<size_t>(op_start), static_cast<size_t>(op_end - op_start));
    int offset = 0;
    while (offset < static_cast<int>(op.size()) && unicode::is_space(op[static_cast<size_t>(offset)])) ++offset;
    int left_anchor = op_start + offset;
    int right_anchor = left_anchor + 1;
    if (offset + 1 < static_cast<int>(op.size()) && !unicode::is_space(op[static_cast<size_t>(offset + 1)])) ++right_anchor;
    *left_end = left_anchor;
    *right_start = right_anchor;
    return true;
  }
  if (e->kind == ast::Kind::Subscript) {
    *left_end = chars(e->node(PYLIFE_FIELD(Subscript, value))->loc.end_col_offset);
    *right_start = chars(e->node(PYLIFE_FIELD(Subscript, slice))->loc.end_col_offset + 1);
    return true;
  }
  return false;
}

std::string format_entry(Interp& in, const TracebackEntry& t) {
  const compile::CodeObject& co = *t.code;
  compile::Position pos = t.offset >= 0 && static_cast<size_t>(t.offset) < co.positions.size() ? co.positions[static_cast<size_t>(t.offset)]
                                                                                               : compile::Position{};
  std::string out = "  File \"" + co.filename + "\", line " + (pos.line < 0 ? std::string("None") : std::to_string(pos.line)) +
                    ", in " + co.name + "\n";
  const auto* lines = source_lines(in, co.filename);
  if (!lines || pos.line < 1 || static_cast<size_t>(pos.line) > lines->size()) return out;
  const std::string& line = (*lines)[static_cast<size_t>(pos.line - 1)];
  std::string stripped = strip(line);
  if (stripped.empty()) return out;
  out += "    " + stripped + "\n";
  if (pos.col < 0 || pos.end_col < 0) return out;
  int leading = 0;
  while (leading < static_cast<int>(line.size()) && (line[static_cast<size_t>(leading)] == ' ' || line[static_cast<size_t>(leading)] == '\t' ||
                                                     line[static_cast<size_t>(leading)] == '\f')) {
    ++leading;
  }
  int stripped_chars = char_offset(line, leading);
  int stripped_len = static_cast<int>(unicode::count_code_points(stripped));
  int start = char_offset(line, pos.col);
  int end = char_offset(line, pos.end_col);
  bool anchors = false;
  int left_end = 0, right_start = 0;
  if (pos.end_line == pos.line) {
    if (pos.end_col > pos.col && static_cast<size_t>(pos.end_col) <= line.size()) {
      anchors = caret_anchors(line.substr(static_cast<size_t>(pos.col), static_cast<size_t>(pos.end_col - pos.col)), &left_end, &right_start);
    }
  } else {
    end = stripped_chars + stripped_len;
  }
  if (end - start < stripped_len || (anchors && right_start - left_end > 0)) {
    out += "    " + std::string(static_cast<size_t>(std::max(0, start - stripped_chars)), ' ');
    if (anchors) {
      out += std::string(static_cast<size_t>(std::max(0, left_end)), '~');
      out += std::string(static_cast<size_t>(std::max(0, right_start - left_end)), '^');
      out += std::string(static_cast<size_t>(std::max(0, end - start - right_start)), '~');
    } else {
      out += std::string(static_cast<size_t>(std::max(0, end - start)), '^');
    }
    out += "\n";
  }
  return out;
}

// _Py_Offer_Suggestions: for a NameError, what its frame suggested; for
// an AttributeError, the closest of dir(obj).
std::string suggestion(Interp& in, Object* exc) {
  auto* e = static_cast<ExceptionObj*>(exc);
  if (is_type(exc, in.t.NameError)) return e->suggestion ? utf8(e->suggestion) : "";
  if (!is_type(exc, in.t.AttributeError) || !e->name || !e->obj || !is_exact(e->name, in.t.str)) return "";
  Object* saved = in.fetch_error();
  std::string out;
  Object* dirfn = dict_get_str(in.builtins, iname(in, "dir"));
  Object* names = dirfn ? call1(in, dirfn, e->obj) : nullptr;
  if (names && is_type(names, in.t.list)) {
    if (Object* best = closest_name(in, static_cast<ListObj*>(names)->items, e->name)) out = utf8(best);
  }
  xdecref(names);
  in.clear_error();
  in.exc = saved;
  return out;
}

std::string exception_only(Interp& in, Object* exc) {
  Type* t = exc->type;
  std::string name = t->name;
  if (t->heap) {
    Object* qn = dict_get_str(t->dict, iname(in, "__qualname__"));
    if (qn && is_type(qn, in.t.str)) name = utf8(qn);
    Object* mod = dict_get_str(t->dict, iname(in, "__module__"));
    std::string m = mod && is_type(mod, in.t.str) ? utf8(mod) : "";
    if (!m.empty() && m != "__main__" && m != "builtins") name = m + "." + name;
  }
  std::string text = exception_str(in, exc);
  std::string hint = suggestion(in, exc);
  if (!hint.empty()) text += ". Did you mean: '" + hint + "'?";
  if (text.empty()) return name + "\n";
  return name + ": " + text + "\n";
}

void format_chain(Interp& in, Object* exc, std::vector<Object*>& seen, std::string& out) {
  seen.push_back(exc);
  auto* e = static_cast<ExceptionObj*>(exc);
  if (e->cause && std::find(seen.begin(), seen.end(), e->cause) == seen.end()) {
    format_chain(in, e->cause, seen, out);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (e->context && !e->suppress_context && std::find(seen.begin(), seen.end(), e->context) == seen.end()) {
    format_chain(in, e->context, seen, out);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (!e->traceback.empty()) {
    out += "Traceback (most recent call last):\n";
    std::string last;
    int repeats = 0;
    for (size_t i = e->traceback.size(); i-- > 0;) {
      std::string entry = format_entry(in, e->traceback[i]);
      // The first line identifies the frame: collapse long runs as CPython.
      std::string key = entry.substr(0, entry.find('\n'));
      if (key == last) {
        ++repeats;
        if (repeats > 3) continue;
      } else {
        if (repeats > 3) {
          int more = repeats - 3;
          out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more == 1 ? "" : "s") + "]\n";
        }
        last = key;
        repeats = 1;
      }
      out += entry;
    }
    if (repeats > 3) {
      int more = repeats - 3;
      out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more == 1 ? "" : "s") + "]\n";
    }
  }
  out += exception_only(in, exc);
}

std::string format_exception(Interp& in, Object* exc) {
  std::vector<Object*> seen;
  std::string out;
  format_chain(in, exc, seen, out);
  return out;
}

// The exit status and output for an uncaught exception.
int handle_uncaught(Interp& in, Object* exc) {
  in.flush_stdout();
  if (is_type(exc, in.t.SystemExit)) {
    const auto& items = static_cast<TupleObj*>(static_cast<ExceptionObj*>(exc)->args)->items;
    Object* code = items.empty() ? in.None : items.size() == 1 ? items[0] : static_cast<ExceptionObj*>(exc)->args;
    if (code == in.None) return 0;
    if (is_type(code, in.t.int_)) {
      auto* i = static_cast<IntObj*>(code);
      return i->big ? -1 : static_cast<int>(i->small & 0xff);
    }
    auto s = str_utf8(in, code);
    in.write_stderr((s ? *s : "") + "\n");
    in.clear_error();
    return 1;
  }
  in.write_stderr(format_exception(in, exc));
  return 1;
}

}  // namespace

// exit() and quit() (site's Quitter): SystemExit(code).
Object* b_exit(Interp& in, Object*, const Args& args) {
  if (args.npos > 1 || args.nkw()) return in.raise(in.t.TypeError, "exit() takes at most 1 argument");
  Object* code = args.npos ? incref(args.items[0]) : incref(in.None);
  return in.raise_obj(new_exception(in, in.t.SystemExit, new_tuple(in, {code})));
}

void report_unraisable_as(Interp& in, Object* exc, const std::string& prefix, Object* where) {
  in.flush_stdout();
  auto r = repr_utf8(in, where);
  in.clear_error();
  in.write_stderr(prefix + ": " + (r ? *r : std::string("<object>")) + "\n" + format_exception(in, exc));
}

void init_vm_builtins(Interp& in) {
  in.call_function = call_function;
  init_imp_module(in);
  init_atexit_module(in);
  dict_set_str(in, in.builtins, "exit", new_builtin(in, "exit", b_exit, nullptr));
  dict_set_str(in, in.builtins, "quit", new_builtin(in, "quit", b_exit, nullptr));
  in.report_unraisable = [](Interp& in, Object* exc, Object* where) {
    report_unraisable_as(in, exc, "Exception ignored in", where);
  };
  in.warn = [](Interp& in, const std::string& category, const std::string& message, bool source_hint) {
    // The location: the running Python line, or "sys:1" when none runs.
    std::string where = "sys:1";
    std::string text;
    if (Frame* f = in.frame) {
      int line = frame_line(f);
      where = f->code->code->filename + ":" + std::to_string(line);
      const auto* lines = source_lines(in, f->code->code->filename);
      if (lines && line >= 1 && static_cast<size_t>(line) <= lines->size()) text = (*lines)[static_cast<size_t>(line - 1)];
    }
    std::string key = where + ":" + category + ":" + message;
    auto& shown = in.warnings_shown;
    if (std::find(shown.begin(), shown.end(), key) != shown.end()) return;
    shown.push_back(key);
    std::string out = parse::format_warning_text(where, category, message, text);
    if (source_hint) out += category + ": Enable tracemalloc to get the object allocation traceback\n";
    in.write_stderr(out);
  };
  init_generator_type(in);
  ModuleObj* io = make_module(in, "_pylife_io");
  dict_set_str(in, io->dict, "read", new_builtin(in, "read", io_read, io));
  dict_set_str(in, io->dict, "write", new_builtin(in, "write", io_write, io));
  dict_set_str(in, io->dict, "location", new_builtin(in, "location", io_location, io));
  decref(io);
  DictObj* b = in.builtins;
  dict_set_str(in, b, "globals", new_builtin(in, "globals", b_globals, nullptr));
  dict_set_str(in, b, "exec", new_builtin(in, "exec", b_exec, nullptr));
  dict_set_str(in, b, "open", new_builtin(in, "open", b_open, nullptr));
  dict_set_str(in, b, "eval", new_builtin(in, "eval", b_eval, nullptr));
  dict_set_str(in, b, "locals", new_builtin(in, "locals", b_locals, nullptr));
  dict_set_str(in, b, "vars", new_builtin(in, "vars", b_vars, nullptr));
  if (Object* runtime_dir = dict_get_str(b, iname(in, "dir"))) {
    dict_set_str(in, b, "dir", new_builtin(in, "dir", b_dir_scope, runtime_dir));
  }
  dict_set_str(in, b, "__build_class__", new_builtin(in, "__build_class__", b_build_class, nullptr));
  dict_set_str(in, b, "__import__", new_builtin(in, "__import__", b_import, nullptr));
  Type* st = new_static_type(in, "super", in.t.object);
  st->interp = &in;
  st->create = super_create;
  st->getattr = super_getattr;
  st->repr = super_repr;
  dict_set_str(in, b, "super", st);
  add_slot_wrappers(in);
}

void report_teardown(Interp& in, events::Teardown::Stage stage, std::string name, std::string detail) {
  if (!in.observer) return;
  events::Teardown e;
  e.step = in.steps;
  e.stage = stage;
  e.name = std::move(name);
  e.detail = std::move(detail);
  in.observer->on_teardown(e);
}

std::string callable_name(Interp& in, Object* o) {
  if (is_type(o, in.t.function)) {
    Object* q = static_cast<FunctionObj*>(o)->qualname;
    if (q && is_type(q, in.t.str)) return utf8(q);
  }
  if (is_type(o, in.t.builtin)) return static_cast<BuiltinObj*>(o)->name;
  return "<" + type_name(o) + " object>";
}

namespace {

// _PyModule_ClearDict: names with one leading underscore to None first,
// then every name but __builtins__.
void clear_module_dict(Interp& in, DictObj* d) {
  for (int pass = 0; pass < 2; ++pass) {
    auto entries = d->entries;
    for (auto& e : entries) {
      if (!e.key || !is_type(e.key, in.t.str) || e.value == in.None) continue;
      std::string k = utf8(e.key);
      bool single = k.size() >= 1 && k[0] == '_' && (k.size() < 2 || k[1] != '_');
      if (pass == 0 ? !single : k == "__builtins__") continue;
      dict_set(in, d, e.key, in.None);
      in.clear_error();
    }
  }
}

// A full collection at exit, reported as a teardown step too.
void final_collection(Interp& in, const char* when) {
  int64_t unreachable = gc_collect(in, 2, events::GcCollection::Reason::kFinal);
  in.clear_error();
  report_teardown(in, events::Teardown::Stage::kCollected, "gc",
                  std::to_string(unreachable) + " unreachable objects found " + when);
}

// finalize_modules (Python/pylifecycle.c): every module the program made
// is replaced by None in sys.modules (a module nothing else holds dies
// there), sys.modules forgets them, the final collection runs, then the
// globals of the modules still alive are cleared, last imported first,
// and a second collection takes what that freed.  The interpreter's own
// modules (startup) stay: they belong to the interpreter, not the run.
void teardown_modules(Interp& in, const std::vector<std::string>& startup, ModuleObj* main) {
  // sys.argv and sys.path go first (finalize_modules_delete_special).
  Object* argv_key = intern(in, "argv");
  dict_del(in, in.sys->dict, argv_key);
  decref(argv_key);
  in.clear_error();
  if (Object* p = dict_get_str(in.sys->dict, iname(in, "path")); p && is_type(p, in.t.list)) {
    std::vector<Object*> old;
    std::swap(old, static_cast<ListObj*>(p)->items);
    for (Object* x : old) decref(x);
  }
  decref(main);  // CPython's reference to __main__ is borrowed
  std::vector<Object*> names;
  for (auto& e : in.modules->entries) {
    if (!e.key) continue;
    if (std::find(startup.begin(), startup.end(), utf8(e.key)) != startup.end()) continue;
    names.push_back(incref(e.key));
  }
  std::vector<std::pair<Object*, Object*>> weaklist;  // (name, weakref to the module)
  using Stage = events::Teardown::Stage;
  for (Object* k : names) {
    Object* m = dict_get(in, in.modules, k);
    Object* wr = nullptr;
    if (m && as_module(m)) {
      wr = call(in, in.t.weakref, Args{&m, 1, nullptr});
      if (wr) weaklist.emplace_back(incref(k), wr);
      in.clear_error();
    }
    dict_set(in, in.modules, k, in.None);
    in.clear_error();
    if (wr && in.observer) {
      Object* alive = call(in, wr, Args{nullptr, 0, nullptr});
      in.clear_error();
      bool kept = alive && alive != in.None;
      // The count without the reference the check itself holds.
      report_teardown(in, Stage::kModuleRemoved, utf8(k),
                      kept ? "refcount " + std::to_string(alive->refcnt - 1) + ": still referenced, kept for now"
                           : "refcount 0: nothing else held it, freed");
      xdecref(alive);
    }
  }
  for (Object* k : names) {
    dict_del(in, in.modules, k);
    in.clear_error();
    decref(k);
  }
  report_teardown(in, Stage::kModulesCleared, "sys.modules", std::to_string(names.size()) + " modules forgotten");
  final_collection(in, "after sys.modules was emptied");
  for (auto it = weaklist.rbegin(); it != weaklist.rend(); ++it) {
    Object* m = call(in, it->second, Args{nullptr, 0, nullptr});
    if (m && as_module(m)) {
      report_teardown(in, Stage::kGlobalsCleared, utf8(it->first), "globals set to None (_names first)");
      clear_module_dict(in, as_module(m)->dict);
    }
    xdecref(m);
    in.clear_error();
  }
  for (auto& [k, wr] : weaklist) {
    decref(k);
    decref(wr);
  }
  final_collection(in, "after the globals were cleared");
}

}  // namespace

RunResult run_program(const source::Source& src, const RunOptions& options, const Io& io) {
  RunResult result;
  std::string filename = src.filename;
  Compiled c = compile_source(src, filename, options.observer);
  if (io.err && !c.warnings_text.empty()) io.err(c.warnings_text);
  if (!c.ok) {
    if (io.err) io.err(c.error_text);
    result.exit_code = c.unsupported ? 2 : 1;
    result.unsupported = c.unsupported;
    return result;
  }
  Interp in;
  in.host.write_stdout = io.out;
  in.host.write_stderr = io.err;
  in.host.read_line = io.read_line;
  in.host.echo_input = io.echo_input;
  in.host.clock = io.clock;
  in.host.wall_clock = io.wall_clock;
  in.host.sleep = io.sleep;
  in.host.files = io.files;
  in.host.writable_files = io.writable_files;
  in.host.cwd = options.cwd;
  in.max_steps = options.max_steps;
  in.observer = options.observer;
  in.observe_from = options.observe_from;
  in.collect_at.assign(options.collect_at.rbegin(), options.collect_at.rend());
  in.interrupt_at = options.interrupt_at;
  in.interrupt = io.interrupt;
  in.hooks = in.max_steps || in.observer || !in.collect_at.empty() || in.interrupt_at;
  in.hook_from = UINT64_MAX;
  if (in.observer) in.hook_from = std::max<uint64_t>(1, in.observe_from);
  if (in.max_steps) in.hook_from = std::min(in.hook_from, in.max_steps + 1);
  if (!in.collect_at.empty()) in.hook_from = std::min(in.hook_from, in.collect_at.back());
  if (in.interrupt_at) in.hook_from = std::min(in.hook_from, in.interrupt_at);
  in.max_memory = options.max_memory;
  in.write_pyc = options.write_pyc;
  in.pyc_mode = options.pyc_mode;
  init_vm_builtins(in);
  // The interpreter's own modules (builtins, sys, math, time, _pylife_*):
  // they live as long as it, and teardown leaves them alone.
  std::vector<std::string> startup_modules;
  for (auto& e : in.modules->entries) {
    if (e.key) startup_modules.push_back(utf8(e.key));
  }
  int64_t live_before = in.live_objects;
  int64_t interned_before = static_cast<int64_t>(in.interned->used);
  // sys.argv and sys.path.
  std::vector<Object*> argv;
  for (const auto& a : options.argv) argv.push_back(new_str(in, a));
  dict_set_str(in, in.sys->dict, "argv", new_list(in, std::move(argv)));
  Object* path = dict_get_str(in.sys->dict, iname(in, "path"));
  static_cast<ListObj*>(path)->items.push_back(new_str(in, options.script_dir));
  remember_source(in, filename, source::normalize_newlines(src.text));

  // __main__ as CPython's add_main_module and pymain_run_file make it.
  ModuleObj* main = make_module(in, "__main__");
  dict_set_str(in, main->dict, "__annotations__", new_dict(in));
  dict_set_str(in, main->dict, "__builtins__", incref(in.builtins));
  if (options.argv.empty() || options.argv[0] != "-c") {
    dict_set_str(in, main->dict, "__file__", new_str(in, filename));
    dict_set_str(in, main->dict, "__cached__", incref(in.None));
  }
  std::unique_ptr<Details> details;
  if (in.observer && in.observer->wants_details()) details = std::make_unique<Details>(in, *in.observer);
  CodeObj* code = new_code(in, c.code);
  Object* r = eval_code(in, code, main->dict, main->dict);
  decref(code);
  if (r) {
    decref(r);
    result.exit_code = 0;
  } else {
    Object* exc = in.fetch_error();
    if (in.step_limit_hit) {
      in.flush_stdout();
      result.step_limit = true;
      result.exit_code = 1;
      in.write_stderr("pylife: the program was stopped after " + std::to_string(options.max_steps) +
                      " steps (--max-steps); it may be stuck in a loop\n");
    } else {
      result.interrupted = is_type(exc, in.t.KeyboardInterrupt);
      result.exit_code = handle_uncaught(in, exc);
      // CPython kills itself with SIGINT: a shell sees 128 + 2.
      if (result.interrupted) result.exit_code = 130;
    }
    decref(exc);
  }
  // Termination, in Py_FinalizeEx's order: atexit callbacks, flushed
  // output, then the modules (finalize_modules).
  if (!in.step_limit_hit) run_atexit_callbacks(in);  // a stopped program runs nothing more
  in.clear_error();
  in.flush_stdout();
  report_teardown(in, events::Teardown::Stage::kFlush, "sys.stdout", "output flushed");
  if (details) details->finish();
  result.steps = in.steps;
  if (in.observer) in.observer->on_terminate(events::Terminate{in.steps, result.exit_code});
  Object* handled = in.handled;
  in.handled = nullptr;
  xdecref(handled);
  teardown_modules(in, startup_modules, main);
  // Generators finalized above may have left an exception being handled.
  Object* late = in.handled;
  in.handled = nullptr;
  xdecref(late);
  int64_t interned_growth = static_cast<int64_t>(in.interned->used) - interned_before;
  result.objects_left = in.live_objects - live_before - interned_growth;
  report_teardown(in, events::Teardown::Stage::kDone, "exit",
                  "exit code " + std::to_string(result.exit_code) + "; " + std::to_string(result.objects_left) +
                      " objects of the run left");
  if (std::getenv("PYLIFE_DEBUG_LIVE")) std::fprintf(stderr, "live %lld -> %lld, interned +%lld\n", (long long)live_before, (long long)in.live_objects, (long long)interned_growth);
  return result;
}

}  // namespace pylife::vm

namespace pylife::vm {

bool gc_stress_build() {
#if defined(PYLIFE_GC_STRESS)
  return true;
#else
  return false;
#endif
}

}  // namespace pylife::vm

namespace pylife::events {

const char* kind_name(Trace::Kind kind) {
  static const char* const kNames[] = {"call", "line", "return", "exception"};
  return kNames[static_cast<int>(kind)];
}

const char* stage_name(Import::Stage stage) {
  static const char* const kNames[] = {"find",      "found",       "not found",   "cache miss", "cache hit", "cache stale",
                                       "cache bad", "compile",     "cache write", "exec",       "done",      "failed"};
  return kNames[static_cast<int>(stage)];
}

const char* stage_name(Teardown::Stage stage) {
  static const char* const kNames[] = {"atexit",          "flush",     "module removed", "modules cleared",
                                       "globals cleared", "collected", "done"};
  return kNames[static_cast<int>(stage)];
}

std::string bounded(std::string text, size_t limit) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count > limit) {
      text.resize(i);
      return text + "...";
    }
  }
  return text;
}

}  // namespace pylife::events
