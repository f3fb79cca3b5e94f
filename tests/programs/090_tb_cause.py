def fetch(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise LookupError(f"no entry for {key}") from e
fetch("b")
