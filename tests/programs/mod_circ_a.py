print("mod_circ_a: start")
A_EARLY = 1
import mod_circ_b
print("mod_circ_a: after importing b, b.B_VALUE =", mod_circ_b.B_VALUE)
A_LATE = 2
