# io.StringIO and io.BytesIO: in-memory streams with the file methods
import io
b = io.BytesIO(b"ab\ncd")
print(b.readline(), b.read(), b.getvalue())
b.write(b"!")
print(b.getvalue(), b.tell())
s = io.StringIO()
try:
    s.write(5)
except TypeError as e:
    print(e)
