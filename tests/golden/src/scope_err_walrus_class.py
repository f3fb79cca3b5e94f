class C:
    [(z := i) for i in range(3)]
