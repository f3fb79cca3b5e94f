raise NotImplementedError("todo: implement this feature")
