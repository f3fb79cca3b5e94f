# CRLF line endings.
x = 1
if x:
    y = (1,
         2)

# comment
z = """a
b"""
