# A bank account: classes, properties, exceptions, class attributes.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"needs {needed:.2f} more")
        self.needed = needed


class Account:
    interest = 0.02
    count = 0

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = balance
        self.history = []
        Account.count += 1

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount - self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def add_interest(self):
        self._balance *= 1 + self.interest

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance:.2f})"


class Savings(Account):
    interest = 0.05

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise PermissionError("only two withdrawals")
        super().withdraw(amount)


a = Account("ada", 100)
a.deposit(50)
a.withdraw(30)
try:
    a.withdraw(500)
except InsufficientFunds as e:
    print("refused:", e, round(e.needed, 2))
try:
    a.deposit(-5)
except ValueError as e:
    print("refused:", e)
s = Savings("bob", 1000)
for amount in (10, 20, 30):
    try:
        s.withdraw(amount)
    except PermissionError as e:
        print("refused:", e)
a.add_interest()
s.add_interest()
print(a, s, Account.count, a.history)
print(sorted([a, s], key=lambda acc: acc.balance))
