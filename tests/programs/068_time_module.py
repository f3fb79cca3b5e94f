import time
t0 = time.perf_counter()
time.sleep(0.01)
t1 = time.perf_counter()
print(t1 >= t0, isinstance(time.time(), float), time.time() > 1e9)
