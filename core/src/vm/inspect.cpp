// Events' values, the state reader and the detailed events (inspect.h).
#include "inspect.h"

#include <algorithm>
#include <deque>

#include "pylife/opcodes.h"

namespace pylife::vm {

using compile::Op;

namespace {

// While the VM builds an event it may make and drop objects of its own (a
// repr's string); those are not the program's and are not reported.
class Unwatched {
 public:
  explicit Unwatched(Interp& in) : in_(in), saved_(in.alloc_watch) { in.alloc_watch = nullptr; }
  ~Unwatched() { in_.alloc_watch = saved_; }
  Unwatched(const Unwatched&) = delete;
  Unwatched& operator=(const Unwatched&) = delete;

 private:
  Interp& in_;
  AllocWatch* saved_;
};

}  // namespace

std::string event_repr(Interp& in, Object* o) {
  Unwatched quiet(in);
  if (!o) return "<NULL>";
  Type* t = o->type;
  if (t == in.t.int_ && !static_cast<IntObj*>(o)->big) return std::to_string(static_cast<IntObj*>(o)->small);
  if (t == in.t.int_ || t == in.t.bool_ || t == in.t.float_ || t == in.t.none || t == in.t.str ||
      t == in.t.complex || t == in.t.bytes) {
    auto r = repr_utf8(in, o);
    if (!r) {
      in.clear_error();
      return "<" + t->name + ">";
    }
    return events::bounded(*r);
  }
  if (t == in.t.list || t == in.t.tuple) return t->name + "[" + std::to_string(seq_items(o).size()) + "]";
  if (t == in.t.dict) return "dict[" + std::to_string(static_cast<DictObj*>(o)->used) + "]";
  if (t == in.t.function) return "<function " + utf8(static_cast<FunctionObj*>(o)->qualname) + ">";
  // Classes and modules by name, as their reprs (which run no program code).
  if (is_type(o, in.t.type)) return events::bounded("<class '" + static_cast<Type*>(o)->name + "'>");
  if (as_module(o)) {
    auto r = repr_utf8(in, o);
    if (r) return events::bounded(*r);
    in.clear_error();
  }
  return "<" + t->name + " object>";
}

events::Value event_value(Interp& in, Object* o) {
  events::Value v;
  if (!o) {
    v.type = "NULL";
    return v;
  }
  v.type = o->type->name;
  v.repr = event_repr(in, o);
  v.refcount = o->refcnt;
  if (v.refcount >= kStaticRefcnt) {
    v.refcount -= kStaticRefcnt;
    v.immortal = true;
  }
  v.id = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(o));
  return v;
}

namespace {

int line_at(const compile::CodeObject& co, int unit) {
  return unit >= 0 && static_cast<size_t>(unit) < co.positions.size() ? co.positions[static_cast<size_t>(unit)].line
                                                                      : -1;
}

// The code unit of the first RESUME: the instructions before it
// (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR, POP_TOP) are never traced,
// as CPython's _co_firsttraceable.
int first_traceable(const compile::CodeObject& co) {
  const auto& code = co.code;
  for (size_t i = 0; i + 1 < code.size(); i += 2) {
    if (code[i] == static_cast<uint8_t>(Op::RESUME)) return static_cast<int>(i / 2);
  }
  return 0;
}

}  // namespace

void frame_event(Interp& in, Frame* f, bool push, Object* value, bool raised, bool suspended) {
  if (Details* d = details(in)) {
    if (push) d->frame_pushed(f);
    else d->frame_popped(f, raised, suspended);
  }
  events::Frame e;
  if (push && details(in) && f->func) {
    const compile::CodeObject& co = *f->code->code;
    int n = co.argcount + co.kwonlyargcount + ((co.flags & compile::kVarargs) ? 1 : 0) +
            ((co.flags & compile::kVarkeywords) ? 1 : 0);
    for (int i = 0; i < n && i < f->code->nlocals + f->code->ncells; ++i) {
      Object* v = f->fast[i];
      if (v && v->type == in.t.cell) v = static_cast<CellObj*>(v)->ref;
      if (v) e.arguments.emplace_back(utf8(f->code->localsplus[static_cast<size_t>(i)]), event_value(in, v));
    }
  }
  e.step = in.steps;
  e.depth = in.depth;
  e.code = f->code->code->qualname;
  e.code_id = f->code->serial;
  e.filename = f->code->code->filename;
  const auto& positions = f->code->code->positions;
  e.line = push ? f->code->code->firstlineno
                : (static_cast<size_t>(f->lasti) < positions.size() ? positions[static_cast<size_t>(f->lasti)].line : -1);
  e.raised = raised;
  if (!push && value) e.value = event_repr(in, value);
  if (push) {
    in.observer->on_frame_push(e);
  } else {
    in.observer->on_frame_pop(e);
    // RETURN_GENERATOR leaves a frame that was never traced.
    if (traced(in, f->code) && f->lasti >= first_traceable(*f->code->code)) {
      trace_event(in, f, events::Trace::Kind::kReturn);
    }
  }
}

bool traced(Interp& in, CodeObj* code) {
  if (code->traced_by != in.observer) {
    code->traced_by = in.observer;
    code->traced = in.observer->traces_file(code->code->filename);
  }
  return code->traced;
}

void trace_event(Interp& in, Frame* f, events::Trace::Kind kind) {
  events::Trace e;
  e.kind = kind;
  e.step = in.steps;
  e.depth = in.depth;
  e.code = f->code->code->name;
  e.code_id = f->code->serial;
  e.line = line_at(*f->code->code, f->lasti);
  in.observer->on_trace(e);
}

// CPython 3.11's DO_TRACING and maybe_call_line_trace: RESUME is the
// call; another instruction is a new line when its line differs from the
// one traced before it in this frame (none right after the RESUME that
// started the frame) or when it was reached by a jump backwards (not to
// a SEND: `yield from` and `await` loop there).  Instructions without a
// line are never one.
void trace_instruction(Interp& in, Frame* f, int opcode) {
  const compile::CodeObject& co = *f->code->code;
  int first = first_traceable(co);
  int prev = f->trace_prev, at = f->lasti;
  f->trace_prev = at;
  if (at < first) return;
  if (opcode == static_cast<int>(Op::RESUME)) {
    trace_event(in, f, events::Trace::Kind::kCall);
    return;
  }
  int last_line = prev <= first ? -1 : line_at(co, prev);
  int line = line_at(co, at);
  if (line != -1 && (line != last_line || (at < prev && opcode != static_cast<int>(Op::SEND)))) {
    trace_event(in, f, events::Trace::Kind::kLine);
  }
}

void exception_event(Interp& in, Frame* f, events::Exception::Kind kind) {
  events::Exception e;
  e.kind = kind;
  e.step = in.steps;
  e.depth = in.depth;
  e.code = f->code->code->qualname;
  e.code_id = f->code->serial;
  const auto& positions = f->code->code->positions;
  e.line = static_cast<size_t>(f->lasti) < positions.size() ? positions[static_cast<size_t>(f->lasti)].line : -1;
  Object* exc = in.exc;
  if (exc) {
    e.type = exc->type->name;
    // str() of a built-in exception runs no program code.
    Unwatched quiet(in);
    if (!exc->type->heap) e.message = events::bounded(exception_str(in, exc));
  }
  in.observer->on_exception(e);
}

// ---- state queries ---------------------------------------------------------------

std::vector<events::FrameState> StateReader::frames() const {
  std::vector<events::FrameState> out;
  for (Frame* f = in_.frame; f; f = f->back) {
    events::FrameState fs;
    const compile::CodeObject& co = *f->code->code;
    fs.code = co.qualname;
    fs.filename = co.filename;
    fs.offset = 2 * f->lasti;
    if (static_cast<size_t>(f->lasti) < co.positions.size()) fs.line = co.positions[static_cast<size_t>(f->lasti)].line;
    if (f->locals && is_type(f->locals, in_.t.dict)) {
      for (auto& e : static_cast<DictObj*>(f->locals)->entries) {
        if (!e.key || !is_type(e.key, in_.t.str)) continue;
        std::string name = utf8(e.key);
        if (name.rfind("__", 0) == 0) continue;  // __name__, __builtins__, ...
        fs.locals.emplace_back(name, event_value(in_, e.value));
      }
    } else {
      int n = f->code->nlocals + f->code->ncells + f->code->nfrees;
      for (int i = 0; i < n; ++i) {
        Object* v = f->fast[i];
        if (v && v->type == in_.t.cell) v = static_cast<CellObj*>(v)->ref;  // cells and free variables
        if (!v) continue;
        fs.locals.emplace_back(utf8(f->code->localsplus[static_cast<size_t>(i)]), event_value(in_, v));
      }
    }
    for (Object** p = f->stack; p < f->sp; ++p) fs.stack.push_back(event_value(in_, *p));
    out.push_back(std::move(fs));
  }
  return out;
}

namespace {
uint64_t object_id(const Object* o) { return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(o)); }
}  // namespace

void mark_cycles(std::vector<events::HeapObject>& heap);

void StateReader::class_members(Object* o, const std::function<void(const std::string&, Object*)>& each) const {
  if (is_type(o, in_.t.type)) {
    // A class statement's class: its own members.
    if (!static_cast<Type*>(o)->heap) return;
    DictObj* d = static_cast<Type*>(o)->dict;
    if (!d) return;
    for (auto& e : d->entries) {
      if (!e.key || !e.value || !is_type(e.key, in_.t.str)) continue;
      std::string name = utf8(e.key);
      if (name.rfind("__", 0) == 0 && !as_function(e.value)) continue;
      each(name, e.value);
    }
  } else if (FunctionObj* f = as_function(o)) {
    // A function: the defaults of its parameters, the variables it closes over.
    const compile::CodeObject& co = *f->code->code;
    if (f->defaults && is_type(f->defaults, in_.t.tuple)) {
      const auto& d = static_cast<TupleObj*>(f->defaults)->items;
      const size_t first = static_cast<size_t>(co.argcount) >= d.size() ? static_cast<size_t>(co.argcount) - d.size() : 0;
      for (size_t i = 0; i < d.size() && first + i < co.varnames.size(); ++i) each("default " + co.varnames[first + i], d[i]);
    }
    if (f->closure && is_type(f->closure, in_.t.tuple)) {
      const auto& cells = static_cast<TupleObj*>(f->closure)->items;
      for (size_t i = 0; i < cells.size() && i < co.freevars.size(); ++i) {
        if (cells[i] && cells[i]->type == in_.t.cell && static_cast<CellObj*>(cells[i])->ref) {
          each(co.freevars[i], static_cast<CellObj*>(cells[i])->ref);
        }
      }
    }
  }
}

void StateReader::heap_fields(Object* o, const std::unordered_set<Object*>& seen, events::HeapObject& h) const {
  auto add = [&](std::string label, Object* v) {
    if (!v) return;
    if (h.fields.size() >= events::HeapObject::kMaxFields) {
      ++h.more;
      return;
    }
    // Past the heap's limit: the value's repr in place of a reference.
    if (seen.count(v)) h.fields.push_back({std::move(label), object_id(v), {}});
    else h.fields.push_back({std::move(label), 0, event_repr(in_, v)});
  };
  // A key as the box labels it: its repr, bounded (user objects by type).
  auto key_label = [&](Object* k) { return event_value(in_, k).repr; };
  if (is_type(o, in_.t.dict)) {
    for (auto& e : static_cast<DictObj*>(o)->entries) {
      if (e.key) add(key_label(e.key), e.value);
    }
  } else if (is_type(o, in_.t.list) || is_type(o, in_.t.tuple)) {
    const auto& items = is_type(o, in_.t.list) ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
    for (size_t i = 0; i < items.size(); ++i) add(std::to_string(i), items[i]);
  } else if (is_type(o, in_.t.set) || is_type(o, in_.t.frozenset)) {
    for (auto& e : static_cast<SetObj*>(o)->table) {
      if (e.key && !e.dummy) add("", e.key);
    }
  } else if (o->type == in_.t.method) {
    // A bound method: the function and the object it is bound to.
    add("__func__", static_cast<MethodObj*>(o)->func);
    add("__self__", static_cast<MethodObj*>(o)->self);
  } else if (ExceptionObj* exc = as_exception(o)) {
    add("args", exc->args);
    add("__cause__", exc->cause);
    add("__context__", exc->context);
  } else if (o->type == in_.t.generator || o->type == in_.t.coroutine || o->type == in_.t.async_generator) {
    // Its own frame: where it is suspended, and its variables.
    auto* gen = static_cast<GenObj*>(o);
    Frame* f = gen->frame;
    std::string where = "finished";
    if (f && gen->running) {
      where = "running";
    } else if (f && !gen->started) {
      where = "not started";
    } else if (f) {
      where = "suspended at line " + std::to_string(line_at(*f->code->code, f->lasti));
    }
    h.fields.push_back({"", 0, where});
    if (f) {
      int n = f->code->nlocals + f->code->ncells + f->code->nfrees;
      for (int i = 0; i < n; ++i) {
        Object* v = f->fast[i];
        if (v && v->type == in_.t.cell) v = static_cast<CellObj*>(v)->ref;
        if (v) add(utf8(f->code->localsplus[static_cast<size_t>(i)]), v);
      }
    }
  } else if (InstanceObj* inst = as_instance(o)) {
    // Its attributes by name (the __dict__ CPython 3.11 keeps inline).
    if (inst->dict) {
      for (auto& e : inst->dict->entries) {
        if (e.key && is_type(e.key, in_.t.str)) add(utf8(e.key), e.value);
      }
    }
  }
}

std::vector<events::HeapObject> StateReader::heap(size_t limit) const {
  // Breadth first from the frames' variables and operand stacks.
  std::vector<Object*> order;
  std::unordered_set<Object*> seen;
  std::deque<Object*> queue;
  auto visit = [&](Object* o) {
    if (!o || order.size() >= limit || !seen.insert(o).second) return;
    order.push_back(o);
    queue.push_back(o);
  };
  for (Frame* f = in_.frame; f; f = f->back) {
    if (f->locals && is_type(f->locals, in_.t.dict)) {
      for (auto& e : static_cast<DictObj*>(f->locals)->entries) {
        if (!e.key || !is_type(e.key, in_.t.str) || utf8(e.key).rfind("__", 0) == 0) continue;
        visit(e.value);
      }
    } else {
      int n = f->code->nlocals + f->code->ncells + f->code->nfrees;
      for (int i = 0; i < n; ++i) {
        Object* v = f->fast[i];
        visit(v && v->type == in_.t.cell ? static_cast<CellObj*>(v)->ref : v);
      }
    }
    for (Object** p = f->stack; p < f->sp; ++p) visit(*p);
  }
  // Types, functions, modules, code and built-ins are shown, not followed:
  // their globals and method tables are not the program's data.
  auto followed = [&](Object* o) {
    Type* t = o->type;
    return !(is_type(o, in_.t.type) || t == in_.t.function || t == in_.t.module || t == in_.t.code ||
             t == in_.t.builtin);
  };
  std::vector<Object*> refs;
  // What [o] refers to, in the order its box lists it: the collector
  // visits a list's or tuple's items last first.
  auto referents_in_order = [&](Object* o) {
    refs.clear();
    o->referents(refs);
    if (is_type(o, in_.t.list) || is_type(o, in_.t.tuple)) std::reverse(refs.begin(), refs.end());
  };
  while (!queue.empty()) {
    Object* o = queue.front();
    queue.pop_front();
    if (!followed(o)) {
      // A class statement's class: its own members (methods, class
      // attributes), not its machinery (__module__, __qualname__...).
      class_members(o, [&](const std::string&, Object* v) { visit(v); });
      continue;
    }
    // A container's first items only, as its box lists them (a long
    // list's tail does not crowd out the objects past it).
    referents_in_order(o);
    const size_t cap = 2 * events::HeapObject::kMaxFields + 2;  // a dict's keys and values
    for (size_t i = 0; i < refs.size() && i < cap; ++i) visit(refs[i] == o->type ? nullptr : refs[i]);
  }
  std::vector<events::HeapObject> out;
  out.reserve(order.size());
  for (Object* o : order) {
    events::HeapObject h;
    h.value = event_value(in_, o);
    if (followed(o)) {
      referents_in_order(o);
      for (Object* r : refs) {
        if (r != o->type && seen.count(r)) h.refs.push_back(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(r)));
      }
    }
    if (followed(o)) heap_fields(o, seen, h);
    if (is_type(o, in_.t.type) && static_cast<Type*>(o)->heap) {
      // A class statement's class: its bases, when it names any.
      std::string bases;
      for (Type* b : static_cast<Type*>(o)->bases) {
        if (b != in_.t.object) bases += (bases.empty() ? "" : ", ") + b->name;
      }
      if (!bases.empty()) h.fields.push_back({"bases", 0, bases});
    }
    class_members(o, [&](const std::string& name, Object* v) {
      if (!seen.count(v)) return;
      h.refs.push_back(object_id(v));
      h.fields.push_back({name, object_id(v), {}});
    });
    h.generation = gc_generation_of(in_, o);
    out.push_back(std::move(h));
  }
  mark_cycles(out);
  return out;
}

// Marks the objects on a reference cycle: the strongly connected
// components (Tarjan's, iteratively) of more than one object, or of one
// that refers to itself.
void mark_cycles(std::vector<events::HeapObject>& heap) {
  std::unordered_map<uint64_t, size_t> at;
  for (size_t i = 0; i < heap.size(); ++i) at[heap[i].value.id] = i;
  const size_t n = heap.size(), unseen = SIZE_MAX;
  std::vector<size_t> index(n, unseen), low(n, 0), stack;
  std::vector<bool> on_stack(n, false);
  size_t counter = 0;
  struct Visit {
    size_t node, edge;
  };
  for (size_t root = 0; root < n; ++root) {
    if (index[root] != unseen) continue;
    std::vector<Visit> calls{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!calls.empty()) {
      Visit& v = calls.back();
      const auto& refs = heap[v.node].refs;
      if (v.edge < refs.size()) {
        auto it = at.find(refs[v.edge++]);
        if (it == at.end()) continue;
        size_t w = it->second;
        if (index[w] == unseen) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          calls.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v.node] = std::min(low[v.node], index[w]);
        }
        continue;
      }
      size_t node = v.node;
      calls.pop_back();
      if (!calls.empty()) low[calls.back().node] = std::min(low[calls.back().node], low[node]);
      if (low[node] != index[node]) continue;
      std::vector<size_t> component;
      size_t w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        component.push_back(w);
      } while (w != node);
      bool self = std::find(heap[node].refs.begin(), heap[node].refs.end(), heap[node].value.id) != heap[node].refs.end();
      if (component.size() > 1 || self) {
        for (size_t c : component) heap[c].in_cycle = true;
      }
    }
  }
}

events::GcSnapshot StateReader::gc() const {
  events::GcSnapshot s;
  for (int g = 0; g < 3; ++g) {
    auto& gen = s.generations[g];
    gen.count = in_.gc.count[g];
    gen.threshold = in_.gc.threshold[g];
    gen.collections = static_cast<uint64_t>(in_.gc.stats[g].collections);
    std::vector<Object*> objs = gc_objects(in_, g);
    gen.size = objs.size();
    size_t from = objs.size() > events::GcSnapshot::kMaxObjects ? objs.size() - events::GcSnapshot::kMaxObjects : 0;
    for (size_t i = from; i < objs.size(); ++i) {
      gen.objects.push_back({object_id(objs[i]), objs[i]->type->name, objs[i]->refcnt});
    }
  }
  s.frozen = gc_generation_size(in_, 3);
  s.enabled = in_.gc.enabled;
  return s;
}

events::MemoryMap StateReader::memory() const { return memory::snapshot(); }

// ---- details ---------------------------------------------------------------------

namespace {

// The code unit after the instruction at [lasti] (past its inline caches).
int fallthrough(const Frame* f, int lasti) {
  const auto& code = f->code->code->code;
  int op = code[static_cast<size_t>(2 * lasti)];
  return lasti + 1 + compile::op_info(static_cast<uint8_t>(op)).caches;
}

}  // namespace

Details::Details(Interp& in, events::Observer& obs) : in_(in), obs_(obs) {
  in_.alloc_watch = this;
  memory_watch_.owner = this;
  memory::set_watch(&memory_watch_);
}

void Details::MemoryWatch::changed(const events::MemoryChange& change) {
  if (!owner->active()) return;
  events::MemoryChange c = change;
  c.step = owner->in_.steps;
  owner->obs_.on_memory(c);
}

void Details::start() {
  // From the first observed step on, every int and float is made by
  // alloc() and freed by delete (a replay runs up to there at full speed).
  started_ = true;
  in_.free_list_cap = 0;
  for (IntObj* i : in_.free_ints) delete i;
  for (FloatObj* f : in_.free_floats) delete f;
  in_.free_ints.clear();
  in_.free_floats.clear();
}

Details::~Details() { detach(); }

void Details::detach() {
  if (in_.alloc_watch == this) in_.alloc_watch = nullptr;
  memory::set_watch(nullptr);
  in_.free_list_cap = Interp::kFreeListCap;
}

bool Details::active() const { return in_.steps > 0 && in_.steps >= in_.observe_from; }

void Details::before_instruction(Frame* f, Object** sp, int opcode, int oparg) {
  if (!started_) start();
  settle(f, sp);
  settle_counts(f, sp);
  Pending p;
  p.step = in_.steps;
  p.opcode = opcode;
  p.oparg = oparg;
  p.fallthrough = fallthrough(f, f->lasti);
  p.depth = in_.depth;
  for (Object** q = f->stack; q < sp; ++q) {
    p.stack.push_back(*q);
    p.values.push_back(event_value(in_, *q));
  }
  pending_[f] = std::move(p);
  snapshot_counts(f, sp);
}

void Details::report_pops(Pending& p, int from, int to) {
  for (int i = to - 1; i >= from; --i) {
    events::StackChange e;
    e.step = p.step;
    e.depth = p.depth;
    e.position = i;
    e.value = p.values[static_cast<size_t>(i)];
    obs_.on_stack_pop(e);
  }
}

// [f] runs again (at its stack depth [sp]): what its last instruction took
// and left, and the variable it bound.
void Details::settle(Frame* f, Object** sp) {
  auto it = pending_.find(f);
  if (it == pending_.end()) return;
  Pending& p = it->second;
  int before = static_cast<int>(p.stack.size());
  int now = static_cast<int>(sp - f->stack);
  int shadow = p.base;
  if (!p.pops_done) {
    bool jumped = f->lasti != p.fallthrough;
    shadow = std::max(0, before - compile::stack_pops(static_cast<Op>(p.opcode), p.oparg, jumped));
  }
  // What is left of the old stack: the entries below [shadow] still in
  // place (an exception unwinds further).
  int k = std::min(shadow, now);
  for (int i = 0; i < k; ++i) {
    if (f->stack[i] != p.stack[static_cast<size_t>(i)]) {
      k = i;
      break;
    }
  }
  report_pops(p, k, p.pops_done ? std::min(p.base, before) : before);
  for (int i = k; i < now; ++i) {
    events::StackChange e;
    e.step = p.step;
    e.depth = p.depth;
    e.position = i;
    e.value = event_value(in_, f->stack[i]);
    obs_.on_stack_push(e);
  }
  store_event(p, f);
  pending_.erase(it);
}

void Details::store_event(const Pending& p, Frame* f) {
  events::Store e;
  e.step = p.step;
  e.depth = p.depth;
  e.code = f->code->code->qualname;
  const CodeObj* co = f->code;
  Object* now = nullptr;
  std::string name;
  auto in_dict = [&](DictObj* d, Object* key) {
    name = utf8(key);
    return d ? dict_get_str(d, key) : nullptr;
  };
  switch (static_cast<Op>(p.opcode)) {
    case Op::STORE_FAST:
    case Op::DELETE_FAST:
      e.scope = "local";
      name = utf8(co->localsplus[static_cast<size_t>(p.oparg)]);
      now = f->fast[p.oparg];
      break;
    case Op::STORE_DEREF:
    case Op::DELETE_DEREF: {
      e.scope = "cell";
      name = utf8(co->localsplus[static_cast<size_t>(p.oparg)]);
      Object* cell = f->fast[p.oparg];
      now = cell && cell->type == in_.t.cell ? static_cast<CellObj*>(cell)->ref : nullptr;
      break;
    }
    case Op::STORE_NAME:
    case Op::DELETE_NAME:
      e.scope = f->locals == f->globals ? "global" : "name";
      now = in_dict(f->locals && is_type(f->locals, in_.t.dict) ? static_cast<DictObj*>(f->locals) : nullptr,
                    co->names[static_cast<size_t>(p.oparg)]);
      break;
    case Op::STORE_GLOBAL:
    case Op::DELETE_GLOBAL:
      e.scope = "global";
      now = in_dict(f->globals, co->names[static_cast<size_t>(p.oparg)]);
      break;
    default:
      return;
  }
  Op op = static_cast<Op>(p.opcode);
  e.deleted = op == Op::DELETE_FAST || op == Op::DELETE_DEREF || op == Op::DELETE_NAME || op == Op::DELETE_GLOBAL;
  if (e.deleted) {
    if (now) return;  // it raised (unbound)
  } else {
    if (p.stack.empty() || now != p.stack.back()) return;  // it raised
    e.value = event_value(in_, now);
  }
  e.name = name;
  obs_.on_store(e);
}

void Details::frame_pushed(Frame* callee) {
  if (!active() || !callee->back) return;
  auto it = pending_.find(callee->back);
  if (it == pending_.end() || it->second.pops_done) return;
  // The caller's call instruction hands its operands over now; what it
  // leaves comes when the caller runs again.
  Pending& p = it->second;
  int before = static_cast<int>(p.stack.size());
  p.base = std::max(0, before - compile::stack_pops(static_cast<Op>(p.opcode), p.oparg, false));
  report_pops(p, p.base, before);
  p.pops_done = true;
}

void Details::frame_popped(Frame* f, bool raised, bool suspended) {
  if (!active()) return;
  auto it = pending_.find(f);
  if (it == pending_.end()) return;
  Pending& p = it->second;
  int before = static_cast<int>(p.stack.size());
  int top = p.pops_done ? std::min(p.base, before) : before;
  int base = raised ? 0 : std::max(0, top - (p.pops_done ? 0 : compile::stack_pops(static_cast<Op>(p.opcode), p.oparg, false)));
  report_pops(p, base, top);
  if (suspended) {  // a generator's yield: the sent value arrives on resumption
    p.pops_done = true;
    p.base = base;
  } else {
    pending_.erase(it);
  }
}

void Details::snapshot_counts(Frame* f, Object** sp) {
  counts_.clear();
  born_.clear();
  dead_.clear();
  counts_step_ = in_.steps;
  counts_frame_ = f;
  constexpr size_t kMax = 4096;
  std::vector<Object*> refs;
  auto add = [&](Object* o) {
    if (o && counts_.size() < kMax) counts_.emplace(o, o->refcnt);
  };
  auto add_dict = [&](Object* d) {
    if (!d || !is_type(d, in_.t.dict)) return;
    add(d);
    for (auto& e : static_cast<DictObj*>(d)->entries) add(e.value);
  };
  // The operands and what they hold directly (an instance: its attributes).
  for (Object** q = f->stack; q < sp; ++q) {
    add(*q);
    if (!*q || is_type(*q, in_.t.type) || (*q)->type == in_.t.module) continue;
    auto held = [&](Object* r) {
      if (r && r->type == in_.t.dict && (*q)->type->heap) add_dict(r);
      else add(r);
    };
    // A list or tuple: its items in referents() order (last first), read in
    // place and only as far as the cap, so a list built one LIST_APPEND at
    // a time is not copied whole at every step.
    const std::vector<Object*>* items = nullptr;
    if (is_type(*q, in_.t.list)) {
      if (Object* attrs = static_cast<ListObj*>(*q)->attrs) held(attrs);
      items = &static_cast<ListObj*>(*q)->items;
    } else if (is_type(*q, in_.t.tuple)) {
      items = &static_cast<TupleObj*>(*q)->items;
    }
    if (items) {
      for (auto it = items->rbegin(); it != items->rend() && counts_.size() < kMax; ++it) held(*it);
      continue;
    }
    refs.clear();
    (*q)->referents(refs);
    for (Object* r : refs) held(r);
  }
  // The frame's variables.
  int n = f->code->nlocals + f->code->ncells + f->code->nfrees;
  for (int i = 0; i < n; ++i) {
    Object* v = f->fast[i];
    add(v);
    if (v && v->type == in_.t.cell) add(static_cast<CellObj*>(v)->ref);
  }
  add_dict(f->locals);
  if (f->globals != f->locals) add_dict(f->globals);
}

// The counts that changed during the last instruction.
void Details::settle_counts(Frame* now, Object** sp) {
  if (counts_frame_ == nullptr) return;
  auto report = [&](Object* o, int64_t from, int64_t to) {
    events::RefCount e;
    e.step = counts_step_;
    e.id = object_id(o);
    e.type = o->type->name;
    for (int64_t c = from; c != to;) {
      c += to > from ? 1 : -1;
      e.count = c;
      if (to > from) obs_.on_incref(e);
      else obs_.on_decref(e);
    }
  };
  // The changed ones, sorted by address so the order does not depend on
  // the hash table.
  std::vector<std::pair<Object*, int64_t>> changed;
  for (const auto& [o, old] : counts_) {
    if (!dead_.count(o) && !born_.count(o) && o->refcnt != old) changed.emplace_back(o, old);
  }
  std::sort(changed.begin(), changed.end());
  for (auto& [o, old] : changed) report(o, old, o->refcnt);
  // Objects pushed that were not among them: the stack's new reference.
  if (now == counts_frame_ && sp) {
    for (Object** q = now->stack; q < sp; ++q) {
      Object* o = *q;
      if (o && !counts_.count(o) && !born_.count(o)) report(o, o->refcnt - 1, o->refcnt);
    }
  }
  counts_.clear();
  counts_frame_ = nullptr;
}

void Details::finish() {
  settle_counts(nullptr, nullptr);
  pending_.clear();
  detach();
}

void Details::allocated(Object* o, size_t size) {
  if (!active()) return;
  born_.insert(o);
  dead_.erase(o);
  counts_.erase(o);
  obs_.on_alloc(events::Lifetime{in_.steps, object_id(o), o->type->name, size});
}

void Details::freed(Object* o) {
  if (!active()) return;
  auto it = counts_.find(o);
  events::RefCount e{in_.steps, object_id(o), o->type->name, 0};
  if (it != counts_.end()) {
    for (int64_t c = it->second - 1; c >= 0; --c) {
      e.count = c;
      obs_.on_decref(e);
    }
    counts_.erase(it);
  } else if (!born_.count(o)) {
    obs_.on_decref(e);
  }
  born_.erase(o);
  dead_.insert(o);
  obs_.on_free(events::Lifetime{in_.steps, object_id(o), o->type->name, 0});
}

}  // namespace pylife::vm
