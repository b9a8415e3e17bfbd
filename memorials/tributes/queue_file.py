"""The queue of the embedded default: a SQLite file of its own beside the site's database.

SQLite lets one connection write at a time. With the queue as a table of the site's database,
every offering waited whenever the folder counted a batch (hundreds of offerings and counters
in one transaction), and SQLite's busy handler waits in steps of milliseconds: at the peak the
web workers spent a quarter of their time asleep. In a file of its own, an offering's INSERT
waits at most for another offering or for the folder's one-statement claim and acknowledgement.

Entries are acknowledged after the folder's commit, as with the Redis stream: a folder killed in
between leaves them claimed, the next one takes them over after the lease and counts nothing
twice (the unique offering row). Written with write-ahead logging and ``synchronous=NORMAL``
like the site's database: what an INSERT committed survives the process being killed.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time

from memorials.tributes.entries import ROW_COLUMNS, Entry, chunks

SCHEMA = """
CREATE TABLE IF NOT EXISTS queued (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL,
    facility_id INTEGER,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    visitor TEXT NOT NULL,
    address TEXT NOT NULL,
    offered_at TEXT NOT NULL,
    claimed_at REAL,
    claimed_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS queued_claim ON queued (claimed_at, id);
"""


class FileQueue:
    """The queue in the SQLite file ``path`` (created on first use)."""

    acks_in_transaction = False

    def __init__(self, path):
        self.path = str(path)
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        local = self._local
        # One connection per thread and process: a forked web worker opens its own.
        if getattr(local, "pid", None) != os.getpid():
            os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=20, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.executescript(SCHEMA)
            local.connection, local.pid = connection, os.getpid()
        return local.connection

    def put(self, entry: Entry) -> None:
        self._connection().execute(
            "INSERT INTO queued (record_id, facility_id, kind, day, visitor, address, offered_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                entry.record_id,
                entry.facility_id,
                entry.kind,
                entry.day.isoformat(),
                entry.visitor,
                entry.address,
                entry.offered_at.isoformat(),
            ),
        )

    def claim(self, consumer: str, count: int, lease_seconds: int) -> list[Entry]:
        """Up to ``count`` entries nobody holds (never claimed, or claimed longer ago than the
        lease), oldest first, now held by ``consumer``: one UPDATE, so of two folders claiming at
        once each entry goes to one."""
        now = time.time()
        connection = self._connection()
        connection.execute(
            "UPDATE queued SET claimed_at = ?, claimed_by = ? WHERE id IN ("
            " SELECT id FROM queued WHERE claimed_at IS NULL OR claimed_at <= ? ORDER BY id LIMIT ?)",
            (now, consumer, now - lease_seconds, count),
        )
        rows = connection.execute(
            f"SELECT {', '.join(ROW_COLUMNS)} FROM queued WHERE claimed_by = ? AND claimed_at = ? ORDER BY id",
            (consumer, now),
        )
        return [Entry.from_row(row) for row in rows]

    def ack(self, consumer: str, entries: list[Entry]) -> None:
        ids = [int(entry.ref) for entry in entries]
        connection = self._connection()
        for chunk in chunks(ids):
            connection.execute(
                f"DELETE FROM queued WHERE claimed_by = ? AND id IN ({', '.join('?' * len(chunk))})",
                (consumer, *chunk),
            )

    def waiting(self) -> int:
        return self._connection().execute("SELECT count(*) FROM queued").fetchone()[0]
