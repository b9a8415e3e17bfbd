"""The forms of a case's page: one per step, each posted with its ``action``."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.seekrelatives.stages import STANDARD_MESSAGES, Stage, allowed_moves
from memorials.interface import get_published_record

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


def case_officers():
    """Who may be assigned a case: active staff who may work cases."""
    may_work = Permission.objects.filter(codename="change_cluecase", content_type__app_label="seekrelatives")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__in=may_work) | Q(user_permissions__in=may_work))
        .distinct()
        .order_by("username")
    )


class ClueChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, clue):
        return _("线索 %(number)s（%(relationship)s，%(date)s）") % {
            "number": clue.pk,
            "relationship": clue.get_relationship_display(),
            "date": f"{clue.submitted_at:%Y-%m-%d}",
        }


class StageForm(forms.Form):
    """The next stage, and whether (and what) to tell the senders ticked: their own words, or
    the standard words of the stage reached (``stages.STANDARD_MESSAGES``)."""

    target = forms.ChoiceField(label=_("转到"))
    notify = forms.BooleanField(label=_("通知提交人（短信提醒查看进度页）"), required=False, initial=True)
    message = forms.CharField(
        label=_("给提交人的话（选填）"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("留空则用该阶段的标准用语，例如核实中：“工作人员正在核实您提供的线索……”"),
    )
    clues = ClueChoiceField(
        label=_("通知哪些提交人"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(value, Stage(value).label) for value in allowed_moves(case.stage)]
        accepted = case.clues.filter(moderation_status="approved")
        self.fields["clues"].queryset = accepted
        self.initial.setdefault("clues", list(accepted))

    def message_to_send(self) -> str:
        """What the senders are told ("" for nothing)."""
        if not self.cleaned_data.get("notify"):
            return ""
        return self.cleaned_data.get("message", "").strip() or str(
            STANDARD_MESSAGES.get(self.cleaned_data["target"], "")
        )


class MessageForm(forms.Form):
    text = forms.CharField(label=_("消息"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    clues = ClueChoiceField(label=_("发给"), queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clues"].queryset = case.clues.filter(moderation_status="approved")


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("承办人"), queryset=None, required=False, empty_label=_("（未指定）"))
    deadline = forms.DateField(label=_("办理期限"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = case_officers()


class DnaForm(forms.Form):
    """Dates and the laboratory's reference; the form has no place for genetic data."""

    dna_sampled_on = forms.DateField(label=_("DNA采样日期"), required=False, widget=DATE_INPUT)
    dna_lab = forms.CharField(label=_("比对机构"), required=False, max_length=100)
    dna_lab_reference = forms.CharField(label=_("机构受理编号"), required=False, max_length=64)
    dna_result_on = forms.DateField(label=_("比对结果日期"), required=False, widget=DATE_INPUT)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("内部记录（不会告诉提交人）"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConsentForm(forms.Form):
    story_consent_on = forms.DateField(label=_("家属书面同意日期"), widget=DATE_INPUT)
    story_consent_reference = forms.CharField(label=_("同意书存档编号"), max_length=64)
    story_names_consent = forms.BooleanField(label=_("家属同意公开在世亲属的姓名"), required=False)


class LinkRecordForm(forms.Form):
    record = forms.IntegerField(
        label=_("烈士档案的 id"),
        min_value=1,
        help_text=_("在英名录中找到这位烈士，填写档案地址中的数字（/martyrs/123/ 中的 123）"),
    )

    def clean_record(self):
        record = get_published_record(self.cleaned_data["record"])
        if record is None:
            raise forms.ValidationError(_("没有找到这条已公布的烈士档案"))
        return record


class MoveClueForm(forms.Form):
    clue = forms.ModelChoiceField(label=_("线索"), queryset=None)
    target = forms.CharField(
        label=_("移到案件"), required=False, max_length=20, help_text=_("填写案件编号；留空则单独立一个新案件")
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clue"].queryset = case.clues.all()


class MergeForm(forms.Form):
    target = forms.CharField(label=_("并入案件"), max_length=20, help_text=_("填写要并入的案件编号"))


class DecisionForm(forms.Form):
    """受理 (the moderation service's approve) or 不予受理 (reject, with a reason)."""

    item = forms.CharField(max_length=40)
    decision = forms.ChoiceField(choices=[("approve", _("受理")), ("reject", _("不予受理"))])
    reason = forms.CharField(label=_("理由"), required=False, max_length=500)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("不予受理时请填写理由"))
        return cleaned
