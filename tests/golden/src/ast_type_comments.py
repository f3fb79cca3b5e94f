def f(a,  # type: int
      b,  # type: str
      ):
    # type: (...) -> None
    x = []  # type: list[int]
    for i in x:  # type: int
        pass
    with open("f") as g:  # type: ignore
        pass
