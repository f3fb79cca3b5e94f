# formatting a report table: alignment, widths, precision, thousands separators, centering
rows = [("Widget", 4, 3.5), ("Gadget", 12, 12.25), ("Thingamajig", 1, 1999.999), ("Nut", 1000, 0.05)]
header = f"{'Item':<12}|{'Qty':>6}|{'Price':>10}|{'Total':>12}"
print(header)
print("-" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<12.12}|{qty:>6,}|{price:>10.2f}|{total:>12,.2f}")
print("=" * len(header))
print(f"{'TOTAL':^12}|{'':>6}|{'':>10}|{grand:>12,.2f}")
print(f"{0.125:.1%} {1234567.891:_.1f} {255:08b} {255:#o} {-7:+d} {7:+d} {'x':*^9}")
print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"), "%-6s|%6.2f|%03d" % ("ab", 3.14159, 7))
