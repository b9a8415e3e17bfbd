"""What the family is told, by SMS and e-mail (``siteshell.notifications``), at each step:
received (with the tracking code), accepted, declined (with the reason), scheduled (the day) and
done (the photos are on the status page). Messages are in the language the family wrote in."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from siteshell.notifications import notify


def status_url() -> str:
    """The absolute address of the plugin's status page on the default site."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else ""
    return f"{root.rstrip('/')}{reverse('sweeping:status')}"


def tell_family(sweeping_request, name: str, **context) -> None:
    """Send ``notifications/sweeping/<name>/`` to the requester's mobile and e-mail (if any).
    After the personal data was erased there is nobody to tell: nothing is sent."""
    with translation.override(sweeping_request.language):
        notify(
            to_phone=sweeping_request.phone,
            to_email=sweeping_request.email,
            template=f"sweeping/{name}",
            context={
                "martyr": sweeping_request.martyr_name,
                "status_url": status_url(),
                **{key: str(value) for key, value in context.items()},
            },
            purpose=f"sweeping.{name}",
            related=sweeping_request,
        )
