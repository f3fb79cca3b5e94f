import os
import os.path
import os.path as osp, sys
from os import path
from os import path as p, sep
from os import (path, sep,)
from . import sibling
from .. import parent
from .module import name
from ...deep.module import thing as t
from .... import four
from __future__ import annotations
from x import *
