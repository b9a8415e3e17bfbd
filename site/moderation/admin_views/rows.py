"""The rows of a kind's list, rendered in Python: 50 rows through the template engine cost
more than the rest of the page (each lookup, filter and translation per row), here one
``format_html`` each, with the translated words looked up once per page."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from siteshell.moderation.models import ModerationStatus

EXCERPT = 120


def excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def render_rows(items, bulk: bool):
    statuses = {value: str(label) for value, label in ModerationStatus.choices}
    select = _("选择：%(title)s")
    alone = format_html('<span class="w-status">{}</span>', _("需逐条审核"))
    hidden = format_html('<span class="w-status">{}</span>', _("已隐藏"))
    reported = _("%(count)d 人举报")
    rows = []
    for item in items:
        title = item.moderation_title()
        checkbox = (
            format_html(
                '<td><input type="checkbox" name="items" value="{}" id="item-{}" aria-label="{}"></td>',
                item.pk,
                item.pk,
                select % {"title": title},
            )
            if bulk
            else ""
        )
        notes = format_html_join(
            "",
            '<span class="w-status w-status--primary">{}</span>',
            ((m.get("word", ""),) for m in item.screening_matches or []),
        )
        if item.screening_flagged and not item.bulk_approvable:
            notes += alone
        if item.report_count:
            notes += format_html(
                '<span class="w-status w-status--label">{}</span>', reported % {"count": item.report_count}
            )
        if item.hidden_by_reports:
            notes += hidden
        rows.append(
            format_html(
                '<tr>{}<td><a href="{}"><strong>{}</strong></a><br><span class="moderation-excerpt">{}</span></td>'
                "<td>{}</td><td>{}</td><td>{}</td></tr>",
                checkbox,
                item.review_url,
                title,
                excerpt(item.moderation_text()),
                notes,
                localtime(item.submitted_at).strftime("%Y-%m-%d %H:%M"),
                statuses.get(item.moderation_status, item.moderation_status),
            )
        )
    return mark_safe("\n".join(rows))
