# match and case are soft keywords: still usable as names
match = [1, 2, 3]
case = "upper"
print(match, case)
match match:
    case [1, *case]:
        print("rest", case)

def match_case(match, case):
    return match + case
print(match_case(1, 2))
_ = "wildcard name"
match 5:
    case _:
        print(_)
