# a small inventory system: class hierarchy, class attributes, properties, __str__, sorting and errors
class OutOfStock(Exception):
    pass

class Product:
    tax_rate = 0.2
    _next_id = 1

    def __init__(self, name, price, qty=0):
        self.id = Product._next_id
        Product._next_id += 1
        self.name = name
        self.price = price
        self.qty = qty

    @property
    def price_with_tax(self):
        return round(self.price * (1 + self.tax_rate), 2)

    def take(self, n):
        if n > self.qty:
            raise OutOfStock(f"only {self.qty} {self.name} left, asked {n}")
        self.qty -= n
        return self.price_with_tax * n

    def __str__(self):
        return f"#{self.id} {self.name:<8} {self.price_with_tax:>7.2f} x{self.qty}"

class Food(Product):
    tax_rate = 0.05

class Book(Product):
    tax_rate = 0.0
    def __init__(self, name, price, author, qty=0):
        Product.__init__(self, name, price, qty)
        self.author = author
    def __str__(self):
        return Product.__str__(self) + f" by {self.author}"

stock = [Food("apple", 0.5, 100), Book("Dune", 9.99, "Herbert", 3), Product("lamp", 25, 2)]
for p in sorted(stock, key=lambda p: p.price_with_tax):
    print(p)
order = [("apple", 12), ("Dune", 2), ("lamp", 5)]
total = 0
for name, n in order:
    item = next(p for p in stock if p.name == name)
    try:
        total += item.take(n)
    except OutOfStock as e:
        print("cannot ship:", e)
print(f"total {total:.2f}", [p.qty for p in stock], Product.tax_rate, Book.tax_rate)
