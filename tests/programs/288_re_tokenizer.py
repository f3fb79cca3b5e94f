# re: a tokenizer built from named groups and finditer, with line/column tracking and errors
import re

TOKEN_SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("ASSIGN", r":="),
    ("END", r";"),
    ("ID", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/()]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
master = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in TOKEN_SPEC))
KEYWORDS = {"if", "then", "end"}

def tokenize(code):
    line, line_start = 1, 0
    for mo in master.finditer(code):
        kind, value = mo.lastgroup, mo.group()
        column = mo.start() - line_start
        if kind == "NUMBER":
            value = float(value) if "." in value else int(value)
        elif kind == "ID" and value in KEYWORDS:
            kind = value.upper()
        elif kind == "NEWLINE":
            line_start = mo.end()
            line += 1
            continue
        elif kind == "SKIP":
            continue
        elif kind == "MISMATCH":
            raise RuntimeError(f"{value!r} unexpected on line {line}")
        yield kind, value, line, column

program = """if x := 3.5 then
    total := total + x * 2;
end"""
for token in tokenize(program):
    print(token)
try:
    list(tokenize("a := 1 $ 2"))
except RuntimeError as e:
    print("RuntimeError:", e)
