"""A worker's memory, and the first request a freshly forked worker answers."""

from __future__ import annotations

import os
import signal
import statistics
import time
from dataclasses import dataclass

from bench.pagespeed.servers import is_running
from bench.pagespeed.sites import fetch


@dataclass
class Memory:
    """One process's memory in MB. ``rss`` counts every page it maps, also those it shares with
    the master and the other workers (the preloaded application and dictionaries); ``pss``
    divides each shared page among the processes sharing it (what the workers add up to);
    ``private`` is the memory only this process holds (what one more worker costs)."""

    rss: float
    pss: float
    private: float


def memory(pid):
    with open(f"/proc/{pid}/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return Memory(rss / 1024, fields.get("Pss", 0) / 1024, private / 1024)


@dataclass
class FirstRequest:
    path: str
    status: int
    first_ms: float
    warm_ms: float


def first_requests(server, paths, warm_repeats=5, timeout=30):
    """For each path, on a worker just forked by the master: the time of its very first request,
    then of the same request warm. ``server`` runs one worker; it is ended (SIGTERM, as after
    ``max_requests``) between the paths, and the master forks a new one."""
    results, worker = [], None
    for path in paths:
        worker = _new_worker(server, worker, timeout)
        started = time.perf_counter()
        status, _headers, _body = fetch(server.url + path)
        first = (time.perf_counter() - started) * 1000
        warm = []
        for _ in range(warm_repeats):
            started = time.perf_counter()
            fetch(server.url + path)
            warm.append((time.perf_counter() - started) * 1000)
        results.append(FirstRequest(path, status, first, statistics.median(warm)))
        os.kill(worker, signal.SIGTERM)
        _wait_gone(worker, timeout)
    return results


def _new_worker(server, previous, timeout):
    """The server's one worker, once it is another process than ``previous``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = server.worker_pids()
        if len(pids) == 1 and pids[0] != previous:
            return pids[0]
        time.sleep(0.02)
    raise RuntimeError(f"{server.name}: no new worker after {timeout} s")


def _wait_gone(pid, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not is_running(pid):
            return
        time.sleep(0.02)
    raise RuntimeError(f"worker {pid} still running after {timeout} s")
