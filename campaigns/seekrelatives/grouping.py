"""Clues about the same martyr are worked as one case.

A clue about a listed martyr joins the open case about that martyr's record (a new case when
there is none, or when the last one failed or was closed: new information, a new attempt). A
clue about a martyr not listed joins the open case with the same name and no record yet. Staff
may move a clue to another case, merge two cases, and link a case to a record once the martyr
is identified (which merges it into that record's case, if there is one). Every move is logged.
"""

from __future__ import annotations

import unicodedata

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from campaigns.seekrelatives.models import Clue, ClueCase
from campaigns.seekrelatives.stages import TAKES_CLUES


class GroupingError(Exception):
    """A move that cannot be made; the message says why, in Chinese."""


def normalised_name(name: str) -> str:
    """A name as typed (full-width, spaces between characters) in one form."""
    return "".join(unicodedata.normalize("NFKC", name or "").split())


def case_for(clue: Clue) -> ClueCase:
    """The case ``clue`` belongs to: an existing open one about its martyr, or a new one."""
    cases = ClueCase.objects.active().filter(stage__in=TAKES_CLUES).order_by("-opened_at", "-id")
    if clue.record_id:
        case = cases.filter(record_id=clue.record_id).first()
        return case or ClueCase.objects.create(record_id=clue.record_id, martyr_name=clue.record.name)
    name = normalised_name(clue.martyr_name)
    case = cases.filter(record__isnull=True, martyr_name=name).first()
    return case or ClueCase.objects.create(martyr_name=name)


@transaction.atomic
def group(clue: Clue) -> ClueCase:
    """Put a new clue in its case (logged on the case, by nobody: it happens on receipt)."""
    case = case_for(clue)
    clue.case = case
    Clue.objects.filter(pk=clue.pk).update(case=case)
    log(case, "seekrelatives.clue_received", data={"clue": clue.pk})
    return case


@transaction.atomic
def move_clue(clue: Clue, target: ClueCase | None, user) -> ClueCase:
    """Move ``clue`` to ``target``, or to a case of its own (``None``)."""
    source = clue.case
    if target is None:
        target = ClueCase.objects.create(
            record_id=clue.record_id or (source.record_id if source else None),
            martyr_name=source.martyr_name if source else normalised_name(clue.martyr_name),
        )
    if target.merged_into_id:
        raise GroupingError(
            _("案件 %(case)s 已并入 %(target)s，请移到该案件。")
            % {"case": target.reference, "target": target.merged_into.reference}
        )
    if source is not None and source.pk == target.pk:
        raise GroupingError(_("线索已在这个案件中。"))
    clue.case = target
    Clue.objects.filter(pk=clue.pk).update(case=target)
    data = {"clue": clue.pk, "from": source.reference if source else "", "to": target.reference}
    for case in filter(None, (source, target)):
        log(case, "seekrelatives.clue_moved", user=user, data=data)
    return target


@transaction.atomic
def merge(case: ClueCase, target: ClueCase, user) -> ClueCase:
    """Move every clue of ``case`` into ``target``; ``case`` stays, marked as merged."""
    if case.pk == target.pk:
        raise GroupingError(_("不能把案件并入它自己。"))
    if target.merged_into_id:
        raise GroupingError(
            _("案件 %(case)s 已并入 %(target)s。") % {"case": target.reference, "target": target.merged_into.reference}
        )
    moved = list(case.clues.values_list("pk", flat=True))
    Clue.objects.filter(pk__in=moved).update(case=target)
    case.merged_into = target
    case.save(update_fields=["merged_into", "updated_at"])
    ClueCase.objects.filter(merged_into=case).update(merged_into=target)
    data = {"from": case.reference, "to": target.reference, "clues": moved}
    log(case, "seekrelatives.case_merged", user=user, data=data)
    log(target, "seekrelatives.case_merged", user=user, data=data)
    return target


@transaction.atomic
def link_record(case: ClueCase, record, user) -> ClueCase:
    """The martyr of ``case`` is ``record``: link it, and merge into that record's open case when
    there is one. Returns the case the clues are in now."""
    case.record = record
    case.martyr_name = record.name
    case.save(update_fields=["record", "martyr_name", "updated_at"])
    log(case, "seekrelatives.record_linked", user=user, data={"record": record.pk})
    other = (
        ClueCase.objects.active()
        .filter(record=record, stage__in=TAKES_CLUES)
        .exclude(pk=case.pk)
        .order_by("opened_at", "id")
        .first()
    )
    if other is not None:
        return merge(case, other, user)
    return case
