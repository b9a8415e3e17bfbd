"""Staging: what an import that does not publish writes for a record the public already sees.

The record's columns are its live version (Wagtail's ``DraftStateMixin``), so the file's values
go into a new draft revision instead, as ``save_revision`` would write it: the revision holds
the whole record (its latest draft, or the live columns when it has none, with the file's
values over it) and becomes the record's ``latest_revision`` with ``has_unpublished_changes``.
Approving the job publishes it (``memorials.importing.review``).

One batch costs a fixed number of queries whatever its size: the records with their gallery,
their draft revisions, one ``INSERT`` of the new revisions and one ``executemany`` ``UPDATE``
of the records, instead of ``save_revision``'s full clean, saves and log entry per record.
Rows whose values the record already has are skipped (no revision).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Revision

from memorials.derived import fill_derived_values
from memorials.models import MartyrRecord

#: Columns that are Wagtail's or the archive's bookkeeping, not the record's content.
BOOKKEEPING = frozenset(
    {
        "id",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision_id",
        "latest_revision_id",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by_id",
        "created_at",
        "updated_at",
        "import_job_id",
    }
)


def content_attnames():
    """The record's content columns (what a revision changes), by attribute name."""
    return [
        field.attname
        for field in MartyrRecord._meta.concrete_fields
        if not field.primary_key and field.attname not in BOOKKEEPING
    ]


def needs_staging(current) -> bool:
    """Whether an import that does not publish must leave the record's columns alone: the
    record is live, or its latest draft is a revision (which the columns do not show)."""
    return bool(current["live"] or (current["has_unpublished_changes"] and current["latest_revision_id"]))


def with_file_values(values: dict, data: dict) -> dict:
    """The record's values with the file's over them, the browse fields derived again."""
    values = {**values, **data}
    if "native_place" in data:
        values["native_province"] = values["native_city"] = values["native_county"] = ""
    return fill_derived_values(values)


class RevisionStager:
    """Writes the file's values of a batch of records as their new draft revisions."""

    def __init__(self, *, job, now):
        self.job = job
        self.now = now
        self.content_type = ContentType.objects.get_for_model(MartyrRecord)
        self.attnames = content_attnames()

    def stage(self, items) -> int:
        """Stage ``[(current row values, cleaned file values), …]``; the number staged."""
        ids = [current["id"] for current, _data in items]
        records = {record.pk: record for record in MartyrRecord.objects.filter(pk__in=ids).prefetch_related("photos")}
        draft_ids = [current["latest_revision_id"] for current, _data in items if current["has_unpublished_changes"]]
        drafts = dict(Revision.objects.filter(pk__in=draft_ids).values_list("pk", "content")) if draft_ids else {}
        revisions = []
        for current, data in items:
            record = records[current["id"]]
            content = drafts.get(current["latest_revision_id"]) if current["has_unpublished_changes"] else None
            draft = record.with_content_json(content) if content is not None else record
            before = {name: getattr(draft, name) for name in self.attnames}
            after = with_file_values(before, {key: value for key, value in data.items() if key in before})
            if after == before:
                continue  # the latest version already says what the file says
            for name in self.attnames:
                setattr(draft, name, after[name])
            draft.import_job_id = self.job.pk
            revisions.append(
                Revision(
                    content_type=self.content_type,
                    base_content_type=self.content_type,
                    object_id=str(record.pk),
                    created_at=self.now,
                    user_id=self.job.created_by_id,
                    object_str=str(draft),
                    content=draft.serializable_data(),
                )
            )
        if not revisions:
            return 0
        Revision.objects.bulk_create(revisions)
        table = connection.ops.quote_name(MartyrRecord._meta.db_table)
        updated_at = MartyrRecord._meta.get_field("updated_at").get_db_prep_save(self.now, connection)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET latest_revision_id = %s, has_unpublished_changes = %s, import_job_id = %s,"
                " updated_at = %s WHERE id = %s",
                [(revision.pk, True, self.job.pk, updated_at, int(revision.object_id)) for revision in revisions],
            )
        return len(revisions)
