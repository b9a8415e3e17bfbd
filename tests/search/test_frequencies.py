"""jieba's dictionary in a trie (search.analysis.frequencies): the same cuts as jieba's own
tokenizer, with words added and deleted as the domain dictionary and the 搜索词典 do; built once
and then read from its files; files that do not match are built again."""

from pathlib import Path

import jieba
import pytest

from search.analysis import frequencies
from search.analysis.dictionary import DOMAIN_DICTIONARY
from search.analysis.frequencies import TrieTokenizer

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
TEXTS = [
    "退役军人事务局为烈士寻亲，黄继光和邱少云的事迹。",
    "清明节网上祭英烈，请为革命先烈献花、点烛、鞠躬、敬礼。",
    "抗美援朝志愿军烈士陵园位于丹东市，1951年安葬烈士一百二十三位。",
    "最美退役军人王大勇 最美军嫂李秀英 ABC abc123 ＡＢＣ",
    "",
    "烈",
]


@pytest.fixture(scope="module")
def tokenizers(tmp_path_factory):
    """jieba's own tokenizer and the trie's, both with the same words added and deleted."""
    folder = tmp_path_factory.mktemp("search-cache")
    ours = TrieTokenizer()
    ours.FREQ = frequencies.load(Path(jieba.__file__).resolve().parent / "dict.txt", folder)
    ours.total, ours.initialized = ours.FREQ.total, True
    theirs = jieba.Tokenizer()
    theirs.initialize()
    for tokenizer in (ours, theirs):
        tokenizer.load_userdict(str(DOMAIN_DICTIONARY))
        tokenizer.add_word("为烈士寻亲")  # its prefixes 为, 为烈 are jieba's words or prefixes
        tokenizer.add_word("邱少云事迹陈列馆")  # a word jieba has no prefix of beyond 邱少云
        tokenizer.del_word("事迹")  # a word of jieba's own
    return ours, theirs


def seed_texts():
    texts = list(TEXTS)
    if SEEDS.is_dir():
        texts += [path.read_text(encoding="utf-8")[:4000] for path in sorted(SEEDS.glob("*.txt"))[:12]]
    return texts


def test_the_trie_cuts_every_text_as_jieba_does(tokenizers):
    ours, theirs = tokenizers
    for text in seed_texts():
        for hmm in (True, False):
            assert list(ours.cut(text, HMM=hmm)) == list(theirs.cut(text, HMM=hmm))
        assert list(ours.cut(text, cut_all=True)) == list(theirs.cut(text, cut_all=True))
        assert list(ours.cut_for_search(text)) == list(theirs.cut_for_search(text))
        assert ours.get_DAG(text) == theirs.get_DAG(text)


def test_added_and_deleted_words_are_cut_as_jieba_cuts_them(tokenizers):
    ours, theirs = tokenizers
    text = "为烈士寻亲，参观邱少云事迹陈列馆的事迹"
    assert list(ours.cut(text, HMM=False)) == list(theirs.cut(text, HMM=False))
    assert "为烈士寻亲" in list(ours.cut(text)) and "邱少云事迹陈列馆" in list(ours.cut(text))
    assert ours.FREQ.get("事迹") == 0 and theirs.FREQ.get("事迹") == 0
    assert ours.total == theirs.total


def test_frequencies_answer_as_jiebas_dict(tokenizers):
    ours, theirs = tokenizers
    for word in ("烈士", "烈", "退役军", "为烈", "邱少云事迹陈", "不是词语吗", "", "x"):
        assert ours.FREQ.get(word) == theirs.FREQ.get(word), word
        assert (word in ours.FREQ) == (word in theirs.FREQ), word
    assert ours.FREQ["烈士"] == theirs.FREQ["烈士"]
    with pytest.raises(KeyError):
        ours.FREQ["不是词语吗"]


def test_the_dictionary_is_built_once_then_read_from_its_files(tmp_path, monkeypatch):
    source = tmp_path / "dict.txt"
    source.write_text("烈士 100 n\n英雄 50 n\n烈士陵园 20 ns\n", encoding="utf-8")
    built = frequencies.load(source, tmp_path / "cache")
    assert (built.get("烈士"), built.get("烈士陵"), built.get("陵园"), built.total) == (100, 0, None, 170)
    assert len(list((tmp_path / "cache").glob("jieba-*"))) == 3
    monkeypatch.setattr(frequencies, "_build", lambda _source: pytest.fail("built again"))
    read = frequencies.load(source, tmp_path / "cache")
    assert (read.get("烈士陵园"), read.total, read.longest) == (20, 170, 4)


def test_files_that_do_not_match_are_built_again(tmp_path):
    source = tmp_path / "dict.txt"
    source.write_text("烈士 100 n\n英雄 50 n\n", encoding="utf-8")
    frequencies.load(source, tmp_path / "cache")
    next((tmp_path / "cache").glob("jieba-*.freq")).write_bytes(b"\0" * 8)  # one key, not two
    assert frequencies.load(source, tmp_path / "cache").get("英雄") == 50
    next((tmp_path / "cache").glob("jieba-*.trie")).write_bytes(b"not a trie")
    assert frequencies.load(source, tmp_path / "cache").get("英雄") == 50
    source.write_text("烈士 100 n\n英雄 60 n\n", encoding="utf-8")  # a changed dictionary
    assert frequencies.load(source, tmp_path / "cache").get("英雄") == 60


def test_a_folder_that_cannot_be_written_still_gives_the_frequencies(tmp_path):
    source = tmp_path / "dict.txt"
    source.write_text("烈士 100 n\n", encoding="utf-8")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert frequencies.load(source, blocked / "cache").get("烈士") == 100


def test_a_bad_dictionary_line_is_named(tmp_path):
    source = tmp_path / "dict.txt"
    source.write_text("烈士 100 n\n英雄 many n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        frequencies.load(source, tmp_path / "cache")
