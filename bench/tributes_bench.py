"""Tribute halls at the Qingming peak (issue #14): offerings accepted per second and nothing lost
when processes are killed, hall and record pages for anonymous visitors, and the inbox and the
hall with 100,000 messages waiting — each against a bare Django view in the same server.

    .venv/bin/python bench/tributes_bench.py                         # SQLite, embedded default
    .venv/bin/python bench/tributes_bench.py --postgres --redis      # PostgreSQL + Redis
    .venv/bin/python bench/tributes_bench.py --quick                 # short, to see it all answers

What it does, in a temporary folder (``--keep`` keeps it):

1. the site with production settings and the demo content (the page-speed benchmark's
   preparation, ``bench/pagespeed``), the tributes plugin on, served by gunicorn with
   ``site/gunicorn_conf.py`` (2 workers; ``--workers``) beside ``manage.py fold_offerings``
   (``TRIBUTES_FOLD_WORKER=1``); ``/bench-bare/`` is a bare view in the same processes;
2. interleaved rounds (wrk -c8) of the bare view, an anonymous hall page and a record page
   (both from the page cache, their counters live);
3. 60 s of offerings (``POST /api/tributes/halls/<id>/offerings`` with the CSRF token, each
   from a new visitor, spread over 400 halls and the four kinds); after 20 s one web worker is
   killed (``kill -9``, gunicorn starts another), after 35 s the folder is killed and started
   again; then the queue is drained and the offerings answered “counted” are compared with
   what the database counted; the bare view is measured again just before and after, and the
   offerings' ratio is to those (the machine's load drifts over minutes);
4. 100,000 pending messages (10 % on one hall, 500 approved there), then the server time of
   the inbox, the messages' list, the dashboard and the hall (page cache off) through Django's
   test client in a process of its own.

Only ratios mean anything: wrk, the servers and the folder share the machine's cores. Rate
limits and the per-address counting limit are lifted (every request comes from 127.0.0.1).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pagespeed import load, servers, sites  # noqa: E402

CONFIG = "python:siteshell.gunicorn_conf"
BARE = "/bench-bare/"
PYTHON = sys.executable
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/tributes_bench"
REDIS_URL = "redis://127.0.0.1:6379/12"
LUA = Path(__file__).resolve().parent / "tributes" / "offer.lua"
INSIDE = Path(__file__).resolve().parent / "tributes" / "inside.py"
LEASE_SECONDS = 5


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", nargs="?", const=POSTGRES_URL, help=f"PostgreSQL (default {POSTGRES_URL})")
    parser.add_argument("--redis", nargs="?", const=REDIS_URL, help=f"Redis as cache and queue (default {REDIS_URL})")
    parser.add_argument("--seconds", type=float, default=5, help="one round of a page (default 5)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--offer-seconds", type=float, default=60, help="sustained offerings (default 60)")
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="gunicorn workers (default 2, as the page-speed benchmark; production's default is 2 per core)",
    )
    parser.add_argument("--quick", action="store_true", help="1 round of 2 s, 20 s of offerings, 10,000 messages")
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    if options.quick:
        options.seconds, options.rounds, options.offer_seconds, options.messages = 2, 1, 20, 10_000
    return options


def step(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def environment(folder, options):
    env = sites.our_environment(folder)
    env.update(
        SITE_PLUGINS="honors,memorials,memorials.tributes",
        TRIBUTES_FOLD_WORKER="1",
        TRIBUTES_FOLD_LEASE_SECONDS=str(LEASE_SECONDS),
        TRIBUTES_OFFERING_VISITOR_RATE="none",
        TRIBUTES_OFFERING_ADDRESS_RATE="none",
        TRIBUTES_COUNTED_PER_ADDRESS=str(10**9),
    )
    if options.postgres:
        env["DATABASE_URL"] = options.postgres
        recreate_database(options.postgres)
    if options.redis:
        import redis

        redis.Redis.from_url(options.redis).flushdb()
        env["REDIS_URL"] = options.redis
    return env


def recreate_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def inside(env, *command):
    return servers.run_checked([PYTHON, str(INSIDE), *map(str, command)], env, ROOT, " ".join(map(str, command)))


def start_folder(env, folder):
    log = (folder / "folder.log").open("ab")
    return subprocess.Popen(
        [PYTHON, str(ROOT / "manage.py"), "fold_offerings"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def csrf_for(server, path):
    """A CSRF cookie and the form's token, as a browser would have them after opening a hall."""
    request = urllib.request.Request(server.url + path, headers=sites.HEADERS)
    with urllib.request.urlopen(request, timeout=60) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
        body = response.read().decode()
    cookie = next(c.split(";", 1)[0] for c in cookies if c.startswith("csrftoken="))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    return cookie, token


def page_rounds(server, pages, options):
    results = {name: [] for name in pages}
    for _round in range(options.rounds):
        for name, path in pages.items():
            results[name].append(load.measure(server, path, options.seconds, options.connections))
    return {
        name: {
            "rate": sorted(run.rate for run in runs)[len(runs) // 2],
            "p50": sorted(run.p50_ms for run in runs)[len(runs) // 2],
            "p99": sorted(run.p99_ms for run in runs)[len(runs) // 2],
            "cache": sum((run.cache for run in runs), start=Counter()),
            "errors": sum(run.errors for run in runs),
        }
        for name, runs in results.items()
    }


def offerings(server, env, folder, halls, options):
    """Sustained offerings with a web worker and the folder killed on the way; returns what
    wrk saw and what the database counted."""
    cookie, token = csrf_for(server, halls["demo_hall"])
    origin = f"https://127.0.0.1:{server.port}"
    script = folder / "offer.lua"
    script.write_text(
        LUA.read_text()
        .replace("{HALLS}", "{" + ", ".join(map(str, halls["ids"])) + "}")
        .replace("TOKEN", token)
        .replace("COOKIE", cookie)
        .replace("ORIGIN", origin)
    )
    before = int(inside(env, "counted"))
    folder_process = start_folder(env, folder)
    command = [load.WRK, "-t1", f"-c{options.connections}", f"-d{options.offer_seconds}s", "--latency"]
    command += ["--timeout", "10s", "-s", str(script), server.url]
    wrk = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    started = time.monotonic()
    killed = []
    for at, what in ((options.offer_seconds / 3, "worker"), (options.offer_seconds * 0.58, "folder")):
        time.sleep(max(0, started + at - time.monotonic()))
        if what == "worker":
            pid = server.worker_pids()[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(f"web worker {pid} at {time.monotonic() - started:.0f} s")
        else:
            os.kill(folder_process.pid, signal.SIGKILL)
            folder_process.wait()
            killed.append(f"folder {folder_process.pid} at {time.monotonic() - started:.0f} s")
            time.sleep(1)
            folder_process = start_folder(env, folder)
    output = wrk.communicate()[0]
    step("load over; the folder drains the queue (what the killed folder held comes back after the lease)")
    deadline = time.monotonic() + LEASE_SECONDS + 120
    while int(inside(env, "waiting")) and time.monotonic() < deadline:
        time.sleep(1)
    time.sleep(1)
    folder_process.send_signal(signal.SIGTERM)
    folder_process.wait(timeout=30)
    after = int(inside(env, "counted"))
    numbers = dict(re.findall(r"(accepted|counted|other)=(\d+)", output))
    (folder / "offerings-wrk.txt").write_text(output)
    requests, elapsed, unit = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)\b", output).groups()
    seconds = float(elapsed) * {"ms": 0.001, "s": 1, "m": 60}[unit]
    latency = dict(re.findall(r"^\s+(\d+)%\s+([\d.]+(?:us|ms|s))\s*$", output, re.M))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "accepted": int(numbers["accepted"]),
        "answered counted": int(numbers["counted"]),
        "other answers": int(numbers["other"]),
        "socket errors": errors,
        "requests": int(requests),
        "seconds": seconds,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "counted in the database": after - before,
        "still queued": int(inside(env, "waiting")),
        "killed": killed,
    }


def main():
    options = arguments()
    if not load.WRK:
        raise SystemExit("wrk is needed (apt-get install -y wrk)")
    folder = Path(tempfile.mkdtemp(prefix="tributes-bench-"))
    label = ("PostgreSQL" if options.postgres else "SQLite") + (" + Redis" if options.redis else ", local cache")
    try:
        env = environment(folder, options)
        step(f"{label}: migrate, collectstatic, load_demo")
        sites.prepare_ours(folder, env)
        halls = json.loads(inside(env, "halls"))
        server = servers.Gunicorn("tributes", "siteshell.wsgi", CONFIG, env, ROOT, folder, workers=options.workers)
        server.wait_ready()
        pages = {"bare view": BARE, "hall (anonymous)": halls["demo_hall"], "record page": halls["record"]}
        for path in pages.values():  # first views make renditions, fill the page cache
            for _ in range(3):
                sites.fetch(server.url + path)
        step(f"pages: {options.rounds} interleaved rounds of {options.seconds:g} s")
        figures = page_rounds(server, pages, options)
        step(f"offerings: {options.offer_seconds:g} s, a web worker and the folder killed on the way")
        # The bare view again just before and after: the machine's load changes over minutes.
        around = [load.measure(server, BARE, options.seconds, options.connections)]
        offered = offerings(server, env, folder, halls, options)
        around.append(load.measure(server, BARE, options.seconds, options.connections))
        offered["bare around"] = sum(run.rate for run in around) / len(around)
        server.stop()
        step(f"{options.messages:,} pending messages, then the inbox and the hall (page cache off)")
        hall_id = int(halls["demo_hall"].strip("/").rsplit("/", 1)[1])
        inside(env, "fill-messages", options.messages, hall_id)
        timings = json.loads(inside({**env, "PAGE_CACHE": "0"}, "pages", hall_id, 30))
        report(label, figures, offered, timings, options)
    finally:
        servers.stop_all()
        if options.keep:
            print(f"kept: {folder}")
        else:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)


def report(label, figures, offered, timings, options):
    bare = figures["bare view"]["rate"]
    print(
        f"\n== Tribute halls, {label}; gunicorn {options.workers} workers + fold_offerings, wrk -c{options.connections} =="
    )
    print(f"{'':28}{'req/s':>9}{'× bare':>8}{'p50 ms':>9}{'p99 ms':>9}  page cache")
    for name, figure in figures.items():
        cache = ", ".join(f"{key} {value}" for key, value in sorted(figure["cache"].items())) or "—"
        print(
            f"{name:28}{figure['rate']:9.0f}{figure['rate'] / bare:8.2f}{figure['p50']:9.1f}{figure['p99']:9.1f}  {cache}"
        )
    rate = offered["accepted"] / offered["seconds"]
    around = offered["bare around"]
    print(
        f"{'offerings (POST, API)':28}{rate:9.0f}{rate / around:8.2f}{offered['p50']:>9}{offered['p99']:>9}"
        f"  over {offered['seconds']:.0f} s; × the bare view measured just before and after ({around:.0f}/s)"
    )
    lost = offered["answered counted"] - offered["counted in the database"]
    print(
        f"\nanswered 202: {offered['accepted']:,} (counted=true: {offered['answered counted']:,}); "
        f"other answers {offered['other answers']}, socket errors {offered['socket errors']}"
    )
    print(
        f"counted in the database after the folder ran: {offered['counted in the database']:,}; "
        f"still queued: {offered['still queued']}; killed: {'; '.join(offered['killed'])}"
    )
    print(
        f"lost (answered counted, not in the database): {max(lost, 0)}; "
        f"counted without an answer (in flight when the worker was killed): {max(-lost, 0)}"
    )
    print(f"\n== {options.messages:,} messages waiting: server time (Django test client), ms ==")
    for name, timing in timings.items():
        print(f"{name:36}p50 {timing['p50']:7.1f}   p95 {timing['p95']:7.1f}")


if __name__ == "__main__":
    main()
