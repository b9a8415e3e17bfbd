"""Demo content: publicly known martyrs (facts only) and a generated list for volume.

Idempotent: everything is looked up by its 编号 or name before it is created. The content is
Chinese, as editors write it; only the loader's report is translated.
"""

from __future__ import annotations

import datetime
import random

from django.utils.translation import gettext as _

from memorials.models import MartyrArchivePage, MartyrCorrection, MartyrRecord, MemorialFacility
from memorials.text import text_to_richtext

D = datetime.date
GENERATED_COUNT = 300

FACILITIES = [
    {
        "name": "沈阳抗美援朝烈士陵园",
        "kind": "cemetery",
        "level": "national",
        "province": "辽宁省",
        "address": "辽宁省沈阳市皇姑区",
    },
    {
        "name": "隆化董存瑞烈士陵园",
        "kind": "cemetery",
        "level": "national",
        "province": "河北省",
        "address": "河北省承德市隆化县",
    },
    {
        "name": "通化杨靖宇烈士陵园",
        "kind": "cemetery",
        "level": "national",
        "province": "吉林省",
        "address": "吉林省通化市",
    },
    {"name": "刘胡兰纪念馆", "kind": "hall", "level": "other", "province": "山西省", "address": "山西省吕梁市文水县"},
    {"name": "抚顺雷锋纪念馆", "kind": "hall", "level": "other", "province": "辽宁省", "address": "辽宁省抚顺市"},
    {
        "name": "示范市烈士陵园",
        "kind": "cemetery",
        "level": "municipal",
        "province": "山东省",
        "address": "示范市英雄路1号（示例）",
        "latitude": "36.651200",
        "longitude": "117.120400",
        "opening_hours": "8:30—17:00，清明节前后延长开放",
        "phone": "0000-12345678",
        "description": "<p>示例数据：本市安葬烈士最多的烈士陵园，分A、B、C、D四个墓区。</p>",
    },
]

# Facts from the public record; dates only as precisely as they are certain here.
KNOWN_MARTYRS = [
    {
        "external_id": "DEMO-HJG",
        "name": "黄继光",
        "gender": "male",
        "ethnicity": "汉族",
        "birth": (D(1931, 1, 1), "year"),
        "native_place": "四川省中江县",
        "enlistment": (D(1951, 3, 1), "month"),
        "unit": "中国人民志愿军第15军第45师第135团第2营",
        "position": "通讯员",
        "death": (D(1952, 10, 20), "day"),
        "death_place": "朝鲜上甘岭",
        "battle": "上甘岭战役",
        "burial_place": "沈阳抗美援朝烈士陵园",
        "biography": "上甘岭战役中，在部队攻击受阻时用身体堵住敌人的机枪射孔，为部队夺取阵地开辟了道路。\n"
        "中国人民志愿军领导机关为他追记特等功，授予“特级英雄”称号。",
    },
    {
        "external_id": "DEMO-QSY",
        "name": "邱少云",
        "gender": "male",
        "ethnicity": "汉族",
        "birth": (D(1926, 1, 1), "year"),
        "native_place": "四川省铜梁县（今重庆市铜梁区）",
        "unit": "中国人民志愿军第15军第29师第87团第9连",
        "position": "战士",
        "death": (D(1952, 10, 12), "day"),
        "death_place": "朝鲜平康前线391高地",
        "battle": "391高地战斗",
        "burial_place": "沈阳抗美援朝烈士陵园",
        "biography": "潜伏在敌阵地前沿时被燃烧弹引燃，为不暴露潜伏部队，严守纪律，一动不动，直至牺牲。\n"
        "被追记特等功，授予“一级英雄”称号。",
    },
    {
        "external_id": "DEMO-YGS",
        "name": "杨根思",
        "gender": "male",
        "ethnicity": "汉族",
        "birth": (D(1922, 1, 1), "year"),
        "native_place": "江苏省泰兴县",
        "enlistment": (D(1944, 1, 1), "year"),
        "unit": "中国人民志愿军第20军第58师第172团第3连",
        "position": "连长",
        "death": (D(1950, 11, 29), "day"),
        "death_place": "朝鲜长津湖地区小高岭",
        "battle": "长津湖战役",
        "biography": "率部坚守小高岭阵地，打退敌人多次进攻；弹尽之际抱起炸药包冲入敌群，与敌同归于尽。\n"
        "被追记特等功，授予“特级英雄”称号。",
    },
    {
        "external_id": "DEMO-DCR",
        "name": "董存瑞",
        "gender": "male",
        "ethnicity": "汉族",
        "birth": (D(1929, 1, 1), "year"),
        "native_place": "察哈尔省怀来县（今河北省怀来县）",
        "enlistment": (D(1945, 1, 1), "year"),
        "unit": "东北野战军第11纵队第32师第96团",
        "position": "班长",
        "death": (D(1948, 5, 25), "day"),
        "death_place": "河北隆化",
        "battle": "隆化战斗",
        "burial_place": "隆化董存瑞烈士陵园",
        "biography": "解放隆化战斗中，为炸毁阻挡部队前进的桥形暗堡，手托炸药包将其炸毁，壮烈牺牲。",
    },
    {
        "external_id": "DEMO-LHL",
        "name": "刘胡兰",
        "gender": "female",
        "ethnicity": "汉族",
        "birth": (D(1932, 10, 8), "day"),
        "native_place": "山西省文水县云周西村",
        "death": (D(1947, 1, 12), "day"),
        "death_place": "山西省文水县云周西村",
        "battle": "",
        "burial_place": "刘胡兰纪念馆",
        "biography": "1946年被吸收为中国共产党候补党员。1947年1月12日被阎锡山部逮捕，坚贞不屈，英勇就义，年仅15岁。\n"
        "毛泽东为她题词：“生的伟大，死的光荣”。",
    },
    {
        "external_id": "DEMO-LF",
        "name": "雷锋",
        "gender": "male",
        "ethnicity": "汉族",
        "birth": (D(1940, 12, 18), "day"),
        "native_place": "湖南省望城县（今长沙市望城区）",
        "enlistment": (D(1960, 1, 1), "month"),
        "unit": "沈阳军区工程兵某部运输连",
        "position": "班长",
        "death": (D(1962, 8, 15), "day"),
        "death_place": "辽宁抚顺",
        "battle": "因公牺牲",
        "burial_place": "抚顺雷锋纪念馆",
        "biography": "在执行任务中因公牺牲，年仅22岁。\n1963年3月5日，毛泽东题词“向雷锋同志学习”。",
    },
    {
        "external_id": "DEMO-YJY",
        "name": "杨靖宇",
        "gender": "male",
        "ethnicity": "汉族",
        "birth": (D(1905, 2, 1), "month"),
        "native_place": "河南省确山县",
        "unit": "东北抗日联军第一路军",
        "position": "总司令兼政治委员",
        "death": (D(1940, 2, 23), "day"),
        "death_place": "吉林省濛江县（今靖宇县）",
        "battle": "东北抗日联军对日作战",
        "burial_place": "通化杨靖宇烈士陵园",
        "biography": "率东北抗日联军在白山黑水间与日本侵略者斗争，在弹尽粮绝、孤身一人的情况下与敌战斗至牺牲。",
    },
    {
        "external_id": "DEMO-ZYM",
        "name": "赵一曼",
        "gender": "female",
        "ethnicity": "汉族",
        "birth": (D(1905, 1, 1), "year"),
        "native_place": "四川省宜宾县",
        "unit": "东北抗日联军第三军第一师第二团",
        "position": "政治委员",
        "death": (D(1936, 8, 2), "day"),
        "death_place": "黑龙江省珠河县（今尚志市）",
        "battle": "东北抗日联军对日作战",
        "biography": "在战斗中负伤被俘，受尽酷刑，坚贞不屈，英勇就义。",
    },
    {
        "external_id": "DEMO-ZSD",
        "name": "张思德",
        "gender": "male",
        "ethnicity": "汉族",
        "birth": (D(1915, 1, 1), "year"),
        "native_place": "四川省仪陇县",
        "unit": "中共中央警备团",
        "position": "战士",
        "death": (D(1944, 9, 5), "day"),
        "death_place": "陕西省安塞县",
        "battle": "因公牺牲",
        "biography": "在陕北安塞山中烧炭时炭窑崩塌，因公牺牲。\n毛泽东在他的追悼会上发表了《为人民服务》的讲演。",
    },
    {
        "external_id": "DEMO-LSJ",
        "name": "罗盛教",
        "gender": "male",
        "ethnicity": "汉族",
        "birth": (D(1931, 1, 1), "year"),
        "native_place": "湖南省新化县",
        "unit": "中国人民志愿军第47军第141师侦察连",
        "position": "文书",
        "death": (D(1952, 1, 2), "day"),
        "death_place": "朝鲜平安南道成川郡",
        "battle": "抗美援朝",
        "biography": "为抢救落入冰窟的朝鲜少年，几次潜入冰水，将少年救出后牺牲。",
    },
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "德富贵明国华建军兴志文玉福长春海山林成生永秀英兰桂荣贤忠良义宝金田光辉有才占元"
PROVINCES = ["山东省", "河北省", "河南省", "四川省", "湖南省", "江苏省", "安徽省", "山西省", "辽宁省", "湖北省"]
COUNTIES = ["东平县", "莒南县", "沂水县", "临朐县", "平度县", "蒙阴县", "阳谷县", "邹平县", "安丘县", "海阳县"]
# (start, end, battles, places, units)
ERAS = [
    (
        1938,
        1945,
        ["台儿庄战役", "百团大战", "孟良崮外围作战", "反“扫荡”作战"],
        ["山东临沂", "河北涞源", "山东莒县"],
        ["八路军山东纵队", "八路军第115师", "新四军第4师"],
    ),
    (
        1946,
        1949,
        ["孟良崮战役", "淮海战役", "济南战役", "渡江战役"],
        ["山东蒙阴", "江苏徐州", "山东济南", "安徽芜湖"],
        ["华东野战军第9纵队", "华东野战军第6纵队", "中原野战军第3纵队"],
    ),
    (
        1950,
        1953,
        ["长津湖战役", "上甘岭战役", "第五次战役", "金城战役"],
        ["朝鲜", "朝鲜金化", "朝鲜铁原"],
        ["中国人民志愿军第27军", "中国人民志愿军第15军", "中国人民志愿军第12军"],
    ),
    (1979, 1989, ["边境防御作战"], ["云南麻栗坡", "广西凭祥"], ["某部"]),
]
POSITIONS = ["战士", "班长", "副班长", "排长", "连长", "卫生员", "通讯员", "指导员"]


def _record_fields(data):
    fields = {key: value for key, value in data.items() if key not in ("birth", "enlistment", "death", "biography")}
    for key in ("birth", "enlistment", "death"):
        if key in data:
            fields[f"{key}_date"], fields[f"{key}_precision"] = data[key]
    fields["biography"] = text_to_richtext(data.get("biography", ""))
    fields["sources"] = data.get("sources", "公开报道与史料（示例数据，仅录入事实）")
    return fields


def generated_martyrs(count=GENERATED_COUNT, seed=1949):
    """Plausible but invented records for volume: clearly marked as generated examples."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        start, end, battles, places, units = rng.choice(ERAS)
        year = rng.randint(start, end)
        precision = rng.choice(["year", "month", "month", "day"])
        month = rng.randint(1, 12) if precision != "year" else 1
        day = rng.randint(1, 28) if precision == "day" else 1
        birth_year = year - rng.randint(17, 35)
        section = "ABCD"[number % 4]
        yield {
            "external_id": f"DEMO-GEN-{number:04d}",
            "name": rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2]))),
            "gender": "male" if rng.random() > 0.04 else "female",
            "ethnicity": "汉族" if rng.random() > 0.05 else "回族",
            "birth": (D(birth_year, 1, 1), "year"),
            "native_place": rng.choice(PROVINCES) + rng.choice(COUNTIES),
            "unit": rng.choice(units),
            "position": rng.choice(POSITIONS),
            "death": (D(year, month, day), precision),
            "death_place": rng.choice(places),
            "battle": rng.choice(battles),
            "burial_place": "示范市烈士陵园",
            "grave_section": section,
            "grave_row": str(rng.randint(1, 12)),
            "grave_number": str(rng.randint(1, 40)),
            "sources": "系统生成的示例数据，非真实人物",
        }


def load_demo(context):
    facilities = {}
    for spec in FACILITIES:
        facility, created = MemorialFacility.objects.get_or_create(name=spec["name"], defaults=spec)
        if created and context.make_image is not None and spec["name"] == "示范市烈士陵园":
            facility.photo = context.make_image(
                f"{spec['name']}（示例图片）",
                seed=spec["name"],
                scene="monument",
                alt_text="陵园中松柏环绕的纪念碑（生成的示例图片）",
            )
            facility.save()
        facilities[facility.name] = facility

    archive = MartyrArchivePage.objects.child_of(context.home_page).first()
    if archive is None:
        archive = MartyrArchivePage(
            title="英名录",
            slug="martyrs",
            intro="铭记英烈姓名，传承英烈精神。可按籍贯、牺牲年代、战役和安葬地查询烈士档案。",
        )
        context.home_page.add_child(instance=archive)
        archive.save_revision().publish()

    existing = set(MartyrRecord.objects.filter(external_id__startswith="DEMO-").values_list("external_id", flat=True))
    now = datetime.datetime.now(datetime.UTC)
    new = []
    for data in [*KNOWN_MARTYRS, *generated_martyrs()]:
        if data["external_id"] in existing:
            continue
        record = MartyrRecord(
            **_record_fields(data),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        record.facility = facilities.get(record.burial_place)
        record.fill_derived_fields()
        new.append(record)
    MartyrRecord.objects.bulk_create(new, batch_size=500)
    if new:
        from wagtail.search.backends import get_search_backend

        get_search_backend().add_bulk(MartyrRecord, [record for record in new if record.pk])
    context.log(
        "  "
        + _(
            "英名录：%(known)d 位英烈、%(generated)d 条生成的示例档案、%(facilities)d 处纪念设施（本次新增 %(new)d 条）"
        )
        % {
            "known": len(KNOWN_MARTYRS),
            "generated": GENERATED_COUNT,
            "facilities": len(FACILITIES),
            "new": len(new),
        }
    )
    _demo_corrections(context)


#: Corrections waiting in the inbox (待办) of the demo: what visitors typically send.
DEMO_CORRECTIONS = [
    ("DEMO-DCR", "death_place", "河北省隆化县", "隆化县志记载牺牲地为隆化中学旧址，建议写全省县名称", "王老师"),
    ("DEMO-LHL", "native_place", "山西省文水县云周西村", "家乡纪念馆的介绍写的是云周西村", "刘女士"),
    ("DEMO-QSY", "other", "烈士墓碑上的照片已经褪色，希望更换", "", "清明祭扫的市民"),
]


def _demo_corrections(context):
    """A few pending corrections, once (a correction already there is never added again)."""
    if MartyrCorrection.objects.filter(record__external_id__startswith="DEMO-").exists():
        return
    records = MartyrRecord.objects.in_bulk([spec[0] for spec in DEMO_CORRECTIONS], field_name="external_id")
    for external_id, field, value, evidence, name in DEMO_CORRECTIONS:
        record = records.get(external_id)
        if record is not None:
            MartyrCorrection.objects.create(
                record=record, field=field, proposed_value=value, evidence=evidence, submitter_name=name
            )
