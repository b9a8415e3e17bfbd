"""``{{ name|surname }}``: the surname of a Chinese name (欧阳海 → 欧阳, 黄继光 → 黄), for the
neutral portrait placeholder of a person without a photo."""

from django import template

from search.analysis import split_name

register = template.Library()


@register.filter
def surname(name) -> str:
    text = str(name or "").strip()
    if not text or not any("\u4e00" <= character <= "\u9fff" for character in text[:2]):
        return text[:1]
    return split_name(text)[0]
