a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(a, b), divmod(-a, b), divmod(a, -b))
print(2 ** 10, 2 ** -1, (-2) ** 3, 0 ** 0)
print(7 // 2 * 2 + 7 % 2 == 7)
