"""dataclasses for pylife, written in Python: @dataclass and field()."""

_MISSING = object()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default=_MISSING, default_factory=_MISSING, init=True, repr=True,
                 hash=None, compare=True, kw_only=False):
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError('cannot specify both default and default_factory')
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.kw_only = kw_only

    def __repr__(self):
        return f'Field(name={self.name!r},type={self.type!r},default={self.default!r},' \
               f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r})'


def field(*, default=_MISSING, default_factory=_MISSING, init=True, repr=True, hash=None,
          compare=True, kw_only=False):
    return Field(default, default_factory, init, repr, hash, compare, kw_only)


MISSING = _MISSING


def fields(class_or_instance):
    try:
        table = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(table.values())


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


# (A module-level function: a nested one calling itself would be a
# reference cycle, which pylife frees only with the cycle collector.)
def _asdict_value(value):
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _asdict_value(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return type(value)(_asdict_value(v) for v in value)
    if isinstance(value, dict):
        return {_asdict_value(k): _asdict_value(v) for k, v in value.items()}
    return value


def asdict(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_value(obj)


def astuple(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple(getattr(obj, f.name) for f in fields(obj))


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def _is_classvar(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith('ClassVar') or text.startswith('typing.ClassVar')


def _collect(cls):
    table = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, '__dataclass_fields__', {}).values():
            table[f.name] = f
    for name, annotation in cls.__dict__.get('__annotations__', {}).items():
        if _is_classvar(annotation):
            continue
        default = cls.__dict__.get(name, _MISSING)
        f = default if isinstance(default, Field) else Field(default=default)
        f.name = name
        f.type = annotation
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: '
                             'use default_factory')
        if f.default is _MISSING and name in cls.__dict__:
            delattr(cls, name)
        elif f.default is not _MISSING:
            setattr(cls, name, f.default)
        table[name] = f
    return table


def _make_init(cls, table, frozen):
    params = [f for f in table.values() if f.init]
    seen_default = False
    for f in params:
        has_default = f.default is not _MISSING or f.default_factory is not _MISSING
        if seen_default and not has_default and not f.kw_only:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
        seen_default = seen_default or has_default
    qualname = cls.__qualname__

    def __init__(self, *args, **kwargs):
        if len(args) > len(params):
            raise TypeError(f'{qualname}.__init__() takes {len(params) + 1} positional arguments '
                            f'but {len(args) + 1} were given')
        values = {}
        for f, value in zip(params, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if name in values:
                raise TypeError(f"{qualname}.__init__() got multiple values for argument '{name}'")
            if not any(f.name == name for f in params):
                raise TypeError(f"{qualname}.__init__() got an unexpected keyword argument '{name}'")
            values[name] = value
        missing = [f.name for f in params if f.name not in values
                   and f.default is _MISSING and f.default_factory is _MISSING]
        if missing:
            listed = ' and '.join(repr(m) for m in missing) if len(missing) <= 2 else \
                ', '.join(repr(m) for m in missing[:-1]) + ', and ' + repr(missing[-1])
            raise TypeError(f"{qualname}.__init__() missing {len(missing)} required positional "
                            f"argument{'s' if len(missing) > 1 else ''}: {listed}")
        for f in table.values():
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not _MISSING:
                value = f.default_factory()
            elif f.default is not _MISSING:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        post = getattr(self, '__post_init__', None)
        if post is not None:
            post()
    __init__.__qualname__ = qualname + '.__init__'
    return __init__


def _process(cls, init, repr, eq, order, frozen, unsafe_hash):
    table = _collect(cls)
    cls.__dataclass_fields__ = table
    names = [f.name for f in table.values()]
    compared = [f.name for f in table.values() if f.compare]

    def as_tuple(self):
        return tuple(getattr(self, n) for n in compared)

    if init and '__init__' not in cls.__dict__:
        cls.__init__ = _make_init(cls, table, frozen)
    if repr and '__repr__' not in cls.__dict__:
        shown = [f.name for f in table.values() if f.repr]

        def __repr__(self):
            return f"{type(self).__qualname__}(" + ', '.join(f'{n}={getattr(self, n)!r}' for n in shown) + ')'
        cls.__repr__ = __repr__
    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return as_tuple(self) == as_tuple(other)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        def comparer(op):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return op(as_tuple(self), as_tuple(other))
                return NotImplemented
            return compare
        cls.__lt__ = comparer(lambda a, b: a < b)
        cls.__le__ = comparer(lambda a, b: a <= b)
        cls.__gt__ = comparer(lambda a, b: a > b)
        cls.__ge__ = comparer(lambda a, b: a >= b)
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = lambda self: hash(as_tuple(self))
    elif eq and '__hash__' not in cls.__dict__:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in table.values() if f.init)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    """Add __init__, __repr__, __eq__ (and more) from the class's annotated fields."""
    def wrap(cls):
        return _process(cls, init, repr, eq, order, frozen, unsafe_hash)
    return wrap if cls is None else wrap(cls)
