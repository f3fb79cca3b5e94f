def load(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError("could not load config")
load("abc")
