import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.getrecursionlimit())
print(type(sys.argv), len(sys.argv), sys.argv[0].endswith("062_sys_module.py"))
sys.stdout.write("written directly\n")
print("to stderr", file=sys.stderr)
x = [1, 2, 3]
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
print("math" in sys.modules or True, sys.platform)
