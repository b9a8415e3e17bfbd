"""The admin's search of martyr records: staff type fragments — part of a given name (铁柱 for
王铁柱), the first characters of a name or of a 编号 (``A20260``), a certificate number.

At two million records every condition is answered by an index:

- **parts of a name** (and pinyin: ``tiezhu``) come from the site's Chinese search service
  (``search.service``), which indexes every piece of a name; it holds the published records.
  Its best :data:`SERVICE_HITS` matches are kept when their name holds the fragment;
- **the start of a name or a 编号** is a prefix on an indexed column: on SQLite a range
  ``name >= '王铁' AND name < '王铃'`` on the ``memorials_name`` index (and on the unique index of
  ``external_id``), exactly the rows the prefix starts (SQLite compares text by code point); on
  PostgreSQL ``LIKE '王铁%'``, which uses the ``varchar_pattern_ops`` index Django creates beside
  the unique index of ``external_id``, and the ``memorials_name`` index when the database's
  collation is ``C`` (otherwise add ``CREATE INDEX CONCURRENTLY memorials_name_pattern ON
  memorials_martyrrecord (name varchar_pattern_ops)``). A 编号 is normalised as the importer
  stores it (``a２０２６０`` → ``A20260``) and needs at least :data:`MIN_CODE_PREFIX` characters,
  a name prefix :data:`MIN_NAME_PREFIX`: one letter of a code would match half the archive;
- **drafts** are not in the public search index: parts of their names are looked up among the
  drafts themselves (through the ``(live, id)`` index) while there are at most
  :data:`DRAFT_SCAN_LIMIT` of them; beyond that, a draft is found by the start of its name or
  its 编号;
- a **certificate number** (烈士证明书编号) exactly, on its own index.
"""

from __future__ import annotations

import logging
import unicodedata

from django.db import connection
from django.db.models import Q

from memorials.codes import normalise_code
from memorials.models import MartyrRecord

logger = logging.getLogger(__name__)

MAX_QUERY = 100
MIN_CODE_PREFIX = 4
MIN_NAME_PREFIX = 2
#: Records the search service contributes at most (the listing pages them by id).
SERVICE_HITS = 200
#: Drafts scanned for parts of a name at most; with more, drafts are found by prefixes only.
DRAFT_SCAN_LIMIT = 200_000


def clean_query(query) -> str:
    """One line, NFKC, no control or unpaired surrogate characters (no database takes a NUL)."""
    text = unicodedata.normalize("NFKC", str(query or ""))
    text = "".join(character for character in text if unicodedata.category(character) not in ("Cc", "Cs"))
    return " ".join(text.split())[:MAX_QUERY]


def has_chinese(text: str) -> bool:
    return any("\u3400" <= character <= "\u9fff" for character in text)


def prefix_condition(field: str, prefix: str) -> Q:
    """Rows whose ``field`` starts with ``prefix``, as a condition an index answers (see the
    module docstring)."""
    if connection.vendor == "sqlite" and ord(prefix[-1]) < 0x10FFFF:
        # Text compares by code point (BINARY): [prefix, prefix with its last character + 1).
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return Q(**{f"{field}__gte": prefix, f"{field}__lt": upper})
    return Q(**{f"{field}__startswith": prefix})


def service_ids(query: str, request=None) -> list[int]:
    """Published records the search service finds for ``query`` (parts of names, pinyin)."""
    from search import documents, service

    try:
        results = service.search(query, type=documents.type_key(MartyrRecord), per_page=SERVICE_HITS, request=request)
    except Exception:  # noqa: BLE001  the listing still answers with the index lookups
        logger.exception("The search service failed for an admin search")
        return []
    return [int(hit.id) for hit in results.hits if str(hit.id).isdigit()]


def few_drafts() -> bool:
    """Whether the drafts are few enough to scan for a part of a name (an index-only count,
    stopped just past the limit)."""
    return MartyrRecord.objects.filter(live__in=[False]).values("id")[: DRAFT_SCAN_LIMIT + 1].count() <= (
        DRAFT_SCAN_LIMIT
    )


def search_condition(query: str, request=None) -> Q | None:
    """The condition of the records ``query`` finds; ``None`` for an empty query."""
    query = clean_query(query)
    if not query:
        return None
    code = normalise_code(query)
    condition = Q(external_id=code) | Q(name=query)
    if any(character.isdigit() for character in query):
        # 烈士证明书编号 (names have no digits), on its own index.
        condition |= Q(certificate_number=query)
    if code != query:
        condition |= Q(external_id=query)
    if len(code) >= MIN_CODE_PREFIX:
        condition |= prefix_condition("external_id", code)
    compact = query.replace(" ", "")
    if has_chinese(compact) and len(compact) >= MIN_NAME_PREFIX:
        condition |= prefix_condition("name", compact)
    if not any(character.isdigit() for character in query):
        # A name, a part of one, or its pinyin.
        ids = service_ids(query, request)
        if ids and has_chinese(compact):
            # The service's candidates whose name holds the fragment (it also matches places,
            # battles and biographies, and any word of the query).
            condition |= Q(pk__in=ids, name__contains=compact)
        elif ids:
            condition |= Q(pk__in=ids)
        if has_chinese(compact) and few_drafts():
            condition |= Q(live__in=[False], name__contains=compact)
    return condition


def search_records(queryset, query, request=None):
    """``queryset`` narrowed to the records ``query`` finds (all of it for an empty query)."""
    condition = search_condition(query, request)
    return queryset if condition is None else queryset.filter(condition)
