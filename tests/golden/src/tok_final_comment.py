# Ends in an indented comment without newline.
if True:
    x = 1
    # last