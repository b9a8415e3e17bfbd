"""The alt-text rule: an image without alt text may be saved in a draft but not published.

An image is publishable when it has alt text or is marked decorative. The rule is enforced
the way Wagtail enforces required fields, through *deferred validation*: saving a draft skips
it, publishing or submitting for review does not. It covers, for every plugin at once:

- the shared StreamField blocks (``media.blocks.ImageBlock`` and the gallery built on it);
- every ``ForeignKey`` to the image model in Wagtail admin forms (pages, snippets, settings),
  through a form field override;
- bulk publishing from the page listing (``before_bulk_action``), which publishes drafts
  without opening the editor.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import ForeignKey
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.models import registry as form_field_registry
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex


def alt_text_error(image):
    return ValidationError(
        _("图片“%(title)s”还没有替代文字。请在图片库中为它填写替代文字，或标为装饰性图片，然后再发布。")
        % {"title": image.title},
        code="image_needs_alt_text",
    )


def images_missing_alt_text(obj):
    """Images that ``obj`` (a page, a revision's object, a snippet) uses but may not publish.

    Uses Wagtail's reference extraction, so foreign keys, chooser blocks in StreamFields and
    images embedded in rich text are all found.
    """
    Image = get_image_model()
    image_type_id = ReferenceIndex._get_base_content_type(Image).id
    ids = {
        object_id
        for content_type_id, object_id, _model_path, _content_path in ReferenceIndex._extract_references_from_object(
            obj
        )
        if content_type_id == image_type_id
    }
    if not ids:
        return []
    return [image for image in Image.objects.filter(pk__in=ids).order_by("title") if image.needs_alt_text]


class PublishableImageChoiceField(forms.ModelChoiceField):
    """An image choice that refuses, outside a draft save, an image without alt text."""

    def clean(self, value):
        image = super().clean(value)
        if image is not None and not getattr(self, "is_deferred_validation", False) and image.needs_alt_text:
            raise alt_text_error(image)
        return image


def install_image_field_override():
    """Add the alt-text check to the form field Wagtail uses for foreign keys to images.

    Wagtail's image chooser viewset registers its widget for the image model when the admin
    URLs load; this keeps that widget and adds the field class, so it is called again after.
    """
    Image = get_image_model()
    current = form_field_registry.values_by_fk_related_model.get(Image) or {}
    if current.get("form_class") is PublishableImageChoiceField:
        return
    register_form_field_override(ForeignKey, to=Image, override={**current, "form_class": PublishableImageChoiceField})
