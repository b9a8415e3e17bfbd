"""Conflicts caught before a talk is confirmed: a speaker already giving another talk at that
time, and an audience larger than the place holds."""

from __future__ import annotations

from django.utils.translation import gettext as _

from campaigns.talks.models import Talk, when_text


def speaker_clashes(speakers, start, end, *, exclude_pk=None) -> list[str]:
    """One message per speaker and overlapping talk (drafts included: a talk being prepared
    already holds its speaker; cancelled ones do not)."""
    speakers = list(speakers)
    if not speakers or start is None or end is None:
        return []
    chosen = {speaker.pk for speaker in speakers}
    others = (
        Talk.objects.going_ahead()
        .overlapping(start, end)
        .filter(speakers__in=chosen)
        .exclude(pk=exclude_pk)
        .distinct()
        .prefetch_related("speakers")
        .order_by("start", "pk")
    )
    messages = []
    for talk in others:
        for speaker in talk.speakers.all():
            if speaker.pk in chosen:
                messages.append(
                    _("%(speaker)s在%(when)s已有宣讲“%(title)s”")
                    % {
                        "speaker": speaker.name,
                        "when": when_text(talk.start, talk.end),
                        "title": talk.title,
                    }
                )
    return messages


def capacity_problem(expected, capacity) -> str:
    if expected and capacity and expected > capacity:
        return _("预计听众 %(expected)s 人，超过场地可容纳的 %(capacity)s 人") % {
            "expected": expected,
            "capacity": capacity,
        }
    return ""


def find_conflicts(*, speakers, start, end, capacity=None, expected=None, exclude_pk=None) -> list[str]:
    problems = speaker_clashes(speakers, start, end, exclude_pk=exclude_pk)
    if problem := capacity_problem(expected, capacity):
        problems.append(problem)
    return problems
