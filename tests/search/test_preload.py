"""A web server loads the search dictionaries once, before it forks its workers
(``search.analysis.warm_up``, called by site/gunicorn_conf.py): a worker's first search then
loads nothing more.

Each test runs in a fresh interpreter, where nothing has been loaded yet (this test process has
long loaded everything)."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_fresh(tmp_path, code):
    """``code`` in a new Python process with the test settings on an empty SQLite file (the
    搜索词典 table does not exist there: the dictionary is built without staff terms)."""
    script = "import django\ndjango.setup()\n" + textwrap.dedent(code)
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "siteshell.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path}/empty.sqlite3",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_nothing_is_loaded_before_the_first_search_or_the_warm_up(tmp_path):
    output = run_fresh(
        tmp_path,
        """
        import sys
        from search.analysis import dictionary, normalisation
        print(dictionary._tokenizer is None, normalisation._converter is None, "pypinyin" in sys.modules)
        """,
    )
    assert output.split() == ["True", "True", "False"]


def test_after_the_warm_up_the_first_search_loads_nothing_more(tmp_path):
    output = run_fresh(
        tmp_path,
        """
        import sys
        from search import analysis
        from search.analysis import dictionary, normalisation

        analysis.warm_up()
        tokenizer, converter, modules = dictionary._tokenizer, normalisation._converter, set(sys.modules)
        assert tokenizer.initialized
        # Our veterans-affairs words (search/dictionary.txt) are in it, not only jieba's.
        assert tokenizer.FREQ.get("代祭扫")

        # What a visitor's first search does: a query cut into words, a traditional character
        # made simplified, an example name read in pinyin.
        assert "代祭扫" in [term.word for term in analysis.query_terms("清明代祭扫")]
        assert analysis.normalize("烈士陵園") == "烈士陵园"
        assert analysis.name_pinyin("邱少云") == ["qiushaoyun", "qsy", "shaoyun"]

        assert dictionary._tokenizer is tokenizer and normalisation._converter is converter
        print(sorted(set(sys.modules) - modules))
        """,
    )
    assert output.strip() == "[]"
