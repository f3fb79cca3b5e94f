# re: Match objects, lastindex, sub templates, pos/endpos, lookarounds, errors
import re
print(re.match(r"(a)(b)?", "ac").groups(), re.match(r"(a)(b)?", "ac").groups("-"), re.match(r"(a)(b)?", "ac").lastindex)
print(re.match(r"(a(b))", "ab").lastindex, re.match(r"(a)(b)", "ab").lastindex, re.match(r"((a)b)", "ab").lastindex)
print(re.match(r"(?:(a)|b)+", "ab").groups(), re.match(r"(a|(b))+", "ba").groups(), re.match(r"(x)*y", "xxy").span(1))
print(re.findall(r"[A-Z]", "aBcD", re.I), re.findall(r"[^a-z]", "aB1", re.I), re.findall(r"k", "K", re.I))
print(re.split(r"(a)|b", "1a2b3"), re.sub("a", r"\n", "bab"), re.sub("a", "\\\\", "bab"), re.sub("(a)", r"\g<0>\g<1>", "bab"))
p = re.compile(r"^\w+")
print(p.match("hello world", 6), p.search("hello world", 6), re.compile(r"\w+").match("hello world", 6))
print(re.compile(r"o").findall("foo boo", 2, 6), list(re.compile(r"o").finditer("foo", 1))[0].pos)
print(re.compile(r"\Ab").search("ab", 1), re.compile(r"b$").search("ab", 0, 2), re.compile(r"a$").search("ab", 0, 1))
print(re.findall(r"\d{2,}?", "12345"), re.findall(r"(?:ab){2}", "abababab"), re.findall(r"\(.*?\)", "(a)(b)"))
print(re.sub(r"(?m)^", "> ", "a\nb\n"), re.sub(r"$", "!", "a\nb\n"), re.findall(r"(?m)$", "a\nb\n"))
print(re.findall(r"\b\w", "it's a dog-eat-dog world"), re.findall(r"[\w']+", "it's a dog-eat-dog world"))
print(re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)σ", "Σ"), re.findall(r"(?i)[a-c]+", "xAbCx"))
print(re.sub(r"\s+", " ", "  many   spaces\there "), re.sub(r"^\s+|\s+$", "", "  trim  "))
print([m.group() for m in re.finditer(r"\w+|[^\w\s]", "Hi, there! ok?")])
text = "the quick brown fox jumps over the lazy dog " * 2000
words = re.findall(r"\b\w+\b", text)
print(len(words), len(re.findall(r"o\w", text)), re.subn(r"the", "THE", text)[1])
print(re.search(r"(\d+)-(\d+)", "range 10-20 and 30-40").group(2, 1))
print(re.compile(r"(?P<a>x)|(?P<b>y)").match("y").lastgroup)
m = re.search(r"(?P<key>\w+)=(?P<value>\w*)", "a=1 b=")
print(m.groupdict(), m.regs, bool(m), m[0], m["value"])
try:
    m.group(3)
except IndexError as e:
    print("IndexError", e)
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print("error", e)
try:
    re.findall(r"\d", 123)
except TypeError as e:
    print("TypeError", e)
print(re.findall(r"(?<=-)\w+", "a-b-cd"), re.findall(r"\w+(?=,)", "a,b c,"), re.findall(r"\w+(?!,)\b", "a,b c,"))
print(re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", "-1.5e10").groups())
emails = "contact: anna@example.com, bob.smith@mail.org; bad@; x@y.z"
print(re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", emails))
print(re.sub(r"(\d{3})(\d{3})(\d{4})", r"(\1) \2-\3", "5551234567"))
print(re.compile(r"a|b", re.VERBOSE), repr(re.compile(r"a", re.A | re.I)), re.I | 1, repr(re.NOFLAG), ~re.I & re.I)
