# sorting: key functions, reverse, stability with multiple passes, sorting objects with __lt__
records = [("ann", 31, "NY"), ("bob", 25, "LA"), ("cy", 31, "LA"), ("dee", 25, "NY"), ("eve", 40, "SF")]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: (-r[1], r[0])))
by_city = sorted(records, key=lambda r: r[2])
by_age_then_city = sorted(by_city, key=lambda r: r[1])
print(by_age_then_city)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted("hello world"), sorted({3: "c", 1: "a"}), sorted([[2, 1], [1, 2], [1]]))
class Task:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name
    def __lt__(self, other):
        return self.prio < other.prio
    def __repr__(self):
        return f"{self.name}({self.prio})"
tasks = [Task(2, "b"), Task(1, "a"), Task(2, "c"), Task(0, "z")]
print(sorted(tasks), min(tasks), max(tasks))
tasks.sort(reverse=True)
print(tasks)
try:
    sorted([1, None, 2])
except TypeError as e:
    print("TypeError:", e)
