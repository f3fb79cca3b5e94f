from mod_circ_c import C
D = 2
