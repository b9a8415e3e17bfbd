"""What staff keep for the search: extra words for the Chinese tokenizer (搜索词典) and groups
of synonyms (搜索同义词).

Saving or deleting one refreshes this process at once (``search.signals``); the other processes
pick the change up within ``SEARCH_DICTIONARY_CHECK_SECONDS``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from search.analysis import normalize
from search.analysis.synonyms import MAX_GROUP_WORDS, searchable, split_words


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


class SearchSynonym(models.Model):
    """Words that mean the same thing to a visitor (抚恤，抚恤金): searching for one finds the others.

    Applied when a query is built, on every backend; saving a group takes effect at once in
    this process and within ``SEARCH_DICTIONARY_CHECK_SECONDS`` in the others, without
    re-indexing (see :mod:`search.analysis.synonyms`).
    """

    words = models.CharField(
        _("同义词"),
        max_length=400,
        help_text=_(
            "意思相同的几个词，用逗号或顿号隔开，例如“抚恤，抚恤金”。搜索其中任何一个词，也会找到写着其他词的内容。"
        ),
    )
    note = models.CharField(pgettext_lazy("search synonym", "说明"), max_length=200, blank=True)
    active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(_("添加时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("同义词组")
        verbose_name_plural = _("搜索同义词")
        ordering = ["words"]

    def __str__(self):
        return self.words

    def word_list(self):
        return split_words(self.words)

    def clean(self):
        super().clean()
        words = self.word_list()
        self.words = "，".join(words)
        if len({normalize(word) for word in words}) < 2:
            raise ValidationError({"words": _("请至少填写两个不同的词，用逗号或顿号隔开。")})
        if len(words) > MAX_GROUP_WORDS:
            raise ValidationError({"words": _("一组最多 %(count)d 个词。") % {"count": MAX_GROUP_WORDS}})
        for word in words:
            if len(word) > 40:
                raise ValidationError({"words": _("“%(word)s”太长：每个词最多 40 个字。") % {"word": word[:40]}})
            if not searchable(word):
                raise ValidationError({"words": _("“%(word)s”不是可以搜索的词。") % {"word": word}})
        if self.active:
            taken = {normalize(word) for word in words}
            for other in SearchSynonym.objects.filter(active=True).exclude(pk=self.pk):
                clash = taken & {normalize(word) for word in other.word_list()}
                if clash:
                    raise ValidationError(
                        {"words": _("“%(word)s”已在另一组同义词“%(group)s”中。") % {"word": min(clash), "group": other}}
                    )
