words = ["banana", "Apple", "cherry", "date", "apple", "Banana", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))
people = [("bob", 25), ("amy", 31), ("cal", 25), ("dee", 19)]
people.sort(key=lambda p: p[1])
print(people)
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: "a", 1: "b"}))
print(max(words, key=len), min(words, key=len), max([], default="none"), max(3, 9, 2))
