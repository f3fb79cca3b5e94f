registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def a(): pass
@register
def b(): pass
print(registry)
CONFIG = {"debug": False}
def toggle():
    CONFIG["debug"] = not CONFIG["debug"]
toggle(); toggle(); toggle()
print(CONFIG)
