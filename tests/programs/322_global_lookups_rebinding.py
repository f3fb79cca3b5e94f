# globals and builtins looked up after every kind of rebinding: shadowing a builtin, deleting the shadow,
# rebinding inside a loop, class attributes changed after use, exec with fresh namespaces
def size(x):
    return len(x)

print(size("abc"))
len = lambda x: "shadowed"
print(size("abc"))
del len
print(size("abc"))

def current():
    return counter
for counter in range(3):
    print(current(), end=" ")
print()

class Config:
    level = 1
def level_of(obj):
    return obj.level
c = Config()
print(level_of(c))
Config.level = 2
print(level_of(c))
c.level = 3
print(level_of(c))
del c.level
del Config.level
try:
    level_of(c)
except AttributeError as e:
    print("AttributeError:", e)

src = "result = value * 2"
for value in range(3):
    namespace = {"value": value}
    exec(src, namespace)
    print(namespace["result"], end=" ")
print()
import builtins
builtins.extra_name = "added to builtins"
def use_extra():
    return extra_name
print(use_extra())
del builtins.extra_name
try:
    use_extra()
except NameError as e:
    print("NameError:", e)
