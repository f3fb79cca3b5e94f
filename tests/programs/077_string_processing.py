s = 'A man, a plan, a canal: Panama'
clean = ''.join([c.lower() for c in s if c.isalnum()])
print(clean, clean == clean[::-1])

def caesar(text, k):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord('A') if ch.isupper() else ord('a')
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return ''.join(out)
enc = caesar('Hello, World!', 3)
print(enc, caesar(enc, -3))
print(' '.join([w[::-1] for w in 'reverse each word'.split()]))
vowels = len([c for c in s.lower() if c in 'aeiou'])
print(vowels, s.count('a'), s.title(), s.split(', '))
