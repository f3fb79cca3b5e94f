print(int('7') + 1, str(7) + '1', float(7), list('ab'), tuple([1, 2]), set('aab') == {'a', 'b'})
print(list({'a': 1, 'b': 2}), dict([(1, 2)]), bool('False'), str(None), str(3.0), str(True), repr(None))
print(list(range(3)), tuple(range(2)), frozenset([1]), complex(1, 2))
print(int(float('2.9')), float(int('3')), str(b'x'), list(b'ab'), bytes([104, 105]))
for bad in ['3.5', 'x']:
    try:
        print(int(bad))
    except ValueError as e:
        print(e)
try:
    float('abc')
except ValueError as e:
    print(e)
