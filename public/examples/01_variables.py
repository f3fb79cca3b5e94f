# Variables are names bound to objects.
greeting = "hello"
count = 3
ratio = count / 2
print(greeting, count, ratio)
count = count + 1   # a new int object; the name now points at it
print(count)
