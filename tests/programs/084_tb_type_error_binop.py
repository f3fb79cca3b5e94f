count = 5
message = "You have " + count + " messages"
print(message)
