# re: validating input with fullmatch, verbose patterns with comments, and extracting fields
import re

DATE = re.compile(r"""
    (?P<year>\d{4}) -        # year
    (?P<month>0[1-9]|1[0-2]) -   # month 01-12
    (?P<day>0[1-9]|[12]\d|3[01])  # day 01-31
""", re.VERBOSE)
for text in ["2024-02-29", "2024-13-01", "1999-12-31", "24-1-1", "2024-02-29x"]:
    m = DATE.fullmatch(text)
    print(text, "->", m.groupdict() if m else "invalid")

PASSWORD = re.compile(r"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{8,}$")
for pw in ["weak", "Str0ng!pass", "NoDigits!!", "alllower1!", "Sh0rt!"]:
    print(f"{pw:<12} {'ok' if PASSWORD.match(pw) else 'rejected'}")

phone = re.compile(r"\(?(\d{3})\)?[-. ]?(\d{3})[-. ]?(\d{4})")
for raw in ["(555) 123-4567", "555.123.4567", "5551234567", "55-5123-4567"]:
    m = phone.fullmatch(raw)
    print(raw, "->", "-".join(m.groups()) if m else None)
print(re.sub(r"(?i)\b(cat|dog)s?\b", lambda m: m.group(0).upper(), "Cats and a dog, not a catalog"))
