"""The work of 寻亲专班 on a case: stages, assignment and deadlines, DNA comparison, internal
notes, messages to the senders, the family's consent to a story. Each step is one function and
one log entry on the case (``seekrelatives.*``, in the case's history and the site-wide log);
the log names what changed, never a sender's personal data or a note's text."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from campaigns.seekrelatives import messaging
from campaigns.seekrelatives.models import CaseNote, Clue, ClueCase
from campaigns.seekrelatives.pagecache import martyr_changed
from campaigns.seekrelatives.stages import FINISHED, Stage, may_move
from siteshell.moderation.models import ModerationStatus


class CaseError(Exception):
    """A step that cannot be taken; the message says why, in Chinese."""


def _iso(value):
    return value.isoformat() if value else ""


@transaction.atomic
def change_stage(case: ClueCase, target: str, user, *, message: str = "", clues=(), request=None) -> ClueCase:
    """Move ``case`` to ``target``; tell the senders of ``clues`` with ``message`` when given."""
    if not may_move(case.stage, target):
        raise CaseError(
            _("案件不能从“%(from)s”转到“%(to)s”。")
            % {"from": case.get_stage_display(), "to": Stage(target).label if target in Stage.values else target}
        )
    if target == Stage.DNA and case.dna_sampled_on is None:
        raise CaseError(_("转入DNA比对前，请先在“DNA比对”中填写采样日期。"))
    if case.merged_into_id:
        raise CaseError(_("这个案件已并入其他案件，请在那个案件中办理。"))
    now = timezone.now()
    previous = case.stage
    case.stage = target
    if target == Stage.DNA and case.dna_started_at is None:
        case.dna_started_at = now
    if target == Stage.CONFIRMED and case.confirmed_at is None:
        case.confirmed_at = now
    if target in FINISHED:
        case.closed_at = now
        Clue.objects.filter(case=case, closed_at__isnull=True).update(closed_at=now)
    elif previous in FINISHED:
        case.closed_at = None
        Clue.objects.filter(
            case=case, moderation_status__in=[ModerationStatus.PENDING, ModerationStatus.APPROVED]
        ).update(closed_at=None)
    case.save()
    log(case, "seekrelatives.stage", user=user, data={"from": previous, "to": target})
    if message.strip():
        send_message(case, clues, message, user, request=request)
    martyr_changed(case.record)
    return case


@transaction.atomic
def send_message(case: ClueCase, clues, text: str, user, *, request=None) -> int:
    """A message to the senders of ``clues`` (clues of this case, accepted ones); how many."""
    chosen = [clue for clue in clues if clue.case_id == case.pk and clue.is_accepted]
    if not text.strip():
        raise CaseError(_("请填写要发给提交人的消息。"))
    if not chosen:
        raise CaseError(_("请选择要通知的线索提交人（只能通知已受理的线索）。"))
    for clue in chosen:
        messaging.send_message(clue, text.strip(), user, request=request)
    log(case, "seekrelatives.message", user=user, data={"clues": [clue.pk for clue in chosen]})
    return len(chosen)


@transaction.atomic
def assign(case: ClueCase, assignee, deadline, user) -> ClueCase:
    case.assignee = assignee
    if deadline != case.deadline:
        case.reminded_on = None
    case.deadline = deadline
    case.save(update_fields=["assignee", "deadline", "reminded_on", "updated_at"])
    log(
        case,
        "seekrelatives.assign",
        user=user,
        data={"assignee": assignee.get_username() if assignee else "", "deadline": _iso(deadline)},
    )
    return case


@transaction.atomic
def record_dna(case: ClueCase, user, *, sampled_on, lab, lab_reference, result_on) -> ClueCase:
    """The DNA comparison's dates and the laboratory's reference (no genetic data)."""
    if result_on and sampled_on and result_on < sampled_on:
        raise CaseError(_("比对结果日期不能早于采样日期。"))
    if result_on and not sampled_on:
        raise CaseError(_("请先填写采样日期。"))
    case.dna_sampled_on, case.dna_lab, case.dna_lab_reference, case.dna_result_on = (
        sampled_on,
        lab,
        lab_reference,
        result_on,
    )
    case.save(update_fields=["dna_sampled_on", "dna_lab", "dna_lab_reference", "dna_result_on", "updated_at"])
    log(
        case,
        "seekrelatives.dna",
        user=user,
        data={"sampled_on": _iso(sampled_on), "lab": lab, "reference": lab_reference, "result_on": _iso(result_on)},
    )
    return case


@transaction.atomic
def add_note(case: ClueCase, text: str, user) -> CaseNote:
    note = CaseNote.objects.create(case=case, author=user, text=text)
    log(case, "seekrelatives.note", user=user, data={"note": note.pk})
    return note


@transaction.atomic
def record_story_consent(case: ClueCase, user, *, consent_on, reference, names) -> ClueCase:
    """The family's written consent to a success story (kept on paper; its date and number here)."""
    if case.confirmed_at is None:
        raise CaseError(_("只有认亲成功的案件才能记录成功故事的家属同意。"))
    case.story_consent_on, case.story_consent_reference, case.story_names_consent = consent_on, reference, names
    case.save(update_fields=["story_consent_on", "story_consent_reference", "story_names_consent", "updated_at"])
    log(
        case,
        "seekrelatives.story_consent",
        user=user,
        data={"consent_on": _iso(consent_on), "reference": reference, "names": bool(names)},
    )
    return case
