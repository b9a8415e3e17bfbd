from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def talk_url(context, page, talk):
    """The address of ``talk``'s page under the talks page ``page``."""
    return page.route_url("talk", talk.pk, request=context.get("request"))
