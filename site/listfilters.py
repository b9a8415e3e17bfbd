"""What a public list's filter set tells its page and its API: the parameters that were not
understood (and so ignored), the ones in effect, and the canonical query that keeps them.

Used by the plugins' ``django_filters.FilterSet`` classes for lists with plain GET parameters
(``?year=2023&category=veteran``): a value that matches no choice is dropped and reported,
never an error page. Free text is cleaned first (:func:`siteshell.inputs.clean_query`: no NUL
bytes or other control characters, which PostgreSQL refuses in a query).
"""

from __future__ import annotations

from django.http import QueryDict

from siteshell.inputs import clean_query
from siteshell.languages import join_list


class PublicListFilterMixin:
    """Put before ``django_filters.FilterSet`` in a filter set's bases."""

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(clean_query(data), queryset, **kwargs)

    @property
    def ignored_fields(self):
        """Labels of the parameters whose values were not understood (and so ignored)."""
        errors = self.errors
        return [str(self.filters[name].label) for name in self.filters if name in errors]

    def ignored_fields_text(self):
        """:attr:`ignored_fields` as one list in the visitor's language (“评选年度、排序”)."""
        return join_list(self.ignored_fields)

    def is_default(self, name, value) -> bool:
        """Whether ``value`` of ``name`` is what the list shows anyway (left out of its query)."""
        return False

    def active_values(self):
        """The parameters that are in effect, as submitted: the canonical query of this list."""
        errors = self.errors
        data = self.data or {}
        return {
            name: data.get(name)
            for name in self.filters
            if data.get(name) and name not in errors and not self.is_default(name, data.get(name))
        }

    def canonical_params(self):
        """The valid filters as a ``QueryDict``, for pagination links and sharing
        (``{% querystring filter_params page=2 %}``)."""
        params = QueryDict(mutable=True)
        params.update(self.active_values())
        return params

    def is_filtered(self):
        return bool(self.active_values())
