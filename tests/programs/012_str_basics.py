s = "Hello, World"
print(len(s), s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[-5:-1])
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("ab" * 3, "x" + "y", "lo" in s, "LO" not in s, s.count("l"), s.find("o"), s.rfind("o"), s.find("q"))
print(s.index("W"), s.startswith("He"), s.endswith(("x", "ld")), s.startswith("World", 7))
print("é", len("héllo"), "héllo"[1], "日本語"[::-1], ord("€"), chr(8364))
