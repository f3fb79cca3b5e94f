for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 12345.6789]:
    print(x, round(x), round(x, 2), round(x, 1), round(x, -1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(7), round(2.5), type(round(2.5)), type(round(2.5, 0)))
