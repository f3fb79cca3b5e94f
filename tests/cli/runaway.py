# A loop that never ends: `pylife run --max-steps N` must stop it.
n = 0
while True:
    n += 1
