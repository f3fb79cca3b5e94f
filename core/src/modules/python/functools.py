"""functools for pylife, written in Python: the tools courses use
(wraps, partial, reduce, total_ordering, cmp_to_key, lru_cache, cache)."""

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: its name, doc, module, attributes."""
    for name in assigned:
        if hasattr(wrapped, name):
            setattr(wrapper, name, getattr(wrapped, name))
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """A decorator applying update_wrapper(wrapper, wrapped)."""
    def decorate(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorate


_missing = object()


def reduce(function, iterable, initial=_missing):
    """Fold iterable from the left: function(function(a, b), c) ..."""
    items = iter(iterable)
    if initial is _missing:
        try:
            result = next(items)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        result = initial
    for item in items:
        result = function(result, item)
    return result


class partial:
    """A callable that calls func with some arguments filled in."""

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)  # not super(): no __class__ cell, no cycle
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        shown = [repr(self.func)]
        shown.extend(repr(a) for a in self.args)
        shown.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        return f"functools.{type(self).__qualname__}({', '.join(shown)})"


# total_ordering: from one comparison (and ==), the three others.  For
# each root, how each other result follows from the root's result r and
# ne(), which asks self != other only when it is needed.
_DERIVE = {
    '__lt__': {'__gt__': lambda r, ne: not r and ne(), '__le__': lambda r, ne: r or not ne(),
               '__ge__': lambda r, ne: not r},
    '__le__': {'__ge__': lambda r, ne: not r or not ne(), '__lt__': lambda r, ne: r and ne(),
               '__gt__': lambda r, ne: not r},
    '__gt__': {'__lt__': lambda r, ne: not r and ne(), '__ge__': lambda r, ne: r or not ne(),
               '__le__': lambda r, ne: not r},
    '__ge__': {'__le__': lambda r, ne: not r or not ne(), '__gt__': lambda r, ne: r and ne(),
               '__lt__': lambda r, ne: not r},
}


def _derived(root, rule):
    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        return rule(r, lambda: self != other)
    return method


def total_ordering(cls):
    """Class decorator: define the missing rich comparisons from one."""
    defined = [op for op in _DERIVE if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(defined)
    for op, rule in _DERIVE[root].items():
        if op not in defined:
            method = _derived(root, rule)
            method.__name__ = op
            method.__qualname__ = cls.__qualname__ + '.' + op
            setattr(cls, op, method)
    return cls


def cmp_to_key(mycmp):
    """Turn an old-style cmp(a, b) function into a key= function."""
    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


class _CacheInfo(tuple):
    """(hits, misses, maxsize, currsize), shown as CPython's namedtuple."""

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])


def _cached(function, maxsize, typed):
    results = {}
    hits = misses = 0

    def wrapper(*args, **kwargs):
        nonlocal hits, misses
        key = args
        if kwargs:
            key += (_missing,) + tuple(kwargs.items())
        if typed:
            key += tuple(type(a) for a in args) + tuple(type(v) for v in kwargs.values())
        if key in results:
            hits += 1
            value = results.pop(key)
            results[key] = value  # the most recently used goes last
            return value
        misses += 1
        value = function(*args, **kwargs)
        if maxsize is None or maxsize > 0:
            results[key] = value
            if maxsize is not None and len(results) > maxsize:
                del results[next(iter(results))]  # the least recently used
        return value

    def cache_info():
        return _CacheInfo((hits, misses, maxsize, len(results)))

    def cache_clear():
        nonlocal hits, misses
        results.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return update_wrapper(wrapper, function)


def lru_cache(maxsize=128, typed=False):
    """Memoize a function, keeping the maxsize most recent results."""
    if callable(maxsize) and isinstance(typed, bool):
        return _cached(maxsize, 128, typed)  # used as @lru_cache
    if maxsize is not None and not isinstance(maxsize, int):
        raise TypeError('Expected first argument to be an integer, a callable, or None')
    if maxsize is not None and maxsize < 0:
        maxsize = 0
    return lambda function: _cached(function, maxsize, typed)


def cache(function):
    """Memoize a function without limit (lru_cache(maxsize=None))."""
    return _cached(function, None, False)
