# typing names import and annotations are evaluated (then ignored): __annotations__ of functions, classes, modules
from typing import List, Dict, Optional, Union, Tuple, Callable, Any, Iterable, TypeVar, Generic

T = TypeVar("T")

def total(xs: List[int], scale: float = 1.0) -> float:
    return sum(xs) * scale

def find(d: Dict[str, int], key: str) -> Optional[int]:
    return d.get(key)

class Stack(Generic[T]):
    items: list
    def __init__(self) -> None:
        self.items = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

count: int = 3
name: str
print(total([1, 2, 3], 2), find({"a": 1}, "b"), total.__annotations__["return"], find.__annotations__["d"])
s = Stack()
s.push(1)
s.push("two")
print(s.pop(), s.pop(), Stack.__annotations__, __annotations__)
handler: Callable[[int], str] = str
print(handler(5), isinstance(3, int), list[int], dict[str, int], tuple[int, ...])
def f(x: "ForwardRef", y: Union[int, str] = 0) -> Tuple[int, int]:
    return (1, 2)
print(f.__annotations__["x"], f(1))
