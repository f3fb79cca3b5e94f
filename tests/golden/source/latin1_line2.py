#!/usr/bin/env python3
# -*- coding: iso-8859-1 -*-
x = "ÿ"
