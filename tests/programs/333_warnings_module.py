# warnings: warn with categories and stacklevel, the default once-per-location filter, simplefilter/filterwarnings actions, catch_warnings(record=True)
import warnings

def old_api(x):
    warnings.warn("old_api is deprecated, use new_api", DeprecationWarning, stacklevel=2)
    warnings.warn(f"value {x} looks suspicious")
    return x

for i in range(3):
    old_api(i)
warnings.simplefilter("always")
old_api(5)
warnings.simplefilter("error", UserWarning)
try:
    old_api(6)
except UserWarning as e:
    print("raised:", e)
warnings.resetwarnings()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_api(7)
    warnings.warn("custom", RuntimeWarning)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
warnings.filterwarnings("ignore", message="value")
old_api(8)
print("done")
