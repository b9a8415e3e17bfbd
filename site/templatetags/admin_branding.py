"""``{% admin_branding as branding %}``: the bureau's name and emblem (siteshell.admin_branding)."""

from django import template

from siteshell.admin_branding import branding_for

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_branding(context):
    return branding_for(context.get("request"))
