# raise ... from ...: "The above exception was the direct cause of the following exception"
class ConfigError(Exception):
    pass

def load(text):
    try:
        key, value = text.split("=")
    except ValueError as e:
        raise ConfigError(f"bad line: {text!r}") from e
    return key, value

print(load("a=1"))
print(load("broken"))
