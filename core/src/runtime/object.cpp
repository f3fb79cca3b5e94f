// Reference counting, the interpreter state, and the abstract object
// protocol (CPython's Objects/abstract.c and object.c): repr, hash,
// comparison, arithmetic dispatch, calls, iteration, items and attributes.
#include <memory>
#include "object.h"
#include "alloc.h"

#include <algorithm>
#include <cstring>

#include "pylife/dtoa.h"
#include "pylife/unicode.h"

namespace pylife::runtime {

uint64_t DictObj::first_stamp() {
  thread_local uint64_t dicts = 0;
  return ++dicts << 32;  // 2^32 changes per dict before ranges could meet
}

// Objects come from the small-object allocator (alloc.cpp).
void* Object::operator new(size_t size) { return memory::allocate(size); }
void Object::operator delete(void* p, size_t size) { memory::release(p, size); }

// ---- destruction ------------------------------------------------------------

void Interp::watch_alloc(Object* o, size_t size) { alloc_watch->allocated(o, size); }
void Interp::watch_free(Object* o) { alloc_watch->freed(o); }

namespace {

// Runs [o]'s __del__ with a pending exception kept aside; an error in it
// is reported, never raised.
void run_del(Interp& in, Object* o) {
  Object* saved = in.exc;
  in.exc = nullptr;
  if (Object* fn = type_lookup(in, o->type, "__del__")) {
    incref(fn);
    if (Object* r = call1(in, fn, o)) {
      decref(r);
    } else if (Object* e = in.fetch_error()) {
      if (in.report_unraisable) in.report_unraisable(in, e, fn);
      decref(e);
    }
    decref(fn);
  }
  xdecref(in.exc);
  in.exc = saved;
}

}  // namespace

void GcObject::finalize(Interp& in) { run_del(in, this); }

void dealloc(Object* o) {
  Type* type = o->type;
  Interp& interp = *type->interp;
  if (type->flags & Type::kHaveGc) {
    auto* g = static_cast<GcObject*>(o);
    // The finalizer first, once; the object is alive while it runs, and
    // stays alive if it made a new reference to itself.
    if (type->has_finalizer && !(g->gc_bits & GcObject::kFinalized)) {
      g->gc_bits |= GcObject::kFinalized;
      o->refcnt = 1;
      g->finalize(interp);
      if (--o->refcnt != 0) return;
    }
    // Out of the collector's lists before anything of it is released.
    gc_forget(interp, g);
  } else if (__builtin_expect(type->heap, 0)) {
    gc_plain_dies(interp, o);
  }
  // Plain ints and floats go back to their free lists.
  if (type == interp.t.int_ && interp.free_ints.size() < interp.free_list_cap) {
    auto* i = static_cast<IntObj*>(o);
    if (i->big) {
      i->value = BigInt();
      i->big = false;
    }
    --interp.live_objects;
    interp.free_ints.push_back(i);
    return;
  }
  if (type == interp.t.float_ && interp.free_floats.size() < interp.free_list_cap) {
    --interp.live_objects;
    interp.free_floats.push_back(static_cast<FloatObj*>(o));
    return;
  }
  if (PYLIFE_EVENT_HOOKS && __builtin_expect(interp.alloc_watch != nullptr, 0)) interp.watch_free(o);
  if (interp.dealloc_depth > 40) {
    interp.dealloc_queue.push_back(o);
    return;
  }
  ++interp.dealloc_depth;
  --interp.live_objects;
  delete o;
  decref(type);
  --interp.dealloc_depth;
  if (interp.dealloc_depth == 0) {
    while (!interp.dealloc_queue.empty()) {
      Object* next = interp.dealloc_queue.back();
      interp.dealloc_queue.pop_back();
      Type* nt = next->type;
      ++interp.dealloc_depth;
      --interp.live_objects;
      delete next;
      decref(nt);
      --interp.dealloc_depth;
    }
  }
}

// ---- small helpers ------------------------------------------------------------

size_t Args::nkw() const {
  return kwnames ? static_cast<TupleObj*>(kwnames)->items.size() : 0;
}
Object* Args::kwname(size_t i) const { return static_cast<TupleObj*>(kwnames)->items[i]; }

std::string utf8(const Object* s) {
  return unicode::encode_utf8(static_cast<const StrObj*>(s)->s);
}
std::u32string_view str_view(const Object* s) { return static_cast<const StrObj*>(s)->s; }

std::string type_name(const Object* o) { return o->type->name; }

std::span<Object* const> seq_items(Object* o) {
  if (auto* t = as_tuple(o)) return t->items;
  return static_cast<ListObj*>(o)->items;
}

std::string float_repr(double v) { return dtoa::double_to_string(v, 'r', 0, dtoa::kAddDot0); }

// ---- Interp ---------------------------------------------------------------------

std::nullptr_t Interp::raise(Type* type, std::string message) {
  Object* args = new_tuple(*this, {new_str(*this, std::string_view(message))});
  return raise_obj(new_exception(*this, type, args));
}

std::nullptr_t Interp::raise_obj(Object* e) {
  Object* old = exc;
  exc = e;
  xdecref(old);
  return nullptr;
}

bool Interp::matches(Type* type) const { return exc && is_type(exc, type); }

void Interp::write_stdout(std::string_view s) {
  if (observer) observer->on_output(events::Output{steps, 1, s});
  stdout_buffer.append(s);
  if (stdout_buffer.size() > 8192) flush_stdout();
}

void Interp::write_stderr(std::string_view s) {
  flush_stdout();
  if (observer) observer->on_output(events::Output{steps, 2, s});
  if (host.write_stderr) host.write_stderr(s);
}

void Interp::flush_stdout() {
  if (!stdout_buffer.empty() && host.write_stdout) host.write_stdout(stdout_buffer);
  stdout_buffer.clear();
}

// ---- constructors ---------------------------------------------------------------

namespace {
// Pops a freed int/float cell off its free list (see dealloc) or allocates a
// new one; either way the object comes back live with one reference.
template <typename T>
T* reuse_or_alloc(Interp& in, std::vector<T*>& free_list, Type* type) {
  if (free_list.empty()) return in.alloc<T>(type);
  T* o = free_list.back();
  free_list.pop_back();
  o->refcnt = 1;
  ++in.live_objects;
  return o;
}
}  // namespace

Object* new_int(Interp& in, int64_t v) {
  if (v >= -5 && v <= 256 && in.small_ints[v + 5]) return incref(in.small_ints[v + 5]);
  IntObj* o = reuse_or_alloc<IntObj>(in, in.free_ints, in.t.int_);
  o->small = v;
  return o;
}

Object* new_int(Interp& in, BigInt v) {
  if (v.fits_int64()) return new_int(in, v.to_int64());
  IntObj* o = reuse_or_alloc<IntObj>(in, in.free_ints, in.t.int_);
  o->big = true;
  o->value = std::move(v);
  return o;
}

Object* new_float(Interp& in, double v) {
  FloatObj* o = reuse_or_alloc<FloatObj>(in, in.free_floats, in.t.float_);
  o->value = v;
  return o;
}

Object* new_complex(Interp& in, double re, double im) {
  auto* o = in.alloc<ComplexObj>(in.t.complex);
  o->real = re;
  o->imag = im;
  return o;
}

Object* new_bool(Interp& in, bool v) { return incref(v ? in.True : in.False); }

Object* new_str(Interp& in, std::u32string s) {
  if (s.empty() && in.empty_str) return incref(in.empty_str);
  if (s.size() == 1 && s[0] < 128 && in.one_char[s[0]]) return incref(in.one_char[s[0]]);
  auto* o = in.alloc<StrObj>(in.t.str);
  in.allocated_bytes += static_cast<int64_t>(s.size() * 4);
  o->s = std::move(s);
  return o;
}

Object* new_str(Interp& in, std::string_view text) { return new_str(in, unicode::decode_utf8(text)); }

Object* intern(Interp& in, std::string_view text) {
  Object* s = new_str(in, text);
  // The empty and one-character ASCII strings are shared already.
  if (!in.interned || s == in.empty_str || (str_view(s).size() == 1 && str_view(s)[0] < 128)) return s;
  if (Object* found = dict_get_str(in.interned, s)) {
    decref(s);
    return incref(found);
  }
  static_cast<StrObj*>(s)->interned = true;
  dict_set(in, in.interned, s, s);
  return s;
}

Object* iname(Interp& in, std::string_view text) {
  // Names the runtime asks for by C++ string ("__init__", "keys", ...):
  // found again without decoding or a dict lookup.
  Interp::NameSlot& slot = in.name_slots[(reinterpret_cast<uintptr_t>(text.data()) >> 3) & (in.name_slots.size() - 1)];
  if (slot.data == text.data() && slot.text == text) return slot.name;
  auto it = in.name_cache.find(std::string(text));  // short names stay in the string's own buffer
  Object* s;
  if (it != in.name_cache.end()) {
    s = it->second;
  } else {
    s = intern(in, text);
    decref(s);  // the interned table (or the shared one-char strings) keeps it
    in.name_cache.emplace(std::string(text), s);
  }
  slot.data = text.data();
  slot.text.assign(text);
  slot.name = s;
  return s;
}

Object* new_bytes(Interp& in, std::string s) {
  auto* o = in.alloc<BytesObj>(in.t.bytes);
  o->s = std::move(s);
  return o;
}

Object* new_tuple(Interp& in, std::vector<Object*> items) {
  if (items.empty() && in.empty_tuple) return incref(in.empty_tuple);
  auto* o = in.alloc<TupleObj>(in.t.tuple);
  in.allocated_bytes += static_cast<int64_t>(items.size() * 8);
  o->items = std::move(items);
  return o;
}

Object* new_list(Interp& in, std::vector<Object*> items) {
  auto* o = in.alloc<ListObj>(in.t.list);
  o->items = std::move(items);
  return o;
}

DictObj* new_dict(Interp& in) { return in.alloc<DictObj>(in.t.dict); }

DictObj* new_instance_dict(Interp& in) {
  DictObj* d = new_dict(in);
  d->gc_bits |= GcObject::kUncounted;  // part of its instance, as CPython's inline values
  if (in.gc.count[0] > 0) --in.gc.count[0];
  return d;
}

SetObj* new_set(Interp& in, bool frozen) {
  return in.alloc<SetObj>(frozen ? in.t.frozenset : in.t.set);
}

Object* new_slice(Interp& in, Object* start, Object* stop, Object* step) {
  auto* o = in.alloc<SliceObj>(in.t.slice);
  o->start = incref(start);
  o->stop = incref(stop);
  o->step = incref(step);
  return o;
}

Object* new_cell(Interp& in, Object* value) {
  auto* o = in.alloc<CellObj>(in.t.cell);
  o->ref = xincref(value);
  return o;
}

Object* new_builtin(Interp& in, std::string name, MethodFn fn, Object* self) {
  auto* o = in.alloc<BuiltinObj>(in.t.builtin);
  o->name = std::move(name);
  o->fn = fn;
  o->self = xincref(self);
  return o;
}

Object* new_method(Interp& in, Object* func, Object* self) {
  auto* o = in.alloc<MethodObj>(in.t.method);
  o->func = incref(func);
  o->self = incref(self);
  return o;
}

ModuleObj* new_module(Interp& in, std::string_view name) {
  auto* m = in.alloc<ModuleObj>(in.t.module);
  m->dict = new_dict(in);
  dict_set_str(in, m->dict, "__name__", new_str(in, name));
  dict_set_str(in, m->dict, "__doc__", incref(in.None));
  // As types.ModuleType(name): the import system fills these in.
  dict_set_str(in, m->dict, "__package__", incref(in.None));
  dict_set_str(in, m->dict, "__loader__", incref(in.None));
  dict_set_str(in, m->dict, "__spec__", incref(in.None));
  return m;
}

Object* new_exception(Interp& in, Type* type, Object* args) {
  auto* e = in.alloc<ExceptionObj>(type);
  e->args = args;
  if (type->heap) e->dict = new_dict(in);
  return e;
}

// ---- destructors and referents ----------------------------------------------------

Type::~Type() {
  if (interp) ++interp->type_epoch;  // its cache entries go
  xdecref(dict);
  for (Type* b : bases) decref(b);
}
void Type::referents(std::vector<Object*>& out) const {
  if (dict) out.push_back(dict);
  for (Type* b : bases) out.push_back(b);
}
bool Type::is_subtype(const Type* other) const {
  if (this == other) return true;
  for (const Type* t : mro) {
    if (t == other) return true;
  }
  return false;
}

TupleObj::~TupleObj() {
  // Last item first, as CPython's tuple and list deallocation.
  for (size_t i = items.size(); i-- > 0;) decref(items[i]);
}
// Lists and tuples visit their items last first, dicts value before key
// (and values only while every key is a str), as CPython's tp_traverse:
// gc.get_referents() shows that order.
void TupleObj::referents(std::vector<Object*>& out) const {
  out.insert(out.end(), items.rbegin(), items.rend());
}
ListObj::~ListObj() {
  for (size_t i = items.size(); i-- > 0;) decref(items[i]);
  if (attrs) decref(attrs);
}
void ListObj::referents(std::vector<Object*>& out) const {
  if (attrs) out.push_back(attrs);
  out.insert(out.end(), items.rbegin(), items.rend());
}
void ListObj::clear(Interp&) {
  std::vector<Object*> old;
  std::swap(old, items);
  for (size_t i = old.size(); i-- > 0;) decref(old[i]);
}
DictObj::~DictObj() {
  for (auto& e : entries) {
    if (e.key) {
      decref(e.key);
      decref(e.value);
    }
  }
  if (attrs) decref(attrs);
}
void DictObj::referents(std::vector<Object*>& out) const {
  if (attrs) out.push_back(attrs);
  for (auto& e : entries) {
    if (e.key) {
      out.push_back(e.value);
      if (general_keys) out.push_back(e.key);
      else if (e.key->type->layout != Type::Layout::kStr) out.push_back(e.key);  // a str subclass
    }
  }
}
void DictObj::clear(Interp&) {
  std::vector<Entry> old;
  std::swap(old, entries);
  index.clear();
  used = 0;
  general_keys = false;
  ++version;
  ++stamp;
  for (auto& e : old) {
    if (e.key) {
      decref(e.key);
      decref(e.value);
    }
  }
}
SetObj::~SetObj() {
  for (auto& s : table) {
    if (s.key && !s.dummy) decref(s.key);
  }
  if (attrs) decref(attrs);
}
void SetObj::referents(std::vector<Object*>& out) const {
  if (attrs) out.push_back(attrs);
  for (auto& s : table) {
    if (s.key && !s.dummy) out.push_back(s.key);
  }
}
void SetObj::clear(Interp&) {
  std::vector<Slot> old(8);
  std::swap(old, table);
  fill = used = 0;
  for (auto& sl : old) {
    if (sl.key && !sl.dummy) decref(sl.key);
  }
}
RangeObj::~RangeObj() {
  decref(start);
  decref(stop);
  decref(step);
}
SliceObj::~SliceObj() {
  decref(start);
  decref(stop);
  decref(step);
}
void SliceObj::referents(std::vector<Object*>& out) const {
  out.push_back(start);
  out.push_back(stop);
  out.push_back(step);
}
void CellObj::referents(std::vector<Object*>& out) const {
  if (ref) out.push_back(ref);
}
void CellObj::clear(Interp&) {
  Object* old = ref;
  ref = nullptr;
  xdecref(old);
}
CodeObj::~CodeObj() {
  xdecref(name);
  xdecref(qualname);
  for (Object* o : consts) decref(o);
  for (Object* o : names) decref(o);
  for (Object* o : localsplus) decref(o);
}
FunctionObj::~FunctionObj() {
  decref(code);
  decref(globals);
  decref(builtins);
  decref(name);
  decref(qualname);
  xdecref(defaults);
  xdecref(kwdefaults);
  xdecref(closure);
  xdecref(doc);
  xdecref(module);
  xdecref(annotations);
  xdecref(dict);
}
void FunctionObj::referents(std::vector<Object*>& out) const {
  for (Object* o : {static_cast<Object*>(code), static_cast<Object*>(globals), static_cast<Object*>(builtins),
                    module, defaults, kwdefaults, doc, name, static_cast<Object*>(dict), closure,
                    annotations, qualname}) {
    if (o) out.push_back(o);
  }
}
void FunctionObj::clear(Interp&) {
  Object* old[] = {defaults, kwdefaults, closure, doc, module, annotations, dict};
  defaults = kwdefaults = closure = doc = module = annotations = nullptr;
  dict = nullptr;
  for (Object* o : old) xdecref(o);
}
void BuiltinObj::referents(std::vector<Object*>& out) const {
  if (self) out.push_back(self);
}
MethodObj::~MethodObj() {
  decref(func);
  decref(self);
}
void MethodObj::referents(std::vector<Object*>& out) const {
  out.push_back(func);
  out.push_back(self);
}
WrapperObj::~WrapperObj() {
  xdecref(a);
  xdecref(b);
  xdecref(c);
  xdecref(doc);
}
void WrapperObj::referents(std::vector<Object*>& out) const {
  for (Object* o : {a, b, c, doc}) {
    if (o) out.push_back(o);
  }
}
ModuleObj::~ModuleObj() { decref(dict); }
void ModuleObj::referents(std::vector<Object*>& out) const { out.push_back(dict); }
InstanceObj::~InstanceObj() {
  xdecref(dict);
  for (Object* v : slots) xdecref(v);
}
void InstanceObj::referents(std::vector<Object*>& out) const {
  for (Object* v : slots) {
    if (v) out.push_back(v);
  }
  if (!dict) return;
  if (dict_materialized) {
    out.push_back(dict);
    return;
  }
  // The attributes are the instance's own (CPython 3.11's inline values).
  for (auto& e : dict->entries) {
    if (e.key) out.push_back(e.value);
  }
}
void InstanceObj::clear(Interp& in) {
  std::vector<Object*> old(slots.size(), nullptr);
  std::swap(old, slots);
  for (Object* v : old) xdecref(v);
  if (!dict) return;
  if (dict_materialized) {
    DictObj* d = dict;
    dict = nullptr;
    decref(d);
  } else {
    dict->clear(in);
  }
}
DictObj* InstanceObj::materialize(Interp& in) {
  if (dict && !dict_materialized) {
    dict_materialized = true;
    dict->gc_bits &= ~GcObject::kUncounted;
    in.gc_born(dict, false);
    for (auto& e : dict->entries) {
      if (e.key) dict_maybe_track(in, dict, e.key, e.value);
    }
  }
  return dict;
}
ExceptionObj::~ExceptionObj() {
  decref(args);
  xdecref(cause);
  xdecref(context);
  xdecref(dict);
  xdecref(name);
  xdecref(obj);
  xdecref(suggestion);
}
void ExceptionObj::referents(std::vector<Object*>& out) const {
  for (Object* o : {static_cast<Object*>(dict), args, cause, context, name, obj, suggestion}) {
    if (o) out.push_back(o);
  }
}
void ExceptionObj::clear(Interp& in) {
  Object* old[] = {args, cause, context, dict, name, obj, suggestion};
  args = incref(in.empty_tuple);
  cause = context = name = obj = suggestion = nullptr;
  dict = nullptr;
  for (Object* o : old) xdecref(o);
}
IterObj::~IterObj() {
  xdecref(seq);
  xdecref(extra);
}
void IterObj::referents(std::vector<Object*>& out) const {
  if (seq) out.push_back(seq);
  if (extra) out.push_back(extra);
}
DictViewObj::~DictViewObj() { decref(dict); }
void DictViewObj::referents(std::vector<Object*>& out) const { out.push_back(dict); }

// ---- abstract protocol ------------------------------------------------------------

Object* repr(Interp& in, Object* o) {
  if (in.native_depth > kMaxNativeDepth) {
    return in.raise(in.t.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  }
  if (!o->type->repr) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(o));
    return new_str(in, "<" + o->type->name + buf);
  }
  ++in.native_depth;
  Object* r = o->type->repr(in, o);
  --in.native_depth;
  if (r && !is_type(r, in.t.str)) {
    std::string n = type_name(r);
    decref(r);
    return in.raise(in.t.TypeError, "__repr__ returned non-string (type " + n + ")");
  }
  return r;
}

Object* str(Interp& in, Object* o) {
  if (is_exact(o, in.t.str)) return incref(o);
  if (!o->type->str) return repr(in, o);
  ++in.native_depth;
  Object* r = o->type->str(in, o);
  --in.native_depth;
  if (r && !is_type(r, in.t.str)) {
    std::string n = type_name(r);
    decref(r);
    return in.raise(in.t.TypeError, "__str__ returned non-string (type " + n + ")");
  }
  return r;
}

std::optional<std::string> repr_utf8(Interp& in, Object* o) {
  Object* r = repr(in, o);
  if (!r) return std::nullopt;
  std::string s = utf8(r);
  decref(r);
  return s;
}

std::optional<std::string> str_utf8(Interp& in, Object* o) {
  Object* r = str(in, o);
  if (!r) return std::nullopt;
  std::string s = utf8(r);
  decref(r);
  return s;
}

Object* ascii(Interp& in, Object* o) {
  Object* r = repr(in, o);
  if (!r) return nullptr;
  std::u32string out;
  for (char32_t c : str_view(r)) {
    if (c < 128) {
      out += c;
      continue;
    }
    char buf[16];
    if (c < 0x100) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
    } else if (c < 0x10000) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
    }
    for (char* p = buf; *p; ++p) out += static_cast<char32_t>(*p);
  }
  decref(r);
  return new_str(in, std::move(out));
}

bool hash_slow(Interp& in, Object* o, int64_t* out) {
  if (!o->type->hash) {
    in.raise(in.t.TypeError, "unhashable type: '" + type_name(o) + "'");
    return false;
  }
  return o->type->hash(in, o, out);
}

namespace {

const char* const kOpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
const int kSwapped[] = {kGt, kGe, kEq, kNe, kLt, kLe};

}  // namespace

Object* compare(Interp& in, Object* a, Object* b, int op) {
  // Fast paths: small ints and strs.
  if (a->type == b->type) {
    if (a->type == in.t.int_ && !static_cast<IntObj*>(a)->big && !static_cast<IntObj*>(b)->big) {
      int64_t x = static_cast<IntObj*>(a)->small, y = static_cast<IntObj*>(b)->small;
      int c = x < y ? -1 : x > y ? 1 : 0;
      bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kEq ? c == 0 : op == kNe ? c != 0 : op == kGt ? c > 0 : c >= 0;
      return new_bool(in, r);
    }
    if (a->type == in.t.str) {
      int c = str_view(a).compare(str_view(b));
      bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kEq ? c == 0 : op == kNe ? c != 0 : op == kGt ? c > 0 : c >= 0;
      return new_bool(in, r);
    }
  }
  if (in.native_depth > kMaxNativeDepth) {
    return in.raise(in.t.RecursionError, "maximum recursion depth exceeded in comparison");
  }
  ++in.native_depth;
  Object* r = nullptr;
  bool checked_reverse = false;
  // A subclass's reflected method goes first (CPython's do_richcompare).
  if (a->type != b->type && b->type->is_subtype(a->type) && b->type->richcompare) {
    checked_reverse = true;
    r = b->type->richcompare(in, b, a, kSwapped[op]);
    if (!r || r != in.NotImplemented) goto done;
    decref(r);
  }
  if (a->type->richcompare) {
    r = a->type->richcompare(in, a, b, op);
    if (!r || r != in.NotImplemented) goto done;
    decref(r);
  }
  if (!checked_reverse && b->type->richcompare) {
    r = b->type->richcompare(in, b, a, kSwapped[op]);
    if (!r || r != in.NotImplemented) goto done;
    decref(r);
  }
  if (op == kEq || op == kNe) {
    r = new_bool(in, (a == b) == (op == kEq));
  } else {
    r = in.raise(in.t.TypeError, std::string("'") + kOpSymbols[op] +
                                     "' not supported between instances of '" + type_name(a) +
                                     "' and '" + type_name(b) + "'");
  }
done:
  --in.native_depth;
  return r;
}

int compare_bool(Interp& in, Object* a, Object* b, int op) {
  Object* r = compare(in, a, b, op);
  if (!r) return -1;
  int t = truth(in, r);
  decref(r);
  return t;
}

int equal(Interp& in, Object* a, Object* b) {
  if (a == b) return 1;
  if (is_exact(a, in.t.str) && is_exact(b, in.t.str)) return str_view(a) == str_view(b);
  return compare_bool(in, a, b, kEq);
}

int truth(Interp& in, Object* o) {
  if (o == in.True) return 1;
  if (o == in.False || o == in.None) return 0;
  if (o->type->truth) return o->type->truth(in, o);
  if (o->type->length) {
    int64_t n = o->type->length(in, o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

namespace {

const char* const kBinSymbols[] = {"+", "&", "//", "<<", "@", "*", "%", "|",
                                   "**", ">>", "-", "/", "^"};

}  // namespace

Object* binary_op(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  Object* r = nullptr;
  if (in.native_depth > kMaxNativeDepth) {
    return in.raise(in.t.RecursionError, "maximum recursion depth exceeded");
  }
  ++in.native_depth;
  bool reverse_first = a->type != b->type && b->type->is_subtype(a->type) && b->type->heap;
  if (reverse_first && b->type->binop) {
    r = b->type->binop(in, a, b, op);
    if (!r || r != in.NotImplemented) goto done;
    decref(r);
  }
  if (a->type->binop) {
    r = a->type->binop(in, a, b, op);
    if (!r || r != in.NotImplemented) goto done;
    decref(r);
  }
  if (!reverse_first && b->type != a->type && b->type->binop) {
    r = b->type->binop(in, a, b, op);
    if (!r || r != in.NotImplemented) goto done;
    decref(r);
  }
  {
    std::string sym = kBinSymbols[base];
    if (op >= kInplace) sym += "=";
    std::string msg;
    if (base == kPow && op < kInplace) {
      msg = "unsupported operand type(s) for ** or pow(): '" + type_name(a) + "' and '" +
            type_name(b) + "'";
    } else {
      msg = "unsupported operand type(s) for " + sym + ": '" + type_name(a) + "' and '" +
            type_name(b) + "'";
    }
    // CPython's hint for "a" + 1.
    if (base == kAdd && is_type(a, in.t.str) && !is_type(b, in.t.str)) {
      msg = "can only concatenate str (not \"" + type_name(b) + "\") to str";
    } else if (base == kAdd && is_type(a, in.t.list) && !is_type(b, in.t.list)) {
      msg = "can only concatenate list (not \"" + type_name(b) + "\") to list";
    } else if (base == kAdd && is_type(a, in.t.tuple) && !is_type(b, in.t.tuple)) {
      msg = "can only concatenate tuple (not \"" + type_name(b) + "\") to tuple";
    } else if (base == kMul && (is_type(a, in.t.str) || is_type(a, in.t.list) ||
                                is_type(a, in.t.tuple) || is_type(b, in.t.str) ||
                                is_type(b, in.t.list) || is_type(b, in.t.tuple))) {
      Object* other = (is_type(a, in.t.str) || is_type(a, in.t.list) || is_type(a, in.t.tuple))
                          ? b
                          : a;
      msg = "can't multiply sequence by non-int of type '" + type_name(other) + "'";
    }
    r = in.raise(in.t.TypeError, msg);
  }
done:
  --in.native_depth;
  return r;
}

namespace {

Object* unary(Interp& in, Object* o, UnaryFn fn, const char* sym) {
  if (!fn) {
    return in.raise(in.t.TypeError,
                    std::string("bad operand type for unary ") + sym + ": '" + type_name(o) + "'");
  }
  return fn(in, o);
}

}  // namespace

Object* unary_neg(Interp& in, Object* o) { return unary(in, o, o->type->neg, "-"); }
Object* unary_pos(Interp& in, Object* o) { return unary(in, o, o->type->pos, "+"); }
Object* unary_invert(Interp& in, Object* o) { return unary(in, o, o->type->invert, "~"); }

Object* call(Interp& in, Object* callable, const Args& args) {
  if (!callable->type->call) {
    return in.raise(in.t.TypeError, "'" + type_name(callable) + "' object is not callable");
  }
  if (in.native_depth > kMaxNativeDepth) {
    return in.raise(in.t.RecursionError, "maximum recursion depth exceeded while calling a Python object");
  }
  ++in.native_depth;
  Object* r = callable->type->call(in, callable, args);
  --in.native_depth;
  return r;
}

Object* call0(Interp& in, Object* c) { return call(in, c, Args{}); }
Object* call1(Interp& in, Object* c, Object* a) {
  Object* items[] = {a};
  return call(in, c, Args{items, 1, nullptr});
}
Object* call2(Interp& in, Object* c, Object* a, Object* b) {
  Object* items[] = {a, b};
  return call(in, c, Args{items, 2, nullptr});
}

Object* get_iter(Interp& in, Object* o) {
  if (o->type->iter) return o->type->iter(in, o);
  if (o->type->getitem && !is_type(o, in.t.dict)) {
    auto* it = in.alloc<IterObj>(in.t.iter);
    it->kind = IterObj::kSeq;
    it->seq = incref(o);
    return it;
  }
  return in.raise(in.t.TypeError, "'" + type_name(o) + "' object is not iterable");
}

Object* iter_next(Interp& in, Object* it) {
  if (!it->type->next) {
    return in.raise(in.t.TypeError, "'" + type_name(it) + "' object is not an iterator");
  }
  return it->type->next(in, it);
}

int64_t length(Interp& in, Object* o) {
  if (!o->type->length) {
    in.raise(in.t.TypeError, "object of type '" + type_name(o) + "' has no len()");
    return -1;
  }
  return o->type->length(in, o);
}

namespace {

// list[int], dict[str, int]: types.GenericAlias, for annotations.
struct AliasObj : GcObject {
  Object* origin = nullptr;
  Object* args = nullptr;  // tuple
  ~AliasObj() override {
    xdecref(origin);
    xdecref(args);
  }
  void referents(std::vector<Object*>& out) const override {
    for (Object* o : {origin, args}) {
      if (o) out.push_back(o);
    }
  }
};

std::string alias_arg_repr(Interp& in, Object* a) {
  if (is_type(a, in.t.type)) {
    auto* t = static_cast<Type*>(a);
    Object* r = repr(in, a);
    if (!r) {
      in.clear_error();
      return t->name;
    }
    std::string s = utf8(r);
    decref(r);
    // <class 'x'> -> x
    if (s.rfind("<class '", 0) == 0) return s.substr(8, s.size() - 10);
    return s;
  }
  if (a == in.Ellipsis) return "...";
  auto r = repr_utf8(in, a);
  if (!r) {
    in.clear_error();
    return "?";
  }
  return *r;
}

Object* alias_repr(Interp& in, Object* o) {
  auto* a = static_cast<AliasObj*>(o);
  std::string s = static_cast<Type*>(a->origin)->name + "[";
  auto& items = static_cast<TupleObj*>(a->args)->items;
  for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + alias_arg_repr(in, items[i]);
  if (items.empty()) s += "()";
  return new_str(in, s + "]");
}

Object* alias_call(Interp& in, Object* o, const Args& args) {
  return call(in, static_cast<AliasObj*>(o)->origin, args);
}

Object* alias_getattr(Interp& in, Object* o, StrObj* name) {
  auto* a = static_cast<AliasObj*>(o);
  if (name->s == U"__origin__") return incref(a->origin);
  if (name->s == U"__args__") return incref(a->args);
  return getattr(in, a->origin, name);
}

Object* generic_alias(Interp& in, Object* origin, Object* key) {
  auto* a = in.alloc<AliasObj>(in.t.generic_alias);
  a->origin = incref(origin);
  a->args = is_exact(key, in.t.tuple) ? incref(key) : new_tuple(in, {incref(key)});
  return a;
}

}  // namespace

void init_generic_alias_type(Interp& in) {
  Type* at = new_static_type(in, "types.GenericAlias", in.t.object);
  at->repr = alias_repr;
  at->call = alias_call;
  at->getattr = alias_getattr;
  in.t.generic_alias = at;
}

Object* getitem(Interp& in, Object* o, Object* key) {
  if (!o->type->getitem) {
    if (is_type(o, in.t.type)) {
      auto* t = static_cast<Type*>(o);
      if (t == in.t.list || t == in.t.dict || t == in.t.tuple || t == in.t.set || t == in.t.frozenset ||
          t == in.t.type) {
        return generic_alias(in, o, key);
      }
      if (Object* cg = type_lookup(in, t, "__class_getitem__")) {
        Object* fn = cg->type == in.t.classmethod ? static_cast<WrapperObj*>(cg)->a : cg;
        return call2(in, fn, o, key);
      }
    }
    if (o->type == in.t.type) {
      return in.raise(in.t.TypeError,
                      "type '" + static_cast<Type*>(o)->name + "' is not subscriptable");
    }
    return in.raise(in.t.TypeError, "'" + type_name(o) + "' object is not subscriptable");
  }
  return o->type->getitem(in, o, key);
}

int setitem(Interp& in, Object* o, Object* key, Object* value) {
  if (!o->type->setitem) {
    in.raise(in.t.TypeError, "'" + type_name(o) + "' object does not support item assignment");
    return -1;
  }
  return o->type->setitem(in, o, key, value);
}

int delitem(Interp& in, Object* o, Object* key) {
  if (!o->type->setitem) {
    in.raise(in.t.TypeError, "'" + type_name(o) + "' object does not support item deletion");
    return -1;
  }
  return o->type->setitem(in, o, key, nullptr);
}

int contains(Interp& in, Object* c, Object* item) {
  if (c->type->contains) return c->type->contains(in, c, item);
  Object* it = get_iter(in, c);
  if (!it) {
    if (in.matches(in.t.TypeError)) {
      in.clear_error();
      in.raise(in.t.TypeError, "argument of type '" + type_name(c) + "' is not iterable");
    }
    return -1;
  }
  while (Object* x = iter_next(in, it)) {
    int eq = equal(in, x, item);
    decref(x);
    if (eq != 0) {
      decref(it);
      return eq;
    }
  }
  decref(it);
  return in.error() ? -1 : 0;
}

Object* type_lookup(const Type* t, Object* name) {
  auto walk = [&]() -> Object* {
    for (const Type* m : t->mro) {
      if (m->dict) {
        if (Object* v = dict_get_str(m->dict, name)) return v;
      }
    }
    return nullptr;
  };
  Interp* in = t->interp;
  // Only interned names: they live as long as the interpreter, so their
  // address names one text.
  if (!in || !static_cast<const StrObj*>(name)->interned) return walk();
  uint64_t stamps = 0;
  for (const Type* m : t->mro) {
    if (m->dict) stamps += m->dict->stamp + 1;
  }
  size_t slot = ((reinterpret_cast<uintptr_t>(t) >> 4) * 31 + (reinterpret_cast<uintptr_t>(name) >> 4)) &
                (in->type_cache.size() - 1);
  Interp::TypeCacheEntry& e = in->type_cache[slot];
  if (e.type == t && e.name == name && e.stamps == stamps && e.epoch == in->type_epoch) return e.value;
  Object* v = walk();
  e = Interp::TypeCacheEntry{t, name, stamps, in->type_epoch, v};
  return v;
}

Object* type_lookup(Interp& in, const Type* t, std::string_view name) {
  return type_lookup(t, iname(in, name));
}

namespace {


// A property, or a class statement's descriptor with __set__ or
// __delete__: it comes before the instance's dict.
bool is_data_descriptor(Interp& in, Object* d) {
  if (d->type == in.t.property || d->type == in.t.member_descriptor) return true;
  // (Without __get__ it is returned as itself, after the instance dict.)
  return d->type->heap && d->type->descr_get &&
         (type_lookup(in, d->type, "__set__") || type_lookup(in, d->type, "__delete__"));
}

}  // namespace

DictObj** instance_attrs(Object* o) {
  if (auto* i = as_instance(o)) return &i->dict;
  if (auto* e = as_exception(o)) return e->dict ? &e->dict : nullptr;
  if (auto* f = as_function(o)) return &f->dict;
  // Instances of class statements subclassing list, dict or set.
  Type* t = o->type;
  if (t->heap) {
    Interp& in = *t->interp;
    if (t->is_subtype(in.t.dict)) return &static_cast<DictObj*>(o)->attrs;
    if (t->is_subtype(in.t.list)) return &static_cast<ListObj*>(o)->attrs;
    if (t->is_subtype(in.t.set) || t->is_subtype(in.t.frozenset)) return &static_cast<SetObj*>(o)->attrs;
  }
  return nullptr;
}

Object* lookup_attr(Interp& in, Object* o, Object* name) {
  if (o->type->getattr) {
    Object* r = o->type->getattr(in, o, static_cast<StrObj*>(name));
    if (!r && in.matches(in.t.AttributeError)) in.clear_error();
    return r;
  }
  return generic_lookup(in, o, name);
}

// CPython's PyObject_GenericGetAttr without raising: null when absent.
Object* generic_lookup(Interp& in, Object* o, Object* name) {
  if (str_view(name) == U"__class__") return incref(o->type);
  if (auto* m = as_module(o)) {
    if (Object* v = dict_get_str(m->dict, name)) return incref(v);
  }
  if (o->type == in.t.type || is_type(o, in.t.type)) {
    auto* t = static_cast<Type*>(o);
    Object* meta = type_lookup(o->type, name);
    if (meta && is_data_descriptor(in, meta)) return meta->type->descr_get(in, meta, o, o->type);
    if (Object* v = type_lookup(t, name)) {
      if (v->type->descr_get) return v->type->descr_get(in, v, nullptr, t);
      return incref(v);
    }
    if (meta) {
      if (meta->type->descr_get) return meta->type->descr_get(in, meta, o, o->type);
      return incref(meta);
    }
    return nullptr;
  }
  Object* descr = type_lookup(o->type, name);
  if (descr && is_data_descriptor(in, descr)) return descr->type->descr_get(in, descr, o, o->type);
  if (DictObj** d = instance_attrs(o); d && *d) {
    if (Object* v = dict_get_str(*d, name)) return incref(v);
  }
  if (descr) {
    if (descr->type->descr_get) return descr->type->descr_get(in, descr, o, o->type);
    return incref(descr);
  }
  return nullptr;
}

namespace {

size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  constexpr size_t kMove = 2, kCase = 1, kMaxString = 40;
  auto cost = [](char x, char y) -> size_t {
    if ((x & 31) != (y & 31)) return kMove;
    if (x == y) return 0;
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    return x == y ? kCase : kMove;
  };
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMove;
  if (a.size() > kMaxString || b.size() > kMaxString) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMove > max_cost) return max_cost + 1;
  size_t buffer[kMaxString];
  size_t tmp = kMove;
  for (size_t i = 0; i < a.size(); ++i, tmp += kMove) buffer[i] = tmp;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    size_t distance = result = bi * kMove;
    size_t minimum = static_cast<size_t>(-1);
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + cost(b[bi], a[ai]);
      distance = buffer[ai];
      size_t insert_delete = std::min(result, distance) + kMove;
      result = std::min(insert_delete, substitute);
      buffer[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

}  // namespace

Object* closest_name(Interp& in, const std::vector<Object*>& candidates, Object* name) {
  (void)in;
  if (candidates.size() >= 750 || !as_str(name)) return nullptr;
  std::string n = utf8(name);
  size_t best_distance = static_cast<size_t>(-1) >> 1;
  Object* best = nullptr;
  for (Object* c : candidates) {
    if (!as_str(c)) continue;
    std::string item = utf8(c);
    if (item == n) continue;
    size_t max_distance = (n.size() + item.size() + 3) * 2 / 6;
    max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(n, item, max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

Object* getattr_no_context(Interp& in, Object* o, Object* name) {
  if (o->type->getattr) return o->type->getattr(in, o, static_cast<StrObj*>(name));
  Object* r = lookup_attr(in, o, name);
  if (r || in.error()) return r;
  std::string n = utf8(name);
  if (auto* m = as_module(o)) {
    Object* mn = dict_get_str(m->dict, iname(in, "__name__"));
    std::string modname = mn && is_type(mn, in.t.str) ? utf8(mn) : "?";
    return in.raise(in.t.AttributeError,
                    "module '" + modname + "' has no attribute '" + n + "'");
  }
  if (is_type(o, in.t.type)) {
    return in.raise(in.t.AttributeError,
                    "type object '" + static_cast<Type*>(o)->name + "' has no attribute '" + n + "'");
  }
  return in.raise(in.t.AttributeError,
                  "'" + type_name(o) + "' object has no attribute '" + n + "'");
}

Object* getattr(Interp& in, Object* o, Object* name) {
  Object* r = getattr_no_context(in, o, name);
  // set_attribute_error_context: the name and the object, for the
  // traceback's "Did you mean".
  if (!r && in.exc && is_type(in.exc, in.t.AttributeError)) {
    auto* e = static_cast<ExceptionObj*>(in.exc);
    if (!e->name && !e->obj) {
      e->name = incref(name);
      e->obj = incref(o);
    }
  }
  return r;
}

Object* getattr(Interp& in, Object* o, std::string_view name) {
  return getattr(in, o, iname(in, name));
}

int setattr(Interp& in, Object* o, Object* name, Object* value) {
  if (o->type->setattr) return o->type->setattr(in, o, static_cast<StrObj*>(name), value);
  // The name as UTF-8, for messages and __slots__ (made only when needed:
  // instance attribute stores are hot).
  auto n_text = [&] { return utf8(name); };
  if (str_view(name) == U"__class__") {
    // object.__class__'s setter: another class with the same instance
    // layout (two class statements over plain objects).
    if (!value) {
      in.raise(in.t.TypeError, "can't delete __class__ attribute");
      return -1;
    }
    if (!is_type(value, in.t.type)) {
      in.raise(in.t.TypeError, "__class__ must be set to a class, not '" + type_name(value) + "' object");
      return -1;
    }
    auto* to = static_cast<Type*>(value);
    if (!o->type->heap || !to->heap) {
      in.raise(in.t.TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
      return -1;
    }
    if (o->type->layout != to->layout || o->type->slot_count != to->slot_count || o->type->slots_only != to->slots_only) {
      in.raise(in.t.TypeError, "__class__ assignment: '" + to->name + "' object layout differs from '" + o->type->name + "'");
      return -1;
    }
    Type* old = o->type;
    o->type = static_cast<Type*>(incref(to));
    decref(old);
    return 0;
  }
  Object* descr = type_lookup(o->type, name);
  if (descr && descr->type == in.t.property) {
    auto* p = static_cast<WrapperObj*>(descr);
    Object* fn = value ? p->b : p->c;
    if (!fn || fn == in.None) {
      in.raise(in.t.AttributeError, "property '" + n_text() + "' of '" + type_name(o) + "' object has no " +
                                        (value ? "setter" : "deleter"));
      return -1;
    }
    Object* r = value ? call2(in, fn, o, value) : call1(in, fn, o);
    if (!r) return -1;
    decref(r);
    return 0;
  }
  // A __slots__ member: the value goes to the instance's slot.
  if (descr && descr->type == in.t.member_descriptor) {
    auto* m = static_cast<MemberObj*>(descr);
    auto* inst = as_instance(o);
    if (!inst) {
      in.raise(in.t.TypeError, "descriptor '" + m->name + "' for '" + m->owner + "' objects doesn't apply to a '" +
                                   type_name(o) + "' object");
      return -1;
    }
    if (inst->slots.size() <= m->index) inst->slots.resize(m->index + 1, nullptr);
    Object*& slot = inst->slots[m->index];
    if (!value && !slot) {
      in.raise(in.t.AttributeError, "'" + type_name(o) + "' object has no attribute '" + m->name + "'");
      return -1;
    }
    Object* old = slot;
    slot = xincref(value);
    xdecref(old);
    return 0;
  }
  // A descriptor of a class statement's with __set__ / __delete__ (a data
  // descriptor) takes the assignment instead of the instance's dict.
  if (descr && descr->type->heap) {
    if (Object* fn = type_lookup(in, descr->type, value ? "__set__" : "__delete__")) {
      Object* items[] = {descr, o, value};
      Object* r = call(in, fn, Args{items, value ? size_t{3} : size_t{2}, nullptr});
      if (!r) return -1;
      decref(r);
      return 0;
    }
    if (type_lookup(in, descr->type, value ? "__delete__" : "__set__")) {
      in.raise(in.t.AttributeError, value ? "__set__" : "__delete__");
      return -1;
    }
  }
  DictObj** d = nullptr;
  if (auto* m = as_module(o)) d = &m->dict;
  if (is_type(o, in.t.type) && static_cast<Type*>(o)->heap) d = &static_cast<Type*>(o)->dict;
  if (!d) d = instance_attrs(o);
  if (!d) {
    if (is_type(o, in.t.type)) {
      in.raise(in.t.TypeError, "cannot set '" + n_text() + "' attribute of immutable type '" +
                                   static_cast<Type*>(o)->name + "'");
    } else if (descr) {
      in.raise(in.t.AttributeError, "'" + type_name(o) + "' object attribute '" + n_text() +
                                        "' is read-only");
    } else {
      in.raise(in.t.AttributeError, "'" + type_name(o) + "' object has no attribute '" + n_text() + "'");
    }
    return -1;
  }
  if (o->type->slots_only && value) {
    bool declared = false;
    const std::string n = n_text();
    for (Type* m : o->type->mro) {
      declared = declared || std::find(m->slots.begin(), m->slots.end(), n) != m->slots.end();
    }
    if (!declared) {
      in.raise(in.t.AttributeError, "'" + type_name(o) + "' object has no attribute '" + n_text() + "'");
      return -1;
    }
  }
  if (!*d) *d = as_instance(o) && !as_instance(o)->dict_materialized ? new_instance_dict(in) : new_dict(in);
  // A dunder method assigned to (or deleted from) a class statement
  // changes what its instances do: the type's slots follow.
  std::u32string_view nv = str_view(name);
  const bool class_dunder = is_type(o, in.t.type) && static_cast<Type*>(o)->heap && nv.size() > 4 &&
                            nv.substr(0, 2) == U"__" && nv.substr(nv.size() - 2) == U"__";
  if (!value) {
    int r = dict_del(in, *d, name);
    if (r == 0 && class_dunder) refresh_heap_slots(in, static_cast<Type*>(o));
    if (r == 1) {
      if (as_module(o)) {
        in.raise(in.t.AttributeError, n_text());
      } else {
        in.raise(in.t.AttributeError, "'" + type_name(o) + "' object has no attribute '" + n_text() + "'");
      }
      return -1;
    }
    return r;
  }
  int r = dict_set(in, *d, name, value);
  if (r == 0 && class_dunder) refresh_heap_slots(in, static_cast<Type*>(o));
  return r;
}

namespace {

// PyObject_LengthHint as a program sees it: a class's __len__, else its
// __length_hint__, is called (CPython only sizes the list with the
// answer); a TypeError from it is ignored, another error is the caller's.
bool length_hint_calls(Interp& in, Object* o) {
  // reversed()'s __length_hint__ asks its sequence's length.
  if (o->type == in.t.iter && static_cast<IterObj*>(o)->kind == IterObj::kReversed) {
    Object* seq = static_cast<IterObj*>(o)->seq;
    if (!seq || !seq->type->heap || length(in, seq) >= 0) return true;
    if (!in.matches(in.t.TypeError)) return false;
    in.clear_error();
    return true;
  }
  if (!o->type->heap) return true;
  if (o->type->length) {
    if (length(in, o) >= 0) return true;
    if (!in.matches(in.t.TypeError)) return false;
    in.clear_error();
    return true;
  }
  Object* hint = type_lookup(in, o->type, "__length_hint__");
  if (!hint) return true;
  Object* r = call1(in, hint, o);
  if (!r) {
    if (!in.matches(in.t.TypeError)) return false;
    in.clear_error();
    return true;
  }
  bool ok = true;
  if (r == in.NotImplemented) {
  } else if (!is_type(r, in.t.int_)) {
    in.raise(in.t.TypeError, "__length_hint__ must be an integer, not " + type_name(r));
    ok = false;
  } else if (int_value(r).negative()) {
    in.raise(in.t.ValueError, "__length_hint__() should return >= 0");
    ok = false;
  }
  decref(r);
  return ok;
}

}  // namespace

Object* sequence_to_list(Interp& in, Object* iterable) {
  if (is_exact(iterable, in.t.list) || is_exact(iterable, in.t.tuple)) {
    std::vector<Object*> items;
    for (Object* o : seq_items(iterable)) items.push_back(incref(o));
    return new_list(in, std::move(items));
  }
  Object* it = get_iter(in, iterable);
  if (!it) return nullptr;
  if (!length_hint_calls(in, iterable)) {
    decref(it);
    return nullptr;
  }
  std::vector<Object*> items;
  while (Object* x = iter_next(in, it)) items.push_back(x);
  decref(it);
  if (in.error()) {
    for (Object* x : items) decref(x);
    return nullptr;
  }
  return new_list(in, std::move(items));
}

bool index_value(Interp& in, Object* o, int64_t* out) {
  if (is_type(o, in.t.int_)) {
    auto* i = static_cast<IntObj*>(o);
    if (i->big) {
      in.raise(in.t.IndexError,
               "cannot fit 'int' into an index-sized integer");
      return false;
    }
    *out = i->small;
    return true;
  }
  if (Object* m = type_lookup(in, o->type, "__index__")) {
    Object* r = call1(in, m, o);
    if (!r) return false;
    if (!is_type(r, in.t.int_)) {
      in.raise(in.t.TypeError, "__index__ returned non-int (type " + type_name(r) + ")");
      decref(r);
      return false;
    }
    bool ok = index_value(in, r, out);
    decref(r);
    return ok;
  }
  in.raise(in.t.TypeError, "'" + type_name(o) + "' object cannot be interpreted as an integer");
  return false;
}

BigInt int_value(const Object* o) { return static_cast<const IntObj*>(o)->as_big(); }

double float_value(Interp& in, Object* o, bool* ok) {
  *ok = true;
  if (is_type(o, in.t.float_)) return static_cast<FloatObj*>(o)->value;
  if (is_type(o, in.t.int_)) {
    auto* i = static_cast<IntObj*>(o);
    if (!i->big) return static_cast<double>(i->small);
    bool overflow = false;
    double d = i->value.to_double(&overflow);
    if (overflow) {
      in.raise(in.t.OverflowError, "int too large to convert to float");
      *ok = false;
    }
    return d;
  }
  if (Object* m = type_lookup(in, o->type, "__float__")) {
    Object* r = call1(in, m, o);
    if (!r) {
      *ok = false;
      return 0;
    }
    double d = float_value(in, r, ok);
    decref(r);
    return d;
  }
  in.raise(in.t.TypeError, "must be real number, not " + type_name(o));
  *ok = false;
  return 0;
}

// ---- arguments ------------------------------------------------------------------

bool no_kwargs(Interp& in, std::string_view fname, const Args& args) {
  if (args.nkw() == 0) return true;
  in.raise(in.t.TypeError, std::string(fname) + "() takes no keyword arguments");
  return false;
}

bool arg_count(Interp& in, std::string_view fname, const Args& args, size_t min, size_t max) {
  if (!no_kwargs(in, fname, args)) return false;
  size_t n = args.npos;
  if (n >= min && n <= max) return true;
  std::string f(fname);
  if (min == max) {
    if (min == 0) {
      in.raise(in.t.TypeError, f + "() takes no arguments (" + std::to_string(n) + " given)");
    } else if (min == 1) {
      in.raise(in.t.TypeError,
               f + "() takes exactly one argument (" + std::to_string(n) + " given)");
    } else {
      in.raise(in.t.TypeError, f + " expected " + std::to_string(min) + " arguments, got " +
                                   std::to_string(n));
    }
  } else if (n < min) {
    in.raise(in.t.TypeError, f + " expected at least " + std::to_string(min) +
                                 " argument" + (min == 1 ? "" : "s") + ", got " +
                                 std::to_string(n));
  } else {
    in.raise(in.t.TypeError, f + " expected at most " + std::to_string(max) + " argument" +
                                 (max == 1 ? "" : "s") + ", got " + std::to_string(n));
  }
  return false;
}

bool parse_args(Interp& in, std::string_view fname, const Args& args,
                std::initializer_list<std::string_view> names, size_t required, Object** out,
                size_t npositional_only) {
  size_t n = names.size();
  for (size_t i = 0; i < n; ++i) out[i] = nullptr;
  std::string f(fname);
  if (args.npos > n) {
    in.raise(in.t.TypeError, f + "() takes at most " + std::to_string(n) + " argument" +
                                 (n == 1 ? "" : "s") + " (" + std::to_string(args.npos) +
                                 " given)");
    return false;
  }
  for (size_t i = 0; i < args.npos; ++i) out[i] = args.items[i];
  for (size_t k = 0; k < args.nkw(); ++k) {
    std::string kw = utf8(args.kwname(k));
    size_t i = 0;
    for (auto nm : names) {
      if (nm == kw) break;
      ++i;
    }
    if (i == n || i < npositional_only) {
      in.raise(in.t.TypeError, f + "() got an unexpected keyword argument '" + kw + "'");
      return false;
    }
    if (out[i]) {
      in.raise(in.t.TypeError,
               "argument for " + f + "() given by name ('" + kw + "') and position (" +
                   std::to_string(i + 1) + ")");
      return false;
    }
    out[i] = args.kwvalue(k);
  }
  for (size_t i = 0; i < required; ++i) {
    if (!out[i]) {
      auto it = names.begin() + i;
      if (i < npositional_only || args.nkw() == 0) {
        in.raise(in.t.TypeError, f + "() takes at least " + std::to_string(required) +
                                     " positional argument" + (required == 1 ? "" : "s") +
                                     " (" + std::to_string(args.npos) + " given)");
      } else {
        in.raise(in.t.TypeError,
                 f + "() missing required argument '" + std::string(*it) + "' (pos " +
                     std::to_string(i + 1) + ")");
      }
      return false;
    }
  }
  return true;
}

void add_method(Interp& in, Type* type, std::string_view name, MethodFn fn, bool classmethod) {
  auto* b = static_cast<BuiltinObj*>(new_builtin(in, std::string(name), fn, nullptr));
  b->owner = type;
  b->is_method = true;
  b->is_classmethod = classmethod;
  Object* key = intern(in, name);
  dict_set(in, type->dict, key, b);
  decref(key);
  decref(b);
}

Type* new_static_type(Interp& in, std::string name, Type* base) {
  auto* t = new Type();
  t->refcnt = kStaticRefcnt;
  t->interp = &in;
  in.static_types.push_back(t);
  t->type = in.t.type;
  if (in.t.type) incref(in.t.type);
  ++in.live_objects;
  t->name = std::move(name);
  if (in.interned) t->dict = new_dict(in);  // types made during start-up get theirs later
  t->base = base;
  t->mro.push_back(t);
  if (base) {
    incref(base);
    t->bases.push_back(base);
    t->mro.insert(t->mro.end(), base->mro.begin(), base->mro.end());
    // Inherit the slots.
    t->repr = base->repr;
    t->str = base->str;
    t->hash = base->hash;
    t->richcompare = base->richcompare;
    t->binop = base->binop;
    t->neg = base->neg;
    t->pos = base->pos;
    t->invert = base->invert;
    t->absval = base->absval;
    t->truth = base->truth;
    t->length = base->length;
    t->call = base->call;
    t->iter = base->iter;
    t->next = base->next;
    t->getitem = base->getitem;
    t->setitem = base->setitem;
    t->contains = base->contains;
    t->create = base->create;
    t->getattr = base->getattr;
    t->setattr = base->setattr;
    t->is_exception = base->is_exception;
    t->layout = base->layout;
  }
  return t;
}

// ---- slot wrappers ------------------------------------------------------------------------
// Built-in types get their slots as dunder methods (CPython's
// add_operators): list.__len__, dict.__setitem__, int.__add__, ... so
// super().__setitem__(k, v) in a dict subclass and dir(list) work.  A
// wrapper runs the slot of the nearest built-in type in self's MRO (the
// subclass's own slot would call the subclass's method again).

namespace {

Type* builtin_base(Object* self) {
  for (Type* m : self->type->mro) {
    if (!m->heap) return m;
  }
  return self->type;
}

Object* sw_len(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__len__", args, 0, 0)) return nullptr;
  int64_t n = builtin_base(self)->length(in, self);
  return n < 0 ? nullptr : new_int(in, n);
}
Object* sw_getitem(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__getitem__", args, 1, 1)) return nullptr;
  return builtin_base(self)->getitem(in, self, args.items[0]);
}
Object* sw_setitem(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__setitem__", args, 2, 2)) return nullptr;
  if (builtin_base(self)->setitem(in, self, args.items[0], args.items[1]) < 0) return nullptr;
  return incref(in.None);
}
Object* sw_delitem(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__delitem__", args, 1, 1)) return nullptr;
  if (builtin_base(self)->setitem(in, self, args.items[0], nullptr) < 0) return nullptr;
  return incref(in.None);
}
Object* sw_contains(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__contains__", args, 1, 1)) return nullptr;
  int r = builtin_base(self)->contains(in, self, args.items[0]);
  return r < 0 ? nullptr : new_bool(in, r != 0);
}
Object* sw_iter(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__iter__", args, 0, 0)) return nullptr;
  return builtin_base(self)->iter(in, self);
}
Object* sw_next(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__next__", args, 0, 0)) return nullptr;
  Object* r = builtin_base(self)->next(in, self);
  if (r || in.error()) return r;
  return in.raise_obj(new_exception(in, in.t.StopIteration, incref(in.empty_tuple)));
}
Object* sw_hash(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__hash__", args, 0, 0)) return nullptr;
  int64_t h = 0;
  if (!builtin_base(self)->hash(in, self, &h)) return nullptr;
  return new_int(in, h);
}
template <int kOp>
Object* sw_compare(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "comparison", args, 1, 1)) return nullptr;
  return builtin_base(self)->richcompare(in, self, args.items[0], kOp);
}
template <int kOp, bool kReflected>
Object* sw_binop(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "operator", args, 1, 1)) return nullptr;
  Object* other = args.items[0];
  return builtin_base(self)->binop(in, kReflected ? other : self, kReflected ? self : other, kOp);
}
template <int kWhich>
Object* sw_unary(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "operator", args, 0, 0)) return nullptr;
  Type* t = builtin_base(self);
  UnaryFn fn = kWhich == 0 ? t->neg : kWhich == 1 ? t->pos : kWhich == 2 ? t->invert : t->absval;
  return fn(in, self);
}

// list.__reversed__ / dict.__reversed__: an iterator from the end (over a
// snapshot of the items or keys).
Object* sw_reversed(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__reversed__", args, 0, 0)) return nullptr;
  std::vector<Object*> items;
  if (auto* d = is_type(self, in.t.dict) ? static_cast<DictObj*>(self) : nullptr) {
    for (auto it = d->entries.rbegin(); it != d->entries.rend(); ++it) {
      if (it->key) items.push_back(incref(it->key));
    }
  } else {
    const auto& src = static_cast<ListObj*>(self)->items;
    for (auto it = src.rbegin(); it != src.rend(); ++it) items.push_back(incref(*it));
  }
  Object* list = new_list(in, std::move(items));
  Object* it = get_iter(in, list);
  decref(list);
  return it;
}

struct BinopNames {
  const char* name;
  const char* rname;
  const char* iname;
  MethodFn fn, rfn, ifn;
};

#define PYLIFE_BINOP(op, n)                                                                        \
  BinopNames { "__" n "__", "__r" n "__", "__i" n "__", sw_binop<op, false>, sw_binop<op, true>, \
               sw_binop<op + kInplace, false> }

}  // namespace

void add_slot_wrappers(Interp& in) {
  const BinopNames binops[] = {
      PYLIFE_BINOP(kAdd, "add"),       PYLIFE_BINOP(kSub, "sub"),           PYLIFE_BINOP(kMul, "mul"),
      PYLIFE_BINOP(kTrueDiv, "truediv"), PYLIFE_BINOP(kFloorDiv, "floordiv"), PYLIFE_BINOP(kRem, "mod"),
      PYLIFE_BINOP(kPow, "pow"),       PYLIFE_BINOP(kLshift, "lshift"),     PYLIFE_BINOP(kRshift, "rshift"),
      PYLIFE_BINOP(kAnd, "and"),       PYLIFE_BINOP(kOr, "or"),             PYLIFE_BINOP(kXor, "xor")};
  // Which operators each built-in type has (the binop slot cannot say):
  // reflected forms for all but list; in-place ones for the mutable types.
  struct Ops {
    Type* type;
    std::vector<int> ops;
    bool reflected, inplace;
  };
  const Ops table[] = {
      {in.t.int_, {kAdd, kSub, kMul, kTrueDiv, kFloorDiv, kRem, kPow, kLshift, kRshift, kAnd, kOr, kXor}, true, false},
      {in.t.bool_, {kAnd, kOr, kXor}, true, false},
      {in.t.float_, {kAdd, kSub, kMul, kTrueDiv, kFloorDiv, kRem, kPow}, true, false},
      {in.t.complex, {kAdd, kSub, kMul, kTrueDiv, kPow}, true, false},
      {in.t.str, {kAdd, kMul, kRem}, false, false},
      {in.t.bytes, {kAdd, kMul, kRem}, false, false},
      {in.t.tuple, {kAdd, kMul}, false, false},
      {in.t.list, {kAdd, kMul}, false, true},
      {in.t.set, {kSub, kAnd, kOr, kXor}, true, true},
      {in.t.frozenset, {kSub, kAnd, kOr, kXor}, true, false},
      {in.t.dict, {kOr}, true, true},
  };
  auto add = [&](Type* t, const char* name, MethodFn fn) {
    if (!t->dict || dict_get_str(t->dict, iname(in, name))) return;
    add_method(in, t, name, fn);
  };
  for (const Ops& o : table) {
    if (!o.type->binop) continue;
    for (int op : o.ops) {
      const BinopNames* names = nullptr;
      static const int order[] = {kAdd, kSub, kMul, kTrueDiv, kFloorDiv, kRem, kPow, kLshift, kRshift, kAnd, kOr, kXor};
      for (size_t k = 0; k < 12; ++k) {
        if (order[k] == op) names = &binops[k];
      }
      add(o.type, names->name, names->fn);
      // str and bytes take `*` from either side; only `+` and `%` are not reflected.
      bool reflect = o.reflected || (op == kMul && o.type != in.t.list) || (op == kRem && o.type != in.t.list);
      if (reflect) add(o.type, names->rname, names->rfn);
      if (o.inplace) add(o.type, names->iname, names->ifn);
    }
  }
  if (in.t.list->binop) add(in.t.list, "__rmul__", sw_binop<kMul, true>);
  add(in.t.list, "__reversed__", sw_reversed);
  add(in.t.dict, "__reversed__", sw_reversed);
  for (Type* t : in.static_types) {
    if (!t->dict || t->is_exception) continue;
    if (t->length) add(t, "__len__", sw_len);
    if (t->getitem) add(t, "__getitem__", sw_getitem);
    if (t->setitem && t != in.t.type) {
      add(t, "__setitem__", sw_setitem);
      add(t, "__delitem__", sw_delitem);
    }
    if (t->contains) add(t, "__contains__", sw_contains);
    if (t->iter) add(t, "__iter__", sw_iter);
    if (t->next) add(t, "__next__", sw_next);
    if (t->hash && t != in.t.object) add(t, "__hash__", sw_hash);
    if (t->richcompare && t != in.t.object && t != in.t.type) {
      add(t, "__lt__", sw_compare<kLt>);
      add(t, "__le__", sw_compare<kLe>);
      add(t, "__eq__", sw_compare<kEq>);
      add(t, "__ne__", sw_compare<kNe>);
      add(t, "__gt__", sw_compare<kGt>);
      add(t, "__ge__", sw_compare<kGe>);
    }
    if (t->neg) add(t, "__neg__", sw_unary<0>);
    if (t->pos) add(t, "__pos__", sw_unary<1>);
    if (t->invert) add(t, "__invert__", sw_unary<2>);
    if (t->absval) add(t, "__abs__", sw_unary<3>);
  }
}

}  // namespace pylife::runtime
