# AttributeError and NameError messages: "Did you mean" suggestions as CPython 3.11 prints them
class Robot:
    def __init__(self):
        self.position = 0
    def move(self):
        self.position += 1

r = Robot()
r.move()
print(r.position)
r.postion
