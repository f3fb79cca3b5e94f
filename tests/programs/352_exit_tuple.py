# SystemExit with several arguments: their tuple is printed, status 1.
print("before")
raise SystemExit("a", 2)
