# composition over inheritance: a tiny turn-based game with components, __repr__ and event logs
import random

class Health:
    def __init__(self, hp):
        self.hp = self.max_hp = hp
    def damage(self, n):
        self.hp = max(0, self.hp - n)
        return self.hp == 0
    def __repr__(self):
        return f"{self.hp}/{self.max_hp}"

class Weapon:
    def __init__(self, name, low, high):
        self.name, self.low, self.high = name, low, high
    def roll(self, rng):
        return rng.randint(self.low, self.high)

class Fighter:
    def __init__(self, name, hp, weapon):
        self.name = name
        self.health = Health(hp)
        self.weapon = weapon
    def attack(self, other, rng, log):
        dmg = self.weapon.roll(rng)
        dead = other.health.damage(dmg)
        log.append(f"{self.name} hits {other.name} with {self.weapon.name} for {dmg} ({other.health})")
        return dead
    def __repr__(self):
        return f"Fighter({self.name!r}, hp={self.health})"

rng = random.Random(3)
a = Fighter("Knight", 30, Weapon("sword", 3, 8))
b = Fighter("Orc", 25, Weapon("club", 1, 10))
log = []
attacker, defender = a, b
while True:
    if attacker.attack(defender, rng, log):
        log.append(f"{defender.name} falls; {attacker.name} wins")
        break
    attacker, defender = defender, attacker
print("\n".join(log))
print(a, b)
