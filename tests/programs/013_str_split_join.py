print('a,b,,c'.split(','), '  a b  c '.split(), 'a b c'.split(None, 1), 'a,b,c'.rsplit(',', 1))
print('one\ntwo\r\nthree\n'.splitlines(), 'x\ny\n'.splitlines(True))
print('-'.join(['a', 'b', 'c']), ''.join(reversed('abc')), ', '.join(map(str, [1, 2])))
print('  pad  '.strip(), 'xxhixx'.strip('x'), '  l'.lstrip(), 'r  '.rstrip(), 'www.example.com'.strip('cmowz.'))
print('a-b-c'.partition('-'), 'a-b-c'.rpartition('-'), 'abc'.partition('x'))
try:
    'a'.split('')
except ValueError as e:
    print(e)
