"""Import of martyr lists (.xlsx, .csv) as bureaus keep them.

Messy input is normal: the header row may sit under merged title rows, columns come in any
order with Chinese or English names, dates are written a dozen ways, rows are blank or
padded with spaces. Every data row either imports or is reported with its row number and a
Chinese reason; the reports form an error file in the same layout that can be fixed and
imported again. Rows are committed in batches and each committed batch is recorded on an
:class:`~memorials.models.ImportJob`, so an interrupted import resumes where it stopped.
Re-importing updates records by 编号 instead of duplicating them.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import csv
import functools
import gc
import hashlib
import html
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from memorials.columns import (
    COLUMNS,
    ERROR_REASON_HEADER,
    ERROR_ROW_HEADER,
    IGNORED_HEADERS,
    column_for_header,
    normalise_header,
)
from memorials.dates import PartialDateError, parse_partial_date

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
#: How many header-less rows (titles, notes) may precede the header row.
HEADER_SEARCH_ROWS = 20
#: Rows per transaction. Larger batches write each touched index page once for more rows
#: (measured at 2 million records: 10,000 rows import 15 % faster than 2,000); an interrupted
#: import resumes after its last committed batch.
DEFAULT_BATCH_SIZE = 10_000
#: SQLite settings of the importing connection (see ``_sqlite_bulk_settings``): a 256 MB page
#: cache (negative: KiB), and a WAL checkpoint every 25,000 pages (100 MB) instead of 1,000.
SQLITE_BULK_PRAGMAS = {"cache_size": -262_144, "wal_autocheckpoint": 25_000}


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header row); message in Chinese."""


@dataclass
class RowError:
    row: int
    reason: str
    values: list


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    blank_rows: int = 0
    rows_read: int = 0
    errors: list[RowError] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    resumed_from: int = 0
    dry_run: bool = False
    job: object = None

    @property
    def imported(self):
        return self.created + self.updated


# -- reading ---------------------------------------------------------------------------------


def detect_encoding(sample: bytes) -> str:
    """UTF-8 with BOM, UTF-8, or GB18030 (a superset of GBK and GB2312)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        raise ImportFileError("无法识别文件编码，请另存为 UTF-8 或 GB18030 编码的 CSV，或 .xlsx 文件") from None


def _open_binary(source):
    if isinstance(source, (str, Path)):
        return open(source, "rb")
    source.seek(0)
    return source


def iter_rows(source, suffix: str):
    """Yield ``(row_number, [cell values])`` as the spreadsheet numbers rows (from 1)."""
    suffix = suffix.lower()
    if suffix == ".csv":
        handle = _open_binary(source)
        encoding = detect_encoding(handle.read(256 * 1024))
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding=encoding, newline="")
        try:
            yield from enumerate(csv.reader(text), start=1)
        except (UnicodeDecodeError, csv.Error) as error:
            raise ImportFileError(f"文件内容无法按 {encoding} 读取：{error}") from error
        finally:
            text.detach()
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        handle = _open_binary(source)
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:
            raise ImportFileError("无法打开这个 Excel 文件，请确认是 .xlsx 格式（旧的 .xls 请先另存为 .xlsx）") from error
        try:
            sheet = workbook.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(row)
        finally:
            workbook.close()
    else:
        raise ImportFileError("只支持 .xlsx 和 .csv 文件")


def count_rows(source, suffix: str) -> int | None:
    """A cheap estimate of the number of rows, for the progress bar."""
    if suffix.lower() == ".csv":
        handle = _open_binary(source)
        total = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        handle.seek(0) if not isinstance(source, (str, Path)) else handle.close()
        return total
    return None


def file_checksum(source) -> str:
    digest = hashlib.sha256()
    handle = _open_binary(source)
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    if isinstance(source, (str, Path)):
        handle.close()
    else:
        handle.seek(0)
    return digest.hexdigest()


# -- cleaning --------------------------------------------------------------------------------


#: Full-width digits and Latin letters to ASCII; Chinese punctuation stays as written.
_HALF_WIDTH = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_HALF_WIDTH[0x3000] = 0x20


def half_width(text: str) -> str:
    return text.translate(_HALF_WIDTH)


_SPACES = re.compile(r"[ \t\u3000]+")


def clean_text(value) -> str:
    """Cell → text: full-width letters and digits to half-width, spaces trimmed and collapsed."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).translate(_HALF_WIDTH)  # the ideographic space becomes a space too
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


@functools.lru_cache(maxsize=65536)
def _parse_date_text(text):
    return parse_partial_date(text)


def parse_date_cell(value):
    """:func:`parse_partial_date`, cached for text cells (a list repeats its dates a lot)."""
    return _parse_date_text(value) if isinstance(value, str) else parse_partial_date(value)


def text_to_richtext(text: str) -> str:
    """Plain text (one paragraph per line) to the rich text HTML stored in 生平事迹."""
    paragraphs = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)


_GENDERS = {"男": "male", "男性": "male", "m": "male", "male": "male", "女": "female", "女性": "female",
            "f": "female", "female": "female"}
_GRAVE = re.compile(r"^(?:(?P<section>[^区排号]+)区)?(?:(?P<row>[^区排号]+)排)?(?:(?P<number>[^区排号]+)号)?$")


def parse_grave(text: str):
    """``A区3排12号`` / ``A-3-12`` / ``3-12`` → (section, row, number)."""
    text = text.replace(" ", "")
    if not text:
        return "", "", ""
    match = _GRAVE.match(text)
    if match and any(match.groupdict().values()):
        return tuple(match.group(key) or "" for key in ("section", "row", "number"))
    parts = [part for part in re.split(r"[-/—－_]", text) if part]
    if len(parts) == 3:
        return tuple(parts)
    if len(parts) == 2:
        return "", parts[0], parts[1]
    if len(parts) == 1:
        return "", "", parts[0]
    raise ValueError(text)


_parse_grave = functools.lru_cache(maxsize=65536)(parse_grave)


@functools.cache
def _max_lengths():
    from memorials.models import MartyrRecord

    return {
        f.name: (f.max_length, str(f.verbose_name))
        for f in MartyrRecord._meta.get_fields()
        if getattr(f, "max_length", None) and f.get_internal_type() == "CharField"
    }


#: Columns that are not a single line of text: dates are parsed from the cell as it is, and
#: 生平事迹 / 资料来源 keep their line breaks.
_NOT_ONE_LINE = frozenset({"birth", "enlistment", "death", "biography", "sources"})


def clean_row(values: dict) -> tuple[dict, list[str]]:
    """Column key → raw cell, to model field values and a list of Chinese problems."""
    problems = []
    text = {key: clean_text(value) for key, value in values.items() if key not in _NOT_ONE_LINE}
    data = {}
    for key in ("name", "ethnicity", "native_place", "unit", "position", "death_place", "battle",
                "burial_place", "certificate_number", "external_id"):
        if key in text:
            data[key] = text[key]
    if not data.get("name"):
        problems.append("姓名为空")
    if "gender" in text and text["gender"]:
        gender = _GENDERS.get(text["gender"].lower())
        if gender is None:
            problems.append(f"性别“{text['gender']}”无法识别，应为“男”或“女”")
        data["gender"] = gender or ""
    for key, label in (("birth", "出生年月"), ("enlistment", "入伍年月"), ("death", "牺牲年月")):
        if key not in values:
            continue
        try:
            parsed = parse_date_cell(values[key])
        except PartialDateError as error:
            problems.append(f"{label}：{error}")
            continue
        data[f"{key}_date"] = parsed.date if parsed else None
        data[f"{key}_precision"] = parsed.precision if parsed else ""
    if "grave" in text:
        try:
            data["grave_section"], data["grave_row"], data["grave_number"] = _parse_grave(text["grave"])
        except ValueError:
            problems.append(f"墓位“{text['grave']}”无法识别，请写成“A区3排12号”或“A-3-12”")
    if "biography" in values:
        # Keep line breaks: each line of the cell becomes a paragraph.
        raw = half_width(str(values["biography"] or ""))
        data["biography"] = text_to_richtext(raw)
    if "sources" in values:
        data["sources"] = half_width(str(values["sources"] or "")).strip()
    for key, (limit, label) in _max_lengths().items():
        if len(data.get(key) or "") > limit:
            problems.append(f"{label}超过{limit}个字")
    if data.get("birth_date") and data.get("death_date") and data["birth_date"] > data["death_date"]:
        problems.append("出生年月晚于牺牲年月")
    if not data.get("external_id") and data.get("name"):
        # Without 编号 a stable key from the person's facts still lets a re-import update.
        key = "|".join(str(values.get(k) or "").strip() for k in ("name", "native_place", "birth", "death"))
        data["external_id"] = "AUTO-" + hashlib.sha1(key.encode()).hexdigest()[:16]
    return data, problems


# -- the import ------------------------------------------------------------------------------


def _find_header(rows):
    """Skip title rows; the header row is the first with 姓名 and at least one other known column."""
    skipped = 0
    for number, cells in rows:
        columns = [column_for_header(cell) for cell in cells]
        keys = {column.key for column in columns if column}
        if "name" in keys and len(keys) >= 2:
            return number, cells, columns
        skipped += 1
        if skipped >= HEADER_SEARCH_ROWS:
            break
    raise ImportFileError("没有找到表头：表头行须包含“姓名”列和至少一个其他已知列（如“籍贯”“牺牲年月”“编号”）")


IMPORT_FIELDS = [
    "name", "gender", "ethnicity", "birth_date", "birth_precision", "native_place", "native_province",
    "native_city", "native_county", "enlistment_date", "enlistment_precision", "unit", "position",
    "death_date", "death_precision", "death_decade", "war_period", "death_place", "battle",
    "burial_place", "facility", "grave_section", "grave_row", "grave_number", "certificate_number",
    "biography", "sources",
]
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


def link_facility(data, facility_ids):
    """``facility_id`` from 安葬地: the facility of that name, or one whose name it contains."""
    burial = data.get("burial_place")
    if burial:
        facility_id = facility_ids.get(burial)
        if facility_id is None:
            facility_id = next((pk for name, pk in facility_ids.items() if name in burial), None)
        if facility_id is not None:
            data["facility_id"] = facility_id


def process_rows(context: RowContext, chunk):
    """Clean, derive and (for new records) analyse for search a chunk of ``(number, cells)``.

    Pure Python without the database, so that it runs in worker processes. Returns
    ``(number, data, problems, texts, row)`` per row: ``data`` is ``None`` for a blank row,
    ``row`` the values of a new record as the ``INSERT`` takes them.
    """
    from memorials.models import fill_derived_values

    plan = _search_plan() if context.analyse else None
    row_format = _row_format()
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
            row = row_format.insert_row(data, context.publish, context.now)
        processed.append((number, data, problems, texts, row))
    return processed


class RowFormat:
    """A new record's column values in the ``INSERT``'s order, prepared for the database."""

    def __init__(self):
        from django.db import connection

        from memorials.models import MartyrRecord

        self.connection = connection
        self.fields = [field for field in MartyrRecord._meta.concrete_fields if not field.primary_key]
        self.defaults = {field.attname: field.get_default() for field in self.fields}
        self.memo = {}

    def prepare(self, field, value):
        # Text, numbers and NULL go to the driver as they are; dates and times through
        # Django's preparation (no query), once per distinct value.
        if value is None or isinstance(value, (str, int)):
            return value
        key = (field.attname, value)
        if key not in self.memo:
            self.memo[key] = field.get_db_prep_save(value, self.connection)
        return self.memo[key]

    def insert_row(self, data, publish, now):
        values = {**self.defaults, **data, "live": publish, "has_unpublished_changes": not publish,
                  "created_at": now, "updated_at": now}
        if publish:
            values.update(first_published_at=now, last_published_at=now)
        return [self.prepare(field, values[field.attname]) for field in self.fields]


@functools.cache
def _row_format():
    return RowFormat()


@functools.cache
def _search_plan():
    from memorials.models import MartyrRecord
    from search.bulk import BulkPlan

    plan = BulkPlan(MartyrRecord)
    return plan if plan.supported else None


@contextlib.contextmanager
def _sqlite_bulk_settings():
    """On SQLite, a page cache big enough for the index pages that a batch touches and fewer,
    larger WAL checkpoints for the import's connection; restored afterwards. Both only change
    how much this connection keeps in memory and when it copies the WAL back: durability and
    what other connections see stay as they are."""
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        saved = {}
        for pragma, value in SQLITE_BULK_PRAGMAS.items():
            cursor.execute(f"PRAGMA {pragma}")
            saved[pragma] = cursor.fetchone()[0]
            cursor.execute(f"PRAGMA {pragma} = {int(value)}")
    try:
        yield
    finally:
        if connection.connection is not None:
            with connection.cursor() as cursor:
                for pragma, value in saved.items():
                    cursor.execute(f"PRAGMA {pragma} = {int(value)}")


def _worker_init():
    # A forked worker must never use the database connection it inherited from the parent.
    from search import analysis

    analysis.freeze_dictionary()
    gc.disable()  # as in the importing process; the worker ends with the import


class MartyrImporter:
    """Reads one file and writes its rows in batches; see the module docstring.

    Cleaning and search analysis (jieba, pinyin) run in ``workers`` forked processes for a
    large file while this process writes to the database; ``workers=0`` keeps everything in
    one process, ``None`` chooses by the size of the file and the number of CPUs.
    """

    def __init__(self, source, filename: str, *, publish=False, dry_run=False,
                 batch_size=DEFAULT_BATCH_SIZE, job=None, user=None, progress=None, index=True, workers=None):
        self.source = source
        self.filename = filename
        self.suffix = Path(filename).suffix.lower()
        if self.suffix not in SUPPORTED_SUFFIXES:
            raise ImportFileError("只支持 .xlsx 和 .csv 文件")
        self.publish = publish
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.job = job
        self.user = user
        self.progress = progress
        self.index = index
        self.workers = workers
        self.result = ImportResult(dry_run=dry_run)

    # The facility names, matched against 安葬地 to link a record to its cemetery.
    def _facilities(self):
        from memorials.models import MemorialFacility

        return {name: pk for name, pk in MemorialFacility.objects.values_list("name", "id")}

    def _get_or_create_job(self, checksum):
        from memorials.models import ImportJob

        if self.job is None:
            self.job = (
                ImportJob.objects.filter(checksum=checksum, status__in=[ImportJob.Status.RUNNING, ImportJob.Status.FAILED])
                .order_by("-created_at")
                .first()
            )
            if self.job is None:
                self.job = ImportJob.objects.create(
                    filename=self.filename, checksum=checksum, publish=self.publish, created_by=self.user
                )
        if self.job.rows_done:
            self.result.resumed_from = self.job.rows_done
            self.result.errors = [RowError(**error) for error in self.job.errors]
            self.result.created = self.job.created_count
            self.result.updated = self.job.updated_count
        self.job.status = ImportJob.Status.RUNNING
        self.job.publish = self.publish or self.job.publish
        self.publish = self.job.publish
        self.job.save()

    def run(self) -> ImportResult:
        from memorials.models import ImportJob

        checksum = file_checksum(self.source)
        if not self.dry_run:
            self._get_or_create_job(checksum)
        self.result.job = self.job
        try:
            self._run()
        except BaseException:
            if self.job is not None:
                ImportJob.objects.filter(pk=self.job.pk).update(status=ImportJob.Status.FAILED)
            raise
        if self.job is not None:
            self.job.status = ImportJob.Status.DONE
            self.job.finished_at = timezone.now()
            self.job.save(update_fields=["status", "finished_at"])
        return self.result

    def _worker_count(self):
        if self.workers is not None:
            return max(0, self.workers)
        cpus = os.cpu_count() or 1
        if cpus < 2 or self.dry_run:
            return 0
        estimate = count_rows(self.source, self.suffix) if self.suffix == ".csv" else None
        if estimate is None:
            # .xlsx: openpyxl's reading is the slow part, and it stays in this process.
            return 0
        # This process writes all the time: one worker fewer than the CPUs keeps each busy
        # (measured on 2 CPUs: one worker imports 15 % faster than two).
        return min(cpus - 1, 4) if estimate - self.result.resumed_from >= PARALLEL_THRESHOLD else 0

    def _chunks(self, rows):
        chunk = []
        for number, cells in rows:
            if number <= self.result.resumed_from:
                continue
            chunk.append((number, cells))
            if len(chunk) >= CHUNK_SIZE:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _run(self):
        rows = iter_rows(self.source, self.suffix)
        header_row, header_cells, columns = _find_header(rows)
        self.result.headers = ["" if cell is None else str(cell).strip() for cell in header_cells]
        positions = {}
        for position, (cell, column) in enumerate(zip(header_cells, columns)):
            name = clean_text(cell)
            if column is None:
                if name and normalise_header(name) not in {normalise_header(h) for h in IGNORED_HEADERS}:
                    self.result.unknown_columns.append(name)
            elif column.key not in positions:
                positions[column.key] = position
        self.result.missing_columns = [c.header for c in COLUMNS if c.key not in positions]
        if self.job is not None:
            self.job.header_warnings = [f"未识别的列（已忽略）：{name}" for name in self.result.unknown_columns]
            self.job.headers = self.result.headers
            self.job.save(update_fields=["header_warnings", "headers"])

        # New records are analysed for search next to their cleaning (in the workers); only
        # published records are searchable.
        analyse = bool(self.index and self.publish and not self.dry_run and _search_plan() is not None)
        context = RowContext(positions=positions, facility_ids=self._facilities(), analyse=analyse,
                             publish=self.publish, now=timezone.now())
        self._now = context.now
        # Whether the file has a column for every searched field: then the workers' analysis
        # of a row also holds for the record it updates.
        plan = _search_plan()
        self._complete_texts = bool(plan) and {model_field.name for _f, model_field in plan.fields} <= set(positions)
        self._seen_ids = {}
        workers = self._worker_count()
        pool = None
        if workers:
            import multiprocessing

            from search import analysis

            # Load the dictionaries before forking: the workers share them copy-on-write.
            analysis.get_tokenizer()
            analysis.name_pinyin("黄继光")
            _max_lengths()
            _search_plan()
            _row_format()
            pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_init)
        # Millions of short-lived rows and no reference cycles: the cyclic garbage collector
        # would only walk them again and again (measured: 6 % of the writing process).
        collecting = gc.isenabled()
        gc.disable()
        try:
            with _sqlite_bulk_settings():
                self._read_and_write(rows, context, pool, workers)
        finally:
            if collecting:
                gc.enable()
            if pool is not None:
                pool.terminate()
                pool.join()

    def _read_and_write(self, rows, context, pool, workers):
        batch = []
        # The workers go on cleaning while this process writes a batch: a batch and a few
        # chunks ahead, so that neither waits for the other.
        ahead = self.batch_size // CHUNK_SIZE + 2 * workers
        for chunk, processed in self._processed(self._chunks(rows), context, pool, ahead):
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
                        problems.append(f"编号“{external_id}”与第{first}行重复")
                if problems:
                    self.result.errors.append(RowError(number, "；".join(problems), self._raw(cells[number])))
                    continue
                batch.append((number, data, texts, row, cells[number]))
                if len(batch) >= self.batch_size:
                    self._write(batch, last_row=number)
                    batch = []
            if self.progress is not None:
                self.progress.update(len(chunk))
        self._write(batch, last_row=None)

    @staticmethod
    def _processed(chunks, context, pool, ahead):
        """``(chunk, processed rows)`` in file order; with a pool, ``ahead`` chunks ahead at most
        (reading never runs ahead of writing by more than that, whatever the file's size)."""
        if pool is None:
            for chunk in chunks:
                yield chunk, process_rows(context, chunk)
            return
        pending = collections.deque()
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(process_rows, (context, chunk))))
            if len(pending) > ahead:
                chunk, result = pending.popleft()
                yield chunk, result.get()
        while pending:
            chunk, result = pending.popleft()
            yield chunk, result.get()

    @staticmethod
    def _raw(cells):
        return ["" if cell is None else str(cell) for cell in cells]

    # -- writing ---------------------------------------------------------------------------

    def _write(self, batch, last_row):
        from memorials.models import MartyrRecord

        if self.dry_run:
            if batch:
                ids = [data["external_id"] for _n, data, *_rest in batch]
                existing = set(MartyrRecord.objects.filter(external_id__in=ids).values_list("external_id", flat=True))
                self.result.updated += len(existing)
                self.result.created += len(batch) - len(existing)
            return
        # One timestamp per batch: the rows of a batch are published together.
        writer = _BatchWriter(publish=self.publish, index=self.index, now=self._now,
                              complete_texts=self._complete_texts)
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
                        batch_errors.append(RowError(row[0], f"无法保存：{error}", self._raw(row[-1])))
                        continue
                    created, updated = created + one_created, updated + one_updated
            self.result.created += created
            self.result.updated += updated
            self.result.errors.extend(batch_errors)
            if self.job is not None:
                if last_row is not None:
                    self.job.rows_done = last_row
                self.job.created_count = self.result.created
                self.job.updated_count = self.result.updated
                self.job.error_count = len(self.result.errors)
                self.job.errors = [error.__dict__ for error in self.result.errors]
                self.job.save(update_fields=["rows_done", "created_count", "updated_count", "error_count", "errors"])


class _BatchWriter:
    """Writes cleaned rows with raw ``executemany`` statements (no model objects), and their
    search documents in the same transaction.

    ``bulk_create`` on SQLite is limited to 999 parameters per statement (about 24 records of
    40 columns), and ``bulk_update`` builds one ``CASE WHEN`` per column over the batch: both
    cost more than the writes themselves at this volume.
    """

    def __init__(self, *, publish, index, now, complete_texts=False):
        from django.db import connection

        from memorials.models import MartyrRecord

        self.connection = connection
        self.publish = publish
        self.index = index
        self.now = now
        self.model = MartyrRecord
        self.table = connection.ops.quote_name(MartyrRecord._meta.db_table)
        self.format = _row_format()
        self.complete_texts = complete_texts

    def write(self, batch):
        """``(created, updated)`` for a batch of ``(number, data, texts, row, cells)``."""
        known = self._ids_for([data["external_id"] for _n, data, *_rest in batch])
        existing = {
            row["external_id"]: row
            for row in self.model.objects.filter(pk__in=known.values()).values(
                "id", *[field.attname for field in self.format.fields]
            )
        } if known else {}
        creates = [(data, texts, row) for _n, data, texts, row, _c in batch if data["external_id"] not in existing]
        updates = [(existing[data["external_id"]], data, texts) for _n, data, texts, *_rest in batch
                   if data["external_id"] in existing]
        documents = self._insert(creates) + self._update(updates)
        if self.index and documents:
            from search.bulk import index_documents

            index_documents(self.model, _search_plan(), documents, objects=lambda: self._objects(documents))
        return len(creates), len(updates)

    def _insert(self, creates):
        if not creates:
            return []
        fields = self.format.fields
        columns = ", ".join(self.connection.ops.quote_name(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        with self.connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {self.table} ({columns}) VALUES ({placeholders})",
                               [row for _data, _texts, row in creates])
        if not (self.index and self.publish):
            return []
        pks = self._ids_for([data["external_id"] for data, _t, _r in creates])
        return [(pks[data["external_id"]], texts if texts is not None else self._analyse(data))
                for data, texts, _row in creates]

    def _ids_for(self, external_ids):
        """``{编号: id}`` of the records that exist, in one query with one parameter (the ORM's
        ``IN`` list costs more to build than the lookup itself at this volume)."""
        if self.connection.vendor == "postgresql":
            sql, param = f"SELECT external_id, id FROM {self.table} WHERE external_id = ANY(%s)", list(external_ids)
        elif self.connection.vendor == "sqlite":
            sql = f"SELECT external_id, id FROM {self.table} WHERE external_id IN (SELECT value FROM json_each(%s))"
            param = json.dumps(list(external_ids))
        else:
            return dict(self.model.objects.filter(external_id__in=external_ids).values_list("external_id", "id"))
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [param])
            return dict(cursor.fetchall())

    def _update(self, updates):
        from memorials.models import fill_derived_values

        if not updates:
            return []
        fields = [self.model._meta.get_field(name) for name in UPDATE_FIELDS]
        compared = [(i, field) for i, field in enumerate(fields) if field.attname != "updated_at"]
        assignments = ", ".join(f"{self.connection.ops.quote_name(field.column)} = %s" for field in fields)
        rows, documents = [], []
        for current, data, texts in updates:
            values = {**current, **data}
            if "native_place" in data:
                values["native_province"] = values["native_city"] = values["native_county"] = ""
            fill_derived_values(values)
            if self.publish and not current["live"]:
                values.update(live=True, has_unpublished_changes=False, last_published_at=self.now)
                values["first_published_at"] = values.get("first_published_at") or self.now
            values["updated_at"] = self.now
            row = [self.format.prepare(field, values[field.attname]) for field in fields]
            if all(row[i] == self.format.prepare(field, current[field.attname]) for i, field in compared):
                # The file says what the record says (the usual re-import of a whole list with
                # a few corrections): nothing to write, nothing to index again.
                continue
            rows.append(row + [current["id"]])
            if values["live"] and self.index:
                # The worker's analysis holds when the file gave every field that is searched.
                texts = texts if texts is not None and self.complete_texts else self._analyse(values)
                documents.append((values["id"], texts))
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {self.table} SET {assignments} WHERE id = %s", rows)
        return documents

    @staticmethod
    def _analyse(values):
        plan = _search_plan()
        return plan.analyse(values) if plan is not None else ()

    def _objects(self, documents):
        """The indexed records as model instances, for search backends without a bulk path."""
        return list(self.model.objects.filter(pk__in=[pk for pk, _texts in documents]))


UPDATE_FIELDS = [*(name if name != "facility" else "facility_id" for name in IMPORT_FIELDS), "live",
                 "has_unpublished_changes", "first_published_at", "last_published_at", "updated_at"]


def import_martyrs(source, filename=None, **options) -> ImportResult:
    """Import one .xlsx/.csv file (a path or an open binary file); see :class:`MartyrImporter`."""
    filename = filename or str(source)
    return MartyrImporter(source, filename, **options).run()


# -- the error file --------------------------------------------------------------------------


def write_error_file(result: ImportResult, output, fmt: str):
    """The rows that did not import, as the user wrote them, with 错误原因 and 原行号 added.

    Same columns as the uploaded file, so it can be fixed and imported again.
    """
    headers = [*result.headers, ERROR_REASON_HEADER, ERROR_ROW_HEADER]
    rows = []
    for error in sorted(result.errors, key=lambda e: e.row):
        values = list(error.values) + [""] * (len(result.headers) - len(error.values))
        rows.append([*values[: len(result.headers)], error.reason, error.row])
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("错误行")
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        workbook.save(output)
    else:
        # UTF-8 with BOM: Excel on Windows opens it with the Chinese intact.
        text = io.TextIOWrapper(output, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(headers)
        writer.writerows(rows)
        text.flush()
        text.detach()
