def read_numbers(lines):
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield int(line)

def running_total(numbers):
    total = 0
    for n in numbers:
        total += n
        yield total

data = ["1", "# comment", "2", "", "3", "10"]
print(list(running_total(read_numbers(data))))
squares = (n * n for n in read_numbers(data))
print(next(squares), next(squares), list(squares))
evens = [x for x in range(20) if x % 2 == 0]
print(sum(x for x in evens), min(x for x in evens if x > 5), "".join(str(d) for d in range(5)))
def countdown(n):
    print("start countdown")
    while n > 0:
        yield n
        n -= 1
    print("done")
c = countdown(3)
print(c)  if False else print(type(c).__name__)
for v in c:
    print(v)
print(list(c))
