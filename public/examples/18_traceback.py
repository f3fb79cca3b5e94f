# An exception nobody catches ends the program: the traceback lists the
# calls it passed through, oldest first, and the line that raised last.
def average(values):
    return sum(values) / len(values)


def report(name, values):
    print(name, "averages", average(values))


report("week 1", [4, 8, 6])
report("week 2", [])        # len([]) is 0: ZeroDivisionError
report("week 3", [1, 2])    # never runs
