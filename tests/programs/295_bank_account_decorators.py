# a bank account with decorators for logging and validation, class methods and an audit trail
import functools

def positive_amount(method):
    @functools.wraps(method)
    def wrapper(self, amount, *args):
        if amount <= 0:
            raise ValueError(f"{method.__name__}: amount must be positive, got {amount}")
        return method(self, amount, *args)
    return wrapper

def audited(method):
    @functools.wraps(method)
    def wrapper(self, *args):
        result = method(self, *args)
        self.history.append((method.__name__, args, self.balance))
        return result
    return wrapper

class Account:
    interest = 0.01
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    @audited
    @positive_amount
    def deposit(self, amount):
        self.balance += amount

    @audited
    @positive_amount
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount

    @audited
    def add_interest(self):
        self.balance = round(self.balance * (1 + self.interest), 2)

    @classmethod
    def with_bonus(cls, owner):
        acct = cls(owner)
        acct.deposit(50)
        return acct

a = Account.with_bonus("ann")
a.deposit(100)
a.withdraw(30)
a.add_interest()
for bad in (lambda: a.withdraw(-5), lambda: a.withdraw(10 ** 6)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(a.balance, a.deposit.__name__)
for entry in a.history:
    print(entry)
