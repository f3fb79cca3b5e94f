class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, owner, balance=0):
        self.owner, self.balance, self.history = owner, balance, []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(f"{self.owner}: balance {self.balance}, asked {amt}")
        self.balance -= amt
        self.history.append(("wd", amt))
acct = Account("ann", 50)
for op, amt in [("deposit", 25), ("withdraw", 100), ("deposit", -5), ("withdraw", 70)]:
    try:
        getattr(acct, op)(amt)
        print(op, amt, "ok ->", acct.balance)
    except (InsufficientFunds, ValueError) as e:
        print(op, amt, "failed:", type(e).__name__, e)
print(acct.history)
