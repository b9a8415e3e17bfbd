"""Filtering resources by grade band, topic and kind — one filter set for the index page and the
JSON API. Plain GET parameters (``?grade=junior&topic=heroes``): shareable, without JavaScript;
a value that matches no choice is dropped and reported, never an error page.

The index page model uses this filter set, so it sits below ``campaigns.education.models`` and
never imports them: it works on the queryset it is given.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from campaigns.education.choices import GradeBand, ResourceKind, Topic
from siteshell.listfilters import PublicListFilterMixin


class ResourceFilterSet(PublicListFilterMixin, django_filters.FilterSet):
    grade = django_filters.ChoiceFilter(
        field_name="grade_band", label=_("学段"), choices=GradeBand.choices, empty_label=_("全部学段")
    )
    topic = django_filters.ChoiceFilter(label=_("主题"), choices=Topic.choices, empty_label=_("全部主题"))
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=ResourceKind.choices, empty_label=_("全部类型"))
