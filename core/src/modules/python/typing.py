"""typing for pylife: the names programs import for annotations.  They can
be subscripted (List[int]); pylife evaluates annotations and ignores them."""


class _Special:
    def __init__(self, name, args=()):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Special(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate typing.{self._name}")

    def __repr__(self):
        if not self.__args__:
            return 'typing.' + self._name
        shown = ', '.join(getattr(a, '__name__', None) or repr(a) for a in self.__args__)
        return f'typing.{self._name}[{shown}]'

    def __or__(self, other):
        return _Special('Union', (self, other))


Any = _Special('Any')
Union = _Special('Union')
Optional = _Special('Optional')
List = _Special('List')
Dict = _Special('Dict')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Tuple = _Special('Tuple')
Callable = _Special('Callable')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
Sequence = _Special('Sequence')
Mapping = _Special('Mapping')
Type = _Special('Type')
ClassVar = _Special('ClassVar')
Final = _Special('Final')
Literal = _Special('Literal')
NoReturn = _Special('NoReturn')
Self = _Special('Self')
TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol:
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def NamedTuple(typename, fields=None, **kwargs):
    from collections import namedtuple
    names = [name for name, _ in (fields or kwargs.items())]
    return namedtuple(typename, names)
