// The atexit module (CPython's Modules/atexitmodule.c): callbacks kept by
// the interpreter, run last-registered first when the program ends.
#include "../vm/frame.h"

namespace pylife::vm {

namespace {

using Callback = AtexitCallback;

std::vector<Callback>& callbacks(Interp& in) { return in.atexit_callbacks; }

Object* atexit_register(Interp& in, Object*, const Args& args) {
  if (args.npos < 1) return in.raise(in.t.TypeError, "register() takes at least 1 argument (0 given)");
  Object* func = args.items[0];
  if (!func->type->call && !is_type(func, in.t.type)) {
    return in.raise(in.t.TypeError, "the first argument must be callable");
  }
  std::vector<Object*> rest;
  for (size_t i = 1; i < args.npos; ++i) rest.push_back(incref(args.items[i]));
  Object* kw = nullptr;
  if (args.nkw()) {
    DictObj* d = new_dict(in);
    for (size_t i = 0; i < args.nkw(); ++i) dict_set(in, d, args.kwname(i), args.kwvalue(i));
    kw = d;
  }
  callbacks(in).push_back({incref(func), new_tuple(in, std::move(rest)), kw});
  return incref(func);
}

Object* atexit_unregister(Interp& in, Object*, const Args& args) {
  if (args.npos != 1) return in.raise(in.t.TypeError, "unregister() takes exactly one argument");
  auto& list = callbacks(in);
  for (size_t i = 0; i < list.size();) {
    int eq = list[i].func == args.items[0] ? 1 : compare_bool(in, list[i].func, args.items[0], kEq);
    if (eq < 0) return nullptr;
    if (eq) {
      Callback c = list[i];
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
      c.release();
    } else {
      ++i;
    }
  }
  return incref(in.None);
}

Object* atexit_run(Interp& in, Object*, const Args&) {
  run_atexit_callbacks(in);
  return incref(in.None);
}

Object* atexit_clear(Interp& in, Object*, const Args&) {
  auto list = std::move(callbacks(in));
  callbacks(in).clear();
  for (const auto& c : list) c.release();
  return incref(in.None);
}

Object* atexit_ncallbacks(Interp& in, Object*, const Args&) {
  return new_int(in, static_cast<int64_t>(callbacks(in).size()));
}

}  // namespace

void run_atexit_callbacks(Interp& in) {
  // Last registered first; each is removed before it runs.
  while (!callbacks(in).empty()) {
    Callback c = callbacks(in).back();
    callbacks(in).pop_back();
    report_teardown(in, events::Teardown::Stage::kAtexit, callable_name(in, c.func), "atexit callback");
    Object* r = nullptr;
    std::vector<Object*> items = static_cast<TupleObj*>(c.args)->items;
    size_t npos = items.size();
    std::vector<Object*> names;
    if (c.kwargs) {
      for (auto& e : static_cast<DictObj*>(c.kwargs)->entries) {
        if (!e.key) continue;
        names.push_back(incref(e.key));
        items.push_back(e.value);
      }
    }
    Object* kwnames = names.empty() ? nullptr : new_tuple(in, std::move(names));
    r = call(in, c.func, Args{items.data(), npos, kwnames});
    xdecref(kwnames);
    if (r) {
      decref(r);
    } else {
      Object* exc = in.fetch_error();
      report_unraisable_as(in, exc, "Exception ignored in atexit callback", c.func);
      decref(exc);
    }
    c.release();
  }
}

void init_atexit_module(Interp& in) {
  ModuleObj* mod = make_module(in, "atexit");
  dict_set_str(in, mod->dict, "register", new_builtin(in, "register", atexit_register, mod));
  dict_set_str(in, mod->dict, "unregister", new_builtin(in, "unregister", atexit_unregister, mod));
  dict_set_str(in, mod->dict, "_run_exitfuncs", new_builtin(in, "_run_exitfuncs", atexit_run, mod));
  dict_set_str(in, mod->dict, "_clear", new_builtin(in, "_clear", atexit_clear, mod));
  dict_set_str(in, mod->dict, "_ncallbacks", new_builtin(in, "_ncallbacks", atexit_ncallbacks, mod));
  decref(mod);
}

}  // namespace pylife::vm
