"""The extra words that staff teach the Chinese tokenizer (搜索词典).

Saving or deleting a term refreshes this process's tokenizer at once (``search.signals``); the
other processes pick the change up within ``SEARCH_DICTIONARY_CHECK_SECONDS``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SearchTerm(models.Model):
    """A word jieba should keep whole: a place, a unit, a campaign, a martyr's name."""

    term = models.CharField(
        _("词语"),
        max_length=40,
        unique=True,
        help_text=_("搜索时作为一个整体的词，例如“光荣之家”“红星班”。添加后建议在维护时段重建搜索索引。"),
    )
    note = models.CharField(pgettext_lazy("search term", "说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("添加时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("搜索词典词条")
        verbose_name_plural = _("搜索词典")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def clean(self):
        super().clean()
        self.term = self.term.strip()
