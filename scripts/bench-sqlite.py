#!/usr/bin/env python3
"""The comparison sscard-bench's sync-append is held to: SQLite in WAL mode with
synchronous=FULL and one transaction per event. For comparison only; sscard never uses SQLite.
Usage: scripts/bench-sqlite.py EVENTS PAYLOAD_BYTES DIR"""
import os, sqlite3, sys, time

events, size, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(folder, exist_ok=True)
path = os.path.join(folder, "bench.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, type INTEGER, time INTEGER, payload BLOB)")
payload = b"a" * size
latencies = []
start = time.perf_counter()
for index in range(events):
    before = time.perf_counter()
    db.execute("BEGIN")
    db.execute("INSERT INTO events (type, time, payload) VALUES (1, ?, ?)", (time.time_ns() // 1000, payload))
    db.execute("COMMIT")
    latencies.append((time.perf_counter() - before) * 1e6)
seconds = time.perf_counter() - start
latencies.sort()
p = lambda f: latencies[min(len(latencies) - 1, max(0, int(len(latencies) * f + 0.999999) - 1))]
print(f"sqlite-wal-full: {events} events, {events / seconds:.0f} events/s, p50 {p(0.5):.1f} us, p99 {p(0.99):.1f} us")
