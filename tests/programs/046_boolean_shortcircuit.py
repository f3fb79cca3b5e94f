def t(v):
    print("t", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t("") or t(None) or t("last"))
print(not t([]), not t([1]))
print(t(1) and t(0) or t(5))
x = t(None) or []
print(x)
