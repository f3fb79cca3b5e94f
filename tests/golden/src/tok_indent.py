# Tabs, form feeds and nested blocks.
if True:
	x = 1
	if x:
		y = 2
		if y:
		    z = 3
	w = 4
v = 5
class C:
    def f(self):
        return 1

    def g(self):
	pass
