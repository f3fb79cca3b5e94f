# match on decoded JSON: mappings with nested sequences and class patterns for built-in types
import json

messages = [
    '{"type": "user", "name": "ann", "roles": ["admin", "dev"]}',
    '{"type": "user", "name": "bob", "roles": []}',
    '{"type": "point", "coords": [1.5, -2]}',
    '{"type": "batch", "items": [{"type": "point", "coords": [0, 0]}]}',
    '{"type": "ping"}',
    '[1, 2, 3]',
    '"just text"',
]

def describe(msg):
    match msg:
        case {"type": "user", "name": str(name), "roles": [first, *others]}:
            return f"user {name}, main role {first}, {len(others)} more"
        case {"type": "user", "name": name, "roles": []}:
            return f"user {name} without roles"
        case {"type": "point", "coords": [float(x) | int(x), float(y) | int(y)]}:
            return f"point at ({x}, {y})"
        case {"type": "batch", "items": list(items)}:
            return "batch of " + ", ".join(describe(i) for i in items)
        case {"type": kind, **rest} if not rest:
            return f"bare {kind} message"
        case [*numbers] if all(isinstance(n, int) for n in numbers):
            return f"{len(numbers)} numbers summing to {sum(numbers)}"
        case str() as text:
            return f"text: {text!r}"

for m in messages:
    print(describe(json.loads(m)))
