#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Comments, blank lines, NL and NEWLINE."""

# A comment line

x = 1  # trailing comment
    # indented comment inside no block

def f():
    # comment in body

    return x  # after return
        # deeper comment
# dedented comment

y = [
    1,  # in brackets
    # alone in brackets

    2,
]
