# Generator pipelines: lazy stages connected together.
def read_lines():
    text = """alpha 3
beta 7
# a comment
gamma 12

delta 5"""
    for line in text.splitlines():
        yield line


def strip_comments(lines):
    for line in lines:
        if line and not line.startswith("#"):
            yield line


def parse(lines):
    for line in lines:
        name, value = line.split()
        yield name, int(value)


def running_total(pairs):
    total = 0
    for name, value in pairs:
        total += value
        yield name, value, total


pipeline = running_total(parse(strip_comments(read_lines())))
for name, value, total in pipeline:
    print(f"{name:<6}{value:>4}{total:>5}")
squares = (n * n for n in range(10))
evens = (n for n in squares if n % 2 == 0)
print(sum(evens), list(zip(range(3), "abc")))
