poem = 'Tyger Tyger, burning bright,\nIn the forests of the night;\nWhat immortal hand or eye,\nCould frame thy fearful symmetry?'
lines = poem.splitlines()
words = poem.replace(',', '').replace(';', '').replace('?', '').split()
print(len(lines), len(words), max(words, key=len), sorted(set([w.lower() for w in words]))[:5])
for i, line in enumerate(lines, 1):
    print(f'{i}: {line[:20]:<20}... ({len(line)} chars)')
