"""The martyr-record filters: one filter set for the public archive page, the JSON API and the
admin listing.

Each filter matches one of the ``(live, <field>, id)`` indexes of ``MartyrRecord``, so that a
filtered list is still an index range scan, paged by keyset (``memorials.pagination``). The
filters are plain GET parameters (``?province=四川省&period=korea&decade=1950``, ``?initial=Z``
for the surnames under a pinyin letter): a filtered list is a shareable URL and works without
JavaScript. A value that matches no choice is left
out and reported (a notice on the page, a 400 answer from the API), never an error page.
"""

from __future__ import annotations

import functools

import django_filters
from django.core.cache import cache
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet

from memorials.languages import content_marker
from memorials.models import FACILITY_CHOICES_CACHE_KEY, MartyrRecord, MemorialFacility
from memorials.periods import WarPeriod
from memorials.places import PROVINCE_NAMES
from memorials.surnames import LETTERS
from siteshell.inputs import clean_query

#: The decades offered, from the first martyrs of 1840 to today.
DECADES = range(1840, 2030, 10)
EVERYTHING = gettext_lazy("全部")


class SharedChoices(BaseChoiceIterator):
    """A list of choices that every copy of a filter and of its form field shares.

    Django and django-filter deep-copy the filters and the form's fields for every request;
    these lists never change once made, and copying forty provinces or every facility would
    cost more than the list's query.
    """

    def __init__(self, choices):
        self.choices = tuple(choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)

    def __deepcopy__(self, memo):
        return self


PROVINCE_CHOICES = SharedChoices((name, name) for name in PROVINCE_NAMES)
LETTER_CHOICES = SharedChoices((letter, letter) for letter in LETTERS)
PERIOD_CHOICES = SharedChoices(WarPeriod.choices)


@functools.lru_cache(maxsize=8)
def decade_choices(language):
    """``[("1950", "1950年代"), …]`` in ``language``, made once per language."""
    with translation.override(language):
        return SharedChoices((str(decade), _("%(decade)s年代") % {"decade": decade}) for decade in DECADES)


def _error_text(error, mark):
    """A ``ValidationError``'s message with its values filled in (marked with ``mark``: HTML)."""
    if not error.params:
        return error.message
    if mark is None:
        return error.message % error.params
    values = {key: conditional_escape(mark(value)) for key, value in error.params.items()}
    return mark_safe(conditional_escape(error.message) % values)


def facility_choices():
    """``[("12", name)]`` of every memorial facility, cached (emptied when a facility changes)."""
    choices = cache.get(FACILITY_CHOICES_CACHE_KEY)
    if choices is None:
        choices = [(str(pk), name) for pk, name in MemorialFacility.objects.order_by("name").values_list("id", "name")]
        cache.set(FACILITY_CHOICES_CACHE_KEY, choices, 3600)
    return choices


class LetterField(django_filters.fields.ChoiceField):
    """A pinyin letter, in either case (``?initial=z`` is ``Z``)."""

    def to_python(self, value):
        return super().to_python(value).strip().upper()


class LetterFilter(django_filters.ChoiceFilter):
    field_class = LetterField


class MartyrRecordFilterSet(django_filters.FilterSet):
    """Browse filters by 姓名, 姓氏拼音首字母, 籍贯（省）, 历史时期, 牺牲年代, 战役 and 安葬地 (exact
    values)."""

    name = django_filters.CharFilter(label=gettext_lazy("姓名"), max_length=100)
    initial = LetterFilter(
        label=gettext_lazy("姓氏拼音首字母"),
        field_name="surname_initial",
        choices=LETTER_CHOICES,
        empty_label=EVERYTHING,
    )
    province = django_filters.ChoiceFilter(
        label=gettext_lazy("籍贯（省）"), field_name="native_province", choices=PROVINCE_CHOICES, empty_label=EVERYTHING
    )
    period = django_filters.ChoiceFilter(
        label=gettext_lazy("历史时期"), field_name="war_period", choices=PERIOD_CHOICES, empty_label=EVERYTHING
    )
    decade = django_filters.ChoiceFilter(
        label=gettext_lazy("牺牲年代"), field_name="death_decade", empty_label=EVERYTHING
    )
    battle = django_filters.CharFilter(label=gettext_lazy("战役/事件"), max_length=200)
    facility = django_filters.ChoiceFilter(label=gettext_lazy("安葬地"), field_name="facility", empty_label=EVERYTHING)

    #: Filters whose choices are data (province and facility names): they keep the content's
    #: language on a site shown in another (``lang`` on their options).
    CONTENT_CHOICE_FILTERS = ("province", "facility")

    class Meta:
        model = MartyrRecord
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        # Without NUL bytes and other control characters, which PostgreSQL refuses in a query.
        super().__init__(clean_query(data), queryset, **kwargs)
        # Choices that depend on the language or the data are set on each request's copy.
        self.filters["decade"].extra["choices"] = decade_choices(translation.get_language())
        self.filters["facility"].extra["choices"] = SharedChoices(facility_choices())

    # -- for templates and the API ----------------------------------------------------------

    def invalid_parameters(self):
        """``{parameter: [messages]}`` of the values that were not understood (and so ignored)."""
        return {name: list(errors) for name, errors in self.errors.items()}

    def invalid_notices(self):
        """``[(label, message)]`` of the values that were not understood, for the page's notice.

        The value a visitor gave is echoed in the message; on a page shown in another language
        than the content's, a value in Chinese keeps its language there (``memorials.languages``).
        """
        mark = content_marker()
        return [
            (self.form.fields[name].label, _error_text(error, mark))
            for name, errors in self.form.errors.as_data().items()
            for error in errors
        ]

    def active_values(self):
        """The filters in effect: their valid, non-empty values."""
        if not self.is_bound:
            return {}
        self.form.is_valid()  # cleans the form; invalid values stay out of cleaned_data
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "")}

    def is_filtered(self):
        return bool(self.active_values())


class MartyrRecordAdminFilterSet(WagtailFilterSet, MartyrRecordFilterSet):
    """The same filters in the admin listing, plus 已发布.

    The listing's parameters are the model's field names (``?native_province=四川省&live=false``),
    as its links and exports have always had them; staff find a name with the search box.
    """

    live = django_filters.BooleanFilter(label=gettext_lazy("已发布"), method="filter_live")

    #: Filter → parameter of the listing, in the listing's order.
    PARAMETERS = {
        "live": "live",
        "period": "war_period",
        "province": "native_province",
        "decade": "death_decade",
        "facility": "facility",
    }
    #: The parameters with a ``(live, <field>, id)`` index.
    BROWSE_FILTERS = ("war_period", "native_province", "death_decade", "facility")

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters = {parameter: self.filters[name] for name, parameter in self.PARAMETERS.items()}
        self.filters["facility"].label = gettext_lazy("安葬的纪念设施")

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
