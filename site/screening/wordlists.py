"""Word lists in bulk: the starter list shipped with the app, and many words added at once
(the admin's 批量添加, the ``load_sensitive_words`` command)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from siteshell.screening.categories import WordCategory

STARTER_WORDS_FILE = Path(__file__).resolve().parent / "starter_words.txt"

#: What separates pasted words: lines, and the commas and enumeration marks staff often use.
PASTE_SEPARATORS_RE = re.compile(r"[\r\n,，、;；]+")


def parse_word_file(text) -> list:
    """``(category, word)`` pairs of a ``category<TAB>word`` file (``#`` comments, blank lines
    ignored); a :class:`ValueError` names the first bad line."""
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        category, tab, word = line.partition("\t")
        category, word = category.strip(), word.strip()
        if not tab or not word or category not in WordCategory.values:
            raise ValueError(
                _("第%(number)d行格式不对，应为“类别<TAB>词语”，类别为 %(categories)s 之一：%(line)s")
                % {"number": number, "categories": "、".join(WordCategory.values), "line": line}
            )
        pairs.append((category, word))
    return pairs


def starter_words() -> list:
    return parse_word_file(STARTER_WORDS_FILE.read_text(encoding="utf-8"))


def split_pasted_words(text) -> list:
    """The words of a pasted text, one per line (or separated by commas/顿号), trimmed."""
    return [word.strip() for word in PASTE_SEPARATORS_RE.split(text or "") if word.strip()]


@dataclass
class AddReport:
    """What :func:`add_words` did with each word given."""

    added: list = field(default_factory=list)
    #: ``(word given, the SensitiveWord already in the list)``: the same after normalisation
    #: (also when the word was given twice).
    duplicates: list = field(default_factory=list)
    #: ``(word given, the reason in Chinese)``: too long, too short, punctuation only.
    invalid: list = field(default_factory=list)


def add_words(pairs, user=None, note="") -> AddReport:
    """Add ``(category, word)`` pairs to the list, each logged (``wagtail.create``) as if added
    one by one in the admin; words already in the list (in any spelling) or given twice are
    reported, not errors."""
    from wagtail.log_actions import log

    from siteshell.screening.models import SensitiveWord, check_word

    report = AddReport()
    with transaction.atomic():
        for category, word in pairs:
            word = word.strip()
            try:
                normalised = check_word(word, unique=False)
            except ValidationError as error:
                report.invalid.append((word, " ".join(error.messages)))
                continue
            existing = SensitiveWord.objects.filter(normalised=normalised).first()
            if existing is not None:
                report.duplicates.append((word, existing))
                continue
            instance = SensitiveWord.objects.create(word=word, category=category, note=note, created_by=user)
            log(instance=instance, action="wagtail.create", user=user, content_changed=True)
            report.added.append(instance)
    return report
