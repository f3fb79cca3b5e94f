x = [(yield) for i in range(3)]
