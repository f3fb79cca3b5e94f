"""Regular expressions, as CPython 3.11's re module for str patterns.

pylife's own version: the pattern syntax and the matching are done by the
built-in engine _pylife_sre (a backtracking matcher written in C++), the
API here.  Present: compile, match, fullmatch, search, findall, finditer,
sub, subn, split, escape, purge, the flags (I, M, S, X, A, U and their long
names), Pattern and Match with their methods, named groups, back
references, lookahead and fixed-width lookbehind, inline flags, atomic
groups and possessive repeats.  Not present: bytes patterns, conditional
groups, \\N{...} escapes, the LOCALE flag.
"""

import _pylife_sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile",
    "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG",
    "RegexFlag",
]


class error(Exception):
    """Exception raised for invalid regular expressions.

    msg: the unformatted error message; pattern: the regular expression;
    pos: the index in the pattern where compilation failed; lineno and
    colno: that position as a line and a column."""

    __module__ = "re"

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = f"{msg} at position {pos}"
            if isinstance(pattern, str):
                newline = "\n"
            else:
                newline = b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = f"{msg} (line {self.lineno}, column {self.colno})"
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


_EngineError = _pylife_sre.error


class RegexFlag(int):
    """The re flags: ints that print by name (re.IGNORECASE|re.MULTILINE)."""

    _names = {}

    def __new__(cls, value):
        return int.__new__(cls, value)

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        parts = []
        for bit, name in _FLAG_NAMES:
            if value & bit:
                parts.append("re." + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return "|".join(parts)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __invert__(self):
        return RegexFlag(~int(self) & 0x1FF)


_FLAG_NAMES = [(2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"), (16, "DOTALL"),
               (32, "UNICODE"), (64, "VERBOSE"), (128, "DEBUG"), (256, "ASCII"), (1, "TEMPLATE")]

NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
T = TEMPLATE = RegexFlag(1)


class Pattern:
    """A compiled regular expression."""

    __module__ = "re"

    def __init__(self, pattern, flags):
        if isinstance(flags, RegexFlag):
            flags = int(flags)
        if not isinstance(pattern, str):
            raise TypeError("pylife's re handles str patterns only")
        if flags & LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if flags & ASCII and flags & UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
        try:
            program, final, groups, groupindex = _pylife_sre.compile(pattern, flags)
        except _EngineError as e:
            if e.args[1] is None:
                raise error(e.args[0]) from None
            raise error(e.args[0], pattern, e.args[1]) from None
        self._program = program
        self.pattern = pattern
        self.flags = final
        self.groups = groups
        self.groupindex = groupindex

    def __repr__(self):
        flags = self.flags & ~UNICODE if not self.flags & ASCII else self.flags
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if flags:
            return f"re.compile({text}, {RegexFlag(flags)!r})"
        return f"re.compile({text})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        if not isinstance(string, str):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        if endpos is None:
            endpos = len(string)
        marks = _pylife_sre.match(self._program, string, pos, endpos, mode, False)
        if marks is None:
            return None
        return Match(self, string, marks, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        if not isinstance(string, str):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        if endpos is None or endpos > len(string):
            endpos = len(string)
        return self._iter(string, pos, endpos)

    def _iter(self, string, pos, endpos):
        first = pos
        # After an empty match, the next match may not be empty at the same
        # place (sre's must_advance); an empty match right after a
        # non-empty one is allowed (3.7+).
        must_advance = False
        while pos <= endpos:
            marks = _pylife_sre.match(self._program, string, pos, endpos, 2, must_advance)
            if marks is None:
                return
            yield Match(self, string, marks, first, endpos)
            must_advance = marks[0] == marks[1]
            pos = marks[1]

    def findall(self, string, pos=0, endpos=None):
        result = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                result.append(m.group())
            elif self.groups == 1:
                result.append(m.group(1) or "")
            else:
                result.append(tuple(g or "" for g in m.groups()))
        return result

    def split(self, string, maxsplit=0):
        if not isinstance(string, str):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        parts = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            parts.append(string[last:m.start()])
            parts.extend(m.groups())
            last = m.end()
            n += 1
        parts.append(string[last:])
        return parts

    def subn(self, repl, string, count=0):
        if not isinstance(string, str):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        if callable(repl):
            expand = repl
        else:
            template = _compile_template(self, repl)
            if len(template) == 1 and isinstance(template[0], str):
                literal = template[0]
                expand = lambda m: literal
            else:
                expand = lambda m: _expand_template(template, m)
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            pieces.append(string[last:m.start()])
            replacement = expand(m)
            if not isinstance(replacement, str):
                raise TypeError(f"expected str instance, {type(replacement).__name__} found")
            pieces.append(replacement)
            last = m.end()
            n += 1
        pieces.append(string[last:])
        return "".join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _compile_template(pattern, repl):
    """The replacement string as a list of literal strs and group ints."""
    if not isinstance(repl, str):
        raise TypeError(f"expected str instance, {type(repl).__name__} found")
    items = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        i += 1
        if c != "\\":
            literal.append(c)
            continue
        if i >= n:
            raise error("bad escape (end of pattern)", repl, i - 1)
        c = repl[i]
        i += 1
        group = None
        if c == "g":
            if i >= n or repl[i] != "<":
                raise error("missing <", repl, i)
            close = repl.find(">", i + 1)
            if close < 0:
                raise error("missing >, unterminated name", repl, i + 1)
            name = repl[i + 1:close]
            if not name:
                raise error("missing group name", repl, i + 1)
            if name.isdigit():
                group = int(name)
                if group > pattern.groups:
                    raise error(f"invalid group reference {group}", repl, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError(f"unknown group name '{name}'")
                group = pattern.groupindex[name]
            else:
                raise error(f"bad character in group name '{name}'", repl, i + 1)
            i = close + 1
        elif c == "0":
            value = 0
            digits = 0
            while digits < 2 and i < n and repl[i] in "01234567":
                value = value * 8 + int(repl[i])
                i += 1
                digits += 1
            literal.append(chr(value))
            continue
        elif c.isdigit() and c.isascii():
            start = i - 1
            group = int(c)
            if i < n and repl[i].isdigit() and repl[i].isascii():
                if (c in "01234567" and i + 1 < n and repl[i] in "01234567"
                        and repl[i + 1] in "01234567"):
                    value = int(repl[start:i + 2], 8)
                    if value > 0o377:
                        raise error(f"octal escape value \\{repl[start:i + 2]} outside of range 0-0o377",
                                    repl, start - 1)
                    literal.append(chr(value))
                    i += 2
                    continue
                group = group * 10 + int(repl[i])
                i += 1
            if group > pattern.groups:
                raise error(f"invalid group reference {group}", repl, start)
        else:
            simple = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b",
                      "\\": "\\"}
            if c in simple:
                literal.append(simple[c])
                continue
            if c.isascii() and c.isalpha():
                raise error(f"bad escape \\{c}", repl, i - 2)
            literal.append("\\" + c)
            continue
        if literal:
            items.append("".join(literal))
            literal = []
        items.append(group)
    if literal:
        items.append("".join(literal))
    return items


def _expand_template(template, match):
    out = []
    for item in template:
        if isinstance(item, str):
            out.append(item)
        else:
            value = match.group(item)
            if value is not None:
                out.append(value)
    return "".join(out)


class Match:
    """The result of a successful match: groups and their spans."""

    __module__ = "re"

    def __init__(self, pattern, string, marks, pos, endpos):
        self.re = pattern
        self.string = string
        self._marks = marks
        self.pos = pos
        self.endpos = endpos
        last = None
        best_end = -1
        for g in range(1, pattern.groups + 1):
            s, e = marks[2 * g], marks[2 * g + 1]
            if s >= 0 and e >= best_end:
                # lastindex: the group that closed last (the outermost
                # among those ending at the same place).
                if last is None or e > best_end or s <= marks[2 * last]:
                    last = g
                    best_end = e
        self.lastindex = last

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, index in self.re.groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        return tuple((self._marks[2 * g], self._marks[2 * g + 1]) for g in range(self.re.groups + 1))

    def _index(self, group):
        if isinstance(group, str):
            if group in self.re.groupindex:
                return self.re.groupindex[group]
            raise IndexError("no such group")
        if isinstance(group, int) and not isinstance(group, bool) and 0 <= group <= self.re.groups:
            return group
        if hasattr(group, "__index__") and not isinstance(group, bool):
            g = group.__index__()
            if 0 <= g <= self.re.groups:
                return g
        raise IndexError("no such group")

    def _get(self, g, default=None):
        s, e = self._marks[2 * g], self._marks[2 * g + 1]
        if s < 0 or e < 0:
            return default
        return self.string[s:e]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._marks[2 * self._index(group)]

    def end(self, group=0):
        return self._marks[2 * self._index(group) + 1]

    def span(self, group=0):
        g = self._index(group)
        return self._marks[2 * g], self._marks[2 * g + 1]

    def expand(self, template):
        return _expand_template(_compile_template(self.re, template), self)

    def __repr__(self):
        return f"<re.Match object; span={self.span()!r}, match={self.group()!r}>"

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_cache = {}
_MAXCACHE = 512


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, int(flags))
    cached = _cache.get(key)
    if cached is not None:
        return cached
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = p
    return p


def purge():
    """Clear the regular expression caches."""
    _cache.clear()


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Replace the leftmost non-overlapping occurrences of the pattern."""
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """As sub(), also returning the number of substitutions made."""
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the string by the occurrences of the pattern."""
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """A list of all non-overlapping matches in the string."""
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator over all non-overlapping matches in the string."""
    return compile(pattern, flags).finditer(string)


_special_chars = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars)
    raise TypeError("pylife's re.escape handles str only")
