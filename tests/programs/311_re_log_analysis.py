# re + Counter on a web server log: status codes, top paths, bytes served, malformed lines
import re
from collections import Counter

LOG = """\
127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326
10.0.0.5 - - [10/Oct/2023:13:56:01 +0000] "GET /about.html HTTP/1.1" 200 1500
10.0.0.5 - - [10/Oct/2023:13:57:12 +0000] "POST /login HTTP/1.1" 302 0
192.168.1.9 - - [10/Oct/2023:13:58:44 +0000] "GET /missing HTTP/1.1" 404 512
garbage line without structure
127.0.0.1 - - [10/Oct/2023:14:01:02 +0000] "GET /index.html HTTP/1.1" 200 2326
"""
LINE = re.compile(r'(?P<ip>\d+(?:\.\d+){3}) \S+ \S+ \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) (?P<size>\d+)')
statuses, paths, ips = Counter(), Counter(), Counter()
total = 0
bad = []
for n, line in enumerate(LOG.splitlines(), 1):
    m = LINE.match(line)
    if not m:
        bad.append(n)
        continue
    statuses[m["status"]] += 1
    paths[m["path"]] += 1
    ips[m["ip"]] += 1
    total += int(m["size"])
print(statuses, paths.most_common(1), ips.most_common(2))
print("bytes:", total, "malformed lines:", bad)
hours = Counter(re.findall(r":(\d\d):\d\d:\d\d", LOG))
print(sorted(hours.items()))
