def greet(who):
    return "hello " + who

print("mod_main_guard: __name__ is", __name__)
if __name__ == "__main__":
    print("run as a script")
else:
    print("imported, not run")
