"""Filtering talks by district, audience and topic — one filter set for the list, the month
calendar, the iCalendar feeds and the JSON API.

The filters are plain GET parameters (``?district=南湖区&audience=primary``), so a filtered list
or feed is a shareable, subscribable address that works without JavaScript. A value that
matches no choice is dropped and reported, never an error page.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.talks.choices import Audience, Topic
from siteshell.languages import content_language
from siteshell.listfilters import PublicListFilterMixin


class ContentSelect(forms.Select):
    """Options that are what editors wrote (district names) say so with ``lang``."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value not in (None, ""):
            option["attrs"]["lang"] = content_language()
        return option


class TalkFilterSet(PublicListFilterMixin, django_filters.FilterSet):
    district = django_filters.ChoiceFilter(label=_("区县"), empty_label=_("全部区县"), widget=ContentSelect)
    audience = django_filters.ChoiceFilter(label=_("面向对象"), choices=Audience.choices, empty_label=_("全部对象"))
    topic = django_filters.ChoiceFilter(label=_("内容类别"), choices=Topic.choices, empty_label=_("全部内容"))

    def __init__(self, data=None, queryset=None, *, districts_from=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # The districts on offer: those of the talks this list may show (``districts_from``,
        # e.g. every published talk for a calendar that moves from month to month).
        source = districts_from if districts_from is not None else self.queryset
        districts = source.order_by("district").values_list("district", flat=True).distinct()
        self.filters["district"].extra["choices"] = [(name, name) for name in districts if name]
