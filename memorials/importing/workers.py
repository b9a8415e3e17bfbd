"""Cleaning and search analysis in parallel: worker processes clean chunks of rows (and
analyse new records for search with jieba and pinyin) while the importing process writes.

The workers are forked after the dictionaries and caches are loaded, so they share them
copy-on-write; they never touch the database. Chunks come back in file order, at most a few
chunks ahead of the writing, whatever the file's size.
"""

from __future__ import annotations

import collections
import gc
import multiprocessing
import os
from dataclasses import dataclass

from memorials.derived import fill_derived_values
from memorials.importing.cleaning import clean_row, link_facility, max_lengths
from memorials.importing.writing import row_format, search_plan
from memorials.text import clean_text, half_width

#: Rows handed to a worker process at a time.
CHUNK_SIZE = 1000
#: Below this many rows (estimated) an import runs in one process: starting workers costs more.
PARALLEL_THRESHOLD = 20_000


@dataclass(frozen=True)
class RowContext:
    """What cleaning a row needs; sent once to each worker process."""

    positions: dict
    facility_ids: dict
    analyse: bool
    publish: bool = False
    now: object = None
    #: The job that writes the rows (``import_job`` of the records it inserts).
    job_id: int | None = None


def process_rows(context: RowContext, chunk):
    """Clean, derive and (for new records) analyse for search a chunk of ``(number, cells)``.

    Pure Python without the database, so that it runs in worker processes. Returns
    ``(number, data, problems, texts, row)`` per row: ``data`` is ``None`` for a blank row,
    ``row`` the values of a new record as the ``INSERT`` takes them.
    """
    plan = search_plan() if context.analyse else None
    insert_format = row_format()
    processed = []
    for number, cells in chunk:
        if all(clean_text(cell) == "" for cell in cells):
            processed.append((number, None, None, None, None))
            continue
        values = {key: (cells[pos] if pos < len(cells) else None) for key, pos in context.positions.items()}
        data, problems = clean_row(values)
        texts = row = None
        if not problems:
            link_facility(data, context.facility_ids)
            fill_derived_values(data)
            if plan is not None:
                # 生平事迹 is analysed as the plain text it was written in, not as its HTML.
                plain = {"biography": half_width(str(values["biography"] or ""))} if "biography" in values else None
                texts = plan.analyse(data, plain)
            row = insert_format.insert_row(data, context.publish, context.now, context.job_id)
        processed.append((number, data, problems, texts, row))
    return processed


def worker_count(estimate_rows, resumed_from: int = 0) -> int:
    """How many worker processes to start for a file of ``estimate_rows()`` rows (called only
    when there are CPUs to spare; ``None``: unknown, no workers)."""
    cpus = os.cpu_count() or 1
    if cpus < 2:
        return 0
    estimate = estimate_rows()
    if estimate is None:
        return 0
    # This process writes all the time: one worker fewer than the CPUs keeps each busy
    # (measured on 2 CPUs: one worker imports 15 % faster than two).
    return min(cpus - 1, 4) if estimate - resumed_from >= PARALLEL_THRESHOLD else 0


def _worker_init():
    # A forked worker must never use the database connection it inherited from the parent.
    from search import analysis

    analysis.freeze_dictionary()
    gc.disable()  # as in the importing process; the worker ends with the import


def start_pool(workers: int):
    """A pool of ``workers`` forked processes, with the dictionaries and caches loaded first."""
    from search import analysis

    # Load the dictionaries before forking: the workers share them copy-on-write.
    analysis.get_tokenizer()
    analysis.name_pinyin("黄继光")
    max_lengths()
    search_plan()
    row_format()
    return multiprocessing.get_context("fork").Pool(workers, initializer=_worker_init)


def chunks(rows, resumed_from: int = 0):
    """The rows after ``resumed_from``, in lists of :data:`CHUNK_SIZE`."""
    chunk = []
    for number, cells in rows:
        if number <= resumed_from:
            continue
        chunk.append((number, cells))
        if len(chunk) >= CHUNK_SIZE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def processed_chunks(row_chunks, context: RowContext, pool, batch_size: int, workers: int):
    """``(chunk, processed rows)`` in file order. With a pool, the workers go on cleaning while
    the caller writes a batch: a batch and a few chunks ahead, so that neither waits for the
    other, and never further (reading never runs ahead of writing by more than that)."""
    if pool is None:
        for chunk in row_chunks:
            yield chunk, process_rows(context, chunk)
        return
    ahead = batch_size // CHUNK_SIZE + 2 * workers
    pending = collections.deque()
    for chunk in row_chunks:
        pending.append((chunk, pool.apply_async(process_rows, (context, chunk))))
        if len(pending) > ahead:
            chunk, result = pending.popleft()
            yield chunk, result.get()
    while pending:
        chunk, result = pending.popleft()
        yield chunk, result.get()
