"""What the search service needs to know about a searchable model, and the conventions for it.

Any model with Wagtail ``search_fields`` (a page or a plain model using ``index.Indexed``) that a
plugin returns from ``search_documents()`` is searchable. It may refine how it is searched with
these optional attributes (see ``search/README.md``):

``search_public_queryset()`` (classmethod)
    The objects the public may find. Default: ``live().public()`` for pages; for other models
    their ``get_indexed_objects()``, only the published ones (``live``) when they have drafts.
``search_facet_fields``
    ``{"region": "native_province", "period": "war_period"}``: facet name → model field, which
    must also be an ``index.FilterField``. The public page offers ``region`` and ``period``
    facets (labels from the field's choices) for the models that declare them.
``search_name_fields``
    Fields holding a person's name, indexed with pinyin. Default: ``name``, ``full_name`` and a
    ``title`` of two to four Chinese characters.
``get_url(request)`` (as on pages) or ``get_absolute_url()``
    Where a result links to, for models that are not pages.
``search_result_fields``
    Short facts a result shows first, each labelled with its field's ``verbose_name``
    (``("native_place", "unit", "battle")`` reads 籍贯 …, 生前单位 …, 战役/事件 …) rather
    than run together with the rest of its text.
"""

from __future__ import annotations

from django.utils.encoding import force_str
from modelsearch.index import SearchField, class_is_indexed
from wagtail.models import DraftStateMixin, Page

#: The facets the public search page knows, in display order, beside the content type.
FACETS = ("region", "period")
DEFAULT_NAME_FIELDS = frozenset({"name", "full_name", "title"})


def document_models() -> list[type]:
    """The searchable models that the enabled plugins register, without duplicates."""
    from siteshell.plugins import search_documents

    models = []
    for model in search_documents():
        if class_is_indexed(model) and model not in models:
            models.append(model)
    return models


def type_key(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def type_label(model) -> str:
    return force_str(model._meta.verbose_name)


def is_page_model(model) -> bool:
    return issubclass(model, Page)


def public_queryset(model):
    """The objects of ``model`` that a visitor may find."""
    custom = getattr(model, "search_public_queryset", None)
    if custom is not None:
        return custom()
    if is_page_model(model):
        return model.objects.live().public()
    queryset = model.get_indexed_objects()
    if issubclass(model, DraftStateMixin):
        # Snippets with drafts (a martyr record under review) are public once published.
        queryset = queryset.filter(live=True)
    return queryset


def is_public(obj) -> bool:
    model = type(obj)
    return public_queryset(model).filter(pk=obj.pk).exists()


def facet_fields(model) -> dict[str, str]:
    declared = getattr(model, "search_facet_fields", None) or {}
    return {name: field for name, field in declared.items() if name in FACETS}


def name_fields(model) -> frozenset[str]:
    declared = getattr(model, "search_name_fields", None)
    return frozenset(declared) if declared is not None else DEFAULT_NAME_FIELDS


def result_title(obj) -> str:
    return force_str(getattr(obj, "title", None) or getattr(obj, "name", None) or obj)


def result_url(obj, request=None) -> str:
    # Pages, and models served by a routable page, know their URL for the request's site.
    get_url = getattr(obj, "get_url", None)
    if get_url is not None:
        return get_url(request=request) or ""
    get_absolute_url = getattr(obj, "get_absolute_url", None)
    return get_absolute_url() if get_absolute_url else ""


def result_fields(obj) -> list[tuple[str, str]]:
    """The labelled facts of a result (``search_result_fields``): ``(label, value)`` in the
    declared order, the label in the visitor's language, empty values left out."""
    facts = []
    for field_name in getattr(type(obj), "search_result_fields", ()) or ():
        value = getattr(obj, field_name, "")
        if callable(value):
            value = value()
        value = " ".join(_plain(value).split()) if value not in (None, "") else ""
        if value:
            facts.append((force_str(type(obj)._meta.get_field(field_name).verbose_name), value))
    return facts


def result_text(obj, limit=5000, *, without=()) -> str:
    """The searchable text of an object apart from its title, for snippets; the fields named in
    ``without`` (those shown as labelled facts) are left out too."""
    texts = []
    # The field shown as the result's title is not repeated in its snippet.
    title_field = "title" if getattr(obj, "title", None) else "name"
    skipped = {title_field, *without}
    for search_field in type(obj).get_search_fields():
        if not isinstance(search_field, SearchField) or search_field.field_name in skipped:
            continue
        try:
            value = search_field.get_value(obj)
        except Exception:  # a broken field must not break a result list
            continue
        if value:
            texts.append(_plain(value))
        if sum(map(len, texts)) > limit:
            break
    return " ".join(texts)[:limit]


def _plain(value) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_plain(item) for item in value.values())
    from django.utils.html import strip_tags

    return strip_tags(force_str(value))


def _choice_label(model, facet_name, value) -> str | None:
    field_name = facet_fields(model).get(facet_name)
    try:
        choices = dict(model._meta.get_field(field_name).flatchoices) if field_name else {}
    except Exception:  # a property or an annotation rather than a model field
        choices = {}
    return force_str(choices[value]) if value in choices else None


def facet_label(facet_name, value, models) -> tuple[str, bool]:
    """How a facet value reads, and whether it is translated: the choice label (in the active
    language) of the first of ``models`` whose facet field offers the value as a choice, else
    the value itself, which editors wrote (a district's name) and which keeps its language."""
    for model in models:
        label = _choice_label(model, facet_name, value)
        if label is not None:
            return label, True
    return force_str(value), False


def facet_values(obj) -> dict[str, str]:
    values = {}
    for name, field_name in facet_fields(type(obj)).items():
        value = getattr(obj, field_name, "")
        if callable(value):
            value = value()
        values[name] = force_str(value) if value not in (None, "") else ""
    return values
