"""Contract tests (no server needed): Elasticsearch gets the same relaxed query, pinyin typed in
syllables, the other readings of polyphonic names and the staff's synonyms as the embedded
backends."""

from unittest import mock

import pytest
from elasticsearch import exceptions as es_exceptions

from search import analysis
from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.relaxation import relaxation_atoms, relaxed_plan


def backend(**params):
    return ElasticsearchBackend({"URLS": ["http://127.0.0.1:1"], "INDEX": "commemoration", "PINYIN": "false", **params})


def mocked_backend(**params):
    instance = backend(**params)
    instance.__dict__["client"] = mock.MagicMock(name="Elasticsearch")
    return instance


def should(query):
    return backend().build_search(query).to_dict()["query"]["bool"]["should"]


def relaxed(clauses):
    found = [clause["bool"] for clause in clauses if "bool" in clause]
    return found[0] if found else None


# -- relaxed matching -----------------------------------------------------------------------


def test_every_word_outweighs_the_relaxed_clause():
    clauses = should("双拥 社区")
    all_words = clauses[0]["multi_match"]
    assert (all_words["query"], all_words["operator"]) == ("双拥 社区", "and")
    clause = relaxed(clauses)
    assert all_words["boost"] > clause.get("boost", 1)


def queries(clause):
    """The atoms of each option of a relaxed clause."""
    options = []
    for option in clause["should"]:
        subs = option["bool"]["must"] if "bool" in option else [option]
        options.append(tuple(sub["multi_match"]["query"] for sub in subs))
    return options


def test_the_relaxed_clause_holds_the_combinations_of_the_embedded_backends():
    clause = relaxed(should("双拥 社区"))
    assert queries(clause) == [("双拥",)]  # the more specific word carries it, as on SQLite
    assert clause["minimum_should_match"] == 1
    assert clause["should"][0]["multi_match"]["operator"] == "and"
    # A compound is relaxed into its parts.
    assert queries(relaxed(should("优抚对象"))) == [("优抚",)]
    # Three common words: any two of them.
    assert sorted(queries(relaxed(should("就业 创业 培训")))) == [("创业", "培训"), ("就业", "创业"), ("就业", "培训")]
    plan = relaxed_plan(relaxation_atoms(analysis.query_terms("就业 创业 培训")))
    assert len(plan.combinations) == 3


def test_a_staff_look_up_may_ask_for_every_word():
    clauses = backend().build_search("双拥 社区", relaxed=False).to_dict()["query"]["bool"]["should"]
    assert relaxed(clauses) is None


def test_a_single_word_is_not_relaxed():
    assert relaxed(should("双拥")) is None
    assert relaxed(should("lei feng")) is None  # one name in syllables


@pytest.mark.django_db
def test_a_word_with_synonyms_is_one_atom_analysed_by_the_cluster():
    analysis.refresh_synonyms()
    clause = relaxed(should("烈属 慰问"))
    assert [query for option in queries(clause) for query in option] == ["烈属"]


# -- pinyin -------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["lei feng", "Lei Feng", "lei-feng", "LEI  FENG"])
def test_pinyin_typed_in_syllables_matches_the_joined_name(query):
    assert {"term": {"name_pinyin": {"value": "leifeng", "boost": 5}}} in should(query)


def test_other_readings_match_with_a_lower_boost():
    clauses = should("ou yang hai")
    assert {"term": {"name_pinyin": {"value": "ouyanghai", "boost": 5}}} in clauses
    assert {"term": {"name_pinyin_variants": {"value": "ouyanghai", "boost": 3}}} in clauses


def test_documents_carry_the_other_readings_of_a_name():
    from search.backends.elasticsearch_mappings import to_document_source

    record = mock.MagicMock(spec=["pk", "name"], pk=1, name="单长乐")
    with (
        mock.patch("search.documents.name_fields", return_value=("name",)),
        mock.patch("search.documents.result_title", return_value="单长乐"),
        mock.patch("search.documents.result_text", return_value=""),
        mock.patch("search.documents.result_url", return_value="/"),
        mock.patch("search.documents.facet_values", return_value={}),
        mock.patch("search.documents.type_key", return_value="memorials.martyrrecord"),
        mock.patch("search.documents.type_label", return_value="烈士档案"),
    ):
        source = to_document_source(record, public=True)
    assert "shanchangle" in source["name_pinyin"] and "danchangle" not in source["name_pinyin"]
    assert {"danchangle", "shanzhangyue", "dzy"} <= set(source["name_pinyin_variants"])


# -- synonyms in the mapping --------------------------------------------------------------------


def analysis_settings(instance):
    return instance.index_body()["settings"]["analysis"]


def test_the_search_analyzer_ends_with_a_synonym_graph_filter_on_a_synonyms_set():
    instance = backend()
    settings = analysis_settings(instance)
    search_analyzer = settings["analyzer"]["commemoration_search"]
    assert search_analyzer["tokenizer"] == "standard"
    assert search_analyzer["filter"][:3] == ["cjk_width", "lowercase", "cjk_bigram"]
    assert search_analyzer["filter"][-1] == "commemoration_synonyms"
    synonyms = settings["filter"]["commemoration_synonyms"]
    assert synonyms == {"type": "synonym_graph", "synonyms_set": "commemoration-synonyms", "updateable": True}
    properties = instance.index_body()["mappings"]["properties"]
    for field in ("title", "names", "body"):
        # Indexed as before; only queries go through the synonyms.
        assert (properties[field]["analyzer"], properties[field]["search_analyzer"]) == ("cjk", "commemoration_search")
    assert properties["name_pinyin_variants"]["type"] == "keyword"


def test_smartcn_and_ik_get_their_own_chain_with_the_synonyms():
    smartcn = analysis_settings(backend(ANALYZER="smartcn"))["analyzer"]["commemoration_search"]
    assert smartcn["tokenizer"] == "smartcn_tokenizer" and smartcn["filter"][-1] == "commemoration_synonyms"
    ik = analysis_settings(backend(ANALYZER="ik"))["analyzer"]["commemoration_search"]
    assert ik["tokenizer"] == "ik_smart" and ik["filter"] == ["commemoration_synonyms"]


@pytest.mark.django_db
def test_inline_synonyms_carry_the_staff_groups_in_the_mapping():
    analysis.refresh_synonyms()
    synonyms = analysis_settings(backend(SYNONYMS="inline"))["filter"]["commemoration_synonyms"]
    assert synonyms["type"] == "synonym_graph" and "updateable" not in synonyms
    assert "抚恤, 抚恤金" in synonyms["synonyms"]
    with pytest.raises(ValueError):
        backend(SYNONYMS="file")


@pytest.mark.django_db
def test_a_new_index_is_created_after_its_synonyms_set():
    analysis.refresh_synonyms()
    instance = mocked_backend()
    instance.get_index_for_model(None).create()
    calls = [call[0] for call in instance.client.mock_calls]
    assert calls.index("synonyms.put_synonym") < calls.index("indices.create")
    rules = instance.client.synonyms.put_synonym.call_args.kwargs
    assert rules["id"] == "commemoration-synonyms"
    assert {"id": "group-1", "synonyms": analysis.solr_rules()[0]} == rules["synonyms_set"][0]


@pytest.mark.django_db
def test_saving_a_group_updates_the_synonyms_set(settings, django_capture_on_commit_callbacks):
    from search.models import SearchSynonym

    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "elasticsearch": {"BACKEND": "search.backends.elasticsearch", "URLS": ["http://127.0.0.1:1"]},
    }
    with mock.patch.object(ElasticsearchBackend, "update_synonyms") as update:
        with django_capture_on_commit_callbacks(execute=True):
            SearchSynonym.objects.create(words="荣誉室，陈列馆")
    update.assert_called_once_with()
    analysis.refresh_synonyms()


def test_a_cluster_that_refuses_the_synonyms_does_not_break_saving(caplog):
    instance = mocked_backend()
    instance.client.synonyms.put_synonym.side_effect = es_exceptions.ConnectionError("down")
    with mock.patch("search.analysis.solr_rules", return_value=["抚恤, 抚恤金"]):
        assert instance.update_synonyms() is False
    assert "synonyms set" in caplog.text
