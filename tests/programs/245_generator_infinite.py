# infinite generators with itertools.islice, takewhile and zip; primes by a lazy sieve
import itertools

def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1

def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(list(itertools.islice(primes(), 12)))
print(list(itertools.takewhile(lambda p: p < 30, primes())))
print(list(zip(naturals(), "abc")))

def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(6)), max(range(1, 30), key=lambda n: sum(1 for _ in collatz(n))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(next(itertools.dropwhile(lambda x: x < 1000, fib())), list(itertools.islice(fib(), 5, 10)))
