"""Every StreamField block of the project, and the values an editor can enter into it: empty,
complete, and everything in between (each part alone, each part left out, lists without items).

The blocks are found by walking the StreamFields of the installed models, so that a block a
plugin adds later is covered without touching the tests. Values are built as the admin's
form posts them (``wagtail.test.utils.form_data``) and read back with the block's own
``value_from_datadict``, as the page editor does.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.db import models
from django.utils import timezone
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

#: A video page the local finder (media.embeds) turns into a player without asking the platform.
EMBED_URL = "https://www.bilibili.com/video/BV1xx411c7mD"


def stream_fields(page_models_only=False):
    """``(model, field)`` for every StreamField of an installed model."""
    from wagtail.models import Page

    for model in apps.get_models():
        if page_models_only and not issubclass(model, Page):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                yield model, field


def block_types(page_models_only=False):
    """``(label, model, field, name, block)`` for each block type a StreamField offers."""
    for model, field in stream_fields(page_models_only):
        for name, block in field.stream_block.child_blocks.items():
            yield f"{model._meta.label}.{field.name}.{name}", model, field, name, block


@dataclass(frozen=True)
class Variant:
    """Which parts of a block are filled: ``filled(path)`` for each leaf; lists in
    ``no_items`` get no item at all; with ``after_a_complete_item`` each list holds a complete
    item before the partial one (an entry without a year after one with a year)."""

    name: str
    filled: object
    no_items: frozenset = frozenset()
    after_a_complete_item: bool = False


COMPLETE = Variant("complete", lambda path: True)


def leaf_paths(block, path=()):
    """The paths of the fields an editor fills in (a list is walked through one item)."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from leaf_paths(child, (*path, name))
    elif isinstance(block, blocks.ListBlock):
        yield from leaf_paths(block.child_block, (*path, "item"))
    elif isinstance(block, blocks.StreamBlock):
        name, child = next(iter(block.child_blocks.items()))
        yield from leaf_paths(child, (*path, name))
    else:
        yield path


def list_paths(block, path=()):
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from list_paths(child, (*path, name))
    elif isinstance(block, blocks.ListBlock):
        yield path
        yield from list_paths(block.child_block, (*path, "item"))


def variants(block):
    """Empty, complete, each part alone, each part left out, each list without items."""
    leaves = list(leaf_paths(block))
    found = [Variant("empty", lambda path: False), COMPLETE]
    in_lists = any(list_paths(block))
    if len(leaves) > 1:
        for leaf in leaves:
            label = "/".join(leaf)
            found.append(Variant(f"only {label}", lambda path, leaf=leaf: path == leaf))
            found.append(Variant(f"without {label}", lambda path, leaf=leaf: path != leaf))
            if in_lists:
                found.append(
                    Variant(
                        f"a complete item, then one without {label}",
                        lambda path, leaf=leaf: path != leaf,
                        after_a_complete_item=True,
                    )
                )
    for path in list_paths(block):
        found.append(Variant(f"no items in {'/'.join(path) or 'the list'}", lambda p: True, frozenset([path])))
    return found


def form_value(block, variant, objects, path=()):
    """What the page editor posts for ``block`` (nested; see ``nested_form_data``)."""
    if isinstance(block, blocks.StructBlock):
        return {name: form_value(child, variant, objects, (*path, name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        if path in variant.no_items:
            return streamfield([])
        items = [("item", form_value(block.child_block, variant, objects, (*path, "item")))]
        if variant.after_a_complete_item:
            items.insert(0, ("item", form_value(block.child_block, COMPLETE, objects, (*path, "item"))))
        return streamfield(items)
    if isinstance(block, blocks.StreamBlock):
        name, child = next(iter(block.child_blocks.items()))
        return streamfield([(name, form_value(child, variant, objects, (*path, name)))])
    if isinstance(block, blocks.RichTextBlock):
        return rich_text("<p>退伍不褪色，带领乡亲种植中药材。</p>" if variant.filled(path) else "")
    return leaf_value(block, objects) if variant.filled(path) else ""


def leaf_value(block, objects):
    """A value an editor would type or choose for a field block."""
    if isinstance(block, EmbedBlock):
        return EMBED_URL
    if isinstance(block, blocks.BooleanBlock):
        return "on"
    target = getattr(block, "target_model", None)
    if target is not None:
        return str(objects.get(block).pk)
    field = block.field
    if isinstance(field, forms.ChoiceField):
        return str(next(value for value, _label in field.choices if value not in ("", None)))
    if isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        return str(field.min_value if field.min_value is not None else 1)
    if isinstance(field, forms.DateField):
        return "2026-04-05"
    if isinstance(field, forms.URLField):
        return "https://www.example.gov.cn/"
    if isinstance(field, forms.EmailField):
        return "office@example.gov.cn"
    return "参军入伍"


def stream_data(field_name, block_name, raw):
    """POST data of a StreamField holding one block."""
    return nested_form_data({field_name: streamfield([(block_name, raw)])})


class ChosenObjects:
    """One of each thing a chooser block can point to, made on first use."""

    def __init__(self, page):
        self.page = page
        self._made = {}

    def get(self, block):
        from wagtail.coreutils import resolve_model_string
        from wagtail.models import Page

        target = resolve_model_string(block.target_model)
        if issubclass(target, Page):
            return self.page
        kind = getattr(block, "media_type", None) or target._meta.label
        if kind not in self._made:
            self._made[kind] = self._make(target, kind)
        return self._made[kind]

    @staticmethod
    def _make(target, kind):
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        from media import demo

        if kind == "audio":
            return demo.make_audio("口述历史")
        if kind == "video":
            film = target(title="风采展示小视频", type="video", duration=1)
            film.file.save("story.mp4", ContentFile(demo.render_wav(0.5)), save=False)
            film.save()
            return film
        if issubclass(target, get_document_model()):
            return demo.make_document("认识国旗教案")
        return demo.make_image("黄继光纪念馆", alt_text="黄继光纪念馆正门")


# -- pages to edit ------------------------------------------------------------------------------


def page_chain(model):
    """The page types from under the home page down to ``model`` (``[]`` for the home page)."""
    from siteshell.models import HomePage

    if model is HomePage:
        return []
    queue, seen = [(HomePage, [])], {HomePage}
    while queue:
        parent, chain = queue.pop(0)
        for child in parent.allowed_subpage_models():
            if child is model:
                return [*chain, child]
            if child not in seen:
                seen.add(child)
                queue.append((child, [*chain, child]))
    raise LookupError(f"{model._meta.label} cannot be added under the home page")


def required_values(model):
    """Values for the fields the database needs (a draft needs nothing else)."""
    from wagtail.models import Page

    page_fields = {field.name for field in Page._meta.concrete_fields}
    values = {}
    for field in model._meta.concrete_fields:
        if field.name in page_fields or field.null or field.blank or field.has_default() or field.primary_key:
            continue
        if field.choices:
            values[field.name] = field.choices[0][0]
        elif isinstance(field, (models.DateTimeField,)):
            values[field.name] = timezone.now()
        elif isinstance(field, models.DateField):
            values[field.name] = timezone.localdate()
        elif isinstance(field, (models.IntegerField, models.DecimalField, models.FloatField)):
            values[field.name] = 1
        elif isinstance(field, (models.CharField, models.TextField)):
            values[field.name] = "测试"
    return values


def draft_page(model, home_page):
    """A draft of ``model`` in the page tree (the home page itself for the home page)."""
    parent = home_page
    for page_type in page_chain(model):
        parent = parent.add_child(
            instance=page_type(title=f"测试{page_type._meta.verbose_name}", live=False, **required_values(page_type))
        )
    return parent
