"""weakref for pylife: ref (from _weakref), getweakrefcount, getweakrefs,
WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize.

The containers hold weak references whose callbacks remove the entry when
its object goes; the callbacks reach the container through a weak
reference too, so a container never keeps itself alive."""

from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs

__all__ = ['ref', 'ReferenceType', 'getweakrefcount', 'getweakrefs',
           'WeakValueDictionary', 'WeakKeyDictionary', 'WeakSet', 'finalize']


def _remover(selfref, key):
    def remove(wr):
        d = selfref()
        if d is not None and d.data.get(key) is wr:
            del d.data[key]
    return remove


class WeakValueDictionary:
    """A dict whose values are held weakly: an entry goes with its value."""

    def __init__(self, other=(), /, **kwargs):
        self.data = {}
        self._selfref = ref(self)
        self.update(other, **kwargs)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value, _remover(self._selfref, key))

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return sum(1 for wr in self.data.values() if wr() is not None)

    def __iter__(self):
        for key, wr in list(self.data.items()):
            if wr() is not None:
                yield key

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x}>"

    def keys(self):
        return list(self)

    def values(self):
        return [o for o in (wr() for wr in list(self.data.values())) if o is not None]

    def items(self):
        out = []
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((key, o))
        return out

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *default):
        wr = self.data.pop(key, None)
        o = wr() if wr is not None else None
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kwargs):
        if hasattr(other, 'items'):
            other = other.items()
        for key, value in other:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def copy(self):
        return type(self)(self.items())

    def valuerefs(self):
        return list(self.data.values())


class _WeakKeys:
    """What WeakKeyDictionary and WeakSet share: `data` keyed by weak
    references whose callback drops the entry (reaching the container
    through a weak reference too)."""

    def __init__(self, data):
        self.data = data
        selfref = ref(self)

        def remove(wr):
            owner = selfref()
            if owner is not None:
                owner._drop(wr)
        self._remove = remove

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o


class WeakKeyDictionary(_WeakKeys):
    """A dict whose keys are held weakly: an entry goes with its key."""

    def __init__(self, other=(), /):
        _WeakKeys.__init__(self, {})
        self.update(other)

    def _drop(self, wr):
        self.data.pop(wr, None)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x}>"

    def keys(self):
        return list(self)

    def values(self):
        return [v for wr, v in list(self.data.items()) if wr() is not None]

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((o, v))
        return out

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, other=(), /):
        if hasattr(other, 'items'):
            other = other.items()
        for key, value in other:
            self[key] = value


class WeakSet(_WeakKeys):
    """A set whose members are held weakly: a member goes when it dies."""

    def __init__(self, data=()):
        _WeakKeys.__init__(self, set())
        for item in data:
            self.add(item)

    def _drop(self, wr):
        self.data.discard(wr)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __repr__(self):
        return f"{type(self).__name__}({set(self)!r})"


class _FinalizeInfo:
    __slots__ = ('weakref', 'func', 'args', 'kwargs', 'atexit', 'index')


class finalize:
    """finalize(obj, func, *args, **kwargs): func(*args, **kwargs) is
    called once, when obj is garbage collected or when the finalize object
    is called, whichever comes first."""

    __slots__ = ()
    _registry = {}
    _counter = [0]

    def __init__(self, obj, func, /, *args, **kwargs):
        info = _FinalizeInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._counter[0]
        finalize._counter[0] += 1
        finalize._registry[self] = info

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return f'<{type(self).__name__} object at {id(self):#x}; dead>'
        return (f'<{type(self).__name__} object at {id(self):#x}; '
                f'for {type(obj).__name__!r} at {id(obj):#x}>')
