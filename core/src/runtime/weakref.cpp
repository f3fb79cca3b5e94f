// Weak references (CPython's Objects/weakrefobject.c) and the _weakref
// module under weakref.py: a reference that does not keep its object
// alive, cleared (its callback called) when the object is destroyed or
// found to be garbage by the collector.  The references to an object are
// kept by the interpreter (GcState::weakrefs), so objects carry no list
// of their own; GcObject::kWeakrefs says there is one.
#include <algorithm>
#include <cstdio>

#include "object.h"

namespace pylife::runtime {

namespace {

struct WeakRefObj : GcObject {
  Object* referent = nullptr;  // borrowed; null once it is gone
  Object* callback = nullptr;
  int64_t hash_cache = -1;
  ~WeakRefObj() override;
  void referents(std::vector<Object*>& out) const override {
    if (callback) out.push_back(callback);
  }
  void clear(Interp& in) override {
    weakref_kill(in, this);
    Object* cb = callback;
    callback = nullptr;
    xdecref(cb);
  }
};

WeakRefObj* W(Object* o) { return static_cast<WeakRefObj*>(o); }

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

// Objects that can be weakly referenced (those with tp_weaklistoffset in
// CPython): instances of class statements (unless __slots__ leaves
// __weakref__ out), functions, built-in functions, methods, classes,
// sets, generators, modules.
bool weakrefable(Interp& in, Object* o) {
  if (!(o->type->flags & Type::kHaveGc)) return false;
  Type* t = o->type;
  if (t->heap) {
    for (Type* m : t->mro) {
      if (m->heap && std::find(m->slots.begin(), m->slots.end(), "__weakref__") != m->slots.end()) return true;
    }
    return !t->slots_only;
  }
  for (Type* ok : {in.t.function, in.t.builtin, in.t.method, in.t.type, in.t.set, in.t.frozenset,
                   in.t.generator, in.t.coroutine, in.t.async_generator, in.t.module}) {
    if (t == ok) return true;
  }
  return t->is_subtype(in.t.type);
}

Object* weakref_create(Interp& in, Type* type, const Args& args) {
  if (!no_kwargs(in, type->name, args) || !arg_count(in, "__new__", args, 1, 2)) return nullptr;
  Object* o = args.items[0];
  Object* cb = args.npos > 1 && args.items[1] != in.None ? args.items[1] : nullptr;
  if (!weakrefable(in, o)) {
    return in.raise(in.t.TypeError, "cannot create weak reference to '" + type_name(o) + "' object");
  }
  auto& list = in.gc.weakrefs[o];
  bool basic = !list.empty() && list[0]->type == in.t.weakref && !W(list[0])->callback;
  if (!cb && basic && type == in.t.weakref) return incref(list[0]);
  auto* wr = in.alloc<WeakRefObj>(type);
  wr->referent = o;
  wr->callback = xincref(cb);
  // CPython's list order: the plain ref first, then callbacks newest first.
  if (!cb && type == in.t.weakref) list.insert(list.begin(), wr);
  else list.insert(list.begin() + (basic ? 1 : 0), wr);
  static_cast<GcObject*>(o)->gc_bits |= GcObject::kWeakrefs;
  return wr;
}

Object* weakref_call(Interp& in, Object* self, const Args& args) {
  if (!no_kwargs(in, "weakref", args) || !arg_count(in, "weakref", args, 0, 0)) return nullptr;
  return incref(W(self)->referent ? W(self)->referent : in.None);
}

Object* weakref_repr(Interp& in, Object* self) {
  Object* r = W(self)->referent;
  std::string s = "<weakref at " + address(self) + "; ";
  if (!r) return new_str(in, s + "dead>");
  s += "to '" + r->type->name + "' at " + address(r);
  Object* name = lookup_attr(in, r, iname(in, "__name__"));
  if (in.error()) in.clear_error();
  if (name && is_type(name, in.t.str)) s += " (" + utf8(name) + ")";
  xdecref(name);
  return new_str(in, s + ">");
}

bool weakref_hash(Interp& in, Object* self, int64_t* out) {
  WeakRefObj* w = W(self);
  if (w->hash_cache != -1) {
    *out = w->hash_cache;
    return true;
  }
  if (!w->referent) {
    in.raise(in.t.TypeError, "weak object has gone away");
    return false;
  }
  if (!hash(in, w->referent, out)) return false;
  w->hash_cache = *out;
  return true;
}

Object* weakref_richcompare(Interp& in, Object* a, Object* b, int op) {
  if ((op != kEq && op != kNe) || !is_type(b, in.t.weakref)) return incref(in.NotImplemented);
  Object *ra = W(a)->referent, *rb = W(b)->referent;
  if (!ra || !rb) return new_bool(in, (a == b) == (op == kEq));
  return compare(in, ra, rb, op);
}

Object* weakref_getattr(Interp& in, Object* self, StrObj* name) {
  if (name->s == U"__callback__") return incref(W(self)->callback ? W(self)->callback : in.None);
  if (Object* r = generic_lookup(in, self, name); r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'" + type_name(self) + "' object has no attribute '" + utf8(name) + "'");
}

Object* getweakrefcount(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "getweakrefcount", args, 1, 1)) return nullptr;
  auto it = in.gc.weakrefs.find(args.items[0]);
  return new_int(in, it == in.gc.weakrefs.end() ? 0 : static_cast<int64_t>(it->second.size()));
}

Object* getweakrefs(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "getweakrefs", args, 1, 1)) return nullptr;
  std::vector<Object*> out;
  if (auto it = in.gc.weakrefs.find(args.items[0]); it != in.gc.weakrefs.end()) {
    for (Object* w : it->second) out.push_back(incref(w));
  }
  return new_list(in, std::move(out));
}

WeakRefObj::~WeakRefObj() {
  if (referent) weakref_kill(*type->interp, this);
  xdecref(callback);
}

}  // namespace

Object* weakref_callback(Object* wr) { return W(wr)->callback; }

void weakref_kill(Interp& in, Object* wr) {
  WeakRefObj* w = W(wr);
  if (!w->referent) return;
  auto it = in.gc.weakrefs.find(w->referent);
  if (it != in.gc.weakrefs.end()) {
    auto& list = it->second;
    list.erase(std::remove(list.begin(), list.end(), wr), list.end());
    if (list.empty()) {
      static_cast<GcObject*>(w->referent)->gc_bits &= ~GcObject::kWeakrefs;
      in.gc.weakrefs.erase(it);
    }
  }
  w->referent = nullptr;
}

std::vector<Object*> weakrefs_clear(Interp& in, GcObject* o, bool call_callbacks) {
  o->gc_bits &= ~GcObject::kWeakrefs;
  auto it = in.gc.weakrefs.find(o);
  if (it == in.gc.weakrefs.end()) return {};
  std::vector<Object*> list = std::move(it->second);
  in.gc.weakrefs.erase(it);
  for (Object* w : list) W(w)->referent = nullptr;
  if (!call_callbacks) return list;
  // PyObject_ClearWeakRefs: every reference cleared first, then each
  // callback called once with its (dead) reference.
  std::vector<std::pair<Object*, Object*>> calls;
  for (Object* w : list) {
    if (W(w)->callback && w->refcnt > 0) {
      calls.emplace_back(incref(w), W(w)->callback);
      W(w)->callback = nullptr;
    }
  }
  for (auto& [w, cb] : calls) {
    call_unraisable(in, cb, w);
    decref(cb);
    decref(w);
  }
  return {};
}

void init_weakref_module(Interp& in) {
  Type* t = new_static_type(in, "weakref.ReferenceType", in.t.object);
  t->interp = &in;
  t->create = weakref_create;
  t->call = [](Interp& in, Object* self, const Args& args) { return weakref_call(in, self, args); };
  t->repr = weakref_repr;
  t->hash = weakref_hash;
  t->richcompare = weakref_richcompare;
  t->getattr = weakref_getattr;
  in.t.weakref = t;
  ModuleObj* mod = make_module(in, "_weakref");
  dict_set_str(in, mod->dict, "ref", incref(t));
  dict_set_str(in, mod->dict, "ReferenceType", incref(t));
  dict_set_str(in, mod->dict, "getweakrefcount", new_builtin(in, "getweakrefcount", getweakrefcount, mod));
  dict_set_str(in, mod->dict, "getweakrefs", new_builtin(in, "getweakrefs", getweakrefs, mod));
  decref(mod);
}

}  // namespace pylife::runtime
