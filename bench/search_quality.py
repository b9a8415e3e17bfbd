"""Search quality: recall@10 and MRR of three ways to search Chinese, measured in one run.

    nice -n 10 python bench/search_quality.py
    nice -n 10 python bench/search_quality.py --database-url postgres://postgres@127.0.0.1:5432/search_quality

The corpus is the paragraphs of the bureau work reports in ``../shared/seeds/`` (long paragraphs
split at sentence ends into passages of at most about 160 characters), plus short biographies
of well-known martyrs, so that names can be searched by pinyin. The queries and their relevance
judgements are in ``bench/search_quality_queries.py``. The same documents are searched by

- ``chinese``: this project's embedded backend (``search.backends.embedded``: jieba, pinyin,
  traditional → simplified, relaxed matching, the starter list of 搜索同义词) through Wagtail's
  search API;
- ``wagtail``: stock Wagtail database search (``wagtail.search.backends.database``: FTS5 on
  SQLite, ``tsvector`` on PostgreSQL);
- ``substring``: a naive baseline, passages that contain the query string, most occurrences first.

Recall@10 is |relevant ∩ top 10| / min(|relevant|, 10), so 1.0 is reachable for every query.
The run uses a throw-away SQLite database in a temporary folder, or with ``--database-url`` a
PostgreSQL database of that name, created for the run and dropped after it (it must not exist).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--database-url", default="", help="a PostgreSQL database to create, use and drop")
parser.add_argument(
    "--verbose", action="store_true", help="list the queries the embedded backend does not answer fully"
)
ARGS = parser.parse_args()
if ARGS.database_url:
    os.environ["DATABASE_URL"] = ARGS.database_url
else:
    _tmp = tempfile.mkdtemp(prefix="search-quality-")
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/quality.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.test")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, models  # noqa: E402
from modelsearch.index import Indexed, SearchField  # noqa: E402
from search_quality_queries import BIOGRAPHIES, QUERIES  # noqa: E402  (bench/search_quality_queries.py)
from wagtail.search.backends import get_search_backend  # noqa: E402

from search import analysis  # noqa: E402

MAX_PASSAGE = 160


class QualityPassage(Indexed, models.Model):
    """A benchmark-only model: created in the throw-away database, never migrated."""

    title = models.CharField(max_length=200)
    body = models.TextField()

    search_fields = [SearchField("title", boost=2), SearchField("body")]

    class Meta:
        app_label = "search"
        managed = False

    def __str__(self):
        return self.title


# Declared after start-up, the model gets the relation the stock PostgreSQL backend searches
# through (modelsearch adds it to the indexed models it finds when the apps are ready).
def _add_index_entries_relation():
    from django.apps import apps
    from modelsearch.abstract_models import TextIDGenericRelation

    TextIDGenericRelation(apps.get_model("wagtailsearch", "IndexEntry")).contribute_to_class(
        QualityPassage, "index_entries"
    )


_add_index_entries_relation()


def passages():
    """The seed paragraphs, split at sentence ends into passages of at most MAX_PASSAGE characters."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").splitlines():
            paragraph = paragraph.strip()
            if len(paragraph) < 15:
                continue
            current = ""
            for sentence in re.split(r"(?<=[。；！？])", paragraph):
                if current and len(current) + len(sentence) > MAX_PASSAGE:
                    out.append(current)
                    current = ""
                current += sentence
            if current.strip():
                out.append(current)
    return out


def build_corpus():
    call_command("migrate", verbosity=0)
    with connection.schema_editor() as editor:
        editor.create_model(QualityPassage)
    documents = [QualityPassage(title=text[:20], body=text) for text in passages()]
    documents += [QualityPassage(title=name, body=bio) for name, bio in BIOGRAPHIES.items()]
    QualityPassage.objects.bulk_create(documents)
    return list(QualityPassage.objects.order_by("pk"))


def relevant_ids(documents, judgement):
    if isinstance(judgement, str):
        name = judgement.removeprefix("name:")
        return {doc.pk for doc in documents if doc.title == name}
    return {
        doc.pk
        for doc in documents
        if all(any(wording in doc.body for wording in concept.split("|")) for concept in judgement)
    }


def index_with(backend, documents):
    index = backend.get_index_for_model(QualityPassage)
    index.reset()
    index.add_items(QualityPassage, documents)
    index._refresh_title_norms(full=True)


def ranked_by_backend(backend, query):
    try:
        return [doc.pk for doc in backend.search(query, QualityPassage.objects.all())[:10]]
    except Exception as error:  # the stock backend raises on some inputs; that is a miss
        print(f"    ! {backend.__class__.__name__} failed on {query!r}: {error.__class__.__name__}: {str(error)[:200]}")
        return []


def ranked_by_substring(documents, query):
    scored = [(doc.body.count(query) + doc.title.count(query), doc.pk) for doc in documents]
    return [pk for count, pk in sorted(scored, key=lambda item: (-item[0], item[1])) if count][:10]


def metrics(ranked, relevant):
    if not relevant:
        return None
    hits = [pk for pk in ranked[:10] if pk in relevant]
    recall = len(hits) / min(len(relevant), 10)
    reciprocal = next((1 / rank for rank, pk in enumerate(ranked[:10], 1) if pk in relevant), 0.0)
    return recall, reciprocal


def postgres_database(create):
    """Create (or drop) the PostgreSQL database of ``--database-url``, from the server's
    ``postgres`` database."""
    import psycopg

    settings = connection.settings_dict
    connection.close()
    server = {key.lower(): settings[key] for key in ("HOST", "PORT", "USER", "PASSWORD") if settings[key]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'{"CREATE" if create else "DROP"} DATABASE "{settings["NAME"]}"')


def main():
    if connection.vendor == "postgresql":
        postgres_database(create=True)
    try:
        run()
    finally:
        if connection.vendor == "postgresql":
            postgres_database(create=False)


def run():
    documents = build_corpus()
    print(f"{connection.vendor}: {len(documents)} passages ({len(BIOGRAPHIES)} biographies), {len(QUERIES)} queries")
    judgements = [(kind, query, relevant_ids(documents, judgement)) for kind, query, judgement in QUERIES]
    for _kind, query, relevant in judgements:
        assert relevant, f"query {query!r} has no relevant passage"

    engines = {}
    stock = get_search_backend("wagtail.search.backends.database")
    index_with(stock, documents)
    engines["wagtail"] = {query: ranked_by_backend(stock, query) for _kind, query, _rel in judgements}
    chinese = get_search_backend("search.backends.embedded")
    index_with(chinese, documents)
    analysis.get_tokenizer()
    engines["chinese"] = {query: ranked_by_backend(chinese, query) for _kind, query, _rel in judgements}
    engines["substring"] = {query: ranked_by_substring(documents, query) for _kind, query, _rel in judgements}

    names = ["chinese", "wagtail", "substring"]
    by_kind = defaultdict(lambda: defaultdict(list))
    for kind, query, relevant in judgements:
        for name in names:
            by_kind[kind][name].append(metrics(engines[name][query], relevant))
            by_kind["ALL"][name].append(by_kind[kind][name][-1])

    if ARGS.verbose:
        for kind, query, relevant in judgements:
            for name in names:
                recall, reciprocal = metrics(engines[name][query], relevant)
                if name == "chinese" and (recall < 1 or reciprocal < 1):
                    print(f"  {kind}: {query!r} R@10 {recall:.2f} RR {reciprocal:.2f}")

    def mean(values, position):
        return sum(v[position] for v in values) / len(values)

    header = f"{'query kind':<22}{'n':>3}  " + "  ".join(f"{name + ' R@10':>15}{name + ' MRR':>14}" for name in names)
    print(header)
    print("-" * len(header))
    for kind in [*dict.fromkeys(k for k, _q, _r in judgements), "ALL"]:
        rows = by_kind[kind]
        cells = "  ".join(f"{mean(rows[name], 0):>15.3f}{mean(rows[name], 1):>14.3f}" for name in names)
        print(f"{kind:<22}{len(rows[names[0]]):>3}  {cells}")


if __name__ == "__main__":
    main()
