"""Filtering resources by grade band, topic and kind — one filter set for the index page and the
JSON API. Plain GET parameters (``?grade=junior&topic=heroes``): shareable, without JavaScript;
a value that matches no choice is dropped and reported, never an error page.

The index page model uses this filter set, so it sits below ``campaigns.education.models`` and
never imports them: it works on the queryset it is given.
"""

import django_filters
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from campaigns.education.choices import GradeBand, ResourceKind, Topic
from siteshell.inputs import clean_query
from siteshell.languages import join_list


class ResourceFilterSet(django_filters.FilterSet):
    grade = django_filters.ChoiceFilter(
        field_name="grade_band", label=_("学段"), choices=GradeBand.choices, empty_label=_("全部学段")
    )
    topic = django_filters.ChoiceFilter(label=_("主题"), choices=Topic.choices, empty_label=_("全部主题"))
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=ResourceKind.choices, empty_label=_("全部类型"))

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(clean_query(data), queryset, **kwargs)

    @property
    def ignored_fields(self):
        errors = self.errors
        return [str(self.filters[name].label) for name in self.filters if name in errors]

    def ignored_fields_text(self):
        return join_list(self.ignored_fields)

    def active_values(self):
        errors = self.errors
        data = self.data or {}
        return {name: data.get(name) for name in self.filters if data.get(name) and name not in errors}

    def canonical_params(self):
        params = QueryDict(mutable=True)
        params.update(self.active_values())
        return params

    def is_filtered(self):
        return bool(self.active_values())
