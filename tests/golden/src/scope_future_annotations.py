from __future__ import annotations
class C:
    x: Foo = 1
    def f(self, a: Bar) -> Baz:
        y: Qux = 2
        return a
z: Zed
