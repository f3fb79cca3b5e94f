print("imp_ns.tools.hammer: initializing, __package__ =", __package__)
WEIGHT = 2
