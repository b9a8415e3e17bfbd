"""The import of one martyr list, step by step: read the file, clean its rows (in worker
processes for a large file), write them in batches and record each committed batch on the job.

Every data row either imports or is reported with its row number and a reason (in the language
the import runs in: the staff member's in the admin, the site's from the command line).
Re-importing updates records by 编号 instead of duplicating them, and rewrites only the rows
whose values changed.
"""

from __future__ import annotations

import gc
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from memorials.importing import jobs, workers
from memorials.importing.reading import (
    SUPPORTED_SUFFIXES,
    column_positions,
    count_rows,
    file_checksum,
    find_header,
    iter_rows,
)
from memorials.importing.results import ImportFileError, ImportResult, RowError
from memorials.importing.writing import BatchWriter, search_plan, sqlite_bulk_settings
from memorials.models import MartyrRecord, MemorialFacility

#: Rows per transaction. Larger batches write each touched index page once for more rows
#: (measured at 2 million records: 10,000 rows import 15 % faster than 2,000); an interrupted
#: import resumes after its last committed batch.
DEFAULT_BATCH_SIZE = 10_000


class MartyrImporter:
    """Reads one file and writes its rows in batches; see the module docstring.

    Cleaning and search analysis (jieba, pinyin) run in ``workers`` forked processes for a
    large file while this process writes to the database; ``workers=0`` keeps everything in
    one process, ``None`` chooses by the size of the file and the number of CPUs. A
    ``dry_run`` checks every row and counts what would be created or updated, writing nothing.
    """

    def __init__(
        self,
        source,
        filename: str,
        *,
        publish=False,
        dry_run=False,
        batch_size=DEFAULT_BATCH_SIZE,
        job=None,
        user=None,
        progress=None,
        index=True,
        workers=None,
    ):
        self.source = source
        self.filename = filename
        self.suffix = Path(filename).suffix.lower()
        if self.suffix not in SUPPORTED_SUFFIXES:
            raise ImportFileError(_("只支持 .xlsx 和 .csv 文件"))
        self.publish = publish
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.job = job
        self.user = user
        self.progress = progress
        self.index = index
        self.workers = workers
        self.result = ImportResult(dry_run=dry_run)

    def run(self) -> ImportResult:
        checksum = file_checksum(self.source)
        if not self.dry_run:
            self.job = jobs.start_job(
                self.job,
                checksum=checksum,
                filename=self.filename,
                publish=self.publish,
                user=self.user,
                result=self.result,
            )
            self.publish = self.job.publish
        self.result.job = self.job
        try:
            self._run()
        except BaseException:
            if self.job is not None:
                jobs.fail_job(self.job)
            raise
        if self.job is not None:
            jobs.finish_job(self.job)
        return self.result

    def _worker_count(self):
        if self.workers is not None:
            return max(0, self.workers)
        if self.dry_run or self.suffix != ".csv":
            # .xlsx: openpyxl's reading is the slow part, and it stays in this process.
            return 0
        return workers.worker_count(lambda: count_rows(self.source, self.suffix), self.result.resumed_from)

    @staticmethod
    def _facilities():
        """Facility name → id, matched against 安葬地 to link a record to its cemetery."""
        return dict(MemorialFacility.objects.values_list("name", "id"))

    def _run(self):
        rows = iter_rows(self.source, self.suffix)
        _header_row, header_cells, columns = find_header(rows)
        self.result.headers = ["" if cell is None else str(cell).strip() for cell in header_cells]
        positions = column_positions(header_cells, columns, self.result)
        if self.job is not None:
            jobs.note_headers(self.job, self.result)

        # New records are analysed for search next to their cleaning (in the workers); only
        # published records are searchable.
        plan = search_plan()
        analyse = bool(self.index and self.publish and not self.dry_run and plan is not None)
        context = workers.RowContext(
            positions=positions,
            facility_ids=self._facilities(),
            analyse=analyse,
            publish=self.publish,
            now=timezone.now(),
            job_id=self.job.pk if self.job is not None else None,
        )
        self._now = context.now
        # Whether the file has a column for every searched field: then the workers' analysis
        # of a row also holds for the record it updates.
        self._complete_texts = bool(plan) and {model_field.name for _f, model_field in plan.fields} <= set(positions)
        self._seen_ids = {}
        worker_count = self._worker_count()
        pool = workers.start_pool(worker_count) if worker_count else None
        # Millions of short-lived rows and no reference cycles: the cyclic garbage collector
        # would only walk them again and again (measured: 6 % of the writing process).
        collecting = gc.isenabled()
        gc.disable()
        try:
            with sqlite_bulk_settings():
                self._read_and_write(rows, context, pool, worker_count)
        finally:
            if collecting:
                gc.enable()
            if pool is not None:
                pool.terminate()
                pool.join()

    def _read_and_write(self, rows, context, pool, worker_count):
        batch = []
        row_chunks = workers.chunks(rows, self.result.resumed_from)
        for chunk, processed in workers.processed_chunks(row_chunks, context, pool, self.batch_size, worker_count):
            cells = dict(chunk)
            for number, data, problems, texts, row in processed:
                if data is None:
                    self.result.blank_rows += 1
                    continue
                self.result.rows_read += 1
                external_id = data.get("external_id")
                if external_id and not problems:
                    first = self._seen_ids.setdefault(external_id, number)
                    if first != number:
                        problems.append(_("编号“%(id)s”与第%(row)s行重复") % {"id": external_id, "row": first})
                if problems:
                    reason = pgettext("between the problems of one row", "；").join(problems)
                    self.result.errors.append(RowError(number, reason, self._raw(cells[number])))
                    continue
                batch.append((number, data, texts, row, cells[number]))
                if len(batch) >= self.batch_size:
                    self._write(batch, last_row=number)
                    batch = []
            if self.progress is not None:
                self.progress.update(len(chunk))
        self._write(batch, last_row=None)

    @staticmethod
    def _raw(cells):
        return ["" if cell is None else str(cell) for cell in cells]

    def _write(self, batch, last_row):
        """Write one batch in its own transaction, with the job's record of it."""
        if self.dry_run:
            if batch:
                ids = [data["external_id"] for _n, data, *_rest in batch]
                existing = set(MartyrRecord.objects.filter(external_id__in=ids).values_list("external_id", flat=True))
                self.result.updated += len(existing)
                self.result.created += len(batch) - len(existing)
            return
        # One timestamp per batch: the rows of a batch are published together.
        writer = BatchWriter(
            publish=self.publish, index=self.index, now=self._now, complete_texts=self._complete_texts, job=self.job
        )
        with transaction.atomic():
            try:
                with transaction.atomic():
                    created, updated = writer.write(batch)
                batch_errors = []
            except IntegrityError:
                # One bad row must not sink its batch: write row by row to find it.
                created, updated, batch_errors = 0, 0, []
                for row in batch:
                    try:
                        with transaction.atomic():
                            one_created, one_updated = writer.write([row])
                    except IntegrityError as error:
                        reason = _("无法保存：%(error)s") % {"error": error}
                        batch_errors.append(RowError(row[0], reason, self._raw(row[-1])))
                        continue
                    created, updated = created + one_created, updated + one_updated
            self.result.created += created
            self.result.updated += updated
            self.result.errors.extend(batch_errors)
            if self.job is not None:
                jobs.record_batch(self.job, self.result, last_row)


def import_martyrs(source, filename=None, **options) -> ImportResult:
    """Import one .xlsx/.csv file (a path or an open binary file); see :class:`MartyrImporter`."""
    filename = filename or str(source)
    return MartyrImporter(source, filename, **options).run()
