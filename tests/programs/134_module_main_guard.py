import mod_shapes
def main():
    print("main running in", __name__)
if __name__ == "__main__":
    main()
print(mod_shapes.loaded_as)
