"""File objects for pylife: open(), TextIOWrapper, BufferedReader,
BufferedWriter, StringIO, BytesIO and UnsupportedOperation.

pylife's own version of the parts of CPython's io a program uses: the
modes and their errors, text decoding and universal newlines, line
iteration, read/readline/readlines/write/writelines/seek/tell, with
statements, and writes kept in a buffer until flush() or close() (as
CPython's 8 KiB buffers).  Files are read and written whole through the
interpreter's _pylife_io primitives (the embedder's file system; in the
visualizer, files written stay in the run's memory).
"""

import _pylife_io

__all__ = ["open", "TextIOWrapper", "BufferedReader", "BufferedWriter", "StringIO", "BytesIO",
           "UnsupportedOperation", "DEFAULT_BUFFER_SIZE", "SEEK_SET", "SEEK_CUR", "SEEK_END"]

DEFAULT_BUFFER_SIZE = 8192
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2


class UnsupportedOperation(OSError, ValueError):
    __module__ = "io"


def _parse_mode(mode):
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    modes = set(mode)
    if modes - set("axrwb+tU") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: '{mode}'")
    creating, reading, writing, appending = "x" in modes, "r" in modes, "w" in modes, "a" in modes
    updating, text, binary = "+" in modes, "t" in modes, "b" in modes
    if "U" in modes:
        raise ValueError(f"invalid mode: '{mode}'")
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    return creating, reading, writing, appending, updating, binary


def _exists(path):
    try:
        _pylife_io.read(path)
    except IsADirectoryError:
        return True
    except OSError:
        return False
    return True


class _FileBase:
    """What text and binary files share: the mode, the position, the
    buffer of pending writes, closing."""

    def __init__(self, name, mode, readable, writable, appending, initial):
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self._appending = appending
        self._data = initial  # the content (str or bytes), without the pending chunks
        self._size = len(initial)  # the content's length, pending chunks included
        self._pos = self._size if appending else 0
        self._pending = []    # chunks written at the end, not yet joined to _data
        self._pending_len = 0
        self._dirty = False
        self.closed = False

    # -- state checks --
    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _check_readable(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation("not readable")

    def _check_writable(self):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation("not writable")

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        return True

    def _settle(self):
        if self._pending:
            self._data = self._data + self._empty().join(self._pending)
            self._pending = []
            self._pending_len = 0

    # -- reading --
    def read(self, size=-1):
        self._check_readable()
        self._settle()
        if size is None or size < 0:
            end = len(self._data)
        else:
            end = min(len(self._data), self._pos + size)
        out = self._data[self._pos:end]
        self._pos = end
        return out

    def readline(self, size=-1):
        self._check_readable()
        self._settle()
        nl = self._data.find(self._newline_char(), self._pos)
        end = len(self._data) if nl < 0 else nl + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._data[self._pos:end]
        self._pos = end
        return out

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- writing --
    def write(self, data):
        self._check_writable()
        self._check_type(data)
        if self._appending or self._pos == self._size:
            # At the end (always, in append mode): a chunk to join later.
            self._pending.append(data)
            self._pending_len += len(data)
            self._size += len(data)
            self._pos = self._size
        else:
            self._settle()
            if self._pos > len(self._data):
                self._data = self._data + (" " if isinstance(data, str) else b"\0") * (self._pos - len(self._data))
            self._data = self._data[:self._pos] + data + self._data[self._pos + len(data):]
            self._pos += len(data)
            self._size = len(self._data)
        self._dirty = True
        if self._pending_len >= DEFAULT_BUFFER_SIZE:
            self.flush()
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_open()
        if self._dirty:
            self._settle()
            _pylife_io.write(self._path, self._encode(self._data), False)
            self._dirty = False

    # -- position --
    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, offset, whence=0):
        self._check_open()
        self._settle()
        if whence == 0:
            if offset < 0:
                raise ValueError(f"negative seek position {offset}")
            self._pos = offset
        elif whence == 1:
            self._pos = max(0, self._pos + offset)
        elif whence == 2:
            self._pos = max(0, self._size + offset)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_writable()
        self._settle()
        size = self._pos if size is None else size
        self._data = self._data[:size]
        self._size = len(self._data)
        self._dirty = True
        return size

    # -- closing --
    def close(self):
        if not self.closed:
            try:
                self.flush()
            finally:
                self.closed = True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def isatty(self):
        self._check_open()
        return False


class TextIOWrapper(_FileBase):
    """A text file: str in, str out, decoded and encoded with
    [encoding]; universal newlines when newline is None."""

    __module__ = "_io"

    def __init__(self, path, name, mode, readable, writable, appending, raw, encoding, errors, newline):
        self._path = path
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        text = raw.decode(encoding, errors)
        if newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        _FileBase.__init__(self, name, mode, readable, writable, appending, text)

    def _empty(self):
        return ""

    def _newline_char(self):
        return "\n"

    def _check_type(self, data):
        if not isinstance(data, str):
            raise TypeError(f"write() argument must be str, not {type(data).__name__}")

    def _encode(self, text):
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        return text.encode(self.encoding, self.errors)

    @property
    def newlines(self):
        return None

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding={self.encoding!r}>"


class _BinaryFile(_FileBase):
    def __init__(self, path, name, mode, readable, writable, appending, raw):
        self._path = path
        _FileBase.__init__(self, name, mode, readable, writable, appending, raw)

    def _empty(self):
        return b""

    def _newline_char(self):
        return b"\n"

    def _check_type(self, data):
        if not isinstance(data, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")

    def _encode(self, data):
        return data

    def __repr__(self):
        return f"<_io.{type(self).__name__} name={self.name!r}>"


class BufferedReader(_BinaryFile):
    __module__ = "_io"


class BufferedWriter(_BinaryFile):
    __module__ = "_io"


class BufferedRandom(_BinaryFile):
    __module__ = "_io"


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    """Open file and return a file object (see the module docstring)."""
    if not isinstance(file, str):
        if isinstance(file, int):
            raise OSError("pylife's open() takes a path, not a file descriptor")
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"open() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    creating, reading, writing, appending, updating, binary = _parse_mode(mode)
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError(f"illegal newline value: {newline}")
    if creating and _exists(file):
        raise FileExistsError(17, "File exists", file)
    if reading:
        raw = _pylife_io.read(file)
    elif appending:
        _pylife_io.write(file, b"", True)
        raw = _pylife_io.read(file)
    else:
        _pylife_io.write(file, b"", False)
        raw = b""
    readable = reading or updating
    writable = not reading or updating
    if binary:
        cls = BufferedRandom if updating else BufferedReader if reading else BufferedWriter
        return cls(file, file, mode, readable, writable, appending, raw)
    return TextIOWrapper(file, file, mode, readable, writable, appending, raw,
                         "UTF-8" if encoding is None else encoding,
                         "strict" if errors is None else errors, newline)


class _MemoryStream(_FileBase):
    """A stream over data in memory: nothing to flush to, getvalue()."""

    def flush(self):
        self._check_open()

    def getvalue(self):
        self._check_open()
        self._settle()
        return self._data

    def close(self):
        self.closed = True

    def __del__(self):
        pass


class StringIO(_MemoryStream):
    """An in-memory text stream."""

    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        _FileBase.__init__(self, None, "r+", True, True, False, initial_value)

    _empty = TextIOWrapper._empty
    _newline_char = TextIOWrapper._newline_char

    def _check_type(self, data):
        if not isinstance(data, str):
            raise TypeError(f"string argument expected, got '{type(data).__name__}'")


class BytesIO(_MemoryStream):
    """An in-memory binary stream."""

    __module__ = "_io"

    def __init__(self, initial_bytes=b""):
        _FileBase.__init__(self, None, "r+b", True, True, False, bytes(initial_bytes))

    _empty = _BinaryFile._empty
    _newline_char = _BinaryFile._newline_char
    _check_type = _BinaryFile._check_type
