# re: cleaning and reshaping text - whitespace, case-insensitive replace, splitting sentences, templates
import re

raw = "  This   is\ta  MESSY\n\ntext.  It has   extra spaces!Really?  Yes.  "
clean = re.sub(r"\s+", " ", raw).strip()
print(repr(clean))
sentences = re.split(r"(?<=[.!?])\s*", clean)
print([s for s in sentences if s])
print(re.sub(r"\b(\w)(\w*)\b", lambda m: m[1].upper() + m[2].lower(), "hELLO wORLD from PYTHON"))
snake = re.sub(r"(?<!^)(?=[A-Z])", "_", "parseHTTPResponseCode").lower()
print(snake, re.sub(r"_(\w)", lambda m: m[1].upper(), "make_camel_case"))
template = "Dear {name}, your order #{order} ships on {date}."
values = {"name": "Ann", "order": "42", "date": "Monday"}
print(re.sub(r"\{(\w+)\}", lambda m: values.get(m[1], m[0]), template))
print(re.findall(r"#(\w+)", "loving #python and #regex, not #"), re.findall(r"\$\d+(?:\.\d\d)?", "$5, $12.50 and $3.1"))
csv_line = 'name, "Smith, John", 42,  "a ""quoted"" word"'
print(re.findall(r'\s*("(?:[^"]|"")*"|[^,]*)\s*(?:,|$)', csv_line)[:4])
print(re.subn(r"(\d+)", lambda m: str(int(m[1]) * 2), "1 apple, 20 pears, 300 figs"))
