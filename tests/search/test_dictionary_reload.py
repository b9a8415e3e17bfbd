"""Words staff add to or remove from the 搜索词典 reach every process, not only the one that
saved them."""

import pytest
from django.db import connection

from search import analysis
from search.models import SearchTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def checking(settings):
    """Every call to the tokenizer checks the database (as a web worker does every 30 s)."""
    settings.SEARCH_DICTIONARY_CHECK_SECONDS = 0
    analysis.get_tokenizer()
    analysis.refresh_dictionary()
    yield
    settings.SEARCH_DICTIONARY_CHECK_SECONDS = None
    SearchTerm.objects.all().delete()
    analysis.refresh_dictionary()


def test_a_word_saved_by_another_process_is_picked_up(checking):
    assert "红星连挂牌" not in analysis.index_tokens("今天红星连挂牌仪式")
    # bulk_create skips save(): as if another web worker had saved it.
    SearchTerm.objects.bulk_create([SearchTerm(term="红星连挂牌")])
    assert "红星连挂牌" in analysis.index_tokens("今天红星连挂牌仪式")
    assert "红星连挂牌" in [term.word for term in analysis.query_terms("红星连挂牌")]

    # Deleted by another process: this one gets no signal.
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SearchTerm._meta.db_table} WHERE term = %s", ["红星连挂牌"])
    assert "红星连挂牌" not in analysis.index_tokens("今天红星连挂牌仪式")


def test_removing_a_staff_word_that_jieba_knew_keeps_it(checking):
    assert "烈士" in analysis.index_tokens("纪念烈士")
    term = SearchTerm.objects.create(term="烈士")
    term.delete()
    assert "烈士" in analysis.index_tokens("纪念烈士")


def test_without_checks_the_saving_process_still_learns_at_once(settings):
    settings.SEARCH_DICTIONARY_CHECK_SECONDS = None
    analysis.get_tokenizer()
    try:
        SearchTerm.objects.create(term="光荣之家挂牌")
        assert "光荣之家挂牌" in analysis.index_tokens("今天光荣之家挂牌仪式")
    finally:
        SearchTerm.objects.all().delete()
        analysis.refresh_dictionary()
    assert "光荣之家挂牌" not in analysis.index_tokens("今天光荣之家挂牌仪式")
