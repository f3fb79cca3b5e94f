s = "naïve café 日本 😀"
print(len(s), s[6:10], s.upper(), s.encode("utf-8")[:8], [hex(ord(c)) for c in s[-1:]])
print(repr("tab\tnew\nquote'\"" ), repr("é\x00\u200b"), ascii("😀é"))
print("😀".encode(), len("😀".encode()), "\N{GREEK SMALL LETTER ALPHA}", "\u00e9" == "é")
