# String prefixes, quotes and escapes.
s1 = 'single' "double" '''triple single''' """triple double"""
s2 = r'raw \d' R"RAW" b'bytes' B"BYTES" br'x' Rb"y" bR'z' RB"w" rb'v'
s3 = u'unicode' U"UNI" f'f {s1}' F"F" fr'{s2}\d' Rf"x" rF'y' FR"z"
s4 = 'escapes \n \t \\ \' \" \x41 \101 \u00e9 \U0001F40D \N{BULLET}'
s5 = b'\x00\xff\n' + b"it's"
s6 = '''multi
line with 'quotes' and "quotes"
'''
s7 = """another
    indented \"\"\" inside
"""
s8 = 'continued \
string'
s9 = ''
s10 = ""
s11 = 'a' 'b' \
    'c'
