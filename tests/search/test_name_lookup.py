"""A visitor looks a martyr up by name however they type it: in characters, pinyin joined or in
separate syllables, initials, and with the reading of a polyphonic character they know."""

import io

import pytest
from django.core.management.base import OutputWrapper
from django.core.management.color import no_style

from search import analysis, service

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("memorials")]

#: The demo's known martyrs (memorials/demo.py) with their names in pinyin as people write them.
DEMO_MARTYRS = {
    "黄继光": "Huang Jiguang",
    "邱少云": "Qiu Shaoyun",
    "杨根思": "Yang Gensi",
    "董存瑞": "Dong Cunrui",
    "刘胡兰": "Liu Hulan",
    "雷锋": "Lei Feng",
    "杨靖宇": "Yang Jingyu",
    "赵一曼": "Zhao Yiman",
    "张思德": "Zhang Side",
    "罗盛教": "Luo Shengjiao",
}

#: Names with polyphonic characters: the default reading (a surname's own: 单 shan, 曾 zeng …),
#: and other readings someone may know the name by.
POLYPHONIC = {
    "单长乐": ("Shan Changle", ["dan chang le", "shanzhangyue", "dzy"]),
    "曾重阳": ("Zeng Chongyang", ["ceng chongyang", "zengzhongyang"]),
    "解朝晖": ("Xie Zhaohui", ["jie zhao hui", "xiechaohui"]),
    "仇行": ("Qiu Xing", ["qiuhang", "chou xing"]),
    "区乐": ("Ou Le", ["ouyue", "qu le"]),
    "朴重": ("Piao Zhong", ["pu zhong", "piaochong"]),
    "乐长春": ("Yue Changchun", ["le chang chun", "yuezhangchun"]),
    "查行健": ("Zha Xingjian", ["cha xingjian", "zhahangjian"]),
    "欧阳海": ("Ouyang Hai", ["ou yang hai", "ouyang-hai"]),
}


@pytest.fixture
def archive(home_page):
    """The demo archive (its known martyrs among 200 generated records) and the polyphonic names."""
    from wagtail.search.backends import get_search_backend

    from memorials.demo import load_demo
    from memorials.models import MartyrRecord
    from siteshell.plugins import DemoContext

    load_demo(DemoContext(home_page=home_page, stdout=OutputWrapper(io.StringIO()), style=no_style()))
    records = [
        MartyrRecord(name=name, external_id=f"TEST-POLY-{number}", native_place="山东省临沂县", live=True)
        for number, name in enumerate(POLYPHONIC)
    ]
    for record in records:
        record.fill_derived_fields()
        record.save()
    get_search_backend().add_bulk(MartyrRecord, records)
    return records


def top3(query):
    return [hit.plain_title for hit in service.search(query, type="memorials.martyrrecord").hits[:3]]


def ways_to_type(name, written):
    surname, given = written.split(" ", 1)
    full, initials = analysis.name_pinyin(name)[:2]
    syllables = " ".join(analysis.pinyin_syllables(full.removeprefix(surname.lower())))
    return {
        "full name": name,
        "pinyin joined": full,
        "pinyin spaced": written,
        "pinyin lower case, syllables apart": f"{surname.lower()} {syllables}",
        "pinyin with a hyphen": f"{surname}-{given}",
        "initials": initials,
        "initials in capitals": initials.upper(),
    }


@pytest.mark.parametrize("name", DEMO_MARTYRS)
def test_every_demo_martyr_is_found_by_name_pinyin_and_initials(archive, name):
    for way, query in ways_to_type(name, DEMO_MARTYRS[name]).items():
        assert name in top3(query), (way, query, top3(query))


@pytest.mark.parametrize("name", POLYPHONIC)
def test_names_with_polyphonic_characters_are_found_by_any_reading(archive, name):
    written, other_readings = POLYPHONIC[name]
    for way, query in ways_to_type(name, written).items():
        assert name in top3(query), (way, query, top3(query))
    for query in other_readings:
        assert name in top3(query), (query, top3(query))


def test_the_default_reading_ranks_above_another_reading(archive):
    from wagtail.search.backends import get_search_backend

    from memorials.models import MartyrRecord

    # 张岳 is zhangyue by default; 张乐 only by the rarer reading of 乐.
    records = [
        MartyrRecord(name=name, external_id=f"TEST-READ-{name}", native_place="山东省临沂县", live=True)
        for name in ("张乐", "张岳")
    ]
    for record in records:
        record.fill_derived_fields()
        record.save()
    get_search_backend().add_bulk(MartyrRecord, records)
    assert top3("zhangyue")[:2] == ["张岳", "张乐"]
    assert top3("zhangle")[0] == "张乐"


def test_surnames_are_read_as_surnames():
    assert analysis.name_pinyin("单长乐")[0] == "shanchangle"
    assert analysis.name_pinyin("曾重阳")[0] == "zengchongyang"
    assert analysis.name_pinyin("解朝晖")[0] == "xiezhaohui"
    assert analysis.name_pinyin("区乐")[0] == "oule"
    assert analysis.name_pinyin("朴重")[0] == "piaozhong"
    # … and a given name keeps its own reading (王朴 is wang pu, not piao).
    assert analysis.name_pinyin("王朴")[0] == "wangpu"


def test_other_readings_are_indexed_after_the_default_one():
    variants = analysis.name_pinyin_variants("单长乐")
    assert {"danchangle", "shanzhangle", "shanchangyue", "dcl", "szy"} <= set(variants)
    assert "shanchangle" not in variants
    tokens = analysis.name_tokens("单长乐")
    # The default reading twice: it outranks a name found by another reading.
    assert tokens.count("shanchangle") == 2 and tokens.count("danchangle") == 1


def test_pinyin_typed_in_syllables_is_read_as_one_name():
    for query in ("lei feng", "Lei Feng", "LEI  FENG", "lei-feng"):
        (term,) = analysis.query_terms(query)
        assert (term.word, term.parts) == ("leifeng", ("lei", "feng")), query
    assert [term.word for term in analysis.query_terms("ou yang hai")] == ["ouyanghai"]
    # Words that are not pinyin stay apart.
    assert [term.word for term in analysis.query_terms("wagtail cms")] == ["wagtail", "cms"]
