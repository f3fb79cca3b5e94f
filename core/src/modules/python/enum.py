"""enum for pylife, written in Python: Enum, IntEnum, StrEnum, auto,
unique."""


class auto:
    """A member value chosen for you: 1, 2, 3... (a StrEnum: the name, lowercased)."""

    def __init__(self):
        self.value = None

    def __repr__(self):
        return 'auto()'


def _member_repr(self):
    return f'<{type(self).__name__}.{self.name}: {self.value!r}>'


class EnumMeta(type):
    """Makes each name = value of a class body a member (an instance)."""

    def __new__(mcls, name, bases, namespace):
        plain = {}
        members = []
        for key, value in namespace.items():
            is_member = (not key.startswith('_') and not callable(value)
                         and not isinstance(value, (classmethod, staticmethod, property)))
            if is_member:
                members.append((key, value))
            else:
                plain[key] = value
        cls = type.__new__(mcls, name, bases, plain)
        cls._member_map_ = {}
        cls._member_names_ = []
        cls._value2member_map_ = {}
        cls._names_ = {}   # id(member) -> name
        cls._values_ = {}  # id(member) -> value
        data_type = None
        for klass in cls.__mro__[1:]:
            if klass in (int, str, float):
                data_type = klass
                break
        if data_type is not None and '__repr__' not in namespace:
            # The data type's repr would come first in the MRO: members of
            # IntEnum and StrEnum keep the enum's.
            type.__setattr__(cls, '__repr__', _member_repr)
        last = 0
        for key, value in members:
            if isinstance(value, auto):
                if data_type is str:
                    value = key.lower()
                else:
                    value = last + 1
            if isinstance(value, int):
                last = value
            if value in cls._value2member_map_:  # an alias of an earlier member
                cls._member_map_[key] = cls._value2member_map_[value]
                type.__setattr__(cls, key, cls._value2member_map_[value])
                continue
            if data_type is not None:
                member = data_type.__new__(cls, value)
            else:
                member = object.__new__(cls)
            cls._names_[id(member)] = key
            cls._values_[id(member)] = value
            cls._member_map_[key] = member
            cls._member_names_.append(key)
            cls._value2member_map_[value] = member
            type.__setattr__(cls, key, member)
        return cls

    def __call__(cls, value):
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}') from None

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and id(member) in cls._names_

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')
        type.__setattr__(cls, name, value)


EnumType = EnumMeta


class Enum(metaclass=EnumMeta):
    """Members: Color.RED, Color(1), Color['RED']; .name and .value."""

    @property
    def name(self):
        return type(self)._names_[id(self)]

    @property
    def value(self):
        return type(self)._values_[id(self)]

    __repr__ = _member_repr

    def __str__(self):
        return f'{type(self).__name__}.{self.name}'

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self.name)

    def __reduce_ex__(self, proto):
        return type(self), (self.value,)


class IntEnum(int, Enum):
    """Members are ints too (and print as their value)."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return int.__format__(self, spec)


class StrEnum(str, Enum):
    """Members are strs too (and print as their value)."""

    def __str__(self):
        return str.__str__(self)

    def __format__(self, spec):
        return str.__format__(self, spec)


def unique(enumeration):
    """Class decorator: no two names for one value."""
    aliases = [name for name, member in enumeration._member_map_.items() if member.name != name]
    if aliases:
        details = ', '.join(f'{alias} -> {enumeration._member_map_[alias].name}' for alias in aliases)
        raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
    return enumeration
