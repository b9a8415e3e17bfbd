"""Bulk actions of the martyr record list (Wagtail's snippet bulk actions): publish or unpublish
the selected records at once, or — for staff who may not publish, when the records go through a
review workflow (内容审核) — submit them for review.

Publishing and unpublishing go in batches (``memorials.importing.publishing``: one ``UPDATE``
per batch, search documents and history entries written together), never one request per
record. Submitting starts Wagtail's workflow on each record, as the editor's 提交审核 does.
"Select all in listing" takes the listing's filters and search; at most :data:`LIMIT` records
per action (a whole import job is published from its own page instead).
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from wagtail.admin import messages
from wagtail.models import WorkflowState
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from memorials.admin_search import search_records
from memorials.filters import MartyrRecordAdminFilterSet
from memorials.importing.publishing import publish_selected, unpublish_selected
from memorials.models import MartyrRecord

#: Records one bulk action takes at most.
LIMIT = 1000
#: Records submitted for review at once (each starts a workflow and notifies the reviewers).
SUBMIT_LIMIT = 200
#: Records listed by name on the confirmation page.
LISTED = 50


class RecordBulkAction(SnippetBulkAction):
    models = [MartyrRecord]
    limit = LIMIT

    @cached_property
    def may_publish(self):
        return self.request.user.has_perm("memorials.publish_martyrrecord")

    @cached_property
    def workflow(self):
        return MartyrRecord().get_workflow()

    def listing_ids(self):
        """The ids the listing shows with its filters and search (for "select all in listing")."""
        queryset = MartyrRecordAdminFilterSet(self.request.GET, queryset=MartyrRecord.objects.all()).qs
        queryset = search_records(queryset, self.request.GET.get("q", ""), request=self.request)
        return queryset.order_by("-id").values_list("id", flat=True)[: self.limit + 1]

    def selected_ids(self):
        values = self.request.GET.getlist("id")
        if "all" in values:
            return list(self.listing_ids())
        return sorted({int(value) for value in values if value.isdigit() and len(value) < 19})

    @cached_property
    def _actionable(self):
        ids = self.selected_ids()
        self.too_many = len(ids) > self.limit
        if self.too_many or not ids:
            return [], {"items_with_no_access": []}
        objects, refused = [], []
        records = MartyrRecord.objects.filter(pk__in=ids).select_related("locked_by").order_by("-id")
        for record in records.defer("biography", "sources"):
            (objects if self.check_perm(record) else refused).append(record)
        return objects, {"items_with_no_access": refused}

    def get_actionable_objects(self):
        return self._actionable

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            too_many=self.too_many,
            limit=self.limit,
            listed=context["items"][:LISTED],
            more=max(0, len(context["items"]) - LISTED),
            may_publish=self.may_publish,
            no_action_button_text=_("取消"),
            **self.texts(),
        )
        return context

    def texts(self) -> dict:
        """``action_title``, ``action_button_text``, ``no_access_msg`` of the confirmation page."""
        return {}

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    def locked_by_others(self, record):
        return record.locked and record.locked_by_id != self.request.user.pk


class PublishRecordsBulkAction(RecordBulkAction):
    """发布; for staff who may not publish, 提交审核 (when a workflow applies)."""

    display_name = _("发布")
    # Not "publish": that name is the pages' bulk action, whose hooks expect pages.
    action_type = "publish_records"
    aria_label = _("发布选中的烈士档案（没有发布权限时提交审核）")
    template_name = "memorials/admin/bulk_publish_records.html"
    action_priority = 20

    @property
    def limit(self):
        return LIMIT if self.may_publish else SUBMIT_LIMIT

    def texts(self):
        if self.may_publish:
            return {
                "action_title": _("发布烈士档案"),
                "action_button_text": _("确认发布"),
                "no_access_msg": _("这些档案由他人锁定（正在编辑），不能发布："),
            }
        return {
            "action_title": _("提交审核"),
            "action_button_text": _("确认提交审核"),
            "no_access_msg": _("这些档案不能提交审核（已由他人锁定，或没有审核流程、没有编辑权限）："),
        }

    def check_perm(self, record):
        if self.locked_by_others(record):
            return False
        if self.may_publish:
            return True
        return self.workflow is not None and self.request.user.has_perm("memorials.change_martyrrecord")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        action = kwargs["self"]
        ids = [record.pk for record in objects]
        if action.may_publish:
            outcome = publish_selected(ids, user)
            done, action.blocked = outcome.published, outcome.blocked
        else:
            done = submit_for_review(objects, user, action.workflow)
        action.unchanged = len(ids) - done
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if self.may_publish:
            message = ngettext("已发布 %(count)d 条档案。", "已发布 %(count)d 条档案。", num_parent_objects)
        else:
            message = ngettext("已提交审核 %(count)d 条档案。", "已提交审核 %(count)d 条档案。", num_parent_objects)
        message %= {"count": num_parent_objects}
        for name, titles in getattr(self, "blocked", ()):
            messages.error(
                self.request,
                _("“%(record)s”未发布：所用图片“%(images)s”还没有替代文字。请填写替代文字或标为装饰性图片后再发布。")
                % {"record": name, "images": pgettext("between quoted image titles", "”“").join(titles)},
            )
        if self.unchanged:
            message += " " + (
                ngettext(
                    "%(count)d 条无需处理（已发布且没有修改，或已在审核中）。",
                    "%(count)d 条无需处理（已发布且没有修改，或已在审核中）。",
                    self.unchanged,
                )
                % {"count": self.unchanged}
            )
        return message


class UnpublishRecordsBulkAction(RecordBulkAction):
    display_name = _("取消发布")
    action_type = "unpublish_records"
    aria_label = _("取消发布选中的烈士档案")
    template_name = "memorials/admin/bulk_unpublish_records.html"
    action_priority = 25

    def check_perm(self, record):
        return self.may_publish and not self.locked_by_others(record)

    def texts(self):
        return {
            "action_title": _("取消发布烈士档案"),
            "action_button_text": _("确认取消发布"),
            "action_button_class": "serious",
            "no_access_msg": _("这些档案不能取消发布（没有发布权限，或已由他人锁定）："),
        }

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        action = kwargs["self"]
        done = unpublish_selected([record.pk for record in objects], user)
        action.unchanged = len(objects) - done
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext("已取消发布 %(count)d 条档案。", "已取消发布 %(count)d 条档案。", num_parent_objects) % {
            "count": num_parent_objects
        }
        if self.unchanged:
            message += " " + (
                ngettext("%(count)d 条原本就未发布。", "%(count)d 条原本就未发布。", self.unchanged)
                % {"count": self.unchanged}
            )
        return message


def submit_for_review(records, user, workflow) -> int:
    """Start ``workflow`` on each record that has something to publish and is not in review
    already, as 提交审核 in the editor does (a draft the import wrote in place gets its first
    revision); the number submitted."""
    if workflow is None:
        return 0
    in_review = set(
        WorkflowState.objects.filter(
            base_content_type=MartyrRecord().get_base_content_type(),
            object_id__in=[str(record.pk) for record in records],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", flat=True)
    )
    submitted = 0
    for record in records:
        if str(record.pk) in in_review or (record.live and not record.has_unpublished_changes):
            continue
        record = MartyrRecord.objects.get(pk=record.pk)
        if record.latest_revision_id is None:
            # The review looks at a revision: the values as they stand (imported data as it is).
            record.save_revision(user=user, log_action=True, clean=False)
        workflow.start(record, user)
        submitted += 1
    return submitted
