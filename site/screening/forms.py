from django import forms
from django.utils.translation import gettext_lazy as _

from siteshell.screening.categories import WordCategory
from siteshell.screening.wordlists import split_pasted_words

#: Most words one paste may add (a bureau's larger list goes through ``load_sensitive_words``).
MAX_PASTED_WORDS = 2000
#: Longest text the test box screens.
MAX_TEST_TEXT = 20_000


class BulkAddForm(forms.Form):
    words = forms.CharField(
        label=_("敏感词"),
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": _("请至少输入一个词。")},
        help_text=_("每行一个词（也可用逗号或顿号分隔）。词库中已有的词会列出并跳过，不会重复添加。"),
    )
    category = forms.ChoiceField(label=_("类别"), choices=WordCategory.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("说明"),
        max_length=200,
        required=False,
        help_text=_("可选：这批词的来源或添加原因，记在每个词上。"),
    )

    def clean_words(self):
        words = split_pasted_words(self.cleaned_data["words"])
        if not words:
            raise forms.ValidationError(_("请至少输入一个词。"))
        if len(words) > MAX_PASTED_WORDS:
            raise forms.ValidationError(
                _("一次最多添加%(max)d个词（本次%(count)d个），请分批添加。")
                % {"max": MAX_PASTED_WORDS, "count": len(words)}
            )
        return words


class TestTextForm(forms.Form):
    text = forms.CharField(
        label=_("要检测的文本"),
        max_length=MAX_TEST_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("请粘贴要检测的文本。"),
            "max_length": _("文本太长：最多%(limit_value)d个字，当前%(show_value)d个字。"),
        },
        help_text=_("粘贴一段留言或文章，查看会命中词库中的哪些词。文本不会保存。"),
    )
