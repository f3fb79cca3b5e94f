class Card:
    order = "23456789TJQKA"
    def __init__(self, rank):
        self.rank = rank
    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)
    def __eq__(self, other):
        return self.rank == other.rank
    def __hash__(self):
        return hash(self.rank)
    def __repr__(self):
        return "Card(" + self.rank + ")"
hand = [Card("K"), Card("2"), Card("A"), Card("T")]
print(sorted(hand), max(hand), min(hand), Card("K") == Card("K"), Card("K") in hand)
print(len({Card("A"), Card("A"), Card("2")}))
class NoHash:
    def __eq__(self, o):
        return True
try:
    {NoHash()}
except TypeError as e:
    print(e)
