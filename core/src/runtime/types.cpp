// The interpreter's type objects: object, type, NoneType, functions and
// methods (the descriptor protocol), property/staticmethod/classmethod,
// modules, cells, the exception hierarchy (BaseException tree exactly as
// CPython 3.11's), and classes made by class statements, whose slots call
// the dunder methods the class defines.
#include <algorithm>

#include "object.h"
#include "pylife/unicode.h"

namespace pylife::runtime {

Object* new_iter_of(Interp& in, int kind, Object* seq, Object* extra);

namespace {

std::string address(Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  return buf;
}

Object* none_repr(Interp& in, Object*) { return new_str(in, "None"); }
Object* notimpl_repr(Interp& in, Object*) { return new_str(in, "NotImplemented"); }
Object* ellipsis_repr(Interp& in, Object*) { return new_str(in, "Ellipsis"); }
int false_truth(Interp&, Object*) { return 0; }

bool identity_hash(Interp&, Object* o, int64_t* out) {
  auto v = static_cast<int64_t>(reinterpret_cast<uintptr_t>(o) >> 4);
  *out = v == -1 ? -2 : v;
  return true;
}

Object* object_richcompare(Interp& in, Object* a, Object* b, int op) {
  if (op == kEq) return a == b ? new_bool(in, true) : incref(in.NotImplemented);
  if (op == kNe) {
    // CPython: __ne__ inverts __eq__ when __eq__ is defined.
    Object* r = a->type->richcompare && a->type->richcompare != object_richcompare
                    ? a->type->richcompare(in, a, b, kEq)
                    : (a == b ? new_bool(in, true) : incref(in.NotImplemented));
    if (!r || r == in.NotImplemented) return r;
    int t = truth(in, r);
    decref(r);
    if (t < 0) return nullptr;
    return new_bool(in, !t);
  }
  return incref(in.NotImplemented);
}

Object* object_repr(Interp& in, Object* o) {
  std::string mod;
  if (o->type->heap) {
    Object* m = dict_get_str(o->type->dict, iname(in, "__module__"));
    if (m && is_type(m, in.t.str)) mod = utf8(m) + ".";
  }
  Object* qn = o->type->heap ? dict_get_str(o->type->dict, iname(in, "__qualname__")) : nullptr;
  std::string name = qn && is_type(qn, in.t.str) ? utf8(qn) : o->type->name;
  return new_str(in, "<" + mod + name + " object at " + address(o) + ">");
}

// ---- type ----------------------------------------------------------------------------

std::string type_qualname(Interp& in, Type* t) {
  if (t->heap && t->dict) {
    Object* qn = dict_get_str(t->dict, iname(in, "__qualname__"));
    if (qn && is_type(qn, in.t.str)) return utf8(qn);
  }
  return t->name;
}

Object* type_repr(Interp& in, Object* o) {
  auto* t = static_cast<Type*>(o);
  if (t->heap) {
    Object* m = dict_get_str(t->dict, iname(in, "__module__"));
    std::string mod = m && is_type(m, in.t.str) ? utf8(m) : "builtins";
    if (mod != "builtins") return new_str(in, "<class '" + mod + "." + type_qualname(in, t) + "'>");
  }
  return new_str(in, "<class '" + t->name + "'>");
}

Object* type_getattr(Interp& in, Object* o, StrObj* name) {
  auto* t = static_cast<Type*>(o);
  const std::u32string& n = name->s;
  if (n == U"__name__") {
    std::string s = t->name;
    if (!t->heap) {
      auto dot = s.rfind('.');
      if (dot != std::string::npos) s = s.substr(dot + 1);
    }
    return new_str(in, s);
  }
  if (n == U"__qualname__") return new_str(in, type_qualname(in, t));
  if (n == U"__mro__") {
    std::vector<Object*> items;
    for (Type* m : t->mro) items.push_back(incref(m));
    return new_tuple(in, std::move(items));
  }
  if (n == U"__bases__") {
    std::vector<Object*> items;
    for (Type* b : t->bases) items.push_back(incref(b));
    return new_tuple(in, std::move(items));
  }
  if (n == U"__base__") return incref(t->base ? static_cast<Object*>(t->base) : in.None);
  if (n == U"__dict__") return incref(t->dict);
  if (n == U"__module__" && !t->heap) return new_str(in, "builtins");
  if (n == U"__doc__" && !t->heap) return incref(in.None);
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "type object '" + type_qualname(in, t) + "' has no attribute '" + utf8(name) + "'");
}

Object* type_call(Interp& in, Object* callable, const Args& args) {
  auto* t = static_cast<Type*>(callable);
  if (t == in.t.type && args.npos == 1 && args.nkw() == 0) return incref(args.items[0]->type);
  // A __new__ of the class's own (a static method in a class statement)
  // makes the object, as type.__call__ does: __new__(cls, *args), then
  // __init__ when it returned an instance of cls.
  Object* user_new = nullptr;
  if (t->heap) {
    Object* nw = type_lookup(in, t, "__new__");
    if (nw && nw->type == in.t.staticmethod) user_new = static_cast<WrapperObj*>(nw)->a;
  }
  // Mutable containers are made empty and filled by __init__ (the
  // class's own, or list/dict/set.__init__), as in CPython.
  const bool filled_by_init = t->filled_by_init;
  Object* obj = nullptr;
  // The arguments with the class (or the new object) in front: on the
  // stack for the usual few.
  size_t nargs = args.npos + args.nkw();
  Object* small[8];
  std::vector<Object*> big(nargs + 1 > 8 ? nargs + 1 : 0);
  Object** items = nargs + 1 > 8 ? big.data() : small;
  for (size_t i = 0; i < nargs; ++i) items[i + 1] = args.items[i];
  if (user_new) {
    items[0] = t;
    obj = call(in, user_new, Args{items, args.npos + 1, args.kwnames});
  } else if (t == in.t.type || t->is_subtype(in.t.type)) {
    if (args.npos != 3) return in.raise(in.t.TypeError, "type() takes 1 or 3 arguments");
    obj = build_class_type(in, t, args.items[0], args.items[1], args.items[2], Args{args.items + 3, 0, args.kwnames});
  } else {
    if (!t->create) return in.raise(in.t.TypeError, "cannot create '" + t->name + "' instances");
    obj = t->create(in, t, filled_by_init ? Args{} : args);
  }
  if (!obj || !t->heap || !is_type(obj, t)) return obj;
  Object* init = type_lookup(in, t, "__init__");
  if (init && (init->type != in.t.builtin || filled_by_init)) {
    items[0] = obj;
    Object* r = call(in, init, Args{items, args.npos + 1, args.kwnames});
    if (!r) {
      decref(obj);
      return nullptr;
    }
    if (r != in.None) {
      std::string n = type_name(r);
      decref(r);
      decref(obj);
      return in.raise(in.t.TypeError, "__init__() should return None, not '" + n + "'");
    }
    decref(r);
  } else if (!user_new && !t->is_exception && !t->is_subtype(in.t.type) && (args.npos || args.nkw()) &&
             !type_lookup(in, t, "__new__")) {
    decref(obj);
    return in.raise(in.t.TypeError, type_qualname(in, t) + "() takes no arguments");
  }
  return obj;
}

Object* object_create(Interp& in, Type* type, const Args& args) {
  if (type == in.t.object && (args.npos || args.nkw())) {
    return in.raise(in.t.TypeError, "object() takes no arguments");
  }
  auto* o = in.alloc<InstanceObj>(type);
  if (!type->heap) {
    in.gc_untrack(o);  // object(): nothing to collect
    return o;
  }
  o->dict = new_instance_dict(in);
  return o;
}

// ---- functions, methods, descriptors -----------------------------------------------------

Object* function_repr(Interp& in, Object* o) {
  auto* f = static_cast<FunctionObj*>(o);
  return new_str(in, "<function " + utf8(f->qualname) + " at " + address(o) + ">");
}

Object* function_call(Interp& in, Object* callable, const Args& args) {
  return in.call_function(in, static_cast<FunctionObj*>(callable), args);
}

Object* function_get(Interp& in, Object* descr, Object* obj, Object*) {
  if (!obj || obj == in.None) return incref(descr);
  return new_method(in, descr, obj);
}

// func.__get__(obj, type=None): the function bound to obj.
Object* function_get_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__get__", args, 1, 2)) return nullptr;
  Object* obj = args.items[0];
  if (obj == in.None && (args.npos < 2 || args.items[1] == in.None)) {
    return in.raise(in.t.TypeError, "__get__(None, None) is invalid");
  }
  return function_get(in, self, obj, args.npos > 1 ? args.items[1] : nullptr);
}

// type.mro(): the method resolution order as a list.
Object* type_mro_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "mro", args, 0, 0)) return nullptr;
  std::vector<Object*> items;
  for (Type* m : static_cast<Type*>(self)->mro) items.push_back(incref(m));
  return new_list(in, std::move(items));
}

Object* function_getattr(Interp& in, Object* o, StrObj* name) {
  auto* f = static_cast<FunctionObj*>(o);
  const std::u32string& n = name->s;
  if (n == U"__name__") return incref(f->name);
  if (n == U"__qualname__") return incref(f->qualname);
  if (n == U"__doc__") return incref(f->doc ? f->doc : in.None);
  if (n == U"__module__") return incref(f->module ? f->module : in.None);
  if (n == U"__defaults__") return incref(f->defaults ? f->defaults : in.None);
  if (n == U"__kwdefaults__") return incref(f->kwdefaults ? f->kwdefaults : in.None);
  if (n == U"__closure__") return incref(f->closure ? f->closure : in.None);
  if (n == U"__globals__") return incref(f->globals);
  if (n == U"__code__") return incref(f->code);
  if (n == U"__dict__") {
    if (!f->dict) f->dict = new_dict(in);
    return incref(f->dict);
  }
  if (n == U"__annotations__") {
    if (f->annotations && is_type(f->annotations, in.t.tuple)) {
      // MAKE_FUNCTION stores (name, value, ...) pairs; the dict is made on demand.
      DictObj* d = new_dict(in);
      auto& items = static_cast<TupleObj*>(f->annotations)->items;
      for (size_t i = 0; i + 1 < items.size(); i += 2) dict_set(in, d, items[i], items[i + 1]);
      decref(f->annotations);
      f->annotations = d;
    }
    if (!f->annotations) f->annotations = new_dict(in);
    return incref(f->annotations);
  }
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'function' object has no attribute '" + utf8(name) + "'");
}

int function_setattr(Interp& in, Object* o, StrObj* name, Object* value) {
  auto* f = static_cast<FunctionObj*>(o);
  auto set = [&](Object*& slot) {
    Object* old = slot;
    slot = xincref(value);
    xdecref(old);
    return 0;
  };
  if (name->s == U"__name__") return set(f->name);
  if (name->s == U"__qualname__") return set(f->qualname);
  if (name->s == U"__doc__") return set(f->doc);
  if (name->s == U"__module__") return set(f->module);
  if (name->s == U"__defaults__") return set(f->defaults);
  if (!f->dict) f->dict = new_dict(in);
  if (!value) {
    int r = dict_del(in, f->dict, name);
    if (r == 1) {
      in.raise(in.t.AttributeError, utf8(name));
      return -1;
    }
    return r;
  }
  return dict_set(in, f->dict, name, value);
}

Object* builtin_repr(Interp& in, Object* o) {
  auto* b = static_cast<BuiltinObj*>(o);
  if (b->is_method && !b->self) {
    return new_str(in, "<method '" + b->name + "' of '" + b->owner->name + "' objects>");
  }
  if (b->self && !as_module(b->self)) {
    return new_str(in, "<built-in method " + b->name + " of " + b->self->type->name + " object at " + address(b->self) + ">");
  }
  return new_str(in, "<built-in function " + b->name + ">");
}

Object* builtin_call(Interp& in, Object* callable, const Args& args) {
  auto* b = static_cast<BuiltinObj*>(callable);
  if (b->is_method && !b->self) {
    // An unbound method descriptor: the first argument is self.
    if (args.npos == 0) {
      return in.raise(in.t.TypeError, "unbound method " + b->owner->name + "." + b->name + "() needs an argument");
    }
    if (!b->is_classmethod && !is_type(args.items[0], b->owner)) {
      return in.raise(in.t.TypeError, "descriptor '" + b->name + "' for '" + b->owner->name + "' objects doesn't apply to a '" +
                                          type_name(args.items[0]) + "' object");
    }
    return b->fn(in, args.items[0], Args{args.items + 1, args.npos - 1, args.kwnames});
  }
  return b->fn(in, b->self, args);
}

Object* builtin_get(Interp& in, Object* descr, Object* obj, Object* owner) {
  auto* b = static_cast<BuiltinObj*>(descr);
  if (!b->is_method || b->self) return incref(descr);
  if (b->is_classmethod) {
    Object* r = new_builtin(in, b->name, b->fn, owner);
    static_cast<BuiltinObj*>(r)->owner = b->owner;
    return r;
  }
  if (!obj) return incref(descr);
  Object* r = new_builtin(in, b->name, b->fn, obj);
  static_cast<BuiltinObj*>(r)->owner = b->owner;
  return r;
}

Object* builtin_getattr(Interp& in, Object* o, StrObj* name) {
  auto* b = static_cast<BuiltinObj*>(o);
  if (name->s == U"__name__" || name->s == U"__qualname__") return new_str(in, b->name);
  if (name->s == U"__self__") return incref(b->self ? b->self : in.None);
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'builtin_function_or_method' object has no attribute '" + utf8(name) + "'");
}

Object* method_repr(Interp& in, Object* o) {
  auto* m = static_cast<MethodObj*>(o);
  Object* qn = getattr(in, m->func, "__qualname__");
  if (!qn) return nullptr;
  auto self = repr_utf8(in, m->self);
  std::string q = utf8(qn);
  decref(qn);
  if (!self) return nullptr;
  return new_str(in, "<bound method " + q + " of " + *self + ">");
}

Object* method_call(Interp& in, Object* callable, const Args& args) {
  auto* m = static_cast<MethodObj*>(callable);
  size_t total = args.npos + args.nkw();
  Object* small[8];
  std::vector<Object*> big;
  Object** items = small;
  if (total + 1 > 8) {
    big.resize(total + 1);
    items = big.data();
  }
  items[0] = m->self;
  for (size_t i = 0; i < total; ++i) items[i + 1] = args.items[i];
  return call(in, m->func, Args{items, args.npos + 1, args.kwnames});
}

Object* method_getattr(Interp& in, Object* o, StrObj* name) {
  auto* m = static_cast<MethodObj*>(o);
  if (name->s == U"__self__") return incref(m->self);
  if (name->s == U"__func__") return incref(m->func);
  return getattr(in, m->func, name);
}

Object* method_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_type(b, in.t.method) || (op != kEq && op != kNe)) return incref(in.NotImplemented);
  auto *x = static_cast<MethodObj*>(a), *y = static_cast<MethodObj*>(b);
  bool eq = x->func == y->func && x->self == y->self;
  return new_bool(in, (op == kEq) == eq);
}

Object* wrapper_create(Interp& in, Type* type, const Args& args) {
  auto* w = in.alloc<WrapperObj>(type);
  if (type == in.t.property) {
    Object* a[4];
    if (!parse_args(in, "property", args, {"fget", "fset", "fdel", "doc"}, 0, a)) {
      decref(w);
      return nullptr;
    }
    w->a = xincref(a[0] == in.None ? nullptr : a[0]);
    w->b = xincref(a[1] == in.None ? nullptr : a[1]);
    w->c = xincref(a[2] == in.None ? nullptr : a[2]);
    w->doc = xincref(a[3]);
    return w;
  }
  if (!arg_count(in, type->name, args, 1, 1)) {
    decref(w);
    return nullptr;
  }
  w->a = incref(args.items[0]);
  return w;
}

Object* staticmethod_get(Interp&, Object* descr, Object*, Object*) {
  return incref(static_cast<WrapperObj*>(descr)->a);
}

Object* classmethod_get(Interp& in, Object* descr, Object* obj, Object* owner) {
  Object* cls = owner ? owner : obj->type;
  return new_method(in, static_cast<WrapperObj*>(descr)->a, cls);
}

Object* property_get(Interp& in, Object* descr, Object* obj, Object*) {
  auto* p = static_cast<WrapperObj*>(descr);
  if (!obj) return incref(descr);
  if (!p->a) return in.raise(in.t.AttributeError, "unreadable attribute");
  return call1(in, p->a, obj);
}

template <int kWhich>
Object* property_with(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, kWhich == 0 ? "getter" : kWhich == 1 ? "setter" : "deleter", args, 1, 1)) return nullptr;
  auto* p = static_cast<WrapperObj*>(self);
  auto* w = in.alloc<WrapperObj>(in.t.property);
  w->a = xincref(kWhich == 0 ? args.items[0] : p->a);
  w->b = xincref(kWhich == 1 ? args.items[0] : p->b);
  w->c = xincref(kWhich == 2 ? args.items[0] : p->c);
  w->doc = xincref(p->doc);
  return w;
}

Object* member_get(Interp& in, Object* descr, Object* obj, Object*) {
  auto* m = static_cast<MemberObj*>(descr);
  if (!obj) return incref(descr);
  auto* inst = as_instance(obj);
  if (!inst) {
    return in.raise(in.t.TypeError, "descriptor '" + m->name + "' for '" + m->owner + "' objects doesn't apply to a '" +
                                        type_name(obj) + "' object");
  }
  if (m->index < inst->slots.size() && inst->slots[m->index]) return incref(inst->slots[m->index]);
  return in.raise(in.t.AttributeError, "'" + type_name(obj) + "' object has no attribute '" + m->name + "'");
}

Object* member_repr(Interp& in, Object* o) {
  auto* m = static_cast<MemberObj*>(o);
  return new_str(in, "<member '" + m->name + "' of '" + m->owner + "' objects>");
}

Object* wrapper_getattr(Interp& in, Object* o, StrObj* name) {
  auto* w = static_cast<WrapperObj*>(o);
  if (name->s == U"__doc__" && o->type == in.t.property) {
    if (w->doc) return incref(w->doc);
    if (w->a) return getattr(in, w->a, "__doc__");
    return incref(in.None);
  }
  if (name->s == U"__isabstractmethod__") {
    // A property is abstract when one of its functions is; staticmethod
    // and classmethod ask their function.
    for (Object* f : {w->a, w->b, w->c}) {
      if (!f) continue;
      Object* v = lookup_attr(in, f, name);
      if (!v) {
        if (in.error()) return nullptr;
        continue;
      }
      int t = truth(in, v);
      decref(v);
      if (t < 0) return nullptr;
      if (t) return new_bool(in, true);
      if (o->type != in.t.property) break;
    }
    return new_bool(in, false);
  }
  if (name->s == U"__func__" || name->s == U"fget") return incref(w->a ? w->a : in.None);
  if (name->s == U"fset") return incref(w->b ? w->b : in.None);
  if (name->s == U"fdel") return incref(w->c ? w->c : in.None);
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'" + type_name(o) + "' object has no attribute '" + utf8(name) + "'");
}

// ---- module, cell, code --------------------------------------------------------------------

Object* module_repr(Interp& in, Object* o) {
  auto* m = static_cast<ModuleObj*>(o);
  Object* name = dict_get_str(m->dict, iname(in, "__name__"));
  std::string n = name && is_type(name, in.t.str) ? utf8(name) : "?";
  Object* file = dict_get_str(m->dict, iname(in, "__file__"));
  if (file && is_type(file, in.t.str)) return new_str(in, "<module '" + n + "' from '" + utf8(file) + "'>");
  return new_str(in, "<module '" + n + "' (built-in)>");
}

Object* module_getattr(Interp& in, Object* o, StrObj* name) {
  auto* m = static_cast<ModuleObj*>(o);
  if (Object* v = dict_get_str(m->dict, name)) return incref(v);
  if (name->s == U"__dict__") return incref(m->dict);
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  Object* mn = dict_get_str(m->dict, iname(in, "__name__"));
  return in.raise(in.t.AttributeError, "module '" + (mn ? utf8(mn) : std::string("?")) + "' has no attribute '" + utf8(name) + "'");
}

Object* cell_repr(Interp& in, Object* o) {
  auto* c = static_cast<CellObj*>(o);
  if (!c->ref) return new_str(in, "<cell at " + address(o) + ": empty>");
  return new_str(in, "<cell at " + address(o) + ": " + c->ref->type->name + " object at " + address(c->ref) + ">");
}

Object* cell_getattr(Interp& in, Object* o, StrObj* name) {
  auto* c = static_cast<CellObj*>(o);
  if (name->s == U"cell_contents") {
    if (!c->ref) return in.raise(in.t.ValueError, "Cell is empty");
    return incref(c->ref);
  }
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'cell' object has no attribute '" + utf8(name) + "'");
}

int cell_setattr(Interp& in, Object* o, StrObj* name, Object* value) {
  auto* c = static_cast<CellObj*>(o);
  if (name->s != U"cell_contents") {
    in.raise(in.t.AttributeError, "'cell' object has no attribute '" + utf8(name) + "'");
    return -1;
  }
  Object* old = c->ref;
  c->ref = xincref(value);
  xdecref(old);
  return 0;
}

Object* code_repr(Interp& in, Object* o) {
  auto* c = static_cast<CodeObj*>(o);
  return new_str(in, "<code object " + c->code->name + " at " + address(o) + ", file \"" + c->code->filename + "\", line " +
                         std::to_string(c->code->firstlineno) + ">");
}

// A code object's co_* attributes.
Object* code_getattr(Interp& in, Object* o, StrObj* name) {
  auto* c = static_cast<CodeObj*>(o);
  const compile::CodeObject& co = *c->code;
  const std::u32string& n = name->s;
  auto strings = [&](const std::vector<std::string>& v) {
    std::vector<Object*> items;
    for (const auto& x : v) items.push_back(new_str(in, x));
    return new_tuple(in, std::move(items));
  };
  if (n == U"co_name") return new_str(in, co.name);
  if (n == U"co_qualname") return new_str(in, co.qualname);
  if (n == U"co_filename") return new_str(in, co.filename);
  if (n == U"co_firstlineno") return new_int(in, co.firstlineno);
  if (n == U"co_argcount") return new_int(in, co.argcount);
  if (n == U"co_posonlyargcount") return new_int(in, co.posonlyargcount);
  if (n == U"co_kwonlyargcount") return new_int(in, co.kwonlyargcount);
  if (n == U"co_flags") return new_int(in, co.flags);
  if (n == U"co_stacksize") return new_int(in, co.stacksize);
  if (n == U"co_nlocals") return new_int(in, static_cast<int64_t>(co.varnames.size()));
  if (n == U"co_varnames") return strings(co.varnames);
  if (n == U"co_cellvars") return strings(co.cellvars);
  if (n == U"co_freevars") return strings(co.freevars);
  if (n == U"co_names") return strings(co.names);
  if (n == U"co_consts") {
    std::vector<Object*> items;
    for (Object* k : c->consts) items.push_back(incref(k));
    return new_tuple(in, std::move(items));
  }
  if (n == U"co_code") return new_bytes(in, std::string(co.code.begin(), co.code.end()));
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'code' object has no attribute '" + utf8(name) + "'");
}

// ---- exceptions -----------------------------------------------------------------------------

ExceptionObj* E(Object* o) { return static_cast<ExceptionObj*>(o); }

// OSError(errno, strerror) picks the subclass for the errno, as CPython.
Type* oserror_subclass(Interp& in, Type* type, const Args& args) {
  if (type != in.t.OSError || args.npos < 2 || !is_type(args.items[0], in.t.int_)) return type;
  static const std::pair<int, const char*> kMap[] = {
      {2, "FileNotFoundError"},   {13, "PermissionError"},       {1, "PermissionError"},
      {17, "FileExistsError"},    {20, "NotADirectoryError"},     {21, "IsADirectoryError"},
      {4, "InterruptedError"},    {11, "BlockingIOError"},        {3, "ProcessLookupError"},
      {10, "ChildProcessError"},  {32, "BrokenPipeError"},        {104, "ConnectionResetError"},
      {111, "ConnectionRefusedError"}, {103, "ConnectionAbortedError"}, {110, "TimeoutError"}};
  int64_t e = static_cast<IntObj*>(args.items[0])->small;
  for (auto& [num, name] : kMap) {
    if (num == e) {
      Object* t = dict_get_str(in.builtins, iname(in, name));
      if (t && is_type(t, in.t.type)) return static_cast<Type*>(t);
    }
  }
  return type;
}

}  // namespace

void set_import_error_info(Interp& in, ExceptionObj* e, Object* name, Object* path) {
  if (name) {
    Object* old = e->name;
    e->name = name == in.None ? nullptr : incref(name);
    xdecref(old);
  }
  if (path) {
    if (!e->dict) e->dict = new_dict(in);
    dict_set_str(in, e->dict, "path", incref(path));
  }
}

namespace {

Object* exception_create(Interp& in, Type* type, const Args& args) {
  type = oserror_subclass(in, type, args);
  std::vector<Object*> items;
  for (size_t i = 0; i < args.npos; ++i) items.push_back(incref(args.items[i]));
  bool import_error = type == in.t.ImportError || type->is_subtype(in.t.ImportError);
  if (args.nkw() && !type->heap && !import_error) {
    for (Object* x : items) decref(x);
    return in.raise(in.t.TypeError, type->name + "() takes no keyword arguments");
  }
  auto* e = static_cast<ExceptionObj*>(new_exception(in, type, new_tuple(in, std::move(items))));
  if (import_error) {
    // ImportError(msg, *, name=None, path=None)
    for (size_t i = 0; i < args.nkw(); ++i) {
      std::string k = utf8(args.kwname(i));
      Object* v = args.kwvalue(i);
      if (k == "name" || k == "path") {
        set_import_error_info(in, e, k == "name" ? v : nullptr, k == "path" ? v : nullptr);
      } else if (!type->heap) {
        decref(e);
        return in.raise(in.t.TypeError, "'" + k + "' is an invalid keyword argument for " + type->name + "()");
      }
    }
  }
  return e;
}

Object* exception_repr(Interp& in, Object* o) {
  Object* args = E(o)->args;
  std::string name = o->type->heap ? type_qualname(in, o->type) : o->type->name;
  auto dot = name.rfind('.');
  if (!o->type->heap && dot != std::string::npos) name = name.substr(dot + 1);
  const auto& items = static_cast<TupleObj*>(args)->items;
  if (items.size() == 1) {
    auto r = repr_utf8(in, items[0]);
    if (!r) return nullptr;
    return new_str(in, name + "(" + *r + ")");
  }
  auto r = repr_utf8(in, args);
  if (!r) return nullptr;
  if (items.empty()) return new_str(in, name + "()");
  return new_str(in, name + *r);
}

Object* exception_str_slot(Interp& in, Object* o) {
  const auto& items = static_cast<TupleObj*>(E(o)->args)->items;
  if (items.empty()) return new_str(in, "");
  if (is_type(o, in.t.OSError) && items.size() >= 2 && items.size() <= 3) {
    auto e = str_utf8(in, items[0]);
    auto msg = str_utf8(in, items[1]);
    if (!e || !msg) return nullptr;
    std::string text = "[Errno " + *e + "] " + *msg;
    if (items.size() == 3) {
      auto f = repr_utf8(in, items[2]);
      if (!f) return nullptr;
      text += ": " + *f;
    }
    return new_str(in, text);
  }
  if (items.size() == 1) {
    if (is_type(o, in.t.KeyError)) return repr(in, items[0]);
    return str(in, items[0]);
  }
  // SyntaxError(msg, (filename, lineno, offset, text, end_lineno,
  // end_offset)): "msg (file, line N)" with the file's base name.
  if (is_type(o, in.t.SyntaxError) && items.size() == 2 && is_exact(items[1], in.t.tuple) &&
      static_cast<TupleObj*>(items[1])->items.size() >= 2) {
    const auto& detail = static_cast<TupleObj*>(items[1])->items;
    auto msg = str_utf8(in, items[0]);
    if (!msg) return nullptr;
    std::string text = *msg;
    bool has_file = is_type(detail[0], in.t.str);
    bool has_line = is_type(detail[1], in.t.int_);
    std::string file = has_file ? utf8(detail[0]) : "";
    file = file.substr(file.rfind('/') == std::string::npos ? 0 : file.rfind('/') + 1);
    std::string line = has_line ? *str_utf8(in, detail[1]) : "";
    if (has_file && has_line) text += " (" + file + ", line " + line + ")";
    else if (has_file) text += " (" + file + ")";
    else if (has_line) text += " (line " + line + ")";
    return new_str(in, text);
  }
  return str(in, E(o)->args);
}

Object* exception_getattr(Interp& in, Object* o, StrObj* name) {
  ExceptionObj* e = E(o);
  const std::u32string& n = name->s;
  if (e->dict) {
    if (Object* v = dict_get_str(e->dict, name)) return incref(v);
  }
  const auto& items = static_cast<TupleObj*>(e->args)->items;
  if (n == U"args") return incref(e->args);
  if (n == U"__cause__") return incref(e->cause ? e->cause : in.None);
  if (n == U"__context__") return incref(e->context ? e->context : in.None);
  if (n == U"__suppress_context__") return new_bool(in, e->suppress_context);
  if (n == U"__traceback__") return incref(in.None);
  if (n == U"__dict__") {
    if (!e->dict) e->dict = new_dict(in);
    return incref(e->dict);
  }
  if (n == U"value" && is_type(o, in.t.StopIteration)) return incref(items.empty() ? in.None : items[0]);
  if (n == U"code" && is_type(o, in.t.SystemExit)) {
    if (items.empty()) return incref(in.None);
    return incref(items.size() == 1 ? items[0] : e->args);
  }
  if ((n == U"errno" || n == U"strerror") && is_type(o, in.t.OSError)) {
    if (items.size() >= 2) return incref(items[n == U"errno" ? 0 : 1]);
    return incref(in.None);
  }
  if (n == U"name" && (is_type(o, in.t.NameError) || is_type(o, in.t.ImportError) || is_type(o, in.t.AttributeError))) {
    return incref(e->name ? e->name : in.None);
  }
  if (n == U"obj" && is_type(o, in.t.AttributeError)) return incref(e->obj ? e->obj : in.None);
  if (is_type(o, in.t.ImportError) && (n == U"path" || n == U"msg")) {
    if (n == U"msg") return incref(items.size() == 1 ? items[0] : in.None);
    Object* p = e->dict ? dict_get_str(e->dict, name) : nullptr;
    return incref(p ? p : in.None);
  }
  if (is_type(o, in.t.SyntaxError)) {
    if (n == U"msg") return incref(items.empty() ? in.None : items[0]);
    static const char32_t* const kFields[] = {U"filename", U"lineno", U"offset", U"text", U"end_lineno", U"end_offset"};
    for (size_t i = 0; i < 6; ++i) {
      if (n != kFields[i]) continue;
      if (items.size() == 2 && is_exact(items[1], in.t.tuple) && static_cast<TupleObj*>(items[1])->items.size() > i) {
        return incref(static_cast<TupleObj*>(items[1])->items[i]);
      }
      return incref(in.None);
    }
    if (n == U"print_file_and_line") return incref(in.None);
  }
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'" + type_name(o) + "' object has no attribute '" + utf8(name) + "'");
}

int exception_setattr(Interp& in, Object* o, StrObj* name, Object* value) {
  ExceptionObj* e = E(o);
  auto set = [&](Object*& slot) {
    Object* old = slot;
    slot = value == in.None ? nullptr : xincref(value);
    xdecref(old);
    return 0;
  };
  if (name->s == U"__cause__") {
    e->suppress_context = true;
    return set(e->cause);
  }
  if (name->s == U"__context__") return set(e->context);
  if (name->s == U"__suppress_context__") {
    e->suppress_context = value && truth(in, value) == 1;
    return 0;
  }
  if (name->s == U"args") {
    Object* t = sequence_to_list(in, value);
    if (!t) return -1;
    std::vector<Object*> items = static_cast<ListObj*>(t)->items;
    for (Object* x : items) incref(x);
    decref(t);
    Object* old = e->args;
    e->args = new_tuple(in, std::move(items));
    decref(old);
    return 0;
  }
  if (!e->dict) e->dict = new_dict(in);
  if (!value) return dict_del(in, e->dict, name) == 0 ? 0 : -1;
  return dict_set(in, e->dict, name, value);
}

Object* exception_init(Interp& in, Object* self, const Args& args) {
  std::vector<Object*> items;
  for (size_t i = 0; i < args.npos; ++i) items.push_back(incref(args.items[i]));
  Object* old = E(self)->args;
  E(self)->args = new_tuple(in, std::move(items));
  decref(old);
  return incref(in.None);
}

Object* exception_with_traceback(Interp& in, Object* self, const Args&) { return incref(self ? self : in.None); }

Object* exception_str_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__str__", args, 0, 0)) return nullptr;
  return exception_str_slot(in, self);
}

Object* exception_repr_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__repr__", args, 0, 0)) return nullptr;
  return exception_repr(in, self);
}

Object* object_init(Interp& in, Object*, const Args&) { return incref(in.None); }

Object* object_eq_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__eq__", args, 1, 1)) return nullptr;
  return self == args.items[0] ? new_bool(in, true) : incref(in.NotImplemented);
}

Object* object_repr_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__repr__", args, 0, 0)) return nullptr;
  return object_repr(in, self);
}

Object* object_str_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__str__", args, 0, 0)) return nullptr;
  return repr(in, self);
}

// int.__repr__, str.__str__, ... : the built-in base's own conversion,
// whatever a subclass overrides (what int.__repr__(self) reaches).
Type* builtin_base(Object* self) {
  for (Type* m : self->type->mro) {
    if (!m->heap) return m;
  }
  return nullptr;
}

Object* builtin_repr_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__repr__", args, 0, 0)) return nullptr;
  Type* base = builtin_base(self);
  return base && base->repr ? base->repr(in, self) : object_repr(in, self);
}

Object* builtin_str_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__str__", args, 0, 0)) return nullptr;
  Type* base = builtin_base(self);
  if (base == in.t.str) return new_str(in, utf8(self));  // the text, as a plain str
  if (base && base->str) return base->str(in, self);
  return base && base->repr ? base->repr(in, self) : object_repr(in, self);
}

Object* object_format_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__format__", args, 1, 1)) return nullptr;
  if (!str_view(args.items[0]).empty()) {
    return in.raise(in.t.TypeError, "unsupported format string passed to " + type_name(self) + ".__format__");
  }
  return str(in, self);
}

Object* object_hash_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__hash__", args, 0, 0)) return nullptr;
  int64_t h;
  identity_hash(in, self, &h);
  return new_int(in, h);
}

// Assignment or deletion as object does it: data descriptors, then the
// instance dict, whatever __setattr__/__delattr__ the class defines.
int generic_setattr(Interp& in, Object* o, Object* name, Object* value) {
  Type* t = o->type;
  if (!t->heap) return setattr(in, o, name, value);
  auto fn = t->setattr;
  t->setattr = nullptr;
  int r = setattr(in, o, name, value);
  t->setattr = fn;
  return r;
}

Object* object_delattr_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__delattr__", args, 1, 1)) return nullptr;
  if (!is_type(args.items[0], in.t.str)) {
    return in.raise(in.t.TypeError, "attribute name must be string, not '" + type_name(args.items[0]) + "'");
  }
  if (generic_setattr(in, self, args.items[0], nullptr) < 0) return nullptr;
  return incref(in.None);
}

Object* object_setattr_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__setattr__", args, 2, 2)) return nullptr;
  if (!is_type(args.items[0], in.t.str)) {
    return in.raise(in.t.TypeError, "attribute name must be string, not '" + type_name(args.items[0]) + "'");
  }
  if (generic_setattr(in, self, args.items[0], args.items[1]) < 0) return nullptr;
  return incref(in.None);
}

// object.__getattribute__: the generic lookup, whatever the class overrides.
Object* object_getattribute_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__getattribute__", args, 1, 1)) return nullptr;
  Object* name = args.items[0];
  if (!is_type(name, in.t.str)) {
    return in.raise(in.t.TypeError, "attribute name must be string, not '" + type_name(name) + "'");
  }
  if (str_view(name) == U"__dict__") {
    if (auto* i = as_instance(self); i && i->dict) return incref(i->materialize(in));
  }
  Object* r = generic_lookup(in, self, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'" + type_name(self) + "' object has no attribute '" + utf8(name) + "'");
}

// A class with __getattribute__: every attribute read goes through it,
// and __getattr__ when it raises AttributeError.
Object* heap_getattribute(Interp& in, Object* o, StrObj* name) {
  Object* ga = type_lookup(in, o->type, "__getattribute__");
  Object* r = call2(in, ga, o, name);
  if (r || !in.matches(in.t.AttributeError)) return r;
  if (Object* g = type_lookup(in, o->type, "__getattr__")) {
    in.clear_error();
    return call2(in, g, o, name);
  }
  return nullptr;
}

Object* object_new_method(Interp& in, Object*, const Args& args) {
  if (args.npos < 1 || !is_type(args.items[0], in.t.type)) return in.raise(in.t.TypeError, "object.__new__(X): X is not a type object");
  auto* t = static_cast<Type*>(args.items[0]);
  Type* base = t;
  while (base && base->heap) base = base->base;
  if (base && base->is_exception) {
    return exception_create(in, t, Args{args.items + 1, args.npos - 1, nullptr});
  }
  auto* o = in.alloc<InstanceObj>(t);
  if (t->heap) o->dict = new_instance_dict(in);
  else in.gc_untrack(o);
  return o;
}

// int.__new__, tuple.__new__, ... (cls, *args): an instance of cls (a
// subclass of the built-in type) made as the built-in type makes one;
// what super().__new__(cls, value) reaches in a subclass of int or tuple.
Object* builtin_new_method(Interp& in, Object*, const Args& args) {
  if (args.npos < 1 || !is_type(args.items[0], in.t.type)) {
    return in.raise(in.t.TypeError, "__new__(X): X is not a type object");
  }
  auto* t = static_cast<Type*>(args.items[0]);
  if (!t->create) return in.raise(in.t.TypeError, "cannot create '" + t->name + "' instances");
  return t->create(in, t, Args{args.items + 1, args.npos - 1, args.kwnames});
}

// object.__init_subclass__(cls): nothing, and no keyword arguments.
Object* object_init_subclass(Interp& in, Object* cls, const Args& args) {
  if (args.nkw()) {
    return in.raise(in.t.TypeError, type_qualname(in, static_cast<Type*>(cls)) + ".__init_subclass__() takes no keyword arguments");
  }
  if (args.npos) return in.raise(in.t.TypeError, "__init_subclass__() takes no arguments (" + std::to_string(args.npos) + " given)");
  return incref(in.None);
}

// type.__new__(mcls, name, bases, ns): a new class whose type is mcls.
Object* type_new_method(Interp& in, Object*, const Args& args) {
  if (args.npos < 1 || !is_type(args.items[0], in.t.type)) {
    return in.raise(in.t.TypeError, "type.__new__(X): X is not a type object");
  }
  auto* mcls = static_cast<Type*>(args.items[0]);
  if (!mcls->is_subtype(in.t.type)) {
    return in.raise(in.t.TypeError, "type.__new__(" + mcls->name + "): " + mcls->name + " is not a subtype of type");
  }
  if (args.npos == 2 && mcls == in.t.type) return incref(args.items[1]->type);
  if (args.npos != 4) return in.raise(in.t.TypeError, "type.__new__() takes exactly 3 arguments (" + std::to_string(args.npos - 1) + " given)");
  return build_class_type(in, mcls, args.items[1], args.items[2], args.items[3], Args{args.items + 4, 0, args.kwnames});
}

// type.__call__(cls, *args): what calling a class does (super().__call__
// in a metaclass).
Object* type_call_method(Interp& in, Object* self, const Args& args) {
  if (!is_type(self, in.t.type)) return in.raise(in.t.TypeError, "descriptor '__call__' requires a 'type' object");
  return type_call(in, self, args);
}

// type.__init__(cls, ...): the class is complete already.
Object* type_init_method(Interp& in, Object*, const Args&) { return incref(in.None); }

Object* object_getattr_instance(Interp& in, Object* o, StrObj* name) {
  if (name->s == U"__class__") return incref(o->type);
  if (name->s == U"__dict__" && !o->type->slots_only) {
    if (auto* i = as_instance(o); i && (i->dict || o->type->heap)) {
      if (!i->dict) i->dict = new_instance_dict(in);
      return incref(i->materialize(in));
    }
    if (DictObj** d = instance_attrs(o)) {
      if (!*d) *d = new_dict(in);
      return incref(*d);
    }
  }
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  if (Object* ga = type_lookup(in, o->type, "__getattr__")) return call2(in, ga, o, name);
  return in.raise(in.t.AttributeError, "'" + type_name(o) + "' object has no attribute '" + utf8(name) + "'");
}

// ---- classes: slots that call dunder methods ---------------------------------------------------

Object* dunder(Interp& in, Object* o, const char* name) {
  Object* m = type_lookup(in, o->type, name);
  return m;
}

Object* call_dunder(Interp& in, Object* o, const char* name, Object* arg = nullptr) {
  Object* m = dunder(in, o, name);
  if (!m) return nullptr;
  return arg ? call2(in, m, o, arg) : call1(in, m, o);
}

Object* heap_repr(Interp& in, Object* o) {
  Object* m = dunder(in, o, "__repr__");
  if (!m) return object_repr(in, o);
  return call1(in, m, o);
}

Object* heap_str(Interp& in, Object* o) {
  Object* m = dunder(in, o, "__str__");
  if (!m) return repr(in, o);
  return call1(in, m, o);
}

bool heap_hash(Interp& in, Object* o, int64_t* out) {
  Object* m = dunder(in, o, "__hash__");
  if (!m || m == in.None) {
    if (!m) return identity_hash(in, o, out);
    in.raise(in.t.TypeError, "unhashable type: '" + type_name(o) + "'");
    return false;
  }
  Object* r = call1(in, m, o);
  if (!r) return false;
  if (!is_type(r, in.t.int_)) {
    decref(r);
    in.raise(in.t.TypeError, "__hash__ method should return an integer");
    return false;
  }
  int64_t h;
  r->type->hash(in, r, &h);
  decref(r);
  *out = h;
  return true;
}

const char* const kCompareNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

Object* heap_richcompare(Interp& in, Object* a, Object* b, int op) {
  Object* m = dunder(in, a, kCompareNames[op]);
  if (m && m->type != in.t.builtin) return call2(in, m, a, b);
  if (op == kNe) {
    Object* eq = dunder(in, a, "__eq__");
    if (eq && eq->type != in.t.builtin) {
      Object* r = call2(in, eq, a, b);
      if (!r || r == in.NotImplemented) return r;
      int t = truth(in, r);
      decref(r);
      if (t < 0) return nullptr;
      return new_bool(in, !t);
    }
  }
  Type* base = a->type;
  while (base && base->heap) base = base->base;
  if (base && base->richcompare && base->richcompare != heap_richcompare) return base->richcompare(in, a, b, op);
  return object_richcompare(in, a, b, op);
}

const char* const kBinNames[] = {"add", "and", "floordiv", "lshift", "matmul", "mul", "mod",
                                 "or", "pow", "rshift", "sub", "truediv", "xor"};

Object* heap_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  std::string n = kBinNames[base];
  if (op >= kInplace && a->type->binop == heap_binop) {
    if (Object* m = type_lookup(in, a->type, "__i" + n + "__")) {
      Object* r = call2(in, m, a, b);
      if (!r || r != in.NotImplemented) return r;
      decref(r);
    }
  }
  // A subclass of a's type that overrides the reflected method goes first
  // (CPython's SLOT1BINFULL with method_is_overloaded).
  bool reflected_done = false;
  if (b->type != a->type && b->type->binop == heap_binop && b->type->is_subtype(a->type)) {
    Object* mine = type_lookup(in, b->type, "__r" + n + "__");
    if (mine && mine != type_lookup(in, a->type, "__r" + n + "__")) {
      Object* r = call2(in, mine, b, a);
      if (!r || r != in.NotImplemented) return r;
      decref(r);
      reflected_done = true;
    }
  }
  if (a->type->binop == heap_binop) {
    if (Object* m = type_lookup(in, a->type, "__" + n + "__")) {
      Object* r = call2(in, m, a, b);
      if (!r || r != in.NotImplemented) return r;
      decref(r);
    }
  }
  if (!reflected_done && b->type->binop == heap_binop && b->type != a->type) {
    if (Object* m = type_lookup(in, b->type, "__r" + n + "__")) {
      Object* r = call2(in, m, b, a);
      if (!r || r != in.NotImplemented) return r;
      decref(r);
    }
  }
  return incref(in.NotImplemented);
}

template <int kWhich>
Object* heap_unary(Interp& in, Object* o) {
  static const char* const names[] = {"__neg__", "__pos__", "__invert__", "__abs__"};
  static const char* const syms[] = {"-", "+", "~", "abs()"};
  Object* r = call_dunder(in, o, names[kWhich]);
  if (r || in.error()) return r;
  if (kWhich == 3) return in.raise(in.t.TypeError, "bad operand type for abs(): '" + type_name(o) + "'");
  return in.raise(in.t.TypeError, std::string("bad operand type for unary ") + syms[kWhich] + ": '" + type_name(o) + "'");
}

int heap_truth(Interp& in, Object* o) {
  Object* r = call_dunder(in, o, "__bool__");
  if (r) {
    if (!is_type(r, in.t.bool_)) {
      std::string n = type_name(r);
      decref(r);
      in.raise(in.t.TypeError, "__bool__ should return bool, returned " + n);
      return -1;
    }
    int t = r == in.True;
    decref(r);
    return t;
  }
  if (in.error()) return -1;
  if (dunder(in, o, "__len__")) {
    int64_t n = o->type->length(in, o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int64_t heap_length(Interp& in, Object* o) {
  Object* r = call_dunder(in, o, "__len__");
  if (!r) {
    if (!in.error()) in.raise(in.t.TypeError, "object of type '" + type_name(o) + "' has no len()");
    return -1;
  }
  int64_t n;
  if (!is_type(r, in.t.int_)) {
    in.raise(in.t.TypeError, "'" + type_name(r) + "' object cannot be interpreted as an integer");
    decref(r);
    return -1;
  }
  bool ok = index_value(in, r, &n);
  decref(r);
  if (!ok) return -1;
  if (n < 0) {
    in.raise(in.t.ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

Object* heap_call(Interp& in, Object* callable, const Args& args) {
  Object* m = dunder(in, callable, "__call__");
  if (!m) return in.raise(in.t.TypeError, "'" + type_name(callable) + "' object is not callable");
  std::vector<Object*> items;
  items.push_back(callable);
  for (size_t i = 0; i < args.npos + args.nkw(); ++i) items.push_back(args.items[i]);
  return call(in, m, Args{items.data(), args.npos + 1, args.kwnames});
}

Object* heap_iter(Interp& in, Object* o) {
  Object* m = dunder(in, o, "__iter__");
  if (!m) {
    if (dunder(in, o, "__getitem__")) return new_iter_of(in, IterObj::kSeq, incref(o), nullptr);
    return in.raise(in.t.TypeError, "'" + type_name(o) + "' object is not iterable");
  }
  Object* r = call1(in, m, o);
  if (r && !r->type->next) {
    std::string n = type_name(r);
    decref(r);
    return in.raise(in.t.TypeError, "iter() returned non-iterator of type '" + n + "'");
  }
  return r;
}

Object* heap_next(Interp& in, Object* o) {
  Object* r = call_dunder(in, o, "__next__");
  if (!r && in.matches(in.t.StopIteration)) in.clear_error();
  return r;
}

Object* heap_getitem(Interp& in, Object* o, Object* key) {
  Object* r = call_dunder(in, o, "__getitem__", key);
  if (r || in.error()) return r;
  return in.raise(in.t.TypeError, "'" + type_name(o) + "' object is not subscriptable");
}

int heap_setitem(Interp& in, Object* o, Object* key, Object* value) {
  Object* m = dunder(in, o, value ? "__setitem__" : "__delitem__");
  if (!m) {
    in.raise(in.t.TypeError, "'" + type_name(o) + "' object does not support item " + (value ? "assignment" : "deletion"));
    return -1;
  }
  Object* items[] = {o, key, value};
  Object* r = call(in, m, Args{items, value ? size_t{3} : size_t{2}, nullptr});
  if (!r) return -1;
  decref(r);
  return 0;
}

int heap_contains(Interp& in, Object* o, Object* item) {
  Object* m = dunder(in, o, "__contains__");
  if (!m) {
    Object* it = get_iter(in, o);
    if (!it) return -1;
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
  Object* r = call2(in, m, o, item);
  if (!r) return -1;
  int t = truth(in, r);
  decref(r);
  return t;
}

int heap_setattr(Interp& in, Object* o, StrObj* name, Object* value) {
  Object* m = dunder(in, o, value ? "__setattr__" : "__delattr__");
  if (m && m->type != in.t.builtin) {
    Object* items[] = {o, name, value};
    Object* r = call(in, m, Args{items, value ? size_t{3} : size_t{2}, nullptr});
    if (!r) return -1;
    decref(r);
    return 0;
  }
  return generic_setattr(in, o, name, value);
}

Object* heap_descr_get(Interp& in, Object* descr, Object* obj, Object* owner) {
  Object* m = dunder(in, descr, "__get__");
  if (!m) return incref(descr);
  Object* items[] = {descr, obj ? obj : in.None, owner};
  return call(in, m, Args{items, 3, nullptr});
}

// C3 linearisation of [bases] for a new class.
bool c3_mro(Interp& in, Type* t, std::vector<Type*>& out) {
  for (size_t i = 0; i < t->bases.size(); ++i) {
    for (size_t j = i + 1; j < t->bases.size(); ++j) {
      if (t->bases[i] == t->bases[j]) {
        in.raise(in.t.TypeError, "duplicate base class " + t->bases[i]->name);
        return false;
      }
    }
  }
  std::vector<std::vector<Type*>> seqs;
  for (Type* b : t->bases) seqs.push_back(b->mro);
  seqs.push_back(t->bases);
  out.push_back(t);
  while (true) {
    bool any = false;
    for (auto& s : seqs) any = any || !s.empty();
    if (!any) return true;
    Type* cand = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      Type* head = s[0];
      bool in_tail = false;
      for (auto& s2 : seqs) {
        if (std::find(s2.begin() + (s2.empty() ? 0 : 1), s2.end(), head) != s2.end()) in_tail = true;
      }
      if (!in_tail) {
        cand = head;
        break;
      }
    }
    if (!cand) {
      // mro_error: the heads still to merge, each once.
      std::vector<Type*> heads;
      for (auto& s : seqs) {
        if (!s.empty() && std::find(heads.begin(), heads.end(), s[0]) == heads.end()) heads.push_back(s[0]);
      }
      std::string names;
      for (Type* h : heads) names += (names.empty() ? " " : ", ") + h->name;
      in.raise(in.t.TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases" + names);
      return false;
    }
    out.push_back(cand);
    for (auto& s : seqs) {
      if (!s.empty() && s[0] == cand) s.erase(s.begin());
    }
  }
}

}  // namespace

Interp* interp_of(Type* t) { return t->interp; }

// A class statement's slots from the dunder methods its MRO defines
// (again when one is assigned to the class later, as a decorator does).
void refresh_heap_slots(Interp& in, Type* t) {
  auto has = [&](const char* n) {
    for (Type* m : t->mro) {
      if (m->heap && m->dict && dict_get_str(m->dict, iname(in, n))) return true;
    }
    return false;
  };
  if (has("__repr__")) t->repr = heap_repr;
  if (has("__str__")) t->str = heap_str;
  else if (t->str == nullptr && has("__repr__")) t->str = nullptr;
  if (has("__hash__") || has("__eq__")) t->hash = heap_hash;
  for (const char* n : kCompareNames) {
    if (has(n)) t->richcompare = heap_richcompare;
  }
  for (const char* n : kBinNames) {
    std::string s = n;
    if (has(("__" + s + "__").c_str()) || has(("__r" + s + "__").c_str()) || has(("__i" + s + "__").c_str())) {
      t->binop = heap_binop;
    }
  }
  if (has("__neg__")) t->neg = heap_unary<0>;
  if (has("__pos__")) t->pos = heap_unary<1>;
  if (has("__invert__")) t->invert = heap_unary<2>;
  if (has("__abs__")) t->absval = heap_unary<3>;
  if (has("__bool__") || has("__len__")) t->truth = heap_truth;
  if (has("__len__")) t->length = heap_length;
  if (has("__call__")) t->call = heap_call;
  if (has("__iter__") || has("__getitem__")) t->iter = heap_iter;
  if (has("__next__")) t->next = heap_next;
  if (has("__getitem__")) t->getitem = heap_getitem;
  if (has("__setitem__") || has("__delitem__")) t->setitem = heap_setitem;
  if (has("__contains__")) t->contains = heap_contains;
  if (has("__setattr__") || has("__delattr__")) t->setattr = heap_setattr;
  if (has("__get__")) t->descr_get = heap_descr_get;
  t->has_finalizer = has("__del__");
  // Instances look attributes up as objects do; a metaclass's instances
  // are classes and keep type's lookup (__name__, __mro__, ...).
  if (!t->is_exception && !t->is_subtype(in.t.type)) t->getattr = object_getattr_instance;
  t->custom_getattribute = has("__getattribute__");
  if (t->custom_getattribute) t->getattr = heap_getattribute;
  t->plain_attributes = t->layout == Type::Layout::kInstance && !t->custom_getattribute && !t->slots_only &&
                        t->getattr == object_getattr_instance && !has("__setattr__") && !has("__delattr__");
}

Object* match_keys(Interp& in, Object* subject, Object* keys) {
  const auto& wanted = static_cast<TupleObj*>(keys)->items;
  if (wanted.empty()) return new_tuple(in, {});
  Object* get = getattr(in, subject, "get");
  if (!get) return nullptr;
  // A fresh object marks absent keys (dict.get(key, dummy)).
  Object* dummy = call0(in, in.t.object);
  auto* seen = static_cast<SetObj*>(call0(in, in.t.set));
  std::vector<Object*> values;
  auto done = [&](Object* result) {
    decref(get);
    xdecref(dummy);
    xdecref(seen);
    if (!result) {
      for (Object* v : values) decref(v);
    }
    return result;
  };
  if (!dummy || !seen) return done(nullptr);
  for (Object* key : wanted) {
    int dup = set_contains(in, seen, key);
    if (dup < 0) return done(nullptr);
    if (dup) {
      Object* r = repr(in, key);
      if (r) {
        in.raise(in.t.ValueError, "mapping pattern checks duplicate key (" + utf8(r) + ")");
        decref(r);
      }
      return done(nullptr);
    }
    if (set_add(in, seen, key) < 0) return done(nullptr);
    Object* value = call2(in, get, key, dummy);
    if (!value) return done(nullptr);
    if (value == dummy) {
      decref(value);
      for (Object* v : values) decref(v);
      values.clear();
      return done(incref(in.None));
    }
    values.push_back(value);
  }
  Object* tuple = new_tuple(in, std::move(values));
  values.clear();
  return done(tuple);
}

Object* match_class(Interp& in, Object* subject, Object* type, int nargs, Object* kwargs) {
  if (!is_type(type, in.t.type)) return in.raise(in.t.TypeError, "called match pattern must be a type");
  auto* cls = static_cast<Type*>(type);
  if (!subject->type->is_subtype(cls)) return incref(in.None);
  std::vector<Object*> attrs, seen;
  auto fail = [&]() -> Object* {
    for (Object* a : attrs) decref(a);
    return nullptr;
  };
  // match_class_attr: a name taken twice is an error, a missing attribute
  // a failed match.
  auto attr = [&](Object* name, bool* missing) -> bool {
    for (Object* s : seen) {
      if (str_view(s) == str_view(name)) {
        Object* r = repr(in, name);
        if (r) {
          in.raise(in.t.TypeError, cls->name + "() got multiple sub-patterns for attribute " + utf8(r));
          decref(r);
        }
        return false;
      }
    }
    seen.push_back(name);
    Object* v = lookup_attr(in, subject, name);
    if (!v) {
      if (in.exc) return false;
      *missing = true;
      return true;
    }
    attrs.push_back(v);
    return true;
  };
  if (nargs) {
    bool match_self = false;
    Object* match_args = lookup_attr(in, type, iname(in, "__match_args__"));
    if (!match_args && in.exc) return nullptr;
    int64_t allowed = 0;
    if (match_args) {
      if (!is_exact(match_args, in.t.tuple)) {
        std::string got = type_name(match_args);
        decref(match_args);
        return in.raise(in.t.TypeError, cls->name + ".__match_args__ must be a tuple (got " + got + ")");
      }
      allowed = static_cast<int64_t>(static_cast<TupleObj*>(match_args)->items.size());
    } else {
      // Built-ins such as int(x) match the subject itself.
      match_self = (cls->flags & Type::kMatchSelf) != 0;
      allowed = match_self ? 1 : 0;
    }
    if (allowed < nargs) {
      xdecref(match_args);
      return in.raise(in.t.TypeError, cls->name + "() accepts " + std::to_string(allowed) +
                                          " positional sub-pattern" + (allowed == 1 ? "" : "s") +
                                          " (" + std::to_string(nargs) + " given)");
    }
    if (match_self) {
      attrs.push_back(incref(subject));
    } else {
      for (int i = 0; i < nargs; ++i) {
        Object* name = static_cast<TupleObj*>(match_args)->items[static_cast<size_t>(i)];
        if (!is_exact(name, in.t.str)) {
          decref(match_args);
          in.raise(in.t.TypeError, "__match_args__ elements must be strings (got " + type_name(name) + ")");
          return fail();
        }
        bool missing = false;
        if (!attr(name, &missing)) {
          decref(match_args);
          return fail();
        }
        if (missing) {
          decref(match_args);
          fail();
          return incref(in.None);
        }
      }
    }
    xdecref(match_args);
  }
  for (Object* name : static_cast<TupleObj*>(kwargs)->items) {
    bool missing = false;
    if (!attr(name, &missing)) return fail();
    if (missing) {
      fail();
      return incref(in.None);
    }
  }
  return new_tuple(in, std::move(attrs));
}

Type* calculate_metaclass(Interp& in, Type* meta, Object* bases) {
  Type* winner = meta;
  for (Object* b : static_cast<TupleObj*>(bases)->items) {
    Type* bt = b->type;
    if (winner->is_subtype(bt)) continue;
    if (bt->is_subtype(winner)) {
      winner = bt;
      continue;
    }
    in.raise(in.t.TypeError,
             "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
             "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

Object* build_class_type(Interp& in, Object* metatype, Object* name, Object* bases, Object* ns, const Args& kw) {
  if (!is_type(name, in.t.str)) return in.raise(in.t.TypeError, "type() argument 1 must be str, not " + type_name(name));
  if (!is_type(bases, in.t.tuple)) return in.raise(in.t.TypeError, "type.__new__() argument 2 must be tuple, not " + type_name(bases));
  if (!is_type(ns, in.t.dict)) return in.raise(in.t.TypeError, "type.__new__() argument 3 must be dict, not " + type_name(ns));
  if (!calculate_metaclass(in, static_cast<Type*>(metatype), bases)) return nullptr;
  auto* t = in.alloc<Type>(static_cast<Type*>(metatype));
  t->interp = &in;
  t->name = utf8(name);
  t->heap = true;
  t->instance_dict = true;
  for (Object* b : static_cast<TupleObj*>(bases)->items) {
    if (!is_type(b, in.t.type)) {
      decref(t);
      return in.raise(in.t.TypeError, "bases must be types");
    }
    auto* bt = static_cast<Type*>(b);
    if (!bt->basetype) {
      decref(t);
      return in.raise(in.t.TypeError, "type '" + bt->name + "' is not an acceptable base type");
    }
    t->bases.push_back(static_cast<Type*>(incref(b)));
  }
  if (t->bases.empty()) t->bases.push_back(static_cast<Type*>(incref(in.t.object)));
  t->base = t->bases[0];
  std::vector<Type*> mro;
  if (!c3_mro(in, t, mro)) {
    decref(t);
    return nullptr;
  }
  t->mro = std::move(mro);
  // The nearest built-in base decides the instance layout.
  Type* solid = nullptr;
  for (Type* m : t->mro) {
    if (!m->heap) {
      solid = m;
      break;
    }
  }
  for (Type* m : t->mro) {
    if (!m->heap && m != in.t.object) {
      solid = m;
      break;
    }
  }
  t->is_exception = solid->is_exception;
  t->layout = solid == in.t.object ? Type::Layout::kInstance : solid->layout;
  t->create = solid->create;
  t->repr = solid->repr;
  t->str = solid->str;
  t->hash = solid->hash;
  t->richcompare = solid->richcompare;
  t->binop = solid->binop;
  t->neg = solid->neg;
  t->pos = solid->pos;
  t->invert = solid->invert;
  t->absval = solid->absval;
  t->truth = solid->truth;
  t->length = solid->length;
  t->call = solid->call;
  t->iter = solid->iter;
  t->next = solid->next;
  t->getitem = solid->getitem;
  t->setitem = solid->setitem;
  t->contains = solid->contains;
  // The layout bits are not inherited (allocation sets them): instances
  // of a class statement with a non-container base get stand-ins
  // (gc_plain_born).
  t->flags = (solid->flags | t->base->flags) & ~(Type::kNoGc | Type::kHaveGc);
  t->filled_by_init = t->is_subtype(in.t.list) || t->is_subtype(in.t.dict) || t->is_subtype(in.t.set);
  t->slot_count = t->base->slot_count;
  t->getattr = solid->getattr;
  t->setattr = solid->setattr;
  if (solid == in.t.object) t->create = object_create;
  t->dict = new_dict(in);
  for (auto& e : static_cast<DictObj*>(ns)->entries) {
    if (e.key) dict_set(in, t->dict, e.key, e.value);
  }
  if (!dict_get_str(t->dict, iname(in, "__qualname__"))) dict_set_str(in, t->dict, "__qualname__", incref(name));
  if (!dict_get_str(t->dict, iname(in, "__doc__"))) dict_set_str(in, t->dict, "__doc__", incref(in.None));
  // __abc_tpflags__ (how collections.abc marks sequences and mappings for
  // `match`): taken as flags and removed, as abc's _abc_init does.
  if (Object* fl = dict_get_str(t->dict, iname(in, "__abc_tpflags__"))) {
    if (is_type(fl, in.t.int_) && !static_cast<IntObj*>(fl)->big) {
      t->flags |= static_cast<unsigned>(static_cast<IntObj*>(fl)->small) & (Type::kSequence | Type::kMapping);
    }
    Object* key = intern(in, "__abc_tpflags__");
    dict_del(in, t->dict, key);
    decref(key);
  }
  // __eq__ without __hash__ makes instances unhashable.
  if (dict_get_str(t->dict, iname(in, "__eq__")) && !dict_get_str(t->dict, iname(in, "__hash__"))) {
    dict_set_str(in, t->dict, "__hash__", incref(in.None));
  }
  // __slots__: a name or an iterable of names.
  if (Object* sl = dict_get_str(t->dict, iname(in, "__slots__"))) {
    std::vector<Object*> names;
    if (is_type(sl, in.t.str)) {
      names.push_back(sl);
    } else if (is_type(sl, in.t.tuple) || is_type(sl, in.t.list)) {
      for (Object* n : seq_items(sl)) names.push_back(n);
    }
    for (Object* n : names) {
      if (!is_type(n, in.t.str)) {
        decref(t);
        return in.raise(in.t.TypeError, "__slots__ items must be strings, not '" + type_name(n) + "'");
      }
      t->slots.push_back(utf8(n));
    }
    // Each name becomes a member_descriptor for an instance slot, after
    // the base classes' slots.
    t->slot_count = t->base ? t->base->slot_count : 0;
    if (t->layout == Type::Layout::kInstance) {
      for (Object* n : names) {
        std::string sn = utf8(n);
        if (sn == "__dict__" || sn == "__weakref__") continue;
        if (dict_get_str(t->dict, n)) {
          decref(t);
          return in.raise(in.t.ValueError, "'" + sn + "' in __slots__ conflicts with class variable");
        }
        auto* m = in.alloc<MemberObj>(in.t.member_descriptor);
        m->name = sn;
        m->owner = utf8(name);
        m->index = t->slot_count++;
        dict_set(in, t->dict, n, m);
        decref(m);
      }
    }
    bool only = std::find(t->slots.begin(), t->slots.end(), "__dict__") == t->slots.end();
    for (size_t i = 1; i < t->mro.size() && only; ++i) {
      Type* m = t->mro[i];
      if (m == in.t.object) break;
      only = m->heap && m->slots_only;
    }
    t->slots_only = only;
  }
  // __new__ is a static method implicitly.
  if (Object* nw = dict_get_str(t->dict, iname(in, "__new__")); nw && nw->type == in.t.function) {
    auto* w = in.alloc<WrapperObj>(in.t.staticmethod);
    w->a = incref(nw);
    dict_set_str(in, t->dict, "__new__", w);
  }
  refresh_heap_slots(in, t);
  if (Object* cell = dict_get_str(t->dict, iname(in, "__classcell__"))) {
    if (is_type(cell, in.t.cell)) {
      auto* c = static_cast<CellObj*>(cell);
      Object* old = c->ref;
      c->ref = incref(t);
      xdecref(old);
    }
    Object* key = intern(in, "__classcell__");
    dict_del(in, t->dict, key);
    decref(key);
  }
  // __set_name__ and __init_subclass__.
  auto entries = t->dict->entries;
  for (auto& e : entries) {
    if (!e.key) continue;
    if (Object* sn = type_lookup(in, e.value->type, "__set_name__")) {
      Object* items[] = {e.value, t, e.key};
      Object* r = call(in, sn, Args{items, 3, nullptr});
      if (!r) {
        decref(t);
        return nullptr;
      }
      decref(r);
    }
  }
  // super(t, t).__init_subclass__(**kw).
  for (size_t i = 1; i < t->mro.size(); ++i) {
    Type* m = t->mro[i];
    if (!m->heap) {
      if (kw.nkw()) {
        decref(t);
        return in.raise(in.t.TypeError, type_qualname(in, t) + ".__init_subclass__() takes no keyword arguments");
      }
      break;
    }
    if (Object* is = dict_get_str(m->dict, iname(in, "__init_subclass__"))) {
      Object* fn = is->type == in.t.classmethod ? static_cast<WrapperObj*>(is)->a : is;
      std::vector<Object*> items = {t};
      for (size_t k = 0; k < kw.nkw(); ++k) items.push_back(kw.kwvalue(k));
      Object* r = call(in, fn, Args{items.data(), 1, kw.kwnames});
      if (!r) {
        decref(t);
        return nullptr;
      }
      decref(r);
      break;
    }
  }
  return t;
}

std::string exception_str(Interp& in, Object* exc) {
  Object* s = str(in, exc);
  if (!s) {
    in.clear_error();
    return "<exception str() failed>";
  }
  std::string r = utf8(s);
  decref(s);
  return r;
}

void init_object_types(Interp& in) {
  Types& t = in.t;
  t.type = new_static_type(in, "type", nullptr);
  t.type->type = t.type;
  incref(t.type);
  t.object = new_static_type(in, "object", nullptr);
  t.type->base = t.object;
  t.type->bases.push_back(static_cast<Type*>(incref(t.object)));
  t.type->mro.push_back(t.object);
  auto make = [&](const char* name, Type* base = nullptr) { return new_static_type(in, name, base ? base : t.object); };
  t.none = make("NoneType");
  t.notimpl = make("NotImplementedType");
  t.ellipsis = make("ellipsis");
  t.int_ = make("int");
  t.bool_ = make("bool", t.int_);
  t.object->layout = Type::Layout::kOther;
  t.float_ = make("float");
  t.complex = make("complex");
  t.str = make("str");
  t.str->layout = Type::Layout::kStr;
  t.bytes = make("bytes");
  t.tuple = make("tuple");
  t.tuple->layout = Type::Layout::kTuple;
  t.list = make("list");
  t.dict = make("dict");
  t.set = make("set");
  t.frozenset = make("frozenset");
  t.range = make("range");
  t.slice = make("slice");
  t.cell = make("cell");
  t.code = make("code");
  t.function = make("function");
  t.function->layout = Type::Layout::kFunction;
  t.builtin = make("builtin_function_or_method");
  t.method = make("method");
  t.module = make("module");
  t.module->layout = Type::Layout::kModule;
  t.iter = make("iterator");
  t.dict_keys = make("dict_keys");
  t.dict_values = make("dict_values");
  t.dict_items = make("dict_items");
  t.staticmethod = make("staticmethod");
  t.classmethod = make("classmethod");
  t.property = make("property");
  t.member_descriptor = make("member_descriptor");
  for (Type* seq : {t.list, t.tuple, t.range}) seq->flags |= Type::kSequence;
  t.dict->flags |= Type::kMapping;
  for (Type* self : {t.bool_, t.bytes, t.dict, t.float_, t.frozenset, t.int_, t.list, t.set, t.str, t.tuple}) {
    self->flags |= Type::kMatchSelf;
  }
}

void init_object_slots(Interp& in) {
  Types& t = in.t;
  t.object->repr = object_repr;
  t.object->hash = identity_hash;
  t.object->richcompare = object_richcompare;
  t.object->create = object_create;
  add_method(in, t.object, "__init__", object_init);
  add_method(in, t.object, "__eq__", object_eq_method);
  add_method(in, t.object, "__repr__", object_repr_method);
  add_method(in, t.object, "__str__", object_str_method);
  add_method(in, t.object, "__format__", object_format_method);
  add_method(in, t.object, "__hash__", object_hash_method);
  add_method(in, t.object, "__setattr__", object_setattr_method);
  add_method(in, t.object, "__delattr__", object_delattr_method);
  add_method(in, t.object, "__getattribute__", object_getattribute_method);
  add_method(in, t.object, "__new__", object_new_method, true);
  add_method(in, t.object, "__init_subclass__", object_init_subclass, true);
  for (Type* b : {t.int_, t.float_, t.complex, t.str, t.bytes, t.tuple, t.frozenset, t.list, t.dict, t.set}) {
    add_method(in, b, "__new__", builtin_new_method, true);
    add_method(in, b, "__repr__", builtin_repr_method);
    add_method(in, b, "__str__", builtin_str_method);
  }
  add_method(in, t.type, "__new__", type_new_method, true);
  add_method(in, t.type, "__call__", type_call_method);
  add_method(in, t.type, "__init__", type_init_method);
  add_method(in, t.type, "mro", type_mro_method);
  add_method(in, t.function, "__get__", function_get_method);
  t.type->repr = type_repr;
  t.type->call = type_call;
  t.type->getattr = type_getattr;
  t.type->hash = identity_hash;
  t.type->richcompare = object_richcompare;
  t.none->repr = none_repr;
  t.none->truth = false_truth;
  t.none->hash = identity_hash;
  t.none->basetype = false;
  t.notimpl->repr = notimpl_repr;
  t.notimpl->hash = identity_hash;
  t.ellipsis->hash = identity_hash;
  t.ellipsis->repr = ellipsis_repr;
  t.function->repr = function_repr;
  t.function->call = function_call;
  t.function->descr_get = function_get;
  t.member_descriptor->descr_get = member_get;
  t.member_descriptor->repr = member_repr;
  t.member_descriptor->basetype = false;
  t.function->getattr = function_getattr;
  t.function->setattr = function_setattr;
  t.builtin->repr = builtin_repr;
  t.builtin->call = builtin_call;
  t.builtin->descr_get = builtin_get;
  t.builtin->getattr = builtin_getattr;
  t.method->repr = method_repr;
  t.method->call = method_call;
  t.method->getattr = method_getattr;
  t.method->richcompare = method_compare;
  t.module->repr = module_repr;
  t.module->getattr = module_getattr;
  t.cell->repr = cell_repr;
  t.cell->getattr = cell_getattr;
  t.cell->setattr = cell_setattr;
  t.code->repr = code_repr;
  t.code->getattr = code_getattr;
  for (Type* w : {t.staticmethod, t.classmethod, t.property}) {
    w->create = wrapper_create;
    w->getattr = wrapper_getattr;
  }
  t.staticmethod->descr_get = staticmethod_get;
  t.classmethod->descr_get = classmethod_get;
  t.property->descr_get = property_get;
  add_method(in, t.property, "getter", property_with<0>);
  add_method(in, t.property, "setter", property_with<1>);
  add_method(in, t.property, "deleter", property_with<2>);
}

void init_exception_types(Interp& in) {
  Types& t = in.t;
  t.BaseException = new_static_type(in, "BaseException", t.object);
  Type* b = t.BaseException;
  b->is_exception = true;
  b->layout = Type::Layout::kException;
  b->create = exception_create;
  b->repr = exception_repr;
  b->str = exception_str_slot;
  b->getattr = exception_getattr;
  b->setattr = exception_setattr;
  add_method(in, b, "__init__", exception_init);
  add_method(in, b, "with_traceback", exception_with_traceback);
  add_method(in, b, "__str__", exception_str_method);
  add_method(in, b, "__repr__", exception_repr_method);
  auto make = [&](const char* name, Type* base) {
    Type* e = new_static_type(in, name, base);
    dict_set_str(in, in.builtins, name, incref(e));
    return e;
  };
  dict_set_str(in, in.builtins, "BaseException", incref(b));
  t.SystemExit = make("SystemExit", b);
  t.KeyboardInterrupt = make("KeyboardInterrupt", b);
  t.GeneratorExit = make("GeneratorExit", b);
  t.Exception = make("Exception", b);
  Type* e = t.Exception;
  t.StopIteration = make("StopIteration", e);
  t.StopAsyncIteration = make("StopAsyncIteration", e);
  t.ArithmeticError = make("ArithmeticError", e);
  t.FloatingPointError = make("FloatingPointError", t.ArithmeticError);
  t.OverflowError = make("OverflowError", t.ArithmeticError);
  t.ZeroDivisionError = make("ZeroDivisionError", t.ArithmeticError);
  t.AssertionError = make("AssertionError", e);
  t.AttributeError = make("AttributeError", e);
  t.BufferError = make("BufferError", e);
  t.EOFError = make("EOFError", e);
  t.ImportError = make("ImportError", e);
  t.ModuleNotFoundError = make("ModuleNotFoundError", t.ImportError);
  t.LookupError = make("LookupError", e);
  t.IndexError = make("IndexError", t.LookupError);
  t.KeyError = make("KeyError", t.LookupError);
  t.MemoryError = make("MemoryError", e);
  t.NameError = make("NameError", e);
  t.UnboundLocalError = make("UnboundLocalError", t.NameError);
  t.OSError = make("OSError", e);
  dict_set_str(in, in.builtins, "IOError", incref(t.OSError));
  dict_set_str(in, in.builtins, "EnvironmentError", incref(t.OSError));
  for (const char* n : {"BlockingIOError", "ChildProcessError", "FileExistsError", "InterruptedError", "IsADirectoryError",
                        "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError"}) {
    Type* x = make(n, t.OSError);
    decref(x);
  }
  t.FileNotFoundError = make("FileNotFoundError", t.OSError);
  Type* conn = make("ConnectionError", t.OSError);
  for (const char* n : {"BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError"}) {
    decref(make(n, conn));
  }
  decref(conn);
  t.ReferenceError = make("ReferenceError", e);
  t.RuntimeError = make("RuntimeError", e);
  t.NotImplementedError = make("NotImplementedError", t.RuntimeError);
  t.RecursionError = make("RecursionError", t.RuntimeError);
  t.SyntaxError = make("SyntaxError", e);
  t.IndentationError = make("IndentationError", t.SyntaxError);
  t.TabError = make("TabError", t.IndentationError);
  t.SystemError = make("SystemError", e);
  t.TypeError = make("TypeError", e);
  t.ValueError = make("ValueError", e);
  t.UnicodeError = make("UnicodeError", t.ValueError);
  t.UnicodeDecodeError = make("UnicodeDecodeError", t.UnicodeError);
  t.UnicodeEncodeError = make("UnicodeEncodeError", t.UnicodeError);
  decref(make("UnicodeTranslateError", t.UnicodeError));
  t.Warning = make("Warning", e);
  t.UserWarning = make("UserWarning", t.Warning);
  t.DeprecationWarning = make("DeprecationWarning", t.Warning);
  t.RuntimeWarning = make("RuntimeWarning", t.Warning);
  for (const char* n : {"BytesWarning", "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning",
                        "ResourceWarning", "SyntaxWarning", "UnicodeWarning"}) {
    decref(make(n, t.Warning));
  }
}

Object* iter_next_keeping_stop(Interp& in, Object* it) {
  if (it->type->next != heap_next) return iter_next(in, it);
  // pylife's own library stands in for CPython's C code, whose iterators
  // end without an exception.
  Object* m = type_lookup(in, it->type, "__next__");
  if (m && m->type == in.t.function &&
      static_cast<FunctionObj*>(m)->code->code->filename.rfind("<pylife>/", 0) == 0) {
    return iter_next(in, it);
  }
  return call_dunder(in, it, "__next__");
}

}  // namespace pylife::runtime
