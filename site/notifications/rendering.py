"""Message templates: ``notifications/<template>/subject.txt``, ``email.txt`` and ``sms.txt``.

``<template>`` starts with the plugin's label (``requestdesk/status_changed``). The templates are
plain text (no HTML escaping) and get the context given to ``notify()`` plus ``site_name``,
``bureau_name`` and ``tracking_url`` (the absolute address of the public status page). An SMS is
short: one line, within 70 characters with the signature, which the service puts in front of
it (``【示范市退役军人事务局】``, setting ``NOTIFICATIONS_SMS_SIGNATURE``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template import Context, engines
from django.urls import reverse

#: An SMS longer than this is split by the carriers into several (billed) messages.
SMS_SINGLE_MESSAGE_LENGTH = 70

FILES = {"email": ("subject.txt", "email.txt"), "sms": ("sms.txt",)}


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def template_names(template: str, channel: str) -> list[str]:
    return [f"notifications/{template}/{name}" for name in FILES[channel]]


def check_templates(template: str, channel: str) -> None:
    """Raises ``TemplateDoesNotExist`` when a file the channel needs is missing."""
    engine = engines["django"].engine
    for name in template_names(template, channel):
        engine.get_template(name)


def _render(name: str, context: dict) -> str:
    return engines["django"].engine.get_template(name).render(Context(context, autoescape=False))


def site_context() -> dict:
    from wagtail.models import Site

    from siteshell.models import BureauSettings

    site = Site.objects.filter(is_default_site=True).first()
    bureau_name = BureauSettings.for_site(site).bureau_name if site else ""
    root = site.root_url if site else getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
    return {
        "site_name": site_name,
        "bureau_name": bureau_name or site_name,
        "tracking_url": f"{root.rstrip('/')}{reverse('notifications:track')}",
    }


def sms_signature(context: dict) -> str:
    return getattr(settings, "NOTIFICATIONS_SMS_SIGNATURE", "") or context["bureau_name"]


def render_message(template: str, channel: str, context: dict) -> Message:
    """The subject (email only) and text of the message, in the active language."""
    full_context = {**site_context(), **(context or {})}
    if channel == "email":
        subject_name, body_name = template_names(template, channel)
        subject = " ".join(_render(subject_name, full_context).split())
        return Message(subject=subject, body=_render(body_name, full_context).strip() + "\n")
    text = " ".join(_render(template_names(template, channel)[0], full_context).split())
    return Message(subject="", body=f"【{sms_signature(full_context)}】{text}")
