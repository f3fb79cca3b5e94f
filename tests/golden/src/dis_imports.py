# Imports, asserts and raises.
import os.path as osp, a.b.c as d, x as y
from sys import argv, path as syspath
from . import sibling
from ..pkg.mod import *
def f(v):
    assert v, "need v"
    assert v > 1
    if not v:
        raise ValueError("bad") from None
    raise
from x import (a,
   b)
