# Two names, one list: changing it through one name shows through the other.
a = [1, 2, 3]
b = a            # no copy: the list's refcount goes up
b.append(4)
print(a)         # [1, 2, 3, 4]
c = a[:]         # a copy: a new list
c.append(5)
print(a, c)
del b            # the refcount goes down; the list lives on
print(a is c, a == c)
