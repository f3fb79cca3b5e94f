try:
    pass
except:
    pass
try:
    x
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
else:
    pass
finally:
    pass
try:
    pass
finally:
    cleanup()
try:
    risky()
except* ValueError as eg:
    pass
except* (TypeError, OSError):
    pass
