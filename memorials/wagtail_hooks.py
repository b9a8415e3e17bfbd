"""Admin: records and facilities as snippets; import and review views. The public's corrections
are reviewed in the shell's moderation inbox (待办), like everything else the public submits.

The plugin's own admin URLs live in the ``memorials_admin`` namespace
(``reverse("memorials_admin:import")`` → ``/admin/memorials/import/``).
"""

import csv

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.views.mixins import Echo
from wagtail.models import Revision
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from memorials import admin_job_actions, admin_views, corrections
from memorials.admin_history import RecordHistoryView
from memorials.admin_search import search_records
from memorials.bulk_actions import PublishRecordsBulkAction, UnpublishRecordsBulkAction
from memorials.exporter import EXPORT_HEADINGS, EXPORT_KEYS, export_row
from memorials.filters import MartyrRecordAdminFilterSet
from memorials.models import MartyrRecord, MemorialFacility
from memorials.pagination import ADMIN_COUNT_CAP, CappedCountPaginator

#: Wagtail's own words for a status, translated by Wagtail's catalogue (this name keeps them out
#: of the plugin's).
wagtail_word = _


def record_status(record):
    """The status tag of :class:`~wagtail.models.DraftStateMixin`, from the scheduled flag that
    the listing looked up for the whole page (``status_string`` queries it row by row)."""
    scheduled = getattr(record, "listing_scheduled", None)
    if scheduled is None:
        return record.status_string
    if not record.live:
        if record.expired:
            return wagtail_word("expired")
        return wagtail_word("scheduled") if scheduled else wagtail_word("draft")
    if scheduled:
        return wagtail_word("live + scheduled")
    return wagtail_word("live + draft") if record.has_unpublished_changes else wagtail_word("live")


class MartyrRecordIndexView(IndexView):
    """The record list; exports use the import headers so that export → import round-trips.

    At millions of rows: the count is capped (:class:`CappedCountPaginator`), only indexed
    columns sort, the filters use the ``(live, <field>, id)`` indexes and the search finds
    fragments of names and codes through indexes only (:mod:`memorials.admin_search`).
    """

    paginator_class = CappedCountPaginator

    @property
    def count_cap(self):
        return getattr(settings, "MEMORIALS_ADMIN_COUNT_CAP", ADMIN_COUNT_CAP)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        ordering = self.ordering if isinstance(self.ordering, (list, tuple)) else [self.ordering]
        parts = None
        if getattr(self.filters, "both_states", False) and list(ordering) in (["-id"], ["id"]):
            # Published and drafts, newest first: each state's ``(live, <field>, id)`` index
            # lists its records in id order; merging the two needs no sort.
            parts = [Q(live__in=[True]), Q(live__in=[False])]
        return self.paginator_class(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            cap=self.count_cap,
            parts=parts,
            **kwargs,
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        records = list(object_list)
        # One query for the page instead of one per row (see record_status).
        scheduled = (
            set(
                Revision.objects.filter(
                    base_content_type=ContentType.objects.get_for_model(MartyrRecord),
                    object_id__in=[str(record.pk) for record in records],
                    approved_go_live_at__isnull=False,
                ).values_list("object_id", flat=True)
            )
            if records
            else set()
        )
        for record in records:
            record.listing_scheduled = str(record.pk) in scheduled
        page.object_list = records
        return paginator, page, records, is_paginated

    def to_row_dict(self, item):
        return export_row(item)

    def stream_csv(self, queryset):
        # A BOM so that Excel opens the Chinese text correctly; rows are read in chunks so
        # that exporting a province's hundred thousand records does not fill the memory.
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield "\ufeff"
        yield writer.writerow(EXPORT_HEADINGS)
        for item in queryset.select_related("facility").iterator(chunk_size=2000):
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def search_queryset(self, queryset):
        # Fragments of names and codes, each answered by an index (memorials.admin_search).
        if not self.is_searching:
            return queryset
        return search_records(queryset, self.search_query, request=self.request)


class AltTextCheckedFormMixin:
    """The views (and their form classes) are built when the admin URLs load, before media/
    adds its alt-text check to image fields: add it first, so that no image without alt text
    (portrait, gallery photos, a facility's photo) can be published."""

    def get_form_class(self, for_update=False):
        from media.checks import install_image_field_override

        install_image_field_override()
        return super().get_form_class(for_update)


class MartyrRecordViewSet(AltTextCheckedFormMixin, SnippetViewSet):
    model = MartyrRecord
    icon = "user"
    menu_label = pgettext_lazy("plural", "烈士档案")
    index_view_class = MartyrRecordIndexView
    # Its history links an accepted correction's entry to the correction.
    history_view_class = RecordHistoryView
    index_results_template_name = "memorials/admin/record_index_results.html"
    # Only 姓名 (its own index), 编号 (unique) and the status (the ``(live, id)`` index) sort:
    # ordering by any other column would sort millions of rows on every page.
    list_display = [
        "name",
        "external_id",
        Column("native_place", label=_("籍贯")),
        Column("death_display", label=_("牺牲年月")),
        Column("battle", label=_("战役/事件")),
        Column("burial_place", label=_("安葬地")),
        LiveStatusTagColumn(accessor=record_status),
    ]
    filterset_class = MartyrRecordAdminFilterSet
    list_export = EXPORT_KEYS
    export_headings = EXPORT_HEADINGS
    export_filename = "martyr-records"
    search_fields = ["name", "external_id", "certificate_number"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-id"]


class MemorialFacilityViewSet(AltTextCheckedFormMixin, SnippetViewSet):
    model = MemorialFacility
    icon = "site"
    menu_label = pgettext_lazy("plural", "烈士纪念设施")
    list_display = ["name", "kind", "level", "province", "address"]
    list_filter = ["kind", "level"]
    search_fields = ["name", "address"]
    search_backend_name = None


class MemorialsGroup(SnippetViewSetGroup):
    items = (MartyrRecordViewSet, MemorialFacilityViewSet)
    menu_label = pgettext_lazy("the plugin", "烈士档案")
    menu_icon = "folder-inverse"
    menu_order = 210


register_snippet(MemorialsGroup)

# 发布 / 取消发布 of the selected records (提交审核 for staff who may not publish).
hooks.register("register_bulk_action", PublishRecordsBulkAction)
hooks.register("register_bulk_action", UnpublishRecordsBulkAction)


@hooks.register("register_admin_urls")
def register_memorials_admin_urls():
    patterns = [
        path("import/", admin_views.import_upload, name="import"),
        path("import/template.<str:fmt>", admin_views.import_template, name="import_template"),
        path("import/<uuid:uuid>/confirm/", admin_views.import_confirm, name="import_confirm"),
        path("import/<uuid:uuid>/", admin_views.import_status, name="import_status"),
        path("import/<uuid:uuid>/errors/", admin_views.import_errors, name="import_errors"),
        path("import/<uuid:uuid>/records/", admin_job_actions.import_job_records, name="import_job_records"),
        path("import/reviews/", admin_views.import_reviews, name="import_reviews"),
        path("import/<uuid:uuid>/review/", admin_views.import_review, name="import_review"),
    ]
    return [path("memorials/", include((patterns, "memorials_admin")))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("memorials.add_martyrrecord")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("导入烈士名录"), reverse("memorials_admin:import"), icon_name="download", order=211)


class ImportReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("memorials.review_importjob")


@hooks.register("register_admin_menu_item")
def register_import_review_menu_item():
    return ImportReviewMenuItem(
        _("名录导入审核"), reverse("memorials_admin:import_reviews"), icon_name="tasks", order=212
    )


@hooks.register("register_log_actions")
def register_import_log_actions(actions):
    """The import's steps in the history and the site-wide log (one entry per job, not per record)."""
    actions.register_action("memorials.import_upload", _("上传名录文件"), _("上传了名录文件"))
    actions.register_action("memorials.import_confirm", _("确认名录导入"), _("确认了名录导入"))
    actions.register_action("memorials.import", _("命令行导入名录"), _("在服务器上用命令行导入了名录"))
    actions.register_action("memorials.import_approve", _("审核通过名录导入"), _("审核通过了名录导入，发布其全部档案"))
    actions.register_action("memorials.import_return", _("退回名录导入"), _("退回了名录导入"))
    actions.register_action("memorials.import_publish", _("整批发布名录导入"), _("发布了这次导入的全部档案"))
    actions.register_action("memorials.import_unpublish", _("整批撤下名录导入"), _("撤下了这次导入的全部档案"))
    actions.register_action("memorials.import_submit", _("提交名录导入审核"), _("把这次导入整批提交审核"))
    actions.register_action(corrections.ACCEPTED)(corrections.CorrectionAcceptedFormatter)
