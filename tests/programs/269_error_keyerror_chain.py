# exception chaining: "During handling of the above exception, another exception occurred"
config = {"host": "localhost"}

def get_port(cfg):
    try:
        return int(cfg["port"])
    except KeyError:
        return int(cfg.get("fallback", "eighty"))

print(get_port(config))
