from mod_circ_d import D
C = 1
