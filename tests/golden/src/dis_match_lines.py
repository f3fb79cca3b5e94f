def classify(event):
    match event:
        case {
            "kind": "move",
            "to": (x, y),
        } if x >= 0:
            return x + y
        case [
            "batch",
            *items,
        ]:
            return len(items)
        case (
            int()
            | float()
        ) as number:
            return number
        case _:
            return None
