"""Sensitive-word screening speed: 500-character messages against a 10,000-word list.

    nice -n 10 python bench/screening_bench.py
    nice -n 10 python bench/screening_bench.py --words 50000 --messages 2000

Fills a throwaway database (``/tmp/screening_bench.sqlite3`` unless DATABASE_URL is set; its
word list is replaced) with the starter list plus generated words: real Chinese words of 2–6
characters drawn (with a fixed seed) from the rarest entries of jieba's dictionary, as a
bureau's list holds phrases rather than everyday words (those found in the clean prose are left out). Messages are 500 characters of
tribute-message prose; a share of them carry one to three list words disguised as people do
(traditional characters, spaces or punctuation between characters, full-width letters).

Prints, in microseconds (wall clock, and CPU time of the thread, which a busy machine does not
inflate), p50/p99 of ``screen()`` as a submission calls it (the process's
automaton already built, the list checked as in production every SCREENING_CHECK_SECONDS) and
of the normalisation alone; the time to load and build the automaton after a list change; and
how many clean and disguised messages were flagged. Goal: ``screen()`` under 1 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--words", type=int, default=10_000, help="size of the word list")
parser.add_argument("--messages", type=int, default=1000, help="distinct messages screened")
parser.add_argument("--length", type=int, default=500, help="characters per message")
parser.add_argument("--repeat", type=int, default=5, help="times every message is screened")
parser.add_argument("--flagged-share", type=float, default=0.3, help="share of messages carrying list words")
ARGS = parser.parse_args()

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.dev")
os.environ.setdefault("SITE_PLUGINS", "")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/screening_bench.sqlite3")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from siteshell.screening import invalidate, normalise, screen  # noqa: E402
from siteshell.screening.models import SensitiveWord  # noqa: E402
from siteshell.screening.wordlists import starter_words  # noqa: E402

SEED = 11
CJK = (0x4E00, 0x9FFF)
CATEGORIES = ["insult", "politics", "spam", "spam", "obscenity"]
SENTENCES = [
    "清明时节，我们怀着崇敬的心情来到烈士陵园，向长眠于此的英雄献上鲜花。",
    "爷爷生前常说，是无数先烈用生命换来了今天的和平生活，我们要永远铭记。",
    "纪念碑前，少先队员们庄严宣誓，表示要继承先烈遗志，好好学习。",
    "感谢退役军人事务局的工作人员，帮我们找到了大伯安葬的地方。",
    "七十多年过去了，家里人一直在寻找他的下落，今天终于可以告慰奶奶。",
    "英雄的名字刻在石碑上，也刻在我们每一个人的心里。",
    "我们全家从外地赶来，在墓前摆上家乡的泥土和一壶老酒。",
    "志愿军战士在异国他乡浴血奋战，保家卫国，他们是最可爱的人。",
    "每年的这个时候，学校都会组织同学们来这里开展祭扫活动。",
    "向英雄致敬！愿山河无恙，家国安宁，先烈们可以安息了。",
    "讲解员讲述了烈士们在战斗中英勇牺牲的事迹，大家听得热泪盈眶。",
    "我是一名退伍老兵，看到战友的名字出现在名录上，心里百感交集。",
    "希望有更多的年轻人了解这段历史，珍惜来之不易的幸福生活。",
    "陵园环境整洁肃穆，工作人员把每一座墓碑都擦拭得干干净净。",
    "伯父牺牲时只有十九岁，我们按照档案上的记录找到了他的墓位。",
    "致敬最可爱的人！你们的付出，祖国和人民永远不会忘记。",
]


def realistic_words(count, rng):
    """Rarer dictionary words of 2–6 Chinese characters (phrases, names, terms)."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    candidates = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word, frequency, _tag = line.split(" ")
        if 2 <= len(word) <= 6 and int(frequency) <= 3 and all(CJK[0] <= ord(c) <= CJK[1] for c in word):
            candidates.append(word)
    rng.shuffle(candidates)
    return candidates[:count]


def fill(total, rng):
    """Replace the list with the starter words and generated ones up to ``total``."""
    SensitiveWord.objects.all().delete()
    rows, seen = [], set()
    for category, word in starter_words():
        seen.add(normalise(word))
        rows.append(SensitiveWord(word=word, normalised=normalise(word), category=category, note="初始词库"))
    prose = normalise("".join(SENTENCES))
    for word in realistic_words(total * 2, rng):
        if len(rows) >= total:
            break
        key = normalise(word)
        # A word of the clean prose (such as 中英 of 战斗中英勇) would flag every message.
        if key and key not in seen and key not in prose:
            seen.add(key)
            rows.append(SensitiveWord(word=word, normalised=key, category=rng.choice(CATEGORIES)))
    SensitiveWord.objects.bulk_create(rows, batch_size=2000)
    return [row.word for row in rows]


def disguise(word, rng, to_traditional):
    style = rng.randrange(4)
    if style == 0:
        return to_traditional.convert(word)
    if style == 1:
        return " ".join(word)
    if style == 2:
        return rng.choice("*·.-_、").join(word)
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)  # full-width


def messages(count, length, words, rng):
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    clean, flagged = [], []
    for number in range(count):
        text = ""
        while len(text) < length:
            text += rng.choice(SENTENCES)
        text = text[:length]
        if number < count * ARGS.flagged_share:
            for hidden in rng.sample(words, rng.randint(1, 3)):
                at = rng.randrange(len(text))
                text = text[:at] + disguise(hidden, rng, to_traditional) + text[at:]
            flagged.append(text[:length] if len(text) > length + 40 else text)
        else:
            clean.append(text)
    return clean, flagged


def percentiles(samples_ns):
    ordered = sorted(samples_ns)
    p50 = statistics.median(ordered) / 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] / 1000
    return p50, p99


def timed(function, texts, repeat):
    """Wall-clock and CPU (this thread's) nanoseconds of every call."""
    for text in texts[:50]:
        function(text)  # warm up
    wall, cpu = [], []
    wall_clock, cpu_clock = time.perf_counter_ns, time.thread_time_ns
    for _ in range(repeat):
        for text in texts:
            started, started_cpu = wall_clock(), cpu_clock()
            function(text)
            cpu.append(cpu_clock() - started_cpu)
            wall.append(wall_clock() - started)
    return wall, cpu


def report(label, function, texts):
    wall, cpu = timed(function, texts, ARGS.repeat)
    (wall50, wall99), (cpu50, cpu99) = percentiles(wall), percentiles(cpu)
    print(f"{label:<12} wall p50 {wall50:7.1f} µs  p99 {wall99:7.1f} µs   CPU p50 {cpu50:7.1f} µs  p99 {cpu99:7.1f} µs")
    return wall99


def main():
    rng = random.Random(SEED)
    call_command("migrate", verbosity=0)
    words = fill(ARGS.words, rng)
    print(f"word list: {SensitiveWord.objects.count():,} words")

    builds = []
    for _ in range(3):
        invalidate()
        started = time.perf_counter()
        screen("建表")
        builds.append((time.perf_counter() - started) * 1000)
    print(f"load + build the automaton after a change: {statistics.median(builds):.0f} ms (median of 3)")

    clean, flagged = messages(ARGS.messages, ARGS.length, words, rng)
    texts = clean + flagged
    rng.shuffle(texts)
    average = sum(map(len, texts)) / len(texts)
    print(f"messages: {len(texts):,} ({len(flagged)} with disguised list words), {average:.0f} characters on average")

    print(
        f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (wall p99 suffers from a busy machine)"
    )
    report("normalise()", normalise, texts)
    wall99 = report("screen()", screen, texts)
    report("  clean", screen, clean)
    report("  disguised", screen, flagged)

    caught = sum(screen(text).flagged for text in flagged)
    false_alarms = sum(screen(text).flagged for text in clean)
    print(f"disguised messages flagged: {caught}/{len(flagged)}; clean messages flagged: {false_alarms}/{len(clean)}")
    print(f"goal screen() < 1000 µs at p99 (wall): {'met' if wall99 < 1000 else 'NOT met'}")


if __name__ == "__main__":
    main()
