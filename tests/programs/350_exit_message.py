# sys.exit with a message: printed to stderr, exit status 1; finally runs.
import atexit
import sys
atexit.register(print, "atexit still runs")
try:
    sys.exit("fatal: giving up")
finally:
    print("finally block")
