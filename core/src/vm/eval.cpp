// The evaluation loop: one body per opcode (CPython 3.11's semantics),
// dispatched by computed goto where the compiler supports it and by a
// switch otherwise; frames, argument binding, and exception unwinding
// through the code object's exception table.
#include <algorithm>
#include <cstring>

#include "frame.h"
#include "inspect.h"
#include "pylife/dis.h"
#include "pylife/opcodes.h"
#include "pylife/unicode.h"

// Computed goto takes the address of labels, a GNU extension.
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpedantic"
#endif

namespace pylife::vm {

using compile::Op;

// ---- frame storage ------------------------------------------------------------------

Frame* FrameStack::push(size_t nslots) {
  if (chunks_.empty()) chunks_.push_back(Chunk{std::make_unique<Object*[]>(1 << 16), 1 << 16, 0});
  while (chunks_[current_].top + nslots > chunks_[current_].size) {
    if (chunks_[current_].top == 0) {
      // A frame larger than a chunk gets a chunk of its own.
      chunks_[current_] = Chunk{std::make_unique<Object*[]>(nslots), nslots, 0};
      break;
    }
    ++current_;
    if (current_ == chunks_.size()) {
      size_t size = std::max<size_t>(1 << 16, nslots);
      chunks_.push_back(Chunk{std::make_unique<Object*[]>(size), size, 0});
    }
  }
  Chunk& c = chunks_[current_];
  Frame* f;
  if (!free_.empty()) {
    f = free_.back();
    free_.pop_back();
    *f = Frame{};
  } else {
    f = new Frame();
  }
  f->fast = c.slots.get() + c.top;
  f->nslots = nslots;
  c.top += nslots;
  return f;
}

void FrameStack::pop(Frame* f) {
  Chunk& c = chunks_[current_];
  c.top -= f->nslots;
  while (current_ > 0 && chunks_[current_].top == 0) --current_;
  free_.push_back(f);
}

FrameStack::~FrameStack() {
  for (Frame* f : free_) delete f;
}

namespace {

// Writes a readable "a, b and c" list as CPython's missing-argument errors do.
std::string name_list(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    s += "'" + names[i] + "'";
  }
  return s;
}

void clear_frame(Interp& in, Frame* f) {
  // Each slot emptied before its value is released: a __del__ run by the
  // release may start a collection, which looks at a generator's slots.
  while (f->sp > f->stack) xdecref(*--f->sp);
  int n = f->code->nlocals + f->code->ncells + f->code->nfrees;
  for (int i = 0; i < n; ++i) {
    Object* v = f->fast[i];
    f->fast[i] = nullptr;
    xdecref(v);
  }
  xdecref(f->locals);
  decref(f->globals);
  decref(f->builtins);
  xdecref(f->func);
  decref(f->code);
  (void)in;
}

// Creates a frame for [code] with empty locals.
Frame* new_frame(Interp& in, CodeObj* code, DictObj* globals, DictObj* builtins, Object* locals,
                 FunctionObj* func) {
  int n = code->nlocals + code->ncells + code->nfrees;
  Frame* f = frame_stack(in).push(static_cast<size_t>(n + code->code->stacksize + 1));
  f->code = static_cast<CodeObj*>(incref(code));
  f->globals = static_cast<DictObj*>(incref(globals));
  f->builtins = static_cast<DictObj*>(incref(builtins));
  f->locals = xincref(locals);
  f->func = static_cast<FunctionObj*>(xincref(func));
  for (int i = 0; i < n; ++i) f->fast[i] = nullptr;
  f->stack = f->fast + n;
  f->sp = f->stack;
  return f;
}

void free_frame(Interp& in, Frame* f) {
  if (f->heap) {
    f->done = true;  // first: the collector no longer looks at it; the generator keeps the memory
    clear_frame(in, f);
    return;
  }
  clear_frame(in, f);
  frame_stack(in).pop(f);
}

// Binds call arguments to the frame's parameters (CPython 3.11's
// initialize_locals), with its error messages.
bool bind_args(Interp& in, FunctionObj* fn, Frame* f, const Args& args) {
  const compile::CodeObject& co = *fn->code->code;
  Object** fast = f->fast;
  int argcount = co.argcount, posonly = co.posonlyargcount, kwonly = co.kwonlyargcount;
  int total = argcount + kwonly;
  bool has_varargs = co.flags & compile::kVarargs, has_varkw = co.flags & compile::kVarkeywords;
  // The common case: exactly the positional parameters, nothing else.
  if (args.npos == static_cast<size_t>(argcount) && args.nkw() == 0 && !kwonly && !has_varargs &&
      !has_varkw) {
    for (int i = 0; i < argcount; ++i) fast[i] = incref(args.items[i]);
    return true;
  }
  int varargs_slot = total, varkw_slot = total + (has_varargs ? 1 : 0);
  std::string qn = utf8(fn->qualname);
  DictObj* kwdict = nullptr;
  if (has_varkw) {
    kwdict = new_dict(in);
    fast[varkw_slot] = kwdict;
  }
  size_t npos = args.npos;
  size_t n = std::min<size_t>(npos, static_cast<size_t>(argcount));
  for (size_t i = 0; i < n; ++i) fast[i] = incref(args.items[i]);
  if (has_varargs) {
    std::vector<Object*> extra;
    for (size_t i = n; i < npos; ++i) extra.push_back(incref(args.items[i]));
    fast[varargs_slot] = new_tuple(in, std::move(extra));
  }
  // Keywords.
  std::vector<std::string> posonly_as_kw;
  for (size_t k = 0; k < args.nkw(); ++k) {
    Object* name = args.kwname(k);
    Object* value = args.kwvalue(k);
    int found = -1;
    for (int i = posonly; i < total; ++i) {
      if (str_view(fn->code->localsplus[static_cast<size_t>(i)]) == str_view(name)) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      bool is_posonly = false;
      for (int i = 0; i < posonly; ++i) {
        if (str_view(fn->code->localsplus[static_cast<size_t>(i)]) == str_view(name)) is_posonly = true;
      }
      if (kwdict) {
        if (dict_set(in, kwdict, name, value) < 0) return false;
        continue;
      }
      if (is_posonly) {
        posonly_as_kw.push_back(utf8(name));
        continue;
      }
      in.raise(in.t.TypeError, qn + "() got an unexpected keyword argument '" + utf8(name) + "'");
      return false;
    }
    if (fast[found]) {
      in.raise(in.t.TypeError, qn + "() got multiple values for argument '" + utf8(name) + "'");
      return false;
    }
    fast[found] = incref(value);
  }
  if (!posonly_as_kw.empty()) {
    std::string names;
    for (size_t i = 0; i < posonly_as_kw.size(); ++i) names += (i ? ", " : "") + posonly_as_kw[i];
    in.raise(in.t.TypeError, qn + "() got some positional-only arguments passed as keyword arguments: '" + names + "'");
    return false;
  }
  if (npos > static_cast<size_t>(argcount) && !has_varargs) {
    int ndefaults = fn->defaults ? static_cast<int>(static_cast<TupleObj*>(fn->defaults)->items.size()) : 0;
    int kwonly_given = 0;
    for (int i = argcount; i < total; ++i) kwonly_given += fast[i] != nullptr;
    std::string takes;
    if (ndefaults) {
      takes = "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount) + " positional arguments";
    } else {
      takes = std::to_string(argcount) + " positional argument" + (argcount == 1 ? "" : "s");
    }
    std::string given = std::to_string(npos);
    if (kwonly_given) {
      given += std::string(" positional argument") + (npos == 1 ? "" : "s") + " (and " + std::to_string(kwonly_given) +
               " keyword-only argument" + (kwonly_given == 1 ? "" : "s") + ")";
    }
    in.raise(in.t.TypeError, qn + "() takes " + takes + " but " + given + (npos == 1 && !kwonly_given ? " was" : " were") + " given");
    return false;
  }
  // Defaults.
  auto& defaults = fn->defaults ? static_cast<TupleObj*>(fn->defaults)->items : static_cast<TupleObj*>(in.empty_tuple)->items;
  int first_default = argcount - static_cast<int>(defaults.size());
  std::vector<std::string> missing;
  for (int i = 0; i < argcount; ++i) {
    if (fast[i]) continue;
    if (i >= first_default) {
      fast[i] = incref(defaults[static_cast<size_t>(i - first_default)]);
    } else {
      missing.push_back(utf8(fn->code->localsplus[static_cast<size_t>(i)]));
    }
  }
  if (!missing.empty()) {
    in.raise(in.t.TypeError, qn + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                                 (missing.size() == 1 ? "" : "s") + ": " + name_list(missing));
    return false;
  }
  for (int i = argcount; i < total; ++i) {
    if (fast[i]) continue;
    Object* d = fn->kwdefaults ? dict_get_str(static_cast<DictObj*>(fn->kwdefaults), fn->code->localsplus[static_cast<size_t>(i)]) : nullptr;
    if (d) {
      fast[i] = incref(d);
    } else {
      missing.push_back(utf8(fn->code->localsplus[static_cast<size_t>(i)]));
    }
  }
  if (!missing.empty()) {
    in.raise(in.t.TypeError, qn + "() missing " + std::to_string(missing.size()) + " required keyword-only argument" +
                                 (missing.size() == 1 ? "" : "s") + ": " + name_list(missing));
    return false;
  }
  return true;
}

// Makes a frame for a call of [fn]; null with an exception on failure.
Frame* frame_for_call(Interp& in, FunctionObj* fn, const Args& args) {
  if (in.depth >= in.recursion_limit) {
    in.raise(in.t.RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  Frame* f = new_frame(in, fn->code, fn->globals, fn->builtins, nullptr, fn);
  if (!bind_args(in, fn, f, args)) {
    free_frame(in, f);
    return nullptr;
  }
  return f;
}

// Finds the exception table entry covering [lasti].
const compile::ExceptionEntry* find_handler(const compile::CodeObject& co, int lasti) {
  for (const auto& e : co.exceptiontable) {
    if (lasti >= e.start && lasti < e.end) return &e;
  }
  return nullptr;
}

// NameError for [name] in frame [f], with its name and the suggestion the
// traceback shows (offer_suggestions_for_name_error: the code's local
// variable names, then the globals, then the builtins).
void raise_name_error(Interp& in, Frame* f, Object* name) {
  in.raise(in.t.NameError, "name '" + utf8(name) + "' is not defined");
  auto* e = static_cast<ExceptionObj*>(in.exc);
  e->name = incref(name);
  std::vector<Object*> varnames;
  const auto& names = f->code->localsplus;
  for (int i = 0; i < f->code->nlocals && static_cast<size_t>(i) < names.size(); ++i) varnames.push_back(names[static_cast<size_t>(i)]);
  Object* s = closest_name(in, varnames, name);
  auto keys = [](DictObj* d) {
    std::vector<Object*> out;
    for (auto& entry : d->entries) {
      if (entry.key) out.push_back(entry.key);
    }
    return out;
  };
  if (!s) s = closest_name(in, keys(f->globals), name);
  if (!s && f->builtins) s = closest_name(in, keys(f->builtins), name);
  e->suggestion = xincref(s);
}

// Raises [exc] (a class or instance) with [cause]; false on error while
// preparing the exception.
bool do_raise(Interp& in, Object* exc, Object* cause) {
  Object* value;
  if (is_type(exc, in.t.type) && static_cast<Type*>(exc)->is_exception) {
    value = call0(in, exc);
    if (!value) return false;
    if (!is_type(value, in.t.BaseException)) {
      std::string n = type_name(value);
      decref(value);
      in.raise(in.t.TypeError, "calling " + static_cast<Type*>(exc)->name + " should have returned an instance of BaseException, not " + n);
      return false;
    }
  } else if (is_type(exc, in.t.BaseException)) {
    value = incref(exc);
  } else {
    in.raise(in.t.TypeError, "exceptions must derive from BaseException");
    return false;
  }
  if (cause) {
    Object* c = nullptr;
    if (is_type(cause, in.t.type) && static_cast<Type*>(cause)->is_exception) {
      c = call0(in, cause);
      if (!c) {
        decref(value);
        return false;
      }
    } else if (is_type(cause, in.t.BaseException)) {
      c = incref(cause);
    } else if (cause != in.None) {
      decref(value);
      in.raise(in.t.TypeError, "exception causes must derive from BaseException");
      return false;
    }
    auto* e = static_cast<ExceptionObj*>(value);
    xdecref(e->cause);
    e->cause = c;
    e->suppress_context = true;
  }
  in.raise_obj(value);
  return false;
}

// Sets __context__ of the exception being raised to the one being handled.
void chain_context(Interp& in) {
  Object* handled = in.topmost_handled();
  if (!in.exc || !handled || in.exc == handled) return;
  auto* e = static_cast<ExceptionObj*>(in.exc);
  if (e->context) return;
  // Avoid cycles: cut the chain where it reaches the new exception.
  Object* o = handled;
  while (o) {
    auto* x = static_cast<ExceptionObj*>(o);
    if (x->context == in.exc) {
      decref(x->context);
      x->context = nullptr;
      break;
    }
    o = x->context;
  }
  e->context = incref(handled);
}

Object* make_function(Interp& in, Frame* f, CodeObj* code) {
  auto* fn = in.alloc<FunctionObj>(in.t.function);
  fn->code = static_cast<CodeObj*>(incref(code));
  fn->globals = static_cast<DictObj*>(incref(f->globals));
  fn->builtins = static_cast<DictObj*>(incref(f->builtins));
  fn->name = incref(code->name);
  fn->qualname = incref(code->qualname);
  Object* doc = code->consts.empty() ? nullptr : code->consts[0];
  fn->doc = incref(doc && is_type(doc, in.t.str) && (code->code->flags & compile::kOptimized) ? doc : in.None);
  if (!(code->code->flags & compile::kOptimized)) {
    decref(fn->doc);
    fn->doc = incref(in.None);
  }
  Object* modname = dict_get_str(f->globals, iname(in, "__name__"));
  fn->module = xincref(modname);
  return fn;
}

Object* format_value(Interp& in, Object* value, int conversion, Object* spec) {
  Ref converted;
  switch (conversion) {
    case 1: converted = Ref(str(in, value)); break;
    case 2: converted = Ref(repr(in, value)); break;
    case 3: converted = Ref(ascii(in, value)); break;
    default: converted = Ref::borrow(value); break;
  }
  if (!converted) return nullptr;
  if (!spec && is_exact(converted.get(), in.t.str)) return converted.release();
  Ref empty;
  if (!spec) {
    empty = Ref(new_str(in, ""));
    spec = empty.get();
  }
  return format(in, converted.get(), spec);
}

bool unpack(Interp& in, Object* seq, int n, Object** out) {
  if (is_exact(seq, in.t.tuple) || is_exact(seq, in.t.list)) {
    auto items = seq_items(seq);
    if (items.size() != static_cast<size_t>(n)) {
      if (items.size() < static_cast<size_t>(n)) {
        in.raise(in.t.ValueError, "not enough values to unpack (expected " + std::to_string(n) + ", got " + std::to_string(items.size()) + ")");
      } else {
        in.raise(in.t.ValueError, "too many values to unpack (expected " + std::to_string(n) + ")");
      }
      return false;
    }
    for (int i = 0; i < n; ++i) out[n - 1 - i] = incref(items[static_cast<size_t>(i)]);
    return true;
  }
  Object* it = get_iter(in, seq);
  if (!it) {
    if (in.matches(in.t.TypeError)) {
      in.clear_error();
      in.raise(in.t.TypeError, "cannot unpack non-iterable " + type_name(seq) + " object");
    }
    return false;
  }
  int got = 0;
  std::vector<Object*> items;
  for (; got < n; ++got) {
    Object* x = iter_next(in, it);
    if (!x) {
      for (Object* y : items) decref(y);
      decref(it);
      if (!in.error()) {
        in.raise(in.t.ValueError, "not enough values to unpack (expected " + std::to_string(n) + ", got " + std::to_string(got) + ")");
      }
      return false;
    }
    items.push_back(x);
  }
  Object* extra = iter_next(in, it);
  decref(it);
  if (extra || in.error()) {
    xdecref(extra);
    for (Object* y : items) decref(y);
    if (!in.error()) in.raise(in.t.ValueError, "too many values to unpack (expected " + std::to_string(n) + ")");
    return false;
  }
  for (int i = 0; i < n; ++i) out[n - 1 - i] = items[static_cast<size_t>(i)];
  return true;
}

bool unpack_ex(Interp& in, Object* seq, int before, int after, Object** out) {
  // CPython's unpack_iterable: the first items from the iterator, then
  // list(iterator) for the starred name and the ones after it.
  Object* it = get_iter(in, seq);
  if (!it) {
    if (in.matches(in.t.TypeError) && !seq->type->iter && !seq->type->getitem) {
      in.clear_error();
      in.raise(in.t.TypeError, "cannot unpack non-iterable " + type_name(seq) + " object");
    }
    return false;
  }
  std::vector<Object*> head;
  auto fail = [&] {
    for (Object* x : head) decref(x);
    decref(it);
    return false;
  };
  for (int i = 0; i < before; ++i) {
    Object* x = iter_next(in, it);
    if (!x) {
      if (!in.error()) {
        in.raise(in.t.ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                      ", got " + std::to_string(i) + ")");
      }
      return fail();
    }
    head.push_back(x);
  }
  Object* list = sequence_to_list(in, it);
  if (!list) return fail();
  decref(it);
  auto& items = static_cast<ListObj*>(list)->items;
  int size = static_cast<int>(items.size());
  if (size < after) {
    for (Object* x : head) decref(x);
    decref(list);
    in.raise(in.t.ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                  ", got " + std::to_string(before + size) + ")");
    return false;
  }
  int k = before + after;
  for (Object* x : head) out[k--] = x;
  std::vector<Object*> middle(items.begin(), items.end() - after);
  std::vector<Object*> tail(items.end() - after, items.end());
  items.clear();
  decref(list);
  out[k--] = new_list(in, std::move(middle));
  for (Object* x : tail) out[k--] = x;
  return true;
}

// A generator returned [returned] (owned, may be null): raise StopIteration
// carrying it, as send() and throw() report a return.
Object* yield_from_target(GenObj* g);

// BEFORE_WITH / BEFORE_ASYNC_WITH: the manager on top of the stack
// ([sp] is the stack pointer) becomes its bound __exit__ (__aexit__) and
// what __enter__ (__aenter__) returns goes above it, at sp[0].
bool enter_context(Interp& in, Object** sp, bool async) {
  Object* mgr = sp[-1];
  Object* enter = type_lookup(in, mgr->type, async ? "__aenter__" : "__enter__");
  Object* exit = type_lookup(in, mgr->type, async ? "__aexit__" : "__exit__");
  std::string protocol = async ? "asynchronous context manager protocol" : "context manager protocol";
  if (!enter) {
    in.raise(in.t.TypeError, "'" + type_name(mgr) + "' object does not support the " + protocol);
    return false;
  }
  if (!exit) {
    in.raise(in.t.TypeError, "'" + type_name(mgr) + "' object does not support the " + protocol + " (missed " +
                                 (async ? "__aexit__" : "__exit__") + " method)");
    return false;
  }
  Object* bound_exit = exit->type->descr_get ? exit->type->descr_get(in, exit, mgr, mgr->type) : incref(exit);
  if (!bound_exit) return false;
  Object* r = call1(in, enter, mgr);
  if (!r) {
    decref(bound_exit);
    return false;
  }
  sp[-1] = bound_exit;
  decref(mgr);
  sp[0] = r;
  return true;
}

bool is_gen(Interp& in, const Object* o) {
  return o->type == in.t.generator || o->type == in.t.coroutine || o->type == in.t.async_generator;
}

// _PyCoro_GetAwaitableIter: a coroutine itself (or a generator marked
// with types.coroutine), else what __await__ returns, which must be an
// iterator and not a coroutine.  [where]: GET_AWAITABLE's oparg, for the
// message about `async with`.
Object* awaitable_iter(Interp& in, Object* o, int where = 0) {
  if (o->type == in.t.coroutine) return incref(o);
  if (o->type == in.t.generator) {
    const Frame* f = static_cast<GenObj*>(o)->frame;
    if (f && (f->code->code->flags & compile::kIterableCoroutine)) return incref(o);
  }
  Object* getter = type_lookup(in, o->type, "__await__");
  if (!getter) {
    if (where == 1) {
      return in.raise(in.t.TypeError, "'async with' received an object from __aenter__ that does not implement __await__: " + type_name(o));
    }
    if (where == 2) {
      return in.raise(in.t.TypeError, "'async with' received an object from __aexit__ that does not implement __await__: " + type_name(o));
    }
    return in.raise(in.t.TypeError, "object " + type_name(o) + " can't be used in 'await' expression");
  }
  Object* r = call1(in, getter, o);
  if (!r) return nullptr;
  bool iterable_coro = r->type == in.t.generator && static_cast<GenObj*>(r)->frame &&
                       (static_cast<GenObj*>(r)->frame->code->code->flags & compile::kIterableCoroutine);
  if (r->type == in.t.coroutine || iterable_coro) {
    decref(r);
    return in.raise(in.t.TypeError, "__await__() returned a coroutine");
  }
  if (!r->type->next) {
    std::string name = type_name(r);
    decref(r);
    return in.raise(in.t.TypeError, "__await__() returned non-iterator of type '" + name + "'");
  }
  return r;
}

Object* raise_stop_iteration(Interp& in, Object* returned) {
  std::vector<Object*> items;
  if (returned && returned != in.None) items.push_back(incref(returned));
  xdecref(returned);
  return in.raise_obj(new_exception(in, in.t.StopIteration, new_tuple(in, std::move(items))));
}

// Takes the pending StopIteration and returns its value (new reference).
Object* take_stop_iteration_value(Interp& in) {
  Object* e = in.fetch_error();
  auto& items = static_cast<TupleObj*>(static_cast<ExceptionObj*>(e)->args)->items;
  Object* value = incref(items.empty() ? in.None : items[0]);
  decref(e);
  return value;
}

}  // namespace

// ---- events: see inspect.cpp ----

static void raise_keyboard_interrupt(Interp& in) {
  in.raise_obj(new_exception(in, in.t.KeyboardInterrupt, new_tuple(in, {})));
}

// The per-instruction work from step in.hook_from on (the loop counts the
// steps): the budget, the observer.  False (RuntimeError raised) when the
// budget is spent.
bool instruction_hook(Interp& in, Frame* f, Object** sp) {
  const uint8_t* unit = f->code->code->code.data() + 2 * f->lasti;
  int opcode = unit[0], oparg = unit[1];
  // A requested collection runs before this instruction: the
  // instructions of the finalizers it runs are counted from this step on,
  // and this instruction after them.
  while (!in.collect_at.empty() && in.collect_at.back() <= in.steps) {
    bool due = in.collect_at.back() == in.steps;
    in.collect_at.pop_back();
    if (due) {
      f->sp = sp;
      --in.steps;
      gc_collect(in, 2, events::GcCollection::Reason::kRequested);
      ++in.steps;
    }
  }
  if (in.interrupt_at && in.steps == in.interrupt_at) {
    // The instruction never runs: what runs next (a handler, a finally
    // block) is this step.
    in.interrupt_at = 0;
    --in.steps;
    f->sp = sp;
    raise_keyboard_interrupt(in);
    return false;
  }
  if (in.max_steps && in.steps > in.max_steps) {
    in.step_limit_hit = true;
    in.raise(in.t.RuntimeError, "step limit reached");
    return false;
  }
  if (!in.observer || in.steps < in.observe_from) return true;
  if (traced(in, f->code)) trace_instruction(in, f, opcode);
  if (Details* d = details(in)) d->before_instruction(f, sp, opcode, oparg);
  if (in.observer->on_step(in.steps, f->code->serial, 2 * f->lasti, in.depth)) {
    events::Instruction e;
    const compile::CodeObject& co = *f->code->code;
    e.step = in.steps;
    e.depth = in.depth;
    e.code = co.qualname;
    e.code_id = f->code->serial;
    e.offset = 2 * f->lasti;
    e.opname = compile::op_info(static_cast<uint8_t>(opcode)).name;
    e.opcode = opcode;
    e.oparg = oparg;
    CodeObj* code = f->code;
    if (code->argreprs.empty()) {
      code->argreprs.resize(co.code.size() / 2 + 1);
      for (const auto& row : compile::disassemble(co)) {
        code->argreprs[static_cast<size_t>(row.offset / 2)] = row.argrepr;
      }
    }
    e.argrepr = code->argreprs[static_cast<size_t>(f->lasti)];
    if (static_cast<size_t>(f->lasti) < co.positions.size()) {
      const auto& p = co.positions[static_cast<size_t>(f->lasti)];
      e.line = p.line;
      e.end_line = p.end_line;
      e.col = p.col;
      e.end_col = p.end_col;
    }
    e.stack_depth = static_cast<int>(sp - f->stack);
    StateReader state(in);
    e.state = &state;
    in.observer->on_instruction(e);
  }
  return true;
}



// The loop.  [entry] is set up (arguments bound); it runs until [entry]
// returns or raises out.  Two copies: with the per-instruction hook (a step
// budget or an observer) and without it, so a run with neither pays nothing
// per instruction.
template <bool kHooks>
Object* run_frame_loop(Interp& in, Frame* entry) {
  // Python-to-Python calls stay in one loop; calls through built-ins nest
  // C++ frames, bounded here (the Python frame limit usually comes first,
  // as in CPython) so the C++ stack never overflows, natively or in wasm.
  if (in.eval_depth >= kMaxEvalDepth) {
    free_frame(in, entry);
    return in.raise(in.t.RecursionError, "maximum recursion depth exceeded");
  }
  ++in.eval_depth;
  ++in.native_depth;
  entry->entry = true;
  entry->back = in.frame;
  in.frame = entry;
  ++in.depth;
  if (in.observer) frame_event(in, entry, true, nullptr, false);
  Frame* f = entry;
  const uint8_t* code;
  Object** fast;
  Object** sp;
  CodeObj* co;
  int next;
  Object* retval = nullptr;
  bool reraise = false;  // the error path skips adding a traceback entry
  int unwind_at = -1;    // RERAISE restored f->lasti: the handler is looked up here instead

#define LOAD_FRAME()                 \
  do {                               \
    co = f->code;                    \
    code = co->code->code.data();    \
    fast = f->fast;                  \
    sp = f->sp;                      \
    next = f->next;                  \
  } while (0)
#define SAVE_FRAME() \
  do {               \
    f->sp = sp;      \
    f->next = next;  \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))

  LOAD_FRAME();
  int opcode, oparg;

#if defined(__GNUC__)
#define PYLIFE_COMPUTED_GOTO 1
  // Computed goto (a GNU extension): one label per opcode of opcodes.def.
  static void* dispatch_table[256];
  static bool dispatch_ready = false;
  if (!dispatch_ready) {
#define PYLIFE_OPCODE(name, number, caches, kind, e, em, je, jem) dispatch_table[number] = &&TARGET_##name;
#include "pylife/opcodes.def"
#undef PYLIFE_OPCODE
    dispatch_ready = true;
  }
#define TARGET(op) TARGET_##op:
#define MISSING(op) TARGET_##op:
#define DISPATCH() goto dispatch
#else
#define TARGET(op) case static_cast<int>(Op::op):
#define MISSING(op) case static_cast<int>(Op::op):
#define DISPATCH() goto dispatch
#endif

  if (entry->throw_pending) {  // gen.throw(): raise at the suspended yield
    entry->throw_pending = false;
    if (in.observer && traced(in, co)) trace_event(in, f, events::Trace::Kind::kCall);
    goto error;
  }

dispatch:
  f->lasti = next;
  // Before decoding, so that no decoded value has to survive the call.
  if constexpr (PYLIFE_EVENT_HOOKS && kHooks) {
    // The frame's stack as it is before each instruction, for the state
    // reader (an outer frame may be waiting in a built-in that called back
    // into Python).  A replay runs here until its observed step: one count
    // and compare.
    f->sp = sp;
    if (++in.steps >= in.hook_from && !instruction_hook(in, f, sp)) goto error;
  }
  opcode = code[2 * next];
  oparg = code[2 * next + 1];
  ++next;
dispatch_opcode:
#if defined(PYLIFE_COMPUTED_GOTO)
  {
    void* target = dispatch_table[opcode];
    if (!target) goto unknown_opcode;
    goto* target;
  }
#else
  switch (opcode) {
#endif

  TARGET(NOP) DISPATCH();
  TARGET(CACHE) DISPATCH();
  // The collector's safe points (CPython 3.12's eval breaker): a frame's
  // start or resumption and backward jumps.  Only here may a collection
  // (and the finalizers it runs) start, so no C++ code is ever interrupted
  // with half-made objects.
// Where collections start and Ctrl-C lands (CPython's eval breaker).
#define GC_SAFE_POINT()                                                                    \
  if (__builtin_expect(in.gc.pending, 0)) {                                               \
    f->sp = sp;                                                                            \
    gc_collect_due(in);                                                                    \
  }                                                                                        \
  if (__builtin_expect(in.interrupt != nullptr, 0) && in.interrupt->exchange(false)) {     \
    f->sp = sp;                                                                            \
    raise_keyboard_interrupt(in);                                                          \
    goto error;                                                                            \
  }

  TARGET(RESUME) {
    GC_SAFE_POINT();
    DISPATCH();
  }

  TARGET(EXTENDED_ARG) {
    f->lasti = next;
    opcode = code[2 * next];
    oparg = (oparg << 8) | code[2 * next + 1];
    ++next;
    goto dispatch_opcode;
  }

  TARGET(POP_TOP) {
    decref(POP());
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(nullptr);
    DISPATCH();
  }

  TARGET(COPY) {
    Object* v = PEEK(oparg);
    PUSH(xincref(v));
    DISPATCH();
  }

  TARGET(SWAP) {
    std::swap(sp[-1], sp[-oparg]);
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    PUSH(incref(co->consts[static_cast<size_t>(oparg)]));
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Object* v = fast[oparg];
    if (!v) {
      in.raise(in.t.UnboundLocalError, "cannot access local variable '" + utf8(co->localsplus[static_cast<size_t>(oparg)]) +
                                           "' where it is not associated with a value");
      goto error;
    }
    PUSH(incref(v));
    DISPATCH();
  }

  TARGET(STORE_FAST) {
    Object* old = fast[oparg];
    fast[oparg] = POP();
    xdecref(old);
    DISPATCH();
  }

  TARGET(DELETE_FAST) {
    Object* old = fast[oparg];
    if (!old) {
      in.raise(in.t.UnboundLocalError, "cannot access local variable '" + utf8(co->localsplus[static_cast<size_t>(oparg)]) +
                                           "' where it is not associated with a value");
      goto error;
    }
    fast[oparg] = nullptr;
    decref(old);
    DISPATCH();
  }

  TARGET(MAKE_CELL) {
    Object* init = fast[oparg];
    fast[oparg] = new_cell(in, init);
    xdecref(init);
    DISPATCH();
  }

  TARGET(COPY_FREE_VARS) {
    auto& cells = static_cast<TupleObj*>(f->func->closure)->items;
    int offset = co->nlocals + co->ncells;
    for (int i = 0; i < oparg; ++i) fast[offset + i] = incref(cells[static_cast<size_t>(i)]);
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    PUSH(incref(fast[oparg]));
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    Object* v = static_cast<CellObj*>(fast[oparg])->ref;
    if (!v) {
      std::string name = utf8(co->localsplus[static_cast<size_t>(oparg)]);
      if (oparg >= co->nlocals + co->ncells) {
        in.raise(in.t.NameError, "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
      } else {
        in.raise(in.t.UnboundLocalError, "cannot access local variable '" + name + "' where it is not associated with a value");
      }
      goto error;
    }
    PUSH(incref(v));
    DISPATCH();
  }

  TARGET(LOAD_CLASSDEREF) {
    Object* name = co->localsplus[static_cast<size_t>(oparg)];
    Object* v = nullptr;
    if (f->locals) {
      v = is_exact(f->locals, in.t.dict) ? xincref(dict_get(in, static_cast<DictObj*>(f->locals), name)) : getitem(in, f->locals, name);
      if (!v && in.error()) {
        if (!in.matches(in.t.KeyError)) goto error;
        in.clear_error();
      }
    }
    if (!v) {
      v = xincref(static_cast<CellObj*>(fast[oparg])->ref);
      if (!v) {
        in.raise(in.t.NameError, "cannot access free variable '" + utf8(name) + "' where it is not associated with a value in enclosing scope");
        goto error;
      }
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    auto* cell = static_cast<CellObj*>(fast[oparg]);
    Object* old = cell->ref;
    cell->ref = POP();
    xdecref(old);
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    auto* cell = static_cast<CellObj*>(fast[oparg]);
    if (!cell->ref) {
      in.raise(in.t.NameError, "cannot access free variable '" + utf8(co->localsplus[static_cast<size_t>(oparg)]) +
                                   "' where it is not associated with a value in enclosing scope");
      goto error;
    }
    Object* old = cell->ref;
    cell->ref = nullptr;
    decref(old);
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    size_t ni = static_cast<size_t>(oparg >> 1);
    Object* name = co->names[ni];
    CodeObj::GlobalCache& gc = co->global_cache[ni];
    Object* v;
    if (gc.globals == f->globals && gc.builtins == f->builtins && gc.globals_stamp == f->globals->stamp &&
        gc.builtins_stamp == f->builtins->stamp) {
      v = gc.value;
    } else {
      v = dict_get_str(f->globals, name);
      if (!v) v = dict_get_str(f->builtins, name);
      if (v) gc = CodeObj::GlobalCache{f->globals, f->builtins, f->globals->stamp, f->builtins->stamp, v};
    }
    if (!v) {
      raise_name_error(in, f, name);
      goto error;
    }
    if (oparg & 1) PUSH(nullptr);
    PUSH(incref(v));
    next += 5;
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    Object* v = POP();
    int r = dict_set(in, f->globals, co->names[static_cast<size_t>(oparg)], v);
    decref(v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    Object* name = co->names[static_cast<size_t>(oparg)];
    int r = dict_del(in, f->globals, name);
    if (r != 0) {
      if (r == 1) raise_name_error(in, f, name);
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    Object* name = co->names[static_cast<size_t>(oparg)];
    Object* v = nullptr;
    if (f->locals) {
      if (is_exact(f->locals, in.t.dict)) {
        v = xincref(dict_get_str(static_cast<DictObj*>(f->locals), name));
      } else {
        v = getitem(in, f->locals, name);
        if (!v) {
          if (!in.matches(in.t.KeyError)) goto error;
          in.clear_error();
        }
      }
    }
    if (!v) v = xincref(dict_get_str(f->globals, name));
    if (!v) v = xincref(dict_get_str(f->builtins, name));
    if (!v) {
      raise_name_error(in, f, name);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    Object* v = POP();
    Object* name = co->names[static_cast<size_t>(oparg)];
    int r = f->locals ? (is_exact(f->locals, in.t.dict) ? dict_set(in, static_cast<DictObj*>(f->locals), name, v) : setitem(in, f->locals, name, v))
                      : dict_set(in, f->globals, name, v);
    decref(v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    Object* name = co->names[static_cast<size_t>(oparg)];
    int r = f->locals ? (is_exact(f->locals, in.t.dict) ? dict_del(in, static_cast<DictObj*>(f->locals), name) : delitem(in, f->locals, name))
                      : dict_del(in, f->globals, name);
    if (r != 0) {
      if (r == 1 || in.matches(in.t.KeyError)) {
        in.clear_error();
        raise_name_error(in, f, name);
      }
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    Object* owner = TOP();
    Object* name = co->names[static_cast<size_t>(oparg)];
    Object* v = nullptr;
    // A plain instance: its dict first unless the class has a descriptor
    // other than a function there (generic_lookup's order, without the
    // generic path's checks).
    if (owner->type->plain_attributes) {
      auto* inst = static_cast<InstanceObj*>(owner);
      Object* descr = type_lookup(owner->type, name);
      if (!descr || descr->type == in.t.function) {
        if (Object* found = inst->dict ? dict_get_str(inst->dict, name) : nullptr) {
          v = incref(found);
        } else if (descr) {
          v = new_method(in, descr, owner);
        }
      }
    }
    if (!v) v = getattr(in, owner, name);
    if (!v) goto error;
    SET_TOP(v);
    decref(owner);
    next += 4;
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    Object* owner = TOP();
    Object* name = co->names[static_cast<size_t>(oparg)];
    // A plain function (or method descriptor) found on the type, not
    // shadowed by the instance: push it and self without binding.
    // Only for types whose attribute lookup is the generic one
    // (_PyObject_GetMethod's condition).
    bool generic = !owner->type->getattr || (owner->type->heap && !owner->type->custom_getattribute);
    Object* descr = is_type(owner, in.t.type) || !generic ? nullptr : type_lookup(owner->type, name);
    bool method = false;
    if (descr && (descr->type == in.t.function ||
                  (descr->type == in.t.builtin && static_cast<BuiltinObj*>(descr)->is_method &&
                   !static_cast<BuiltinObj*>(descr)->is_classmethod))) {
      method = true;
      DictObj* d = nullptr;
      if (auto* inst = as_instance(owner)) d = inst->dict;
      else if (auto* ex = as_exception(owner)) d = ex->dict;
      else if (auto* fo = as_function(owner)) d = fo->dict;
      else if (auto* mo = as_module(owner)) d = mo->dict;
      if (d && dict_get_str(d, name)) method = false;
    }
    if (method) {
      SET_TOP(incref(descr));
      PUSH(owner);
    } else {
      Object* v = getattr(in, owner, name);
      if (!v) goto error;
      SET_TOP(nullptr);
      PUSH(v);
      decref(owner);
    }
    next += 10;
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    Object* owner = TOP();
    Object* v = SECOND();
    sp -= 2;
    Object* name = co->names[static_cast<size_t>(oparg)];
    int r;
    // A plain instance and no descriptor in its class: straight into the
    // instance's dict.
    std::u32string_view nv = static_cast<StrObj*>(name)->s;
    bool dunder = nv.size() > 1 && nv[0] == U'_' && nv[1] == U'_';  // __class__, __dict__ ...
    if (owner->type->plain_attributes && !dunder && static_cast<InstanceObj*>(owner)->dict &&
        !type_lookup(owner->type, name)) {
      r = dict_set(in, static_cast<InstanceObj*>(owner)->dict, name, v);
    } else {
      r = setattr(in, owner, name, v);
    }
    decref(v);
    decref(owner);
    if (r < 0) goto error;
    next += 4;
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    Object* owner = POP();
    int r = setattr(in, owner, co->names[static_cast<size_t>(oparg)], nullptr);
    decref(owner);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(UNARY_POSITIVE) {
    Object* v = TOP();
    Object* r = unary_pos(in, v);
    if (!r) goto error;
    SET_TOP(r);
    decref(v);
    DISPATCH();
  }

  TARGET(UNARY_NEGATIVE) {
    Object* v = TOP();
    Object* r = unary_neg(in, v);
    if (!r) goto error;
    SET_TOP(r);
    decref(v);
    DISPATCH();
  }

  TARGET(UNARY_INVERT) {
    Object* v = TOP();
    Object* r = unary_invert(in, v);
    if (!r) goto error;
    SET_TOP(r);
    decref(v);
    DISPATCH();
  }

  TARGET(UNARY_NOT) {
    Object* v = TOP();
    int t = truth(in, v);
    if (t < 0) goto error;
    SET_TOP(new_bool(in, !t));
    decref(v);
    DISPATCH();
  }

  TARGET(BINARY_OP) {
    Object* rhs = TOP();
    Object* lhs = SECOND();
    Object* r = nullptr;
    // int and float operands: their own arithmetic, without the generic
    // dispatch of binary_op.
    if (is_exact(lhs, in.t.int_) && is_exact(rhs, in.t.int_)) {
      r = int_binary_op(in, lhs, rhs, oparg);
      if (!r) goto error;
    } else if (is_exact(lhs, in.t.float_) && is_exact(rhs, in.t.float_)) {
      double a = static_cast<FloatObj*>(lhs)->value, b = static_cast<FloatObj*>(rhs)->value;
      int base = oparg >= kInplace ? oparg - kInplace : oparg;
      if (base == kAdd) r = new_float(in, a + b);
      else if (base == kSub) r = new_float(in, a - b);
      else if (base == kMul) r = new_float(in, a * b);
      else if (base == kTrueDiv && b != 0) r = new_float(in, a / b);
    }
    if (!r || r == in.NotImplemented) {
      xdecref(r);
      r = binary_op(in, lhs, rhs, oparg);
    }
    if (!r) goto error;
    sp -= 2;
    decref(lhs);
    decref(rhs);
    PUSH(r);
    next += 1;
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    Object* rhs = TOP();
    Object* lhs = SECOND();
    Object* r;
    if (is_exact(lhs, in.t.int_) && is_exact(rhs, in.t.int_) && !static_cast<IntObj*>(lhs)->big && !static_cast<IntObj*>(rhs)->big) {
      int64_t a = static_cast<IntObj*>(lhs)->small, b = static_cast<IntObj*>(rhs)->small;
      bool v = oparg == kLt ? a < b : oparg == kLe ? a <= b : oparg == kEq ? a == b : oparg == kNe ? a != b : oparg == kGt ? a > b : a >= b;
      r = new_bool(in, v);
    } else {
      r = compare(in, lhs, rhs, oparg);
      if (!r) goto error;
    }
    sp -= 2;
    decref(lhs);
    decref(rhs);
    PUSH(r);
    next += 2;
    DISPATCH();
  }

  TARGET(IS_OP) {
    Object* rhs = POP();
    Object* lhs = TOP();
    bool r = (lhs == rhs) != (oparg == 1);
    SET_TOP(new_bool(in, r));
    decref(lhs);
    decref(rhs);
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    Object* container = TOP();
    Object* item = SECOND();
    int r = contains(in, container, item);
    if (r < 0) goto error;
    sp -= 2;
    decref(container);
    decref(item);
    PUSH(new_bool(in, (r == 1) != (oparg == 1)));
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    Object* key = TOP();
    Object* container = SECOND();
    Object* r;
    if (is_exact(container, in.t.list) && is_exact(key, in.t.int_) && !static_cast<IntObj*>(key)->big) {
      auto& items = static_cast<ListObj*>(container)->items;
      int64_t i = static_cast<IntObj*>(key)->small;
      if (i < 0) i += static_cast<int64_t>(items.size());
      r = i >= 0 && i < static_cast<int64_t>(items.size()) ? incref(items[static_cast<size_t>(i)]) : getitem(in, container, key);
    } else {
      r = getitem(in, container, key);
    }
    if (!r) goto error;
    sp -= 2;
    decref(key);
    decref(container);
    PUSH(r);
    next += 4;
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    Object* key = TOP();
    Object* container = SECOND();
    Object* v = THIRD();
    int r = setitem(in, container, key, v);
    if (r < 0) goto error;
    sp -= 3;
    decref(key);
    decref(container);
    decref(v);
    next += 1;
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    Object* key = TOP();
    Object* container = SECOND();
    int r = delitem(in, container, key);
    if (r < 0) goto error;
    sp -= 2;
    decref(key);
    decref(container);
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    std::vector<Object*> items(sp - oparg, sp);
    sp -= oparg;
    PUSH(new_tuple(in, std::move(items)));
    DISPATCH();
  }

  TARGET(BUILD_LIST) {
    std::vector<Object*> items(sp - oparg, sp);
    sp -= oparg;
    PUSH(new_list(in, std::move(items)));
    DISPATCH();
  }

  TARGET(BUILD_SET) {
    SetObj* s = new_set(in, false);
    bool failed = false;
    for (int i = oparg; i > 0; --i) {
      if (!failed && set_add(in, s, PEEK(i)) < 0) failed = true;
    }
    for (int i = 0; i < oparg; ++i) decref(POP());
    if (failed) {
      decref(s);
      goto error;
    }
    PUSH(s);
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    DictObj* d = new_dict(in);
    bool failed = false;
    for (int i = oparg; i > 0; --i) {
      if (!failed && dict_set(in, d, PEEK(2 * i), PEEK(2 * i - 1)) < 0) failed = true;
    }
    for (int i = 0; i < 2 * oparg; ++i) decref(POP());
    if (failed) {
      decref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_CONST_KEY_MAP) {
    Object* keys = POP();
    DictObj* d = new_dict(in);
    auto& ks = static_cast<TupleObj*>(keys)->items;
    bool failed = false;
    for (int i = 0; i < oparg; ++i) {
      if (!failed && dict_set(in, d, ks[static_cast<size_t>(i)], PEEK(oparg - i)) < 0) failed = true;
    }
    for (int i = 0; i < oparg; ++i) decref(POP());
    decref(keys);
    if (failed) {
      decref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    Object* step = oparg == 3 ? POP() : nullptr;
    Object* stop = POP();
    Object* start = TOP();
    Object* s = new_slice(in, start, stop, step ? step : in.None);
    decref(start);
    decref(stop);
    xdecref(step);
    SET_TOP(s);
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    std::u32string s;
    for (int i = oparg; i > 0; --i) s += str_view(PEEK(i));
    for (int i = 0; i < oparg; ++i) decref(POP());
    PUSH(new_str(in, std::move(s)));
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Object* v = POP();
    static_cast<ListObj*>(PEEK(oparg))->items.push_back(v);
    DISPATCH();
  }

  TARGET(SET_ADD) {
    Object* v = POP();
    int r = set_add(in, static_cast<SetObj*>(PEEK(oparg)), v);
    decref(v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    Object* v = POP();
    Object* k = POP();
    int r = dict_set(in, static_cast<DictObj*>(PEEK(oparg)), k, v);
    decref(k);
    decref(v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    Object* iterable = TOP();
    Object* list = PEEK(oparg + 1);
    Object* items = sequence_to_list(in, iterable);
    if (!items) {
      if (in.matches(in.t.TypeError) && !iterable->type->iter && !iterable->type->getitem) {
        in.clear_error();
        in.raise(in.t.TypeError, "Value after * must be an iterable, not " + type_name(iterable));
      }
      goto error;
    }
    for (Object* x : static_cast<ListObj*>(items)->items) static_cast<ListObj*>(list)->items.push_back(incref(x));
    decref(items);
    decref(POP());
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    if (!set_update(in, static_cast<SetObj*>(PEEK(oparg + 1)), TOP())) goto error;
    decref(POP());
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    Object* update = TOP();
    DictObj* d = static_cast<DictObj*>(PEEK(oparg + 1));
    if (!is_type(update, in.t.dict)) {
      Object* keys = lookup_attr(in, update, iname(in, "keys"));
      if (!keys) {
        if (!in.error()) in.raise(in.t.TypeError, "'" + type_name(update) + "' object is not a mapping");
        goto error;
      }
      decref(keys);
    }
    Object* items[] = {update};
    Object* upd = getattr(in, d, "update");
    if (!upd) goto error;
    Object* r = call(in, upd, Args{items, 1, nullptr});
    decref(upd);
    if (!r) goto error;
    decref(r);
    decref(POP());
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    Object* update = TOP();
    DictObj* d = static_cast<DictObj*>(PEEK(oparg + 1));
    Object* fn = PEEK(oparg + 3);
    if (!is_type(update, in.t.dict)) {
      std::string fname = "function";
      if (Object* q = fn ? lookup_attr(in, fn, iname(in, "__qualname__")) : nullptr) {
        fname = utf8(q);
        decref(q);
      }
      in.raise(in.t.TypeError, fname + "() argument after ** must be a mapping, not " + type_name(update));
      goto error;
    }
    for (auto& e : static_cast<DictObj*>(update)->entries) {
      if (!e.key) continue;
      if (dict_get(in, d, e.key)) {
        std::string fname = "function";
        if (Object* q = fn ? lookup_attr(in, fn, iname(in, "__qualname__")) : nullptr) {
          fname = utf8(q);
          decref(q);
        }
        in.raise(in.t.TypeError, fname + "() got multiple values for keyword argument '" + utf8(e.key) + "'");
        goto error;
      }
      if (dict_set(in, d, e.key, e.value) < 0) goto error;
    }
    decref(POP());
    DISPATCH();
  }

  TARGET(LIST_TO_TUPLE) {
    Object* list = TOP();
    std::vector<Object*> items = static_cast<ListObj*>(list)->items;
    for (Object* x : items) incref(x);
    SET_TOP(new_tuple(in, std::move(items)));
    decref(list);
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    Object* seq = TOP();
    Object** out = sp - 1;
    Object* tmp[8];  // small: this loop's C++ frame is on every nested call
    std::vector<Object*> big;
    Object** dst = oparg <= 8 ? tmp : (big.resize(static_cast<size_t>(oparg)), big.data());
    if (!unpack(in, seq, oparg, dst)) goto error;
    --sp;
    decref(seq);
    for (int i = 0; i < oparg; ++i) out[i] = dst[i];
    sp += oparg;
    next += 1;
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    Object* seq = TOP();
    int before = oparg & 0xff, after = oparg >> 8;
    std::vector<Object*> dst(static_cast<size_t>(before + after + 1));
    if (!unpack_ex(in, seq, before, after, dst.data())) goto error;
    --sp;
    decref(seq);
    for (Object* x : dst) PUSH(x);
    DISPATCH();
  }

  TARGET(GET_ITER) {
    Object* v = TOP();
    Object* it = get_iter(in, v);
    if (!it) goto error;
    SET_TOP(it);
    decref(v);
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Object* it = TOP();
    Object* v;
    auto* io = it->type == in.t.iter ? static_cast<IterObj*>(it) : nullptr;
    if (io && io->kind == IterObj::kRange) {
      if (io->step > 0 ? io->pos < io->stop : io->pos > io->stop) {
        v = new_int(in, io->pos);
        io->pos += io->step;
      } else {
        v = nullptr;
      }
    } else if (it->type == in.t.generator && in.observer) {
      // CPython's generator ends a loop with StopIteration(value) when it
      // returns a value other than None, and a tracer is told of it.
      Object* returned = nullptr;
      v = gen_resume(in, static_cast<GenObj*>(it), in.None, &returned);
      if (!v && returned && returned != in.None && traced(in, co)) trace_event(in, f, events::Trace::Kind::kException);
      xdecref(returned);
    } else {
      v = in.observer ? iter_next_keeping_stop(in, it) : iter_next(in, it);
    }
    if (v) {
      PUSH(v);
      DISPATCH();
    }
    if (in.error()) {
      if (!in.matches(in.t.StopIteration)) goto error;
      if (in.observer && traced(in, co)) trace_event(in, f, events::Trace::Kind::kException);
      in.clear_error();
    }
    decref(POP());
    next += oparg;
    DISPATCH();
  }

  TARGET(JUMP_FORWARD) {
    next += oparg;
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD) {
    next -= oparg;
    GC_SAFE_POINT();
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    next -= oparg;
    DISPATCH();
  }

#define POP_JUMP_IF(cond_true, backward)        \
  {                                             \
    Object* v = POP();                          \
    int t;                                      \
    if (v == in.True) t = 1;                    \
    else if (v == in.False) t = 0;              \
    else {                                      \
      t = truth(in, v);                         \
      if (t < 0) {                              \
        decref(v);                              \
        goto error;                             \
      }                                         \
    }                                           \
    decref(v);                                  \
    if (t == (cond_true)) {                     \
      next += backward ? -oparg : oparg;        \
      if (backward) GC_SAFE_POINT();            \
    }                                           \
    DISPATCH();                                 \
  }

  TARGET(POP_JUMP_FORWARD_IF_FALSE) POP_JUMP_IF(0, false)
  TARGET(POP_JUMP_FORWARD_IF_TRUE) POP_JUMP_IF(1, false)
  TARGET(POP_JUMP_BACKWARD_IF_FALSE) POP_JUMP_IF(0, true)
  TARGET(POP_JUMP_BACKWARD_IF_TRUE) POP_JUMP_IF(1, true)

#define POP_JUMP_IF_NONE(is_none, backward)                  \
  {                                                          \
    Object* v = POP();                                       \
    bool jump = (v == in.None) == (is_none);                 \
    decref(v);                                               \
    if (jump) next += backward ? -oparg : oparg;             \
    DISPATCH();                                              \
  }

  TARGET(POP_JUMP_FORWARD_IF_NONE) POP_JUMP_IF_NONE(true, false)
  TARGET(POP_JUMP_FORWARD_IF_NOT_NONE) POP_JUMP_IF_NONE(false, false)
  TARGET(POP_JUMP_BACKWARD_IF_NONE) POP_JUMP_IF_NONE(true, true)
  TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) POP_JUMP_IF_NONE(false, true)

#define JUMP_OR_POP(cond_true)                 \
  {                                            \
    Object* v = TOP();                         \
    int t = truth(in, v);                      \
    if (t < 0) goto error;                     \
    if (t == (cond_true)) {                    \
      next += oparg;                           \
    } else {                                   \
      decref(POP());                           \
    }                                          \
    DISPATCH();                                \
  }

  TARGET(JUMP_IF_FALSE_OR_POP) JUMP_OR_POP(0)
  TARGET(JUMP_IF_TRUE_OR_POP) JUMP_OR_POP(1)

  TARGET(KW_NAMES) {
    f->kwnames = co->consts[static_cast<size_t>(oparg)];
    DISPATCH();
  }

  TARGET(PRECALL) {
    next += 1;
    DISPATCH();
  }

  TARGET(CALL) {
    bool is_meth = PEEK(oparg + 2) != nullptr;
    int nargs = oparg + (is_meth ? 1 : 0);
    Object* callable = is_meth ? PEEK(oparg + 2) : PEEK(oparg + 1);
    Object** args = sp - nargs;
    Object* kwnames = f->kwnames;
    f->kwnames = nullptr;
    size_t nkw = kwnames ? static_cast<TupleObj*>(kwnames)->items.size() : 0;
    Args a{args, static_cast<size_t>(nargs) - nkw, kwnames};
    next += 4;
    // Bound methods of Python functions: unpack in place.
    if (!is_meth && callable->type == in.t.method && static_cast<MethodObj*>(callable)->func->type == in.t.function) {
      auto* m = static_cast<MethodObj*>(callable);
      Object* fn = incref(m->func);
      Object* self = incref(m->self);
      PEEK(oparg + 2) = fn;
      PEEK(oparg + 1) = self;
      decref(callable);
      callable = fn;
      is_meth = true;
      nargs = oparg + 1;
      args = sp - nargs;
      a = Args{args, static_cast<size_t>(nargs) - nkw, kwnames};
    }
    if (callable->type == in.t.function &&
        !(static_cast<FunctionObj*>(callable)->code->code->flags &
          (compile::kGenerator | compile::kCoroutine | compile::kAsyncGenerator))) {
      auto* fn = static_cast<FunctionObj*>(callable);
      Frame* nf = frame_for_call(in, fn, a);
      if (!nf) goto error;
      // Drop the arguments from the caller's stack.
      for (int i = 0; i < nargs; ++i) decref(POP());
      decref(POP());  // the function
      if (!is_meth) xdecref(POP());  // its NULL slot
      SAVE_FRAME();
      nf->back = f;
      in.frame = nf;
      ++in.depth;
      f = nf;
      LOAD_FRAME();
      if (in.observer) frame_event(in, f, true, nullptr, false);
      DISPATCH();
    }
    SAVE_FRAME();
    Object* r = call(in, callable, a);
    for (int i = 0; i < nargs; ++i) decref(POP());
    decref(POP());
    if (!is_meth) {
      Object* top = POP();
      xdecref(top);
    }
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }

  TARGET(CALL_FUNCTION_EX) {
    Object* kwargs = (oparg & 1) ? POP() : nullptr;
    Object* callargs = POP();
    Object* func = TOP();
    Ref guard_kw(kwargs), guard_args(callargs);
    if (!is_exact(callargs, in.t.tuple)) {
      Object* list = sequence_to_list(in, callargs);
      if (!list) {
        if (in.matches(in.t.TypeError)) {
          in.clear_error();
          std::string fname = "function";
          if (Object* q = lookup_attr(in, func, iname(in, "__qualname__"))) {
            fname = utf8(q);
            decref(q);
          }
          in.raise(in.t.TypeError, fname + "() argument after * must be an iterable, not " + type_name(callargs));
        }
        sp += kwargs ? 2 : 1;
        guard_kw.release();
        guard_args.release();
        goto error;
      }
      std::vector<Object*> items = static_cast<ListObj*>(list)->items;
      for (Object* x : items) incref(x);
      decref(list);
      guard_args = Ref(new_tuple(in, std::move(items)));
    }
    std::vector<Object*> all(static_cast<TupleObj*>(guard_args.get())->items);
    std::vector<Object*> names;
    if (kwargs) {
      for (auto& e : static_cast<DictObj*>(kwargs)->entries) {
        if (!e.key) continue;
        all.push_back(e.value);
        names.push_back(incref(e.key));
      }
    }
    size_t npos = static_cast<TupleObj*>(guard_args.get())->items.size();
    Ref kwn(names.empty() ? nullptr : new_tuple(in, std::move(names)));
    SAVE_FRAME();
    Object* r = call(in, func, Args{all.data(), npos, kwn.get()});
    decref(POP());
    Object* null = POP();
    xdecref(null);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    auto* c = static_cast<CodeObj*>(POP());
    auto* fn = static_cast<FunctionObj*>(make_function(in, f, c));
    decref(c);
    if (oparg & 0x08) fn->closure = POP();
    if (oparg & 0x04) fn->annotations = POP();
    if (oparg & 0x02) fn->kwdefaults = POP();
    if (oparg & 0x01) fn->defaults = POP();
    PUSH(fn);
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    retval = POP();
    goto return_from_frame;
  }

  TARGET(RETURN_GENERATOR) {
    // The generator was made by the call; the frame stops here until the
    // first resume, which pushes None for the POP_TOP that follows.
    retval = incref(in.None);
    goto suspend_frame;
  }

  TARGET(GET_YIELD_FROM_ITER) {
    Object* v = TOP();
    if (v->type == in.t.coroutine) {
      if (!(co->code->flags & (compile::kCoroutine | compile::kIterableCoroutine))) {
        in.raise(in.t.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
    } else if (v->type != in.t.generator) {
      Object* it = get_iter(in, v);
      if (!it) goto error;
      SET_TOP(it);
      decref(v);
    }
    DISPATCH();
  }

  TARGET(SEND) {
    // Passes the sent value to the sub-iterator of `yield from`: its next
    // value is yielded, or its return value ends the loop.
    Object* v = POP();
    Object* receiver = TOP();
    Object* result = nullptr;
    Object* returned = nullptr;
    // Under a tracer CPython ends the loop through a StopIteration, which
    // the tracer is told of: always from send() or a coroutine, from a
    // generator's next only for a return value other than None.
    bool stop_seen = false;
    if (is_gen(in, receiver)) {
      result = gen_resume(in, static_cast<GenObj*>(receiver), v, &returned);
      stop_seen = !result && returned && (v != in.None || receiver->type != in.t.generator || returned != in.None);
    } else if (v == in.None) {
      result = iter_next(in, receiver);
      if (!result && in.matches(in.t.StopIteration)) {
        returned = take_stop_iteration_value(in);
        stop_seen = true;
      }
    } else {
      Object* send = getattr(in, receiver, "send");
      if (send) {
        result = call1(in, send, v);
        decref(send);
      }
      if (!result && in.matches(in.t.StopIteration)) {
        returned = take_stop_iteration_value(in);
        stop_seen = true;
      }
    }
    decref(v);
    if (result) {
      PUSH(result);
      DISPATCH();
    }
    if (in.error()) goto error;
    if (stop_seen && in.observer && traced(in, co)) trace_event(in, f, events::Trace::Kind::kException);
    // Exhausted: its return value replaces it.
    SET_TOP(returned ? returned : incref(in.None));
    decref(receiver);
    next += oparg;
    DISPATCH();
  }

  TARGET(YIELD_VALUE) {
    retval = POP();
    goto suspend_frame;
  }

  TARGET(FORMAT_VALUE) {
    Object* spec = (oparg & 0x04) ? POP() : nullptr;
    Object* v = TOP();
    Object* r = format_value(in, v, oparg & 3, spec);
    xdecref(spec);
    if (!r) goto error;
    SET_TOP(r);
    decref(v);
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Object* bc = dict_get_str(f->builtins, iname(in, "__build_class__"));
    if (!bc) {
      in.raise(in.t.NameError, "__build_class__ not found");
      goto error;
    }
    PUSH(incref(bc));
    DISPATCH();
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(incref(in.t.AssertionError));
    DISPATCH();
  }

  TARGET(RAISE_VARARGS) {
    Object* cause = oparg == 2 ? POP() : nullptr;
    Object* exc = oparg >= 1 ? POP() : nullptr;
    if (!exc) {
      if (!in.topmost_handled()) {
        in.raise(in.t.RuntimeError, "No active exception to reraise");
        goto error;
      }
      in.raise_obj(incref(in.topmost_handled()));
      reraise = true;
      goto error;
    }
    do_raise(in, exc, cause);
    decref(exc);
    xdecref(cause);
    goto error;
  }

  TARGET(PUSH_EXC_INFO) {
    Object* v = TOP();
    Object* prev = in.handled ? in.handled : incref(in.None);
    SET_TOP(prev);
    in.handled = incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    Object* v = POP();
    Object* old = in.handled;
    in.handled = v == in.None ? nullptr : v;
    if (v == in.None) decref(v);
    xdecref(old);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    Object* right = TOP();
    Object* left = SECOND();
    auto check = [&](Object* t) { return is_type(t, in.t.type) && static_cast<Type*>(t)->is_exception; };
    bool ok = check(right);
    if (!ok && is_type(right, in.t.tuple)) {
      ok = true;
      for (Object* x : static_cast<TupleObj*>(right)->items) ok = ok && check(x);
    }
    if (!ok) {
      in.raise(in.t.TypeError, "catching classes that do not inherit from BaseException is not allowed");
      goto error;
    }
    bool match = false;
    if (is_type(right, in.t.tuple)) {
      for (Object* x : static_cast<TupleObj*>(right)->items) match = match || is_type(left, static_cast<Type*>(x));
    } else {
      match = is_type(left, static_cast<Type*>(right));
    }
    SET_TOP(new_bool(in, match));
    decref(right);
    DISPATCH();
  }

  TARGET(RERAISE) {
    // The handler is looked up at this instruction; the frame's line for
    // the traceback was recorded where the exception was first raised.
    // With oparg, that instruction (the lasti operand) becomes the
    // frame's again, as in CPython: what a handler pushes as lasti, the
    // line of a tracer's return event and where its next line counts from.
    if (oparg && PEEK(oparg + 1)->type == in.t.int_) {
      unwind_at = f->lasti;
      f->lasti = static_cast<int>(static_cast<IntObj*>(PEEK(oparg + 1))->small);
      f->trace_prev = f->lasti;
    }
    Object* exc = POP();
    in.raise_obj(exc);
    reraise = true;
    goto error;
  }

  TARGET(BEFORE_WITH) {
    if (!enter_context(in, sp, false)) goto error;
    ++sp;
    DISPATCH();
  }

  TARGET(WITH_EXCEPT_START) {
    Object* val = TOP();
    Object* exit = PEEK(4);
    Object* items[] = {val->type, val, in.None};
    Object* r = call(in, exit, Args{items, 3, nullptr});
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Object* fromlist = POP();
    Object* level = TOP();
    SAVE_FRAME();
    Object* m = import_name(in, f, co->names[static_cast<size_t>(oparg)], fromlist, level);
    decref(fromlist);
    if (!m) goto error;
    SET_TOP(m);
    decref(level);
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    Object* m = import_from(in, TOP(), co->names[static_cast<size_t>(oparg)]);
    if (!m) goto error;
    PUSH(m);
    DISPATCH();
  }

  TARGET(IMPORT_STAR) {
    Object* m = POP();
    bool ok = import_star(in, f, m);
    decref(m);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(GET_LEN) {
    int64_t n = length(in, TOP());
    if (n < 0) goto error;
    PUSH(new_int(in, n));
    DISPATCH();
  }

  TARGET(PRINT_EXPR) {
    Object* v = POP();
    if (v != in.None) {
      auto r = repr_utf8(in, v);
      if (!r) {
        decref(v);
        goto error;
      }
      in.write_stdout(*r + "\n");
    }
    decref(v);
    DISPATCH();
  }

  TARGET(SETUP_ANNOTATIONS) {
    if (f->locals && is_type(f->locals, in.t.dict)) {
      Object* key = intern(in, "__annotations__");
      if (!dict_get_str(static_cast<DictObj*>(f->locals), key)) {
        Object* d = new_dict(in);
        dict_set(in, static_cast<DictObj*>(f->locals), key, d);
        decref(d);
      }
      decref(key);
    }
    DISPATCH();
  }

  TARGET(MATCH_MAPPING) {
    Object* is = new_bool(in, (TOP()->type->flags & Type::kMapping) != 0);
    PUSH(is);
    DISPATCH();
  }

  TARGET(MATCH_SEQUENCE) {
    Object* is = new_bool(in, (TOP()->type->flags & Type::kSequence) != 0);
    PUSH(is);
    DISPATCH();
  }

  TARGET(MATCH_KEYS) {
    // [subject, keys] -> [subject, keys, values or None]
    Object* values = match_keys(in, SECOND(), TOP());
    if (!values) goto error;
    *sp++ = values;
    DISPATCH();
  }

  TARGET(MATCH_CLASS) {
    // [subject, type, names] -> [attributes or None]
    Object* names = POP();
    Object* type = POP();
    Object* subject = TOP();
    Object* attrs = match_class(in, subject, type, oparg, names);
    decref(names);
    decref(type);
    if (!attrs) goto error;
    SET_TOP(attrs);
    decref(subject);
    DISPATCH();
  }

  MISSING(CHECK_EG_MATCH)
  MISSING(PREP_RERAISE_STAR)
  TARGET(GET_AWAITABLE) {
    Object* v = TOP();
    Object* it = awaitable_iter(in, v, oparg);
    if (!it) goto error;
    if (it->type == in.t.coroutine && yield_from_target(static_cast<GenObj*>(it))) {
      decref(it);
      in.raise(in.t.RuntimeError, "coroutine is being awaited already");
      goto error;
    }
    SET_TOP(it);
    decref(v);
    DISPATCH();
  }

  TARGET(GET_AITER) {
    Object* obj = TOP();
    Object* getter = type_lookup(in, obj->type, "__aiter__");
    if (!getter) {
      in.raise(in.t.TypeError, "'async for' requires an object with __aiter__ method, got " + type_name(obj));
      goto error;
    }
    Object* it = call1(in, getter, obj);
    if (!it) goto error;
    if (!type_lookup(in, it->type, "__anext__")) {
      in.raise(in.t.TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: " +
                                   type_name(it));
      decref(it);
      goto error;
    }
    SET_TOP(it);
    decref(obj);
    DISPATCH();
  }

  TARGET(GET_ANEXT) {
    Object* aiter = TOP();
    Object* getter = type_lookup(in, aiter->type, "__anext__");
    if (!getter) {
      in.raise(in.t.TypeError, "'async for' requires an iterator with __anext__ method, got " + type_name(aiter));
      goto error;
    }
    Object* next_obj = call1(in, getter, aiter);
    if (!next_obj) goto error;
    Object* awaitable = awaitable_iter(in, next_obj);
    if (!awaitable) {
      if (in.matches(in.t.TypeError)) {
        Object* cause = in.fetch_error();
        in.raise(in.t.TypeError, "'async for' received an invalid object from __anext__: " + type_name(next_obj));
        auto* e = static_cast<ExceptionObj*>(in.exc);
        e->cause = cause;
        e->context = incref(cause);
        e->suppress_context = true;
      }
      decref(next_obj);
      goto error;
    }
    decref(next_obj);
    PUSH(awaitable);
    DISPATCH();
  }

  TARGET(END_ASYNC_FOR) {
    // [aiter, exc]: StopAsyncIteration ends the loop; anything else goes on.
    Object* exc = POP();
    if (is_type(exc, in.t.StopAsyncIteration)) {
      decref(exc);
      decref(POP());
      DISPATCH();
    }
    in.raise_obj(exc);
    reraise = true;
    goto error;
  }

  TARGET(BEFORE_ASYNC_WITH) {
    if (!enter_context(in, sp, true)) goto error;
    ++sp;
    DISPATCH();
  }

  TARGET(ASYNC_GEN_WRAP) {
    // The value an async generator yields, marked so its awaiter (asend)
    // finishes with it instead of passing it to the event loop.
    auto* w = in.alloc<WrapperObj>(in.t.async_gen_wrapped);
    w->a = TOP();
    SET_TOP(w);
    DISPATCH();
  }

  goto unknown_opcode;

#if !defined(PYLIFE_COMPUTED_GOTO)
  default: goto unknown_opcode;
  }
#endif

unknown_opcode:
  in.raise(in.t.SystemError, std::string("pylife's VM cannot run ") + std::string(compile::op_info(static_cast<uint8_t>(opcode)).name) +
                                 " yet");
  goto error;

suspend_frame: {
  // Only generator frames suspend, and they always run as entry frames.
  SAVE_FRAME();
  if (in.observer) frame_event(in, f, false, retval, false, true);
  in.frame = f->back;
  --in.depth;
  --in.native_depth;
  --in.eval_depth;
  in.suspended = true;
  return retval;
}


return_from_frame: {
  Frame* done = f;
  SAVE_FRAME();
  if (in.observer) frame_event(in, done, false, retval, false);
  in.frame = done->back;
  --in.depth;
  bool was_entry = done->entry;
  free_frame(in, done);
  if (was_entry) {
    --in.native_depth;
    --in.eval_depth;
    return retval;
  }
  f = in.frame;
  LOAD_FRAME();
  PUSH(retval);
  retval = nullptr;
  DISPATCH();
}

error: {
  // Record where the exception passed through this frame.
  if (!in.exc) in.raise(in.t.SystemError, "error return without exception set");
  SAVE_FRAME();
  if (!reraise) {
    chain_context(in);
    static_cast<ExceptionObj*>(in.exc)->traceback.push_back(TracebackEntry{co->code, f->lasti});
    if (in.observer) {
      exception_event(in, f, events::Exception::Kind::kRaised);
      if (traced(in, co)) trace_event(in, f, events::Trace::Kind::kException);
    }
  }
  reraise = false;
  while (true) {
    const compile::ExceptionEntry* h =
        in.step_limit_hit ? nullptr : find_handler(*co->code, unwind_at >= 0 ? unwind_at : f->lasti);
    unwind_at = -1;
    if (h) {
      if (in.observer) exception_event(in, f, events::Exception::Kind::kCaught);
      Object** base = f->stack + h->depth;
      while (sp > base) xdecref(POP());
      if (h->lasti) PUSH(new_int(in, f->lasti));
      PUSH(in.fetch_error());
      next = h->target;
      DISPATCH();
    }
    Frame* done = f;
    // CPython empties the operand stack before it tells the tracer the
    // frame returned (what dies there, dies first).
    while (sp > f->stack) xdecref(POP());
    done->sp = sp;
    if (in.observer) {
      exception_event(in, f, events::Exception::Kind::kPropagated);
      frame_event(in, done, false, nullptr, true);
    }
    in.frame = done->back;
    --in.depth;
    bool was_entry = done->entry;
    done->sp = sp;
    free_frame(in, done);
    if (was_entry) {
      --in.native_depth;
      --in.eval_depth;
      return nullptr;
    }
    f = in.frame;
    LOAD_FRAME();
    static_cast<ExceptionObj*>(in.exc)->traceback.push_back(TracebackEntry{co->code, f->lasti});
    // CPython's caller reaches its error label (and tells the tracer) too.
    if (in.observer && traced(in, co)) trace_event(in, f, events::Trace::Kind::kException);
  }
}

}

Object* run_frame(Interp& in, Frame* entry) {
  return in.hooks ? run_frame_loop<true>(in, entry) : run_frame_loop<false>(in, entry);
}

Frame* make_class_frame(Interp& in, FunctionObj* fn, DictObj* ns) {
  if (in.depth >= in.recursion_limit) {
    in.raise(in.t.RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  return new_frame(in, fn->code, fn->globals, fn->builtins, ns, fn);
}

// ---- generators ----------------------------------------------------------------------

namespace {
bool close_generator(Interp& in, GenObj* g);
void trace_unstarted_throw(Interp& in, GenObj* g);
}  // namespace

// _PyGen_Finalize: a coroutine never started warns; a suspended
// generator is closed (its finally blocks run), with any exception being
// raised elsewhere set aside.
void GenObj::finalize(Interp& in) {
  if (!frame) return;
  if (!started && !frame->done && type == in.t.coroutine && in.warn) {
    in.warn(in, "RuntimeWarning", "coroutine '" + utf8(qualname) + "' was never awaited", true);
  } else if (!started && !frame->done && type != in.t.coroutine) {
    trace_unstarted_throw(in, this);
  }
  if (!frame->done && started && !running) {
    Object* saved = in.fetch_error();
    if (!close_generator(in, this)) {
      Object* e = in.fetch_error();
      if (in.report_unraisable) in.report_unraisable(in, e, this);
      decref(e);
    }
    in.exc = saved;
  }
}

GenObj::~GenObj() {
  if (frame) {
    Interp& in = *type->interp;
    if (!frame->done) {
      frame->done = true;
      clear_frame(in, frame);
    }
    delete frame;
  }
  xdecref(exc_state);
  xdecref(name);
  xdecref(qualname);
}

// gen_traverse: the frame's variables, and its operand stack while it is
// suspended (a running frame's stack pointer lives in the loop).
void GenObj::referents(std::vector<Object*>& out) const {
  if (exc_state) out.push_back(exc_state);
  if (name) out.push_back(name);
  if (qualname) out.push_back(qualname);
  if (!frame || frame->done) return;
  for (Object* o : {static_cast<Object*>(frame->func), static_cast<Object*>(frame->code),
                    static_cast<Object*>(frame->globals), static_cast<Object*>(frame->builtins), frame->locals}) {
    if (o) out.push_back(o);
  }
  int n = frame->code->nlocals + frame->code->ncells + frame->code->nfrees;
  for (int i = 0; i < n; ++i) {
    if (frame->fast[i]) out.push_back(frame->fast[i]);
  }
  if (!running) {
    for (Object** p = frame->stack; p < frame->sp; ++p) {
      if (*p) out.push_back(*p);
    }
  }
}

void GenObj::clear(Interp& in) {
  if (!frame || frame->done || running) return;
  frame->done = true;
  clear_frame(in, frame);
}

namespace {

// Calls generator function [fn]: a heap frame runs to RETURN_GENERATOR
// (copying free variables, making cells) and the generator owns it.
Object* make_generator(Interp& in, FunctionObj* fn, const Args& args) {
  CodeObj* code = fn->code;
  int n = code->nlocals + code->ncells + code->nfrees;
  size_t nslots = static_cast<size_t>(n + code->code->stacksize + 2);
  int flags = code->code->flags;
  auto* gen = in.alloc<GenObj>(flags & compile::kAsyncGenerator ? in.t.async_generator
                               : flags & compile::kCoroutine   ? in.t.coroutine
                                                               : in.t.generator);
  gen->slots = std::make_unique<Object*[]>(nslots);
  Frame* f = new Frame();
  f->heap = true;
  f->fast = gen->slots.get();
  f->nslots = nslots;
  f->code = static_cast<CodeObj*>(incref(code));
  f->globals = static_cast<DictObj*>(incref(fn->globals));
  f->builtins = static_cast<DictObj*>(incref(fn->builtins));
  f->func = static_cast<FunctionObj*>(incref(fn));
  for (int i = 0; i < n; ++i) f->fast[i] = nullptr;
  f->stack = f->fast + n;
  f->sp = f->stack;
  gen->frame = f;
  gen->name = incref(fn->name);
  gen->qualname = incref(fn->qualname);
  if (!bind_args(in, fn, f, args)) {
    decref(gen);
    return nullptr;
  }
  Object* r = run_frame(in, f);  // stops at RETURN_GENERATOR
  if (!r) {
    decref(gen);
    return nullptr;
  }
  decref(r);
  in.suspended = false;
  return gen;
}

GenObj* G(Object* o) { return static_cast<GenObj*>(o); }

Object* gen_next_slot(Interp& in, Object* o) {
  Object* returned = nullptr;
  Object* r = gen_resume(in, G(o), in.None, &returned);
  xdecref(returned);  // iteration ignores the return value
  return r;
}

// next(gen): its return value, when it returns, as StopIteration(value).
Object* generator_next(Interp& in, Object* o) {
  Object* returned = nullptr;
  Object* r = gen_resume(in, G(o), in.None, &returned);
  if (r || in.error()) return r;
  if (!returned) return nullptr;  // already exhausted
  if (returned == in.None) {
    decref(returned);
    return nullptr;
  }
  return raise_stop_iteration(in, returned);
}

Object* gen_send(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "send", args, 1, 1)) return nullptr;
  if (!G(self)->started && args.items[0] != in.None) {
    return in.raise(in.t.TypeError, std::string("can't send non-None value to a just-started ") +
                                        (self->type == in.t.coroutine ? "coroutine" : "generator"));
  }
  Object* returned = nullptr;
  Object* r = gen_resume(in, G(self), args.items[0], &returned);
  if (r || in.error()) return r;
  // Returned: StopIteration carries the value.
  return raise_stop_iteration(in, returned);
}

// CPython 3.11 throws into a generator that never ran as well (close(),
// throw(), its finalizer; not a coroutine's finalizer, which warns): a
// tracer sees it called, raising and returning at its first line.
void trace_unstarted_throw(Interp& in, GenObj* g) {
  if (!in.observer || !g->frame || g->frame->done || !traced(in, g->frame->code)) return;
  ++in.depth;
  for (auto kind : {events::Trace::Kind::kCall, events::Trace::Kind::kException, events::Trace::Kind::kReturn}) {
    trace_event(in, g->frame, kind);
  }
  --in.depth;
}

// Finishes a generator that never ran: nothing to unwind.
void finish_unstarted(Interp& in, GenObj* g) {
  trace_unstarted_throw(in, g);
  if (g->frame && !g->frame->done) {
    g->frame->done = true;
    clear_frame(in, g->frame);
  }
}

// The iterator a generator suspended in `yield from` delegates to (the top
// of its stack when the instruction after its yield is RESUME 2), or null
// (CPython's _PyGen_yf).  Borrowed.
Object* yield_from_target(GenObj* g) {
  Frame* f = g->frame;
  if (!f || f->done || !g->started || f->sp <= f->stack) return nullptr;
  const auto& code = f->code->code->code;
  size_t next = static_cast<size_t>(f->next) * 2;
  if (next + 1 >= code.size() || code[next] != static_cast<uint8_t>(Op::RESUME) || code[next + 1] < 2) return nullptr;
  return f->sp[-1];
}

// Resumes [g] by raising the pending exception at its suspended yield;
// what it yields, or null with StopIteration(return value) or its error.
Object* resume_raising(Interp& in, GenObj* g) {
  Object* returned = nullptr;
  Object* r = gen_resume(in, g, nullptr, &returned);
  if (r || in.error()) return r;
  return raise_stop_iteration(in, returned);
}

// Closes an iterator a generator delegates to: close() when it has one.
bool close_iterator(Interp& in, Object* it);

// gen.throw(exc): raises [exc] (owned) at the suspended yield, or, when
// the generator is in a `yield from`, throws it into the iterator it
// delegates to first (CPython's _gen_throw).
Object* throw_into(Interp& in, GenObj* g, Object* exc, bool delegate = true) {
  if (!g->frame || g->frame->done || !g->started) {
    finish_unstarted(in, g);
    return in.raise_obj(exc);
  }
  Object* yf = delegate ? yield_from_target(g) : nullptr;
  if (yf) {
    incref(yf);
    Object* ret = nullptr;
    bool thrown = true;  // whether yf took the exception
    if (is_type(exc, in.t.GeneratorExit)) {
      // Closing: close the inner iterator, then raise GeneratorExit here.
      g->running = true;
      bool ok = close_iterator(in, yf);
      g->running = false;
      decref(yf);
      if (!ok) {
        decref(exc);
        return resume_raising(in, g);
      }
      in.raise_obj(exc);
      return resume_raising(in, g);
    }
    if (is_gen(in, yf)) {
      g->running = true;
      ret = throw_into(in, G(yf), exc);
      g->running = false;
    } else if (Object* meth = lookup_attr(in, yf, iname(in, "throw"))) {
      g->running = true;
      ret = call1(in, meth, exc);
      g->running = false;
      decref(meth);
      decref(exc);
    } else if (in.error()) {
      decref(yf);
      decref(exc);
      return nullptr;
    } else {
      thrown = false;
    }
    if (thrown) {
      decref(yf);
      if (ret) return ret;  // the inner iterator yielded: so does g
      // It finished: the `yield from` is over.  Pop the iterator and go on
      // after the SEND loop, with its return value or its error.
      Frame* f = g->frame;
      decref(*--f->sp);
      const auto& code = f->code->code->code;
      int send = f->lasti - 1;  // SEND, then this YIELD_VALUE
      int target = send + 1 + code[static_cast<size_t>(send) * 2 + 1];
      f->lasti = target - 1;
      f->next = target;
      if (in.matches(in.t.StopIteration)) {
        Object* value = take_stop_iteration_value(in);
        Object* returned = nullptr;
        Object* r = gen_resume(in, g, value, &returned);
        decref(value);
        if (r || in.error()) return r;
        return raise_stop_iteration(in, returned);
      }
      return resume_raising(in, g);
    }
    decref(yf);
  }
  in.raise_obj(exc);
  return resume_raising(in, g);
}

// The exception throw()/athrow() raise: an exception class (called with the
// optional value) or instance; null with TypeError otherwise.
Object* thrown_exception(Interp& in, const Args& args) {
  Object* typ = args.items[0];
  if (is_type(typ, in.t.type) && static_cast<Type*>(typ)->is_exception) {
    return args.npos > 1 && args.items[1] != in.None ? call1(in, typ, args.items[1]) : call0(in, typ);
  }
  if (is_type(typ, in.t.BaseException)) return incref(typ);
  return in.raise(in.t.TypeError, "exceptions must be classes or instances deriving from BaseException, not " +
                                      type_name(typ));
}

Object* gen_throw(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "throw", args, 1, 3)) return nullptr;
  Object* exc = thrown_exception(in, args);
  if (!exc) return nullptr;
  return throw_into(in, G(self), exc);
}

bool close_iterator(Interp& in, Object* it) {
  if (is_gen(in, it)) return close_generator(in, G(it));
  Object* meth = lookup_attr(in, it, iname(in, "close"));
  if (!meth) return !in.error();
  Object* r = call0(in, meth);
  decref(meth);
  if (!r) return false;
  decref(r);
  return true;
}

// gen.close(): GeneratorExit at the yield, so finally blocks and with
// statements inside the generator finish; an iterator it delegates to
// (yield from) is closed first.
bool close_generator(Interp& in, GenObj* g) {
  if (!g->frame || g->frame->done) return true;
  if (!g->started) {
    finish_unstarted(in, g);
    return true;
  }
  Object* r;
  Object* yf = yield_from_target(g);
  bool inner_ok = true;
  if (yf) {
    incref(yf);
    g->running = true;
    inner_ok = close_iterator(in, yf);
    g->running = false;
    decref(yf);
  }
  if (inner_ok) {
    Object* exit = new_exception(in, in.t.GeneratorExit, incref(in.empty_tuple));
    r = throw_into(in, g, exit, false);
  } else {
    r = resume_raising(in, g);  // the inner close's error, raised here
  }
  if (r) {
    decref(r);
    in.raise(in.t.RuntimeError, g->type == in.t.coroutine ? "coroutine ignored GeneratorExit"
                                                           : "generator ignored GeneratorExit");
    return false;
  }
  if (in.matches(in.t.GeneratorExit) || in.matches(in.t.StopIteration)) {
    in.clear_error();
    return true;
  }
  return false;
}

Object* gen_close(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "close", args, 0, 0)) return nullptr;
  if (!close_generator(in, G(self))) return nullptr;
  return incref(in.None);
}

Object* gen_repr(Interp& in, Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  return new_str(in, "<" + o->type->name + " object " + utf8(G(o)->qualname) + " at " + buf + ">");
}

Object* gen_iter(Interp&, Object* o) { return incref(o); }

Object* gen_getattr(Interp& in, Object* o, StrObj* name) {
  if (name->s == U"__name__") return incref(G(o)->name);
  if (name->s == U"__qualname__") return incref(G(o)->qualname);
  if (name->s == U"gi_running") return new_bool(in, G(o)->running);
  if (name->s == U"gi_suspended") {
    const Frame* f = G(o)->frame;
    return new_bool(in, G(o)->started && !G(o)->running && f && !f->done);
  }
  if (name->s == U"gi_yieldfrom") {
    Object* yf = G(o)->running ? nullptr : yield_from_target(G(o));
    return incref(yf ? yf : in.None);
  }
  if (name->s == U"gi_code" && G(o)->frame) return incref(G(o)->frame->code);
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'generator' object has no attribute '" + utf8(name) + "'");
}

// A coroutine: a generator's machinery under cr_* names, not iterable,
// awaited through __await__ (or directly by GET_AWAITABLE).
Object* coro_getattr(Interp& in, Object* o, StrObj* name) {
  GenObj* g = G(o);
  if (name->s == U"__name__") return incref(g->name);
  if (name->s == U"__qualname__") return incref(g->qualname);
  if (name->s == U"cr_running") return new_bool(in, g->running);
  if (name->s == U"cr_suspended") {
    const Frame* f = g->frame;
    return new_bool(in, g->started && !g->running && f && !f->done);
  }
  if (name->s == U"cr_await") {
    Object* yf = g->running ? nullptr : yield_from_target(g);
    return incref(yf ? yf : in.None);
  }
  if (name->s == U"cr_code" && g->frame) return incref(g->frame->code);
  if (name->s == U"cr_origin") return incref(in.None);
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'coroutine' object has no attribute '" + utf8(name) + "'");
}

// coro.__await__(): a coroutine_wrapper iterating the coroutine.
Object* coro_await(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__await__", args, 0, 0)) return nullptr;
  auto* w = in.alloc<WrapperObj>(in.t.coroutine_wrapper);
  w->a = incref(self);
  return w;
}

Object* wrapper_next(Interp& in, Object* o) {
  Object* returned = nullptr;
  Object* r = gen_resume(in, G(static_cast<WrapperObj*>(o)->a), in.None, &returned);
  if (r || in.error()) return r;
  return raise_stop_iteration(in, returned);
}

Object* wrapper_send(Interp& in, Object* self, const Args& args) {
  return gen_send(in, static_cast<WrapperObj*>(self)->a, args);
}
Object* wrapper_throw(Interp& in, Object* self, const Args& args) {
  return gen_throw(in, static_cast<WrapperObj*>(self)->a, args);
}
Object* wrapper_close(Interp& in, Object* self, const Args& args) {
  return gen_close(in, static_cast<WrapperObj*>(self)->a, args);
}

}  // namespace

Object* gen_resume(Interp& in, GenObj* gen, Object* value, Object** returned) {
  *returned = nullptr;
  Frame* f = gen->frame;
  if (!f || f->done) {
    // Exhausted; a coroutine cannot be awaited twice.
    if (gen->type == in.t.coroutine && value) {
      return in.raise(in.t.RuntimeError, "cannot reuse already awaited coroutine");
    }
    return nullptr;
  }
  bool coro = gen->type == in.t.coroutine;
  if (gen->running) return in.raise(in.t.ValueError, coro ? "coroutine already executing" : "generator already executing");
  gen->running = true;
  gen->started = true;
  if (value) {
    *f->sp++ = incref(value);
  } else {
    f->throw_pending = true;
  }
  in.suspended = false;
  // The generator handles its own exception while it runs; the resumer's
  // comes back when it yields or ends.
  in.handled_outer.push_back(in.handled);
  in.handled = gen->exc_state;
  gen->exc_state = nullptr;
  Object* r = run_frame(in, f);
  gen->exc_state = in.handled;
  in.handled = in.handled_outer.back();
  in.handled_outer.pop_back();
  if (f->done || !r || !in.suspended) {
    xdecref(gen->exc_state);
    gen->exc_state = nullptr;
  }
  gen->running = false;
  if (r && in.suspended) {
    in.suspended = false;
    return r;
  }
  // Returned or raised: the frame is finished.
  if (r) {
    *returned = r;
    return nullptr;
  }
  bool agen = gen->type == in.t.async_generator;
  if (in.matches(in.t.StopIteration) || (agen && in.matches(in.t.StopAsyncIteration))) {
    // PEP 479: a StopIteration escaping a generator is an error (and a
    // StopAsyncIteration escaping an async generator).
    bool async_stop = agen && in.matches(in.t.StopAsyncIteration);
    Object* cause = in.fetch_error();
    in.raise(in.t.RuntimeError, agen ? (async_stop ? "async generator raised StopAsyncIteration"
                                                   : "async generator raised StopIteration")
                                : coro ? "coroutine raised StopIteration"
                                       : "generator raised StopIteration");
    auto* e = static_cast<ExceptionObj*>(in.exc);
    e->cause = cause;
    e->context = incref(cause);
    e->suppress_context = true;
  }
  return nullptr;
}

// ---- async generators ---------------------------------------------------------------

struct AsyncGenOp : GcObject {
  enum State : uint8_t { kInit, kIter, kClosed };
  GenObj* gen = nullptr;
  Object* sendval = nullptr;  // asend(value)
  Object* exc = nullptr;      // athrow(exc); null: aclose()
  bool is_throw = false;
  State state = kInit;
  ~AsyncGenOp() override {
    xdecref(gen);
    xdecref(sendval);
    xdecref(exc);
  }
  void referents(std::vector<Object*>& out) const override {
    for (Object* o : {static_cast<Object*>(gen), sendval, exc}) {
      if (o) out.push_back(o);
    }
  }
};

Object* new_agen_op(Interp& in, Type* type, Object* gen, Object* sendval, Object* exc, bool is_throw) {
  auto* op = in.alloc<AsyncGenOp>(type);
  op->gen = static_cast<GenObj*>(incref(gen));
  op->sendval = xincref(sendval);
  op->exc = exc;  // owned
  op->is_throw = is_throw;
  return op;
}

// async_gen_unwrap_value: a wrapped value finishes the await with it; the
// end of the generator is StopAsyncIteration; anything else was yielded by
// an await inside and goes on to the event loop.
Object* agen_unwrap(Interp& in, GenObj* g, Object* result) {
  if (!result) {
    if (!in.error()) {
      in.raise_obj(new_exception(in, in.t.StopAsyncIteration, incref(in.empty_tuple)));
    } else if (in.matches(in.t.StopAsyncIteration) || in.matches(in.t.GeneratorExit)) {
      g->closed = true;
    }
    g->running_async = false;
    return nullptr;
  }
  if (result->type == in.t.async_gen_wrapped) {
    Object* v = incref(static_cast<WrapperObj*>(result)->a);
    decref(result);
    g->running_async = false;
    return raise_stop_iteration(in, v);
  }
  return result;
}

// Resuming [g] as gen_send does: None starts it; its normal end is
// StopAsyncIteration for an async generator.
Object* agen_send(Interp& in, GenObj* g, Object* v) {
  Object* returned = nullptr;
  Object* r = gen_resume(in, g, v, &returned);
  xdecref(returned);
  return r;
}

// gen.throw(exc) on an async generator: its end is StopAsyncIteration.
Object* agen_throw(Interp& in, GenObj* g, Object* exc) {
  Object* r = throw_into(in, g, exc);
  if (!r && in.matches(in.t.StopIteration)) {
    in.clear_error();
    in.raise_obj(new_exception(in, in.t.StopAsyncIteration, incref(in.empty_tuple)));
  }
  return r;
}

Object* asend_send_value(Interp& in, AsyncGenOp* op, Object* v) {
  GenObj* g = op->gen;
  if (op->state == AsyncGenOp::kClosed) {
    return in.raise(in.t.RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  }
  if (op->state == AsyncGenOp::kInit) {
    if (g->running_async) return in.raise(in.t.RuntimeError, "anext(): asynchronous generator is already running");
    if (!v || v == in.None) v = op->sendval ? op->sendval : in.None;
    op->state = AsyncGenOp::kIter;
  }
  g->running_async = true;
  Object* r = agen_unwrap(in, g, agen_send(in, g, v));
  if (!r) op->state = AsyncGenOp::kClosed;
  return r;
}

Object* athrow_send_value(Interp& in, AsyncGenOp* op, Object* v) {
  GenObj* g = op->gen;
  bool aclose = !op->exc;
  auto check_error = [&]() -> Object* {
    g->running_async = false;
    op->state = AsyncGenOp::kClosed;
    if (aclose && (in.matches(in.t.StopAsyncIteration) || in.matches(in.t.GeneratorExit))) {
      // A finished aclose() await: StopIteration, not what stopped it.
      in.clear_error();
      in.raise_obj(new_exception(in, in.t.StopIteration, incref(in.empty_tuple)));
    }
    return nullptr;
  };
  auto yield_close = [&]() -> Object* {
    g->running_async = false;
    op->state = AsyncGenOp::kClosed;
    return in.raise(in.t.RuntimeError, "async generator ignored GeneratorExit");
  };
  if (op->state == AsyncGenOp::kClosed) {
    return in.raise(in.t.RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  }
  if (!g->frame || g->frame->done) {
    op->state = AsyncGenOp::kClosed;
    return in.raise_obj(new_exception(in, in.t.StopIteration, incref(in.empty_tuple)));
  }
  if (op->state == AsyncGenOp::kInit) {
    if (g->running_async) {
      op->state = AsyncGenOp::kClosed;
      return in.raise(in.t.RuntimeError, aclose ? "aclose(): asynchronous generator is already running"
                                                : "athrow(): asynchronous generator is already running");
    }
    if (g->closed) {
      op->state = AsyncGenOp::kClosed;
      return in.raise_obj(new_exception(in, in.t.StopAsyncIteration, incref(in.empty_tuple)));
    }
    if (v && v != in.None) return in.raise(in.t.RuntimeError, "can't send non-None value to a just-started coroutine");
    op->state = AsyncGenOp::kIter;
    g->running_async = true;
    Object* r;
    if (aclose) {
      g->closed = true;
      r = agen_throw(in, g, new_exception(in, in.t.GeneratorExit, incref(in.empty_tuple)));
      if (r && r->type == in.t.async_gen_wrapped) {
        decref(r);
        return yield_close();
      }
    } else {
      r = agen_unwrap(in, g, agen_throw(in, g, incref(op->exc)));
    }
    if (!r) return check_error();
    return r;
  }
  Object* r = agen_send(in, g, v ? v : in.None);
  if (!aclose) {
    r = agen_unwrap(in, g, r);
    if (!r) op->state = AsyncGenOp::kClosed;
    return r;
  }
  if (r) {
    if (r->type == in.t.async_gen_wrapped) {
      decref(r);
      return yield_close();
    }
    return r;
  }
  if (!in.error()) in.raise_obj(new_exception(in, in.t.StopAsyncIteration, incref(in.empty_tuple)));
  return check_error();
}

Object* agen_op_step(Interp& in, Object* self, Object* v) {
  auto* op = static_cast<AsyncGenOp*>(self);
  return self->type == in.t.async_gen_asend ? asend_send_value(in, op, v) : athrow_send_value(in, op, v);
}

Object* agen_op_next(Interp& in, Object* self) { return agen_op_step(in, self, in.None); }

Object* agen_op_send(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "send", args, 1, 1)) return nullptr;
  return agen_op_step(in, self, args.items[0]);
}

Object* agen_op_throw(Interp& in, Object* self, const Args& args) {
  auto* op = static_cast<AsyncGenOp*>(self);
  if (op->state == AsyncGenOp::kClosed) {
    return in.raise(in.t.RuntimeError, self->type == in.t.async_gen_asend
                                           ? "cannot reuse already awaited __anext__()/asend()"
                                           : "cannot reuse already awaited aclose()/athrow()");
  }
  if (!arg_count(in, "throw", args, 1, 3)) return nullptr;
  Object* exc = thrown_exception(in, args);
  if (!exc) return nullptr;
  Object* r = agen_unwrap(in, op->gen, agen_throw(in, op->gen, exc));
  if (!r) op->state = AsyncGenOp::kClosed;
  return r;
}

Object* agen_op_close(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "close", args, 0, 0)) return nullptr;
  static_cast<AsyncGenOp*>(self)->state = AsyncGenOp::kClosed;
  return incref(in.None);
}

Object* agen_op_await(Interp&, Object* self, const Args&) { return incref(self); }

Object* agen_aiter(Interp&, Object* self, const Args&) { return incref(self); }

Object* agen_anext(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__anext__", args, 0, 0)) return nullptr;
  return new_agen_op(in, in.t.async_gen_asend, self, nullptr, nullptr, false);
}

Object* agen_asend(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "asend", args, 1, 1)) return nullptr;
  return new_agen_op(in, in.t.async_gen_asend, self, args.items[0], nullptr, false);
}

Object* agen_athrow(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "athrow", args, 1, 3)) return nullptr;
  Object* exc = thrown_exception(in, args);
  if (!exc) return nullptr;
  return new_agen_op(in, in.t.async_gen_athrow, self, nullptr, exc, true);
}

Object* agen_aclose(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "aclose", args, 0, 0)) return nullptr;
  return new_agen_op(in, in.t.async_gen_athrow, self, nullptr, nullptr, false);
}

Object* agen_getattr(Interp& in, Object* o, StrObj* name) {
  GenObj* g = G(o);
  if (name->s == U"__name__") return incref(g->name);
  if (name->s == U"__qualname__") return incref(g->qualname);
  if (name->s == U"ag_running") return new_bool(in, g->running_async);
  if (name->s == U"ag_code" && g->frame) return incref(g->frame->code);
  if (name->s == U"ag_await") {
    Object* yf = g->running ? nullptr : yield_from_target(g);
    return incref(yf ? yf : in.None);
  }
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'async_generator' object has no attribute '" + utf8(name) + "'");
}

void init_async_generator_types(Interp& in) {
  Type* ag = new_static_type(in, "async_generator", in.t.object);
  ag->repr = gen_repr;
  ag->getattr = agen_getattr;
  ag->basetype = false;
  add_method(in, ag, "__aiter__", agen_aiter);
  add_method(in, ag, "__anext__", agen_anext);
  add_method(in, ag, "asend", agen_asend);
  add_method(in, ag, "athrow", agen_athrow);
  add_method(in, ag, "aclose", agen_aclose);
  in.t.async_generator = ag;
  ag->has_finalizer = true;
  Type* wrapped = new_static_type(in, "async_generator_wrapped_value", in.t.object);
  wrapped->basetype = false;
  in.t.async_gen_wrapped = wrapped;
  for (Type** slot : {&in.t.async_gen_asend, &in.t.async_gen_athrow}) {
    Type* t = new_static_type(in, slot == &in.t.async_gen_asend ? "async_generator_asend" : "async_generator_athrow",
                              in.t.object);
    t->iter = gen_iter;
    t->next = agen_op_next;
    t->basetype = false;
    add_method(in, t, "send", agen_op_send);
    add_method(in, t, "throw", agen_op_throw);
    add_method(in, t, "close", agen_op_close);
    add_method(in, t, "__await__", agen_op_await);
    *slot = t;
  }
}

void init_generator_type(Interp& in) {
  Type* t = new_static_type(in, "generator", in.t.object);
  t->repr = gen_repr;
  t->iter = gen_iter;
  t->next = gen_next_slot;
  t->getattr = gen_getattr;
  t->basetype = false;
  add_method(in, t, "send", gen_send);
  add_method(in, t, "close", gen_close);
  add_method(in, t, "throw", gen_throw);
  in.t.generator = t;
  t->has_finalizer = true;
  in.generator_next = generator_next;
  Type* c = new_static_type(in, "coroutine", in.t.object);
  c->repr = gen_repr;
  c->getattr = coro_getattr;
  c->basetype = false;
  add_method(in, c, "send", gen_send);
  add_method(in, c, "close", gen_close);
  add_method(in, c, "throw", gen_throw);
  add_method(in, c, "__await__", coro_await);
  in.t.coroutine = c;
  c->has_finalizer = true;
  Type* w = new_static_type(in, "coroutine_wrapper", in.t.object);
  w->iter = gen_iter;
  w->next = wrapper_next;
  w->basetype = false;
  add_method(in, w, "send", wrapper_send);
  add_method(in, w, "close", wrapper_close);
  add_method(in, w, "throw", wrapper_throw);
  in.t.coroutine_wrapper = w;
  init_async_generator_types(in);
}

Object* call_function(Interp& in, FunctionObj* fn, const Args& args) {
  if (fn->code->code->flags & (compile::kGenerator | compile::kCoroutine | compile::kAsyncGenerator)) {
    return make_generator(in, fn, args);
  }
  Frame* f = frame_for_call(in, fn, args);
  if (!f) return nullptr;
  return run_frame(in, f);
}

Object* eval_code(Interp& in, CodeObj* code, DictObj* globals, Object* locals) {
  Object* b = dict_get_str(globals, iname(in, "__builtins__"));
  DictObj* builtins = in.builtins;
  if (b && is_type(b, in.t.dict)) builtins = static_cast<DictObj*>(b);
  if (b && as_module(b)) builtins = static_cast<ModuleObj*>(b)->dict;
  Frame* f = new_frame(in, code, globals, builtins, locals, nullptr);
  return run_frame(in, f);
}

}  // namespace pylife::vm
