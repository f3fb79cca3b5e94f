# An exception unwinds frames until a handler catches it.
def parse(text):
    return int(text)

def safe_parse(text):
    try:
        return parse(text)
    except ValueError as e:
        print("could not parse:", e)
        return 0
    finally:
        print("done with", repr(text))

print(safe_parse("42"))
print(safe_parse("forty-two"))
