"""The import system's bookkeeping objects, as importlib._bootstrap (which
CPython freezes as _frozen_importlib) has them: ModuleSpec, the source file
loader and the namespace package path.  pylife's C++ import system finds,
caches, compiles and runs modules; it calls _init_module_attrs to give
each new module the attributes CPython gives it, in CPython's order."""


class ModuleSpec:
    """The specification of a module: name, loader, origin, package path."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None
        self._initializing = False

    def __repr__(self):
        args = ['name={!r}'.format(self.name), 'loader={!r}'.format(self.loader)]
        if self.origin is not None:
            args.append('origin={!r}'.format(self.origin))
        if self.submodule_search_locations is not None:
            args.append('submodule_search_locations={}'.format(self.submodule_search_locations))
        return '{}({})'.format(self.__class__.__name__, ', '.join(args))

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and
                    self.origin == other.origin and smsl == other.submodule_search_locations and
                    self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class SourceFileLoader:
    """Loads a module from its source file (or its cached .pyc)."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rpartition('.')[0] == '__init__'

    def get_source(self, fullname):
        import _pylife_io
        return _pylife_io.read(self.path).decode()


SourceFileLoader.__module__ = '_frozen_importlib_external'


class NamespaceLoader:
    def __init__(self, name, path):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''


NamespaceLoader.__module__ = '_frozen_importlib_external'


class _NamespacePath:
    """A namespace package's __path__: the directories of its portions."""

    def __init__(self, name, path):
        self._name = name
        self._path = path

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._path)

    def __repr__(self):
        return '_NamespacePath({!r})'.format(self._path)

    def __contains__(self, item):
        return item in self._path

    def append(self, item):
        self._path.append(item)


_NamespacePath.__module__ = '_frozen_importlib_external'


def _init_module_attrs(module, name, origin, search_locations, cached, namespace):
    """__package__, __loader__, __spec__, __path__, __file__ and __cached__
    of a new module, as _bootstrap._init_module_attrs sets them."""
    if namespace:
        loader = NamespaceLoader(name, search_locations)
        spec = ModuleSpec(name, loader, is_package=True)
        spec.submodule_search_locations = _NamespacePath(name, list(search_locations))
        loader._path = spec.submodule_search_locations
    else:
        loader = SourceFileLoader(name, origin)
        spec = ModuleSpec(name, loader, origin=origin, is_package=search_locations is not None)
        if search_locations is not None:
            spec.submodule_search_locations = list(search_locations)
        spec.has_location = True
        spec.cached = cached
    # A new module already holds __package__, __loader__ and __spec__
    # (None), as types.ModuleType makes it.
    module.__loader__ = loader
    if namespace:
        module.__file__ = None
    module.__package__ = spec.parent
    module.__spec__ = spec
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        module.__file__ = origin
        if cached is not None:
            module.__cached__ = cached
    return spec
