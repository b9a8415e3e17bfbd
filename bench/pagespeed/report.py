"""The printed tables: speed with ratios and goals, worker memory, fresh workers."""

from __future__ import annotations

import statistics
from collections import Counter

#: Page cache off: requests/s as a share of the stock Wagtail home page's.
UNCACHED_GOALS = {"record": 1.0, "home": 0.7, "honours index": 0.7, "profile": 0.7, "search": 0.7}
#: Page cache on: every public page type, as a share of the bare Django view's.
CACHED_GOAL = 0.5
CACHED_PAGES = ("home", "honours index", "profile", "martyr archive", "record", "search")
RSS_GOAL_MB = 150
FIRST_REQUEST_GOAL_MS = 200


class Totals:
    """Every round's run of one target, added up."""

    def __init__(self, name, cache):
        self.name, self.cache_mode, self.runs = name, cache, []

    @property
    def rate(self):
        return sum(run.requests for run in self.runs) / sum(run.seconds for run in self.runs)

    @property
    def p50(self):
        return statistics.median(run.p50_ms for run in self.runs)

    @property
    def p99(self):
        return statistics.median(run.p99_ms for run in self.runs)

    @property
    def errors(self):
        failed = sum(run.errors for run in self.runs)
        statuses = sum((run.statuses for run in self.runs), Counter())
        return failed + sum(count for status, count in statuses.items() if status != "200")

    def hit_ratio(self):
        cache = sum((run.cache for run in self.runs), Counter())
        known = cache["hit"] + cache["miss"] + cache["skip"]
        return f"{cache['hit'] / known:.0%}" if known else "n/a"


def _mark(ok):
    return "ok" if ok else "MISSED"


def speed_table(totals, stock, bare):
    lines = [
        f"{'page':<20}{'cache':<7}{'req/s':>9}{'×stock':>8}{'×bare':>7}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'hits':>6}{'errors':>8}  goal"
    ]
    for row in totals:
        goal = ""
        if row.cache_mode == "off" and row.name in UNCACHED_GOALS:
            wanted = UNCACHED_GOALS[row.name]
            goal = f"≥ {wanted}× stock: {_mark(row.rate / stock.rate >= wanted)}"
        elif row.cache_mode == "on" and row.name in CACHED_PAGES:
            goal = f"≥ {CACHED_GOAL}× bare: {_mark(row.rate / bare.rate >= CACHED_GOAL)}"
        lines.append(
            f"{row.name:<20}{row.cache_mode:<7}{row.rate:>9.1f}{row.rate / stock.rate:>8.2f}{row.rate / bare.rate:>7.2f}"
            f"{row.p50:>8.1f}{row.p99:>8.1f}{row.hit_ratio() if row.cache_mode == 'on' else '':>6}{row.errors:>8}  {goal}"
        )
    return "\n".join(lines)


def memory_table(rows):
    """``rows``: (server name, role, pid, Memory)."""
    lines = [f"{'server':<22}{'process':<10}{'pid':>8}{'RSS MB':>9}{'PSS MB':>9}{'private MB':>12}  goal"]
    for server, role, pid, mem in rows:
        goal = f"RSS < {RSS_GOAL_MB} MB: {_mark(mem.rss < RSS_GOAL_MB)}" if role == "worker" else ""
        lines.append(f"{server:<22}{role:<10}{pid:>8}{mem.rss:>9.1f}{mem.pss:>9.1f}{mem.private:>12.1f}  {goal}")
    return "\n".join(lines)


def first_request_table(results, search_path):
    lines = [f"{'path':<32}{'first ms':>10}{'warm ms':>10}  goal"]
    for result in results:
        goal = ""
        if result.status != 200:
            goal = f"status {result.status} (see fresh-worker.log with --keep)"
        elif result.path == search_path:
            goal = f"< {FIRST_REQUEST_GOAL_MS} ms: {_mark(result.first_ms < FIRST_REQUEST_GOAL_MS)}"
        lines.append(f"{result.path:<32}{result.first_ms:>10.1f}{result.warm_ms:>10.1f}  {goal}")
    return "\n".join(lines)
