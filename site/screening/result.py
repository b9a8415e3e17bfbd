"""What screening a text answers: the words found, each with its category."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext as _

from siteshell.screening.categories import WordCategory, allows_bulk_approval, as_category


class Match(NamedTuple):
    """A word of the list found in the text, as staff entered it."""

    word: str
    #: A :class:`WordCategory` value (a plain string only for a category that no longer
    #: exists, read back from an old item).
    category: str

    @property
    def category_label(self):
        category = as_category(self.category)
        return category.label if isinstance(category, WordCategory) else category


@dataclass(frozen=True)
class ScreeningResult:
    """The distinct words found, in the order they first occur."""

    matches: tuple = ()

    @property
    def flagged(self) -> bool:
        """Whether the moderator must be told (at least one word was found)."""
        return bool(self.matches)

    @property
    def bulk_approvable(self) -> bool:
        """Whether the item may be approved together with others; ``False`` as soon as one
        match's category forbids it (see :data:`~siteshell.screening.categories.BULK_APPROVAL_FORBIDDEN`)."""
        return all(allows_bulk_approval(match.category) for match in self.matches)

    @property
    def words(self) -> tuple:
        return tuple(match.word for match in self.matches)

    @property
    def categories(self) -> tuple:
        """The categories found, each once, in the order of the matches."""
        return tuple(dict.fromkeys(match.category for match in self.matches))

    def summary(self) -> str:
        """One line for the moderator, e.g. “侮辱英烈：某词、某词；广告/垃圾信息：加微信”."""
        groups = {}
        for match in self.matches:
            groups.setdefault(match.category_label, []).append(match.word)
        separator = _("、")
        return _("；").join(
            _("%(category)s：%(words)s") % {"category": label, "words": separator.join(words)}
            for label, words in groups.items()
        )

    def as_json(self) -> list:
        """A list of ``{"word": …, "category": …}`` for a JSONField."""
        return [{"word": match.word, "category": str(match.category)} for match in self.matches]

    @classmethod
    def from_json(cls, data) -> ScreeningResult:
        """The result :meth:`as_json` stored; ``None``, an empty list and malformed entries
        give nothing rather than an error."""
        matches = []
        for entry in data or ():
            if not isinstance(entry, dict) or not entry.get("word") or not entry.get("category"):
                continue
            matches.append(Match(str(entry["word"]), as_category(entry["category"])))
        return cls(tuple(dict.fromkeys(matches)))
