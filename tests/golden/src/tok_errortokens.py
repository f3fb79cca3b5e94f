# Characters tokenize does not know.
a = 1 $ 2
b = a ? 3 : 4
c = `a`
d = 1 ! 2
e = "unterminated
f = 'also unterminated
