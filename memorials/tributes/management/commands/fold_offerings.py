"""``manage.py fold_offerings``: the worker that counts the queued offerings, run beside the web
server (with ``TRIBUTES_FOLD_WORKER=1`` the web workers leave folding to it).

Runs until stopped (SIGTERM/Ctrl+C finish the batch in hand), folding a batch as soon as there
is a full one, else every ``--idle`` seconds (counters lag by at most that much). ``--once`` folds what
is queued and exits (a cron job, the benchmark, tests). Killing it (even ``kill -9``) loses
nothing: what it claimed and did not acknowledge is taken over by the next folder after the
lease (``TRIBUTES_FOLD_LEASE_SECONDS``).
"""

from __future__ import annotations

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from memorials.tributes import conf, counters
from memorials.tributes.folding import consumer_name, fold_all, fold_batch
from memorials.tributes.queue import get_queue


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy description.
        return _("把排队的网上祭奠计入统计（在网站进程旁边一直运行）")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help=gettext_lazy("处理完当前排队的祭奠后退出"))
        parser.add_argument(
            "--batch-size", type=int, default=None, help=gettext_lazy("每批条数（默认 TRIBUTES_FOLD_BATCH）")
        )
        parser.add_argument(
            "--idle", type=float, default=1.0, help=gettext_lazy("排队的不足一批时，隔多少秒再处理（默认1）")
        )

    def handle(self, *args, once=False, batch_size=None, idle=1.0, **options):
        queue = get_queue()
        consumer = consumer_name()
        size = batch_size or conf.batch_size()
        refresh = counters.cache_shared()
        if once:
            result = fold_all(queue, consumer, size, refresh=refresh)
            self.stdout.write(f"taken={result.taken} counted={result.counted}")
            return
        stopping = []
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopping.append(True))
        self.stdout.write(f"fold_offerings: {type(queue).__name__}, consumer {consumer}")
        while not stopping:
            close_old_connections()
            try:
                result = fold_batch(queue, consumer, size, refresh)
            except Exception:  # a database or Redis hiccup: the entries stay queued
                self.stderr.write("fold_offerings: a batch failed; retrying")
                time.sleep(idle)
                continue
            if result.taken < size:
                # Caught up: let the next batch gather (fewer, larger transactions leave the
                # database to the web workers; on SQLite they share one write lock).
                time.sleep(idle)
