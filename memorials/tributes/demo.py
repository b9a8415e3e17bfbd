"""Demo content: halls with offerings and approved messages for the demo martyrs, and a
collective ceremony that is running today. Idempotent: a hall with counters gets no more
offerings, a message is looked up by its text, the ceremony by its slug."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone
from django.utils.translation import gettext as _

from memorials.interface import published_records
from memorials.tributes.folding import count
from memorials.tributes.kinds import ONE_TAP, OfferingKind
from memorials.tributes.models import CeremonyHall, CeremonyPage, MessageKind, Scope, TributeCount, TributeMessage
from memorials.tributes.queue import Entry
from siteshell.moderation.models import ModerationStatus
from siteshell.publicforms.visitor import digest

#: The publicly known demo martyrs of ``memorials.demo``, by their 编号.
DEMO_MARTYRS = ["DEMO-HJG", "DEMO-QSY", "DEMO-YGS", "DEMO-DCR", "DEMO-LHL", "DEMO-YJY", "DEMO-ZYM"]
DAYS = 10

MESSAGES = [
    ("英雄永垂不朽！我们会好好学习，把您守护的祖国建设得更好。", "示范市实验中学初二（3）班"),
    ("清明时节，带着孩子在网上为您献一束花。和平来之不易，我们不会忘记。", "一位母亲"),
    ("从课本里认识了您，今天在纪念馆里再读一遍您的事迹，泪流满面。", ""),
    ("向英雄致敬！山河无恙，家国安宁，请您放心。", "退役老兵 王"),
    ("您的名字刻在纪念碑上，也刻在我们心里。", "烈士家乡的后辈"),
]
WREATHS = ["示范市退役军人事务局", "示范市实验中学"]


def load_demo(context):
    records = list(published_records().filter(external_id__in=DEMO_MARTYRS).select_related("facility"))
    if not records:
        context.log(_("  网上祭英烈：没有示范烈士档案，跳过"))
        return
    today = timezone.localdate()
    counted = 0
    for position, record in enumerate(records):
        if not TributeCount.objects.filter(scope=Scope.HALL, scope_id=record.pk).exists():
            counted += count(_offerings(record, today, seed=position)).number
        _messages(record, position)
    ceremony = _ceremony(context.home_page, today, records)
    context.log(
        _("  网上祭英烈：%(halls)d 个纪念馆，新增 %(offerings)d 次祭奠，集体祭奠活动「%(ceremony)s」")
        % {"halls": len(records), "offerings": counted, "ceremony": ceremony.title}
    )


def _offerings(record, today, seed):
    """Visitors of the last days, a few kinds each (deterministic: the same every load)."""
    chooser = random.Random(f"tributes-demo-{record.external_id}-{seed}")
    entries = []
    for back in range(DAYS):
        day = today - datetime.timedelta(days=back)
        for visitor in range(chooser.randint(8, 40)):
            token = digest(f"tributes:demo:{record.pk}:{day}:{visitor}")
            kinds = chooser.sample(list(ONE_TAP), chooser.randint(1, len(ONE_TAP)))
            if chooser.random() < 0.03:
                kinds.append(OfferingKind.WREATH)
            for kind in kinds:
                entries.append(
                    Entry(
                        record_id=record.pk,
                        facility_id=record.facility_id,
                        kind=kind.value,
                        day=day,
                        visitor=token,
                        address="",
                        offered_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(9 + visitor % 10))),
                    )
                )
    return entries


def _messages(record, position):
    now = timezone.now()
    for number, (text, signature) in enumerate(MESSAGES[position % 2 :: 1][:4]):
        if TributeMessage.objects.filter(record_id=record.pk, text=text).exists():
            continue
        TributeMessage.objects.create(
            record_id=record.pk,
            text=text,
            signature=signature,
            moderation_status=ModerationStatus.APPROVED,
            submitted_at=now - datetime.timedelta(hours=number * 7 + position),
            decided_at=now,
        )
    organisation = WREATHS[position % len(WREATHS)]
    if not TributeMessage.objects.filter(record_id=record.pk, organisation=organisation).exists():
        TributeMessage.objects.create(
            record_id=record.pk,
            kind=MessageKind.WREATH,
            organisation=organisation,
            text="英烈千古",
            moderation_status=ModerationStatus.APPROVED,
            submitted_at=now - datetime.timedelta(days=1),
            decided_at=now,
        )


def _ceremony(home_page, today, records):
    """清明 in spring, 9·30 in autumn, else a year-round one: running from a week ago for a month."""
    if today.month <= 5:
        title, slug = f"{today.year}·崇尚·清明祭英烈", f"qingming-{today.year}"
    elif today.month <= 10:
        title, slug = f"{today.year}·9·30烈士纪念日", f"lieshi-jinianri-{today.year}"
    else:
        title, slug = f"{today.year}·缅怀先烈·网上祭英烈", f"ji-yinglie-{today.year}"
    page = CeremonyPage.objects.filter(slug=slug).first()
    if page is not None:
        return page
    page = CeremonyPage(
        title=title,
        slug=slug,
        start_date=today - datetime.timedelta(days=7),
        end_date=today + datetime.timedelta(days=30),
        intro=(
            "<p>示例数据：社会各界通过网上纪念馆为烈士献花、点烛、鞠躬、敬礼，写下寄语；"
            "各单位可在纪念馆中敬献花篮。活动期间，全市各烈士陵园同步开展代祭扫服务。</p>"
        ),
    )
    home_page.add_child(instance=page)
    for record in records[:4]:
        CeremonyHall.objects.create(page=page, record_id=record.pk)
    page.save_revision().publish()
    return page
