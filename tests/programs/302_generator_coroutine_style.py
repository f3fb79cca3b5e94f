# generator-based coroutines (pre-async style): a running averager and a state-machine parser via send()
def averager():
    total, count, avg = 0.0, 0, None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

avg = averager()
next(avg)
for v in [10, 20, 60]:
    print(avg.send(v))

def line_parser():
    # collects "key: value" lines until a blank line, then yields the record
    record = {}
    line = yield
    while True:
        if line.strip() == "":
            line = yield record
            record = {}
            continue
        key, _, value = line.partition(":")
        record[key.strip()] = value.strip()
        line = yield None

p = line_parser()
next(p)
results = []
for line in ["name: Ann", "age: 31", "", "name: Bob", ""]:
    out = p.send(line)
    if out:
        results.append(out)
print(results)

def primer(gen_fn):
    def start(*args):
        g = gen_fn(*args)
        next(g)
        return g
    return start

@primer
def grep(pattern):
    while True:
        line = yield
        if pattern in line:
            print("match:", line)
g = grep("py")
for line in ["python", "java", "pypy"]:
    g.send(line)
g.close()
