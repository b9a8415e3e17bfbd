"""Page speed for the peak (issue #13): this site against a stock Wagtail site and a bare view.

    .venv/bin/python bench/page_speed.py                 # full run: 3 rounds of 5 s, 60 s mixed load
    .venv/bin/python bench/page_speed.py --quick         # a minute, to see that everything answers
    .venv/bin/python bench/page_speed.py --redis         # Redis db 14 as cache (and page cache)

Load comes from wrk (``apt-get install -y wrk``), or a much weaker Python client without it.

What it does, all in a temporary folder removed at the end (``--keep`` keeps it; ``--data DIR``
prepares the two sites in DIR once and reuses them on later runs):

1. this site with production settings on SQLite, migrated and filled by ``load_demo``, served
   by ``gunicorn -c python:siteshell.gunicorn_conf`` with 2 workers, twice: page cache on (the
   default) and off (``PAGE_CACHE=0``); the settings module ``bench.pagespeed.settings`` only
   adds ``/bench-bare/``, a bare Django view served by the same processes;
2. a stock ``wagtail start`` project from the same installed Wagtail, production settings
   (DEBUG off), its home page, under gunicorn with the same values (2 workers);
3. every page is requested a few times first (renditions are made on a demo page's first view),
   then measured with ``wrk -c8`` in interleaved rounds (bare, stock, home off, home on, …), so
   that a slower moment of the machine touches every page alike; requests/s as ratios to the
   stock home page (page cache off: record ≥ 1.0×, home, honours index, profile, search ≥
   0.7×) and to the bare view (page cache on: ≥ 0.5×), p50/p99 (medians over the rounds), the
   page cache's hit ratio from the X-Page-Cache values in the access log (n/a without it);
4. 60 s of mixed load over every page on each server, then each worker's memory: RSS (the goal
   says < 150 MB; it counts the pages shared with the master too), PSS (shared pages divided
   among the processes sharing them) and private memory;
5. a one-worker server (page cache off): the first request of a freshly forked worker to the
   search page (goal < 200 ms), the home page and a record, the worker ended between them as
   ``max_requests`` does.

Only the ratios mean anything: the load generator shares the machine's cores with the servers.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pagespeed import load, report, servers, sites, workers  # noqa: E402

OUR_CONFIG = "python:siteshell.gunicorn_conf"
STOCK_CONFIG = str(ROOT / "bench" / "pagespeed" / "stock_gunicorn_conf.py")
BARE = "/bench-bare/"
#: Pages timed on a freshly forked worker.
FRESH_WORKER_PAGES = ("search", "home", "record")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5, help="length of one measurement (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds over every page (default 3)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--mixed-seconds", type=float, default=60, help="mixed load before memory is read")
    parser.add_argument("--quick", action="store_true", help="1 round of 2 s, 10 s of mixed load")
    parser.add_argument("--redis", action="store_true", help=f"cache in Redis ({sites.REDIS_URL}, emptied first)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, database)")
    parser.add_argument(
        "--data", type=Path, help="prepare both sites in this folder once and reuse them (demo content loaded once)"
    )
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.seconds, arguments.rounds, arguments.mixed_seconds = 2, 1, 10
    return arguments


def step(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def start_servers(folder, data, redis):
    """The three servers, their logs in ``folder``, the sites in ``data``."""
    our_env = sites.our_environment(data / "ours", redis=redis)
    step("preparing this site: migrate, collectstatic, load_demo")
    sites.prepare_ours(data / "ours", our_env, redis=redis)
    step("preparing a stock Wagtail site (wagtail start)")
    stock_dir, stock_env = sites.prepare_stock(data)
    step("starting gunicorn: page cache on, page cache off, stock Wagtail")
    cached = servers.Gunicorn("cache-on", "siteshell.wsgi", OUR_CONFIG, our_env, servers.ROOT, folder)
    uncached = servers.Gunicorn(
        "cache-off", "siteshell.wsgi", OUR_CONFIG, {**our_env, "PAGE_CACHE": "0"}, servers.ROOT, folder
    )
    stock = servers.Gunicorn("stock-wagtail", "stockwagtail.wsgi", STOCK_CONFIG, stock_env, stock_dir, folder)
    for server in (cached, uncached, stock):
        server.wait_ready()
    return our_env, cached, uncached, stock


def warm_up(targets, repeats):
    """Every target a few times before timing (the demo's renditions are made on first view);
    each must answer 200. Returns whether the page cache answered with X-Page-Cache."""
    page_cache_seen = False
    for _name, server, path in targets:
        for _ in range(repeats):
            status, headers, _body = sites.fetch(server.url + path)
            if status != 200:
                raise RuntimeError(f"{server.name} {path}: status {status}")
            page_cache_seen |= headers.get("X-Page-Cache") is not None
    return page_cache_seen


def main():
    arguments = parse_arguments()
    # SIGTERM ends the benchmark like Ctrl-C: through the finally below, which stops the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not load.WRK:
        print("wrk is not installed (apt-get install -y wrk): using the Python load generator, far weaker.")
    folder = Path(tempfile.mkdtemp(prefix="page_speed_"))
    try:
        run(arguments, folder)
    except KeyboardInterrupt:
        print("\ninterrupted: stopping the servers")
        sys.exit(130)
    finally:
        servers.stop_all()
        if arguments.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def run(arguments, folder):
    data = arguments.data.resolve() if arguments.data else folder
    our_env, cached, uncached, stock = start_servers(folder, data, arguments.redis)
    pages = sites.discover_pages(uncached.url)
    targets = [
        ("bare Django view", uncached, BARE),
        ("stock Wagtail home", stock, "/"),
        ("bare Django view", cached, BARE),
    ]
    for name, path in pages.items():
        targets += [(name, uncached, path), (name, cached, path)]
    step("warming up every page on every server")
    page_cache_seen = warm_up(targets, repeats=2 * uncached.workers + 2)

    totals = {}
    for number in range(1, arguments.rounds + 1):
        step(f"round {number}/{arguments.rounds}: {len(targets)} × {arguments.seconds:g} s")
        for name, server, path in targets:
            mode = "" if server is stock else ("on" if server is cached else "off")
            row = totals.setdefault((name, server.name), report.Totals(name, mode))
            row.runs.append(load.measure(server, path, arguments.seconds, arguments.connections))

    rows = list(totals.values())
    print()
    print(
        f"{len(targets)} targets × {arguments.rounds} rounds × {arguments.seconds:g} s, "
        f"{arguments.connections} connections, {'wrk' if load.WRK else 'Python client'}, 2 workers each, "
        f"cache {'Redis' if arguments.redis else 'local memory'}"
        + ("" if page_cache_seen else "; no X-Page-Cache header: the page cache is not there (hits n/a)")
    )
    print(f"profile {pages['profile']}, record {pages['record']}")
    print(report.speed_table(rows, stock=rows[1], bare=rows[0]), end="\n\n", flush=True)

    for server in (uncached, cached):
        step(f"{server.name}: {arguments.mixed_seconds:g} s of mixed load over every page")
        load.mixed(server, list(pages.values()), arguments.mixed_seconds, arguments.connections, folder)
    memory_rows = []
    for server in (uncached, cached, stock):
        memory_rows.append((server.name, "master", server.pid, workers.memory(server.pid)))
        memory_rows += [(server.name, "worker", pid, workers.memory(pid)) for pid in server.worker_pids()]
    print(f"\nMemory after {arguments.mixed_seconds:g} s of mixed load (every page in turn; stock: its home page):")
    print(report.memory_table(memory_rows), end="\n\n", flush=True)

    step("fresh workers: first request after a fork (one worker, page cache off)")
    probe = servers.Gunicorn(
        "fresh-worker", "siteshell.wsgi", OUR_CONFIG, {**our_env, "PAGE_CACHE": "0"}, servers.ROOT, folder, workers=1
    )
    probe.wait_ready()
    fresh = workers.first_requests(probe, [pages[name] for name in FRESH_WORKER_PAGES])
    probe.stop()
    for result in fresh:
        result.path = unquote(result.path)
    print("\nFirst request of a freshly forked worker (page cache off):")
    print(report.first_request_table(fresh, unquote(pages["search"])))


if __name__ == "__main__":
    main()
