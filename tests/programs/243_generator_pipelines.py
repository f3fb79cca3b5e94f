# generator pipelines: read -> parse -> filter -> aggregate, each stage lazy
LOG = """\
2024-01-01 INFO start
2024-01-01 WARN disk 85%
2024-01-02 ERROR disk full
2024-01-02 INFO retry
2024-01-03 ERROR network down
2024-01-03 INFO recovered
"""

def lines(text):
    for line in text.splitlines():
        print("  read", line[:10])
        yield line

def parse(rows):
    for row in rows:
        date, level, message = row.split(" ", 2)
        yield {"date": date, "level": level, "message": message}

def only(level, records):
    return (r for r in records if r["level"] == level)

def take(n, iterable):
    for i, item in enumerate(iterable):
        if i >= n:
            return
        yield item

errors = only("ERROR", parse(lines(LOG)))
print("pipeline built, nothing read yet")
for e in take(1, errors):
    print("first error:", e["date"], e["message"])
print("rest:", [e["message"] for e in errors])

def running_total(numbers):
    total = 0
    for n in numbers:
        total += n
        yield total
def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)
print(list(running_total(range(1, 6))), list(window(running_total([1, 2, 3, 4]), 2)))
