# SystemExit codes: an int is the exit status (modulo 256 on POSIX).
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("caught", e.code)
try:
    exit()
except SystemExit as e:
    print("exit() raises SystemExit with code", e.code)
raise SystemExit(260)
