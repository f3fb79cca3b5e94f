# a classic file exercise: write a text file, read it back line by line, count words, write a report, read it
text = """The quick brown fox
jumps over the lazy dog.
The dog sleeps; the fox runs!
"""
with open("story.txt", "w") as f:
    f.write(text)

import re
from collections import Counter

counts = Counter()
longest = ""
with open("story.txt") as f:
    for number, line in enumerate(f, start=1):
        words = re.findall(r"[a-z']+", line.lower())
        counts.update(words)
        if len(line) > len(longest):
            longest = line.rstrip("\n")
        print(f"{number:>2}: {len(words)} words")

with open("report.txt", "w") as out:
    print("word      count", file=out)
    for word, n in counts.most_common(4):
        print(f"{word:<9} {n:>5}", file=out)
    out.write(f"longest line: {longest!r}\n")

with open("report.txt") as f:
    print(f.read(), end="")
with open("story.txt", "a") as f:
    f.write("THE END\n")
print(sum(1 for _ in open("story.txt")), open("story.txt").readlines()[-1].strip())
