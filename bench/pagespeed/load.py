"""Load generation: wrk (Debian package ``wrk``) when installed, else a Python fallback, both
reporting requests per second and the 50th/99th latency percentiles; what the server answered
(status, X-Page-Cache) is read from its access log, so the load generator does no extra work."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

from bench.pagespeed.sites import HEADERS

WRK = shutil.which("wrk")
#: wrk's time units, in milliseconds.
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_TIME = r"[\d.]+(?:us|ms|s|m|h)"


@dataclass
class Run:
    """One timed run against one URL."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int = 0
    statuses: Counter = field(default_factory=Counter)
    cache: Counter = field(default_factory=Counter)

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(url, seconds, connections, threads=1, script=None):
    """``wrk --latency``; a Lua ``script`` chooses the paths (mixed load)."""
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    requests, elapsed = re.search(rf"(\d+) requests in ({_TIME})", output).groups()
    percentiles = dict(re.findall(rf"^\s+(\d+)%\s+({_TIME})\s*$", output, re.M))
    if "50" not in percentiles or "99" not in percentiles:
        raise RuntimeError(f"wrk measured no latencies for {url}:\n{output}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    errors += int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0
    return Run(
        requests=int(requests),
        seconds=_milliseconds(elapsed) / 1000,
        p50_ms=_milliseconds(percentiles["50"]),
        p99_ms=_milliseconds(percentiles["99"]),
        errors=errors,
    )


def python_load(url, seconds, connections, paths=None):
    """The fallback without wrk: ``connections`` threads with one HTTP connection each. Python
    generates far less load than wrk, so only the ratios between pages mean anything."""
    parts = urlsplit(url)
    targets = paths or [parts.path + ("?" + parts.query if parts.query else "")]
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset):
        connection, mine, index = None, [], offset
        while time.monotonic() < deadline:
            path = targets[index % len(targets)]
            index += 1
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = HTTPConnection(parts.hostname, parts.port, timeout=10)
                connection.request("GET", path, headers=HEADERS)
                response = connection.getresponse()
                response.read()
                if response.getheader("connection", "").lower() == "close":
                    connection.close()
                    connection = None
                if response.status >= 400:
                    raise OSError(response.status)
            except OSError:
                with lock:
                    errors[0] += 1
                connection = None
                continue
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return Run(requests=len(latencies), seconds=elapsed, p50_ms=cuts[49], p99_ms=cuts[98], errors=errors[0])


def measure(server, path, seconds, connections):
    """One run against ``server`` + ``path``, with the statuses and X-Page-Cache values its
    access log recorded meanwhile."""
    offset = server.log_size()
    if WRK:
        run = wrk(server.url + path, seconds, connections)
    else:
        run = python_load(server.url + path, seconds, connections)
    run.statuses, run.cache = read_access_log(server.log_since(offset))
    return run


def mixed(server, paths, seconds, connections, folder):
    """Every path in turn, for ``seconds``: the load a worker's memory is measured after."""
    if not WRK:
        return python_load(server.url, seconds, connections, paths=paths)
    script = Path(folder) / "mixed.lua"
    lua_paths = ", ".join(f'"{path}"' for path in paths)
    script.write_text(
        f"local paths = {{{lua_paths}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n"
    )
    return wrk(server.url, seconds, connections, script=script)


#: The access-log line of site/gunicorn_conf.py: … "GET /path" 200 1234 12ms cache=hit pid=<1>
_ACCESS = re.compile(r'"[A-Z]+ \S*" (\d{3}) \S+ \d+ms cache=(\S+)')


def read_access_log(text):
    statuses, cache = Counter(), Counter()
    for status, cache_state in _ACCESS.findall(text):
        statuses[status] += 1
        cache[cache_state] += 1
    return statuses, cache
