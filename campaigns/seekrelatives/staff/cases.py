"""The cases list and a case's page: its martyr, its clues (senders masked, in full only for
寻亲专班 with a verified second factor, each view logged), their additions and attachments, the
messages sent, internal notes, the history, and one form per step."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.log_actions import registry as log_registry

from campaigns.seekrelatives import access, grouping, stories, workflow
from campaigns.seekrelatives.models import Clue, ClueAddition, ClueCase
from campaigns.seekrelatives.staff import forms as staff_forms
from campaigns.seekrelatives.stages import FINISHED, Stage
from memorials.interface import record_summary, record_url
from siteshell.inputs import MAX_PAGE, bounded_int, clean_text
from siteshell.moderation import service as moderation
from siteshell.moderation.models import ModerationStatus
from siteshell.privacy.masking import mask

can_view_cases = permission_required("seekrelatives.view_cluecase", raise_exception=True)
PER_PAGE = 50


@can_view_cases
def case_list(request):
    """The cases, newest first; filters: stage, mine, overdue, a reference or a name."""
    cases = (
        ClueCase.objects.active()
        .select_related("assignee", "record")
        .annotate(
            clue_count=Count("clues", distinct=True),
            pending_count=Count("clues", filter=Q(clues__moderation_status=ModerationStatus.PENDING), distinct=True),
        )
        .order_by("-opened_at", "-id")
    )
    stage = request.GET.get("stage", "")
    if stage in Stage.values:
        cases = cases.filter(stage=stage)
    else:
        stage = ""
    mine = request.GET.get("mine") == "1"
    if mine:
        cases = cases.filter(assignee=request.user)
    overdue = request.GET.get("overdue") == "1"
    if overdue:
        cases = cases.exclude(stage__in=FINISHED).filter(deadline__lt=timezone.localdate())
    query = clean_text(request.GET.get("q", ""), max_length=50).strip()
    if query:
        cases = cases.filter(Q(reference__iexact=query) | Q(martyr_name__contains=query))
    page = Paginator(cases, PER_PAGE).get_page(bounded_int(request.GET.get("p"), maximum=MAX_PAGE, default=1))
    return TemplateResponse(
        request,
        "seekrelatives/admin/case_list.html",
        {
            "page_title": _("寻亲案件"),
            "header_icon": "folder-open-inverse",
            "cases": page,
            "stages": Stage.choices,
            "stage": stage,
            "mine": mine,
            "overdue": overdue,
            "query": query,
        },
    )


# -- one case -----------------------------------------------------------------------------------


def clue_view(clue, request, revealed_pk=None):
    """A clue as the page shows it: the sender masked, or in full (logged) when revealed; what
    the sender wrote only to 寻亲专班 (others see how long it is)."""
    if revealed_pk == clue.pk:
        personal, revealed = access.reveal(clue, request.user), True
    else:
        personal, revealed = access.masked(clue), False
    readable = access.may_read_clues(request.user)
    additions = list(clue.additions.order_by("submitted_at"))
    return {
        "clue": clue,
        "text": clue.knowledge if readable else mask(clue.knowledge, "text"),
        "personal": personal,
        "revealed": revealed,
        "additions": [(addition, addition.text if readable else mask(addition.text, "text")) for addition in additions],
        "attachments": list(clue.attachments.all()),
        "messages": list(clue.messages.select_related("sent_by").order_by("created_at")),
    }


STEP_FORMS = {
    "stage": staff_forms.StageForm,
    "message": staff_forms.MessageForm,
    "assign": staff_forms.AssignForm,
    "dna": staff_forms.DnaForm,
    "note": staff_forms.NoteForm,
    "consent": staff_forms.ConsentForm,
    "link": staff_forms.LinkRecordForm,
    "move": staff_forms.MoveClueForm,
    "merge": staff_forms.MergeForm,
    "decide": staff_forms.DecisionForm,
}
NEEDS_CASE = {"stage", "message", "move"}


def step_forms(case, bound=None):
    forms = {}
    for name, form_class in STEP_FORMS.items():
        kwargs = {"case": case} if name in NEEDS_CASE else {}
        if bound is not None and bound[0] == name:
            forms[name] = bound[1]
        elif name == "assign":
            forms[name] = form_class(initial={"assignee": case.assignee, "deadline": case.deadline})
        elif name == "dna":
            forms[name] = form_class(
                initial={
                    "dna_sampled_on": case.dna_sampled_on,
                    "dna_lab": case.dna_lab,
                    "dna_lab_reference": case.dna_lab_reference,
                    "dna_result_on": case.dna_result_on,
                }
            )
        elif name == "consent":
            forms[name] = form_class(
                initial={
                    "story_consent_on": case.story_consent_on,
                    "story_consent_reference": case.story_consent_reference,
                    "story_names_consent": case.story_names_consent,
                }
            )
        else:
            forms[name] = form_class(**kwargs)
    return forms


def case_context(request, case, *, bound=None, revealed_pk=None):
    clues = case.clues.select_related("record").order_by("submitted_at", "id")
    history = log_registry.get_logs_for_instance(case).select_related("user").order_by("-timestamp", "-id")[:100]
    return {
        "page_title": str(case),
        "header_icon": "folder-open-inverse",
        "case": case,
        "summary": record_summary(case.record) if case.record_id else None,
        "record_url": record_url(case.record, request) if case.record_id else "",
        "clues": [clue_view(clue, request, revealed_pk) for clue in clues],
        "notes": list(case.notes.select_related("author")),
        "history": history,
        "stories": list(case.stories.all()),
        "can_change": request.user.has_perm("seekrelatives.change_cluecase") and not case.merged_into_id,
        "can_view_full": access.can_view_full(request),
        "needs_second_factor": request.user.has_perm(access.PERMISSION) and not access.can_view_full(request),
        "forms": step_forms(case, bound),
        "stage_is_finished": case.stage in FINISHED,
    }


def _case_by_reference(reference):
    case = ClueCase.objects.filter(reference__iexact=(reference or "").strip()).first()
    if case is None:
        raise workflow.CaseError(_("没有编号为“%(reference)s”的案件") % {"reference": (reference or "").strip()})
    return case


def _moderated_item(case, key):
    kind, _sep, pk = (key or "").partition("-")
    pk = bounded_int(pk)
    if pk is None:
        return None
    if kind == "clue":
        return Clue.objects.filter(case=case, pk=pk).first()
    if kind == "addition":
        return ClueAddition.objects.filter(clue__case=case, pk=pk).first()
    return None


def take_step(request, case, name, form):
    """Do the step ``name`` with its valid ``form``; the message for the user."""
    data, user = form.cleaned_data, request.user
    if name == "stage":
        workflow.change_stage(
            case, data["target"], user, message=form.message_to_send(), clues=list(data["clues"] or []), request=request
        )
        return _("案件已转到“%(stage)s”。") % {"stage": case.get_stage_display()}
    if name == "message":
        count = workflow.send_message(case, list(data["clues"]), data["text"], user, request=request)
        return _("已给 %(count)d 位提交人发送消息。") % {"count": count}
    if name == "assign":
        workflow.assign(case, data["assignee"], data["deadline"], user)
        return _("承办人和办理期限已保存。")
    if name == "dna":
        workflow.record_dna(
            case,
            user,
            sampled_on=data["dna_sampled_on"],
            lab=data["dna_lab"],
            lab_reference=data["dna_lab_reference"],
            result_on=data["dna_result_on"],
        )
        return _("DNA比对信息已保存。")
    if name == "note":
        workflow.add_note(case, data["text"], user)
        return _("内部记录已保存。")
    if name == "consent":
        workflow.record_story_consent(
            case,
            user,
            consent_on=data["story_consent_on"],
            reference=data["story_consent_reference"],
            names=data["story_names_consent"],
        )
        return _("家属的书面同意已记录。")
    if name == "link":
        target = grouping.link_record(case, data["record"], user)
        return _("已关联烈士档案，线索在案件 %(reference)s 中。") % {"reference": target.reference}
    if name == "move":
        target = _case_by_reference(data["target"]) if data["target"].strip() else None
        target = grouping.move_clue(data["clue"], target, user)
        return _("线索已移到案件 %(reference)s。") % {"reference": target.reference}
    if name == "merge":
        target = grouping.merge(case, _case_by_reference(data["target"]), user)
        return _("案件已并入 %(reference)s。") % {"reference": target.reference}
    if name == "decide":
        item = _moderated_item(case, data["item"])
        if item is None:
            raise workflow.CaseError(_("没有找到这条线索"))
        if data["decision"] == "approve":
            moderation.approve(item, user)
            return _("已受理。")
        moderation.reject(item, user, data["reason"])
        return _("已决定不予受理。")
    raise Http404


@can_view_cases
@require_http_methods(["GET", "POST"])
def case_detail(request, pk):
    case = get_object_or_404(ClueCase.objects.select_related("record", "assignee", "merged_into"), pk=pk)
    if request.method == "GET":
        return TemplateResponse(request, "seekrelatives/admin/case_detail.html", case_context(request, case))
    action = request.POST.get("action", "")
    if action == "reveal":
        if not access.can_view_full(request):
            raise PermissionDenied
        clue = case.clues.filter(pk=bounded_int(request.POST.get("clue"))).first()
        if clue is None:
            raise Http404
        return TemplateResponse(
            request, "seekrelatives/admin/case_detail.html", case_context(request, case, revealed_pk=clue.pk)
        )
    if not request.user.has_perm("seekrelatives.change_cluecase"):
        raise PermissionDenied
    if action == "story":
        try:
            story = stories.create_story_draft(case, request.user)
        except workflow.CaseError as error:
            messages.error(request, str(error))
            return redirect("seekrelatives_admin:case", pk=case.pk)
        messages.success(request, _("成功故事的草稿已建立，请撰写后提交审核。"))
        return redirect("wagtailadmin_pages:edit", story.pk)
    form_class = STEP_FORMS.get(action)
    if form_class is None:
        raise Http404
    form = form_class(request.POST, case=case) if action in NEEDS_CASE else form_class(request.POST)
    if form.is_valid():
        try:
            message = take_step(request, case, action, form)
        except (workflow.CaseError, grouping.GroupingError, moderation.ModerationError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, message)
            return redirect(reverse("seekrelatives_admin:case", args=[case.pk]) + f"#{action}")
    messages.error(request, _("未能保存，请查看表单中的提示。"))
    context = case_context(request, case, bound=(action, form))
    return TemplateResponse(request, "seekrelatives/admin/case_detail.html", context, status=200)
