z = complex(3, 4)
print(z, abs(z), z.real, z.imag, z.conjugate())
print(z * z, z + 1, z - 2j, (1 + 2j) / (3 - 4j), 1j ** 2)
print(complex(1.5, -2), complex(0, 1), -z, 2j, (1+0j) == 1)
