# deque: both ends, maxlen as a sliding window, rotate, and queue/stack use
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1])
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.index(7), d.count(8), 3 in d)
window = deque(maxlen=3)
for x in range(6):
    window.append(x)
    print(list(window), sum(window) / len(window))
print(window.maxlen, deque("abc", maxlen=2), list(reversed(deque([1, 2, 3]))))
d.remove(7)
d.reverse()
print(d, d.copy() == d, deque() == deque([]))
d.clear()
try:
    d.pop()
except IndexError as e:
    print("IndexError:", e)
