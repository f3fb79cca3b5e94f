# Objects: class instantiation, attribute access and method calls.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scaled(self, k):
        return Vector(self.x * k, self.y * k)

    def length2(self):
        return self.x * self.x + self.y * self.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self):
        self.pos = self.pos.add(self.vel)
        self.vel = self.vel.scaled(1)


particles = [Particle(Vector(i, -i), Vector(1, 2)) for i in range(100)]
for _ in range(2000):
    for p in particles:
        p.step()
total = 0
for p in particles:
    total += p.pos.length2()
print(total)
