"""Source-decoding cases: name -> raw bytes of a program file.

Shared by the golden generator and the parity check.  Each program only
assigns names, so running it under CPython is harmless.
"""

CASES = {
    "plain_utf8": b'x = "caf\xc3\xa9"\nprint(x)\n',
    "bom": b'\xef\xbb\xbfx = 1\n',
    "bom_utf8_declared": b'\xef\xbb\xbf# -*- coding: utf-8 -*-\nx = 1\n',
    "bom_latin1_declared": b'\xef\xbb\xbf# coding: latin-1\nx = 1\n',
    "latin1_declared": b'# coding: latin-1\nx = "\xe9"\n',
    "latin1_line2": b'#!/usr/bin/env python3\n# -*- coding: iso-8859-1 -*-\nx = "\xff"\n',
    "cp1252_declared": b'# vim: set fileencoding=cp1252 :\nx = "\x80\x99"\n',
    "ascii_declared_ok": b'# coding: ascii\nx = 1\n',
    "ascii_declared_bad": b'# coding: ascii\nx = "\xc3\xa9"\n',
    "utf8_alias_bad": b'# coding=utf8\nx = "\xff"\n',
    "unknown_encoding": b'# -*- coding: klingon -*-\nx = 1\n',
    "declaration_after_code": b'x = 1\n# coding: latin-1\ny = "\xe9"\n',
    "invalid_utf8_line3": b'a = 1\nb = 2\nc = "\xc3"\n',
    "invalid_start_byte": b'\x80 = 1\n',
    "overlong_slash": b'x = "\xc0\xaf"\n',
    "surrogate": b'x = "\xed\xa0\x80"\n',
    "crlf_newlines": b'x = 1\r\ny = 2\r\n',
    "cr_newlines": b'x = 1\ry = 2\r',
    "no_final_newline": b'x = 1\ny = 2',
    "four_byte_utf8": b'x = "\xf0\x9f\x90\x8d"\n',
    "null_byte": b'x = 1\ny = 2\x00\n',
}

# Cases whose CPython result changed within the 3.11 series (null bytes are
# a SyntaxError from 3.11.4 on); the parity check skips them on other
# patch releases.
VERSION_SENSITIVE = {"null_byte": (3, 11, 4)}
