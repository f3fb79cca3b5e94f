# __name__ == "__main__" in the script, the module's own name when imported.
import mod_main_guard
print(__name__, mod_main_guard.__name__, mod_main_guard.greet("you"))
import __main__
print(__main__.__name__, __main__.__spec__, __main__.__package__)
print("__file__" in dir(__main__))
