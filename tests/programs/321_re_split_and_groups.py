# re.split with captured separators and maxsplit, optional groups in findall, and groupdict defaults
import re

print(re.split(r"(\s*[,;]\s*)", "a , b;c"), re.split(r"\s*[,;]\s*", "a , b;c", maxsplit=1))
print(re.split(r"(\d)", "a1b2c"), re.split(r"x*", "axxb"), re.split(r"^", "ab\ncd", flags=re.M))
pattern = re.compile(r"(?P<key>\w+)(?:=(?P<value>\w+))?")
for m in pattern.finditer("debug verbose=2 level=high quiet"):
    print(m.group("key"), m.groupdict(default="<none>"), m.span())
print(pattern.findall("a=1 b"), re.findall(r"(a)|(b)", "ab"))
print(re.match(r"(\d+)-(\d+)?", "12-").groups(), re.match(r"(\d+)-(\d+)?", "12-").groups("?"))
print(re.sub(r"(?P<word>\w+)@", r"\g<word> at ", "me@ you@"), re.escape("1+1=2?"))
