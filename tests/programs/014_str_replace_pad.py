s = "the cat sat on the mat"
print(s.replace("at", "og"), s.replace("the", "a", 1), s.replace("", "-")[:12])
print("42".zfill(5), "-42".zfill(6), "abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6))
print("a\tb\tc".expandtabs(4), repr("x\ty".expandtabs()))
print("Mississippi".count("ss"), "aaaa".count("aa"), "hello".index("l"), "hello".rindex("l"))
print("python".removeprefix("py"), "python".removesuffix("on"), "x".removesuffix(""))
