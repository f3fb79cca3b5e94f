s = "Python Is Fun"
print(s.split(" ", 1), s.lower().count("n"), s.isupper(), s.swapcase(), s.center(21, "~"))
print("x".join("abc"), "a1b2".isalnum(), "  \t\n".isspace(), "Title Case".istitle())
print("{:-^20}".format(" hi "), "%-6s|" % "ab", "tab\there".expandtabs(2))
print("ß".upper(), "ǅ".lower(), "İ".lower(), len("İ".lower()), "ﬁ".upper(), "Straße".casefold())
