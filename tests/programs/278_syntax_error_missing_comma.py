# another classic: a missing comma between arguments ("Perhaps you forgot a comma?")
name = "Ada"
print("Hello", name "!")
