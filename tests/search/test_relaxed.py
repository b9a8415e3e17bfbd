"""A visitor whose words are not all in one document still finds what they mean: documents with
every word first, then those with the most important of the words (relaxed matching)."""

import pytest

from search import service
from search.analysis import QueryTerm, query_terms
from search.analysis.weights import word_weight
from search.backends import relaxation
from search.backends.relaxation import RARE_MATCHES, relaxation_atoms, relaxed_plan

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("sampleplugin")]


def titles(query):
    return [hit.plain_title for hit in service.search(query).hits]


@pytest.fixture
def double_support(publish_story):
    return {
        "both": publish_story("双拥共建进社区", "驻军官兵走进社区开展双拥共建活动。"),
        "street": publish_story("街道双拥工作站揭牌", "街道办事处设立双拥工作站，为军属提供服务。"),
        "residents": publish_story("居民共度双拥联欢会", "辖区居民与驻军官兵同台演出，共庆双拥佳节。"),
        "unrelated": publish_story("清明祭扫服务", "为烈属代祭扫，擦拭墓碑。"),
    }


def test_a_topic_and_a_setting_find_the_topic_where_the_setting_is_worded_otherwise(double_support):
    found = titles("双拥 社区")
    assert found[0] == "双拥共建进社区"  # every word: first
    assert {"街道双拥工作站揭牌", "居民共度双拥联欢会"} <= set(found[1:])
    assert "清明祭扫服务" not in found


def test_a_compound_finds_documents_with_its_important_part(publish_story):
    publish_story("优抚对象建档立卡", "为全市优抚对象建档立卡，逐一核对信息。")
    publish_story("重点优抚家庭走访", "春节前走访慰问重点优抚家庭，送去慰问金。")
    publish_story("志愿服务队成立", "退役军人志愿服务队为群众提供服务。")
    found = titles("优抚对象")
    assert found == ["优抚对象建档立卡", "重点优抚家庭走访"]


def test_the_count_and_pages_include_the_relaxed_matches(double_support):
    results = service.search("双拥 社区")
    assert results.total == len(results.hits) == 3


def test_no_relaxing_when_enough_documents_hold_every_word(double_support, publish_story, monkeypatch):
    publish_story("社区双拥文艺汇演", "社区组织双拥文艺汇演。")
    monkeypatch.setattr(relaxation, "RELAX_BELOW", 2)
    assert set(titles("双拥 社区")) == {"双拥共建进社区", "社区双拥文艺汇演"}


def test_a_common_word_never_carries_a_relaxed_match_alone(double_support, monkeypatch):
    # With 社区 and 双拥 both "common", the relaxed query would be a scan of common words: none.
    monkeypatch.setattr(relaxation, "RARE_MATCHES", 1)
    assert titles("双拥 社区") == ["双拥共建进社区"]


def test_queryset_searches_are_relaxed_too(double_support):
    from tests.sampleplugin.models import SampleStoryPage

    found = [page.title for page in SampleStoryPage.objects.live().search("双拥 社区")]
    assert found[0] == "双拥共建进社区" and len(found) == 3


def test_a_staff_look_up_may_ask_for_every_word(double_support):
    results = service.search("双拥 社区", relaxed=False)
    assert [hit.plain_title for hit in results.hits] == ["双拥共建进社区"] and results.total == 1


def test_a_phrase_is_never_relaxed(double_support):
    from modelsearch.query import Phrase

    from tests.sampleplugin.models import SampleStoryPage

    assert [page.title for page in SampleStoryPage.objects.live().search(Phrase("双拥 社区"))] == ["双拥共建进社区"]


def test_a_word_found_nowhere_does_not_hide_the_others(double_support):
    assert set(titles("双拥 蔚蓝海岸线")) >= {"双拥共建进社区", "街道双拥工作站揭牌", "居民共度双拥联欢会"}


# -- the plan, without a database -------------------------------------------------------------


def atoms(*words):
    return [QueryTerm(word) for word in words]


def combinations(plan):
    return {tuple(plan.atoms[index].word for index in combination) for combination in plan.combinations}


def test_the_most_important_words_carry_a_relaxed_match():
    # 双拥 (IDF 12.8 in general Chinese) says more than 社区 (7.7); 优抚 more than 对象.
    assert combinations(relaxed_plan(atoms("双拥", "社区"))) == {("双拥",)}
    assert combinations(relaxed_plan(atoms("优抚", "对象"))) == {("优抚",)}
    # Equally specific words: either; three common ones: any two (minimum_should_match 50 %).
    assert combinations(relaxed_plan(atoms("黄继光", "邱少云"))) == {("黄继光",), ("邱少云",)}
    assert len(relaxed_plan(atoms("就业", "创业", "培训")).combinations) == 3


def test_a_compound_is_relaxed_into_its_parts_but_a_pinyin_name_stays_whole():
    assert [atom.word for atom in relaxation_atoms(query_terms("优抚对象"))] == ["优抚", "对象"]
    assert [atom.word for atom in relaxation_atoms(query_terms("ou yang hai 双拥"))] == ["ouyanghai", "双拥"]


def test_the_relaxed_plan_never_leans_on_common_atoms_alone():
    plan = relaxed_plan(atoms("上甘岭", "黄继光"), [RARE_MATCHES + 1, 9])
    assert combinations(plan) == {("黄继光",)}  # never 上甘岭 alone
    assert plan.rare == (1,)  # what the ranking query matches (bm25() never weighs 上甘岭)
    assert relaxed_plan(atoms("山东", "战士"), [RARE_MATCHES + 1, RARE_MATCHES + 1]) is None


def test_the_site_s_own_frequencies_overrule_the_general_order_of_the_words():
    # In general Chinese 双拥 says more than 社区; on a site where 双拥 is on thousands of pages
    # and 社区 on a few, 社区 is the specific word: the query relaxes to it, not to nothing.
    assert word_weight("双拥") > word_weight("社区")
    assert combinations(relaxed_plan(atoms("双拥", "社区"), [RARE_MATCHES + 1, 7])) == {("社区",)}
    # Both rare: the general order stands.
    assert combinations(relaxed_plan(atoms("双拥", "社区"), [5, 7])) == {("双拥",)}
    # A rare name and two common words: the name with either of them (two of three).
    plan = relaxed_plan(atoms("杨根思", "山东", "排长"), [4, RARE_MATCHES + 1, RARE_MATCHES + 1])
    assert combinations(plan) == {("杨根思", "山东"), ("杨根思", "排长")}


def test_atoms_found_nowhere_are_left_out_and_single_words_are_not_relaxed():
    assert combinations(relaxed_plan(atoms("双拥", "社区", "蔚蓝"), [12, 3, 0])) == {("双拥",)}
    assert relaxed_plan(atoms("双拥"), [12]) is None
    assert relaxed_plan(atoms("双拥", "蔚蓝"), [12, 0]) is not None  # 双拥 alone, without the unknown word
    assert relaxed_plan(atoms("双拥", "蔚蓝"), [0, 0]) is None
