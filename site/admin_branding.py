"""The admin wears the bureau's name and emblem (设置 → 单位信息) instead of Wagtail's: login
page, sidebar, browser tab, and the sender of its e-mails.

Read through Wagtail's documented branding blocks (site/templates/wagtailadmin/) and, for the
sender, a lazily evaluated ``DEFAULT_FROM_EMAIL``: an address without a display name is sent as
``示范市退役军人事务局 <noreply@…>``.
"""

from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.db import DatabaseError
from django.templatetags.static import static
from django.utils.functional import lazy

#: Shipped emblem until the bureau uploads its own: a red star, no official insignia.
DEFAULT_EMBLEM = "siteshell/img/emblem.svg"
#: Renditions of an uploaded emblem: the login page and sidebar, and the browser tab.
EMBLEM_FILTER = "max-160x160|format-png"
FAVICON_FILTER = "fill-64x64|format-png"


@dataclass(frozen=True)
class Branding:
    name: str
    emblem_url: str
    favicon_url: str


def bureau_settings(request=None):
    from wagtail.models import Site

    from siteshell.models import BureauSettings

    if request is not None:
        site = Site.find_for_request(request)
    else:
        site = Site.objects.filter(is_default_site=True).first()
    return BureauSettings.for_site(site) if site is not None else BureauSettings()


def emblem_urls(bureau):
    if bureau.emblem_id:
        try:
            emblem = bureau.emblem
            return emblem.get_rendition(EMBLEM_FILTER).url, emblem.get_rendition(FAVICON_FILTER).url
        except (OSError, ValueError, type(bureau).emblem.RelatedObjectDoesNotExist):
            pass  # the file is missing or unreadable: the shipped emblem rather than a broken image
    return static(DEFAULT_EMBLEM), static(DEFAULT_EMBLEM)


def branding_for(request=None):
    """The bureau's name and emblem for the admin's templates, read once per request."""
    if request is not None and hasattr(request, "_siteshell_branding"):
        return request._siteshell_branding
    from django.conf import settings

    bureau = bureau_settings(request)
    emblem_url, favicon_url = emblem_urls(bureau)
    branding = Branding(
        name=bureau.bureau_name or settings.WAGTAIL_SITE_NAME, emblem_url=emblem_url, favicon_url=favicon_url
    )
    if request is not None:
        request._siteshell_branding = branding
    return branding


def sender_address(address):
    """``address`` with the bureau's name shown as the sender, unless it names one itself."""
    name, email = parseaddr(address)
    if name or not email:
        return address
    try:
        bureau_name = bureau_settings().bureau_name
    except DatabaseError:  # no database (yet): the plain address still delivers
        return address
    if not bureau_name:
        return address
    # Unicode as it is: Django encodes the header when it sends.
    return str(Address(display_name=bureau_name, addr_spec=email))


def default_sender_address(base_url):
    """``noreply@`` the site's host name (``BASE_URL``), or ``noreply@localhost`` without one."""
    host = urlsplit(base_url or "").hostname or ""
    is_domain_name = "." in host and any(character.isalpha() for character in host)
    return f"noreply@{host if is_domain_name else 'localhost'}"


#: For settings: ``DEFAULT_FROM_EMAIL = bureau_sender("noreply@example.gov.cn")``, evaluated when
#: a message is sent, so a renamed bureau is the sender of the next e-mail.
bureau_sender = lazy(sender_address, str)
