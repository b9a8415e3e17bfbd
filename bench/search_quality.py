"""Search quality: recall@10 and MRR of three ways to search Chinese, measured in one run.

    nice -n 10 python bench/search_quality.py

The corpus is the paragraphs of the bureau work reports in ``../shared/seeds/`` (long paragraphs
split at sentence ends into passages of at most about 160 characters), plus a few short
biographies of well-known martyrs, so that names can be searched by pinyin. Every query
comes with its relevance judgement: the concepts a passage must contain to answer it (in
simplified characters, whatever script or word order the query uses), or the one biography it
asks for. The same documents are searched by

- ``chinese``: this project's embedded backend (``search.backends.embedded``: jieba, pinyin,
  traditional → simplified) through Wagtail's search API;
- ``wagtail``: stock Wagtail database search (``wagtail.search.backends.database``, FTS5);
- ``substring``: a naive baseline, passages that contain the query string, most occurrences first.

Recall@10 is |relevant ∩ top 10| / min(|relevant|, 10), so 1.0 is reachable for every query.
The run uses a throw-away SQLite database in a temporary folder.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))
_tmp = tempfile.mkdtemp(prefix="search-quality-")
os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/quality.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.test")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, models  # noqa: E402
from modelsearch.index import Indexed, SearchField  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from search import analysis  # noqa: E402

MAX_PASSAGE = 160

BIOGRAPHIES = {
    "黄继光": "黄继光，四川中江人，中国人民志愿军战士，上甘岭战役中用胸膛堵住敌人枪眼，被追记特等功，授予特级英雄称号。",
    "邱少云": "邱少云，重庆铜梁人，志愿军战士，潜伏时被燃烧弹引燃，为不暴露目标忍受烈火烧身直至牺牲。",
    "杨根思": "杨根思，江苏泰兴人，志愿军连长，长津湖战役中抱起炸药包冲向敌群，与敌同归于尽。",
    "董存瑞": "董存瑞，河北怀来人，解放隆化战斗中手托炸药包炸毁敌人暗堡，年仅十九岁。",
    "刘胡兰": "刘胡兰，山西文水人，共产党员，面对敌人铡刀英勇不屈，毛泽东题词生的伟大死的光荣。",
    "赵一曼": "赵一曼，四川宜宾人，东北抗日联军将领，被俘后受尽酷刑，坚贞不屈，在珠河就义。",
    "左权": "左权，湖南醴陵人，八路军副参谋长，在山西辽县指挥突围时牺牲，是抗战中牺牲的最高将领之一。",
    "张思德": "张思德，四川仪陇人，中央警备团战士，在陕北烧炭时炭窑崩塌牺牲，为人民服务由此而来。",
    "罗盛教": "罗盛教，湖南新化人，志愿军侦察员，为抢救落入冰窟的朝鲜少年献出生命。",
    "雷锋": "雷锋，湖南长沙人，沈阳军区工程兵战士，因公殉职，他的精神激励了一代又一代人。",
    "王继才": "王继才，江苏灌云人，与妻子守卫开山岛三十二年，病逝于执勤岗位，被追授时代楷模称号。",
    "孙继先": "孙继先，山东曹县人，红军强渡大渡河十七勇士的指挥者，开国中将。",
}

# (kind, query, judgement): a judgement is a tuple of concepts that must all appear in a
# relevant passage, or "name:<title>" for the one biography the query asks for.
QUERIES = [
    ("single word", "优待证", ("优待证",)),
    ("single word", "双拥", ("双拥",)),
    ("single word", "英烈", ("英烈",)),
    ("single word", "帮扶", ("帮扶",)),
    ("single word", "培训", ("培训",)),
    ("single word", "安置", ("安置",)),
    ("single word", "服务站", ("服务站",)),
    ("single word", "烈士纪念设施", ("烈士纪念设施",)),
    ("single word", "信访", ("信访",)),
    ("single word", "褒扬", ("褒扬",)),
    ("word in compound", "军人", ("军人",)),
    ("word in compound", "纪念", ("纪念",)),
    ("multi-word", "退役军人 就业", ("退役军人", "就业")),
    ("multi-word", "优抚 医疗", ("优抚", "医疗")),
    ("multi-word", "烈士 祭扫", ("烈士", "祭扫")),
    ("multi-word", "双拥 活动", ("双拥", "活动")),
    ("multi-word", "就业创业培训", ("就业", "创业", "培训")),
    ("multi-word", "困难帮扶", ("困难", "帮扶")),
    ("reordered", "培训就业", ("培训", "就业")),
    ("reordered", "设施纪念烈士", ("烈士纪念设施",)),
    ("reordered", "拥军 双拥 优属", ("拥军", "优属")),
    ("reordered", "帮扶困难", ("困难", "帮扶")),
    ("traditional", "優待證", ("优待证",)),
    ("traditional", "雙擁", ("双拥",)),
    ("traditional", "退役軍人 就業", ("退役军人", "就业")),
    ("traditional", "烈士紀念設施", ("烈士纪念设施",)),
    ("traditional", "黃繼光", "name:黄继光"),
    ("pinyin name", "huangjiguang", "name:黄继光"),
    ("pinyin name", "hjg", "name:黄继光"),
    ("pinyin name", "qiushaoyun", "name:邱少云"),
    ("pinyin name", "ygs", "name:杨根思"),
    ("pinyin name", "dongcunrui", "name:董存瑞"),
    ("pinyin name", "liuhulan", "name:刘胡兰"),
    ("pinyin name", "zym", "name:赵一曼"),
    ("name", "黄继光", "name:黄继光"),
    ("name", "继光", "name:黄继光"),
    ("name", "杨根思", "name:杨根思"),
    ("full-width", "ＨＪＧ", "name:黄继光"),
]


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
    return {doc.pk for doc in documents if all(concept in doc.body for concept in judgement)}


def index_with(backend, documents):
    index = backend.get_index_for_model(QualityPassage)
    index.reset()
    index.add_items(QualityPassage, documents)
    index._refresh_title_norms(full=True)


def ranked_by_backend(backend, query):
    try:
        return [doc.pk for doc in backend.search(query, QualityPassage.objects.all())[:10]]
    except Exception as error:  # the stock backend raises on some inputs; that is a miss
        print(f"    ! {backend.__class__.__name__} failed on {query!r}: {error.__class__.__name__}")
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


def main():
    documents = build_corpus()
    print(f"corpus: {len(documents)} passages ({len(BIOGRAPHIES)} biographies), {len(QUERIES)} queries")
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

    def mean(values, position):
        return sum(v[position] for v in values) / len(values)

    header = f"{'query kind':<18}{'n':>3}  " + "  ".join(f"{name + ' R@10':>15}{name + ' MRR':>14}" for name in names)
    print(header)
    print("-" * len(header))
    for kind in [*dict.fromkeys(k for k, _q, _r in judgements), "ALL"]:
        rows = by_kind[kind]
        cells = "  ".join(f"{mean(rows[name], 0):>15.3f}{mean(rows[name], 1):>14.3f}" for name in names)
        print(f"{kind:<18}{len(rows[names[0]]):>3}  {cells}")


if __name__ == "__main__":
    main()
