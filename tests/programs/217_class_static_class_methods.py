# classmethod and staticmethod: alternative constructors, counters, access through instances
class Date:
    created = 0

    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day
        Date.created += 1

    @classmethod
    def from_string(cls, text):
        y, m, d = (int(p) for p in text.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"

class EuroDate(Date):
    def __str__(self):
        return f"{self.day:02}/{self.month:02}/{self.year}"

d = Date.from_string("2024-02-29")
e = EuroDate.from_string("1999-12-31")
print(d, e, str(e), Date.created)
print(Date.is_leap(2024), d.is_leap(1900), EuroDate.is_leap(2000))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(Date.from_string.__self__ is Date, e.from_string.__self__ is EuroDate)
sm = staticmethod(len)
print(sm.__func__ is len)
cm = Date.__dict__["from_string"]
print(cm.__func__.__name__)
