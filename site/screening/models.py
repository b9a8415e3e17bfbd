"""The sensitive-word list (敏感词库) that staff keep in the admin."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from siteshell.screening.categories import WordCategory
from siteshell.screening.normalisation import normalise

#: Shortest word accepted, in characters after normalisation: a single character would flag
#: most honest messages.
MIN_WORD_LENGTH = 2
MAX_WORD_LENGTH = 50


def check_word(word, exclude_pk=None, unique=True):
    """The normalised form of ``word``, or a :class:`ValidationError` in Chinese: too long,
    nothing left after normalisation, too short, or (``unique``) already in the list in any
    spelling."""
    if len(word) > MAX_WORD_LENGTH:
        raise ValidationError(_("敏感词不能超过%(count)d个字。") % {"count": MAX_WORD_LENGTH}, code="too_long")
    normalised = normalise(word)
    if not normalised:
        raise ValidationError(_("敏感词不能只由空格、标点或符号组成。"), code="empty")
    if len(normalised) < MIN_WORD_LENGTH:
        raise ValidationError(
            _("敏感词至少要有%(count)d个字（不计空格和标点），单个字误报太多。") % {"count": MIN_WORD_LENGTH},
            code="too_short",
        )
    existing = unique and SensitiveWord.objects.filter(normalised=normalised).exclude(pk=exclude_pk).first()
    if existing:
        raise ValidationError(
            _("词库中已有“%(word)s”（%(category)s），繁简、全半角、大小写和标点不同也算同一个词。")
            % {"word": existing.word, "category": existing.get_category_display()},
            code="duplicate",
        )
    return normalised


class SensitiveWord(models.Model):
    """A word or phrase that marks a public submission for the moderator."""

    word = models.CharField(
        _("敏感词"),
        max_length=MAX_WORD_LENGTH,
        help_text=_(
            "匹配时不区分繁简体、全角半角和大小写，并忽略字间的空格和标点："
            "录入“代开发票”即可识别“代開發票”“代 开 发 票”“代*开*发*票”。"
        ),
    )
    #: The word as it is matched (see :func:`~siteshell.screening.normalisation.normalise`):
    #: unique, so one word cannot be entered twice in two spellings.
    normalised = models.CharField(_("匹配形式"), max_length=200, unique=True, editable=False)
    category = models.CharField(_("类别"), max_length=20, choices=WordCategory.choices, db_index=True)
    note = models.CharField(
        pgettext_lazy("sensitive word", "说明"),
        max_length=200,
        blank=True,
        help_text=_("可选：来源或添加原因，便于以后复核。"),
    )
    created_at = models.DateTimeField(_("添加时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("添加人"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: Part of the list's fingerprint that tells other processes to rebuild their automaton.
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词库")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip()
        self.normalised = normalise(self.word)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.word = (self.word or "").strip()
        try:
            self.normalised = check_word(self.word, exclude_pk=self.pk)
        except ValidationError as error:
            raise ValidationError({"word": error}) from None
