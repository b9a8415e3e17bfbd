"""Admin: records, facilities and the corrections queue as snippets; import and review views."""

import csv

import django_filters
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.views.mixins import Echo
from wagtail.models import Revision
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from memorials import admin_views
from memorials.exporter import EXPORT_HEADINGS, EXPORT_KEYS, export_row
from memorials.models import MartyrCorrection, MartyrRecord, MemorialFacility
from memorials.periods import WarPeriod
from memorials.places import PROVINCE_NAMES

#: Rows the record listing counts at most (``MEMORIALS_ADMIN_COUNT_CAP`` overrides it).
ADMIN_COUNT_CAP = 10_000


class CappedCountPaginator(WagtailPaginator):
    """A paginator that never counts a whole table: it counts at most ``cap + 1`` rows (a
    ``LIMIT``ed subquery, an index range scan) and reports "10,000+" beyond the cap.

    Pages past the cap are not offered; staff narrow the list with the filters or the search.
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, cap=ADMIN_COUNT_CAP,
                 parts=None, **kwargs):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page, **kwargs)
        self.cap = cap
        #: Disjoint conditions that split a list ordered by ``id`` into lists an index each
        #: delivers in order (see ``page()``); ``None``: one query.
        self.parts = parts

    @cached_property
    def _rows_counted(self):
        rows = self.object_list
        if hasattr(rows, "query"):
            return rows.order_by()[: self.cap + 1].count()
        return len(rows)

    @cached_property
    def count(self):
        return min(self._rows_counted, self.cap)

    @cached_property
    def is_capped(self):
        return self._rows_counted > self.cap

    @cached_property
    def items_count_label(self):
        if self.is_capped:
            return f"{self.cap:,}+ {self.verbose_name_plural}"
        return super().items_count_label

    def page(self, number):
        """The page's ids first (an index-only scan, sorted without reading the rows), then
        its rows by primary key: a deep page with a filter reads 50 rows, not thousands."""
        rows = self.object_list
        if not hasattr(rows, "values_list"):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if self.parts:
            # Each part read in index order up to the end of the page, merged: no sorting of
            # every matching row, however rare or common the filtered value.
            ids = []
            for part in self.parts:
                ids += rows.filter(part).values_list("pk", flat=True)[:top]
            ids.sort(reverse=str(rows.query.order_by[0]).startswith("-"))
            ids = ids[bottom:top]
        else:
            ids = list(rows.values_list("pk", flat=True)[bottom:top])
        by_id = rows.order_by().in_bulk(ids) if ids else {}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)


class MartyrRecordFilterSet(WagtailFilterSet):
    """The listing's filters, each answered by one of the ``(live, <field>, id)`` indexes."""

    live = django_filters.BooleanFilter(label=_("已发布"), method="filter_live")
    war_period = django_filters.ChoiceFilter(label=_("历史时期"), choices=WarPeriod.choices, empty_label=_("全部"))
    native_province = django_filters.ChoiceFilter(
        label=_("籍贯（省）"), choices=[(name, name) for name in PROVINCE_NAMES], empty_label=_("全部")
    )
    death_decade = django_filters.ChoiceFilter(
        label=_("牺牲年代"), choices=[(decade, f"{decade}年代") for decade in range(1840, 2030, 10)],
        empty_label=_("全部"),
    )
    facility = django_filters.ModelChoiceFilter(
        label=_("安葬的纪念设施"), queryset=MemorialFacility.objects.order_by("name"), empty_label=_("全部")
    )

    #: The filters with a ``(live, <field>, id)`` index.
    BROWSE_FILTERS = ("war_period", "native_province", "death_decade", "facility")

    class Meta:
        model = MartyrRecord
        fields = ["live", "war_period", "native_province", "death_decade", "facility"]

    def filter_live(self, queryset, name, value):
        # ``live IN (…)``, never a bare boolean term: see MartyrRecordQuerySet.published().
        return queryset.filter(live__in=[value])

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        self.both_states = data.get("live") is None and any(
            data.get(name) not in (None, "") for name in self.BROWSE_FILTERS
        )
        if self.both_states:
            # Both states asked for: a term on ``live`` still lets the database use the index
            # whose leading column it is.
            queryset = queryset.filter(live__in=[True, False])
        return queryset


def record_status(record):
    """The status tag of :class:`~wagtail.models.DraftStateMixin`, from the scheduled flag that
    the listing looked up for the whole page (``status_string`` queries it row by row)."""
    scheduled = getattr(record, "listing_scheduled", None)
    if scheduled is None:
        return record.status_string
    if not record.live:
        if record.expired:
            return _("expired")
        return _("scheduled") if scheduled else _("draft")
    if scheduled:
        return _("live + scheduled")
    return _("live + draft") if record.has_unpublished_changes else _("live")


class MartyrRecordIndexView(IndexView):
    """The record list; exports use the import headers so that export → import round-trips.

    At millions of rows: the count is capped (:class:`CappedCountPaginator`), only indexed
    columns sort, the filters use the ``(live, <field>, id)`` indexes and the search looks up
    exact values.
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
            queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page, cap=self.count_cap,
            parts=parts, **kwargs,
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        records = list(object_list)
        # One query for the page instead of one per row (see record_status).
        scheduled = set(
            Revision.objects.filter(
                base_content_type=ContentType.objects.get_for_model(MartyrRecord),
                object_id__in=[str(record.pk) for record in records],
                approved_go_live_at__isnull=False,
            ).values_list("object_id", flat=True)
        ) if records else set()
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
        # Exact matches use indexes; a substring search over millions of rows would not.
        if not self.is_searching:
            return queryset

        query = self.search_query.strip()
        condition = Q(name=query) | Q(external_id=query)
        if any(character.isdigit() for character in query) and not queryset.filter(condition).exists():
            # 烈士证明书编号 has no index of its own: only a query that can be one (names have
            # no digits) and is no 姓名 or 编号 pays for looking it up.
            condition = Q(certificate_number=query)
        return queryset.filter(condition)


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
    menu_label = _("烈士档案")
    index_view_class = MartyrRecordIndexView
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
    filterset_class = MartyrRecordFilterSet
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
        path("memorials/import/<uuid:uuid>/", admin_views.import_status, name="memorials_import_status"),
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
