name, n, pi = ('World', 42, 3.14159265)
print(f'Hello, {name}!', f'{n:5d}|{n:<5}|{n:^5}|{n:>5}', f'{pi:.2f} {pi:10.4f} {pi:e}')
print(f'{name!r} {name.upper()} {len(name) * 2} {n // 5} {n % 5}')
print(f'{n:b} {n:o} {n:x} {n:#X} {n:,} {1000000.0:,.1f} {0.5:.0%}')
width = 10
print(f"{'centered':^{width}}|", f'{3.14159:.{n // 10}f}')
print(f'{{braces}}', f"{'nested ' + f'{n}'}", '', f'n={n!r}', f'pi={pi:.1f}')
