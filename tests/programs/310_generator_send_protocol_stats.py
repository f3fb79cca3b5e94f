# a generator that computes statistics incrementally; send() feeds values, throw() resets, close() reports
def stats():
    n = mean = m2 = 0.0
    try:
        while True:
            try:
                x = yield (n, round(mean, 4), round((m2 / (n - 1)) if n > 1 else 0.0, 4))
            except KeyboardInterrupt:
                n = mean = m2 = 0.0
                continue
            n += 1
            delta = x - mean
            mean += delta / n
            m2 += delta * (x - mean)
    finally:
        print("final count", int(n))

s = stats()
print(next(s))
for value in [2, 4, 4, 4, 5, 5, 7, 9]:
    last = s.send(value)
print(last)
print(s.throw(KeyboardInterrupt))
print(s.send(10), s.send(20))
s.close()
