# A cache that does not keep its values alive: weak references.
import weakref


class Image:
    def __init__(self, name):
        self.name = name
        print("loading", name)


cache = weakref.WeakValueDictionary()


def get_image(name):
    image = cache.get(name)
    if image is None:
        image = Image(name)
        cache[name] = image
    return image


logo = get_image("logo")
again = get_image("logo")        # from the cache: no loading
print(logo is again, len(cache))
del logo, again                   # the last strong references go...
print("in cache:", "logo" in cache, len(cache))   # ...and so does the entry
get_image("logo")                 # loaded again

r = weakref.ref(get_image("icon"), lambda ref: print("icon is gone"))
print("alive:", r() is not None)
