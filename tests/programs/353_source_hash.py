# _imp.source_hash: the SipHash-1-3 of hash-based .pyc files (PEP 552).
import _imp
for source in (b"", b"print(1)\n", b"x = 'a longer source text, more than one block'\n" * 3):
    print(_imp.source_hash(168627623, source).hex(), _imp.source_hash(0, source).hex())
