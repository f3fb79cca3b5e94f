# alternatives must bind the same names
command = ["go", "north"]
match command:
    case ["go", direction] | ["walk", where]:
        print(direction)
