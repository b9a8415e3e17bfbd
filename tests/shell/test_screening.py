"""Sensitive-word screening: normalisation, one pass over the text, categories and bulk
approval, the stored form of a result, and a list change reaching a running process."""

import json

import pytest
from django.db import connection
from django.utils import timezone

from siteshell.screening import (
    BULK_APPROVAL_FORBIDDEN,
    Match,
    ScreeningResult,
    WordCategory,
    invalidate,
    matcher,
    normalise,
    screen,
)
from siteshell.screening.models import SensitiveWord

# -- normalisation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("歪曲英烈事蹟", "歪曲英烈事迹"),  # traditional
        ("代開發票", "代开发票"),
        ("ｗｅｉｘｉｎ１２３", "weixin123"),  # full-width letters and digits
        ("侮 辱 英 烈", "侮辱英烈"),  # spaced out
        ("侮\u3000辱\t英\n烈", "侮辱英烈"),  # full-width space, tab, line break
        ("侮*辱·英-烈！", "侮辱英烈"),  # punctuation inserted
        ("刷_单", "刷单"),
        ("加\u200b微\u200c信\ufeff", "加微信"),  # zero-width characters
        ("刷\x00单\x07", "刷单"),  # control characters
        ("刷🔥单", "刷单"),  # emoji
        ("WeiXin", "weixin"),  # case
        ("代 開．發＊票 ＶＸ", "代开发票vx"),  # all of it at once
        ("", ""),
        (None, ""),
        ("，。！？ ", ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_every_spelling_of_a_word_normalises_alike():
    spellings = ["侮辱英烈", "侮 辱 英 烈", "侮*辱英烈", "侮.辱.英.烈", "「侮辱」英烈", "侮\u200b辱英烈"]
    assert {normalise(spelling) for spelling in spellings} == {"侮辱英烈"}
    assert {normalise(spelling) for spelling in ["ｗｅｉｘｉｎ", "WEIXIN", "w e i x i n", "Wei-Xin"]} == {"weixin"}


# -- the list used below ------------------------------------------------------------------------


@pytest.fixture
def words(db, settings):
    """A list of five words instead of the starter list (restored by the rollback; the
    automaton is forgotten again afterwards)."""
    settings.SCREENING_CHECK_SECONDS = None
    SensitiveWord.objects.all().delete()
    created = {
        word: SensitiveWord.objects.create(word=word, category=category)
        for word, category in [
            ("歪曲英烈事迹", WordCategory.INSULT),
            ("颠覆国家政权", WordCategory.POLITICS),
            ("加 微信", WordCategory.SPAM),
            ("代开发票", WordCategory.SPAM),
            ("裸聊", WordCategory.OBSCENITY),
            ("WeiXin", WordCategory.SPAM),
        ]
    }
    yield created
    invalidate()


def test_one_pass_finds_every_word_of_several_categories(words):
    result = screen("有人在评论里歪曲英烈事蹟，还留言：加．微．信 代開發票，另有裸 聊广告。")
    assert result.matches == (
        Match("歪曲英烈事迹", WordCategory.INSULT),
        Match("加 微信", WordCategory.SPAM),
        Match("代开发票", WordCategory.SPAM),
        Match("裸聊", WordCategory.OBSCENITY),
    )
    assert result.flagged
    assert result.categories == (WordCategory.INSULT, WordCategory.SPAM, WordCategory.OBSCENITY)
    assert result.words == ("歪曲英烈事迹", "加 微信", "代开发票", "裸聊")
    assert isinstance(matcher.get_word_list().automaton, __import__("ahocorasick").Automaton)


def test_each_word_is_reported_once_in_the_form_staff_entered(words):
    result = screen("加微信！加 微 信！ＷＥＩＸＩＮ，weixin", "再加微信")
    assert result.matches == (Match("加 微信", WordCategory.SPAM), Match("WeiXin", WordCategory.SPAM))


def test_texts_are_screened_each_on_its_own(words):
    assert not screen("留言末尾写着代开", "发票请找财务").flagged
    assert screen(None, "", "代开发票").words == ("代开发票",)
    assert not screen().flagged


def test_a_clean_text_is_not_flagged(words):
    result = screen("缅怀革命先烈，传承红色基因。清明节我们到烈士陵园献花。")
    assert result == ScreeningResult()
    assert not result.flagged
    assert result.bulk_approvable
    assert result.as_json() == []


def test_an_empty_list_flags_nothing(db, settings):
    settings.SCREENING_CHECK_SECONDS = None
    SensitiveWord.objects.all().delete()
    try:
        assert not screen("歪曲英烈事迹 加微信 代开发票").flagged
        assert matcher.get_word_list().automaton is None
    finally:
        invalidate()


# -- categories and bulk approval ----------------------------------------------------------------


def test_insult_and_politics_forbid_bulk_approval():
    assert {WordCategory.INSULT, WordCategory.POLITICS} <= BULK_APPROVAL_FORBIDDEN


@pytest.mark.parametrize(
    "categories, approvable",
    [
        ((), True),
        ((WordCategory.SPAM,), True),
        ((WordCategory.SPAM, WordCategory.SPAM), True),
        ((WordCategory.INSULT,), False),
        ((WordCategory.POLITICS,), False),
        ((WordCategory.OBSCENITY,), False),
        ((WordCategory.SPAM, WordCategory.INSULT), False),
        (("withdrawn-category",), False),
    ],
)
def test_bulk_approvable_follows_the_categories(categories, approvable):
    result = ScreeningResult(tuple(Match(f"词{number}", category) for number, category in enumerate(categories)))
    assert result.bulk_approvable is approvable
    assert result.flagged is bool(categories)


def test_screened_text_decides_bulk_approval(words):
    assert screen("请加微信了解").bulk_approvable
    assert not screen("请加微信了解", "这是在歪曲英烈事迹").bulk_approvable


def test_summary_groups_words_by_category(words):
    result = screen("歪曲英烈事迹，加微信，代开发票")
    assert result.summary() == "侮辱英烈：歪曲英烈事迹；广告/垃圾信息：加 微信、代开发票"


# -- stored form ------------------------------------------------------------------------------


def test_json_round_trip(words):
    result = screen("歪曲英烈事迹，加微信")
    stored = json.loads(json.dumps(result.as_json()))
    assert stored == [
        {"word": "歪曲英烈事迹", "category": "insult"},
        {"word": "加 微信", "category": "spam"},
    ]
    restored = ScreeningResult.from_json(stored)
    assert restored == result
    assert restored.matches[0].category is WordCategory.INSULT
    assert restored.bulk_approvable is False


@pytest.mark.parametrize("data", [None, [], [{}], [{"word": "刷单"}], ["刷单"], [{"word": "", "category": "spam"}]])
def test_from_json_skips_what_it_cannot_read(data):
    assert ScreeningResult.from_json(data) == ScreeningResult()


def test_from_json_keeps_a_withdrawn_category_and_refuses_bulk_approval():
    result = ScreeningResult.from_json(
        [{"word": "旧词", "category": "withdrawn"}, {"word": "刷单", "category": "spam"}]
    )
    assert result.matches == (Match("旧词", "withdrawn"), Match("刷单", WordCategory.SPAM))
    assert result.flagged and not result.bulk_approvable
    assert result.matches[0].category_label == "withdrawn"


# -- list changes ------------------------------------------------------------------------------


def test_a_word_saved_or_deleted_here_counts_at_once(words, settings):
    settings.SCREENING_CHECK_SECONDS = None
    assert not screen("兼职刷单日结").flagged
    word = SensitiveWord.objects.create(word="刷单", category=WordCategory.SPAM)
    assert screen("兼职刷单日结").words == ("刷单",)
    word.category = WordCategory.OBSCENITY
    word.save()
    assert screen("兼职刷单日结").categories == (WordCategory.OBSCENITY,)
    word.delete()
    assert not screen("兼职刷单日结").flagged


def test_a_change_made_by_another_process_is_picked_up_without_restart(words, settings):
    settings.SCREENING_CHECK_SECONDS = 0  # check at every call (a web worker: every few seconds)
    assert not screen("兼职刷单日结").flagged
    # bulk_create, update() and SQL send no signal: as if another worker had made the change.
    SensitiveWord.objects.bulk_create([SensitiveWord(word="刷单", normalised="刷单", category=WordCategory.SPAM)])
    assert screen("兼职刷单日结").categories == (WordCategory.SPAM,)
    SensitiveWord.objects.filter(word="刷单").update(category=WordCategory.OBSCENITY, updated_at=timezone.now())
    assert screen("兼职刷单日结").categories == (WordCategory.OBSCENITY,)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SensitiveWord._meta.db_table} WHERE word = %s", ["刷单"])
    assert not screen("兼职刷单日结").flagged


def test_between_checks_the_built_list_is_kept(words, settings):
    settings.SCREENING_CHECK_SECONDS = 3600
    screen("先建好词表")
    SensitiveWord.objects.bulk_create([SensitiveWord(word="刷单", normalised="刷单", category=WordCategory.SPAM)])
    assert not screen("兼职刷单").flagged
    matcher._next_check = 0.0  # the interval has passed
    assert screen("兼职刷单").flagged


# -- the model ---------------------------------------------------------------------------------


def test_a_word_is_unique_in_any_spelling(words):
    from django.core.exceptions import ValidationError

    duplicate = SensitiveWord(word="代 開 發 票", category=WordCategory.SPAM)
    with pytest.raises(ValidationError) as raised:
        duplicate.full_clean()
    assert "词库中已有“代开发票”（广告/垃圾信息）" in raised.value.message_dict["word"][0]


@pytest.mark.parametrize("word, message", [("！？", "不能只由空格、标点或符号组成"), ("操 ", "至少要有2个字")])
def test_a_word_too_short_to_match_is_refused(words, word, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as raised:
        SensitiveWord(word=word, category=WordCategory.OBSCENITY).full_clean()
    assert message in raised.value.message_dict["word"][0]


def test_the_matched_form_is_stored(words):
    assert words["加 微信"].normalised == "加微信"
    assert words["WeiXin"].normalised == "weixin"


def test_the_automaton_finds_what_a_plain_substring_search_finds():
    """The root-ordering of :func:`matcher.build_word_list` (frequent characters first, the
    text's other characters folded) changes speed, never the answer."""
    import random

    rng = random.Random(7)
    alphabet = "的一是英烈加微信代开发票刷单vx12龘𠀾"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4))) for _ in range(300)}
    rows = [(word, rng.choice(WordCategory.values)) for word in sorted(words)]
    word_list = matcher.build_word_list(rows)
    for _ in range(200):
        text = "".join(rng.choice(alphabet + "，。 ＶＸ人民abc") for _ in range(rng.randint(0, 80)))
        expected = {word for word, _category in rows if normalise(word) in normalise(text)}
        assert set(matcher.screen_with(word_list, [text]).words) == expected, text
