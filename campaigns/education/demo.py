"""Demo content: resources for each grade band (lesson plans with a downloadable file, readers,
stories linked to the honour roll's profiles and the martyr archive), and the 红星班 and 少年军校
pages with their schools. Activities follow the bureau reports (红星班征文、少年军校创建、
国防教育月); schools and lessons are invented, the martyrs' facts are public.

Idempotent: every page is looked up by its title before it is created.
"""

from __future__ import annotations

import datetime
import json

from django.utils.translation import gettext as _
from wagtail.models import Page

from campaigns.education.choices import GradeBand, Programme, ResourceKind, Topic
from campaigns.education.models import (
    EducationIndexPage,
    ProgrammeSchool,
    ResourceLink,
    ResourcePage,
    SchoolProgrammePage,
)
from media.demo import make_document

INDEX = {
    "title": "国防教育",
    "slug": "education",
    "intro": "<p>按学段和主题整理的国防教育教案、读本和英雄故事，可打印、可下载；红星班和少年军校的创建学校与特色活动。</p>",
}
SOURCE = "示范市退役军人事务局、示范市教育局（示例）"


def _body(*parts):
    blocks = []
    for part in parts:
        if part.startswith("#"):
            blocks.append({"type": "heading", "value": part.lstrip("# ")})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{part}</p>"})
    return json.dumps(blocks, ensure_ascii=False)


# (title, kind, grade band, topic, summary, minutes, featured, file name (ASCII) or "", body parts,
#  links: [(page title or "", path, text)])
RESOURCES = [
    (
        "认识国旗：一堂国旗下的课",
        ResourceKind.LESSON_PLAN,
        GradeBand.PRIMARY_LOWER,
        Topic.TRADITION,
        "通过升旗仪式和国旗的故事，让低年级学生认识国旗、尊重国旗。",
        40,
        True,
        "Lesson plan: The national flag",
        [
            "# 教学目标",
            "认识国旗的样子和含义，学会升旗时立正、行注目礼。",
            "# 教学过程",
            "一、看一看：观看升旗仪式。二、讲一讲：老兵讲国旗护卫队的故事。三、做一做：画一面国旗。",
        ],
        [],
    ),
    (
        "小英雄雨来",
        ResourceKind.STORY,
        GradeBand.PRIMARY_LOWER,
        Topic.HEROES,
        "抗日战争时期少年雨来机智勇敢保护交通员的故事，适合低年级共读。",
        20,
        False,
        "",
        [
            "# 故事导读",
            "雨来是晋察冀边区芦花村的孩子，他冒着生命危险掩护交通员。",
            "# 讨论",
            "雨来为什么不怕危险？我们身边有哪些勇敢的人？",
        ],
        [],
    ),
    (
        "追寻英烈足迹：烈士纪念日主题班会",
        ResourceKind.LESSON_PLAN,
        GradeBand.PRIMARY_UPPER,
        Topic.HEROES,
        "9月30日烈士纪念日前的主题班会：了解本地烈士，写一封给烈士的信。",
        45,
        True,
        "Lesson plan: Martyrs' Day class meeting",
        [
            "# 活动准备",
            "每组查找一位本地烈士的生平，可在本站英名录中查询。",
            "# 活动过程",
            "一、讲述：各组介绍烈士事迹。二、聆听：邀请老兵宣讲团成员讲述。三、书写：给烈士写一封信。",
        ],
        [("", "/search/?q=%E9%BB%84%E7%BB%A7%E5%85%89", "英名录：黄继光")],
    ),
    (
        "家书里的英雄",
        ResourceKind.READER,
        GradeBand.PRIMARY_UPPER,
        Topic.HEROES,
        "烈士家书选读：从一封封家书里认识英雄的家国情怀。",
        None,
        False,
        "Reader: Heroes in family letters",
        ["# 导读", "家书是烈士留给家人和后人的珍贵遗物，读懂家书，就读懂了他们为什么出发。"],
        [],
    ),
    (
        "最可爱的人：抗美援朝战争",
        ResourceKind.LESSON_PLAN,
        GradeBand.JUNIOR,
        Topic.HEROES,
        "结合历史课，学习抗美援朝战争和志愿军英雄黄继光、邱少云的事迹。",
        45,
        True,
        "Lesson plan: The Korean War",
        [
            "# 教学目标",
            "了解抗美援朝战争的历史背景和伟大意义，学习志愿军英雄的精神。",
            "# 教学过程",
            "一、史料研读。二、英雄故事分享：黄继光、邱少云。三、讨论：今天我们怎样传承抗美援朝精神。",
        ],
        [
            ("", "/search/?q=%E9%BB%84%E7%BB%A7%E5%85%89", "英名录：黄继光"),
            ("", "/search/?q=%E9%82%B1%E5%B0%91%E4%BA%91", "英名录：邱少云"),
        ],
    ),
    (
        "退役不褪色：身边的最美退役军人",
        ResourceKind.STORY,
        GradeBand.JUNIOR,
        Topic.VETERANS,
        "本市最美退役军人的故事：抢险救灾、扶贫带富、志愿服务。",
        30,
        False,
        "",
        ["# 阅读提示", "读一读他们的故事，想一想：退役军人为什么能在新的岗位上继续发光发热？"],
        [("马振华", "", ""), ("黄德明", "", "")],
    ),
    (
        "国防与国家安全",
        ResourceKind.LESSON_PLAN,
        GradeBand.SENIOR,
        Topic.DEFENCE,
        "国防教育月高中专题课：国防的含义、国家安全的内容和公民的国防义务。",
        45,
        True,
        "Lesson plan: National defence and security",
        [
            "# 教学目标",
            "理解国防和国家安全的关系，知道公民的国防义务。",
            "# 教学过程",
            "一、案例导入。二、知识讲解。三、讨论：青年学生能为国防做什么。",
        ],
        [],
    ),
    (
        "大学生参军入伍政策读本",
        ResourceKind.READER,
        GradeBand.SENIOR,
        Topic.SERVICE,
        "面向高三学生的兵役登记和参军入伍政策介绍。",
        None,
        False,
        "Reader: Enlisting as a student",
        [
            "# 兵役登记",
            "年满十八周岁的男性公民应当按照规定进行初次兵役登记。",
            "# 优待政策",
            "学费补偿、复学保留学籍、退役后升学优待等。",
        ],
        [],
    ),
]

PROGRAMMES = [
    (
        "双拥和国防教育特色红星班",
        Programme.RED_STAR,
        "以班级为单位开展双拥和国防主题活动的特色班级。",
        "<p>红星班由学校申报、退役军人事务局和教育局共同命名，每学期开展国防知识课、主题队会和征文活动。</p>",
        [
            ("西山区红星小学", "西山区", 2021, "每月一次老兵讲故事，每学期一次“红星班”征文。"),
            ("西山区育英小学", "西山区", 2022, "红星班主题队会，与驻地部队结对共建。"),
            ("东城区红星小学", "东城区", 2022, "老兵和同学们一起升国旗、讲国旗故事。"),
            ("南湖区实验小学", "南湖区", 2023, "国防知识竞赛，参观烈士陵园。"),
        ],
    ),
    (
        "少年军校",
        Programme.CADET_SCHOOL,
        "在中小学开展军事训练、国防知识和纪律养成教育。",
        "<p>少年军校以学校为依托，聘请退役军人担任校外辅导员，开展队列训练、军事常识和国防教育。</p>",
        [
            ("青河县少年军校（青河县第一小学）", "青河县", 2020, "每周一次队列训练，每年一次军营开放日。"),
            ("示范市第三小学少年军校", "南湖区", 2019, "国防知识课和纪律养成，被评为全国双拥共建单位。"),
            ("北塘县实验小学少年军校", "北塘县", 2023, "退役军人校外辅导员带领开展军事夏令营。"),
        ],
    ),
]


def load_demo(context):
    index = _ensure_index(context.home_page)
    created = [
        _create_resource(index, spec)
        for spec in RESOURCES
        if not ResourcePage.objects.child_of(index).filter(title=spec[0]).exists()
    ]
    programmes = [
        _create_programme(index, spec)
        for spec in PROGRAMMES
        if not SchoolProgrammePage.objects.child_of(index).filter(title=spec[0]).exists()
    ]
    context.log(
        "  "
        + _("国防教育：新建 %(resources)d 份资源、%(programmes)d 个红星班/少年军校页面")
        % {"resources": len(created), "programmes": len(programmes)}
    )


def _ensure_index(home):
    index = EducationIndexPage.objects.child_of(home).first()
    if index is None:
        index = EducationIndexPage(**INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _create_resource(index, spec):
    title, kind, band, topic, summary, minutes, featured, file_title, body, links = spec
    resource = ResourcePage(
        title=title,
        kind=kind,
        grade_band=band,
        topic=topic,
        summary=summary,
        lesson_minutes=minutes,
        featured=featured,
        source=SOURCE,
        source_date=datetime.date(2026, 9, 1),
        body=body and _body(*body),
        attachment=make_document(title, lines=(file_title, "Demo file")) if file_title else None,
    )
    for order, (page_title, path, text) in enumerate(links):
        page = Page.objects.live().filter(title=page_title).first() if page_title else None
        if page_title and page is None:
            continue  # the honour roll is switched off or has no such profile
        resource.links.add(ResourceLink(page=page, path=path, title=text, sort_order=order))
    index.add_child(instance=resource)
    resource.save_revision().publish()
    return resource


def _create_programme(index, spec):
    title, programme, intro, body, schools = spec
    page = SchoolProgrammePage(title=title, programme=programme, intro=intro, body=body)
    for order, (name, district, year, activities) in enumerate(schools):
        page.schools.add(
            ProgrammeSchool(name=name, district=district, since_year=year, activities=activities, sort_order=order)
        )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
