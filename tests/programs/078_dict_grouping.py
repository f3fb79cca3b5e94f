students = [("ann", "math", 90), ("bob", "art", 72), ("cat", "math", 85), ("dan", "art", 95), ("eve", "bio", 60)]
by_subject = {}
for name, subject, score in students:
    by_subject.setdefault(subject, []).append((name, score))
for subject in sorted(by_subject):
    scores = [s for _, s in by_subject[subject]]
    print(subject, by_subject[subject], sum(scores) / len(scores), max(scores))
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
