print("mod_broken: about to fail")
value = 1 / 0
