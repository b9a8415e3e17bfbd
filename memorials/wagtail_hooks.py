"""Admin: records, facilities and the corrections queue as snippets; import and review views."""

import csv

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.mixins import Echo
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from memorials import admin_views
from memorials.exporter import EXPORT_HEADINGS, EXPORT_KEYS, export_row
from memorials.models import MartyrCorrection, MartyrRecord, MemorialFacility


class MartyrRecordIndexView(IndexView):
    """The record list; exports use the import headers so that export → import round-trips."""

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
        # Exact matches use indexes; a substring search over millions of rows would not.
        if not self.is_searching:
            return queryset
        from django.db.models import Q

        query = self.search_query.strip()
        return queryset.filter(Q(name=query) | Q(external_id=query) | Q(certificate_number=query))


class MartyrRecordViewSet(SnippetViewSet):
    model = MartyrRecord
    icon = "user"
    menu_label = _("烈士档案")
    index_view_class = MartyrRecordIndexView
    list_display = ["name", "external_id", "native_place", "death_display", "battle", "burial_place", "live"]
    list_filter = ["live", "war_period", "native_province", "death_decade", "facility"]
    list_export = EXPORT_KEYS
    export_headings = EXPORT_HEADINGS
    export_filename = "martyr-records"
    search_fields = ["name", "external_id", "certificate_number"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-id"]


class MemorialFacilityViewSet(SnippetViewSet):
    model = MemorialFacility
    icon = "site"
    menu_label = _("烈士纪念设施")
    list_display = ["name", "kind", "level", "province", "address"]
    list_filter = ["kind", "level"]
    search_fields = ["name", "address"]
    search_backend_name = None


class CorrectionPermissionPolicy(ModelPermissionPolicy):
    """Corrections come from the public form only; staff review them, never add them."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class ReviewColumn(Column):
    cell_template_name = "memorials/admin/review_cell.html"


class MartyrCorrectionViewSet(SnippetViewSet):
    model = MartyrCorrection
    icon = "help"
    menu_label = _("纠错审核")
    list_display = [ReviewColumn("review", label=_("纠错")), "field", "status", "created_at"]
    list_filter = ["status", "field"]
    search_fields = ["record__name", "proposed_value"]
    search_backend_name = None
    ordering = ["-created_at"]
    add_to_admin_menu = False
    form_fields = ["review_note"]
    permission_policy = CorrectionPermissionPolicy(MartyrCorrection)


class MemorialsGroup(SnippetViewSetGroup):
    items = (MartyrRecordViewSet, MemorialFacilityViewSet, MartyrCorrectionViewSet)
    menu_label = _("烈士档案")
    menu_icon = "folder-inverse"
    menu_order = 210


register_snippet(MemorialsGroup)


@hooks.register("register_admin_urls")
def register_memorials_admin_urls():
    return [
        path("memorials/import/", admin_views.import_upload, name="memorials_import"),
        path("memorials/import/<uuid:uuid>/confirm/", admin_views.import_confirm, name="memorials_import_confirm"),
        path("memorials/import/<uuid:uuid>/", admin_views.import_result, name="memorials_import_result"),
        path("memorials/import/<uuid:uuid>/errors/", admin_views.import_errors, name="memorials_import_errors"),
        path("memorials/corrections/<int:pk>/review/", admin_views.correction_review,
             name="memorials_correction_review"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("memorials.add_martyrrecord")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("导入烈士名录"), reverse("memorials_import"), icon_name="download", order=211)
