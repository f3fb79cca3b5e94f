print(int("42"), int("-17"), int("  +8  "), int("1_000_000"))
print(int("ff", 16), int("0x1F", 0), int("777", 8), int("101", 2), int("z", 36))
print(int(3.99), int(-3.99), int(True), int("٣"))
for bad in ["", "abc", "1.5", "0x"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
