print("mod_circ_b: start")
import mod_circ_a
print("mod_circ_b: a is partially initialized; A_EARLY =", mod_circ_a.A_EARLY)
print("mod_circ_b: has A_LATE?", hasattr(mod_circ_a, "A_LATE"))
B_VALUE = 10
