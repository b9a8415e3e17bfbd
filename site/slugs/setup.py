"""Pinyin slugs for every page type at once (the shell cannot change the plugins' models).

:func:`install` (called by the shell's ``AppConfig.ready``):

- wraps ``Page._set_core_field_defaults``, where Wagtail fills an empty slug when a page is
  cleaned or saved (``add_child`` included), so that :func:`~siteshell.slugs.pages.page_slug`
  comes first; start-up fails loudly should a Wagtail upgrade remove that method;
- makes :class:`~siteshell.slugs.forms.PinyinSlugPageForm` the admin form of every page type
  that does not bring its own, as Wagtail itself sets ``Page.base_form_class``;
- registers the editor's script and the address it asks (:mod:`siteshell.slugs.hooks`).
"""

from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page

from siteshell.slugs.pages import page_slug


def install():
    """Pinyin slugs for pages saved without one, and the admin form that fills them in."""
    original = getattr(Page, "_set_core_field_defaults", None)
    if original is None:
        raise ImproperlyConfigured(
            "wagtail.models.Page._set_core_field_defaults is gone: siteshell.slugs cannot fill slugs in pinyin"
        )
    if not getattr(original, "fills_pinyin_slugs", False):

        def _set_core_field_defaults(self):
            # As Wagtail's own: only once the page is in the tree (its siblings are known).
            if not self.slug and self.path and self.title:
                self.slug = page_slug(self.title, self.get_parent(), self)
            original(self)

        _set_core_field_defaults.fills_pinyin_slugs = True
        Page._set_core_field_defaults = _set_core_field_defaults

    # wagtail.admin.panels sets Page.base_form_class when imported: ours must come after it.
    import wagtail.admin.panels  # noqa: F401

    # The editor's script and the address it asks (kept here rather than in wagtail_hooks).
    import siteshell.slugs.hooks  # noqa: F401
    from siteshell.slugs.forms import PinyinSlugPageForm

    if not issubclass(Page.base_form_class, PinyinSlugPageForm):
        Page.base_form_class = PinyinSlugPageForm
