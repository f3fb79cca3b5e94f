# __init_subclass__ with keyword arguments and __set_name__ on descriptors
class Plugin:
    plugins = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls.plugin_name)

class CSV(Plugin, name="csv"):
    pass

class Json(Plugin):
    pass

print(Plugin.plugins, CSV.plugin_name, Json.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)

class Field:
    def __set_name__(self, owner, name):
        print(f"__set_name__({owner.__name__}, {name!r})")
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)

class Record:
    title = Field()
    year = Field()

r = Record()
print(r.title)
r.title = "Solaris"
r.year = 1961
print(r.title, r.year, vars(r), Record.title.name)
