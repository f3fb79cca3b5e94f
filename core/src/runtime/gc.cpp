// The cyclic garbage collector and the gc module, as CPython 3.11's
// Modules/gcmodule.c: containers are tracked in three generations; a
// collection of generation N takes the younger ones along, copies each
// object's reference count into gc_refs, subtracts the references the
// objects make to one another, and what is left with gc_refs 0 and is not
// reachable from an object with gc_refs > 0 is garbage.  Weak references
// to it are cleared (callbacks run), finalizers run once (PEP 442), objects
// a finalizer resurrected survive, and tp_clear breaks the rest of the
// cycles so reference counting frees them.  Survivors move one generation
// up.  Collections start at the VM's safe points (see Interp::gc_due).
//
// The invariant the collector relies on (docs/gc.md): referents() reports
// every reference an object owns and nothing else; reporting less only
// keeps garbage alive, reporting more would free live objects.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "object.h"

namespace pylife::runtime {

namespace {

// ---- lists (CPython's gc_list_*) ----------------------------------------------------------

void list_init(GcObject* h) { h->gc_next = h->gc_prev = h; }
bool list_empty(const GcObject* h) { return h->gc_next == h; }
void list_unlink(GcObject* o) {
  o->gc_prev->gc_next = o->gc_next;
  o->gc_next->gc_prev = o->gc_prev;
}
void list_append(GcObject* o, GcObject* h) {
  o->gc_prev = h->gc_prev;
  o->gc_next = h;
  h->gc_prev->gc_next = o;
  h->gc_prev = o;
}
void list_move(GcObject* o, GcObject* h) {
  list_unlink(o);
  list_append(o, h);
}
void list_merge(GcObject* from, GcObject* to) {
  if (!list_empty(from)) {
    GcObject* tail = to->gc_prev;
    tail->gc_next = from->gc_next;
    tail->gc_next->gc_prev = tail;
    to->gc_prev = from->gc_prev;
    to->gc_prev->gc_next = to;
  }
  list_init(from);
}
size_t list_size(const GcObject* h) {
  size_t n = 0;
  for (const GcObject* g = h->gc_next; g != h; g = g->gc_next) ++n;
  return n;
}
void list_set_generation(GcObject* h, int gen) {
  for (GcObject* g = h->gc_next; g != h; g = g->gc_next) g->gc_gen = static_cast<uint8_t>(gen);
}

bool is_gc(const Object* o) { return (o->type->flags & Type::kHaveGc) != 0; }
GcObject* as_gc(Object* o) { return static_cast<GcObject*>(o); }

// The stand-in of an instance of a heap type that is no container (an
// IntEnum member): in the lists like a container, with its instance's
// reference count, referring to the class.
struct StandIn : GcObject {
  Object* target = nullptr;
};
StandIn* standin_of(GcObject* g) {
  return g->gc_bits & GcObject::kStandIn ? static_cast<StandIn*>(g) : nullptr;
}
// The node [o] is in the collector's graph: itself, its stand-in, or null.
GcObject* node(Interp& in, Object* o) {
  if (is_gc(o)) return as_gc(o);
  if (!o->type->heap) return nullptr;
  auto it = in.gc.standins.find(o);
  return it == in.gc.standins.end() ? nullptr : it->second;
}
Object* target(GcObject* g) {
  StandIn* s = standin_of(g);
  return s ? s->target : g;
}

// tp_traverse: [o]'s references, then its class when that is a heap type
// (instances own a reference to their class).
template <typename F>
void traverse(Object* o, std::vector<Object*>& scratch, F&& visit) {
  size_t base = scratch.size();
  o->referents(scratch);
  if (o->type->heap) scratch.push_back(o->type);
  for (size_t i = base; i < scratch.size(); ++i) visit(scratch[i]);
  scratch.resize(base);
}

}  // namespace

GcState::GcState() {
  for (GcObject& h : heads) list_init(&h);
#if defined(PYLIFE_GC_STRESS)
  stress = true;
#endif
}


void gc_layout(Type* type, bool gc) {
  unsigned want = gc ? Type::kHaveGc : Type::kNoGc, other = gc ? Type::kNoGc : Type::kHaveGc;
  if (type->flags & other) {
    std::fprintf(stderr, "pylife: internal error: instances of '%s' made with two object layouts\n",
                 type->name.c_str());
    std::abort();
  }
  type->flags |= want;
}

void Interp::gc_due() {
  if (gc.enabled && (gc.threshold[0] || gc.stress) && !gc.collecting) gc.pending = true;
}

void gc_plain_born(Interp& in, Object* o) {
  Type* type = o->type;
  if (!type->heap) {
    gc_layout(type, false);
    return;
  }
  auto* s = new StandIn();
  s->target = o;
  s->type = type;  // borrowed: the instance holds its class
  s->gc_bits = GcObject::kStandIn | GcObject::kFinalized;
  in.gc.standins[o] = s;
  in.gc_born(s, true);
}

void gc_plain_dies(Interp& in, Object* o) {
  auto it = in.gc.standins.find(o);
  if (it == in.gc.standins.end()) return;
  GcObject* s = it->second;
  in.gc.standins.erase(it);
  if (s->tracked()) in.gc_untrack(s);
  if (in.gc.count[0] > 0) --in.gc.count[0];
  s->type = nullptr;
  delete s;
}


namespace {

// ---- a collection (gc_collect_main) ----------------------------------------------------------

struct Collector {
  Interp& in;
  GcState& gc;
  std::vector<Object*> scratch;
  events::GcCollection* report = nullptr;  // filled when an observer is told
  bool details = false;  // ... with every examined object

  explicit Collector(Interp& i) : in(i), gc(i.gc) {}

  // The node of [r] when it is among the objects being collected.
  GcObject* collecting(Object* r) {
    GcObject* n = node(in, r);
    return n && (n->gc_bits & GcObject::kCollecting) ? n : nullptr;
  }

  void update_refs(GcObject* base) {
    for (GcObject* g = base->gc_next; g != base; g = g->gc_next) {
      g->gc_refs = target(g)->refcnt;
      g->gc_bits |= GcObject::kCollecting;
    }
  }
  void subtract_refs(GcObject* base) {
    for (GcObject* g = base->gc_next; g != base; g = g->gc_next) {
      traverse(g, scratch, [&](Object* r) {
        if (GcObject* n = collecting(r)) --n->gc_refs;
      });
    }
  }
  // CPython's move_unreachable: one pass over [young]; an object found
  // reachable later is moved back to young's end and scanned again.
  void move_unreachable(GcObject* young, GcObject* unreachable) {
    GcObject* g = young->gc_next;
    while (g != young) {
      GcObject* next;
      if (g->gc_refs) {
        traverse(g, scratch, [&](Object* r) {
          GcObject* rg = collecting(r);
          if (!rg) return;
          if (rg->gc_bits & GcObject::kUnreachable) {
            rg->gc_bits &= ~GcObject::kUnreachable;
            list_move(rg, young);
            rg->gc_refs = 1;
          } else if (rg->gc_refs == 0) {
            rg->gc_refs = 1;
          }
        });
        g->gc_bits &= ~GcObject::kCollecting;
        next = g->gc_next;
      } else {
        next = g->gc_next;
        list_move(g, unreachable);
        g->gc_bits |= GcObject::kUnreachable;
      }
      g = next;
    }
  }
  void deduce_unreachable(GcObject* base, GcObject* unreachable) {
    update_refs(base);
    subtract_refs(base);
    if (details) record_refs(base);
    list_init(unreachable);
    move_unreachable(base, unreachable);
  }
  void untrack_tuples(GcObject* head) {
    for (GcObject *g = head->gc_next, *next; g != head; g = next) {
      next = g->gc_next;
      if (g->type == in.t.tuple) {
        auto* t = static_cast<TupleObj*>(static_cast<Object*>(g));
        if (std::none_of(t->items.begin(), t->items.end(), gc_may_be_tracked)) in.gc_untrack(g);
      }
    }
  }
  void untrack_dicts(GcObject* head) {
    for (GcObject *g = head->gc_next, *next; g != head; g = next) {
      next = g->gc_next;
      if (g->type == in.t.dict) {
        auto* d = static_cast<DictObj*>(static_cast<Object*>(g));
        bool keep = d->attrs != nullptr;
        for (auto& e : d->entries) {
          if (e.key && (gc_may_be_tracked(e.key) || gc_may_be_tracked(e.value))) keep = true;
        }
        if (!keep) in.gc_untrack(g);
      }
    }
  }

  // Clears weak references to the garbage; calls the callbacks of those
  // that are not garbage themselves.  The number of weak references
  // freed by that (CPython counts them as collected).
  int64_t handle_weakrefs(GcObject* unreachable, GcObject* old) {
    GcObject to_call;
    list_init(&to_call);
    for (GcObject *g = unreachable->gc_next, *next; g != unreachable; g = next) {
      next = g->gc_next;
      if (is_type(g, in.t.weakref)) weakref_kill(in, g);
      if (!(g->gc_bits & GcObject::kWeakrefs)) continue;
      for (Object* wr : weakrefs_clear(in, g, false)) {
        GcObject* wg = as_gc(wr);
        if (!weakref_callback(wr) || (wg->gc_bits & GcObject::kCollecting)) continue;
        incref(wr);
        list_move(wg, &to_call);
      }
    }
    int64_t freed = 0;
    while (!list_empty(&to_call)) {
      GcObject* wg = to_call.gc_next;
      Object* cb = weakref_callback(wg);
      if (cb) {
        incref(cb);
        call_unraisable(in, cb, wg);
        decref(cb);
      }
      decref(wg);
      if (to_call.gc_next == wg) {
        list_move(wg, old);
        wg->gc_gen = old_gen;
      } else {
        ++freed;
      }
    }
    return freed;
  }

  void finalize_garbage(GcObject* collectable) {
    GcObject seen;
    list_init(&seen);
    while (!list_empty(collectable)) {
      GcObject* g = collectable->gc_next;
      list_move(g, &seen);
      if (!(g->gc_bits & GcObject::kFinalized) && g->type->has_finalizer) {
        g->gc_bits |= GcObject::kFinalized;
        if (details) mark(g, &events::GcObjectState::finalized);
        incref(g);
        g->finalize(in);
        decref(g);
      }
    }
    list_merge(&seen, collectable);
  }

  void handle_resurrected(GcObject* unreachable, GcObject* still, GcObject* old) {
    for (GcObject* g = unreachable->gc_next; g != unreachable; g = g->gc_next) g->gc_bits &= ~GcObject::kCollecting;
    deduce_unreachable(unreachable, still);
    for (GcObject* g = still->gc_next; g != still; g = g->gc_next) g->gc_bits &= ~GcObject::kUnreachable;
    if (details) {
      for (GcObject* g = unreachable->gc_next; g != unreachable; g = g->gc_next) {
        mark(g, &events::GcObjectState::resurrected);
      }
    }
    list_set_generation(unreachable, old_gen);
    list_merge(unreachable, old);
  }

  void delete_garbage(GcObject* collectable, GcObject* old) {
    if (details) {
      for (GcObject* g = collectable->gc_next; g != collectable; g = g->gc_next) {
        freed_ids.push_back(reinterpret_cast<uint64_t>(target(g)));
      }
    }
    while (!list_empty(collectable)) {
      GcObject* g = collectable->gc_next;
      if (gc.debug & GcState::kDebugSaveAll) {
        auto* garbage = static_cast<ListObj*>(gc.garbage);
        garbage->items.push_back(incref(target(g)));
      } else {
        incref(g);
        g->clear(in);
        decref(g);
      }
      if (collectable->gc_next == g) {  // still alive: it may die later
        if (details) survived_ids.push_back(reinterpret_cast<uint64_t>(target(g)));
        g->gc_bits &= ~GcObject::kCollecting;
        list_move(g, old);
        g->gc_gen = old_gen;
      }
    }
  }

  int old_gen = 0;
  bool recorded = false;
  std::vector<uint64_t> freed_ids, survived_ids;  // of the final unreachable set

  // ---- the details an observer sees (events::GcCollection) ----
  void record_refs(GcObject* base) {
    if (recorded) return;  // only the first pass (not the resurrection check)
    recorded = true;
    for (GcObject* g = base->gc_next; g != base; g = g->gc_next) {
      if (report->objects.size() >= events::GcCollection::kMaxObjects) {
        report->truncated = true;
        break;
      }
      events::GcObjectState s;
      s.id = reinterpret_cast<uint64_t>(target(g));
      s.type = g->type->name;
      s.generation = g->gc_gen;
      s.refcount = g->refcnt;
      s.gc_refs = g->gc_refs;
      traverse(g, scratch, [&](Object* r) {
        if (GcObject* n = collecting(r)) s.refs.push_back(reinterpret_cast<uint64_t>(target(n)));
      });
      index[s.id] = report->objects.size();
      report->objects.push_back(std::move(s));
    }
  }
  std::unordered_map<uint64_t, size_t> index;
  void mark(GcObject* g, bool events::GcObjectState::*flag) {
    auto it = index.find(reinterpret_cast<uint64_t>(target(g)));
    if (it != index.end()) report->objects[it->second].*flag = true;
  }

  // Collects [generation] and the younger ones: the number of unreachable
  // objects found, [*uncollectable] of which stay (always 0: pylife has no
  // pre-PEP 442 finalizers).
  int64_t collect(int generation, int64_t* collected_out, int64_t* uncollectable_out) {
    int64_t m = 0, n = 0;
    if (gc.debug & GcState::kDebugStats) {
      in.write_stderr("gc: collecting generation " + std::to_string(generation) + "...\n");
      std::string sizes;
      for (int i = 0; i < 3; ++i) sizes += " " + std::to_string(list_size(&gc.heads[i]));
      in.write_stderr("gc: objects in each generation:" + sizes + "\ngc: objects in permanent generation: " +
                      std::to_string(list_size(&gc.heads[3])) + "\n");
    }
    uint64_t steps_before = in.steps;
    if (generation + 1 < 3) gc.count[generation + 1] += 1;
    for (int i = 0; i <= generation; ++i) gc.count[i] = 0;
    for (int i = 0; i < generation; ++i) list_merge(&gc.heads[i], &gc.heads[generation]);
    GcObject* young = &gc.heads[generation];
    GcObject* old = generation < 2 ? &gc.heads[generation + 1] : young;
    old_gen = generation < 2 ? generation + 1 : 2;
    int64_t examined = static_cast<int64_t>(list_size(young));

    GcObject unreachable;
    deduce_unreachable(young, &unreachable);
    untrack_tuples(young);
    if (young != old) {
      if (generation == 1) gc.long_lived_pending += static_cast<int64_t>(list_size(young));
      list_set_generation(young, old_gen);
      list_merge(young, old);
    } else {
      untrack_dicts(young);
      gc.long_lived_pending = 0;
      gc.long_lived_total = static_cast<int64_t>(list_size(young));
    }
    int64_t found = 0;
    for (GcObject* g = unreachable.gc_next; g != &unreachable; g = g->gc_next) {
      g->gc_bits &= ~GcObject::kUnreachable;
      ++found;
      if (details) mark(g, &events::GcObjectState::unreachable);
      if (gc.debug & GcState::kDebugCollectable) debug_cycle("collectable", target(g));
    }
    m += handle_weakrefs(&unreachable, old);
    finalize_garbage(&unreachable);
    GcObject final_unreachable;
    handle_resurrected(&unreachable, &final_unreachable, old);
    m += static_cast<int64_t>(list_size(&final_unreachable));
    delete_garbage(&final_unreachable, old);
    if (gc.debug & GcState::kDebugStats) {
      in.write_stderr("gc: done, " + std::to_string(n + m) + " unreachable, " + std::to_string(n) +
                      " uncollectable, 0.0000s elapsed\n");
    }
    auto& st = gc.stats[generation];
    ++st.collections;
    st.collected += m;
    st.uncollectable += n;
    if (collected_out) *collected_out = m;
    if (uncollectable_out) *uncollectable_out = n;
    if (report) {
      report->examined = examined;
      report->unreachable = found;
      report->collected = m;
      report->uncollectable = n;
      report->duration_steps = in.steps - steps_before;
      for (uint64_t id : freed_ids) {
        auto it = index.find(id);
        if (it != index.end()) report->objects[it->second].freed = true;
      }
      for (uint64_t id : survived_ids) {
        auto it = index.find(id);
        if (it != index.end()) report->objects[it->second].freed = false;
      }
      for (int i = 0; i < 3; ++i) {
        report->counts_after[i] = gc.count[i];
        report->sizes_after[i] = static_cast<int64_t>(list_size(&gc.heads[i]));
      }
    }
    return n + m;
  }

  void debug_cycle(const char* what, Object* o) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " %p>\n", static_cast<void*>(o));
    in.write_stderr(std::string("gc: ") + what + " <" + o->type->name + buf);
  }
};

// gc.callbacks, each called with (phase, info).
void invoke_callbacks(Interp& in, const char* phase, int generation, int64_t collected, int64_t uncollectable) {
  auto* cbs = static_cast<ListObj*>(in.gc.callbacks);
  if (!cbs || cbs->items.empty()) return;
  DictObj* info = new_dict(in);
  dict_set_str(in, info, "generation", new_int(in, generation));
  dict_set_str(in, info, "collected", new_int(in, collected));
  dict_set_str(in, info, "uncollectable", new_int(in, uncollectable));
  Object* ph = new_str(in, phase);
  for (size_t i = 0; i < cbs->items.size(); ++i) {
    Object* cb = incref(cbs->items[i]);
    Object* saved = in.fetch_error();
    if (Object* r = call2(in, cb, ph, info)) {
      decref(r);
    } else if (Object* e = in.fetch_error()) {
      if (in.report_unraisable) in.report_unraisable(in, e, cb);
      decref(e);
    }
    in.exc = saved;
    decref(cb);
  }
  decref(ph);
  decref(info);
}

}  // namespace

void call_unraisable(Interp& in, Object* fn, Object* arg) {
  Object* saved = in.fetch_error();
  if (Object* r = call1(in, fn, arg)) {
    decref(r);
  } else if (Object* e = in.fetch_error()) {
    if (in.report_unraisable) in.report_unraisable(in, e, fn);
    decref(e);
  }
  xdecref(in.exc);
  in.exc = saved;
}

int64_t gc_collect(Interp& in, int generation, events::GcCollection::Reason reason) {
  GcState& gc = in.gc;
  if (gc.collecting) return 0;
  gc.collecting = true;
  gc.pending = false;
  invoke_callbacks(in, "start", generation, 0, 0);
  Collector c(in);
  std::unique_ptr<events::GcCollection> report;
  if (in.observer) {
    report = std::make_unique<events::GcCollection>();
    report->step = in.steps;
    report->reason = reason;
    // The objects' details only where the observer looks (a replay runs
    // the earlier steps fast).
    c.report = report.get();
    c.details = in.observer->wants_details() && in.steps + 1 >= in.observe_from;
    report->generation = generation;
    for (int i = 0; i < 3; ++i) {
      report->counts_before[i] = gc.count[i];
      report->sizes_before[i] = static_cast<int64_t>(list_size(&gc.heads[i]));
    }
    in.observer->on_gc_start(*report);
  }
  int64_t collected = 0, uncollectable = 0;
  int64_t n = c.collect(generation, &collected, &uncollectable);
  invoke_callbacks(in, "stop", generation, collected, uncollectable);
  gc.collecting = false;
  if (report) in.observer->on_gc_collect(*report);
  return n;
}

void gc_collect_due(Interp& in) {
  GcState& gc = in.gc;
  gc.pending = false;
  if (!gc.enabled || gc.collecting || in.error()) return;
  // The oldest generation over its threshold, but a full collection only
  // when a quarter of the long-lived objects are new (CPython's rule
  // against quadratic behaviour).  Under stress generation 0 is always due.
  for (int i = 2; i >= 0; --i) {
    if (gc.count[i] > gc.threshold[i] || (i == 0 && gc.stress)) {
      if (i == 2 && gc.long_lived_pending < gc.long_lived_total / 4) continue;
      gc_collect(in, i, events::GcCollection::Reason::kAutomatic);
      break;
    }
  }
}

std::vector<Object*> gc_objects(Interp& in, int generation) {
  std::vector<Object*> out;
  for (int i = generation < 0 ? 0 : generation; i <= (generation < 0 ? 2 : generation); ++i) {
    for (GcObject* g = in.gc.heads[i].gc_next; g != &in.gc.heads[i]; g = g->gc_next) out.push_back(target(g));
  }
  return out;
}

void gc_referents(Object* o, std::vector<Object*>& out) {
  std::vector<Object*> scratch;
  traverse(o, scratch, [&](Object* r) { out.push_back(r); });
}

void gc_freeze(Interp& in) {
  for (int i = 0; i < 3; ++i) {
    list_set_generation(&in.gc.heads[i], 3);
    list_merge(&in.gc.heads[i], &in.gc.heads[3]);
    in.gc.count[i] = 0;
  }
}
void gc_unfreeze(Interp& in) {
  list_set_generation(&in.gc.heads[3], 2);
  list_merge(&in.gc.heads[3], &in.gc.heads[2]);
}
size_t gc_generation_size(Interp& in, int generation) { return list_size(&in.gc.heads[generation]); }
int gc_generation_of(Interp& in, Object* o) {
  GcObject* n = node(in, o);
  return n && n->tracked() ? n->gc_gen : -1;
}

// ---- the gc module -------------------------------------------------------------------------

namespace {

Object* gc_collect_fn(Interp& in, Object*, const Args& args) {
  Object* gen = nullptr;
  if (!parse_args(in, "collect", args, {"generation"}, 0, &gen)) return nullptr;
  int64_t g = 2;
  if (gen && !index_value(in, gen, &g)) return nullptr;
  if (g < 0 || g > 2) return in.raise(in.t.ValueError, "invalid generation");
  return new_int(in, gc_collect(in, static_cast<int>(g), events::GcCollection::Reason::kCollectCall));
}

Object* gc_enable(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "enable", args, 0, 0)) return nullptr;
  in.gc.enabled = true;
  return incref(in.None);
}
Object* gc_disable(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "disable", args, 0, 0)) return nullptr;
  in.gc.enabled = false;
  return incref(in.None);
}
Object* gc_isenabled(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "isenabled", args, 0, 0)) return nullptr;
  return new_bool(in, in.gc.enabled);
}
Object* gc_get_count(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "get_count", args, 0, 0)) return nullptr;
  int64_t c[3] = {in.gc.count[0], in.gc.count[1], in.gc.count[2]};
  return new_tuple(in, {new_int(in, c[0]), new_int(in, c[1]), new_int(in, c[2])});
}
Object* gc_get_threshold(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "get_threshold", args, 0, 0)) return nullptr;
  auto& t = in.gc.threshold;
  return new_tuple(in, {new_int(in, t[0]), new_int(in, t[1]), new_int(in, t[2])});
}
Object* gc_set_threshold(Interp& in, Object*, const Args& args) {
  if (!no_kwargs(in, "set_threshold", args) || !arg_count(in, "set_threshold", args, 1, 3)) return nullptr;
  for (size_t i = 0; i < args.npos; ++i) {
    int64_t v;
    if (!index_value(in, args.items[i], &v)) return nullptr;
    in.gc.threshold[i] = v;
  }
  return incref(in.None);
}
Object* gc_get_debug(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "get_debug", args, 0, 0)) return nullptr;
  return new_int(in, in.gc.debug);
}
Object* gc_set_debug(Interp& in, Object*, const Args& args) {
  if (!no_kwargs(in, "set_debug", args) || !arg_count(in, "set_debug", args, 1, 1)) return nullptr;
  int64_t v;
  if (!index_value(in, args.items[0], &v)) return nullptr;
  in.gc.debug = static_cast<int>(v);
  return incref(in.None);
}

Object* gc_get_objects(Interp& in, Object*, const Args& args) {
  Object* gen = nullptr;
  if (!parse_args(in, "get_objects", args, {"generation"}, 0, &gen)) return nullptr;
  int64_t g = -1;
  if (gen && gen != in.None) {
    if (!index_value(in, gen, &g)) return nullptr;
    if (g >= 3) {
      return in.raise(in.t.ValueError, "generation parameter must be less than the number of available generations (3)");
    }
    if (g < 0) return in.raise(in.t.ValueError, "generation parameter cannot be negative");
  }
  std::vector<Object*> objs = gc_objects(in, static_cast<int>(g));
  for (Object* o : objs) incref(o);
  return new_list(in, std::move(objs));
}

Object* gc_get_referrers(Interp& in, Object*, const Args& args) {
  if (!no_kwargs(in, "get_referrers", args)) return nullptr;
  std::vector<Object*> out, refs;
  for (Object* o : gc_objects(in, -1)) {
    refs.clear();
    gc_referents(o, refs);
    bool hit = false;
    for (Object* r : refs) {
      for (size_t i = 0; i < args.npos && !hit; ++i) hit = r == args.items[i];
    }
    if (hit) out.push_back(incref(o));
  }
  return new_list(in, std::move(out));
}

Object* gc_get_referents(Interp& in, Object*, const Args& args) {
  if (!no_kwargs(in, "get_referents", args)) return nullptr;
  std::vector<Object*> out;
  for (size_t i = 0; i < args.npos; ++i) {
    if (node(in, args.items[i])) gc_referents(args.items[i], out);
  }
  for (Object* o : out) incref(o);
  return new_list(in, std::move(out));
}

Object* gc_is_tracked(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "is_tracked", args, 1, 1)) return nullptr;
  GcObject* n = node(in, args.items[0]);
  return new_bool(in, n && n->tracked());
}
Object* gc_is_finalized(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "is_finalized", args, 1, 1)) return nullptr;
  Object* o = args.items[0];
  return new_bool(in, is_gc(o) && (static_cast<GcObject*>(o)->gc_bits & GcObject::kFinalized));
}
Object* gc_freeze_fn(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "freeze", args, 0, 0)) return nullptr;
  gc_freeze(in);
  return incref(in.None);
}
Object* gc_unfreeze_fn(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "unfreeze", args, 0, 0)) return nullptr;
  gc_unfreeze(in);
  return incref(in.None);
}
Object* gc_get_freeze_count(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "get_freeze_count", args, 0, 0)) return nullptr;
  return new_int(in, static_cast<int64_t>(gc_generation_size(in, 3)));
}
Object* gc_get_stats(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "get_stats", args, 0, 0)) return nullptr;
  std::vector<Object*> out;
  for (auto& st : in.gc.stats) {
    DictObj* d = new_dict(in);
    dict_set_str(in, d, "collections", new_int(in, st.collections));
    dict_set_str(in, d, "collected", new_int(in, st.collected));
    dict_set_str(in, d, "uncollectable", new_int(in, st.uncollectable));
    out.push_back(d);
  }
  return new_list(in, std::move(out));
}

}  // namespace

void init_gc_module(Interp& in) {
  ModuleObj* mod = make_module(in, "gc");
  struct Fn {
    const char* name;
    MethodFn fn;
  };
  for (Fn f : {Fn{"collect", gc_collect_fn}, Fn{"enable", gc_enable}, Fn{"disable", gc_disable},
               Fn{"isenabled", gc_isenabled}, Fn{"get_count", gc_get_count}, Fn{"get_threshold", gc_get_threshold},
               Fn{"set_threshold", gc_set_threshold}, Fn{"get_debug", gc_get_debug}, Fn{"set_debug", gc_set_debug},
               Fn{"get_objects", gc_get_objects}, Fn{"get_referrers", gc_get_referrers},
               Fn{"get_referents", gc_get_referents}, Fn{"is_tracked", gc_is_tracked},
               Fn{"is_finalized", gc_is_finalized}, Fn{"freeze", gc_freeze_fn}, Fn{"unfreeze", gc_unfreeze_fn},
               Fn{"get_freeze_count", gc_get_freeze_count}, Fn{"get_stats", gc_get_stats}}) {
    dict_set_str(in, mod->dict, f.name, new_builtin(in, f.name, f.fn, mod));
  }
  in.gc.garbage = new_list(in, {});
  in.gc.callbacks = new_list(in, {});
  dict_set_str(in, mod->dict, "garbage", incref(in.gc.garbage));
  dict_set_str(in, mod->dict, "callbacks", incref(in.gc.callbacks));
  dict_set_str(in, mod->dict, "DEBUG_STATS", new_int(in, GcState::kDebugStats));
  dict_set_str(in, mod->dict, "DEBUG_COLLECTABLE", new_int(in, GcState::kDebugCollectable));
  dict_set_str(in, mod->dict, "DEBUG_UNCOLLECTABLE", new_int(in, GcState::kDebugUncollectable));
  dict_set_str(in, mod->dict, "DEBUG_SAVEALL", new_int(in, GcState::kDebugSaveAll));
  dict_set_str(in, mod->dict, "DEBUG_LEAK", new_int(in, GcState::kDebugCollectable | GcState::kDebugUncollectable |
                                                          GcState::kDebugSaveAll));
  decref(mod);
}

}  // namespace pylife::runtime
