"""itertools for pylife, written in Python: iterator building blocks."""


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for item in iterable:
        yield item
        saved.append(item)
    while saved:
        for item in saved:
            yield item


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj


def accumulate(iterable, func=None, *, initial=None):
    items = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(items)
        except StopIteration:
            return
    yield total
    for item in items:
        total = total + item if func is None else func(total, item)
        yield total


class chain:
    """chain(a, b, ...): the items of a, then of b, ..."""

    def __init__(self, *iterables):
        self._parts = iter(iterables)
        self._current = iter(())

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            try:
                return next(self._current)
            except StopIteration:
                self._current = iter(next(self._parts))

    @classmethod
    def from_iterable(cls, iterables):
        return cls(*iterables)


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    items = iter(iterable)
    for item in items:
        if not predicate(item):
            yield item
            break
    for item in items:
        yield item


def takewhile(predicate, iterable):
    for item in iterable:
        if not predicate(item):
            break
        yield item


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for item in iterable:
        if not predicate(item):
            yield item


def islice(iterable, *args):
    bounds = slice(*args)
    start = bounds.start or 0
    stop = bounds.stop
    step = bounds.step or 1
    if start < 0 or (stop is not None and stop < 0) or step <= 0:
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    # CPython's islice_next: never takes an item past the stop.
    it = iter(iterable)
    count = 0
    wanted = start
    while True:
        while count < wanted:
            try:
                next(it)
            except StopIteration:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        count += 1
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop
        yield item


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def tee(iterable, n=2):
    items = iter(iterable)
    buffers = [[] for _ in range(n)]

    def branch(mine):
        while True:
            if not mine:
                try:
                    item = next(items)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(item)
            yield mine.pop(0)
    return tuple(branch(b) for b in buffers)


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    while active:
        row = []
        for i, it in enumerate(iterators):
            try:
                row.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                row.append(fillvalue)
        yield tuple(row)


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    results = [()]
    for pool in pools:
        results = [prefix + (item,) for prefix in results for item in pool]
    for r in results:
        yield r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    if r == 0:
        yield ()
        return
    # Depth-first over the index chosen at each position, in order.
    chosen = [0] * r
    following = [0] * r  # the next index to try at each depth
    used = [False] * n
    depth = 0
    while depth >= 0:
        i = following[depth]
        while i < n and used[i]:
            i += 1
        if i >= n:  # this position is exhausted: back up one
            depth -= 1
            if depth >= 0:
                used[chosen[depth]] = False
                following[depth] = chosen[depth] + 1
            continue
        chosen[depth] = i
        following[depth] = i + 1
        if depth == r - 1:
            yield tuple(pool[k] for k in chosen)
        else:
            used[i] = True
            depth += 1
            following[depth] = 0


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    chosen = list(range(r))
    yield tuple(pool[i] for i in chosen)
    while True:
        # The rightmost index that can still move right.
        i = r - 1
        while i >= 0 and chosen[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        chosen[i] += 1
        for j in range(i + 1, r):
            chosen[j] = chosen[j - 1] + 1
        yield tuple(pool[k] for k in chosen)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    chosen = [0] * r
    yield tuple(pool[i] for i in chosen)
    while True:
        i = r - 1
        while i >= 0 and chosen[i] == n - 1:
            i -= 1
        if i < 0:
            return
        value = chosen[i] + 1
        for j in range(i, r):
            chosen[j] = value
        yield tuple(pool[k] for k in chosen)


_NONE = object()


class groupby:
    """groupby(iterable, key): (key, group iterator) for each run of equal keys."""

    def __init__(self, iterable, key=None):
        self._key = (lambda x: x) if key is None else key
        self._items = iter(iterable)
        self._pending = _NONE  # (key, item) read ahead; None at the end
        self._current = _NONE  # the key of the group handed out last
        self._group = 0

    def __iter__(self):
        return self

    def _advance(self):
        try:
            item = next(self._items)
        except StopIteration:
            self._pending = None
            return
        self._pending = (self._key(item), item)

    def __next__(self):
        if self._pending is _NONE:
            self._advance()
        # What is left of the previous group is skipped.
        while self._pending is not None and self._current is not _NONE and self._pending[0] == self._current:
            self._advance()
        if self._pending is None:
            raise StopIteration
        self._current = self._pending[0]
        self._group += 1
        return self._current, self._members(self._group)

    def _members(self, group):
        while self._group == group and self._pending is not None and self._pending[0] == self._current:
            yield self._pending[1]
            self._advance()


def pairwise(iterable):
    items = iter(iterable)
    try:
        previous = next(items)
    except StopIteration:
        return
    for item in items:
        yield previous, item
        previous = item
