def f(x):
    match x:
        case [
            a,
            (1 | 2) as d,
        ] if a:
            return a
        case {
            "k": v,
            **rest
        }:
            return v
        case P(
            a,
            y=[q, *_],
        ) | P(a, q=q):
            return a
        case str(s) | (
            bytes(s)
        ):
            pass
    return None
class P:
    __match_args__ = ("x",)
    x = 1
match 5:
    case P(
        1,
        2): pass
