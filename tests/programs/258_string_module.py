# string constants, capwords and Template substitution
import string

print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}s, costs $$5")
print(t.substitute(who="Tim", what="apple"), t.safe_substitute(who="Ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print("ValueError:", e)
alphabet = string.ascii_lowercase
shift = 3
table = str.maketrans(alphabet, alphabet[shift:] + alphabet[:shift])
secret = "attack at dawn".translate(table)
print(secret, secret.translate(str.maketrans(alphabet[shift:] + alphabet[:shift], alphabet)))
print(sum(c in string.punctuation for c in "Hi, there! (ok?)"), [c for c in "a1b2" if c in string.digits])
