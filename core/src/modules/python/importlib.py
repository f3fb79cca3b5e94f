"""importlib for pylife: import_module, reload and invalidate_caches over
pylife's import system (the machinery itself is C++; see docs/imports.md)."""

import sys
import _imp

__all__ = ['import_module', 'reload', 'invalidate_caches']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Import a module; a relative name ('.x') needs [package]."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
    if not isinstance(name, str):
        raise TypeError('module name must be str, not {}'.format(type(name)))
    if level == 0 and not name:
        raise ValueError('Empty module name')
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def reload(module):
    """Run the module's (possibly edited) source again in the same module
    object, and return it."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError("module {} not in sys.modules".format(name), name=name)
    parent_name = name.rpartition('.')[0]
    if parent_name and parent_name not in sys.modules:
        raise ImportError("parent {!r} not in sys.modules".format(parent_name), name=parent_name)
    _imp.exec_module_again(module)
    return sys.modules[name]


def invalidate_caches():
    """pylife keeps no finder caches: nothing to do."""
