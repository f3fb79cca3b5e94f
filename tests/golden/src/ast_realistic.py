"""A small but realistic program: word statistics."""
from collections import Counter
import sys


class WordStats:
    """Counts words in text."""

    def __init__(self, text: str) -> None:
        self.words = [w.strip(".,!?").lower() for w in text.split() if w]
        self.counts = Counter(self.words)

    def top(self, n: int = 3) -> list[tuple[str, int]]:
        return self.counts.most_common(n)

    def __repr__(self):
        return f"WordStats({len(self.words)} words, {len(self.counts)} distinct)"


def main(argv=None):
    text = " ".join(argv or sys.argv[1:]) or "the quick brown fox jumps over the lazy dog the end"
    stats = WordStats(text)
    for word, count in stats.top():
        print(f"{word:>10}: {'#' * count}")
    try:
        ratio = len(stats.counts) / len(stats.words)
    except ZeroDivisionError:
        ratio = 0.0
    finally:
        print(stats)
    return 0 if ratio else 1


if __name__ == "__main__":
    sys.exit(main())
