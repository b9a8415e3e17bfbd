"""What a clue's sender is told: the messages on their status page (:class:`ClueMessage`) and
the SMS that says there is something new (``siteshell.notifications``), in the sender's own
language. The SMS never carries the message itself, only that there is one."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campaigns.seekrelatives.models import ClueMessage, SeekRelativesCampaignPage
from siteshell.notifications import notify


def status_page_url(request=None) -> str:
    """The absolute address of the clue status page (the shell's ``/track/`` without a campaign
    page: it shows the stage and the messages too)."""
    campaign = SeekRelativesCampaignPage.for_request(request)
    if campaign is None:
        return ""
    return campaign.get_full_url(request) + campaign.reverse_subpage("track")


def _notify(clue, name, context, request=None):
    with translation.override(clue.language):
        url = status_page_url(request)
        notify(
            to_phone=clue.mobile,
            template=f"seekrelatives/{name}",
            context={**{key: str(value) for key, value in context.items()}, **({"tracking_url": url} if url else {})},
            purpose=f"seekrelatives.{name}",
            related=clue,
        )


def confirm_receipt(clue, code, request=None) -> None:
    """The first message (on the status page and by SMS, with the tracking code)."""
    with translation.override(clue.language):
        ClueMessage.objects.create(
            clue=clue,
            text=_("已收到您提供的线索，感谢您为烈士寻亲出力。工作人员会尽快核实。"),
            stage=clue.case.stage if clue.case_id else "",
        )
    _notify(clue, "received", {"code": code}, request)


def send_message(clue, text, user, *, request=None) -> ClueMessage:
    """A message from staff to one sender: shown on their status page, announced by SMS."""
    message = ClueMessage.objects.create(
        clue=clue, text=text, stage=clue.case.stage if clue.case_id else "", sent_by=user
    )
    if clue.first_answer_at is None:
        type(clue).objects.filter(pk=clue.pk, first_answer_at__isnull=True).update(first_answer_at=message.created_at)
        clue.first_answer_at = message.created_at
    stage = clue.public_stage_label()
    _notify(clue, "update", {"stage": stage}, request)
    return message


def remind_officer(user, cases) -> None:
    """Remind a case officer of their cases near or past their deadline, by e-mail."""
    if not user.email:
        return
    lines = [
        f"{case.reference} {case.display_name}：{case.deadline:%Y-%m-%d}" + (_("（已逾期）") if case.is_overdue else "")
        for case in cases
    ]
    notify(
        to_email=user.email,
        template="seekrelatives/reminder",
        context={
            "name": user.get_full_name() or user.get_username(),  # 姓名 as written (siteshell.staff)
            "cases": "\n".join(lines),
            "count": len(lines),
            "today": f"{timezone.localdate():%Y-%m-%d}",
        },
        purpose="seekrelatives.reminder",
    )
