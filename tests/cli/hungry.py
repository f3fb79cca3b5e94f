# Asks for far more memory than --max-memory allows.
chunks = []
try:
    chunks.append("x" * 50_000_000)
except MemoryError:
    print("MemoryError: allocation refused")
