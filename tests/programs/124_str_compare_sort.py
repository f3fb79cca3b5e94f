words = ["b", "B", "a", "A", "é", "z", "Z", "10", "9", "", " "]
print(sorted(words))
print("apple" < "banana", "Apple" < "apple", "abc" < "abcd", "" < "a", "a" * 3 == "aaa")
print(min(words), max(words), sorted(words, key=str.casefold))
