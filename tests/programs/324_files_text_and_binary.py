# writing and reading text files: modes w/a/r/x, iteration, readline(s), with, errors
with open("notes.txt", "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    f.writelines(["third\n", "fourth"])
print(n, f.closed)
with open("notes.txt") as f:
    print(repr(f.read()))
with open("notes.txt", "a") as f:
    print("appended", file=f)
with open("notes.txt", encoding="utf-8") as f:
    print(f.readline(), end="")
    print(f.readlines())
for i, line in enumerate(open("notes.txt"), 1):
    print(i, line.rstrip())
with open("notes.txt") as f:
    print(f.read(5), f.tell(), f.read(6), f.seek(0), f.readline().strip())
with open("data.bin", "wb") as f:
    f.write(bytes([0, 1, 2, 255]))
with open("data.bin", "rb") as f:
    data = f.read()
print(data, len(data), type(f).__name__)
for bad in [lambda: open("missing.txt"), lambda: open("notes.txt", "q"), lambda: open("notes.txt", "x"),
            lambda: open("notes.txt", "rw"), lambda: open("data.bin", "rb", encoding="utf-8"), lambda: open(".")]:
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__ + ":", e)
f = open("notes.txt")
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    with open("notes.txt") as f:
        f.write("x")
except Exception as e:
    print(type(e).__name__ + ":", e)
with open("unicode.txt", "w", encoding="utf-8") as f:
    f.write("héllo wörld ✓\r\nnext\rline")
print(open("unicode.txt", encoding="utf-8").read().splitlines(), open("unicode.txt", "rb").read()[:8])
with open("counts.txt", "w") as out:
    for word in "the cat the hat".split():
        out.write(f"{word}\n")
from collections import Counter
print(Counter(line.strip() for line in open("counts.txt")))
import io
s = io.StringIO()
s.write("a\nb\n")
print(repr(s.getvalue()), io.StringIO("x\ny").readlines(), repr(f))
