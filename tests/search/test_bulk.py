"""Bulk indexing without model objects (search/bulk.py) writes exactly what Wagtail's object
indexing writes, on SQLite and on PostgreSQL."""

import pytest
from django.utils import timezone
from wagtail.search.models import IndexEntry

from search import analysis
from search.bulk import BulkPlan, index_documents

pytestmark = pytest.mark.django_db


def entries(records):
    by_id = {str(record.pk): record.external_id for record in records}
    return {
        by_id[entry.object_id]: (str(entry.title), str(entry.autocomplete), str(entry.body), entry.title_norm)
        for entry in IndexEntry.objects.filter(object_id__in=list(by_id))
    }


@pytest.mark.plugin("memorials")
def test_bulk_documents_equal_what_object_indexing_writes():
    from memorials.models import MartyrRecord

    now = timezone.now()
    records = []
    for n, (name, place, bio) in enumerate(
        [
            ("黄继光", "四川省中江县", "<p>在上甘岭战役中舍身堵枪眼。</p>"),
            ("欧阳海", "湖南桂阳", "<p>为保护列车和旅客安全&amp;壮烈牺牲</p><p>追记一等功</p>"),
            ("阿不都热合曼·买买提", "新疆喀什", ""),
        ]
    ):
        record = MartyrRecord(
            external_id=f"B-{n}",
            name=name,
            native_place=place,
            biography=bio,
            unit="某部",
            battle="上甘岭战役",
            live=True,
            first_published_at=now,
        )
        record.save()  # indexed by Wagtail's signal handler, through the object indexer
        records.append(record)
    by_objects = entries(records)
    assert len(by_objects) == 3

    IndexEntry.objects.filter(object_id__in=[str(r.pk) for r in records]).delete()
    plan = BulkPlan(MartyrRecord)
    assert plan.supported
    values = MartyrRecord.objects.filter(pk__in=[r.pk for r in records]).values()
    index_documents(MartyrRecord, plan, [(row["id"], plan.analyse(row)) for row in values])
    assert entries(records) == by_objects

    # An importer may hand the plain text of a rich text field directly: same tokens.
    plain = plan.analyse({"name": "欧阳海", "biography": "<p>追记一等功</p>"})
    assert plan.analyse({"name": "欧阳海"}, {"biography": "追记一等功"}) == plain


@pytest.mark.plugin("memorials")
def test_bulk_documents_update_existing_entries():
    from memorials.models import MartyrRecord

    record = MartyrRecord(external_id="B-9", name="邱少云", live=True, first_published_at=timezone.now())
    record.save()
    plan = BulkPlan(MartyrRecord)
    index_documents(MartyrRecord, plan, [(record.pk, plan.analyse({"name": "邱少云", "battle": "金城战役"}))])
    assert IndexEntry.objects.filter(object_id=str(record.pk)).count() == 1
    from wagtail.search.backends import get_search_backend

    assert [r.pk for r in get_search_backend().search("金城战役", MartyrRecord)] == [record.pk]


def test_short_names_are_indexed_by_every_piece_and_their_pinyin():
    tokens = analysis.name_tokens("黄继光")
    assert {"黄继光", "黄继", "继光", "黄", "继", "光", "huangjiguang", "hjg", "jiguang"} <= set(tokens)
    # Surnames read as surnames, compound surnames split off as a whole.
    assert analysis.name_pinyin("曾志")[0] == "zengzhi"
    assert analysis.name_pinyin("单雄信")[0] == "shanxiongxin"
    assert analysis.name_pinyin("欧阳海") == ["ouyanghai", "oyh", "hai"]
    # Longer names (and names with other characters) fall back to words and pairs.
    tokens = analysis.name_tokens("阿不都热合曼")
    assert "热合" in tokens and analysis.name_pinyin("阿不都热合曼")[0] in tokens


def test_analysing_block_by_block_gives_the_tokens_of_the_whole_text():
    text = "1952年10月，黄继光在上甘岭战役中舍身堵枪眼，年仅21岁。追记特等功，授予“特级英雄”称号。" * 2
    from search.analysis.segmentation import _search_mode

    tokenizer = analysis.get_tokenizer()
    whole = [t for t in _search_mode(tokenizer, analysis.normalize(text)) if analysis.keep_token(t)]
    assert analysis.index_tokens(text) == whole
