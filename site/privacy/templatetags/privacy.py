"""``{{ value|mask:"mobile" }}``: personal data masked for display (siteshell.privacy.masking)."""

from django import template

from siteshell.privacy.masking import mask as mask_value

register = template.Library()


@register.filter
def mask(value, kind=None):
    return mask_value(value, kind or None)
