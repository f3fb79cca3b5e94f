"""textwrap for pylife: dedent, indent, and simple wrap/fill."""


def dedent(text):
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip(' \t')
        if not stripped:
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        else:
            # The longest common leading whitespace.
            common = 0
            while common < len(margin) and common < len(indent) and margin[common] == indent[common]:
                common += 1
            margin = margin[:common]
    out = []
    for line in lines:
        if not line.strip(' \t'):
            out.append('')
        else:
            out.append(line[len(margin):] if margin else line)
    return '\n'.join(out)


def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = lambda line: line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))


def wrap(text, width=70):
    words = text.split()
    lines, current = [], ''
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = current + ' ' + word if current else word
    if current:
        lines.append(current)
    return lines


def fill(text, width=70):
    return '\n'.join(wrap(text, width))


def shorten(text, width, placeholder=' [...]'):
    text = ' '.join(text.split())
    if len(text) <= width:
        return text
    words = text.split()
    out = ''
    for word in words:
        candidate = out + ' ' + word if out else word
        if len(candidate) + len(placeholder) > width:
            break
        out = candidate
    return (out + placeholder) if out else placeholder.lstrip()
