# an exception inside a generator that a for loop drives: the generator's frame is in the traceback
def parse_numbers(lines):
    for line in lines:
        yield int(line)

def total(lines):
    result = 0
    for n in parse_numbers(lines):
        result += n
    return result

print(total(["1", "2", "3"]))
print(total(["4", "five", "6"]))
