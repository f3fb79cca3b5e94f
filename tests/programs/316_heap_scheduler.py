# a scheduler with heapq: events ordered by time then insertion, cancelling lazily
import heapq
import itertools

class Scheduler:
    def __init__(self):
        self.queue = []
        self.counter = itertools.count()
        self.cancelled = set()
    def at(self, time, name):
        entry = (time, next(self.counter), name)
        heapq.heappush(self.queue, entry)
        return entry
    def cancel(self, entry):
        self.cancelled.add(entry)
    def run(self):
        while self.queue:
            entry = heapq.heappop(self.queue)
            if entry in self.cancelled:
                print(f"skip {entry[2]}")
                continue
            print(f"t={entry[0]:>3} {entry[2]}")

s = Scheduler()
s.at(10, "backup")
s.at(5, "email")
e = s.at(5, "report")
s.at(1, "boot")
s.at(10, "cleanup")
s.cancel(e)
s.run()
print(heapq.nsmallest(3, [7, 2, 9, 4, 1], key=lambda x: -x))
