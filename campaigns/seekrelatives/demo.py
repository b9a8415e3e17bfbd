"""Demo content: the campaign page, martyrs of the demo archive whose families are sought,
clues at every stage of their cases (with invented senders: the numbers below are not real),
one success story and one announcement of results.

Idempotent: nothing is created twice (the campaign page by its type, the list by its records,
the clues when there are none yet). The senders' messages are written here directly: loading
the demo sends no SMS.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.seekrelatives import grouping, workflow
from campaigns.seekrelatives.models import (
    Clue,
    ClueMessage,
    ResultAnnouncementPage,
    SeekRelativesCampaignPage,
    SoughtMartyr,
    SuccessStoryPage,
)
from campaigns.seekrelatives.stages import STANDARD_MESSAGES, Stage
from memorials.interface import published_records
from siteshell.moderation import service as moderation
from siteshell.notifications import issue_tracking_code
from siteshell.privacy.consent import record_consent

SOUGHT_COUNT = 8

INTRO = (
    "<p>示例数据：许多烈士牺牲时年纪很轻，部队番号几经变化，家乡地名也已改变，"
    "不少烈士的亲属至今不知道亲人安葬在哪里。本局联合各地退役军人事务部门开展“为烈士寻亲”活动，"
    "通过档案核实和DNA比对，帮助烈士亲属找到亲人。</p>"
)
RULES = (
    "<ul><li>任何人都可以提供线索，不需要注册。</li>"
    "<li>提交后会得到查询码，凭查询码和手机号后四位查看进度。</li>"
    "<li>寻亲专班核实线索，必要时安排DNA比对；认亲成功后安排亲属赴陵园祭扫。</li>"
    "<li>您的个人信息加密保存，只有寻亲专班可以查看。</li></ul>"
)
MISSING = [
    "亲属下落不明；籍贯只知到县",
    "入伍前的村名不详",
    "家中是否还有亲属不详",
    "只知道乳名，学名待核实",
]

#: (list position, stage reached, relationship, name, mobile, ID number, address, what they know)
DEMO_CLUES = [
    (0, Stage.RECEIVED, "nephew", "赵明远", "13900139001", "", "", "我大伯年轻时参军去了朝鲜，家里只留下一张照片。"),
    (
        1,
        Stage.VERIFYING,
        "grandchild",
        "钱晓梅",
        "13900139002",
        "",
        "示例省示例县和平村3组",
        "奶奶说过她哥哥1951年参军，部队番号记不清了。",
    ),
    (
        2,
        Stage.DNA,
        "sibling",
        "孙玉兰",
        "13900139003",
        "110101195003070021",
        "",
        "我哥哥1950年在县里报名参军，之后再没有消息。",
    ),
    (
        3,
        Stage.CONFIRMED,
        "nephew",
        "李建华",
        "13900139004",
        "110101197205160016",
        "示例市向阳街7号",
        "家谱记载伯父随部队南下，在1949年牺牲。",
    ),
    (
        4,
        Stage.NOT_MATCHED,
        "informed",
        "周国平",
        "13900139005",
        "",
        "",
        "村里老人说过有一位烈士姓这个名字，可能是同乡。",
    ),
    (5, Stage.CLOSED, "relative", "吴秀英", "13900139006", "", "", "我外公的弟弟参军后牺牲，烈士证在文革中遗失。"),
]
UNLISTED = (
    "郑长生",
    "child",
    "王立新",
    "13900139007",
    "",
    "",
    "我父亲郑长生1952年在朝鲜牺牲，档案里可能写作“郑常生”。",
)


def _campaign(context):
    campaign = SeekRelativesCampaignPage.objects.first()
    if campaign is None:
        campaign = SeekRelativesCampaignPage(title="为烈士寻亲", slug="xunqin", intro=INTRO, rules=RULES)
        context.home_page.add_child(instance=campaign)
        campaign.save_revision().publish()
        context.log(_("为烈士寻亲：已建立活动页面"))
    return campaign


def _sought(context):
    records = list(published_records().filter(external_id__startswith="DEMO-GEN-").order_by("id")[:SOUGHT_COUNT])
    entries = []
    for number, record in enumerate(records):
        entry = SoughtMartyr.objects.filter(record=record).first()
        if entry is None:
            entry = SoughtMartyr(record=record, missing=MISSING[number % len(MISSING)], live=False)
            entry.save()
            entry.save_revision().publish()
            entry.refresh_from_db()
        entries.append(entry)
    return entries


def _send(clue, text, when):
    ClueMessage.objects.create(clue=clue, text=str(text), stage=clue.case.stage, created_at=when)
    if clue.first_answer_at is None:
        Clue.objects.filter(pk=clue.pk).update(first_answer_at=when)
        clue.first_answer_at = when


def _clue(record, martyr_name, relationship, name, mobile, id_number, address, knowledge, when):
    clue = Clue(
        record=record,
        martyr_name=martyr_name,
        relationship=relationship,
        submitter_name=name,
        mobile=mobile,
        id_number=id_number,
        address=address,
        knowledge=knowledge,
        submitted_at=when,
    )
    record_consent(clue)
    clue.save()
    grouping.group(clue)
    issue_tracking_code(clue, mobile[-4:])
    ClueMessage.objects.create(
        clue=clue, text=_("已收到您提供的线索，感谢您为烈士寻亲出力。工作人员会尽快核实。"), created_at=when
    )
    return clue


PATH = {
    Stage.RECEIVED: [],
    Stage.VERIFYING: [Stage.VERIFYING],
    Stage.DNA: [Stage.VERIFYING, Stage.DNA],
    Stage.CONFIRMED: [Stage.VERIFYING, Stage.DNA, Stage.CONFIRMED],
    Stage.NOT_MATCHED: [Stage.VERIFYING, Stage.DNA, Stage.NOT_MATCHED],
    Stage.CLOSED: [Stage.VERIFYING, Stage.CLOSED],
}


def _work(clue, stage, started):
    """Take the clue's case to ``stage`` as 寻亲专班 would, a few days per step."""
    if stage != Stage.RECEIVED:
        moderation.approve(clue, None)
    case = clue.case
    for step, target in enumerate(PATH[stage], start=1):
        when = started + datetime.timedelta(days=4 * step)
        if target == Stage.DNA:
            workflow.record_dna(
                case,
                None,
                sampled_on=when.date(),
                lab="示例司法鉴定中心",
                lab_reference=f"DNA-DEMO-{case.pk:03d}",
                result_on=None,
            )
        workflow.change_stage(case, target, None)
        _send(clue, STANDARD_MESSAGES[target], when)
    return case


def _story(campaign, case):
    if SuccessStoryPage.objects.filter(case=case).exists():
        return
    workflow.record_story_consent(case, None, consent_on=timezone.localdate(), reference="TY-DEMO-001", names=False)
    story = SuccessStoryPage(
        title=f"{case.display_name}烈士的亲人找到了",
        slug="story-demo",
        case=case,
        record=case.record,
        summary="示例数据：经过档案核实和DNA比对，烈士的侄子终于找到了伯父的安葬地。",
        body=(
            "<p>示例数据：烈士的侄子李先生看到寻亲名单后提供了家谱中的记载。寻亲专班查阅入伍档案、"
            "走访烈士家乡，并安排DNA比对，确认了亲属关系。</p>"
            "<p>清明前夕，烈士亲属来到示范市烈士陵园，第一次为亲人扫墓。</p>"
        ),
    )
    campaign.add_child(instance=story)
    story.save_revision().publish()


def _announcement(campaign):
    if ResultAnnouncementPage.objects.exists():
        return
    today = timezone.localdate()
    page = ResultAnnouncementPage(
        title=f"{today.year}年第一批为烈士寻亲结果公布",
        slug=f"results-{today.year}-1",
        period_start=today.replace(month=1, day=1),
        period_end=today,
        intro="<p>示例数据：以下烈士的亲属已经找到，感谢提供线索的每一位热心人。</p>",
    )
    campaign.add_child(instance=page)
    page.save_revision().publish()


def load_demo(context):
    campaign = _campaign(context)
    entries = _sought(context)
    if not entries:
        context.log(_("为烈士寻亲：英名录中没有示例烈士，未建立寻亲名单"))
        return
    if Clue.objects.exists():
        return
    started = timezone.now() - datetime.timedelta(days=60)
    confirmed = None
    for position, stage, relationship, name, mobile, id_number, address, knowledge in DEMO_CLUES:
        entry = entries[position % len(entries)]
        when = started + datetime.timedelta(days=position)
        clue = _clue(entry.record, "", relationship, name, mobile, id_number, address, knowledge, when)
        case = _work(clue, stage, when)
        if stage == Stage.CONFIRMED:
            confirmed = case
    martyr_name, relationship, name, mobile, id_number, address, knowledge = UNLISTED
    _clue(None, martyr_name, relationship, name, mobile, id_number, address, knowledge, started)
    if confirmed is not None:
        _story(campaign, confirmed)
        _announcement(campaign)
    context.log(_("为烈士寻亲：已建立寻亲名单、各阶段的示例线索和一个成功故事"))
