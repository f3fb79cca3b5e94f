# exec() and eval(): strings and code run in the caller's or given namespaces
g={}
exec('x=1', g); print(type(g['__builtins__']), g['x'])
print(eval('  1+2'))
try: eval('x = 1')
except SyntaxError as e: print(e, e.args[1][0], e.lineno)
try: exec('1 +')
except SyntaxError as e: print(e, e.args)
try: exec([1])
except TypeError as e: print(e)
try: eval([1])
except TypeError as e: print(e)
try: exec('1', [])
except TypeError as e: print(e)
try: eval('1', [])
except TypeError as e: print(e)
def f(a):
    b = 2
    print(eval('a + b'))
    exec('c = a * b; print(c)')
f(5)
y = 10
print(eval('y * 2'), eval('y * z', {'y': 3}, {'z': 4}))
exec('def sq(n):\n    return n * n\nprint(sq(7))')
print(sq(3))
print(eval("[i*i for i in range(4)]"))
try:
    exec("raise ValueError('boom')")
except ValueError as e:
    print('caught', e)
