"""Filtering and sorting profiles, shared by the public index page and the JSON API.

The filters are plain GET parameters (``?year=2023&title=zuimei-junsao&region=南湖区``), so a
filtered list is a shareable URL and works without JavaScript. A value that does not match
any choice (an unknown year, a garbage string) is dropped and reported, never an error page.

The index page model uses this filter set, so it sits below ``honors.models`` and never imports
them: it works on the profile queryset it is given and looks the other models up by name.
"""

import django_filters
from django import forms
from django.apps import apps
from django.db.models import Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from honors.choices import Category
from siteshell.languages import content_language
from siteshell.listfilters import PublicListFilterMixin


class Sort:
    RECENT = "recent"
    EARLIEST = "earliest"
    PUBLISHED = "published"

    choices = [
        (RECENT, _("评选年度：由近到远")),
        (EARLIEST, _("评选年度：由远到近")),
        (PUBLISHED, _("最近发布")),
    ]
    default = RECENT


#: Filters that describe one honour; they must all match the *same* honour, so that
#: ``year=2023&title=最美军嫂`` finds those who became 最美军嫂 in 2023, not in another year.
HONOUR_LOOKUPS = {"year": "round__year", "round": "round", "title": "title"}


class ContentSelect(forms.Select):
    """A select whose options, apart from the empty one, are what editors wrote (region and title
    names, selection rounds): each option says so with ``lang`` for the English site."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value not in (None, ""):
            option["attrs"]["lang"] = content_language()
        return option


class ProfileFilterSet(PublicListFilterMixin, django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("评选年度"), empty_label=_("全部年度"), method="applied_in_filter_queryset"
    )
    # The querysets of the two model choices are set for each list in __init__.
    # A round reads “2023 · Municipal · 第三届”: its edition is what editors wrote.
    round = django_filters.ModelChoiceFilter(
        label=_("评选届次"),
        empty_label=_("全部届次"),
        method="applied_in_filter_queryset",
        widget=ContentSelect,
    )
    title = django_filters.ModelChoiceFilter(
        label=_("荣誉称号"),
        to_field_name="slug",
        empty_label=_("全部称号"),
        method="applied_in_filter_queryset",
        widget=ContentSelect,
    )
    category = django_filters.ChoiceFilter(label=_("类别"), choices=Category.choices, empty_label=_("全部类别"))
    region = django_filters.ChoiceFilter(label=_("所在区县"), empty_label=_("全部区县"), widget=ContentSelect)
    sort = django_filters.ChoiceFilter(
        label=_("排序"), choices=Sort.choices, empty_label=None, method="applied_in_filter_queryset"
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # Offer only the choices that lead to at least one profile of this list.
        profiles = self.queryset.values("pk")
        rounds = apps.get_model("honors", "SelectionRound").objects.filter(honours__page__in=profiles).distinct()
        years = sorted(set(rounds.values_list("year", flat=True)), reverse=True)
        regions = self.queryset.order_by("region").values_list("region", flat=True).distinct()
        self.filters["year"].extra["choices"] = [(str(year), gettext("%(year)s年") % {"year": year}) for year in years]
        self.filters["round"].queryset = rounds.order_by("-year", "level", "edition")
        titles = apps.get_model("honors", "HonourTitle").objects.filter(honours__page__in=profiles).distinct()
        self.filters["title"].queryset = titles
        self.filters["region"].extra["choices"] = [(region, region) for region in regions if region]

    def applied_in_filter_queryset(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        honour = {lookup: data[name] for name, lookup in HONOUR_LOOKUPS.items() if data.get(name) not in (None, "")}
        if honour:
            honours = apps.get_model("honors", "ProfileHonour").objects.filter(**honour)
            queryset = queryset.filter(pk__in=honours.values("page_id"))
        queryset = super().filter_queryset(queryset)
        return self.sort_queryset(queryset, data.get("sort") or Sort.default)

    @staticmethod
    def sort_queryset(queryset, sort):
        if sort == Sort.PUBLISHED:
            return queryset.order_by("-first_published_at", "-pk")
        queryset = queryset.annotate(latest_year=Max("honours__round__year"))
        if sort == Sort.EARLIEST:
            return queryset.order_by("latest_year", "pk")
        return queryset.order_by("-latest_year", "-first_published_at", "-pk")

    # -- for templates and the API (siteshell.listfilters) --------------------------------------

    def is_default(self, name, value):
        return name == "sort" and value == Sort.default

    def is_filtered(self):
        return any(name != "sort" for name in self.active_values())
