def classify(command, point, value):
    match command:
        case 1 | 2 | 3:
            return "small"
        case -1 | 1.5 | 2j | -3+4j | "s" | b"b" | None | True | False:
            return "literal"
        case x if x > 10:
            return "guard"
        case [a, b, *rest]:
            return "sequence"
        case (a, b) | [a, b, _]:
            return "or"
        case []:
            return "empty"
        case {"key": v, **others}:
            return "mapping"
        case {}:
            return "empty mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(1, y=2) as p:
            return "as"
        case module.Constant.VALUE:
            return "value"
        case str() | bytes():
            return "class"
        case [*_]:
            return "star wildcard"
        case (1 as one, _) if one:
            return "nested as"
        case _:
            return "default"
    match point, value:
        case (0, 0):
            pass
    match = 1
    case = match
    _ = case
