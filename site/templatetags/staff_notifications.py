"""``{% notified_item object page user task as item %}`` for the admin's workflow e-mails
(siteshell.staff.notifications)."""

from django import template

from siteshell.staff import notifications

register = template.Library()


@register.simple_tag
def notified_item(obj, page=None, user=None, task=None):
    return notifications.notified_item(obj, page=page or None, user=user, task=task or None)
