"""The Chinese text analysis shared by indexing, querying and highlighting."""

from search import analysis


def test_traditional_and_full_width_text_is_normalised_to_simplified_half_width():
    assert analysis.normalize("為烈士尋親ＡＢＣ１２３") == "为烈士寻亲abc123"


def test_control_characters_are_removed():
    assert "\x00" not in analysis.normalize("烈\x00士\u200b")


def test_compounds_are_indexed_with_their_sub_words():
    tokens = analysis.index_tokens("退役军人事务局开展为烈士寻亲活动")
    assert {"退役军人", "退役", "军人", "烈士", "寻亲"} <= set(tokens)


def test_domain_dictionary_keeps_veterans_affairs_terms_whole():
    for term in ("优待证", "军嫂", "双拥", "祭英烈", "烈属", "代祭扫"):
        assert term in analysis.index_tokens(f"开展{term}工作"), term


def test_punctuation_emoji_and_stop_words_never_become_tokens():
    tokens = analysis.index_tokens("烈士的事迹！🙂 “寻亲” 和 a")
    assert "的" not in tokens and "和" not in tokens and "！" not in tokens and "🙂" not in tokens
    assert "烈士" in tokens and "寻亲" in tokens


def test_query_words_carry_sub_words_to_fall_back_on():
    (term,) = analysis.query_terms("退役军人")
    assert term.word == "退役军人"
    assert set(term.parts) == {"退役", "军人"}


def test_hostile_queries_give_no_terms_or_only_words():
    # Quotes, stars and brackets are dropped; operators are plain (lower-case) words.
    assert [term.word for term in analysis.query_terms('"" OR * NEAR( ) -')] == ["or", "near"]
    assert analysis.query_terms("🙂🙂🙂") == []
    assert analysis.query_terms("\x00\x1f") == []


def test_very_long_queries_are_capped():
    terms = analysis.query_terms("烈士 寻亲 " * 5000)
    assert 0 < len(terms) <= analysis.MAX_QUERY_TERMS
    assert all(len(t.word) <= analysis.MAX_TOKEN_LENGTH for t in analysis.query_terms("x" * 10000))


def test_names_get_full_pinyin_initials_and_given_name():
    assert analysis.name_pinyin("黄继光") == ["huangjiguang", "hjg", "jiguang"]
    assert analysis.name_pinyin("Smith") == []


def test_short_chinese_titles_are_treated_as_names():
    assert analysis.looks_like_a_name("邱少云")
    assert not analysis.looks_like_a_name("为烈士寻亲活动启动")


def test_staff_terms_teach_the_tokenizer(db):
    from search.models import SearchTerm

    analysis.get_tokenizer()
    assert "光荣之家挂牌" not in analysis.index_tokens("今天光荣之家挂牌仪式")
    SearchTerm.objects.create(term="光荣之家挂牌")
    assert "光荣之家挂牌" in analysis.index_tokens("今天光荣之家挂牌仪式")
