# heapq (push, pop, heapify, nsmallest, nlargest, merge, a priority queue) and bisect (insort, grades)
import heapq
import bisect

h = []
for x in [5, 1, 8, 3, 2]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8]
heapq.heapify(data)
print(data, heapq.nsmallest(2, data), heapq.nlargest(2, [3, 9, 4]), heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print(list(heapq.merge([1, 4, 7], [2, 5], [3])), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, (prio, name))
while tasks:
    print(heapq.heappop(tasks))

scores = [55, 68, 74, 81, 90]
def grade(score, cutoffs=(60, 70, 80, 90), letters="FDCBA"):
    return letters[bisect.bisect(cutoffs, score)]
print([grade(s) for s in scores + [100, 59]])
sorted_list = [1, 3, 3, 5]
print(bisect.bisect_left(sorted_list, 3), bisect.bisect_right(sorted_list, 3), bisect.bisect(sorted_list, 4))
bisect.insort(sorted_list, 4)
bisect.insort_left(sorted_list, 3)
print(sorted_list, bisect.bisect_left([10, 20], 15, key=None))
