# textwrap: dedent, indent, wrap, fill, shorten
import textwrap

code = """
    def f():
        return 1
"""
print(repr(textwrap.dedent(code)))
print(textwrap.indent("a\nb\n\nc", "> "))
text = "The quick brown fox jumps over the lazy dog and keeps running far away."
print(textwrap.wrap(text, 20))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, 30), textwrap.shorten("short", 10))
w = textwrap.TextWrapper(width=12, max_lines=2, placeholder="...")
print(w.wrap("a well-known hyphenated-word test of wrapping behaviour"), textwrap.wrap("supercalifragilistic", 8))
print(textwrap.wrap("tabs\tand   spaces  --  dashes", 10), textwrap.wrap("x" * 5, 2, break_long_words=False))
