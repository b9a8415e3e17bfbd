"""Publishing and unpublishing records in bulk: an approved import, a selection in the record
list, every record of an import job. Archives hold millions of records, so the work goes in
batches of :data:`BATCH_SIZE` with raw ``executemany`` updates and the search documents written
with ``search.bulk.index_documents`` — not Wagtail's ``publish()`` per record (several queries,
signals and a search update each).

What Wagtail's own publishing does for one record is done here for a batch: the latest draft
revision (or, for a draft the import wrote in place, its columns) becomes the live version,
the record leaves the review workflow it was in, the public search index and the page cache
follow, and each record's history gets its ``wagtail.publish`` / ``wagtail.unpublish`` entry
(one ``INSERT`` per batch; entries of one staff action share a uuid). Records locked by
someone else are left alone, as Wagtail does.
"""

from __future__ import annotations

import dataclasses
import uuid as uuid_module

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision, WorkflowState
from wagtail.search import index

from memorials.importing.staging import content_attnames
from memorials.importing.writing import search_plan
from memorials.models import MartyrArchivePage, MartyrRecord, MartyrRecordPhoto
from search.bulk import index_documents

#: Records written per transaction.
BATCH_SIZE = 2000


def record_content_type():
    return ContentType.objects.get_for_model(MartyrRecord)


def not_locked_by_others(user):
    """Records that ``user`` may publish: not locked, or locked by ``user``."""
    condition = Q(locked=False)
    if user is not None and user.pk:
        condition |= Q(locked_by=user)
    return condition


def to_publish(user):
    """The condition of a record that publishing would change: a draft, or live with changes."""
    return (Q(live=False) | Q(has_unpublished_changes=True)) & not_locked_by_others(user)


class RecordPublisher:
    """Publishes one batch of records (rows as ``.values()`` gives them): each record's latest
    draft revision (or, for a draft written in place, its columns) becomes its live version,
    it leaves the review workflow it was in, and its search document is written."""

    def __init__(self, user=None):
        self.user = user
        self.now = timezone.now()
        self.attnames = content_attnames()
        attfields = {field.attname: field for field in MartyrRecord._meta.concrete_fields}
        self.content_fields = [attfields[name] for name in self.attnames]
        self.fields = [*self.content_fields]
        self.fields += [
            MartyrRecord._meta.get_field(name)
            for name in ("live", "has_unpublished_changes", "first_published_at", "last_published_at", "live_revision")
        ]

    def publish(self, rows) -> int:
        revision_ids = [row["latest_revision_id"] for row in rows if row["latest_revision_id"]]
        contents = dict(Revision.objects.filter(pk__in=revision_ids).values_list("pk", "content"))
        values_list = []
        for row in rows:
            values = dict(row)
            content = contents.get(row["latest_revision_id"])
            if content is not None:
                values.update(self._revision_values(content))
                values["live_revision_id"] = row["latest_revision_id"]
            values.update(live=True, has_unpublished_changes=False, last_published_at=self.now)
            values["first_published_at"] = row["first_published_at"] or self.now
            values_list.append(values)
        self._write(values_list)
        self._cancel_workflows([row["id"] for row in rows])
        plan = search_plan()
        documents = [(values["id"], plan.analyse(values) if plan is not None else ()) for values in values_list]
        ids = [values["id"] for values in values_list]
        index_documents(MartyrRecord, plan, documents, objects=lambda: list(MartyrRecord.objects.filter(pk__in=ids)))
        return len(values_list)

    def _revision_values(self, content):
        """The content columns a revision holds, as Python values. Read from its JSON field by
        field (building the object with ``with_content_json`` would also look up the record's
        foreign keys, and costs a millisecond a record)."""
        values = {}
        for field in self.content_fields:
            if field.name in content:
                values[field.attname] = field.to_python(content[field.name])
        return values

    def _write(self, values_list):
        table = connection.ops.quote_name(MartyrRecord._meta.db_table)
        assignments = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in self.fields)
        rows = [
            [field.get_db_prep_save(values[field.attname], connection) for field in self.fields] + [values["id"]]
            for values in values_list
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", rows)

    def _cancel_workflows(self, ids):
        """A record published here leaves the review workflow it was in, as Wagtail's own
        publishing does (rare for imported records: one query per batch)."""
        states = WorkflowState.objects.filter(
            base_content_type=record_content_type(),
            object_id__in=[str(pk) for pk in ids],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        )
        for state in states:
            state.cancel(user=self.user)


def unpublish_rows(ids) -> list[int]:
    """Take the live records among ``ids`` off the site, as Wagtail's ``unpublish()`` does
    (draft again, no live revision, no scheduled publishing, out of the search index); the ids
    it unpublished."""
    live = list(MartyrRecord.objects.filter(pk__in=ids, live__in=[True]).values_list("id", flat=True))
    if not live:
        return []
    MartyrRecord.objects.filter(pk__in=live).update(live=False, has_unpublished_changes=True, live_revision=None)
    Revision.objects.filter(base_content_type=record_content_type(), object_id__in=[str(pk) for pk in live]).exclude(
        approved_go_live_at=None
    ).update(approved_go_live_at=None)
    for pk in live:
        index.remove_object(MartyrRecord(pk=pk))
    return live


def log_each(rows, action, user, *, action_uuid=None, data=None):
    """One history entry ``action`` per record of ``rows`` (``(id, name, revision id)``), written
    in one statement; the entries of one staff action carry ``action_uuid`` as ``data["bulk"]``.

    Not as the entries' ``uuid``: Wagtail's history view shows, of the entries sharing a uuid
    and an action, only the latest of any object — every other record's entry would vanish
    from its history."""
    content_type = record_content_type()
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(pk),
                label=name or f"MartyrRecord object ({pk})",
                action=action,
                timestamp=now,
                data={**(data or {}), "bulk": str(action_uuid) if action_uuid else True},
                user=user if getattr(user, "pk", None) else None,
                revision_id=revision_id,
                content_changed=action == "wagtail.publish",
            )
            for pk, name, revision_id in rows
        ],
        batch_size=BATCH_SIZE,
    )


def refresh_pages(ids) -> None:
    """The cached public pages that show these records: their own pages and the archive's lists
    and search results."""
    from siteshell import pagecache

    pagecache.invalidate(*(pagecache.object_tag(MartyrRecord(pk=pk)) for pk in ids), pagecache.SEARCH_TAG)
    paths = []
    for archive in MartyrArchivePage.objects.live():
        paths.append(archive.url)
        paths.extend(archive.url + archive.reverse_subpage("record", args=[pk]) for pk in ids)
    pagecache.invalidate_paths(paths)


@dataclasses.dataclass
class Outcome:
    """What publishing a selection did: how many records were published, and the records
    refused because an image they show has no alt text (``(name, [image titles])``)."""

    published: int = 0
    blocked: list = dataclasses.field(default_factory=list)


def _images_of(rows, contents):
    """Record id → the ids of the images it would show once published: its portrait and its
    gallery, from its latest revision (or, without one, from its columns and gallery rows)."""
    gallery_rows = {}
    for record_id, image_id in MartyrRecordPhoto.objects.filter(record_id__in=[row["id"] for row in rows]).values_list(
        "record_id", "image_id"
    ):
        gallery_rows.setdefault(record_id, []).append(image_id)
    images = {}
    for row in rows:
        content = contents.get(row["latest_revision_id"])
        if content is None:
            found = [row["photo_id"], *gallery_rows.get(row["id"], ())]
        else:
            found = [content.get("photo"), *(photo.get("image") for photo in content.get("photos") or ())]
        images[row["id"]] = {image_id for image_id in found if image_id}
    return images


def _without_alt_text(image_ids):
    """Image id → title of the images among ``image_ids`` that may not be published yet."""
    from wagtail.images import get_image_model

    if not image_ids:
        return {}
    return {
        image.pk: image.title for image in get_image_model().objects.filter(pk__in=image_ids) if image.needs_alt_text
    }


def publish_batch(rows, user, *, action_uuid=None) -> Outcome:
    """Publish one batch of rows (``.values()`` of records that have something to publish). A
    record that would show an image without alt text is not published (as in the editor); a
    record whose draft changes its gallery is published by Wagtail itself (its photos are rows of
    their own), the rest together. With ``action_uuid``, each record published together gets its
    ``wagtail.publish`` history entry (Wagtail logs the others itself)."""
    outcome = Outcome()
    revision_ids = [row["latest_revision_id"] for row in rows if row["latest_revision_id"]]
    contents = dict(Revision.objects.filter(pk__in=revision_ids).values_list("pk", "content"))
    images = _images_of(rows, contents)
    missing = _without_alt_text(set().union(*images.values()))
    plain, with_gallery = [], []
    for row in rows:
        titles = sorted(missing[image_id] for image_id in images[row["id"]] if image_id in missing)
        content = contents.get(row["latest_revision_id"])
        if titles:
            outcome.blocked.append((row["name"], titles))
        elif content is not None and content.get("photos"):
            with_gallery.append(row)
        else:
            plain.append(row)
    with transaction.atomic():
        if plain:
            outcome.published += RecordPublisher(user).publish(plain)
            if action_uuid is not None:
                log_each(
                    [(row["id"], row["name"], row["latest_revision_id"]) for row in plain],
                    "wagtail.publish",
                    user,
                    action_uuid=action_uuid,
                )
        for row in with_gallery:
            Revision.objects.get(pk=row["latest_revision_id"]).publish(user=user)
            outcome.published += 1
    return outcome


def publish_selected(ids, user, batch_size=BATCH_SIZE) -> Outcome:
    """Publish the records among ``ids`` that have something to publish (see :func:`to_publish`
    and :func:`publish_batch`), each logged in its history."""
    ids = sorted(set(ids))
    action_uuid = uuid_module.uuid4()
    outcome = Outcome()
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        rows = list(MartyrRecord.objects.filter(to_publish(user), pk__in=chunk).order_by("id").values())
        if not rows:
            continue
        with transaction.atomic():
            done = publish_batch(rows, user, action_uuid=action_uuid)
            refresh_pages([row["id"] for row in rows])
        outcome.published += done.published
        outcome.blocked += done.blocked
    return outcome


def unpublish_selected(ids, user, batch_size=BATCH_SIZE) -> int:
    """Unpublish the live records among ``ids`` not locked by someone else, each logged in its
    history; the number unpublished."""
    ids = sorted(set(ids))
    action_uuid = uuid_module.uuid4()
    unpublished = 0
    for start in range(0, len(ids), batch_size):
        chunk = list(
            MartyrRecord.objects.filter(not_locked_by_others(user), pk__in=ids[start : start + batch_size]).values_list(
                "id", flat=True
            )
        )
        with transaction.atomic():
            done = unpublish_rows(chunk)
            if not done:
                continue
            names = dict(MartyrRecord.objects.filter(pk__in=done).values_list("id", "name"))
            log_each(
                [(pk, names.get(pk, ""), None) for pk in done],
                "wagtail.unpublish",
                user,
                action_uuid=action_uuid,
            )
            refresh_pages(done)
        unpublished += len(done)
    return unpublished
