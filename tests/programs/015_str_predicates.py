for s in ["abc", "ABC", "Abc Def", "123", "12.5", "  ", "", "abc123", "٣", "½", "hello_world", "Ωmega"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable())
