# assert with and without a message, then SystemExit with a message: exit status 1 and the text on stderr
def mean(xs):
    assert xs, "mean of empty list"
    return sum(xs) / len(xs)

print(mean([1, 2, 3]))
try:
    mean([])
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("AssertionError with no message:", repr(e))
import sys
print("exiting")
sys.exit("fatal: giving up")
