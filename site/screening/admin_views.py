"""The word list's own admin pages beside the snippet listing: 批量添加 (paste many words with
one category) and 检测文本 (which words a text would hit)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from siteshell.screening.forms import BulkAddForm, TestTextForm
from siteshell.screening.matcher import get_word_list, screen_with
from siteshell.screening.normalisation import normalise
from siteshell.screening.wordlists import add_words


class WordListAdminView(WagtailAdminTemplateMixin, FormView):
    """A form page under 敏感词库, with its breadcrumbs; set up by the viewset."""

    #: The snippet viewset's permission policy and list URL name (passed to ``as_view``).
    permission_policy = None
    index_url_name = None
    index_label = ""
    #: Actions of which the user needs one.
    required_actions = ()

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(request.user, self.required_actions):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.index_label},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["index_url"] = reverse(self.index_url_name)
        return context


class BulkAddView(WordListAdminView):
    template_name = "screening/admin/bulk_add.html"
    form_class = BulkAddForm
    page_title = gettext_lazy("批量添加敏感词")
    required_actions = ("add",)

    def form_valid(self, form):
        category = form.cleaned_data["category"]
        report = add_words(
            [(category, word) for word in form.cleaned_data["words"]],
            user=self.request.user,
            note=form.cleaned_data["note"],
        )
        if report.added:
            messages.success(self.request, _("已添加%(count)d个敏感词。") % {"count": len(report.added)})
        else:
            messages.warning(self.request, _("没有添加新词。"))
        # A fresh form for the next batch, with the same category; the report below it.
        form = self.form_class(initial={"category": category})
        return self.render_to_response(self.get_context_data(form=form, report=report))


class TestTextView(WordListAdminView):
    template_name = "screening/admin/test_text.html"
    form_class = TestTextForm
    page_title = gettext_lazy("检测文本")
    required_actions = ("add", "change", "delete", "view")

    def form_valid(self, form):
        text = form.cleaned_data["text"]
        word_list = get_word_list()
        result = screen_with(word_list, [text])
        context = self.get_context_data(
            form=form,
            result=result,
            normalised=normalise(text),
            list_size=word_list.size if word_list else 0,
        )
        return self.render_to_response(context)
