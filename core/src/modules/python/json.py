"""json for pylife, written in Python: dumps/dump and loads/load with
CPython's formatting (separators, indent, sort_keys, ensure_ascii)."""


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        line = doc.count('\n', 0, pos) + 1
        column = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, f'{msg}: line {line} column {column} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = line
        self.colno = column


_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < ' ':
            out.append('\\u%04x' % ord(ch))
        elif ensure_ascii and ch > '~':
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF)))
            else:
                out.append('\\u%04x' % code)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _float(x, allow_nan):
    if x != x:
        text = 'NaN'
    elif x == float('inf'):
        text = 'Infinity'
    elif x == -float('inf'):
        text = '-Infinity'
    else:
        return repr(x)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


def _key(k, opts):
    if isinstance(k, str):
        return k
    if k is True:
        return 'true'
    if k is False:
        return 'false'
    if k is None:
        return 'null'
    if isinstance(k, float):
        return _float(k, opts['allow_nan'])
    if isinstance(k, int):
        return repr(int(k))
    if opts['skipkeys']:
        return None
    raise TypeError(f'keys must be str, int, float, bool or None, not {type(k).__name__}')


def _encode(o, opts, level, out):
    if o is None:
        out.append('null')
    elif o is True:
        out.append('true')
    elif o is False:
        out.append('false')
    elif isinstance(o, str):
        out.append(_quote(o, opts['ensure_ascii']))
    elif isinstance(o, int):
        out.append(repr(int(o)))
    elif isinstance(o, float):
        out.append(_float(o, opts['allow_nan']))
    elif isinstance(o, (list, tuple)):
        _encode_items(o, opts, level, out)
    elif isinstance(o, dict):
        _encode_dict(o, opts, level, out)
    else:
        if opts['default'] is None:
            raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')
        _encode(opts['default'](o), opts, level, out)


def _newline(opts, level):
    return '\n' + opts['indent'] * level


def _encode_items(items, opts, level, out):
    if not items:
        out.append('[]')
        return
    out.append('[')
    indent = opts['indent']
    first = True
    for item in items:
        if not first:
            out.append(opts['item_sep'])
        if indent is not None:
            out.append(_newline(opts, level + 1))
        _encode(item, opts, level + 1, out)
        first = False
    if indent is not None:
        out.append(_newline(opts, level))
    out.append(']')


def _encode_dict(d, opts, level, out):
    if not d:
        out.append('{}')
        return
    pairs = list(d.items())
    if opts['sort_keys']:
        pairs.sort(key=lambda kv: kv[0])
    out.append('{')
    indent = opts['indent']
    first = True
    for k, v in pairs:
        key = _key(k, opts)
        if key is None:
            continue
        if not first:
            out.append(opts['item_sep'])
        if indent is not None:
            out.append(_newline(opts, level + 1))
        out.append(_quote(key, opts['ensure_ascii']))
        out.append(opts['key_sep'])
        _encode(v, opts, level + 1, out)
        first = False
    if indent is not None:
        out.append(_newline(opts, level))
    out.append('}')


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if isinstance(indent, int):
        indent = ' ' * indent
    if separators is None:
        separators = (', ', ': ') if indent is None else (',', ': ')
    opts = {'skipkeys': skipkeys, 'ensure_ascii': ensure_ascii, 'allow_nan': allow_nan, 'indent': indent,
            'item_sep': separators[0], 'key_sep': separators[1], 'default': default, 'sort_keys': sort_keys}
    out = []
    _encode(obj, opts, 0, out)
    return ''.join(out)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ---- decoding: a recursive-descent parser over the text -------------------

_WS = ' \t\n\r'
_STRING_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}


def _skip(s, i):
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def _parse_string(s, i):
    # s[i - 1] is the opening quote.
    out = []
    start = i - 1
    while True:
        if i >= len(s):
            raise JSONDecodeError('Unterminated string starting at', s, start)
        ch = s[i]
        if ch == '"':
            return ''.join(out), i + 1
        if ch == '\\':
            if i + 1 >= len(s):
                raise JSONDecodeError('Unterminated string starting at', s, start)
            esc = s[i + 1]
            if esc == 'u':
                code = s[i + 2:i + 6]
                if len(code) != 4 or any(c not in '0123456789abcdefABCDEF' for c in code):
                    raise JSONDecodeError('Invalid \\uXXXX escape', s, i)
                value = int(code, 16)
                i += 6
                if 0xD800 <= value < 0xDC00 and s[i:i + 2] == '\\u':
                    low = int(s[i + 2:i + 6], 16)
                    if 0xDC00 <= low < 0xE000:
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                out.append(chr(value))
                continue
            if esc not in _STRING_ESCAPES:
                raise JSONDecodeError('Invalid \\escape', s, i)
            out.append(_STRING_ESCAPES[esc])
            i += 2
            continue
        if ch < ' ':
            raise JSONDecodeError('Invalid control character at', s, i)
        out.append(ch)
        i += 1


def _parse_number(s, i):
    start = i
    if s[i] == '-':
        i += 1
    if i < len(s) and s[i] == '0':
        i += 1
    elif i < len(s) and s[i].isdigit():
        while i < len(s) and s[i].isdigit():
            i += 1
    else:
        return None, start
    is_float = False
    if i < len(s) and s[i] == '.' and i + 1 < len(s) and s[i + 1].isdigit():
        is_float = True
        i += 1
        while i < len(s) and s[i].isdigit():
            i += 1
    if i < len(s) and s[i] in 'eE':
        j = i + 1
        if j < len(s) and s[j] in '+-':
            j += 1
        if j < len(s) and s[j].isdigit():
            is_float = True
            i = j
            while i < len(s) and s[i].isdigit():
                i += 1
    text = s[start:i]
    return (float(text) if is_float else int(text)), i


def _parse_value(s, i):
    i = _skip(s, i)
    if i >= len(s):
        raise JSONDecodeError('Expecting value', s, i)
    ch = s[i]
    if ch == '"':
        return _parse_string(s, i + 1)
    if ch == '{':
        return _parse_object(s, i + 1)
    if ch == '[':
        return _parse_array(s, i + 1)
    for word, value in (('null', None), ('true', True), ('false', False), ('NaN', float('nan')),
                        ('Infinity', float('inf')), ('-Infinity', -float('inf'))):
        if s.startswith(word, i):
            return value, i + len(word)
    if ch == '-' or ch.isdigit():
        value, end = _parse_number(s, i)
        if end != i:
            return value, end
    raise JSONDecodeError('Expecting value', s, i)


def _after_item(s, i, close):
    # After a value in an array or object: the end, or a comma and more.
    i = _skip(s, i)
    if i < len(s) and s[i] == close:
        return True, i + 1
    if i >= len(s) or s[i] != ',':
        raise JSONDecodeError("Expecting ',' delimiter", s, i)
    return False, i + 1


def _parse_array(s, i):
    items = []
    i = _skip(s, i)
    if i < len(s) and s[i] == ']':
        return items, i + 1
    while True:
        value, i = _parse_value(s, i)
        items.append(value)
        done, i = _after_item(s, i, ']')
        if done:
            return items, i


def _parse_object(s, i):
    result = {}
    i = _skip(s, i)
    if i < len(s) and s[i] == '}':
        return result, i + 1
    while True:
        i = _skip(s, i)
        if i >= len(s) or s[i] != '"':
            raise JSONDecodeError('Expecting property name enclosed in double quotes', s, i)
        key, i = _parse_string(s, i + 1)
        i = _skip(s, i)
        if i >= len(s) or s[i] != ':':
            raise JSONDecodeError("Expecting ':' delimiter", s, i)
        value, i = _parse_value(s, i + 1)
        result[key] = value
        done, i = _after_item(s, i, '}')
        if done:
            return result, i


def loads(s, **kw):
    if isinstance(s, bytes):
        s = s.decode('utf-8')
    value, end = _parse_value(s, 0)
    end = _skip(s, end)
    if end != len(s):
        raise JSONDecodeError('Extra data', s, end)
    return value


def load(fp, **kw):
    return loads(fp.read(), **kw)
