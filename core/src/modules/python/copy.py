"""copy for pylife: shallow and deep copies."""


class Error(Exception):
    pass


_IMMUTABLE = (type(None), int, float, bool, complex, str, bytes, range, type, frozenset)


def copy(x):
    cls = type(x)
    if cls in _IMMUTABLE or cls is tuple:
        return x
    if cls in (list, dict, set):
        return cls(x)
    if hasattr(x, '__copy__'):
        return x.__copy__()
    new = object.__new__(cls)
    if hasattr(x, '__dict__'):
        new.__dict__.update(x.__dict__)
    return new


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if cls in _IMMUTABLE or callable(x) and not hasattr(x, '__dict__'):
        return x
    if cls is list:
        y = []
        memo[key] = y
        y.extend(deepcopy(item, memo) for item in x)
        return y
    if cls is tuple:
        y = tuple(deepcopy(item, memo) for item in x)
        return memo.setdefault(key, y)
    if cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is set:
        y = set()
        memo[key] = y
        for item in x:
            y.add(deepcopy(item, memo))
        return y
    if hasattr(x, '__deepcopy__'):
        return x.__deepcopy__(memo)
    y = object.__new__(cls)
    memo[key] = y
    if hasattr(x, '__dict__'):
        for k, v in x.__dict__.items():
            y.__dict__[k] = deepcopy(v, memo)
    return y
