"""Values of the content's language inside translated text, on a page shown in another language.

A whole element of what records hold gets ``lang="{% content_language %}"`` in the templates.
Some values sit inside a sentence of the interface instead: a grave section in ``Section 东,
Row 1`` or a filter value a visitor typed, echoed in an error. :func:`content_marker` marks
those (``siteshell.languages.in_content_language``) when the page is in another language; on
the content's own language the text stays exactly as it was.
"""

from django.utils.translation import get_language

from siteshell.languages import content_language, in_content_language


def _base(language):
    return (language or "").lower().split("-")[0]


def content_marker():
    """``None`` when the active language is the content's; else a function that marks a value
    written in another script than ASCII with the content language (``A`` or ``12`` read the
    same in any language and stay as they are)."""
    if _base(get_language()) == _base(content_language()):
        return None
    return _mark


def _mark(value):
    return value if str(value).isascii() else in_content_language(value)
