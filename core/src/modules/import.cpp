// The import system, after CPython 3.11's importlib (_bootstrap and
// _bootstrap_external) for source files:
//
//   sys.modules → the interpreter's built-in modules (already there) →
//   the path finder over sys.path (or the package's __path__): in each
//   directory a package NAME/__init__.py, then a module NAME.py; a plain
//   directory NAME is a namespace portion, used when no directory has a
//   regular module → pylife's standard modules written in Python (the
//   "standard library", after the program's own directory as in CPython).
//
// A source module's code comes from its cache __pycache__/NAME.pylife-311.pyc
// when that is valid (magic, flags, source mtime + size or source hash),
// else from the compiler, and is then written to the cache.  A cache that
// does not read back (truncated, corrupt, foreign) is reported as a warning
// and recompiled; bytecode is verified before it runs.  Every stage is an
// events::Import for the Imports panel.
#include <algorithm>

#include "../vm/frame.h"
#include "pylife/events.h"
#include "pylife/hash.h"
#include "pylife/pyc.h"
#include "pylife/source.h"
#include "pylife/vm.h"

namespace pylife::vm {

// ---- the run's files: what it wrote over the embedder's -------------------------------------

fs::ReadResult host_read(Interp& in, const std::string& path) {
  fs::StatResult w = in.host.written.stat(path);
  if (w.ok && !w.is_dir) return in.host.written.read_file(path);
  if (!in.host.files) {
    fs::ReadResult r;
    r.error = fs::OsError{static_cast<int>(fs::Errno::kNoEnt), "No such file or directory"};
    return r;
  }
  return in.host.files->read_file(path);
}

fs::StatResult host_stat(Interp& in, const std::string& path) {
  fs::StatResult w = in.host.written.stat(path);
  if (w.ok && !w.is_dir) return w;
  if (!in.host.files) return w;
  fs::StatResult r = in.host.files->stat(path);
  return r.ok || !w.ok ? r : w;
}

fs::WriteResult host_write(Interp& in, const std::string& path, std::string_view bytes, bool append) {
  fs::WriteResult result;
  std::string current;
  if (append) {
    fs::ReadResult r = host_read(in, path);
    if (r.ok) current = std::move(r.bytes);
  }
  if (in.host.writable_files) {
    result = in.host.writable_files->write_file(path, bytes, append);
    if (!result.ok) return result;
  } else if (in.host.files) {
    // A directory cannot be opened for writing, even in memory.
    fs::StatResult st = in.host.files->stat(path);
    if (st.ok && st.is_dir) {
      result.error = fs::OsError{static_cast<int>(fs::Errno::kIsDir), "Is a directory"};
      return result;
    }
  }
  current.append(bytes);
  return in.host.written.write_file(path, current, false);
}

namespace {

using events::Import;

// ---- events ----------------------------------------------------------------------------------

void report(Interp& in, Import::Stage stage, const std::string& name, const std::string& path, std::string detail,
            std::string_view pyc_bytes = {}) {
  if (!in.observer || in.out_of_sight) return;
  Import e;
  e.pyc = pyc_bytes;
  e.step = in.steps;
  e.stage = stage;
  e.name = name;
  e.path = path;
  e.detail = std::move(detail);
  e.depth = static_cast<int>(in.importing.size());
  in.observer->on_import(e);
}

// ---- errors ----------------------------------------------------------------------------------

// ImportError / ModuleNotFoundError with its name and path attributes.
Object* raise_import_error(Interp& in, Type* type, const std::string& msg, const std::string& name,
                           const std::string& path = "") {
  auto* e = static_cast<ExceptionObj*>(new_exception(in, type, new_tuple(in, {new_str(in, msg)})));
  Object* n = name.empty() ? nullptr : new_str(in, name);
  Object* p = path.empty() ? nullptr : new_str(in, path);
  set_import_error_info(in, e, n, p);
  xdecref(n);
  xdecref(p);
  return in.raise_obj(e);
}

std::string str_attr(Interp& in, Object* o, const char* name) {
  Object* v = lookup_attr(in, o, iname(in, name));
  std::string s = v && is_type(v, in.t.str) ? utf8(v) : "";
  xdecref(v);
  if (in.error()) in.clear_error();
  return s;
}

// The directories a package's __path__ lists (a list or a _NamespacePath).
bool search_dirs(Interp& in, Object* path, std::vector<std::string>* out) {
  Object* list = sequence_to_list(in, path);
  if (!list) return false;
  for (Object* p : static_cast<ListObj*>(list)->items) {
    if (is_type(p, in.t.str)) out->push_back(utf8(p));
  }
  decref(list);
  return true;
}

// ---- finding ---------------------------------------------------------------------------------

struct Spec {
  enum class Kind { kNone, kModule, kPackage, kNamespace } kind = Kind::kNone;
  std::string origin;                  // the source file
  std::vector<std::string> locations;  // a package's directories
};

std::string join(const std::string& dir, const std::string& leaf) {
  return dir.empty() ? leaf : dir + "/" + leaf;
}

bool is_file(Interp& in, const std::string& path) {
  fs::StatResult st = host_stat(in, path);
  return st.ok && !st.is_dir;
}

// FileFinder.find_spec over [dirs] in order.
Spec find_spec(Interp& in, const std::string& fullname, const std::string& leaf, const std::vector<std::string>& dirs) {
  Spec spec;
  std::vector<std::string> portions;
  for (const auto& d : dirs) {
    std::string base = join(d, leaf);
    fs::StatResult st = host_stat(in, base);
    if (st.ok && st.is_dir) {
      std::string init = base + "/__init__.py";
      if (is_file(in, init)) {
        spec.kind = Spec::Kind::kPackage;
        spec.origin = init;
        spec.locations = {base};
        report(in, Import::Stage::kFound, fullname, init, "package in " + (d.empty() ? "." : d));
        return spec;
      }
      portions.push_back(base);
    }
    std::string file = base + ".py";
    if (is_file(in, file)) {
      spec.kind = Spec::Kind::kModule;
      spec.origin = file;
      report(in, Import::Stage::kFound, fullname, file, "module in " + (d.empty() ? "." : d));
      return spec;
    }
  }
  if (!portions.empty()) {
    spec.kind = Spec::Kind::kNamespace;
    spec.locations = portions;
  }
  return spec;
}

// ---- the .pyc cache --------------------------------------------------------------------------

void set_filename(compile::CodeObject& code, const std::string& filename) {
  code.filename = filename;
  for (auto& c : code.consts) {
    if (c.kind == compile::Const::Kind::kCode) {
      auto copy = std::make_shared<compile::CodeObject>(*c.code);
      set_filename(*copy, filename);
      c.code = copy;
    }
  }
}

// The code of [path] from its cache when the cache is valid for
// [source_bytes]; null otherwise (with the reason reported).
std::shared_ptr<const compile::CodeObject> cached_code(Interp& in, const std::string& name, const std::string& path,
                                                       const std::string& source_bytes, int64_t mtime) {
  std::string cpath = pyc::cache_path(path);
  fs::ReadResult r = host_read(in, cpath);
  if (!r.ok) {
    report(in, Import::Stage::kCacheMiss, name, cpath, "no cached bytecode");
    return nullptr;
  }
  pyc::ReadResult pr = pyc::read_pyc(r.bytes);
  std::string bad = pr.ok ? "" : pr.error;
  if (pr.ok && pr.header.magic != pyc::kPylifeMagic) bad = "not written by pylife";
  if (bad.empty()) {
    const pyc::Header& h = pr.header;
    if (h.hash_based()) {
      if (h.flags & pyc::kCheckSource) {
        uint64_t want = pyc::header_for(pyc::Mode::kCheckedHash, source_bytes, mtime).hash;
        if (want != h.hash) {
          report(in, Import::Stage::kCacheStale, name, cpath,
                 "source hash " + pyc::hash_hex(want) + " differs from the cached " + pyc::hash_hex(h.hash));
          return nullptr;
        }
      }
    } else {
      pyc::Header now = pyc::header_for(pyc::Mode::kTimestamp, source_bytes, mtime);
      if (now.mtime != h.mtime || now.source_size != h.source_size) {
        report(in, Import::Stage::kCacheStale, name, cpath,
               now.mtime != h.mtime
                   ? "source modified (mtime " + std::to_string(now.mtime) + ", cached " + std::to_string(h.mtime) + ")"
                   : "source size " + std::to_string(now.source_size) + ", cached " + std::to_string(h.source_size));
        return nullptr;
      }
    }
    bad = pyc::verify_code(*pr.code);
  }
  if (!bad.empty()) {
    in.write_stderr("pylife: warning: ignoring " + cpath + ": " + bad + "; recompiling " + path + "\n");
    report(in, Import::Stage::kCacheBad, name, cpath, bad, r.bytes);
    return nullptr;
  }
  if (pr.code->filename != path) set_filename(*pr.code, path);
  report(in, Import::Stage::kCacheHit, name, cpath,
         pr.header.hash_based() ? "source hash matches" : "source mtime and size match", r.bytes);
  return pr.code;
}

void write_cache(Interp& in, const std::string& name, const std::string& path, const std::string& source_bytes,
                 int64_t mtime, const compile::CodeObject& code) {
  if (!in.write_pyc) return;
  std::string cpath = pyc::cache_path(path);
  pyc::Header h = pyc::header_for(in.pyc_mode, source_bytes, mtime);
  std::string dir = cpath.substr(0, cpath.rfind('/'));
  if (in.host.writable_files && !in.host.writable_files->make_dir(dir).ok) return;  // as CPython: no cache, no error
  std::string bytes = pyc::write_pyc(h, code);
  if (host_write(in, cpath, bytes, false).ok) {
    report(in, Import::Stage::kCacheWrite, name, cpath, std::to_string(bytes.size()) + " bytes written", bytes);
  }
}

// ---- loading ---------------------------------------------------------------------------------

// While alive, the import system's own Python helpers (_frozen_importlib)
// run out of sight: no steps counted, no events, as CPython's frozen
// importlib is machinery a learner does not step through.  They run the
// same way in every replay, so step numbers stay deterministic.
class OutOfSight {
 public:
  explicit OutOfSight(Interp& in) : in_(in), hooks_(in.hooks) {
    in.hooks = false;
    ++in.out_of_sight;
  }
  ~OutOfSight() {
    in_.hooks = hooks_;
    --in_.out_of_sight;
  }
  OutOfSight(const OutOfSight&) = delete;
  OutOfSight& operator=(const OutOfSight&) = delete;

 private:
  Interp& in_;
  bool hooks_;
};

// Gives [m] its import attributes (_frozen_importlib._init_module_attrs);
// the spec, or null on error.
Object* init_module_attrs(Interp& in, ModuleObj* m, const std::string& name, const Spec& spec, const std::string& cached) {
  OutOfSight hidden(in);
  Object* boot = import_module_named(in, "_frozen_importlib");
  if (!boot) return nullptr;
  Object* fn = getattr(in, boot, "_init_module_attrs");
  decref(boot);
  if (!fn) return nullptr;
  bool namespace_ = spec.kind == Spec::Kind::kNamespace;
  Object* locations = in.None;
  if (spec.kind != Spec::Kind::kModule) {
    std::vector<Object*> dirs;
    for (const auto& d : spec.locations) dirs.push_back(new_str(in, d));
    locations = new_list(in, std::move(dirs));
  } else {
    incref(locations);
  }
  Object* items[] = {m,
                     new_str(in, name),
                     namespace_ ? incref(in.None) : new_str(in, spec.origin),
                     locations,
                     cached.empty() ? incref(in.None) : new_str(in, cached),
                     new_bool(in, namespace_)};
  Object* r = call(in, fn, Args{items, 6, nullptr});
  for (size_t i = 1; i < 6; ++i) decref(items[i]);
  decref(fn);
  return r;
}

void set_initializing(Interp& in, Object* spec, bool on) {
  if (!spec || spec == in.None) return;
  Object* key = iname(in, "_initializing");
  if (setattr(in, spec, key, on ? in.True : in.False) < 0) in.clear_error();
}

// Runs [code] in [m] as module [name]; false (module left to the caller)
// when it raised.
bool exec_in(Interp& in, ModuleObj* m, const std::string& name, std::shared_ptr<const compile::CodeObject> code,
             Object* spec) {
  dict_set_str(in, m->dict, "__builtins__", incref(in.builtins));
  set_initializing(in, spec, true);
  in.importing.push_back(name);
  report(in, Import::Stage::kExec, name, code->filename, "running the module's code");
  CodeObj* co = new_code(in, std::move(code));
  Object* r = eval_code(in, co, m->dict, m->dict);
  decref(co);
  in.importing.pop_back();
  if (!r) {
    Object* exc = in.fetch_error();
    set_initializing(in, spec, false);
    in.raise_obj(exc);
    return false;
  }
  decref(r);
  set_initializing(in, spec, false);
  return true;
}

// The code of source module [name] at [path]: cached or compiled.
std::shared_ptr<const compile::CodeObject> module_code(Interp& in, const std::string& name, const std::string& path) {
  fs::ReadResult raw = host_read(in, path);
  if (!raw.ok) {
    raise_import_error(in, in.t.ImportError, "cannot read " + path + ": " + raw.error.describe(), name, path);
    return nullptr;
  }
  auto decoded = source::decode(raw.bytes, path);
  if (!decoded.ok) {
    in.raise(in.t.SyntaxError, decoded.error.message);
    return nullptr;
  }
  remember_source(in, path, source::normalize_newlines(decoded.source.text));
  int64_t mtime = host_stat(in, path).mtime;
  if (auto code = cached_code(in, name, path, raw.bytes, mtime)) return code;
  report(in, Import::Stage::kCompile, name, path, "tokens → syntax tree → bytecode");
  Compiled c = compile_source(decoded.source, path);
  if (!c.warnings_text.empty()) in.write_stderr(c.warnings_text);
  if (!c.ok) {
    raise_compile_error(in, c, path);
    return nullptr;
  }
  write_cache(in, name, path, raw.bytes, mtime, *c.code);
  return c.code;
}

// A failed import leaves no module behind (_load_unlocked's cleanup); the
// exception being raised stays.
void forget(Interp& in, const std::string& name) {
  Object* exc = in.fetch_error();
  Object* key = new_str(in, name);
  if (dict_get(in, in.modules, key)) dict_del(in, in.modules, key);
  decref(key);
  in.raise_obj(exc);
}

// After a module ran: what sys.modules holds for it now (it may have
// replaced itself), moved to the end as _load_unlocked's pop and store do.
Object* settle(Interp& in, const std::string& name, ModuleObj* m) {
  Object* key = new_str(in, name);
  Object* now = dict_get(in, in.modules, key);
  Object* result = m;
  if (now) {
    result = incref(now);
    decref(m);
    dict_del(in, in.modules, key);
    dict_set(in, in.modules, key, result);
  }
  decref(key);
  return result;
}

// Loads [name] found as [spec] into a new module (or, reloading, into [existing]).
Object* load(Interp& in, const std::string& name, const Spec& spec, ModuleObj* existing) {
  ModuleObj* m = existing ? static_cast<ModuleObj*>(incref(existing)) : make_module(in, name);
  auto fail = [&]() -> Object* {
    if (!existing) forget(in, name);
    report(in, Import::Stage::kFailed, name, spec.origin, "the import raised");
    decref(m);
    return nullptr;
  };
  std::string cached = spec.kind == Spec::Kind::kNamespace ? "" : pyc::cache_path(spec.origin);
  Object* sp = init_module_attrs(in, m, name, spec, cached);
  if (!sp) return fail();
  if (spec.kind == Spec::Kind::kNamespace) {
    decref(sp);
    report(in, Import::Stage::kDone, name, "", "namespace package");
    return m;
  }
  auto code = module_code(in, name, spec.origin);
  if (!code) {
    decref(sp);
    return fail();
  }
  bool ok = exec_in(in, m, name, std::move(code), sp);
  decref(sp);
  if (!ok) return fail();
  report(in, Import::Stage::kDone, name, spec.origin, "in sys.modules");
  return settle(in, name, m);
}

// Runs pylife's own Python module [name] (core/src/modules/python) as
// module [name] (or again in [existing]); null without an error when there
// is none by that name.
Object* load_pylib(Interp& in, const std::string& name, ModuleObj* existing) {
  auto text = python_module_source(name);
  if (!text) return nullptr;
  std::string path = "<pylife>/" + name + ".py";
  auto decoded = source::from_text(*text, path);
  if (!decoded.ok) return in.raise(in.t.SystemError, "pylife's " + name + " module does not decode");
  Compiled c = compile_source(decoded.source, path);
  if (!c.ok) return raise_compile_error(in, c, path);
  remember_source(in, path, source::normalize_newlines(decoded.source.text));
  ModuleObj* m = existing ? static_cast<ModuleObj*>(incref(existing)) : make_module(in, name);
  dict_set_str(in, m->dict, "__file__", new_str(in, path));
  dict_set_str(in, m->dict, "__package__", new_str(in, ""));
  if (!exec_in(in, m, name, c.code, nullptr)) {
    if (!existing) forget(in, name);
    decref(m);
    return nullptr;
  }
  return settle(in, name, m);
}

// _find_and_load_unlocked for one dotted name whose parent (if any) is
// imported: finds [fullname] on sys.path or the parent's __path__ and
// loads it into a new module or, for importlib.reload, into [existing].
Object* find_and_load(Interp& in, const std::string& fullname, Object* parent, ModuleObj* existing) {
  report(in, Import::Stage::kFind, fullname, "", existing ? "reload" : parent ? "in the package's __path__" : "on sys.path");
  std::vector<std::string> dirs;
  auto dot = fullname.rfind('.');
  std::string leaf = dot == std::string::npos ? fullname : fullname.substr(dot + 1);
  if (parent) {
    Object* path = lookup_attr(in, parent, iname(in, "__path__"));
    if (!path) {
      if (in.error()) return nullptr;
      std::string pname = fullname.substr(0, dot);
      return raise_import_error(in, in.t.ModuleNotFoundError,
                                "No module named '" + fullname + "'; '" + pname + "' is not a package", fullname);
    }
    bool ok = search_dirs(in, path, &dirs);
    decref(path);
    if (!ok) return nullptr;
  } else {
    Object* sp = dict_get_str(in.sys->dict, iname(in, "path"));
    if (sp && !search_dirs(in, sp, &dirs)) return nullptr;
  }
  Spec spec = find_spec(in, fullname, leaf, dirs);
  Object* m = nullptr;
  if (!parent && spec.kind != Spec::Kind::kModule && spec.kind != Spec::Kind::kPackage &&
      python_module_source(fullname)) {
    // The standard library (a regular module) wins over namespace portions.
    report(in, Import::Stage::kFound, fullname, "<pylife>/" + fullname + ".py", "pylife's standard library");
    m = load_pylib(in, fullname, existing);
    if (m) report(in, Import::Stage::kDone, fullname, "", "in sys.modules");
  } else if (spec.kind != Spec::Kind::kNone) {
    m = load(in, fullname, spec, existing);
  } else {
    report(in, Import::Stage::kNotFound, fullname, "", "not found");
    return raise_import_error(in, in.t.ModuleNotFoundError,
                              existing ? "spec not found for the module '" + fullname + "'"
                                       : "No module named '" + fullname + "'",
                              fullname);
  }
  if (m && parent && !existing) {
    // Bind the submodule as an attribute of its package.
    Object* ln = intern(in, leaf);
    int rc = setattr(in, parent, ln, m);
    decref(ln);
    if (rc < 0) {
      decref(m);
      return nullptr;
    }
  }
  return m;
}

// _find_and_load: sys.modules, else find_and_load.
Object* import_one(Interp& in, const std::string& fullname, Object* parent) {
  Object* key = new_str(in, fullname);
  Object* found = dict_get(in, in.modules, key);
  decref(key);
  if (!found) return find_and_load(in, fullname, parent, nullptr);
  if (found == in.None) {
    return raise_import_error(in, in.t.ModuleNotFoundError, "import of " + fullname + " halted; None in sys.modules",
                              fullname);
  }
  return incref(found);
}

// Imports a.b.c prefix by prefix; the last module (new reference).
Object* import_dotted(Interp& in, const std::string& full, Object** top_out) {
  Object* top = nullptr;
  Object* parent = nullptr;
  size_t pos = 0;
  while (true) {
    size_t dot = full.find('.', pos);
    std::string prefix = full.substr(0, dot);
    Object* m = import_one(in, prefix, parent);
    if (!m) {
      xdecref(top);
      xdecref(parent);
      return nullptr;
    }
    if (!top) top = incref(m);
    xdecref(parent);
    parent = m;
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  if (top_out) {
    *top_out = top;
  } else {
    decref(top);
  }
  return parent;
}

// _calc___package__ + _resolve_name: the absolute name of a relative import.
bool resolve_relative(Interp& in, DictObj* globals, int64_t level, std::string* name) {
  Object* pkg = dict_get_str(globals, iname(in, "__package__"));
  std::string package;
  if (pkg && is_type(pkg, in.t.str)) {
    package = utf8(pkg);
  } else if (pkg && pkg != in.None) {
    in.raise(in.t.TypeError, "package must be a string");
    return false;
  } else {
    Object* spec = dict_get_str(globals, iname(in, "__spec__"));
    if (spec && spec != in.None) {
      package = str_attr(in, spec, "parent");
    } else {
      Object* n = dict_get_str(globals, iname(in, "__name__"));
      package = n && is_type(n, in.t.str) ? utf8(n) : "";
      if (!dict_get_str(globals, iname(in, "__path__"))) {
        auto dot = package.rfind('.');
        package = dot == std::string::npos ? "" : package.substr(0, dot);
      }
    }
  }
  if (package.empty()) {
    in.raise(in.t.ImportError, "attempted relative import with no known parent package");
    return false;
  }
  for (int64_t i = 1; i < level; ++i) {
    auto dot = package.rfind('.');
    if (dot == std::string::npos) {
      in.raise(in.t.ImportError, "attempted relative import beyond top-level package");
      return false;
    }
    package = package.substr(0, dot);
  }
  *name = name->empty() ? package : package + "." + *name;
  return true;
}

// _handle_fromlist: `from package import sub` imports package.sub when the
// package has no attribute sub (and `*` the submodules its __all__ names).
bool handle_fromlist(Interp& in, Object* module, Object* fromlist, bool recursive) {
  Object* list = sequence_to_list(in, fromlist);
  if (!list) return false;
  std::string modname = str_attr(in, module, "__name__");
  bool ok = true;
  for (Object* x : static_cast<ListObj*>(list)->items) {
    if (!is_type(x, in.t.str)) {
      in.raise(in.t.TypeError, std::string("Item in ") + (recursive ? modname + ".__all__" : "``from list''") +
                                   " must be str, not " + type_name(x));
      ok = false;
      break;
    }
    std::string item = utf8(x);
    if (item == "*") {
      if (recursive) continue;
      Object* all = lookup_attr(in, module, iname(in, "__all__"));
      if (!all) {
        if (in.error()) {
          ok = false;
          break;
        }
        continue;
      }
      ok = handle_fromlist(in, module, all, true);
      decref(all);
      if (!ok) break;
      continue;
    }
    Object* have = lookup_attr(in, module, x);
    if (have) {
      decref(have);
      continue;
    }
    if (in.error()) {
      ok = false;
      break;
    }
    std::string sub = modname + "." + item;
    Object* m = import_one(in, sub, module);
    if (m) {
      decref(m);
      continue;
    }
    // A missing submodule is not an error here (IMPORT_FROM reports it).
    Object* exc = in.fetch_error();
    bool missing = is_type(exc, in.t.ModuleNotFoundError) && static_cast<ExceptionObj*>(exc)->name &&
                   utf8(static_cast<ExceptionObj*>(exc)->name) == sub;
    if (missing) {
      decref(exc);
      continue;
    }
    in.raise_obj(exc);
    ok = false;
    break;
  }
  decref(list);
  return ok;
}

// _imp.exec_module_again(module): importlib.reload's work.
Object* imp_exec_module_again(Interp& in, Object*, const Args& args) {
  if (args.npos != 1 || !as_module(args.items[0])) return in.raise(in.t.TypeError, "reload() argument must be a module");
  auto* m = as_module(args.items[0]);
  std::string name;
  Object* spec = dict_get_str(m->dict, iname(in, "__spec__"));
  if (spec && spec != in.None) name = str_attr(in, spec, "name");
  if (name.empty()) name = str_attr(in, m, "__name__");
  Object* parent = nullptr;
  if (auto dot = name.rfind('.'); dot != std::string::npos) {
    Object* key = new_str(in, name.substr(0, dot));
    parent = dict_get(in, in.modules, key);  // importlib.reload checked it is there
    decref(key);
    if (!parent) return raise_import_error(in, in.t.ImportError, "parent '" + name.substr(0, dot) + "' not in sys.modules", name);
  }
  Object* r = find_and_load(in, name, parent, m);
  if (!r) return nullptr;
  decref(r);
  return incref(in.None);
}

Object* imp_source_hash(Interp& in, Object*, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "source_hash", args, {"key", "source"}, 2, a)) return nullptr;
  int64_t key;
  if (!index_value(in, a[0], &key)) return nullptr;
  if (!is_type(a[1], in.t.bytes)) return in.raise(in.t.TypeError, "source_hash() argument 'source' must be bytes");
  uint64_t h = hash::siphash13(static_cast<uint64_t>(key), 0,
                               reinterpret_cast<const uint8_t*>(static_cast<BytesObj*>(a[1])->s.data()),
                               static_cast<BytesObj*>(a[1])->s.size());
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(h >> (8 * i)));
  return new_bytes(in, std::move(out));
}

}  // namespace

Object* import_module_named(Interp& in, const std::string& name) {
  Object* key = new_str(in, name);
  Object* found = dict_get(in, in.modules, key);
  decref(key);
  if (found) return incref(found);
  return import_dotted(in, name, nullptr);
}

Object* load_pylib_module(Interp& in, const std::string& name) { return load_pylib(in, name, nullptr); }

Object* import_name(Interp& in, Frame* f, Object* name, Object* fromlist, Object* level_obj) {
  int64_t level = 0;
  if (level_obj && is_type(level_obj, in.t.int_)) level = static_cast<IntObj*>(level_obj)->small;
  if (level < 0) return in.raise(in.t.ValueError, "level must be >= 0");
  std::string full = utf8(name);
  if (level > 0 && !resolve_relative(in, f->globals, level, &full)) return nullptr;
  if (full.empty()) return in.raise(in.t.ValueError, "Empty module name");
  Object* top = nullptr;
  Object* last = import_dotted(in, full, &top);
  if (!last) return nullptr;
  bool has_fromlist = fromlist && fromlist != in.None && truth(in, fromlist) == 1;
  if (!has_fromlist) {
    decref(last);
    if (level == 0) return top;
    // `import` of a relative name without fromlist is not valid syntax;
    // __import__ returns the top package of the resolved name.
    return top;
  }
  decref(top);
  Object* path = lookup_attr(in, last, iname(in, "__path__"));
  if (in.error()) in.clear_error();
  bool package = path != nullptr;
  xdecref(path);
  if (package && !handle_fromlist(in, last, fromlist, false)) {
    decref(last);
    return nullptr;
  }
  return last;
}

Object* import_from(Interp& in, Object* module, Object* name) {
  Object* v = lookup_attr(in, module, name);
  if (v || in.error()) return v;
  std::string modname = str_attr(in, module, "__name__");
  // A submodule imported since (circular imports bind late).
  if (!modname.empty()) {
    Object* key = new_str(in, modname + "." + utf8(name));
    Object* sub = dict_get(in, in.modules, key);
    decref(key);
    if (sub) return incref(sub);
  }
  std::string shown = modname.empty() ? "<unknown module name>" : modname;
  Object* file = lookup_attr(in, module, iname(in, "__file__"));
  if (in.error()) in.clear_error();
  std::string where;
  if (file && is_type(file, in.t.str)) where = utf8(file);
  xdecref(file);
  if (where.empty()) {
    return raise_import_error(in, in.t.ImportError,
                              "cannot import name '" + utf8(name) + "' from '" + shown + "' (unknown location)", modname);
  }
  bool initializing = false;
  Object* spec = lookup_attr(in, module, iname(in, "__spec__"));
  if (in.error()) in.clear_error();
  if (spec && spec != in.None) {
    Object* flag = lookup_attr(in, spec, iname(in, "_initializing"));
    if (in.error()) in.clear_error();
    initializing = flag && truth(in, flag) == 1;
    xdecref(flag);
  }
  xdecref(spec);
  std::string msg = initializing ? "cannot import name '" + utf8(name) + "' from partially initialized module '" + shown +
                                       "' (most likely due to a circular import) (" + where + ")"
                                 : "cannot import name '" + utf8(name) + "' from '" + shown + "' (" + where + ")";
  return raise_import_error(in, in.t.ImportError, msg, modname, where);
}

bool import_star(Interp& in, Frame* f, Object* module) {
  auto* m = as_module(module);
  if (!m || !f->locals || !is_type(f->locals, in.t.dict)) return true;
  auto* target = static_cast<DictObj*>(f->locals);
  Object* all = dict_get_str(m->dict, iname(in, "__all__"));
  if (all) {
    Object* list = sequence_to_list(in, all);
    if (!list) return false;
    for (Object* n : static_cast<ListObj*>(list)->items) {
      if (!is_type(n, in.t.str)) {
        decref(list);
        in.raise(in.t.TypeError, "Item in " + str_attr(in, module, "__name__") + ".__all__ must be str, not " + type_name(n));
        return false;
      }
      Object* v = getattr(in, module, n);
      if (!v || dict_set(in, target, n, v) < 0) {
        xdecref(v);
        decref(list);
        return false;
      }
      decref(v);
    }
    decref(list);
    return true;
  }
  auto entries = m->dict->entries;
  for (auto& e : entries) {
    if (!e.key || !is_type(e.key, in.t.str) || str_view(e.key).empty() || str_view(e.key)[0] == U'_') continue;
    if (dict_set(in, target, e.key, e.value) < 0) return false;
  }
  return true;
}

CompileFileResult compile_file(fs::FileSystem& files, const std::string& path, pyc::Mode mode, bool force) {
  CompileFileResult out;
  out.cache_path = pyc::cache_path(path);
  fs::ReadResult raw = files.read_file(path);
  if (!raw.ok) {
    out.error_text = "[Errno " + std::to_string(raw.error.errnum) + "] " + raw.error.message + ": '" + path + "'\n";
    return out;
  }
  pyc::Header h = pyc::header_for(mode, raw.bytes, files.stat(path).mtime);
  if (!force) {
    // compileall: skip a file whose cache has this header already.
    fs::ReadResult old = files.read_file(out.cache_path);
    pyc::Header oh;
    if (old.ok && pyc::read_header(old.bytes, &oh) && oh.magic == h.magic && oh.flags == h.flags &&
        (h.hash_based() ? oh.hash == h.hash : oh.mtime == h.mtime && oh.source_size == h.source_size) &&
        pyc::read_pyc(old.bytes).ok) {
      out.ok = out.up_to_date = true;
      return out;
    }
  }
  auto decoded = source::decode(raw.bytes, path);
  if (!decoded.ok) {
    out.error_text = source::format_error(decoded.error, path);
    return out;
  }
  Compiled c = compile_source(decoded.source, path);
  if (!c.ok) {
    out.error_text = c.error_text;
    return out;
  }
  std::string dir = out.cache_path.substr(0, out.cache_path.rfind('/'));
  if (fs::WriteResult w = files.make_dir(dir); !w.ok) {
    out.error_text = "cannot create " + dir + ": " + w.error.describe() + "\n";
    return out;
  }
  fs::WriteResult w = files.write_file(out.cache_path, pyc::write_pyc(h, *c.code), false);
  if (!w.ok) {
    out.error_text = "cannot write " + out.cache_path + ": " + w.error.describe() + "\n";
    return out;
  }
  out.ok = true;
  return out;
}

void init_imp_module(Interp& in) {
  ModuleObj* mod = make_module(in, "_imp");
  dict_set_str(in, mod->dict, "exec_module_again", new_builtin(in, "exec_module_again", imp_exec_module_again, mod));
  dict_set_str(in, mod->dict, "source_hash", new_builtin(in, "source_hash", imp_source_hash, mod));
  dict_set_str(in, mod->dict, "pyc_magic_number_token", new_int(in, pyc::kPylifeMagic | (0x0A0D << 16)));
  decref(mod);
}

}  // namespace pylife::vm
