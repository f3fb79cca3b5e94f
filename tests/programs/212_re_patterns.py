# re: patterns, groups, flags and the module functions against CPython 3.11
import re
tests = [
    (r"\d+", "a1b22c333"), (r"[a-z]+", "Hello World"), (r"(?i)hello", "HeLLo"), (r"^\w+$", "abc_12"),
    (r"(\w+)@(\w+)\.com", "x joe@mail.com y"), (r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-05-06"),
    (r"a*?b", "aaab"), (r"a{2,3}", "aaaa"), (r"a{,2}", "aaa"), (r"colou?r", "color colour"),
    (r"\bcat\b", "concat cat cats"), (r"\Bcat", "concat cat"), (r"(a|b)+", "abab"), (r"(ab)*", "ababx"),
    (r"x*", "abxd"), (r"", "ab"), (r"|a", "a"), (r"(?=\d)\w", "a1"), (r"(?<=\$)\d+", "cost $45 and 3"),
    (r"(?<!\$)\b\d+", "cost $45 and 3"), (r"(\w)\1", "hello book"), (r"(?P<c>\w)(?P=c)", "aabb"),
    (r"[^aeiou\s]+", "hello world"), (r"[\d.]+", "v1.2.3"), (r"\s+", "a  b\t\nc"), (r".", "a\nb"),
    (r"(?s).", "a\nb"), (r"^\w", "ab\ncd"), (r"(?m)^\w", "ab\ncd"), (r"\w$", "ab\ncd\n"), (r"(?m)\w$", "ab\ncd"),
    (r"[A-Z][a-z]*", "Alice and Bob"), (r"(\d+)(?:px)?", "10px 20"), (r"a.c", "abc a\nc"), (r"\W+", "a, b; c"),
    (r"[-+]?\d*\.\d+", "x -1.5 +.25 3."), (r"(?x) \d+ # digits\n [a-z]", "12a"), (r"é+", "caféé"),
    (r"\w+", "naïve café 東京"), (r"(?a)\w+", "naïve café"), (r"[\u00e0-\u00ff]+", "àéî"), (r"(a)|(b)", "b"),
    (r"((a)|b)+", "ab"), (r"(a*)*b", "b"), (r"(a*)+b", "aab"), (r"(?:a|ab)c", "abc"), (r"a++", "aaa"),
]
for pat, s in tests:
    try:
        print(repr(pat), re.findall(pat, s), [m.span() for m in re.finditer(pat, s)])
        m = re.search(pat, s)
        if m:
            print("  ", m, m.groups(), m.groupdict(), m.lastindex, m.lastgroup, m.group(0))
    except re.error as e:
        print(repr(pat), "error:", e, e.pos)
print(re.sub(r"x*", "-", "abxd"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"), re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c9"))
print(re.subn(r"o", "0", "foo boo", count=3), re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c"))
print(re.split(r"x*", "axbc"), re.split(r"\b", "a b"), re.split(r"\s+", "  a b  ", maxsplit=1))
print(re.match(r"\d", "a1"), re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
print(re.escape("a.b*c?"), re.compile(r"\d+", re.I | re.M), re.compile("x"), re.I | re.S, re.compile(r"(?i)x").flags)
p = re.compile(r"(?P<first>\w+) (?P<last>\w+)")
m = p.match("Jane Doe xyz")
print(m["first"], m.group(1, 2), m.start("last"), m.end(), m.span(2), m.expand(r"\g<last>, \1"), m.re.pattern, m.string)
print(p.groups, p.groupindex, p.pattern, p.search("  Al Bo").pos)
for bad in [r"(", r")", r"[a", r"*a", r"a**", r"\q", r"(?P<1>a)", r"(?P=x)", r"[z-a]", r"(?<=a+)b", r"a{3,2}", r"\1(a)", r"(?Q)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error", repr(bad), e.msg, e.pos, str(e))
print(re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(\w)(x)?", "ab"))
print(re.sub(r"a|(b)", r"[\1]", "ab"), re.compile(r"a", re.IGNORECASE).match("A"))
