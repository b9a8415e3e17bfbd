"""Writing batches of cleaned rows: raw ``executemany`` statements, no model objects, and the
records' search documents in the same transaction.

``bulk_create`` on SQLite is limited to 999 parameters per statement (about 24 records of 40
columns), and ``bulk_update`` builds one ``CASE WHEN`` per column over the batch: both cost
more than the writes themselves at millions of rows.
"""

from __future__ import annotations

import contextlib
import functools
import json

from django.db import connection

from memorials.derived import fill_derived_values
from memorials.importing.staging import RevisionStager, needs_staging
from memorials.models import MartyrRecord
from search.bulk import BulkPlan, index_documents

#: SQLite settings of the importing connection (see :func:`sqlite_bulk_settings`): a 256 MB
#: page cache (negative: KiB), and a WAL checkpoint every 25,000 pages (100 MB) instead of 1,000.
SQLITE_BULK_PRAGMAS = {"cache_size": -262_144, "wal_autocheckpoint": 25_000}

IMPORT_FIELDS = [
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "birth_precision",
    "native_place",
    "native_province",
    "native_city",
    "native_county",
    "enlistment_date",
    "enlistment_precision",
    "unit",
    "position",
    "death_date",
    "death_precision",
    "death_decade",
    "war_period",
    "surname_initial",
    "death_place",
    "battle",
    "burial_place",
    "facility",
    "grave_section",
    "grave_row",
    "grave_number",
    "certificate_number",
    "biography",
    "sources",
]
#: The columns an ``UPDATE`` of an existing record writes.
UPDATE_FIELDS = [
    *(name if name != "facility" else "facility_id" for name in IMPORT_FIELDS),
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "updated_at",
]


class RowFormat:
    """A new record's column values in the ``INSERT``'s order, prepared for the database."""

    def __init__(self):
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

    def insert_row(self, data, publish, now, job_id=None):
        values = {
            **self.defaults,
            **data,
            "live": publish,
            "has_unpublished_changes": not publish,
            "created_at": now,
            "updated_at": now,
            "import_job_id": job_id,
        }
        if publish:
            values.update(first_published_at=now, last_published_at=now)
        return [self.prepare(field, values[field.attname]) for field in self.fields]


@functools.cache
def row_format():
    """The process's :class:`RowFormat` (made before the workers fork, shared with them)."""
    return RowFormat()


@functools.cache
def search_plan():
    """The search analysis of a record's fields (``search.bulk``), or ``None`` when the search
    backend has no bulk path."""
    plan = BulkPlan(MartyrRecord)
    return plan if plan.supported else None


@contextlib.contextmanager
def sqlite_bulk_settings():
    """On SQLite, a page cache big enough for the index pages that a batch touches and fewer,
    larger WAL checkpoints for the import's connection; restored afterwards. Both only change
    how much this connection keeps in memory and when it copies the WAL back: durability and
    what other connections see stay as they are."""
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


class BatchWriter:
    """Writes a batch of cleaned rows (new records inserted, known ones updated by 编号) and
    their search documents; the caller holds the transaction.

    Every record a job inserts or changes is marked with the job (``import_job``). An import
    that does not publish never changes what the public sees: a record that is live (or has
    draft revisions) gets the file's values as a new draft revision (``staging``), and only
    drafts without revisions are updated in place.
    """

    def __init__(self, *, publish, index, now, complete_texts=False, job=None):
        self.connection = connection
        self.publish = publish
        self.index = index
        self.now = now
        self.job = job
        self.model = MartyrRecord
        self.table = connection.ops.quote_name(MartyrRecord._meta.db_table)
        self.format = row_format()
        self.complete_texts = complete_texts
        self.update_fields = [*UPDATE_FIELDS, "import_job_id"] if job is not None else UPDATE_FIELDS

    def write(self, batch):
        """``(created, updated)`` for a batch of ``(number, data, texts, row, cells)``."""
        known = self._ids_for([data["external_id"] for _n, data, *_rest in batch])
        existing = (
            {
                row["external_id"]: row
                for row in self.model.objects.filter(pk__in=known.values()).values(
                    "id", *[field.attname for field in self.format.fields]
                )
            }
            if known
            else {}
        )
        creates = [(data, texts, row) for _n, data, texts, row, _c in batch if data["external_id"] not in existing]
        updates = [
            (existing[data["external_id"]], data, texts)
            for _n, data, texts, *_rest in batch
            if data["external_id"] in existing
        ]
        counts = len(creates), len(updates)
        if not self.publish and self.job is not None:
            staged = [(current, data) for current, data, _t in updates if needs_staging(current)]
            if staged:
                RevisionStager(job=self.job, now=self.now).stage(staged)
                updates = [update for update in updates if not needs_staging(update[0])]
        documents = self._insert(creates) + self._update(updates)
        if self.index and documents:
            index_documents(self.model, search_plan(), documents, objects=lambda: self._objects(documents))
        return counts

    def _insert(self, creates):
        if not creates:
            return []
        fields = self.format.fields
        columns = ", ".join(self.connection.ops.quote_name(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self.table} ({columns}) VALUES ({placeholders})", [row for _data, _texts, row in creates]
            )
        if not (self.index and self.publish):
            return []
        pks = self._ids_for([data["external_id"] for data, _t, _r in creates])
        return [
            (pks[data["external_id"]], texts if texts is not None else self._analyse(data))
            for data, texts, _row in creates
        ]

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
        if not updates:
            return []
        fields = [self.model._meta.get_field(name) for name in self.update_fields]
        compared = [
            (i, field) for i, field in enumerate(fields) if field.attname not in ("updated_at", "import_job_id")
        ]
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
            if self.job is not None:
                values["import_job_id"] = self.job.pk
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
        plan = search_plan()
        return plan.analyse(values) if plan is not None else ()

    def _objects(self, documents):
        """The indexed records as model instances, for search backends without a bulk path."""
        return list(self.model.objects.filter(pk__in=[pk for pk, _texts in documents]))
