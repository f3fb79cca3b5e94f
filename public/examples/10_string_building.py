# Strings are immutable: += makes a new string each time; join makes one.
words = ["see", "through", "python"]
s = ""
for w in words:
    s += w + " "
print(s.strip())
print("-".join(words))
print(f"{len(words)} words, {sum(len(w) for w in words)} letters")
