# Course exercise: statistics of a text with collections.Counter and re.
# Words, sentences, the most common words (ignoring stop words), word
# lengths, and a little "readability" score.
import re
from collections import Counter

TEXT = """\
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair.
We had everything before us; we had nothing before us! Were we all going
direct to Heaven? We were all going direct the other way -- in short, the
period was so far like the present period, that some of its noisiest
authorities insisted on its being received, for good or for evil, in the
superlative degree of comparison only. Dr. Manette's daughter -- aged 17 --
arrived on 23 Nov. 1775 at 5.30 p.m.
"""

STOP_WORDS = set("the of it was we in to a on for or and that its so all".split())

words = re.findall(r"[a-z]+(?:'[a-z]+)?", TEXT.lower())
sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", TEXT.strip()) if s]
numbers = re.findall(r"\b\d+(?:\.\d+)?\b", TEXT)
capitalised = Counter(re.findall(r"\b[A-Z][a-z]+\b", TEXT))

print(f"{len(words)} words, {len(set(words))} different, {len(sentences)} sentences")
print("numbers:", numbers)
print("capitalised:", capitalised.most_common(4))

counts = Counter(w for w in words if w not in STOP_WORDS)
print("most common:")
for word, n in counts.most_common(6):
    print(f"  {word:<12}{'#' * n} {n}")

lengths = Counter(len(w) for w in words)
print("lengths:", sorted(lengths.items()))
longest = max(words, key=len)
print("longest word:", longest, len(longest))

# Pairs of words that repeat: "it was the ..." patterns.
pairs = Counter(re.findall(r"\b(\w+ \w+) of\b", TEXT.lower()))
print("X Y of:", pairs.most_common(3))

# Sentence lengths and a simple score (words per sentence, letters per word).
per_sentence = [len(re.findall(r"\w+", s)) for s in sentences]
letters = sum(len(w) for w in words)
print("words per sentence:", per_sentence)
print(f"average: {sum(per_sentence) / len(per_sentence):.2f} words/sentence, "
      f"{letters / len(words):.2f} letters/word")

# Tidy the text: one space between words, no spaced dashes.
tidy = re.sub(r"\s+", " ", TEXT).strip()
tidy = re.sub(r" -- ", " - ", tidy)
print(tidy[:78])
print(re.sub(r"\b(\w)(\w*)\b", lambda m: m.group(1).upper() + m.group(2), "a tale of two cities"))
