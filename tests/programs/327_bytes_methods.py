# bytes methods: split/strip/replace/find/join/case/predicates, with the TypeErrors for str arguments
b = b"  Hello, World  "
print(b.strip(), b.split(), b.split(b","), b.lower(), b.upper(), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"))
print(b.startswith(b"  H"), b.endswith((b"x", b"  ")), b"-".join([b"a", b"b"]), b"abc".hex(), b"12".isdigit(), b"ab".isalpha())
print(b"a,b".partition(b","), b"x".center(5, b"*"), b"7".zfill(3), b"line1\nline2".splitlines())
for bad in [lambda: b.split(","), lambda: b"".join(["a"]), lambda: b.find("o")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
