"""Warning control, the parts of CPython's warnings module programs use.

pylife's version: warn() with a category and stacklevel, the filters
(simplefilter, filterwarnings, resetwarnings) with the actions "default",
"always", "ignore", "error", "once" and "module", catch_warnings (with
record=True), showwarning/formatwarning.  A warning prints as CPython
prints it: "FILE:LINE: Category: message" and the source line, once per
location under the default action.
"""

import sys
import _pylife_io

__all__ = ["warn", "showwarning", "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings", "WarningMessage"]

_ACTIONS = ("default", "always", "ignore", "error", "once", "module")

# (action, message prefix (lowercase, or None), category, module, lineno)
filters = []
_defaults = [("default", None, DeprecationWarning, "__main__", 0),
             ("ignore", None, DeprecationWarning, None, 0),
             ("ignore", None, PendingDeprecationWarning, None, 0),
             ("ignore", None, ImportWarning, None, 0),
             ("ignore", None, ResourceWarning, None, 0)]
_registry = set()
_onceregistry = set()


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}" %
                (self.message, self._category_name, self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    text = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        text += "  " + line.strip() + "\n"
    return text


def _source_line(filename, lineno):
    try:
        lines = _pylife_io.read(filename).decode("utf-8", "replace").splitlines()
    except (OSError, TypeError):
        return None
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return None


def showwarning(message, category, filename, lineno, file=None, line=None):
    out = sys.stderr if file is None else file
    try:
        out.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    _add_filter((action, message.lower() if message else None, category, module or None, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    _add_filter((action, None, category, None, lineno), append)


def _add_filter(item, append):
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def resetwarnings():
    filters[:] = []


def _action_for(text, category, module, lineno):
    for action, msg, cat, mod, ln in filters + _defaults:
        if ((msg is None or text.lower().startswith(msg)) and issubclass(category, cat) and
                (mod is None or mod == module) and (ln == 0 or ln == lineno)):
            return action
    return "default"


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or raise it as an error, as the filters say."""
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    filename, lineno, module = _pylife_io.location(stacklevel)
    text = str(message)
    action = _action_for(text, category, module, lineno)
    if action == "error":
        raise message if isinstance(message, Warning) else category(message)
    if action == "ignore":
        return
    if action == "once":
        key = (text, category)
        if key in _onceregistry:
            return
        _onceregistry.add(key)
    elif action == "module":
        key = (text, category, filename)
        if key in _registry:
            return
        _registry.add(key)
    elif action == "default":
        key = (text, category, filename, lineno)
        if key in _registry:
            return
        _registry.add(key)
    msg = message if isinstance(message, Warning) else category(message)
    show = showwarning
    show(msg, category, filename, lineno)


class catch_warnings:
    """Saves the filters (and showwarning) and restores them on exit;
    with record=True, warnings are collected in the list __enter__
    returns instead of being shown."""

    def __init__(self, *, record=False, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._filter = (action, category, lineno, append) if action else None
        self._entered = False

    def __enter__(self):
        global showwarning
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        self._saved_filters = filters[:]
        self._saved_show = showwarning
        self._saved_registry = set(_registry)
        if self._filter:
            simplefilter(*self._filter)
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))
            showwarning = record
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        filters[:] = self._saved_filters
        showwarning = self._saved_show
        _registry.clear()
        _registry.update(self._saved_registry)
